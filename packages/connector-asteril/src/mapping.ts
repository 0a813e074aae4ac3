import { type Call, VendorError } from '@crossline/core';
import type { Contact, Task } from '@crossline/core/model';
import {
  applyFieldMap,
  clientPhone,
  type FieldMap,
  type Mapper,
  mergeFieldMaps,
} from '@crossline/core/sdk';
import { type AsterilConfig, defaultFieldMap } from './options.js';
import type { AsterilCallInput, AsterilClientInput, AsterilTaskInput } from './wire.js';

/** What the Client mapper needs: the field map in force, canonical path → text field code. */
export interface ClientMapping {
  /** The defaults with the host's `fieldMap` option over them. */
  readonly fieldMap: FieldMap;
}

/** The Client mapping of a connector's options: {@link defaultFieldMap} with `fieldMap` over it. */
export function clientMapping(config: Pick<AsterilConfig, 'fieldMap'>): ClientMapping {
  return { fieldMap: mergeFieldMaps(defaultFieldMap, config.fieldMap) };
}

/**
 * A contact ↔ a Client: the first number (canonical), the name, and the UTM tags and extra
 * parameters in the Client's text fields as the field map says. Never a responsible manager:
 * the CRM's users set it by hand. Asteril has one name field: first and last names join it,
 * and it reads back as the first name.
 */
export const clientMapper: Mapper<Contact, AsterilClientInput, ClientMapping> = {
  toVendor(contact, { fieldMap }) {
    const [phone] = contact.phones;
    if (!phone) throw new VendorError('A Client needs a phone number');
    const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
    const { text_fields: fields = {} } = applyFieldMap(contact, textFieldPaths(fieldMap)) as {
      text_fields?: Record<string, unknown>;
    };
    const textFields = Object.fromEntries(
      Object.entries(fields).map(([code, value]) => [code, String(value)]),
    );
    return {
      phone,
      ...(name ? { name } : {}),
      ...(Object.keys(textFields).length > 0 ? { text_fields: textFields } : {}),
    };
  },
  fromVendor(client, { fieldMap }) {
    const inverse = Object.fromEntries(
      Object.entries(textFieldPaths(fieldMap)).map(([path, field]) => [field, path]),
    );
    const contact = {
      phones: [client.phone],
      emails: [],
      customFields: {},
      ...(client.name ? { firstName: client.name } : {}),
    };
    return applyFieldMap(client, inverse, contact) as Contact;
  },
};

/** Canonical path → `text_fields.<code>`. */
function textFieldPaths(fieldMap: FieldMap): FieldMap {
  return Object.fromEntries(
    Object.entries(fieldMap).map(([path, code]) => [path, `text_fields.${code}`]),
  );
}

/** What the call mapper needs: the call's id at Asteril and the Client it is bound to. */
export interface CallMapping {
  /** The envelope id, the call's `external_id`: looked up before create, refused twice. */
  readonly externalId: string;
  /** The Client it is bound to; unbound when absent. */
  readonly clientId?: number | undefined;
}

/**
 * A call ↔ Interaction → Calls: direction (`in`/`out`), result, start, talk time, the client's
 * number (the caller of an incoming call, the callee of an outgoing one) and, for an answered
 * call, the recording. Asteril keeps only the client's number: read back, the company's side
 * of the call is empty.
 */
export const callMapper: Mapper<Call, AsterilCallInput, CallMapping> = {
  toVendor(call, { externalId, clientId }) {
    return {
      ...(clientId === undefined ? {} : { client_id: clientId }),
      phone: clientPhone(call),
      direction: call.direction === 'incoming' ? 'in' : 'out',
      status: call.result,
      started_at: call.startedAt,
      duration_sec: call.durationSec,
      ...(call.result === 'answered' && call.recordingUrl ? { record_url: call.recordingUrl } : {}),
      external_id: externalId,
    };
  },
  fromVendor(record) {
    const incoming = record.direction === 'in';
    return {
      id: record.external_id,
      direction: incoming ? 'incoming' : 'outgoing',
      result: record.status,
      from: incoming ? record.phone : '',
      to: incoming ? '' : record.phone,
      startedAt: record.started_at,
      durationSec: record.duration_sec,
      ...(record.record_url ? { recordingUrl: record.record_url } : {}),
      extra: {},
      ...(record.client_id === undefined ? {} : { contactId: String(record.client_id) }),
    };
  },
};

/** What the task mapper needs besides the task. */
export interface TaskMapping {
  /** The task's `external_id` (its own id, or the envelope's): looked up before create. */
  readonly externalId: string;
  /** The Client it is bound to; unbound when absent. */
  readonly clientId?: number | undefined;
  /** Who does it: the key's user (the task's `assignee` is not used — the vendor's rule). */
  readonly responsibleId: number;
  /** The task type, e.g. `missed_call` (the contract's `missedCallTaskType`). */
  readonly type: string;
}

/** A task ↔ an Asteril Task: title, description, due date, the Client, the responsible, the type. */
export const taskMapper: Mapper<Task, AsterilTaskInput, TaskMapping> = {
  toVendor(task, { externalId, clientId, responsibleId, type }) {
    return {
      title: task.title,
      ...(task.description ? { description: task.description } : {}),
      ...(clientId === undefined ? {} : { client_id: clientId }),
      responsible_id: responsibleId,
      ...(task.dueAt ? { due_at: task.dueAt } : {}),
      type,
      external_id: externalId,
    };
  },
  fromVendor(record) {
    return {
      id: record.external_id,
      title: record.title,
      ...(record.description ? { description: record.description } : {}),
      ...(record.due_at ? { dueAt: record.due_at } : {}),
      ...(record.client_id === undefined ? {} : { contactId: String(record.client_id) }),
    };
  },
};
