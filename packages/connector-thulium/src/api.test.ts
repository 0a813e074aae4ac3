import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { account, basic, connector } from './__fixtures__/account.js';

const run = { envelopeId: 'helpdesk:e-1', occurredAt: 0 };
const json = /^application\/json; charset=utf-8$/;

/** A nock scope on the account that checks Basic auth and the headers every request carries. */
function thulium() {
  return nock(account, {
    reqheaders: { authorization: basic, accept: 'application/json', 'accept-language': 'en' },
  });
}

const message = {
  id: 'm-1',
  conversationId: 'thread-7f0c',
  authorRole: 'customer' as const,
  text: 'Where is my parcel?',
  sentAt: '2026-01-05T10:00:00+01:00',
};

describe('request shapes', () => {
  it('customers.findByExternalId: GET /customers with custom_fields[Name] encoded %20, exact matches only', async () => {
    thulium()
      .get(
        '/api/customers?custom_fields%5BEmpik%20ID%5D=cust-998877&include_custom_fields=1&limit=100',
      )
      .reply(200, [
        { customer_id: 5012, custom_fields: { 'Empik ID': 'cust-998877' } },
        { customer_id: '5013', custom_fields: { 'Empik ID': 'cust-9988770' } },
      ]);
    const found = await connector().perform(
      'customers.findByExternalId',
      { externalId: 'cust-998877' },
      run,
    );
    expect(found).toEqual({ status: 'found', customer: { id: '5012', externalId: 'cust-998877' } });
  });

  it('customers.create: looks up, then POST /customers with the surname and the field filled', async () => {
    let body: unknown;
    thulium()
      .get(/^\/api\/customers\?custom_fields/)
      .reply(200, { customers: [] })
      .post('/api/customers', (sent) => {
        body = sent;
        return true;
      })
      .matchHeader('content-type', json)
      .reply(200, { customer_id: 5014 });
    const created = await connector().perform(
      'customers.create',
      { externalId: 'cust-1', firstName: 'Anna', lastName: 'K.' },
      run,
    );
    expect(created).toEqual({ id: '5014', externalId: 'cust-1' });
    expect(body).toEqual({ name: 'Anna', surname: 'K.', custom_fields: { 'Empik ID': 'cust-1' } });
  });

  it('tickets.create: POST /tickets with to, PLAIN body, source, queue, category, fields and comment', async () => {
    let body: unknown;
    thulium()
      .post('/api/tickets', (sent) => {
        body = sent;
        return true;
      })
      .matchHeader('content-type', json)
      .reply(200, { ticket_id: 88123 });
    const ticket = {
      subject: '[EmpikPlace] EMP-1 – Delivery delay',
      source: 'empikplace',
      orderNumber: 'EMP-1',
      links: [{ title: 'Order', url: 'https://marketplace.empik.com/orders/EMP-1' }],
    };
    const input = {
      ticket,
      customerId: '5012',
      message,
      comment: '2 × Book X (SKU-1)',
      files: ['tok'],
    };
    expect(await connector().perform('tickets.create', input, run)).toEqual({ id: '88123' });
    expect(body).toEqual({
      to: 'empik@shop.example',
      subject: ticket.subject,
      body: 'Where is my parcel?',
      body_type: 'PLAIN',
      comment: '2 × Book X (SKU-1)\nOrder: https://marketplace.empik.com/orders/EMP-1',
      attachments: ['tok'],
      source: 'www',
      direction: 'in_behalf_of',
      customer_id: 5012,
      tags: ['EmpikPlace'],
      category_id: 3,
      ticket_queue_id: 7,
      custom_fields: { 'Empik thread': 'thread-7f0c', 'Order number': 'EMP-1' },
    });
  });

  it('tickets.create with a queue and category by name: looks them up once', async () => {
    thulium()
      .get('/api/ticket_queues')
      .reply(200, [{ ticket_queue_id: 7, name: 'EmpikPlace' }])
      .get('/api/ticket_categories')
      .reply(200, [{ id: '3', name: 'Marketplace' }])
      .post('/api/tickets', (sent) => sent.ticket_queue_id === 7 && sent.category_id === 3)
      .times(2)
      .reply(200, { ticket_id: 1 });
    const helpdesk = connector({ queue: 'EmpikPlace', category: 'Marketplace' });
    const input = { ticket: { subject: 's', source: 'empikplace' }, message };
    await helpdesk.perform('tickets.create', input, run);
    await helpdesk.perform('tickets.create', input, run);
  });

  it('an unbound ticket carries the customer id in its field', async () => {
    thulium()
      .post('/api/tickets', (sent) => {
        expect(sent.customer_id).toBeUndefined();
        expect(sent.custom_fields['Empik customer']).toBe('cust-5');
        return true;
      })
      .reply(200, { ticket_id: 2 });
    const ticket = { subject: 's', source: 'empikplace', customer: { externalId: 'cust-5' } };
    await connector().perform('tickets.create', { ticket, message }, run);
  });

  it('tickets.addCustomerMessage: POST customer_response, PLAIN, dated in account time', async () => {
    thulium()
      .post('/api/tickets/88123/customer_response', {
        body: 'Where is my parcel?',
        body_type: 'PLAIN',
        date: '2026-01-05 10:00',
      })
      .matchHeader('content-type', json)
      .reply(200, '');
    const result = await connector().perform(
      'tickets.addCustomerMessage',
      { ticketId: '88123', message },
      run,
    );
    expect(result).toEqual({ ticketId: '88123' });
  });

  it('tickets.addAuthoredMessage: POST agent_response by the agent login, marked by author', async () => {
    thulium()
      .post('/api/tickets/88123/agent_response', {
        body: '[Shop: Jan] We ship today.',
        body_type: 'PLAIN',
        date: '2026-01-05 10:00',
        user_login: 'empik_bot',
        attachments: ['tok-1'],
      })
      .reply(200, []);
    const shop = {
      ...message,
      authorRole: 'shop' as const,
      authorName: 'Jan',
      text: 'We ship today.',
    };
    await connector().perform(
      'tickets.addAuthoredMessage',
      { ticketId: '88123', message: shop, files: ['tok-1'] },
      run,
    );
  });

  it('tickets.addComment and tickets.setFields: POST comment, PUT custom_fields', async () => {
    thulium()
      .post('/api/tickets/88123/comment', { comment: 'internal note' })
      .reply(200, [])
      .put('/api/tickets/88123', {
        custom_fields: { 'Order number': 'EMP-1', 'Conversation link': 'https://x.example/t' },
      })
      .reply(200, '');
    const helpdesk = connector();
    await helpdesk.perform('tickets.addComment', { ticketId: '88123', text: 'internal note' }, run);
    await helpdesk.perform(
      'tickets.setFields',
      { ticketId: '88123', orderNumber: 'EMP-1', conversationUrl: 'https://x.example/t' },
      run,
    );
  });

  it('files.upload: POST /temporary_files?filename= with the raw bytes as octet-stream', async () => {
    let received = '';
    thulium()
      .post('/api/temporary_files', (sent: string) => {
        received = sent;
        return true;
      })
      .query({ filename: 'invoice 1.pdf' })
      .matchHeader('content-type', 'application/octet-stream')
      .reply(200, { filename: 'invoice 1.pdf', token: 'tok-9', size: '3' });
    const content = new Uint8Array([0x25, 0x50, 0x44]);
    const stored = await connector().perform(
      'files.upload',
      { name: 'invoice 1.pdf', content },
      run,
    );
    expect(stored).toEqual({ token: 'tok-9', name: 'invoice 1.pdf', sizeBytes: 3 });
    expect(received).toBe('%PD');
  });

  it('reads the error body: every message and the request id', async () => {
    thulium()
      .post('/api/tickets/1/comment')
      .reply(422, {
        request_id: '6650f1c2ab',
        errors: [
          { message: 'Ticket is closed.', code: 1002 },
          { message: 'Comment is empty.', code: 1003 },
        ],
      });
    const failure = connector().perform('tickets.addComment', { ticketId: '1', text: 'x' }, run);
    await expect(failure).rejects.toThrow(
      /Ticket is closed\.; Comment is empty\. \(request_id 6650f1c2ab\)/,
    );
  });
});
