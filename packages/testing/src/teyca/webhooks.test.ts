import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTeycaSimulator, type TeycaSimulator } from './start-teyca-simulator.js';
import { callTeyca } from './test-client.js';

let teyca: TeycaSimulator;
let receiver: Server;
const received: Array<{ type: string; pass: Record<string, unknown>; url: string }> = [];

async function startReceiver(): Promise<string> {
  received.length = 0;
  receiver = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => {
      received.push({ ...JSON.parse(text), url: request.url ?? '' });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await teyca.close();
  await new Promise((resolve) => receiver.close(resolve));
});

async function subscribe(base: string): Promise<void> {
  for (const type of ['CREATE', 'UPDATE', 'DELETE']) {
    const answer = await callTeyca(teyca, 'POST', '/webhook', {
      type,
      url: `${base}/hook?secret=s3`,
    });
    expect(answer.body).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), type });
  }
}

describe('Teyca simulator: webhooks', () => {
  it('POSTs { type, pass } for CREATE, UPDATE and DELETE to the subscribed URL, the secret in it kept', async () => {
    teyca = await startTeycaSimulator({ limits: [{ limit: 100, windowMs: 1000 }] });
    await subscribe(await startReceiver());
    const created = await callTeyca(teyca, 'POST', '/passes', {
      template: 'Base layout',
      phone: '79001234567',
    });
    const id = (created.body as { user_id: number }).user_id;
    await callTeyca(teyca, 'PUT', `/passes/${id}`, { email: 'a@example.org' });
    await callTeyca(teyca, 'DELETE', `/passes/${id}`);
    await teyca.webhooksIdle();
    expect(received.map(({ type }) => type)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    expect(received[0]?.pass).toMatchObject({ user_id: id, phone: '79001234567', bonus: 0 });
    expect(received[1]?.pass).toMatchObject({ email: 'a@example.org' });
    expect(received[2]?.pass).toEqual({ user_id: id });
    expect(received[0]?.url).toBe('/hook?secret=s3');
    expect(teyca.state.deliveries.every((delivery) => delivery.status === 200)).toBe(true);
  });

  it('sends bursts of UPDATEs: burst(id, n) and updateBurst per change', async () => {
    teyca = await startTeycaSimulator({
      updateBurst: 3,
      deleteWebhookBody: 'full',
      webhookConcurrency: 16,
    });
    await subscribe(await startReceiver());
    const pass = teyca.installCard({ phone: '79001234567' });
    teyca.changePass(pass.user_id, { bonus: 170, visits: '4' });
    teyca.burst(pass.user_id, 100);
    teyca.state.deletePass(pass.user_id);
    await teyca.webhooksIdle();
    const updates = received.filter(({ type }) => type === 'UPDATE');
    expect(updates).toHaveLength(103);
    expect(updates.every(({ pass: body }) => body.bonus === 170 && body.visits === '4')).toBe(true);
    const deleted = received.find(({ type }) => type === 'DELETE');
    expect(deleted?.pass).toMatchObject({ user_id: pass.user_id, phone: '79001234567' });
  });

  it('lists, changes and deletes subscriptions; one per type; webhooks do not count against the limits', async () => {
    teyca = await startTeycaSimulator({ limits: [{ limit: 4, windowMs: 60_000 }] });
    const base = await startReceiver();
    const first = await callTeyca(teyca, 'POST', '/webhook', { type: 'UPDATE', url: `${base}/a` });
    const again = await callTeyca(teyca, 'POST', '/webhook', { type: 'UPDATE', url: `${base}/b` });
    const { id } = first.body as { id: string };
    expect((again.body as { id: string }).id).toBe(id);
    expect((await callTeyca(teyca, 'GET', '/webhook')).body).toEqual([
      { id, type: 'UPDATE', url: `${base}/b` },
    ]);
    const pass = teyca.installCard();
    teyca.burst(pass.user_id, 20);
    await teyca.webhooksIdle();
    expect(received).toHaveLength(20);
    expect((await callTeyca(teyca, 'DELETE', `/webhook/${id}`)).status).toBe(200);
    expect(teyca.throttled()).toBe(0);
  });
});
