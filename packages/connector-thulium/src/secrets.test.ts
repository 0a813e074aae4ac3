import { CrosslineError } from '@crossline/core';
import { recordingLogger } from '@crossline/testing';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { account, connector, password, user } from './__fixtures__/account.js';

const basicToken = Buffer.from(`${user}:${password}`).toString('base64');
const leaks = (text: string) => [password, basicToken].filter((secret) => text.includes(secret));

describe('secret canary: the password never leaves', () => {
  it('an error echoing the password and the Basic token, its logs and events hold neither', async () => {
    nock(account)
      .post('/api/tickets/1/comment')
      .reply(500, {
        request_id: 'r1',
        errors: [{ message: `bad credentials ${password} / Basic ${basicToken}`, code: 1 }],
      });
    const { logger, lines } = recordingLogger();
    const helpdesk = connector({ logger });
    const events: unknown[] = [];
    helpdesk.on('warning', (event) => events.push(event));
    helpdesk.on('rate-limited', (event) => events.push(event));
    const error = await helpdesk
      .perform(
        'tickets.addComment',
        { ticketId: '1', text: 'x' },
        { envelopeId: 'e', occurredAt: 0 },
      )
      .catch((caught: unknown) => caught);
    expect(CrosslineError.isInstance(error)).toBe(true);
    const reported = JSON.stringify({
      error,
      message: (error as Error).message,
      stack: (error as Error).stack,
      request: (error as CrosslineError).request,
    });
    expect(reported).toContain('[REDACTED]');
    expect(leaks(reported)).toEqual([]);
    expect(leaks(lines.join('\n'))).toEqual([]);
    expect(leaks(JSON.stringify(events))).toEqual([]);
  });

  it('a password pasted with a trailing newline is sent without it', async () => {
    const scope = nock(account)
      .get('/api/agents/empik_bot')
      .matchHeader('authorization', `Basic ${basicToken}`)
      .reply(200, { login: 'empik_bot' })
      .get('/api/customers')
      .query(true)
      .reply(200, [])
      .get('/api/ticket_queues')
      .reply(200, [{ id: 7, name: 'EmpikPlace' }])
      .get('/api/ticket_categories')
      .reply(200, [{ id: 3, name: 'Marketplace' }]);
    expect(await connector({ password: `${password}\n` }).verify()).toMatchObject({ ok: true });
    scope.done();
  });

  it('a bad option names the field and never echoes the password', () => {
    let message = '';
    try {
      connector({ url: 'ftp://nowhere', password: `${password}`, mailbox: 'not-a-mailbox' });
    } catch (error) {
      message = JSON.stringify({ message: (error as Error).message, error });
    }
    expect(message).toMatch(/url/);
    expect(message).toMatch(/mailbox/);
    expect(leaks(message)).toEqual([]);
  });
});
