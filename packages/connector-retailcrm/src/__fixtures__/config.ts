import { silentLogger } from '@crossline/core';
import { RetailcrmClient } from '../client.js';
import { createRetailcrmHttp } from '../http.js';
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

/** A client for those options, without retries so a test sees each request once. */
export function client(overrides: Partial<RetailcrmOptions> = {}): RetailcrmClient {
  const config = retailcrmOptionsSchema.parse(options({ retries: 0, ...overrides }));
  const http = createRetailcrmHttp(config, {
    connectorId: 'test',
    logger: silentLogger,
    onThrottled: () => {},
  });
  return new RetailcrmClient(http, config.site);
}
