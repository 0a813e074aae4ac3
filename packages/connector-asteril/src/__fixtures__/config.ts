import { createVendorHttpClient } from '@crossline/core/sdk';
import { AsterilApi, asterilHttp } from '../api.js';
import { type AsterilOptions, asterilOptionsSchema } from '../options.js';

/** A fake key long enough to be redacted everywhere. */
export const apiKey = 'asteril-fixture-key-0123456789';

/** Valid options for `https://shop.asteril.example`. */
export function options(overrides: Partial<AsterilOptions> = {}): AsterilOptions {
  return { url: 'https://shop.asteril.example', apiKey, ...overrides };
}

/** An API client for those options, without retries and with a generous rate limit. */
export function api(overrides: Partial<AsterilOptions> = {}): AsterilApi {
  const config = asterilOptionsSchema.parse(options({ retries: 0, rateLimit: 100, ...overrides }));
  const http = createVendorHttpClient({ vendor: 'asteril', ...asterilHttp(config) });
  return new AsterilApi(http, config.api);
}
