import { isPlainObject } from '../kit/json-value.js';
import { stop } from '../kit/reply.js';
import { EntityReader } from './entity-reader.js';
import type { RetailcrmCustomerInput, RetailcrmPhone, RetailcrmUtm } from './model-people.js';
import { entityFormatError } from './replies.js';
import type { RetailcrmState } from './state.js';

/** The fields of a customer entity that was sent, plus the tags to add and remove. */
export interface CustomerPatch {
  /** The fields sent. */
  readonly fields: RetailcrmCustomerInput;
  /** `addTags`. */
  readonly addTags: readonly string[];
  /** `removeTags`. */
  readonly removeTags: readonly string[];
}

const textFields = ['externalId', 'firstName', 'lastName', 'patronymic', 'email'] as const;
const utmFields = ['source', 'medium', 'campaign', 'keyword', 'content'] as const;

/** Reads a `customer` entity; a malformed field answers 400 "Errors in the entity format". */
export function readCustomerEntity(
  state: RetailcrmState,
  entity: Readonly<Record<string, unknown>>,
): CustomerPatch {
  const read = new EntityReader(entity);
  const fields: RetailcrmCustomerInput = {};
  for (const field of textFields) {
    const value = read.string(field);
    if (value !== undefined) fields[field] = value;
  }
  if (fields.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.email)) {
    read.addError('email', 'This value is not a valid email address.');
  }
  const phones = readPhones(read);
  if (phones !== undefined) fields.phones = phones;
  const managerId = read.integer('managerId');
  if (managerId !== undefined) {
    if (state.users.some((user) => user.id === managerId)) fields.managerId = managerId;
    else read.addError('managerId', `Manager with id ${managerId} not found.`);
  }
  const customFields = read.object('customFields');
  if (customFields !== undefined) fields.customFields = customFields;
  const source = readUtm(read, 'source');
  if (source !== undefined) fields.source = source;
  const createdAt = read.dateTime('createdAt', 'Y-m-d H:i:s');
  if (createdAt !== undefined) fields.createdAt = createdAt;
  const addTags = read.stringList('addTags') ?? [];
  const removeTags = read.stringList('removeTags') ?? [];
  if (!read.ok) stop(entityFormatError(read.errors));
  return { fields, addTags, removeTags };
}

function readPhones(read: EntityReader): RetailcrmPhone[] | undefined {
  const list = read.list('phones');
  return list?.flatMap((item, index) => {
    const phone = read.child(`phones[${index}]`, isPlainObject(item) ? item : {});
    const number = phone.string('number', true);
    return number === undefined ? [] : [{ number }];
  });
}

/** Reads a UTM object (`source`) of strings. */
export function readUtm(read: EntityReader, field: string): RetailcrmUtm | undefined {
  const object = read.object(field);
  if (object === undefined) return undefined;
  const utm = read.child(field, object);
  const result: RetailcrmUtm = {};
  for (const name of utmFields) {
    const value = utm.string(name);
    if (value !== undefined) result[name] = value;
  }
  return result;
}
