import type { SimulatorReply } from '../kit/reply.js';

/**
 * Ways a real retailCRM account answers that a connector must read without failing. All are
 * off by default; each one changes only successful answers, never what the account stores.
 */
export interface RetailcrmQuirks {
  /**
   * Answer `null` for what is absent, as the vendor's PHP backend does: `"manager": null,
   * "customer": null` from `telephony/manager` when nobody matches, `null` for every optional
   * field of customers, users, tasks, orders and the manager, and for optional answer fields
   * that are absent or empty lists (`info`, `duplicateCalls`, `notExistCodes` …).
   * @defaultValue false
   */
  readonly nulls?: boolean | undefined;
  /**
   * Add fields no connector knows (`unknownField`) to every answer and every entity in it, as
   * the vendor does when a new API version adds fields. @defaultValue false
   */
  readonly extraFields?: boolean | undefined;
  /**
   * Answer values outside the documented sets: users' `status` `vacation`, `siteAccess`
   * `access_partner`, history `source` `integration`. @defaultValue false
   */
  readonly unknownEnumValues?: boolean | undefined;
}

/** Optional fields of each entity, answered as `null` when absent under `nulls`. */
const optionalFields: Readonly<Record<string, readonly string[]>> = {
  customer: [
    'externalId',
    'firstName',
    'lastName',
    'patronymic',
    'email',
    'managerId',
    'source',
    'birthday',
  ],
  user: ['patronymic', 'position', 'phone', 'photoUrl'],
  task: ['commentary', 'datetime', 'completedAt', 'customer', 'order', 'phone', 'phoneSite'],
  order: ['number', 'externalId', 'orderMethod', 'phone', 'email', 'managerId', 'source'],
  manager: ['code', 'firstName', 'lastName', 'email'],
};

/** The entity kind under each answer key. */
const entityOfKey: Readonly<Record<string, string>> = {
  customer: 'customer',
  customers: 'customer',
  user: 'user',
  users: 'user',
  manager: 'manager',
  tasks: 'task',
  order: 'order',
  orders: 'order',
};

/** Optional top-level fields of an answer, by route path: `null` when absent or empty lists. */
const optionalAnswerFields: Readonly<Record<string, readonly string[]>> = {
  '/telephony/manager': ['manager', 'customer'],
  '/telephony/calls/upload': ['duplicateCalls'],
  '/telephony/call/event': ['notExistCodes', 'notExistUsers'],
  '/integration-modules/:code/edit': ['info'],
  '/customers/history': ['generatedAt'],
};

type Json = Record<string, unknown>;

/** The reply of route `path` as an account with `quirks` answers it. */
export function applyQuirks(
  reply: SimulatorReply,
  quirks: RetailcrmQuirks,
  path: string,
): SimulatorReply {
  if (reply.status >= 300 || !isObject(reply.body)) return reply;
  const body = copy(reply.body, quirks.nulls === true) as Json;
  if (quirks.nulls) {
    for (const field of optionalAnswerFields[path] ?? []) {
      if (body[field] === undefined || isEmptyList(body[field])) body[field] = null;
    }
    forEachEntity(body, (entity, kind) => {
      for (const field of optionalFields[kind] ?? []) entity[field] ??= null;
    });
  }
  if (quirks.extraFields) {
    body.unknownField = { addedLater: true };
    forEachEntity(body, (entity) => {
      entity.unknownField = { addedLater: [1, 'two', null] };
    });
  }
  if (quirks.unknownEnumValues) unknownEnumValues(body);
  return { ...reply, body };
}

function unknownEnumValues(body: Json): void {
  if (typeof body.siteAccess === 'string') body.siteAccess = 'access_partner';
  forEachEntity(body, (entity, kind) => {
    if (kind === 'user' && typeof entity.status === 'string') entity.status = 'vacation';
  });
  if (Array.isArray(body.history)) {
    for (const entry of body.history) if (isObject(entry)) entry.source = 'integration';
  }
}

/** Calls `visit` with every entity directly under a known answer key (one, or a list). */
function forEachEntity(body: Json, visit: (entity: Json, kind: string) => void): void {
  for (const [key, kind] of Object.entries(entityOfKey)) {
    const value = body[key];
    for (const entity of Array.isArray(value) ? value : [value]) {
      if (isObject(entity)) visit(entity, kind);
    }
  }
}

/** A deep copy of a JSON body; with `nulls`, an `undefined` property becomes `null`. */
function copy(value: unknown, nulls: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => copy(item, nulls));
  if (!isObject(value)) return value;
  const result: Json = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) result[key] = copy(item, nulls);
    else if (nulls) result[key] = null;
  }
  return result;
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
