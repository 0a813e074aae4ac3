// Issue 9: pino was a declared dependency nothing imported, and `crosslineRedactPaths` was a
// readonly array that pino's `redact` option refuses to type-check.
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { crosslineRedactPaths } from '../log.js';
import { type CreateLoggerOptions, createLogger } from './create-logger.js';

/** A destination that keeps every line pino writes, parsed. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it("builds a pino logger with crossline's redaction paths and phone masking", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', name: 'shop', destination });
    logger.info({ apiKey: 'k-123456', headers: { 'x-api-key': 'k-123456' } }, 'call 0671234513');
    logger.debug({}, 'not written at info');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      name: 'shop',
      msg: 'call 067*****13',
      apiKey: '[Redacted]',
      headers: { 'x-api-key': '[Redacted]' },
    });
  });

  it('writes debug lines and full numbers when asked', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'debug', logPersonalData: true, destination });
    logger.debug({}, 'to 0671234513');
    logger.warn({}, 'to 0671234513');
    expect(lines.map((line) => line.msg)).toEqual(['to 0671234513', 'to 0671234513']);
  });

  it('adds the host’s own redaction paths', () => {
    const { lines, destination } = capture();
    createLogger({ redact: ['user.pin'], destination }).info({ user: { pin: '1234' } }, 'x');
    expect(lines[0]).toMatchObject({ user: { pin: '[Redacted]' } });
  });

  it('refuses invalid options with a ConfigError naming the field', () => {
    const attempt = () => createLogger({ level: 'loud' } as unknown as CreateLoggerOptions);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/level/);
  });
});

describe('crosslineRedactPaths', () => {
  it('type-checks as pino’s redact option, as the docs show', () => {
    // The line below is the regression: it did not compile while the paths were readonly.
    const logger = pino({ redact: crosslineRedactPaths, level: 'silent' });
    expectTypeOf(crosslineRedactPaths).toEqualTypeOf<string[]>();
    expect(typeof logger.info).toBe('function');
  });
});
