import { isPlainObject } from '../../kit/json-value.js';
import { stop } from '../../kit/reply.js';
import { readUtm } from '../customer-entity.js';
import { EntityReader, type FieldErrors } from '../entity-reader.js';
import type { RetailcrmCall, RetailcrmCallEvent } from '../model-telephony.js';
import { entityField, listField } from '../parameters.js';
import { entityFormatError, success } from '../replies.js';
import type { RetailcrmRoute } from '../route.js';
import type { RetailcrmState } from '../state.js';
import { activeTelephony } from './integration-modules.js';

/** Calls the vendor takes in one upload (SECONDARY source in the fact sheet). */
export const maxCallsPerUpload = 50;

const eventTypes = ['in', 'out', 'hangup'] as const;
const hangupStatuses = ['answered', 'busy', 'cancel', 'failed', 'no answered'] as const;
const callTypes = ['in', 'out'] as const;
const callResults = ['answered', 'busy', 'failed', 'no answer', 'not allowed', 'unknown'] as const;

/** `POST /telephony/call/event`, `POST /telephony/calls/upload`. */
export const telephonyCallRoutes: readonly RetailcrmRoute[] = [
  {
    method: 'POST',
    path: '/telephony/call/event',
    handle: (request, { state }) => {
      const event = readEvent(state, entityField(request, 'event'));
      state.callEvents.push(event);
      const known = new Set(activeTelephony(state)?.additionalCodes.map(({ code }) => code));
      const notExistCodes = event.codes.filter((code) => !known.has(code));
      const notExistUsers = event.userIds.filter((id) => !state.users.some((u) => u.id === id));
      return success({
        ...(notExistCodes.length > 0 ? { notExistCodes } : {}),
        ...(notExistUsers.length > 0 ? { notExistUsers } : {}),
      });
    },
  },
  {
    method: 'POST',
    path: '/telephony/calls/upload',
    handle: (request, { state }) => {
      const calls = readCalls(state, listField(request, 'calls'));
      const seen = new Set(state.calls.map((call) => call.externalId));
      const duplicateCalls: string[] = [];
      let processedCallsCount = 0;
      for (const call of calls) {
        if (call.externalId !== undefined && seen.has(call.externalId)) {
          duplicateCalls.push(call.externalId);
          continue;
        }
        seen.add(call.externalId);
        state.calls.push(call);
        processedCallsCount += 1;
      }
      return success({ processedCallsCount, duplicateCalls });
    },
  },
];

function readEvent(state: RetailcrmState, entity: Record<string, unknown>): RetailcrmCallEvent {
  const read = new EntityReader(entity);
  const event: RetailcrmCallEvent = {
    phone: read.string('phone', true) ?? '',
    type: read.choice('type', eventTypes, true) ?? 'in',
    codes: read.stringList('codes') ?? [],
    userIds: read.integerList('userIds') ?? [],
    hangupStatus: read.choice('hangupStatus', hangupStatuses),
    site: knownSite(state, read),
    externalPhone: read.string('externalPhone'),
    callExternalId: read.string('callExternalId'),
    webAnalyticsData: read.object('webAnalyticsData'),
  };
  if (!read.ok) stop(entityFormatError(read.errors));
  return event;
}

/** Reads every call; any error refuses the whole upload, errors answered as a list of strings. */
function readCalls(state: RetailcrmState, list: readonly unknown[]): RetailcrmCall[] {
  if (list.length > maxCallsPerUpload) {
    stop(entityFormatError([`No more than ${maxCallsPerUpload} calls can be uploaded at once.`]));
  }
  const errors: FieldErrors = {};
  const calls = list.map((item, index) => {
    const read = new EntityReader(isPlainObject(item) ? item : {}, errors, `calls[${index}]`);
    if (!isPlainObject(item)) read.addError('', 'This value should be of type object.');
    return readCall(state, read);
  });
  const messages = Object.entries(errors).map(([path, message]) => `${path}: ${message}`);
  if (messages.length > 0) stop(entityFormatError(messages));
  return calls;
}

function readCall(state: RetailcrmState, read: EntityReader): RetailcrmCall {
  const userId = read.integer('userId');
  if (userId !== undefined && !state.users.some((user) => user.id === userId)) {
    read.addError('userId', `User with id ${userId} not found.`);
  }
  return {
    date: read.dateTime('date', 'Y-m-d H:i:s', true) ?? '',
    type: read.choice('type', callTypes, true) ?? 'in',
    phone: read.string('phone', true) ?? '',
    code: read.string('code'),
    userId,
    result: read.choice('result', callResults),
    duration: nonNegative(read, 'duration'),
    durationWaiting: nonNegative(read, 'durationWaiting'),
    externalId: read.string('externalId'),
    recordUrl: read.string('recordUrl'),
    source: readUtm(read, 'source'),
    externalPhone: read.string('externalPhone'),
    site: knownSite(state, read),
    clientId: read.string('clientId'),
  };
}

function nonNegative(read: EntityReader, field: string): number | undefined {
  const value = read.integer(field);
  if (value !== undefined && value < 0)
    read.addError(field, 'This value should be positive or zero.');
  return value;
}

function knownSite(state: RetailcrmState, read: EntityReader): string | undefined {
  const site = read.string('site');
  if (site !== undefined && !state.sites.includes(site)) {
    read.addError('site', `Site with code "${site}" not found.`);
  }
  return site;
}
