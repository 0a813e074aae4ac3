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
  it('reads the ticket and adds nothing when the customer’s message is there, as sent or as HTML', async () => {
    const text = 'Where is my parcel?\nIt is late & I need it. Price < 100 zł, ask Jan <jan@x.pl>';
    const html =
      '<div>Where is my parcel?</div><div>It is late &amp; I need it. Price &lt; 100 z&lstrok;, ask Jan &lt;jan@x.pl&gt;</div>';
    for (const [body, created_at] of [
      [html, '2026-01-05 10:00:00'],
      [text, '2026-01-05 10:00'],
      [text.replace('\n', '\r\n  '), '2026-01-05T09:00:30.000+00:00'],
    ]) {
      const read = ticketWith([
        { message_id: 1, type: 'MAIL', body: 'Opening', created_at: '2026-01-05 09:00:00' },
        { message_id: 2, type: 'MAIL', body, created_at, comment: null, attachments: null },
      ]);
      const result = await connector().perform(
        'tickets.addCustomerMessage',
        { ticketId: '88123', message: { ...message, text }, mayExist: true },
        run,
      );
      expect(result).toEqual({ ticketId: '88123' });
      expect(read.isDone()).toBe(true);
    }
  });

  it('reads entities as text: accented letters, typographic quotes, a typed “&amp;”', async () => {
    const text = 'Dzień dobry, „zamówienie” – proszę & dziękuję &amp; więcej';
    const read = ticketWith([
      {
        message_id: 2,
        type: 'MAIL',
        body: '<p>Dzie&nacute; dobry, &bdquo;zam&oacute;wienie&rdquo; &ndash; prosz&eogon; &amp; dzi&#281;kuj&#x119; &amp;amp; wi&eogon;cej</p>',
        created_at: '2026-01-05 10:00:00',
      },
    ]);
    await connector().perform(
      'tickets.addCustomerMessage',
      { ticketId: '88123', message: { ...message, text }, mayExist: true },
      run,
    );
    expect(read.isDone()).toBe(true);
  });

  it('adds it when the same text is only in another minute, in a reply or comment, or undated', async () => {
    const read = ticketWith([
      { message_id: 1, type: 'MAIL', body: message.text, created_at: '2026-01-05 09:59:59' },
      { message_id: 2, type: 'MAIL', body: message.text, created_at: '2026-01-05 10:01:00' },
      { message_id: 3, type: 'REPLY', body: message.text, created_at: '2026-01-05 10:00:00' },
      { message_id: 4, type: 'reply', body: message.text, created_at: '2026-01-05 10:00:00' },
      { message_id: 5, type: 'COMMENT', body: message.text, created_at: '2026-01-05 10:00:00' },
      { message_id: 6, type: 'MAIL', body: message.text, created_at: 'yesterday' },
      { message_id: 7, type: 'MAIL', body: message.text },
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

  it('adds it when the text stored differs from the one sent, tags and all', async () => {
    const read = ticketWith([
      { message_id: 1, type: 'MAIL', body: 'Order 123', created_at: '2026-01-05 10:00:00' },
    ]);
    const posted = thulium().post('/api/tickets/88123/customer_response').reply(200, '');
    await connector().perform(
      'tickets.addCustomerMessage',
      { ticketId: '88123', message: { ...message, text: 'Order <b>123</b>' }, mayExist: true },
      run,
    );
    expect(read.isDone() && posted.isDone()).toBe(true);
  });

  it('counts a message of a new type as the customer’s', async () => {
    const read = ticketWith([
      { message_id: 9, type: 'CHAT', body: message.text, created_at: '2026-01-05 10:00:00' },
    ]);
    await connector().perform(
      'tickets.addCustomerMessage',
      { ticketId: '88123', message, mayExist: true },
      run,
    );
    expect(read.isDone()).toBe(true);
  });

  it('finds an authored message among the agent replies of its minute', async () => {
    const marked = '[Shop: Jan] We ship today.';
    const asReply = ticketWith([
      { message_id: 4, type: 'REPLY', body: marked, created_at: '2026-01-05 10:00:41' },
    ]);
    await connector().perform(
      'tickets.addAuthoredMessage',
      { ticketId: '88123', message: shop, mayExist: true },
      run,
    );
    expect(asReply.isDone()).toBe(true);
  });

  it('finds a comment by its text in body or comment, dated by Thulium since the message', async () => {
    const marked = '[Shop: Jan] We ship today.';
    const asComment = ticketWith([
      { message_id: 5, type: 'REPLY', body: marked, created_at: '2026-01-05 10:00:00' },
      { message_id: 6, type: 'COMMENT', body: '', comment: marked, created_at: '2026-01-05 10:03' },
    ]);
    await connector({ authoredMessages: 'comment' }).perform(
      'tickets.addAuthoredMessage',
      { ticketId: '88123', message: shop, mayExist: true },
      run,
    );
    expect(asComment.isDone()).toBe(true);
    const older = ticketWith([
      { message_id: 7, type: 'COMMENT', body: marked, created_at: '2026-01-05 09:54:59' },
    ]);
    const commented = thulium()
      .post('/api/tickets/88123/comment', { comment: marked })
      .reply(200, '');
    await connector({ authoredMessages: 'comment' }).perform(
      'tickets.addAuthoredMessage',
      { ticketId: '88123', message: shop, mayExist: true },
      run,
    );
    expect(older.isDone() && commented.isDone()).toBe(true);
  });

  it('does not read the ticket on a first attempt', async () => {
    const posted = thulium().post('/api/tickets/88123/customer_response').reply(200, '');
    await connector().perform('tickets.addCustomerMessage', { ticketId: '88123', message }, run);
    expect(posted.isDone()).toBe(true);
  });
});
