import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { MemoryReplayStore } from './memory-replay-store.js';
import type { NewEnvelope, ReplayStore } from './replay-store.js';
import { SqliteReplayStore } from './sqlite-replay-store.js';

const directory = mkdtempSync(join(tmpdir(), 'crossline-checks-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let files = 0;
type Limits = ConstructorParameters<typeof MemoryReplayStore>[0];
const stores: Array<[string, (options?: Limits) => ReplayStore]> = [
  ['MemoryReplayStore', (options) => new MemoryReplayStore(options)],
  [
    'SqliteReplayStore',
    (options) => {
      files += 1;
      return new SqliteReplayStore({ path: join(directory, `store-${files}.db`), ...options });
    },
  ],
];

function envelope(overrides: Partial<NewEnvelope> = {}): NewEnvelope {
  return {
    id: 'calls:e1',
    pipelineId: 'calls',
    connectorId: 'crm',
    eventId: 'e1',
    key: '380671234567',
    occurredAt: 1_000,
    payload: { index: 1 },
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

const validationError = (path: string) => ({
  name: 'ValidationError',
  code: 'VALIDATION_FAILED',
  issues: [expect.objectContaining({ path })],
});

describe.each(stores)('%s input checks', (_name, create) => {
  it.each(['id', 'eventId', 'key', 'pipelineId', 'connectorId'] as const)(
    'rejects a %s with a lone surrogate (SQLite would fold distinct ones into U+FFFD)',
    async (field) => {
      const store = create();
      const error = await rejection(store.append([envelope({ [field]: `x\uD800y` })]));
      expect(error).toMatchObject(validationError(field));
      expect(String(error.message)).toMatch(/lone surrogate|not well-formed/);
      expect(await store.pendingCounts()).toEqual({});
      await store.close();
    },
  );

  it('keeps two ids apart that differ only in their lone surrogates: neither is stored', async () => {
    const store = create();
    await rejection(store.append([envelope({ id: 'calls:\uD800', eventId: '\uD800' })]));
    await rejection(store.append([envelope({ id: 'calls:\uDC00', eventId: '\uDC00' })]));
    expect(await store.scan('crm', 0, 10)).toEqual([]);
    await store.close();
  });

  it('stores ids with characters outside the BMP losslessly', async () => {
    const store = create();
    const first = envelope({ id: 'calls:📞1', eventId: '📞1' });
    const second = envelope({ id: 'calls:📞2', eventId: '📞2' });
    expect(await store.append([first, second])).toEqual(['calls:📞1', 'calls:📞2']);
    expect((await store.scan('crm', 0, 10)).map((item) => item.id)).toEqual([
      'calls:📞1',
      'calls:📞2',
    ]);
    await store.close();
  });

  it('rejects a 10 MB id, naming the limit and the actual size, without echoing it', async () => {
    const store = create();
    const id = `calls:${'x'.repeat(10 * 1024 * 1024)}`;
    const error = await rejection(store.append([envelope({ id })]));
    expect(error).toMatchObject(validationError('id'));
    expect(String(error.message)).toContain('limits.maxIdLength');
    expect(String(error.message)).toContain('512');
    expect(String(error.message)).toContain(String(id.length));
    expect(String(error.message).length).toBeLessThan(400);
    expect(await store.pendingCounts()).toEqual({});
    await store.close();
  });

  it('rejects an over-long key and a payload over 1 MiB of JSON', async () => {
    const store = create();
    const key = await rejection(store.append([envelope({ key: 'k'.repeat(513) })]));
    expect(key).toMatchObject(validationError('key'));
    expect(String(key.message)).toContain('limits.maxKeyLength');
    const payload = { text: 'я'.repeat(600_000) }; // 1.2 MB in UTF-8, 600k characters
    const big = await rejection(store.append([envelope({ payload })]));
    expect(big).toMatchObject(validationError('payload'));
    expect(String(big.message)).toContain('limits.maxPayloadBytes');
    expect(String(big.message)).toContain('1048576');
    // at the limits exactly: accepted
    const atLimit = envelope({ key: 'k'.repeat(512), payload: { text: 'x'.repeat(1_000_000) } });
    expect(await store.append([atLimit])).toEqual(['calls:e1']);
    await store.close();
  });

  it('takes its limits from the options', async () => {
    const store = create({ limits: { maxIdLength: 20, maxKeyLength: 4, maxPayloadBytes: 64 } });
    const id = await rejection(store.append([envelope({ id: `calls:${'1'.repeat(20)}` })]));
    expect(String(id.message)).toMatch(/26 characters.*limit of 20/);
    await rejection(store.append([envelope({ key: '12345' })]));
    const payload = await rejection(store.append([envelope({ payload: 'x'.repeat(80) })]));
    expect(String(payload.message)).toMatch(/82 bytes.*limit of 64/);
    expect(await store.append([envelope({ key: '1234', payload: 'x'.repeat(60) })])).toEqual([
      'calls:e1',
    ]);
    await store.close();
  });

  it.each([
    [{ maxIdLength: 0 }, 'limits.maxIdLength'],
    [{ maxKeyLength: 1.5 }, 'limits.maxKeyLength'],
    [{ maxPayloadBytes: Number.NaN }, 'limits.maxPayloadBytes'],
    [{ maxErrorLength: 'big' }, 'limits.maxErrorLength'],
    [{ maxIdLenght: 10 }, 'limits'],
  ])('refuses limits %j with a ConfigError naming the field', (limits, path) => {
    const build = () => create({ limits } as unknown as Limits);
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(path);
  });

  it('stores nothing of an append when one of its envelopes is rejected', async () => {
    const store = create();
    const good = envelope();
    const bad = envelope({ id: 'calls:e2', eventId: 'e2', occurredAt: Number.NaN });
    await rejection(store.append([good, bad]));
    expect(await store.pendingCounts()).toEqual({});
    await store.close();
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1_000.5, 9e15])(
    'rejects occurredAt %s: not an integer epoch ms (issue 13 item 4)',
    async (occurredAt) => {
      const store = create();
      const error = await rejection(store.append([envelope({ occurredAt })]));
      expect(error).toMatchObject(validationError('occurredAt'));
      expect(await store.pendingCounts()).toEqual({});
      // and the envelope is not taken for a duplicate afterwards
      expect(await store.append([envelope()])).toEqual(['calls:e1']);
      await store.close();
    },
  );

  it('rejects an occurredAt that is not a number', async () => {
    const store = create();
    const occurredAt = '2026-11-23T10:00:00Z' as unknown as number;
    expect(await rejection(store.append([envelope({ occurredAt })]))).toMatchObject(
      validationError('occurredAt'),
    );
    await store.close();
  });

  it('rejects a payload that is not JSON with a ValidationError', async () => {
    const store = create();
    const error = await rejection(store.append([envelope({ payload: { amount: 10n } })]));
    expect(error).toMatchObject(validationError('payload'));
    await store.close();
  });

  it('truncates a long lastError recorded by fail(), with a marker', async () => {
    const store = create();
    await store.append([envelope()]);
    await store.fail('calls:e1', { attempts: 1, lastError: 'E'.repeat(100_000), nextAttemptAt: 5 });
    const [stored] = await store.scan('crm', 0, 10);
    expect(stored?.lastError?.length).toBeLessThanOrEqual(2_000);
    expect(stored?.lastError).toMatch(/^E{1900,}… \[98\d{3} more characters\]$/);
    // a short one is kept as it is
    await store.fail('calls:e1', { attempts: 2, lastError: 'HTTP 503', nextAttemptAt: 6 });
    expect((await store.scan('crm', 0, 10))[0]?.lastError).toBe('HTTP 503');
    await store.close();
  });

  it('truncates lastError at limits.maxErrorLength', async () => {
    const store = create({ limits: { maxErrorLength: 100 } });
    await store.append([envelope()]);
    await store.fail('calls:e1', { attempts: 1, lastError: 'E'.repeat(1_000), dead: true });
    const [stored] = await store.dead('crm', 10);
    expect(stored?.lastError?.length).toBeLessThanOrEqual(100);
    expect(stored?.lastError).toContain('more characters]');
    await store.close();
  });
});
