import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sampleCall } from '../__fixtures__/sample-call.js';
import { type ContactLookup, phoneLookupSchema } from '../capabilities/crm.js';
import { defineConnector } from '../connector/define-connector.js';
import { VendorError } from '../errors/vendor-error.js';
import { type Call, type CallInput, callSchema } from '../model/call.js';
import { type Contact, contactSchema } from '../model/contact.js';
import { type Task, taskSchema } from '../model/task.js';
import { createHub, type Hub } from '../pipeline/hub.js';
import { MemoryReplayStore } from '../replay/memory-replay-store.js';
import { type CallTrackingOptions, callTrackingPipeline } from './call-tracking.js';

/** A CRM kept in memory, with the four actions the recipe needs. */
function memoryCrm() {
  const contacts: Array<Contact & { crmId: string }> = [];
  const tasks = new Map<string, Task>();
  let taskRequests = 0;
  const calls = new Map<string, Call>();
  const faults = { callsLog: 0, refuseTasks: false };
  const connector = defineConnector({
    vendor: 'memory-crm',
    configSchema: z.object({ label: z.string().optional() }),
    createClient: () => null,
    verify: async (_context) => ({
      reachable: true,
      credentialsValid: true,
      missingPermissions: [],
      problems: [],
    }),
    actions: {
      'contacts.findByPhone': {
        input: phoneLookupSchema,
        run: async ({ phone }: { phone: string }, { warn }): Promise<ContactLookup> => {
          const found = contacts.filter((contact) => contact.phones.includes(phone));
          if (found.length > 1) {
            warn('several contacts have the number', { ids: found.map((item) => item.crmId) });
            return { status: 'ambiguous', ids: found.map((item) => item.crmId) };
          }
          const [one] = found;
          return one
            ? { status: 'found', contact: { id: one.crmId, phones: one.phones } }
            : { status: 'none' };
        },
      },
      'contacts.upsert': {
        input: contactSchema,
        run: async (contact) => {
          const crmId = String(contacts.length + 1);
          contacts.push({ ...contact, crmId });
          return { id: crmId, phones: contact.phones };
        },
      },
      'tasks.create': {
        input: taskSchema,
        run: async (task) => {
          taskRequests += 1;
          if (faults.refuseTasks) throw new VendorError('no such performer'); // for good
          if (task.id && tasks.has(task.id)) return; // deduped by id, as connectors must
          tasks.set(task.id ?? String(tasks.size), task);
        },
      },
      'calls.log': {
        input: callSchema,
        run: async (call, { envelopeId }) => {
          if (faults.callsLog > 0) {
            faults.callsLog -= 1;
            throw new VendorError('CRM hiccup', { retryable: true });
          }
          calls.set(envelopeId, call);
        },
      },
    },
  });
  return {
    connector: connector({ id: 'crm' }),
    contacts,
    tasks,
    calls,
    faults,
    taskRequests: () => taskRequests,
  };
}

let hub: Hub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

async function run(calls: CallInput[], options: Partial<CallTrackingOptions> = {}) {
  const crm = memoryCrm();
  hub = createHub({ store: new MemoryReplayStore(), retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  hub
    .register(crm.connector)
    .pipeline(callTrackingPipeline({ connector: crm.connector, ...options }));
  await hub.start();
  await crm.connector.activate();
  for (const call of calls) await hub.publish('calls', call);
  await hub.idle();
  return crm;
}

const missed = (index: number, from = '+38 (067) 123-45-67'): CallInput => ({
  ...sampleCall(index),
  from,
  result: 'missed',
  utm: { source: 'google', campaign: 'winter' },
  extra: { landing: '/sale' },
  employee: { id: 'op-7' },
});

describe('callTrackingPipeline', () => {
  it('creates the caller once, with UTM and extra fields, and a task bound to them for a missed call', async () => {
    const crm = await run([missed(1), { ...sampleCall(2), from: '0671234567' }]);
    expect(crm.contacts).toHaveLength(1);
    expect(crm.contacts[0]).toMatchObject({
      phones: ['380671234567'],
      utm: { source: 'google', campaign: 'winter' },
      customFields: { landing: '/sale' },
    });
    expect([...crm.tasks.values()]).toEqual([
      expect.objectContaining({
        id: 'calls:call-1:task',
        title: 'Missed call from +380671234567',
        contactPhone: '380671234567',
        assignee: { id: 'op-7' },
        callId: 'call-1',
      }),
    ]);
    expect([...crm.calls.keys()]).toEqual(['calls:call-1', 'calls:call-2']);
    expect([...crm.calls.values()].map((call) => call.contactId)).toEqual(['1', '1']);
    expect(crm.tasks.get('calls:call-1:task')?.contactId).toBe('1');
  });

  it('binds nothing and creates nothing when several contacts have the number, with a warning', async () => {
    const crm = memoryCrm();
    crm.contacts.push(
      { phones: ['380671234567'], emails: [], customFields: {}, crmId: 'a' },
      { phones: ['380671234567'], emails: [], customFields: {}, crmId: 'b' },
    );
    hub = createHub({ store: new MemoryReplayStore() });
    const warnings: unknown[] = [];
    hub.on('warning', (warning) => warnings.push(warning));
    hub.register(crm.connector).pipeline(callTrackingPipeline({ connector: crm.connector }));
    await hub.start();
    await crm.connector.activate();
    await hub.publish('calls', missed(6));
    await hub.idle();
    expect(crm.contacts).toHaveLength(2);
    expect(crm.tasks.get('calls:call-6:task')?.title).toBe('Missed call from +380671234567');
    expect(crm.tasks.get('calls:call-6:task')?.contactId).toBeUndefined();
    expect(crm.calls.get('calls:call-6')?.contactId).toBeUndefined();
    expect(warnings).toEqual([
      expect.objectContaining({
        connectorId: 'crm',
        envelopeId: 'calls:call-6',
        action: 'contacts.findByPhone',
        details: { ids: ['a', 'b'] },
      }),
    ]);
  });

  it('uses the callee of an outgoing call, and skips outgoing calls when told to', async () => {
    const outgoing: CallInput = { ...sampleCall(3), direction: 'outgoing', to: '0501112233' };
    const both = await run([outgoing]);
    expect(both.contacts.map((contact) => contact.phones)).toEqual([['380501112233']]);
    expect(both.tasks.size).toBe(0); // not a missed incoming call
    await hub?.stop();
    const incomingOnly = await run([outgoing], { directions: 'incoming' });
    expect(incomingOnly.contacts).toHaveLength(0);
    expect(incomingOnly.calls.size).toBe(0);
  });

  it('honours createContact, createTask and passUtm switched off', async () => {
    const crm = await run([missed(4)], { createContact: false, createTask: false, passUtm: false });
    expect(crm.contacts).toHaveLength(0);
    expect(crm.tasks.size).toBe(0);
    expect(crm.calls.get('calls:call-4')?.utm).toBeUndefined();
  });

  it('a retried delivery neither creates the contact again nor a second task', async () => {
    const crm = memoryCrm();
    crm.faults.callsLog = 2;
    hub = createHub({ store: new MemoryReplayStore(), retry: { baseDelayMs: 1, maxDelayMs: 5 } });
    hub.register(crm.connector).pipeline(callTrackingPipeline({ connector: crm.connector }));
    await hub.start();
    await crm.connector.activate();
    await hub.publish('calls', missed(5));
    for (let round = 0; round < 20 && crm.calls.size === 0; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await hub.idle();
    }
    expect(crm.calls.size).toBe(1);
    expect(crm.contacts).toHaveLength(1);
    expect(crm.tasks.size).toBe(1);
    expect(crm.taskRequests()).toBe(3); // asked three times (two failed deliveries), kept once
  });

  it('a task the CRM refuses for good is reported, and the call is still logged', async () => {
    const crm = memoryCrm();
    crm.faults.refuseTasks = true;
    hub = createHub({ store: new MemoryReplayStore() });
    const warnings: Array<{ message: string }> = [];
    hub.on('warning', (warning) => warnings.push(warning));
    hub.register(crm.connector).pipeline(callTrackingPipeline({ connector: crm.connector }));
    await hub.start();
    await crm.connector.activate();
    await hub.publish('calls', missed(7));
    await hub.idle();
    expect([...crm.calls.keys()]).toEqual(['calls:call-7']);
    expect(await hub.deadLetters('crm')).toEqual([]);
    expect(warnings.map((warning) => warning.message)).toEqual([
      'the missed-call task could not be created: no such performer',
    ]);
  });

  it('rejects invalid options naming the field', () => {
    // @ts-expect-error: the connector itself, not its id
    expect(() => callTrackingPipeline({ connector: 'crm' })).toThrow(/not its id/);
    expect(() =>
      callTrackingPipeline({
        connector: memoryCrm().connector,
        directions: 'out' as 'incoming',
      }),
    ).toThrow(/directions/);
  });
});

describe('the CRM capability, at compile time', () => {
  it('refuses a connector that lacks an action of the CRM capability', () => {
    const partial = defineConnector({
      vendor: 'half-crm',
      configSchema: z.object({}),
      createClient: () => null,
      verify: async (_context) => ({
        reachable: true,
        credentialsValid: true,
        missingPermissions: [],
        problems: [],
      }),
      actions: {
        'calls.log': { input: callSchema, run: async () => undefined },
      },
    })({});
    // @ts-expect-error: no contacts.findByPhone, contacts.upsert or tasks.create
    expect(() => callTrackingPipeline({ connector: partial })).not.toThrow();
  });

  it('refuses a connector whose actions accept less than the pipeline sends', () => {
    const narrow = defineConnector({
      vendor: 'narrow-crm',
      configSchema: z.object({}),
      createClient: () => null,
      verify: async (_context) => ({
        reachable: true,
        credentialsValid: true,
        missingPermissions: [],
        problems: [],
      }),
      actions: {
        'contacts.findByPhone': {
          input: phoneLookupSchema,
          run: async (): Promise<ContactLookup> => ({ status: 'none' }),
        },
        'contacts.upsert': {
          input: contactSchema.extend({ email: z.email() }),
          run: async () => ({ id: '1', phones: [] }),
        },
        'tasks.create': { input: taskSchema, run: async () => undefined },
        'calls.log': {
          input: callSchema.extend({ contactId: z.string() }),
          run: async () => undefined,
        },
      },
    })({});
    // @ts-expect-error: contacts.upsert needs an e-mail and calls.log a contact id the pipeline may not have
    expect(() => callTrackingPipeline({ connector: narrow })).not.toThrow();
  });

  it('refuses a connector whose look-up answers something else', () => {
    const odd = defineConnector({
      vendor: 'odd-crm',
      configSchema: z.object({}),
      createClient: () => null,
      verify: async (_context) => ({
        reachable: true,
        credentialsValid: true,
        missingPermissions: [],
        problems: [],
      }),
      actions: {
        'contacts.findByPhone': { input: phoneLookupSchema, run: async () => 42 },
        'contacts.upsert': { input: contactSchema, run: async () => ({ id: '1', phones: [] }) },
        'tasks.create': { input: taskSchema, run: async () => undefined },
        'calls.log': { input: callSchema, run: async () => undefined },
      },
    })({});
    // @ts-expect-error: contacts.findByPhone must resolve with a ContactLookup
    expect(() => callTrackingPipeline({ connector: odd })).not.toThrow();
  });
});
