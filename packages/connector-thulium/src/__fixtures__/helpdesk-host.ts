import { empikplace } from '@crossline/connector-empikplace';
import { createHub, type Hub, helpdeskPipeline, SqliteReplayStore } from '@crossline/core';
import { thulium } from '../connector.js';

/** Where a helpdesk host finds its outbox and the two vendors. */
export interface HelpdeskHostSettings {
  /** The SQLite outbox. */
  readonly path: string;
  /** The EmpikPlace simulator. */
  readonly empik: { readonly url: string; readonly apiKey: string };
  /** The Thulium simulator. */
  readonly thulium: { readonly url: string; readonly user: string; readonly password: string };
  /** When the integration was enabled, ISO. */
  readonly enabledAt: string;
}

/** The automatic reply the hosts send once per new ticket. */
export const autoReplyText = 'Thank you for your message: a ticket is open, we answer shortly.';

/** A host running EmpikPlace ↔ Thulium on a SQLite outbox, polling every 100 ms. */
export async function startHelpdeskHost(settings: HelpdeskHostSettings) {
  const store = new SqliteReplayStore({ path: settings.path, synchronous: 'normal' });
  const shop = empikplace({
    id: 'empik',
    apiKey: settings.empik.apiKey,
    baseUrl: settings.empik.url,
    allowLoopback: true,
    rateLimit: 50,
    threads: { enabledAt: settings.enabledAt },
    replies: { footer: 'My Shop' },
  });
  const helpdesk = thulium({
    id: 'thulium',
    url: settings.thulium.url,
    allowLoopback: true,
    user: settings.thulium.user,
    password: settings.thulium.password,
    customerField: 'Empik ID',
    queue: 'EmpikPlace',
    category: 'Marketplace',
    mailbox: 'empik@shop.example',
    agentLogin: 'empik_bot',
    rateLimit: 500,
  });
  const hub: Hub = createHub({
    store,
    timeZone: 'Europe/Warsaw',
    concurrency: 8,
    retry: { baseDelayMs: 20, maxDelayMs: 250 },
  });
  const { messages, replies } = helpdeskPipeline({
    marketplace: shop,
    helpdesk,
    queue: 'EmpikPlace',
    category: 'Marketplace',
    autoReply: autoReplyText,
    intervalMs: 100,
  });
  hub.register(shop).register(helpdesk);
  hub.pipeline(messages);
  hub.pipeline(replies);
  await hub.start();
  await shop.activate({ replay: true });
  await helpdesk.activate({ replay: true });
  return {
    hub,
    shop,
    helpdesk,
    async stop() {
      await hub.stop();
      await store.close();
    },
  };
}
