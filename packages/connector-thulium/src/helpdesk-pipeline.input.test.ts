import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmpikplaceSimulator, startThuliumSimulator } from '@crossline/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { startHelpdeskHost } from './__fixtures__/helpdesk-host.js';

const directory = mkdtempSync(join(tmpdir(), 'crossline-helpdesk-input-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('helpdeskPipeline: bad input from the marketplace', () => {
  it('tolerates unknown sender types and extra fields; rejects a message missing a required field with a rejected event naming the path, and goes on past it', async () => {
    const empik = await startEmpikplaceSimulator();
    const desk = await startThuliumSimulator({ rateLimit: 500 });
    const enabledAt = new Date(Date.now() - 1000).toISOString();
    const tolerated = empik.state.addThread({ customer: { id: 'cust-a', name: 'A' } });
    const customer = empik.state.post(tolerated.id, { from: 'CUSTOMER_USER', body: 'm-a-1 hello' });
    Object.assign(customer, { mood: 'curious', from: { ...customer.from, avatar: { size: 3 } } });
    Object.assign(tolerated, { priority: 'HIGH', topic: { type: 'FREE_TEXT', value: 'Hi', x: 1 } });
    const bot = empik.state.post(tolerated.id, {
      from: 'OPERATOR_USER',
      body: 'm-a-2 from a bot',
      at: Date.now() + 5,
    });
    Object.assign(bot, { from: { type: 'CHATBOT_USER', display_name: 'Bot' } });
    // An order entity without its id: the message lacks a required field (`order.id`).
    const broken = empik.state.addThread({ customer: { id: 'cust-b', name: 'B' }, orderId: 'X' });
    Object.assign(broken, { entities: [{ type: 'MMP_ORDER', id: '' }] });
    const lost = empik.state.post(broken.id, { from: 'CUSTOMER_USER', body: 'm-b-1 order?' });
    const after = empik.state.addThread({ customer: { id: 'cust-c', name: 'C' } });
    empik.state.post(after.id, { from: 'CUSTOMER_USER', body: 'm-c-1 later' });
    const host = await startHelpdeskHost({
      path: join(directory, 'outbox.db'),
      empik: { url: empik.url, apiKey: empik.apiKey },
      thulium: { url: desk.url, user: desk.user, password: desk.apiKey },
      enabledAt,
    });
    const rejected: { eventId: string; error: unknown }[] = [];
    host.hub.on('rejected', (event) => rejected.push(event));
    try {
      await until('two tickets', () => desk.state.tickets.length === 2);
      await until('the rejection', () => rejected.length > 0);
      await until('the bot message', () =>
        desk.state.tickets.some((ticket) =>
          ticket.messages.some((message) => message.body.includes('m-a-2')),
        ),
      );
      await host.hub.idle();
    } finally {
      await host.stop();
      await empik.close();
      await desk.close();
    }
    const bodies = desk.state.tickets.map((ticket) => ticket.messages.map((m) => m.body).join('|'));
    expect(bodies.join('\n')).toContain('m-a-1 hello');
    expect(bodies.join('\n')).toMatch(/\[Marketplace operator: Bot\] m-a-2 from a bot/);
    expect(bodies.join('\n')).toContain('m-c-1 later');
    expect(bodies.join('\n')).not.toContain('m-b-1');
    // Rejected at every poll that reads it again (the overlap), never stored.
    expect(new Set(rejected.map((event) => event.eventId))).toEqual(new Set([lost.id]));
    const error = rejected[0]?.error as ZodError | undefined;
    expect(error?.issues.map((issue) => issue.path.join('.'))).toEqual(['order.id']);
  }, 30_000);
});
