// A host module that exports its connectors: their types must be nameable in the host's own
// declarations (a connector package that hid its config type would fail this file with TS4023).
import { asteril } from '@crossline/connector-asteril';
import { retailcrm } from '@crossline/connector-retailcrm';

/** A retailCRM connector a host module exports. */
export const shopCrm = retailcrm({
  url: 'https://acme.retailcrm.ru',
  apiKey: 'an-api-key-of-the-shop-0123456789',
  site: 'acme-shop',
  adminEmail: 'owner@acme.example',
});

/** An Asteril connector a host module exports. */
export const cabinetCrm = asteril({
  url: 'https://acme.asteril.example',
  apiKey: 'an-api-key-of-the-cabinet-0123456789',
});
