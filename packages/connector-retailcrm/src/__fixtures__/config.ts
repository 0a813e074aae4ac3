import { createVendorHttpClient } from '@crossline/core/sdk';
import { RetailcrmApi } from '../api.js';
import { retailcrmHttp } from '../api-http.js';
import { type RetailcrmOptions, retailcrmOptionsSchema } from '../options.js';

/** A fake key long enough to be redacted everywhere. */
export const apiKey = 'fixture-key-0123456789abcdef';

/** Valid options for `https://shop.retailcrm.ru`. */
export function options(overrides: Partial<RetailcrmOptions> = {}): RetailcrmOptions {
  return {
    url: 'https://shop.retailcrm.ru',
    apiKey,
    site: 'main-shop',
    adminEmail: 'owner@shop.example',
    ...overrides,
  };
}

/** The vendor API for those options, without retries so a test sees each request once. */
export function api(overrides: Partial<RetailcrmOptions> = {}): RetailcrmApi {
  const config = retailcrmOptionsSchema.parse(options({ retries: 0, ...overrides }));
  const http = createVendorHttpClient({ vendor: 'retailcrm', ...retailcrmHttp(config) });
  return new RetailcrmApi(http, config.site);
}
