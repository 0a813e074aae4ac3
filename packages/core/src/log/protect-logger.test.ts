// Issue 9: caller phone numbers reached warn-level log lines (look-up URLs such as
// `filter[name]=0671234513`). They are masked above debug level unless the host opts in.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../__fixtures__/failure-of.js';
import { createHttpClient } from '../http/create-http-client.js';
import { type Logger, resolveLogger } from '../log.js';
import { maskPhones } from './mask-phones.js';
import { protectLogger } from './protect-logger.js';

type Line = { level: string; object: Record<string, unknown>; message: string | undefined };

/** A host logger that records every call, with `child` bindings merged in. */
function recordingLogger(lines: Line[] = [], bindings: Record<string, unknown> = {}): Logger {
  const at = (level: string) => (object: Record<string, unknown>, message?: string) =>
    void lines.push({ level, object: { ...bindings, ...object }, message });
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => recordingLogger(lines, { ...bindings, ...more }),
  };
}

describe('maskPhones', () => {
  it.each([
    ['+380671234567', '+38067*****67'],
    ['380671234567', '38067*****67'],
    ['filter[name]=0671234513&limit=20', 'filter[name]=067*****13&limit=20'],
    ['+38 (067) 123-45-67', '+38 (067) ***-**-67'],
    ['call from 067 123 45 67 missed', 'call from 067 ***-** 67 missed'.replace('-', ' ')],
    ['?phone=%2B380671234567', '?phone=%2B38067*****67'],
    ['044 123 45 67', '044 *** ** 67'],
  ])('%s → %s', (input, expected) => {
    expect(maskPhones(input)).toBe(expected);
  });

  it.each([
    '2024-01-15',
    '2024-01-15T10:00:00.000Z',
    'order 123456',
    'id c0a80101-0000-4000-8000-00000000abcd',
    'connect ECONNREFUSED 127.0.0.1:8080',
    'v1.2.3',
    // Seven digits that read as no valid number (masked before the review of issue 9's fix).
    '1234567',
  ])('leaves %s alone', (text) => {
    expect(maskPhones(text)).toBe(text);
  });
});

describe('resolveLogger masks personal data above debug level', () => {
  it('masks the message and every string of the object at info, warn and error', () => {
    const lines: Line[] = [];
    const logger = resolveLogger(recordingLogger(lines), { component: 'test' });
    const url = 'https://crm.test/api/v5/customers?filter[name]=0671234513';
    logger.warn(
      { url, err: { message: `no customer +380671234567` } },
      'look-up 0671234513 failed',
    );
    logger.info({ nested: { phones: ['+380671234567'] } }, 'info');
    logger.error({ err: new Error('call +380671234567 lost') }, 'error');
    const text = JSON.stringify(lines);
    expect(text).not.toContain('0671234513');
    expect(text).not.toContain('380671234567');
    expect(lines[0]).toMatchObject({
      level: 'warn',
      message: 'look-up 067*****13 failed',
      object: { component: 'test', url: expect.stringContaining('filter[name]=067*****13') },
    });
    expect(lines[2]?.object.err).toMatchObject({
      type: 'Error',
      message: 'call +38067*****67 lost',
    });
  });

  it('keeps phone numbers in full at debug level', () => {
    const lines: Line[] = [];
    resolveLogger(recordingLogger(lines)).debug({ url: '?phone=380671234567' }, 'to 380671234567');
    expect(lines[0]).toMatchObject({
      object: { url: '?phone=380671234567' },
      message: 'to 380671234567',
    });
  });

  it('logs them in full at every level with logPersonalData', () => {
    const lines: Line[] = [];
    resolveLogger(recordingLogger(lines), {}, { logPersonalData: true }).warn(
      { url: '?phone=380671234567' },
      'to 380671234567',
    );
    expect(JSON.stringify(lines)).toContain('380671234567');
  });

  it("keeps a protected logger's own setting when crossline resolves it again", () => {
    const lines: Line[] = [];
    const host = protectLogger(recordingLogger(lines), { logPersonalData: true });
    resolveLogger(resolveLogger(host, { connector: 'crm' }), { component: 'http' }).warn(
      {},
      '380671234567',
    );
    expect(lines[0]).toMatchObject({
      message: '380671234567',
      object: { connector: 'crm', component: 'http' },
    });
  });

  it("keeps the host logger's `this`", () => {
    class Host {
      readonly seen: string[] = [];
      debug() {}
      info() {}
      warn(_object: Record<string, unknown>, message?: string) {
        this.seen.push(message ?? '');
      }
      error() {}
    }
    const host = new Host();
    resolveLogger(host).warn({}, 'call 0671234513');
    expect(host.seen).toEqual(['call 067*****13']);
  });

  it("the HTTP client's warn line for a throttled look-up masks the caller's number", async () => {
    nock('https://crm.test')
      .get(/customers/)
      .reply(429, {}, { 'Retry-After': '999999' });
    const lines: Line[] = [];
    const http = createHttpClient({
      baseUrl: 'https://crm.test',
      logger: recordingLogger(lines),
      rateLimiter: { schedule: (task) => task(), pause: () => {} },
    });
    await failureOf(
      http.request({ path: '/customers', query: { filter: { name: '0671234513' } } }),
    );
    const warn = lines.find((line) => line.level === 'warn');
    expect(warn?.object.url).toContain('067*****13');
    expect(JSON.stringify(lines.filter((line) => line.level !== 'debug'))).not.toContain(
      '0671234513',
    );
  });
});
