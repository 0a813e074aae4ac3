import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { account, basic, connector } from './__fixtures__/account.js';

const run = { envelopeId: 'helpdesk:e-1', occurredAt: Date.parse('2026-01-05T10:02:00+01:00') };

function thulium() {
  return nock(account, { reqheaders: { authorization: basic } });
}

const message = {
  id: 'm-1',
  conversationId: 'thread-7f0c',
  authorRole: 'customer' as const,
  text: 'Where is my parcel?\nIt is late & I need it.',
  sentAt: '2026-01-05T10:00:00+01:00',
};

const shop = { ...message, authorRole: 'shop' as const, authorName: 'Jan', text: 'We ship today.' };

/** `GET /tickets/88123` answering these messages. */
function ticketWith(messages: Record<string, unknown>[]) {
  return thulium()
    .get('/api/tickets/88123')
    .query({ include_custom_fields: '1' })
    .reply(200, { ticket_id: 88123, messages });
}

describe('adding a message that may be there already (mayExist)', () => {
  it('reads the ticket and adds nothing when the customer’s message is there, stored as HTML', async () => {
    const read = ticketWith([
      { message_id: 1, type: 'MAIL', body: 'Opening', created_at: '2026-01-05 09:00:00' },
      {
        message_id: 2,
        type: 'MAIL',
        body: '<p>Where is my parcel?<br>It is late &amp; I need it.</p>',
        created_at: '2026-01-05 10:00:00',
        comment: null,
        attachments: null,
      },
    ]);
    const result = await connector().perform(
      'tickets.addCustomerMessage',
      { ticketId: '88123', message, mayExist: true },
      run,
    );
    expect(result).toEqual({ ticketId: '88123' });
    expect(read.isDone()).toBe(true);
  });

  it('adds it when only an older message, a reply or a comment has the same text', async () => {
    const read = ticketWith([
      { message_id: 1, type: 'MAIL', body: message.text, created_at: '2026-01-05 09:30:00' },
      { message_id: 2, type: 'REPLY', body: message.text, created_at: '2026-01-05 10:00:00' },
      { message_id: 3, type: 'COMMENT', body: message.text, created_at: '2026-01-05 10:01:00' },
    ]);
    const posted = thulium()
      .post('/api/tickets/88123/customer_response', {
        body: message.text,
        body_type: 'PLAIN',
        date: '2026-01-05 10:00',
      })
      .reply(200, '');
    await connector().perform(
      'tickets.addCustomerMessage',
      { ticketId: '88123', message, mayExist: true },
      run,
    );
    expect(read.isDone() && posted.isDone()).toBe(true);
  });

  it('counts a message of a new type as the customer’s, and one without a time by its text', async () => {
    const read = ticketWith([{ message_id: 9, type: 'CHAT', body: message.text }]);
    await connector().perform(
      'tickets.addCustomerMessage',
      { ticketId: '88123', message, mayExist: true },
      run,
    );
    expect(read.isDone()).toBe(true);
  });

  it('finds an authored message among the agent replies, or among the comments when they go there', async () => {
    const marked = '[Shop: Jan] We ship today.';
    const asReply = ticketWith([
      { message_id: 4, type: 'REPLY', body: marked, user_login: 'empik_bot' },
    ]);
    await connector().perform(
      'tickets.addAuthoredMessage',
      { ticketId: '88123', message: shop, mayExist: true },
      run,
    );
    expect(asReply.isDone()).toBe(true);
    const asComment = ticketWith([{ message_id: 5, type: 'REPLY', body: marked }]);
    const commented = thulium()
      .post('/api/tickets/88123/comment', { comment: marked })
      .reply(200, '');
    await connector({ authoredMessages: 'comment' }).perform(
      'tickets.addAuthoredMessage',
      { ticketId: '88123', message: shop, mayExist: true },
      run,
    );
    expect(asComment.isDone() && commented.isDone()).toBe(true);
  });

  it('does not read the ticket on a first attempt', async () => {
    const posted = thulium().post('/api/tickets/88123/customer_response').reply(200, '');
    await connector().perform('tickets.addCustomerMessage', { ticketId: '88123', message }, run);
    expect(posted.isDone()).toBe(true);
  });
});
