import { CrosslineError } from '@crossline/core';
import { recordingLogger } from '@crossline/testing';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { apiKey, connector, host } from './__fixtures__/account.js';

const context = { envelopeId: 'e:1', occurredAt: 0 };

describe('secret canary: the API key never leaves', () => {
  it('an error body echoing the key, its request, the logs and the events hold no key', async () => {
    nock(host)
      .get('/api/orders')
      .query(true)
      .reply(400, { status: 400, message: `key ${apiKey} is not allowed here` })
      .get('/api/inbox/threads')
      .query(true)
      .reply(429, { message: `slow down ${apiKey}` }, { 'retry-after': '1' });
    const { logger, lines } = recordingLogger();
    const shop = connector({ logger });
    const events: unknown[] = [];
    shop.on('warning', (event) => events.push(event));
    shop.on('rate-limited', (event) => events.push(event));
    const error = await shop
      .perform('orders.get', { orderId: 'X' }, context)
      .catch((caught: unknown) => caught);
    expect(CrosslineError.isInstance(error)).toBe(true);
    const verdict = await shop.verify();
    const reported = JSON.stringify({
      error,
      message: (error as Error).message,
      stack: (error as Error).stack,
      request: (error as CrosslineError).request,
      verdict,
    });
    expect(reported).toContain('[REDACTED]');
    expect(reported).not.toContain(apiKey);
    expect(lines.join('\n')).not.toContain(apiKey);
    expect(JSON.stringify(events)).not.toContain(apiKey);
  });

  it('a bad option never echoes the key', () => {
    expect(() => connector({ baseUrl: apiKey })).toThrow(/baseUrl/);
    try {
      connector({ baseUrl: apiKey });
    } catch (error) {
      expect(String(error)).not.toContain(apiKey);
    }
  });
});
