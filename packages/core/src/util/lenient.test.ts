import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { lenient, lenientEnum, withoutNulls } from './lenient.js';

const answer = lenient(
  z.looseObject({
    success: z.literal(true),
    manager: z.looseObject({ id: z.number(), code: z.string().optional() }).optional(),
    customer: z
      .looseObject({
        id: z.number(),
        email: z.string().optional(),
        phones: z.array(z.looseObject({ number: z.string().optional() })).default([]),
      })
      .optional(),
    status: lenientEnum(['free', 'busy']).optional(),
  }),
);

describe('withoutNulls', () => {
  it('leaves out null properties and array items at any depth, without touching the input', () => {
    const input = { a: null, b: { c: null, d: 1 }, e: [null, { f: null, g: 'x' }], h: 0 };
    expect(withoutNulls(input)).toEqual({ b: { d: 1 }, e: [{ g: 'x' }], h: 0 });
    expect(input.a).toBeNull();
    expect(input.b.c).toBeNull();
    expect(withoutNulls(null)).toBeNull();
    expect(withoutNulls('text')).toBe('text');
  });
});

describe('lenient', () => {
  it('reads a null optional field as absent, at the top and nested', () => {
    expect(answer.parse({ success: true, manager: null, customer: null })).toEqual({
      success: true,
    });
    expect(answer.parse({ success: true, customer: { id: 5, email: null, phones: null } })).toEqual(
      { success: true, customer: { id: 5, phones: [] } },
    );
  });

  it('keeps extra fields it does not know, and still fails a null required field, naming it', () => {
    expect(answer.parse({ success: true, extra: { nested: 1 } })).toMatchObject({
      extra: { nested: 1 },
    });
    const result = answer.safeParse({ success: true, manager: { id: null } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['manager', 'id']);
  });

  it('keeps the output type of the schema it wraps', () => {
    expectTypeOf(answer.parse).returns.toEqualTypeOf<z.output<typeof answer>>();
    expectTypeOf<z.output<typeof answer>['manager']>().toEqualTypeOf<
      { [key: string]: unknown; id: number; code?: string | undefined } | undefined
    >();
  });
});

describe('lenientEnum', () => {
  it('accepts values the vendor adds later, typed with the known ones', () => {
    const status = lenientEnum(['free', 'busy', 'dinner', 'break']);
    expect(status.parse('vacation')).toBe('vacation');
    expect(status.parse('busy')).toBe('busy');
    expect(status.safeParse(3).success).toBe(false);
    expectTypeOf(status.parse('free')).toEqualTypeOf<
      'free' | 'busy' | 'dinner' | 'break' | (string & {})
    >();
  });

  it('reads an unknown value as the fallback when one is given', () => {
    const direction = lenientEnum(['in', 'out'], { fallback: 'in' });
    expect(direction.parse('transfer')).toBe('in');
    expect(direction.parse('out')).toBe('out');
  });
});
