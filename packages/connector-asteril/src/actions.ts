import {
  type Call,
  type ContactLookup,
  callSchema,
  type FoundContact,
  VendorError,
} from '@crossline/core';
import { type Contact, contactSchema, type Task, taskSchema } from '@crossline/core/model';
import { findByPhone, type PhoneMatch } from '@crossline/core/phone';
import {
  type ActionContext,
  applyFieldMap,
  clientPhone,
  mergeFieldMaps,
  phoneLookupSchema,
} from '@crossline/core/sdk';
import type { AsterilApi } from './api.js';
import { type AsterilConfig, defaultFieldMap } from './options.js';
import type { AsterilClient } from './wire.js';

type Context = ActionContext<AsterilConfig, AsterilApi>;

/** How long a Client found (or created) for a number is remembered. */
const rememberMs = 5 * 60_000;
const remembered = new WeakMap<AsterilApi, Map<string, { client: AsterilClient; until: number }>>();

function memoOf(api: AsterilApi) {
  let memo = remembered.get(api);
  if (!memo) {
    memo = new Map();
    remembered.set(api, memo);
  }
  return memo;
}

/** Remembers the one Client with a number, so the next calls from it skip the search. */
function remember(context: Context, phone: string, client: AsterilClient): void {
  memoOf(context.client).set(phone, { client, until: Date.now() + rememberMs });
}

/**
 * The Clients with a number: Asteril matches numbers exactly as stored, so every form a
 * person may have typed is searched (`380…`, `+380…`, `0…`, `+38 (0XX) …`), and core's
 * `findByPhone` keeps the real matches and tells one from several. A single match (or a Client
 * this connector created) is remembered for five minutes: a caller's next calls cost no search.
 */
async function lookup(context: Context, phone: string): Promise<PhoneMatch<AsterilClient>> {
  const { client, config, signal } = context;
  const memo = memoOf(client).get(phone);
  if (memo && memo.until > Date.now()) return { status: 'found', record: memo.client };
  const match = await findByPhone({
    canonical: phone,
    defaultCountry: config.defaultCountry,
    variants: config.lookupVariants,
    search: async (form) => {
      const found: AsterilClient[] = [];
      for await (const record of client.clientsByPhone(form, { signal })) found.push(record);
      return found;
    },
    phonesOf: (record) => [record.phone ?? undefined],
    idOf: (record) => String(record.id),
  });
  if (match.status === 'found') remember(context, phone, match.record);
  return match;
}

/** The one Client with a number, or `undefined` — several are reported, never guessed. */
async function boundClient(context: Context, phone: string, what: string) {
  const match = await lookup(context, phone);
  if (match.status === 'found') return match.record.id;
  if (match.status === 'ambiguous') warnAmbiguous(context, phone, match.records, what);
  return undefined;
}

function warnAmbiguous(
  context: Context,
  phone: string,
  records: readonly AsterilClient[],
  what: string,
) {
  const clientIds = records.map((record) => record.id);
  context.warn(
    `Several Clients have ${phone} (${clientIds.join(', ')}): the ${what} is not bound`,
    {
      phone,
      clientIds,
    },
  );
}

function found(record: { id: number; phone?: string | null | undefined }): FoundContact {
  return { id: String(record.id), phones: record.phone ? [record.phone] : [] };
}

/** `contacts.findByPhone`: the one Client with the number in any stored form. */
async function findContactByPhone(
  { phone }: { phone: string },
  context: Context,
): Promise<ContactLookup> {
  const match = await lookup(context, phone);
  if (match.status === 'found') return { status: 'found', contact: found(match.record) };
  if (match.status === 'none') return { status: 'none' };
  warnAmbiguous(context, phone, match.records, 'contact');
  return { status: 'ambiguous', ids: match.records.map((record) => String(record.id)) };
}

/** The contact's UTM tags and fields in the Client's text fields, as the field map says. */
function textFields(contact: Contact, config: AsterilConfig): Record<string, string> {
  const map = mergeFieldMaps(defaultFieldMap, config.fieldMap);
  const prefixed = Object.fromEntries(
    Object.entries(map).map(([from, code]) => [from, `fields.${code}`]),
  );
  const { fields = {} } = applyFieldMap(contact, prefixed) as { fields?: Record<string, unknown> };
  return Object.fromEntries(Object.entries(fields).map(([code, value]) => [code, String(value)]));
}

/**
 * `contacts.upsert`: the Client with one of the contact's numbers, or a new Client with the
 * first number (canonical) and the mapped text fields. No responsible manager is set: the
 * CRM's users set it by hand.
 * @throws `VendorError` (not retryable) when several Clients have a number
 */
async function upsertContact(contact: Contact, context: Context): Promise<FoundContact> {
  for (const phone of contact.phones) {
    const match = await lookup(context, phone);
    if (match.status === 'found') return found(match.record);
    if (match.status === 'ambiguous') {
      const ids = match.records.map((record) => record.id).join(', ');
      throw new VendorError(`Several Clients have ${phone} (${ids}): merge them in the CRM`);
    }
  }
  const [phone] = contact.phones;
  if (!phone) throw new VendorError('A Client needs a phone number');
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const fields = textFields(contact, context.config);
  const created = await context.client.createClient(
    {
      phone,
      ...(name ? { name } : {}),
      ...(Object.keys(fields).length > 0 ? { text_fields: fields } : {}),
    },
    { signal: context.signal },
  );
  remember(context, phone, { id: created.id, phone });
  return { id: String(created.id), phones: [phone] };
}

/** Creates once under `externalId`: looked up first, and a refused duplicate is found again. */
async function createOnce(
  find: () => Promise<{ id: number } | undefined>,
  create: () => Promise<{ id: number }>,
) {
  const existing = await find();
  if (existing) return { id: existing.id, duplicate: true };
  try {
    return { id: (await create()).id, duplicate: false };
  } catch (error) {
    const again =
      VendorError.isInstance(error) && /external_id/.test(error.message) ? await find() : undefined;
    if (!again) throw error;
    return { id: again.id, duplicate: true };
  }
}

/**
 * `calls.log`: the call in Interaction → Calls — direction, result, duration, and for an
 * answered call the recording — bound to the Client (the one the pipeline found, or the one
 * with the number), under the envelope id.
 */
async function logCall(call: Call, context: Context) {
  const { client, envelopeId, signal } = context;
  const phone = clientPhone(call);
  const clientId = call.contactId
    ? Number(call.contactId)
    : await boundClient(context, phone, 'call');
  return createOnce(
    () => client.findCall(envelopeId, { signal }),
    () =>
      client.createCall(
        {
          ...(clientId === undefined ? {} : { client_id: clientId }),
          phone,
          direction: call.direction === 'incoming' ? 'in' : 'out',
          status: call.result,
          started_at: call.startedAt,
          duration_sec: call.durationSec,
          ...(call.result === 'answered' && call.recordingUrl
            ? { record_url: call.recordingUrl }
            : {}),
          external_id: envelopeId,
        },
        { signal },
      ),
  );
}

const responsibles = new WeakMap<AsterilApi, Promise<number>>();

/** The id of the key's user — the manager who set the integration up — asked once. */
function responsibleId(context: Context): Promise<number> {
  let id = responsibles.get(context.client);
  if (!id) {
    id = context.client.me({ signal: context.signal }).then((user) => user.id);
    id.catch(() => responsibles.delete(context.client));
    responsibles.set(context.client, id);
  }
  return id;
}

/**
 * `tasks.create`: a "missed call" Task for the manager whose key set the integration up (the
 * task's `assignee` is not used: that is the vendor's rule), bound to the Client — the one the
 * pipeline found, or the one with `contactPhone`; several Clients with the number bind none,
 * with a `warning`. Created once under the task's id.
 */
async function createTask(task: Task, context: Context) {
  const { client, config, envelopeId, signal } = context;
  const externalId = task.id ?? envelopeId;
  const responsible = await responsibleId(context);
  const clientId = task.contactId
    ? Number(task.contactId)
    : task.contactPhone
      ? await boundClient(context, task.contactPhone, 'task')
      : undefined;
  return createOnce(
    () => client.findTask(externalId, { signal }),
    () =>
      client.createTask(
        {
          title: task.title,
          ...(task.description ? { description: task.description } : {}),
          ...(clientId === undefined ? {} : { client_id: clientId }),
          responsible_id: responsible,
          ...(task.dueAt ? { due_at: task.dueAt } : {}),
          type: config.api.missedCallTaskType,
          external_id: externalId,
        },
        { signal },
      ),
  );
}

/** The connector's actions on the canonical model. */
export const asterilActions = {
  'contacts.findByPhone': { input: phoneLookupSchema, run: findContactByPhone },
  'contacts.upsert': { input: contactSchema, run: upsertContact },
  'calls.log': { input: callSchema, run: logCall },
  'tasks.create': { input: taskSchema, run: createTask },
};
