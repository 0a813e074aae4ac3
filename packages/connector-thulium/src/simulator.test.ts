import type { AgentReply, SourceItem } from '@crossline/core/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { onSimulator } from './__fixtures__/simulator.js';

const run = { envelopeId: 'helpdesk:e-1', occurredAt: 0 };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function setUp(...args: Parameters<typeof onSimulator>) {
  const setup = await onSimulator(...args);
  closers.push(() => setup.simulator.close());
  return setup;
}

/** Every item one read of the source yields, and the cursor after the last. */
async function readAll(source: AsyncIterable<SourceItem<unknown>>) {
  const items: SourceItem<AgentReply>[] = [];
  for await (const item of source) items.push(item as SourceItem<AgentReply>);
  return items;
}

describe('verify against the simulator', () => {
  it('passes with the field, queue, category and agent present', async () => {
    const { simulator, connect } = await setUp();
    simulator.state.addCustomer({ custom_fields: { 'Empik ID': 'cust-1' } });
    expect(await connect().verify()).toEqual({
      ok: true,
      reachable: true,
      credentialsValid: true,
      missingPermissions: [],
      problems: [],
      notes: [
        'The type of the customer custom field "Empik ID" cannot be read over Thulium\'s API: make sure it is text.',
      ],
    });
  });

  it('with no customers yet, notes that the field could not be checked (not a failure)', async () => {
    const { connect } = await setUp();
    const report = await connect().verify();
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.notes).toEqual([
      expect.stringMatching(
        /^Thulium has no customers yet, so the customer custom field "Empik ID"/,
      ),
    ]);
  });

  it('names the missing field, queue, category and agent', async () => {
    const { simulator, connect } = await setUp();
    simulator.state.addCustomer();
    const report = await connect({
      customerField: 'Allegro ID',
      queue: 'Allegro',
      category: 99,
      agentLogin: 'ghost',
    }).verify();
    expect(report).toMatchObject({ ok: false, credentialsValid: true });
    expect(report.problems).toEqual([
      expect.stringContaining('no customer custom field "Allegro ID"'),
      expect.stringContaining('no ticket queue "Allegro"'),
      expect.stringContaining('no ticket category 99'),
      expect.stringContaining('no agent with the login "ghost"'),
    ]);
  });

  it('names a field of the wrong type (its values are not text)', async () => {
    const { simulator, connect } = await setUp();
    simulator.state.addCustomer({ custom_fields: { 'Loyalty points': 12 } });
    const report = await connect({ customerField: 'Loyalty points' }).verify();
    expect(report.problems).toEqual([
      'The customer custom field "Loyalty points" holds number values: it must be of type text.',
    ]);
  });

  it('reports a wrong password as credentials not valid, and a rotated one likewise', async () => {
    const { simulator, connect } = await setUp();
    const helpdesk = connect();
    simulator.rotateKey();
    expect(await helpdesk.verify()).toMatchObject({ ok: false, credentialsValid: false });
    expect(await connect({ password: simulator.apiKey }).verify()).toMatchObject({ ok: true });
  });
});

describe('customers and tickets against the simulator', () => {
  it('finds a customer by the field, creates one when none, and never twice for one id', async () => {
    const { simulator, connect } = await setUp();
    const known = simulator.state.addCustomer({ custom_fields: { 'Empik ID': 'cust-1' } });
    const helpdesk = connect();
    const found = await helpdesk.perform(
      'customers.findByExternalId',
      { externalId: 'cust-1' },
      run,
    );
    expect(found).toEqual({
      status: 'found',
      customer: { id: String(known.customer_id), externalId: 'cust-1' },
    });
    const none = await helpdesk.perform(
      'customers.findByExternalId',
      { externalId: 'cust-2' },
      run,
    );
    expect(none).toEqual({ status: 'none' });
    const [a, b] = await Promise.all([
      helpdesk.perform('customers.create', { externalId: 'cust-2', lastName: 'K.' }, run),
      helpdesk.perform('customers.create', { externalId: 'cust-2', lastName: 'K.' }, run),
    ]);
    expect(a).toEqual(b);
    expect(
      simulator.state.customers.filter((c) => c.custom_fields['Empik ID'] === 'cust-2'),
    ).toHaveLength(1);
  });

  it('creates a ticket, adds messages by author, a comment and fields', async () => {
    const { simulator, connect } = await setUp();
    const helpdesk = connect();
    const message = {
      id: 'm-1',
      conversationId: 'thread-1',
      authorRole: 'customer' as const,
      text: 'Hello',
      sentAt: '2026-01-05T10:00:00+01:00',
    };
    const { id } = await helpdesk.perform(
      'tickets.create',
      { ticket: { subject: 'Parcel', source: 'empikplace' }, message },
      run,
    );
    const later = { ...message, id: 'm-2', text: 'Still waiting' };
    await helpdesk.perform('tickets.addCustomerMessage', { ticketId: id, message: later }, run);
    const operator = { ...message, id: 'm-3', authorRole: 'operator' as const, text: 'Checking' };
    await helpdesk.perform('tickets.addAuthoredMessage', { ticketId: id, message: operator }, run);
    await helpdesk.perform('tickets.addComment', { ticketId: id, text: 'VIP' }, run);
    await helpdesk.perform('tickets.setFields', { ticketId: id, orderNumber: 'EMP-1' }, run);
    const ticket = simulator.state.ticket(Number(id));
    expect(ticket?.messages.map((m) => [m.type, m.body])).toEqual([
      ['MAIL', 'Hello'],
      ['MAIL', 'Still waiting'],
      ['REPLY', '[Marketplace operator] Checking'],
      ['COMMENT', 'VIP'],
    ]);
    expect(ticket).toMatchObject({
      ticket_queue_id: 7,
      category_id: '3',
      source: 'www',
      tags: ['EmpikPlace'],
      custom_fields: { 'Empik thread': 'thread-1', 'Order number': 'EMP-1' },
    });
  });
});

describe('agentReplies against the simulator', () => {
  it('yields each agent REPLY once across a restart; never comments, mails or its own replies', async () => {
    const { simulator, connect } = await setUp();
    const { state } = simulator;
    const ticket = state.addTicket({
      ticket_queue_id: 7,
      custom_fields: { 'Empik thread': 't-1' },
    });
    const elsewhere = state.addTicket({ ticket_queue_id: 8 });
    state.addMessage(ticket.ticket_id, { type: 'MAIL', body: 'Where is it?' });
    const first = state.reply(ticket.ticket_id, 'anna', '<p>It left today.</p>');
    state.comment(ticket.ticket_id, 'anna', 'internal: courier late');
    state.reply(ticket.ticket_id, 'empik_bot', 'Thank you, we received your message.');
    state.reply(elsewhere.ticket_id, 'anna', 'another queue');

    const helpdesk = connect();
    const read1 = await readAll(helpdesk.read('agentReplies', undefined));
    expect(read1.map((item) => item.id)).toEqual([String(first.message_id)]);
    expect(read1[0]?.event).toMatchObject({
      ticketId: String(ticket.ticket_id),
      conversationId: 't-1',
      authorName: 'anna',
      text: '<p>It left today.</p>',
      format: 'html',
    });

    // A restart: a new connector resumes from the stored cursor.
    const cursor = read1.at(-1)?.cursor;
    const second = state.reply(ticket.ticket_id, 'anna', 'Tracking: 123');
    const restarted = connect();
    const read2 = await readAll(restarted.read('agentReplies', cursor));
    // The overlap reads the first reply again (the outbox stores it once: same id).
    expect(read2.map((item) => item.id)).toEqual([
      String(first.message_id),
      String(second.message_id),
    ]);
    expect(new Set([...read1, ...read2].map((item) => item.id)).size).toBe(2);
  });

  it('pages through more tickets than a page holds, and skips replies older than the window', async () => {
    const { simulator, connect } = await setUp();
    const { state } = simulator;
    let now = Date.parse('2026-01-05T08:00:00Z');
    state.now = () => now;
    const old = state.addTicket({ ticket_queue_id: 7 });
    state.reply(old.ticket_id, 'anna', 'old reply');
    now = Date.now();
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const ticket = state.addTicket({ ticket_queue_id: 7 });
      ids.push(String(state.reply(ticket.ticket_id, 'anna', `reply ${index}`).message_id));
    }
    state.comment(old.ticket_id, 'anna', 'touches the old ticket');
    const helpdesk = connect({ poll: { pageSize: 2, overlapMs: 600_000 } });
    const items = await readAll(helpdesk.read('agentReplies', undefined));
    expect(items.map((item) => item.id).sort()).toEqual(ids.sort());
    const listed = simulator.requests.filter((request) => request.path === '/api/tickets');
    expect(listed.map((request) => request.query.offset)).toEqual(['0', '2', '4', '6']);
  });
});
