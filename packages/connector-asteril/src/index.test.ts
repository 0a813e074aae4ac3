// Also a compile-time test: `tsc` checks this file, so each `@ts-expect-error` below fails the
// build if the factory's types are loosened.
import { ConfigError, ValidationError } from '@crossline/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { options } from './__fixtures__/config.js';
import * as api from './index.js';
import { asteril, asterilCallTracking } from './index.js';

const context = { envelopeId: 'calls:c-1', occurredAt: 0 };

describe('@crossline/connector-asteril exports', () => {
  it('exposes its documented runtime API by name: the factory and the pipeline helper', () => {
    expect(Object.keys(api).sort()).toEqual(['asteril', 'asterilCallTracking']);
  });

  it('types the factory end to end: options, config, action names, inputs and outputs', async () => {
    const crm = asteril(options());
    expectTypeOf(crm.config.behaviour.directions).toEqualTypeOf<'incoming' | 'both'>();
    expectTypeOf(crm.config.api.paths.calls).toEqualTypeOf<string>();
    expectTypeOf<ReturnType<typeof crm.perform<'calls.log'>>>().resolves.toEqualTypeOf<{
      readonly id: number;
      readonly duplicate: boolean;
    }>();
    expectTypeOf<ReturnType<typeof crm.perform<'contacts.upsert'>>>().resolves.toHaveProperty(
      'phones',
    );

    // @ts-expect-error: misspelled option
    expect(() => asteril({ ...options(), apiKy: 'k' })).toThrow(ConfigError);
    // @ts-expect-error: misspelled behaviour
    expect(() => asteril(options({ behaviour: { createClients: false } }))).toThrow(ConfigError);
    // @ts-expect-error: no such action
    await expect(crm.perform('orders.create', {}, context)).rejects.toThrow(ConfigError);
    // @ts-expect-error: a call needs its direction, numbers and start
    await expect(crm.perform('calls.log', { id: 'c-1' }, context)).rejects.toThrow(ValidationError);
    expect(asterilCallTracking(crm).id).toBe('calls');
  });
});
