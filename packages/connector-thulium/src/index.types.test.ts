import type { HelpdeskConnector, HelpdeskCustomerLookup } from '@crossline/core/sdk';
import { describe, expectTypeOf, it } from 'vitest';
import { baseOptions } from './__fixtures__/account.js';
import { thulium } from './index.js';

describe('the factory’s types, as a host sees them', () => {
  it('implements the helpdesk capability, typed end to end', () => {
    const helpdesk = thulium(baseOptions);
    const asCapability: HelpdeskConnector = helpdesk;
    expectTypeOf(asCapability).toMatchTypeOf<HelpdeskConnector>();
    const find = helpdesk.perform<'customers.findByExternalId'>;
    expectTypeOf(find).parameter(1).toEqualTypeOf<{ readonly externalId: string }>();
    expectTypeOf(find).returns.resolves.toEqualTypeOf<HelpdeskCustomerLookup>();
  });
});
