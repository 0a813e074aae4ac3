/**
 * The helpdesk act's world, shared by `npm run demo -- helpdesk` and the helpdesk benchmark: an
 * EmpikPlace and a Thulium simulator, each connector configured at its simulator's ceiling, one
 * Hub on a SQLite outbox running `helpdeskPipeline`, and a file server for agent-reply files.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { empikplace } from '@crossline/connector-empikplace';
import { thulium } from '@crossline/connector-thulium';
import {
  createHub,
  type Hub,
  helpdeskPipeline,
  type Logger,
  SqliteReplayStore,
} from '@crossline/core';
import {
  type EmpikplaceSimulator,
  startEmpikplaceSimulator,
  startThuliumSimulator,
  type ThuliumSimulator,
} from '@crossline/testing';

/** The automatic reply sent once per new ticket. */
export const autoReplyText = 'Thank you for your message: a ticket is open, we answer shortly.';

/** Settings of {@link startHelpdeskWorld}. */
export interface HelpdeskWorldSettings {
  /** The SQLite outbox file. */
  readonly path: string;
  /** EmpikPlace's requests per second: the simulator's ceiling and the connector's rate. */
  readonly empikRate: number;
  /** Thulium's requests per second: the simulator's ceiling and the connector's rate. */
  readonly thuliumRate: number;
  /** How often both sources are read, ms. */
  readonly intervalMs: number;
  /** The logger of the connectors and the Hub. */
  readonly logger?: Logger | undefined;
}

/** The running world; the pipelines start with {@link HelpdeskWorld.start}. */
export interface HelpdeskWorld {
  readonly empik: EmpikplaceSimulator;
  readonly desk: ThuliumSimulator;
  readonly hub: Hub;
  /** The file server's origin: `${files}/f?size=N` answers N bytes. */
  readonly files: string;
  /** Starts the Hub and activates both connectors. */
  start(): Promise<void>;
  /** Stops the Hub, the outbox, the simulators and the file server. */
  close(): Promise<void>;
}

/** Starts both simulators, a file server and a Hub wired with `helpdeskPipeline`. */
export async function startHelpdeskWorld(settings: HelpdeskWorldSettings): Promise<HelpdeskWorld> {
  const empik = await startEmpikplaceSimulator({ rateLimit: settings.empikRate });
  const desk = await startThuliumSimulator({ rateLimit: settings.thuliumRate });
  const server = createServer((request, response) => {
    const size = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('size') ?? 0);
    response.end(Buffer.alloc(size, 7));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const store = new SqliteReplayStore({ path: settings.path, synchronous: 'normal' });
  const logger = settings.logger;
  const shop = empikplace({
    id: 'empik',
    apiKey: empik.apiKey,
    baseUrl: empik.url,
    allowLoopback: true, // the simulators listen on http://127.0.0.1
    rateLimit: settings.empikRate,
    threads: { enabledAt: new Date(Date.now() - 60_000).toISOString() },
    replies: { footer: 'My Shop' },
    ...(logger ? { logger } : {}),
  });
  const helpdesk = thulium({
    id: 'thulium',
    url: desk.url,
    allowLoopback: true,
    user: desk.user,
    password: desk.apiKey,
    customerField: 'Empik ID',
    queue: 'EmpikPlace',
    category: 'Marketplace',
    mailbox: 'empik@shop.example',
    agentLogin: 'empik_bot',
    rateLimit: settings.thuliumRate,
    ...(logger ? { logger } : {}),
  });
  const hub = createHub({
    store,
    timeZone: 'Europe/Warsaw',
    concurrency: 8,
    retry: { baseDelayMs: 100, maxDelayMs: 1_000 },
    ...(logger ? { logger } : {}),
  });
  const { messages, replies } = helpdeskPipeline({
    marketplace: shop,
    helpdesk,
    queue: 'EmpikPlace',
    category: 'Marketplace',
    autoReply: autoReplyText,
    intervalMs: settings.intervalMs,
  });
  hub.register(shop).register(helpdesk);
  hub.pipeline(messages);
  hub.pipeline(replies);
  return {
    empik,
    desk,
    hub,
    files: `http://127.0.0.1:${port}`,
    async start() {
      await hub.start();
      await shop.activate();
      await helpdesk.activate();
    },
    async close() {
      await hub.stop();
      await store.close();
      server.close();
      await empik.close();
      await desk.close();
    },
  };
}
