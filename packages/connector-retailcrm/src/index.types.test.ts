// Compile-time tests of what a host sees: the test run type-checks this file (`tsc`), so each
// `@ts-expect-error` below fails the build if the factory's types are loosened.
import type { ContactLookup, FoundContact } from '@crossline/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { options } from './__fixtures__/config.js';
import { retailcrm } from './index.js';

const context = { envelopeId: 'types:1', occurredAt: 0 };

describe('the retailcrm factory, typed for the host', () => {
  it('types options and configure(), and refuses a misspelled one', () => {
    // @ts-expect-error: misspelled option
    expect(() => retailcrm({ ...options(), apiKy: 'x' })).toThrow(/unknown option `apiKy`/);
    const crm = retailcrm(options());
    // @ts-expect-error: misspelled option
    expect(() => crm.configure({ siet: 'other' })).toThrow(/unknown option `siet`/);
    expectTypeOf(crm.config.origin).toEqualTypeOf<string>();
    expectTypeOf(crm.config.rateLimits).toEqualTypeOf<{ general: number; telephony: number }>();
  });

  it('types every action by name, input and output', () => {
    const crm = retailcrm(options());
    expectTypeOf(crm.actionNames).toEqualTypeOf<
      readonly (
        | 'contacts.findByPhone'
        | 'contacts.upsert'
        | 'contacts.get'
        | 'contacts.create'
        | 'contacts.update'
        | 'calls.log'
        | 'calls.event'
        | 'tasks.create'
        | 'orders.create'
      )[]
    >();
    const lookup = () => crm.perform('contacts.findByPhone', { phone: '0671234567' }, context);
    expectTypeOf(lookup).returns.resolves.toEqualTypeOf<ContactLookup>();
    const upsert = () => crm.perform('contacts.upsert', { phones: ['0671234567'] }, context);
    expectTypeOf(upsert).returns.resolves.toEqualTypeOf<FoundContact>();
    const task = () => crm.perform('tasks.create', { title: 'Call back' }, context);
    expectTypeOf(task).returns.resolves.toEqualTypeOf<{
      readonly id: number;
      readonly duplicate: boolean;
    }>();
    // @ts-expect-error: no such action
    void (() => crm.perform('contacts.delete', { phone: '0671234567' }, context));
    // @ts-expect-error: `phone` must be a string
    void (() => crm.perform('contacts.findByPhone', { phone: 380671234567 }, context));
    const noPrice = { lines: [{ sku: 'a', title: 'A', qty: 1 }] };
    // @ts-expect-error: an order's lines need a price
    void (() => crm.perform('orders.create', noPrice, context));
  });
});
