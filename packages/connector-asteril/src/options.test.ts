import { ConfigError } from '@crossline/core';
import { describe, expect, it } from 'vitest';
import { apiKey, options } from './__fixtures__/config.js';
import { asteril } from './connector.js';

describe('Asteril connector options', () => {
  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    ['x', 'string'],
  ])('refuses %j as the options with a ConfigError naming the problem', (input, received) => {
    const attempt = () => asteril(input as never);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`options.*${received}`));
  });

  it('names every bad or unknown nested option, never echoing the key', () => {
    const attempt = () =>
      asteril(
        options({
          rateLimit: 0,
          behaviour: { directions: 'outgoing', createClients: false } as never,
          contract: { paths: { client: '/clients', calls: 'calls' } } as never,
          fieldMap: { 'utm.source': '' },
        }),
      );
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
      expect.unreachable();
    } catch (error) {
      const issues = (error as ConfigError).issues;
      expect(issues.map((issue) => issue.path).sort()).toEqual([
        'behaviour',
        'behaviour.directions',
        'contract.paths',
        'contract.paths.calls',
        'fieldMap.utm.source',
        'rateLimit',
      ]);
      expect(issues.find((issue) => issue.path === 'behaviour')?.message).toContain(
        'createClients',
      );
      expect(JSON.stringify({ message: (error as Error).message, issues })).not.toContain(apiKey);
    }
  });

  it('overrides only the contract paths it is given', () => {
    const crm = asteril(options({ contract: { paths: { calls: '/interactions/calls' } } }));
    expect(crm.config.api.paths).toMatchObject({ calls: '/interactions/calls', me: '/me' });
  });
});
