import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmpikplaceSimulator, startThuliumSimulator } from '@crossline/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { startHelpdeskHost } from './__fixtures__/helpdesk-host.js';

const directory = mkdtempSync(join(tmpdir(), 'crossline-helpdesk-lost-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function until(what: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('helpdeskPipeline: a message whose answer was lost', () => {
  it('is looked for in the ticket when redelivered, so Thulium gets it once — the customer’s, the shop’s and an operator’s', async () => {
    const empik = await startEmpikplaceSimulator();
    const desk = await startThuliumSimulator({ rateLimit: 500 });
    const enabledAt = new Date(Date.now() - 1000).toISOString();
    const thread = empik.state.addThread({ customer: { id: 'cust-1', name: 'Ola' } });
    empik.state.post(thread.id, { from: 'CUSTOMER_USER', body: 'first: where is my order?' });
    const host = await startHelpdeskHost({
      path: join(directory, 'outbox.db'),
      empik: { url: empik.url, apiKey: empik.apiKey },
      thulium: { url: desk.url, user: desk.user, password: desk.apiKey },
      enabledAt,
    });
    const bodies = () => desk.state.tickets[0]?.messages.map((message) => message.body) ?? [];
    try {
      await until('the ticket', () => desk.state.tickets.length === 1);
      await host.hub.idle();
      // Thulium adds each next message, and the answer never comes back.
      desk.drop({ afterHandling: true, path: /\/customer_response$/ });
      desk.drop({ afterHandling: true, path: /\/agent_response$/, times: 2 });
      const at = Date.now() + 1000;
      empik.state.post(thread.id, { from: 'CUSTOMER_USER', body: 'second: hello?', at });
      empik.state.post(thread.id, { from: 'SHOP_USER', body: 'third: on its way', at: at + 1 });
      empik.state.post(thread.id, { from: 'OPERATOR_USER', body: 'fourth: noted', at: at + 2 });
      await until(
        'three more messages',
        () => bodies().filter((b) => /second|third|fourth/.test(b)).length >= 3,
      );
      await host.hub.idle();
      await new Promise((resolve) => setTimeout(resolve, 300)); // later polls: nothing new
      await host.hub.idle();
    } finally {
      await host.stop();
      await empik.close();
      await desk.close();
    }
    const mine = bodies().filter((body) => /second|third|fourth/.test(body));
    expect(mine).toEqual([
      'second: hello?',
      '[Shop: My Shop] third: on its way',
      '[Marketplace operator: Empik] fourth: noted',
    ]);
    // Thulium was asked once for each: the three messages and the auto-reply's record.
    const added = desk.requests.filter((request) => /_response$/.test(request.path));
    expect(added.length).toBe(3 + 1);
  }, 30_000);

  it('adds a message whose first attempt was refused, even with the same text already in the ticket; records the auto-reply after a refusal too', async () => {
    const empik = await startEmpikplaceSimulator();
    const desk = await startThuliumSimulator({ rateLimit: 500 });
    const enabledAt = new Date(Date.now() - 1000).toISOString();
    const thread = empik.state.addThread({ customer: { id: 'cust-2', name: 'Jan' } });
    empik.state.post(thread.id, { from: 'CUSTOMER_USER', body: 'Hello?' });
    // The auto-reply's record is refused once (503), then goes in.
    desk.fail({ status: 503, path: /\/agent_response$/ });
    const host = await startHelpdeskHost({
      path: join(directory, 'refused.db'),
      empik: { url: empik.url, apiKey: empik.apiKey },
      thulium: { url: desk.url, user: desk.user, password: desk.apiKey },
      enabledAt,
    });
    const bodies = () => desk.state.tickets[0]?.messages.map((message) => message.body) ?? [];
    try {
      await until('the auto-reply in the ticket', () =>
        bodies().some((body) => body.startsWith('[Automatic reply] ')),
      );
      await host.hub.idle();
      // Within the same minute, the customer writes the same again; Thulium refuses it once.
      desk.fail({ status: 503, path: /\/customer_response$/ });
      desk.fail({ status: 429, path: /\/customer_response$/ });
      empik.state.post(thread.id, { from: 'CUSTOMER_USER', body: 'Hello?', at: Date.now() + 5 });
      await until('the second Hello?', () => bodies().filter((b) => b === 'Hello?').length === 2);
      await host.hub.idle();
    } finally {
      await host.stop();
      await empik.close();
      await desk.close();
    }
    expect(bodies().filter((body) => body === 'Hello?')).toHaveLength(2);
    expect(bodies().filter((body) => body.startsWith('[Automatic reply] '))).toHaveLength(1);
  }, 30_000);
});
