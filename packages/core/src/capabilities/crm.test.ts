import { describe, expect, it } from 'vitest';
import { contactLookupSchema, foundContactSchema } from './crm.js';

describe('CRM capability output schemas', () => {
  it('read every shape of a look-up and a found contact, and refuse another status', () => {
    const contact = { id: '7', phones: ['+38 (067) 123-45-67'] };
    expect(foundContactSchema.parse(contact)).toEqual(contact);
    for (const lookup of [
      { status: 'found', contact },
      { status: 'none' },
      { status: 'ambiguous', ids: ['7', '8'] },
    ]) {
      expect(contactLookupSchema.parse(lookup)).toEqual(lookup);
    }
    expect(contactLookupSchema.safeParse({ status: 'several', ids: [] }).success).toBe(false);
    expect(foundContactSchema.safeParse({ id: 7, phones: [] }).success).toBe(false);
  });
});
