import { ConfigError } from '@crossline/core';
import { describe, expect, it } from 'vitest';
import { connector, token } from './__fixtures__/account.js';

describe('Teyca options (review)', () => {
  it.each([
    ['an inner line break', `${token.slice(0, 10)}\n${token.slice(10)}`],
    ['an inner space', `${token.slice(0, 10)} ${token.slice(10)}`],
  ])('refuses a token with %s, without echoing it', (_what, bad) => {
    const make = () => connector({ token: bad });
    expect(make).toThrow(ConfigError);
    try {
      make();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(token.slice(10));
    }
  });

  it('trims a token pasted with surrounding whitespace', () => {
    expect(connector({ token: `  ${token}\n` }).config.token).toBe(token);
  });
});
