// Compile-time tests: `npm test` type-checks this file, so each `@ts-expect-error` below fails
// the build if the types it guards are loosened (the line would then compile, and an unused
// `@ts-expect-error` is an error).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';
import { defineConnector } from './define-connector.js';

const echo = defineConnector({
  vendor: 'echo',
  configSchema: z.object({ apiKey: z.string().min(1), region: z.enum(['eu', 'us']).optional() }),
  createClient: (config) => ({ key: config.apiKey }),
  verify: async ({ client }) => ({
    reachable: client.key.length > 0,
    credentialsValid: true,
    missingPermissions: [],
    problems: [],
  }),
  actions: {
    'notes.add': {
      input: z.object({ text: z.string(), pinned: z.boolean().default(false) }),
      output: z.object({ id: z.string(), length: z.number() }),
      run: async (note, { client }) => ({ id: `${client.key}-1`, length: note.text.length }),
    },
    'notes.count': {
      input: z.object({}),
      run: async () => 3,
    },
  },
});

const context = { envelopeId: 'e:1', occurredAt: 0 };

describe('types flow from the definition to the host', () => {
  it('perform is typed by action name, input and output', async () => {
    const connector = echo({ apiKey: 'k' });
    const added = await connector.perform('notes.add', { text: 'hi' }, context);
    expectTypeOf(added).toEqualTypeOf<{ id: string; length: number }>();
    expect(added).toEqual({ id: 'k-1', length: 2 });
    const count = await connector.perform('notes.count', {}, context);
    expectTypeOf(count).toEqualTypeOf<number>();

    // @ts-expect-error: no such action
    await expect(connector.perform('notes.remove', {}, context)).rejects.toThrow(ConfigError);
    // @ts-expect-error: `text` must be a string
    await expect(connector.perform('notes.add', { text: 42 }, context)).rejects.toThrow();
  });

  it('options and configure() are typed, and refuse unknown keys at run time too', () => {
    // @ts-expect-error: misspelled option
    expect(() => echo({ apiKy: 'k' })).toThrow(ConfigError);
    // @ts-expect-error: not one of the region values
    expect(() => echo({ apiKey: 'k', region: 'mars' })).toThrow(ConfigError);
    const connector = echo({ apiKey: 'k' });
    connector.configure({ region: 'us', replayOnReactivate: false });
    // @ts-expect-error: misspelled option
    expect(() => connector.configure({ apiKy: 'k2' })).toThrow(/unknown option `apiKy`/);
    expectTypeOf(connector.config.region).toEqualTypeOf<'eu' | 'us' | undefined>();
    expectTypeOf(connector.actionNames).toEqualTypeOf<readonly ('notes.add' | 'notes.count')[]>();
  });

  it('actions get the typed client when createClient annotates its options', () => {
    const options = z.object({ apiKey: z.string() });
    const typed = defineConnector({
      vendor: 'typed',
      configSchema: options,
      createClient: (config: z.output<typeof options>) => ({ token: config.apiKey }),
      verify: async () => ({
        reachable: true,
        credentialsValid: true,
        missingPermissions: [],
        problems: [],
      }),
      actions: {
        ping: {
          input: z.object({}),
          run: async (_input, { client }) => {
            expectTypeOf(client).toEqualTypeOf<{ token: string }>();
            return client.token;
          },
        },
      },
    });
    expectTypeOf(typed).returns.toHaveProperty('perform');
  });
});
