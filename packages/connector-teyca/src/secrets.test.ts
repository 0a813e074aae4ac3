import { CrosslineError } from '@crossline/core';
import { recordingLogger } from '@crossline/testing';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { api, apiKey, connector, performContext, prefix, token } from './__fixtures__/account.js';

const leaks = (text: string) =>
  [apiKey, token, encodeURIComponent(token)].filter((secret) => text.includes(secret));

describe('secret canary: the key and the token never leave', () => {
  it('an error that echoes both, its URL, the logs and the events hold neither', async () => {
    nock(api)
      .get(`${prefix}/passes/userid/1`)
      .reply(500, { error: `bad token ${token} for key ${apiKey}` });
    const { logger, lines } = recordingLogger();
    const teyca = connector({ logger });
    const events: unknown[] = [];
    teyca.on('warning', (event) => events.push(event));
    teyca.on('rate-limited', (event) => events.push(event));
    const error = await teyca
      .perform('cards.get', { id: 1 }, performContext)
      .catch((caught: unknown) => caught);
    expect(CrosslineError.isInstance(error)).toBe(true);
    const reported = JSON.stringify({
      error,
      message: (error as Error).message,
      stack: (error as Error).stack,
      request: (error as CrosslineError).request,
    });
    expect(reported).toContain('[REDACTED]');
    expect(leaks(reported)).toEqual([]);
    expect(leaks(lines.join('\n'))).toEqual([]);
    expect(leaks(JSON.stringify(events))).toEqual([]);
  });

  it('a 429 without Retry-After pauses the account 60 s; its event carries no token', async () => {
    nock(api).get(`${prefix}/passes/userid/1`).reply(429, 'Too Many Requests');
    const teyca = connector();
    const events: { route: string; pauseMs: number }[] = [];
    teyca.on('rate-limited', (event) => events.push(event));
    await expect(teyca.perform('cards.get', { id: 1 }, performContext)).rejects.toThrow();
    expect(events).toHaveLength(1);
    expect(events[0]?.pauseMs).toBe(60_000);
    expect(leaks(JSON.stringify(events))).toEqual([]);
  });

  it('a bad option names the field and never echoes the key or the token', () => {
    let message = '';
    try {
      connector({ url: 'ftp://nowhere', apiKey: `${apiKey}\n${apiKey}` });
    } catch (error) {
      message = JSON.stringify({ message: (error as Error).message, error });
    }
    expect(message).toMatch(/url/);
    expect(leaks(message)).toEqual([]);
  });
});
