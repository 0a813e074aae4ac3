import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startThuliumSimulator, type ThuliumSimulator } from './start-thulium-simulator.js';
import { callThulium } from './test-client.js';

let thulium: ThuliumSimulator;
beforeEach(async () => {
  thulium = await startThuliumSimulator();
});
afterEach(() => thulium.close());

const newTicket = {
  to: 'empik@shop.example',
  subject: 'Delivery delay',
  body: 'Where is my parcel?',
  body_type: 'PLAIN',
  ticket_queue_id: 7,
  category_id: 3,
  source: 'www',
  comment: 'Order EMP-1',
  custom_fields: { 'Empik thread': 't-1' },
};

describe('Thulium simulator: tickets, messages by type, temporary files', () => {
  it('creates a ticket with its MAIL and COMMENT, and refuses a missing `to` or unknown queue', async () => {
    const created = await callThulium(thulium, 'POST', '/tickets', { json: newTicket });
    const id = (created.body as { ticket_id: number }).ticket_id;
    const ticket = thulium.state.ticket(id);
    expect(ticket?.messages.map((message) => message.type)).toEqual(['MAIL', 'COMMENT']);
    expect(ticket).toMatchObject({ category_id: '3', custom_fields: { 'Empik thread': 't-1' } });
    const { to: _, ...noMailbox } = newTicket;
    expect((await callThulium(thulium, 'POST', '/tickets', { json: noMailbox })).status).toBe(400);
    const badQueue = { ...newTicket, ticket_queue_id: 99 };
    expect((await callThulium(thulium, 'POST', '/tickets', { json: badQueue })).status).toBe(400);
  });

  it('adds customer (MAIL), agent (REPLY, answering []) and comment messages', async () => {
    const { ticket_id: id } = thulium.state.addTicket({ ticket_queue_id: 7 });
    const path = `/tickets/${id}`;
    await callThulium(thulium, 'POST', `${path}/customer_response`, {
      json: { body: 'And now?', date: '2026-01-05 10:00' },
    });
    const agent = await callThulium(thulium, 'POST', `${path}/agent_response`, {
      json: { body: 'Today', body_type: 'PLAIN', user_login: 'anna' },
    });
    expect(agent.body).toEqual([]);
    await callThulium(thulium, 'POST', `${path}/comment`, { json: { comment: 'internal' } });
    const read = await callThulium(thulium, 'GET', path);
    const messages = (read.body as { messages: { type: string; body_type: string }[] }).messages;
    expect(messages.map((message) => [message.type, message.body_type])).toEqual([
      ['MAIL', 'HTML'],
      ['REPLY', 'PLAIN'],
      ['COMMENT', 'PLAIN'],
    ]);
    const noLogin = await callThulium(thulium, 'POST', `${path}/agent_response`, {
      json: { body: 'x' },
    });
    expect(noLogin.status).toBe(400);
  });

  it('lists tickets of a queue changed since date_from, newest first, limit at most 100', async () => {
    let now = Date.parse('2026-01-05T09:00:00Z');
    thulium.state.now = () => now;
    const old = thulium.state.addTicket({ ticket_queue_id: 7 });
    now += 3_600_000;
    const recent = thulium.state.addTicket({ ticket_queue_id: 7 });
    thulium.state.addTicket({ ticket_queue_id: 8 });
    const list = await callThulium(
      thulium,
      'GET',
      '/tickets?ticket_queue_id=7&date_from=2026-01-05%2010:30:00',
    );
    expect(list.body).toEqual([expect.objectContaining({ ticket_id: recent.ticket_id })]);
    expect(list.body).not.toContainEqual(expect.objectContaining({ ticket_id: old.ticket_id }));
    expect((await callThulium(thulium, 'GET', '/tickets?limit=101')).status).toBe(400);
  });

  it('stores temporary files from raw bytes, and takes their tokens as attachments for 24 h', async () => {
    const bytes = new Uint8Array(2048).fill(7);
    const upload = await callThulium(thulium, 'POST', '/temporary_files?filename=a.pdf', {
      bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(upload.body).toEqual({ filename: 'a.pdf', token: expect.any(String), size: 2048 });
    const { token } = upload.body as { token: string };
    const { ticket_id: id } = thulium.state.addTicket({ ticket_queue_id: 7 });
    const send = (attachments: string[]) =>
      callThulium(thulium, 'POST', `/tickets/${id}/agent_response`, {
        json: { body: 'file', user_login: 'anna', attachments },
      });
    expect((await send([token])).status).toBe(200);
    expect(thulium.state.ticket(id)?.messages[0]?.attachments).toEqual([
      { filename: 'a.pdf', size: 2048 },
    ]);
    const later = Date.now() + 25 * 3_600_000;
    thulium.state.now = () => later;
    expect((await send([token])).status).toBe(400);
  });
});
