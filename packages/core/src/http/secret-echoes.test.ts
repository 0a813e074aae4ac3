// Review: a vendor that echoes the API key escaped — JSON with `\/` (PHP's default), `\"`,
// `\\`, `\uXXXX`, or HTML entities — leaked it into the error message, `vendorMessage` and
// `answer`. Every encoding of every form of the key is redacted now.
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../__fixtures__/failure-of.js';
import { asciiCanary, canary, encodings } from '../__fixtures__/secret-encodings.js';
import { REDACTED } from '../util/redact.js';
import { createHttpClient } from './create-http-client.js';
import { basicToken } from './secrets.js';
import type { HttpAuth } from './types.js';

const everythingOf = (error: unknown) => `${inspect(error, { depth: 8 })} ${JSON.stringify(error)}`;

/** A real pino logger at debug level that keeps every line it writes. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

/** Each auth with the key it holds and every form the vendor may echo (the Basic token too). */
const auths: Array<[string, HttpAuth, string[]]> = [
  ['header', { type: 'header', name: 'X-API-KEY', value: asciiCanary }, [asciiCanary]],
  ['bearer', { type: 'bearer', token: ` ${asciiCanary} ` }, [asciiCanary]],
  ['query', { type: 'query', name: 'apiKey', value: canary }, [canary]],
  ['basic', { type: 'basic', username: canary, password: 'x' }, [canary, basicToken(canary, 'x')]],
];

/** Where the echo ends up: the vendor's message (a text body), or the answer (JSON cut short). */
const channels = [
  {
    name: 'vendorMessage',
    status: 503,
    type: 'text/html; charset=utf-8',
    body: (echo: string) => `<p>Wrong apiKey ${echo}</p>`,
    field: 'vendorMessage',
  },
  {
    name: 'answer',
    status: 200,
    type: 'application/json',
    body: (echo: string) => `{"success":true,"apiKey":"${echo}"`,
    field: 'answer',
  },
] as const;

const cases = auths.flatMap(([authName, auth, forms]) =>
  channels.flatMap((channel) =>
    encodings.map(([encodingName, encode]) => ({
      title: `${authName} key echoed ${encodingName} in the ${channel.name}`,
      auth,
      forms,
      channel,
      encode,
    })),
  ),
);

describe('a key the vendor echoes in any encoding is redacted', () => {
  it.each(cases)('$title', async ({ auth, forms, channel, encode }) => {
    const { logger, lines } = capturingLogger();
    const echo = forms.map(encode).join(' and ');
    const http = createHttpClient({
      baseUrl: 'https://api.vendor.test/v1',
      auth,
      logger,
      retry: { retries: 1, baseDelayMs: 1 },
      random: () => 0,
      fetch: async () =>
        new Response(channel.body(echo), {
          status: channel.status,
          headers: { 'content-type': channel.type },
        }),
    });
    const error = await failureOf(http.request({ path: '/customers', query: { limit: 20 } }));
    const shown = error.request?.[channel.field] ?? '';
    expect(shown).toContain(REDACTED);
    expect(error.message).toContain(REDACTED);
    expect(lines.some((line) => line.includes('"retrying"'))).toBe(true);
    for (const text of [shown, error.message, everythingOf(error), lines.join('\n')]) {
      expect(text).not.toContain('CANARY');
      expect(text).not.toContain('TAIL7');
      for (const form of forms) {
        expect(text).not.toContain(encode(form));
        expect(text).not.toContain(form.slice(-8));
      }
    }
  });
});
