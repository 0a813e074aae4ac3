import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { callSchema } from './call.js';
import { bonusTransactionSchema, orderSchema } from './commerce.js';
import { contactSchema } from './contact.js';
import { parseCanonical } from './parse.js';
import { messageSchema } from './ticket.js';

const call = {
  id: 'call-1',
  direction: 'incoming',
  result: 'missed',
  from: '+38 (067) 123-45-67',
  to: '044 111 22 33',
  startedAt: '2026-11-23T10:00:00+02:00',
  utm: { source: 'google' },
};

describe('canonical model', () => {
  it('normalises every phone as it parses, and applies defaults', () => {
    expect(parseCanonical(callSchema, call, 'call')).toEqual({
      ...call,
      from: '380671234567',
      to: '380441112233',
      durationSec: 0,
      extra: {},
    });
    const contact = parseCanonical(
      contactSchema,
      { phones: ['0671234567', '+48 501 234 567'] },
      'contact',
    );
    expect(contact).toEqual({
      phones: ['380671234567', '48501234567'],
      emails: [],
      customFields: {},
    });
  });

  it('lists every offending path in one validation error', () => {
    let error: unknown;
    try {
      parseCanonical(
        callSchema,
        { ...call, from: 'call me', result: 'maybe', durationSec: -1 },
        'call',
      );
    } catch (caught) {
      error = caught;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    const paths = (error as ValidationError).issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(['durationSec', 'from', 'result']);
    expect((error as ValidationError).message).toContain('from: not a phone number (not-a-phone)');
  });

  it('validates the other entities', () => {
    expect(() =>
      parseCanonical(orderSchema, { lines: [{ sku: 'A', title: 'a', qty: 0, price: 1 }] }, 'order'),
    ).toThrow(/lines\.0\.qty/);
    expect(() =>
      parseCanonical(bonusTransactionSchema, { cardId: 'c', amount: 0 }, 'bonus'),
    ).toThrow(/amount/);
    const message = parseCanonical(
      messageSchema,
      {
        id: 'm',
        conversationId: 'c',
        authorRole: 'shop',
        text: 'hi',
        sentAt: '2026-11-23T10:00:00Z',
        attachments: [{ name: 'a.pdf', sizeBytes: 10 }],
      },
      'message',
    );
    expect(message.internal).toBe(false);
  });
});

describe('links in canonical entities', () => {
  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'ftp://host/x'])(
    'refuses the recording link %s',
    (link) => {
      const result = callSchema.safeParse({
        id: 'c',
        direction: 'incoming',
        result: 'answered',
        from: '+380671234567',
        to: '0441112233',
        startedAt: '2026-11-30T10:00:00Z',
        recordingUrl: link,
      });
      expect(result.success).toBe(false);
    },
  );
});
