import { afterEach, describe, expect, it } from 'vitest';
import { onSimulator } from './__fixtures__/simulator.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const run = { envelopeId: 'find-ticket-test', occurredAt: Date.now() };

describe('tickets.findByConversation', () => {
  it('finds the ticket created for a conversation since a moment by its conversation field, else null', async () => {
    const { simulator, connect } = await onSimulator();
    closers.push(() => simulator.close());
    const helpdesk = connect();
    await helpdesk.activate();
    const since = new Date().toISOString();
    const message = {
      id: 'm-1',
      conversationId: 'thread-7',
      authorRole: 'customer' as const,
      text: 'Hello',
      sentAt: since,
    };
    const ticket = { subject: 'Parcel', source: 'empikplace' };
    await helpdesk.perform(
      'tickets.create',
      { ticket, message: { ...message, conversationId: 'other' } },
      run,
    );
    const { id } = await helpdesk.perform('tickets.create', { ticket, message }, run);
    const search = { conversationId: 'thread-7', since };
    expect(await helpdesk.perform('tickets.findByConversation', search, run)).toEqual({ id });
    const unknown = { conversationId: 'thread-8', since };
    expect(await helpdesk.perform('tickets.findByConversation', unknown, run)).toBeNull();
  });

  it('answers null when the conversation field is off (the id is only in a comment)', async () => {
    const { simulator, connect } = await onSimulator();
    closers.push(() => simulator.close());
    const helpdesk = connect({
      ticketFields: {
        conversationId: null,
        orderNumber: null,
        orderUrl: null,
        conversationUrl: null,
        customerId: null,
      },
    });
    await helpdesk.activate();
    const search = { conversationId: 'thread-7', since: new Date().toISOString() };
    expect(await helpdesk.perform('tickets.findByConversation', search, run)).toBeNull();
  });
});
