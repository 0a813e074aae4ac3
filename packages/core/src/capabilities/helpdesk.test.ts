import { describe, expect, it } from 'vitest';
import {
  agentReplySchema,
  helpdeskCustomerLookupSchema,
  helpdeskCustomerSchema,
} from './helpdesk.js';

describe('helpdesk capability schemas', () => {
  it('read every shape of a customer look-up, and refuse another status', () => {
    const customer = { id: '5012', externalId: 'cust-998877' };
    expect(helpdeskCustomerSchema.parse(customer)).toEqual(customer);
    for (const lookup of [
      { status: 'found', customer },
      { status: 'none' },
      { status: 'ambiguous', ids: ['1', '2'] },
    ]) {
      expect(helpdeskCustomerLookupSchema.parse(lookup)).toEqual(lookup);
    }
    expect(helpdeskCustomerLookupSchema.safeParse({ status: 'several' }).success).toBe(false);
  });

  it('reads an agent reply, attachments defaulting to none, and refuses a bad date', () => {
    const reply = {
      id: '901',
      ticketId: '88123',
      text: '<p>Hello</p>',
      format: 'html',
      sentAt: '2026-01-05T10:00:00+01:00',
    };
    expect(agentReplySchema.parse(reply)).toEqual({ ...reply, attachments: [] });
    expect(agentReplySchema.safeParse({ ...reply, sentAt: '2026-01-05 10:00' }).success).toBe(
      false,
    );
  });
});
