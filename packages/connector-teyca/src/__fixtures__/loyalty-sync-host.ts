import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { retailcrm } from '@crossline/connector-retailcrm';
import {
  type ConnectorWarning,
  createHub,
  loyaltySyncPipeline,
  type ReplayStore,
} from '@crossline/core';
import { teyca } from '../connector.js';
import { toNodeHandler } from '../sources/adapters.js';
import { createTeycaWebhookHandler } from '../sources/webhook.js';

/** Where the sync's fields go at the simulated retailCRM (its `customFields` option). */
export const crmFieldMap = {
  'customFields.loyaltyCardIds': 'customFields.loyalty_card_ids',
  'customFields.loyaltyBonusBalance': 'customFields.loyalty_bonus',
  'customFields.loyaltyMailingConsent': 'customFields.loyalty_consent',
  'customFields.loyaltyPushAllowed': 'customFields.loyalty_push',
};

/** What a sync host runs against. */
export interface SyncHostOptions {
  readonly store: ReplayStore;
  readonly teyca: { readonly url: string; readonly apiKey: string; readonly token: string };
  readonly crm: { readonly url: string; readonly apiKey: string };
  readonly mergeByPhone: boolean;
  /** Also read the `passes` source (a restarted host catching up on webhooks it missed). */
  readonly poll?: boolean;
}

/**
 * A host of the loyalty sync: Teyca and retailCRM connectors on the simulators, a Hub over the
 * given outbox, `loyaltySyncPipeline` fed by the webhook inlet on a loopback port (and by the
 * `passes` source with `poll`).
 */
export async function startSyncHost(options: SyncHostOptions) {
  const loyalty = teyca({
    id: 'teyca',
    ...options.teyca,
    allowLoopback: true,
    retries: 4,
    throttleDelayMs: 50,
    mailingConsent: { field: 'key1', values: ['yes'] },
    limits: { perSecond: 10_000, perMinute: 600_000, perHour: 1e7, perDay: 1e8 },
  });
  const crm = retailcrm({
    id: 'crm',
    ...options.crm,
    allowLoopback: true,
    site: 'main-shop',
    adminEmail: 'admin@shop.example',
    rateLimits: { general: 10_000, telephony: 10_000 },
    customFields: crmFieldMap,
    retries: 4,
  });
  const hub = createHub({
    store: options.store,
    timeZone: 'Europe/Kyiv',
    concurrency: 8,
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
  });
  const warnings: ConnectorWarning[] = [];
  hub.on('warning', (warning) => warnings.push(warning));
  hub.register(loyalty).register(crm);
  const { mergeByPhone } = options;
  const sync = hub.pipeline(
    loyaltySyncPipeline({ loyalty, crm, mergeByPhone, direction: 'loyalty-to-crm' }),
  );
  if (options.poll) {
    const source = { name: 'passes', intervalMs: 3_600_000 };
    hub.pipeline(
      loyaltySyncPipeline({
        id: 'loyalty-poll',
        loyalty,
        crm,
        mergeByPhone,
        direction: 'loyalty-to-crm',
        source,
      }),
    );
  }
  // A short bucket: a burst's follow-up is held until its bucket is over (2 s after), and the
  // tests drain the outbox.
  const inlet = createTeycaWebhookHandler({
    publish: (event) => sync.publish(event),
    coalesceMs: 1_000,
  });
  const server = createServer(toNodeHandler(inlet));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await hub.start();
  await loyalty.activate();
  await crm.activate();
  const { port } = server.address() as AddressInfo;
  return {
    hub,
    warnings,
    /** The webhook URL to subscribe. */
    url: `http://127.0.0.1:${port}/teyca`,
    /** Reads the `passes` source to the end (with `poll`), then delivers everything pending. */
    async drain(): Promise<void> {
      if (options.poll) while ((await hub.poll('loyalty-poll')) > 0);
      for (;;) {
        await hub.idle();
        const pending = await hub.pending();
        if (Object.values(pending).every((count) => count === 0)) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close(): Promise<void> {
      await new Promise((resolve) => server.close(resolve));
      await hub.stop();
    },
  };
}
