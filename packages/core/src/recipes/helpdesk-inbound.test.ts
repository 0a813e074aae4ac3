import { describe, expect, it } from 'vitest';
import type { MarketplaceMessage } from '../capabilities/marketplace.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { TransportError } from '../errors/transport-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { VendorError } from '../errors/vendor-error.js';
import type { StepState } from '../pipeline/types.js';
import {
  forwardMessage,
  type HelpdeskStepContext,
  type InboundSettings,
} from './helpdesk-inbound.js';
import { HelpdeskLinks } from './helpdesk-links.js';
import { sendReply } from './helpdesk-outbound.js';
import { KeyedLock } from './keyed-lock.js';

/** What the fake helpdesk does with an add (of `text`, or the next one): fail, or do it and fail. */
type Fault = { readonly error: unknown; readonly after: boolean; readonly text?: string };

/** A helpdesk that keeps one ticket's messages, honours `mayExist` by text, and fails on cue. */
class FakeHelpdesk {
  readonly messages: string[] = [];
  readonly looks: boolean[] = [];
  readonly faults: Fault[] = [];

  async add(input: {
    message: { text: string };
    mayExist?: boolean;
  }): Promise<{ ticketId: string }> {
    const { text } = input.message;
    this.looks.push(input.mayExist === true);
    if (input.mayExist && this.messages.includes(text)) return { ticketId: 't1' };
    const index = this.faults.findIndex((fault) => fault.text === undefined || fault.text === text);
    const [fault] = index < 0 ? [] : this.faults.splice(index, 1);
    if (fault?.after) this.messages.push(text);
    if (fault) throw fault.error;
    this.messages.push(text);
    return { ticketId: 't1' };
  }
}

function setup(autoReply?: (message: MarketplaceMessage) => string) {
  const values = new Map<string, string>();
  const state: StepState = {
    get: async (key) => values.get(key),
    set: async (key, value) => void values.set(key, value),
  };
  const links = new HelpdeskLinks(state, 'hd');
  const desk = new FakeHelpdesk();
  const posted: string[] = [];
  const postFaults: unknown[] = [];
  const warnings: string[] = [];
  const context = {
    state,
    warn: (message: string) => void warnings.push(message),
    perform: async (action: string, input: never) => {
      if (action === 'tickets.addCustomerMessage' || action === 'tickets.addAuthoredMessage')
        return desk.add(input);
      throw new Error(`unexpected ${action}`);
    },
  } as unknown as HelpdeskStepContext;
  const settings: InboundSettings = {
    links,
    lock: new KeyedLock(),
    marketplace: (async (action: string, input: { text: string }) => {
      if (action !== 'messages.reply') throw new Error(`unexpected ${action}`);
      const fault = postFaults.shift();
      if (fault) throw fault;
      posted.push(input.text);
      return { messageId: `p-${posted.length}`, conversationId: 'c1', duplicate: false };
    }) as never,
    source: 'EmpikPlace',
    queue: 'q',
    category: 'c',
    customerId: () => undefined,
    autoReply,
  };
  const deliver = async (message: MarketplaceMessage) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await forwardMessage(message, context, settings);
      } catch (error) {
        if (attempt === 5) throw error;
      }
    }
  };
  return { links, desk, posted, postFaults, warnings, context, settings, deliver, values };
}

const message = (id: string, text: string, authorRole: 'customer' | 'shop' = 'customer') =>
  ({
    id,
    conversationId: 'c1',
    authorRole,
    text,
    sentAt: '2026-01-05T10:00:00.000Z',
    attachments: [],
    internal: false,
    customer: {},
  }) as MarketplaceMessage;

/** A conversation whose ticket exists, opened by message m0. */
async function withTicket(kit: ReturnType<typeof setup>, auto?: boolean) {
  await kit.links.link('c1', 't1', 'm0');
  if (auto) await kit.links.markAutoReplyPending('c1');
}

describe('forwardMessage: a message whose attempt may have gone through', () => {
  it('looks before adding only when an earlier attempt may have reached the helpdesk', async () => {
    const kit = setup();
    await withTicket(kit);
    const lost = new TransportError('socket hang up', { mayHaveReachedVendor: true });
    kit.desk.faults.push({ error: lost, after: true });
    await kit.deliver(message('m1', 'Hello?'));
    expect(kit.desk.messages).toEqual(['Hello?']);
    expect(kit.desk.looks).toEqual([false, true]);
  });

  it.each([
    ['throttled', new RateLimitError('slow down', {})],
    ['never sent', new TransportError('ECONNREFUSED', { mayHaveReachedVendor: false })],
    [
      '503',
      new VendorError('busy', {
        retryable: true,
        request: { method: 'POST', url: 'u', status: 503 },
      }),
    ],
    ['422', new VendorError('no', { request: { method: 'POST', url: 'u', status: 422 } })],
  ])(
    'adds without a look after a first attempt refused (%s), the same text already there',
    async (_, error) => {
      const kit = setup();
      await withTicket(kit);
      kit.desk.messages.push('Hello?'); // the customer wrote it before, in the same minute
      kit.desk.faults.push({ error, after: false });
      await kit.deliver(message('m1', 'Hello?'));
      expect(kit.desk.messages).toEqual(['Hello?', 'Hello?']);
      expect(kit.desk.looks).toEqual([false, false]);
    },
  );

  it.each([
    [
      'a 500',
      new VendorError('oops', {
        retryable: true,
        request: { method: 'POST', url: 'u', status: 500 },
      }),
    ],
    [
      'a 2xx glitch',
      new VendorError('no message', {
        retryable: true,
        request: { method: 'POST', url: 'u', status: 200 },
      }),
    ],
    ['an unknown error', new Error('boom')],
  ])('looks after %s', async (_, error) => {
    const kit = setup();
    await withTicket(kit);
    kit.desk.faults.push({ error, after: true });
    await kit.deliver(message('m1', 'Hello?'));
    expect(kit.desk.messages).toEqual(['Hello?']);
  });
});

describe('forwardMessage: the automatic reply', () => {
  it('is made once, from the message that finds it owed; later messages never call autoReply', async () => {
    let calls = 0;
    const kit = setup((first) => {
      calls += 1;
      if (calls > 1) throw new Error('autoReply called again');
      return `Thanks, we got “${first.text}”`;
    });
    await withTicket(kit, true);
    await kit.deliver(message('m1', 'Hello?'));
    await kit.deliver(message('m2', 'Anyone?'));
    expect(kit.posted).toEqual(['Thanks, we got “Hello?”']);
    expect(kit.desk.messages).toEqual(['Hello?', 'Thanks, we got “Hello?”', 'Anyone?']);
  });

  it('records what was posted after a refused record, once, even if autoReply would say something else now', async () => {
    let hours = 1;
    const kit = setup(() => `We answer within ${hours} h`);
    await withTicket(kit, true);
    const busy = new VendorError('busy', {
      retryable: true,
      request: { method: 'POST', url: 'u', status: 503 },
    });
    const lost = new TransportError('socket hang up', { mayHaveReachedVendor: true });
    const record = 'We answer within 1 h';
    kit.desk.faults.push({ error: busy, after: false, text: record });
    kit.desk.faults.push({ error: lost, after: true, text: record });
    await expect(forwardMessage(message('m1', 'hi'), kit.context, kit.settings)).rejects.toBe(busy);
    hours = 2;
    await kit.deliver(message('m1', 'hi'));
    expect(kit.posted).toEqual(['We answer within 1 h']);
    expect(kit.desk.messages).toEqual(['hi', 'We answer within 1 h']);
    expect(await kit.links.autoReplyOf('c1')).toBe('recorded');
  });

  it('is still recorded when its echo is read before the record went in', async () => {
    const kit = setup(() => 'Thanks');
    await withTicket(kit, true);
    const busy = new VendorError('busy', {
      retryable: true,
      request: { method: 'POST', url: 'u', status: 503 },
    });
    kit.desk.faults.push({ error: busy, after: false, text: 'Thanks' });
    await expect(forwardMessage(message('m1', 'hi'), kit.context, kit.settings)).rejects.toBe(busy);
    await kit.deliver(message('p-1', 'Thanks', 'shop')); // the echo: the pipeline's own post
    expect(kit.posted).toEqual(['Thanks']);
    expect(kit.desk.messages).toEqual(['hi', 'Thanks']);
  });

  it('treats a link written before the record was kept apart (a bare id) as recorded', async () => {
    const kit = setup(() => 'Thanks');
    await withTicket(kit);
    kit.values.set('helpdesk/hd/auto/c1', 'p-9');
    await kit.deliver(message('m1', 'hi'));
    expect(kit.desk.messages).toEqual(['hi']);
    expect(kit.posted).toEqual([]);
  });
});

describe('sendReply: a reply the marketplace answered unreadably', () => {
  it('leaves no posting intent behind when the delivery dies, so the conversation goes on', async () => {
    const kit = setup();
    await withTicket(kit);
    const unreadable = new ValidationError('answer without message_id', {
      code: 'INVALID_RESPONSE',
      issues: [{ path: 'message_id', message: 'missing' }],
    });
    kit.postFaults.push(unreadable);
    const outbound = {
      ...kit.context,
      perform: kit.settings.marketplace,
    } as unknown as Parameters<typeof sendReply>[1];
    const reply = {
      id: 'r1',
      ticketId: 't1',
      conversationId: 'c1',
      text: 'On its way',
      format: 'text' as const,
      sentAt: '2026-01-05T10:05:00.000Z',
      attachments: [],
    };
    const helpdesk = (async () => ({ ticketId: 't1' })) as never;
    await expect(
      sendReply(reply, outbound, { links: kit.links, lock: kit.settings.lock, helpdesk }),
    ).rejects.toBe(unreadable);
    expect(await kit.links.posting('c1')).toBe(false);
    await kit.deliver(message('m5', 'From the shop', 'shop'));
    expect(kit.desk.messages).toEqual(['From the shop']);
  });
});
