import type { Call } from '@crossline/core';
import { clientPhone, type Mapper } from '@crossline/core/sdk';
import { formatDateTime, parseDateTime } from './lib/dates.js';
import { linkedEmployee, type Route, routeEmployee } from './lib/routing.js';
import {
  fromRetailcrmPhone,
  type MappingContext,
  toRetailcrmPhone,
  toSource,
  toUtm,
} from './mapping.js';
import type { RetailcrmCallEvent, RetailcrmCallUpload } from './wire-requests.js';

/** What the call mapper needs: the options and the id the call is logged under. */
interface CallMapping extends MappingContext {
  /**
   * The upload's `externalId` — the envelope id, so a resend is reported back as a duplicate
   * and not stored twice; `fromVendor` reads it from the payload.
   */
  readonly externalId: string;
}

const uploadResults = {
  answered: 'answered',
  missed: 'no answer',
  busy: 'busy',
  failed: 'failed',
} as const satisfies Record<Call['result'], RetailcrmCallUpload['result']>;

const callResults: Record<RetailcrmCallUpload['result'], Call['result']> = {
  answered: 'answered',
  'no answer': 'missed',
  busy: 'busy',
  failed: 'failed',
  'not allowed': 'failed',
  unknown: 'failed',
};

const hangupStatuses = {
  answered: 'answered',
  missed: 'no answered',
  busy: 'busy',
  failed: 'failed',
} as const satisfies Record<Call['result'], NonNullable<RetailcrmCallEvent['hangupStatus']>>;

/** The line the client called or was called from: the host's (tracking) number. */
function linePhone(call: Call): string {
  return call.direction === 'incoming' ? call.to : call.from;
}

/** Who in the CRM gets the call: the routed manager's extension, or their user id. */
function routeOf(route: Route | undefined): { code: string } | { userId: number } | undefined {
  if (route?.code) return { code: route.code };
  return route ? { userId: route.userId } : undefined;
}

/**
 * Call ↔ one entry of `telephony/calls/upload`: the date in the account's time zone, the
 * client's number, the routed manager (linked employee, else the senior manager) by extension
 * code or user id, `missed` as `no answer`, the recording link, UTM as `source`, and the
 * tracking number as `externalPhone`.
 */
export const callMapper: Mapper<Call, RetailcrmCallUpload, CallMapping> = {
  toVendor(call, { options, externalId }) {
    const route = routeOf(routeEmployee(call.employee, options.employees));
    const source = toSource(call.utm);
    return {
      date: formatDateTime(call.startedAt, options.timeZone),
      type: call.direction === 'incoming' ? 'in' : 'out',
      phone: toRetailcrmPhone(clientPhone(call)),
      ...route,
      result: uploadResults[call.result],
      duration: call.durationSec,
      externalId,
      ...(call.recordingUrl ? { recordUrl: call.recordingUrl } : {}),
      ...(source ? { source } : {}),
      externalPhone: toRetailcrmPhone(linePhone(call)),
      site: options.site,
    };
  },
  fromVendor(upload, { options }) {
    const client = fromRetailcrmPhone(upload.phone, options.defaultCountry) ?? '';
    const line = fromRetailcrmPhone(upload.externalPhone, options.defaultCountry) ?? '';
    const incoming = upload.type === 'in';
    const employee = linkedEmployee(upload, options.employees);
    const utm = toUtm(upload.source);
    return {
      id: upload.externalId,
      direction: incoming ? 'incoming' : 'outgoing',
      result: callResults[upload.result],
      from: incoming ? client : line,
      to: incoming ? line : client,
      ...(employee ? { employee: { id: employee } } : {}),
      startedAt: parseDateTime(upload.date, options.timeZone) ?? upload.date,
      durationSec: upload.duration ?? 0,
      ...(upload.recordUrl ? { recordingUrl: upload.recordUrl } : {}),
      ...(utm ? { utm } : {}),
      extra: {},
    };
  },
};

/**
 * A call's real-time event (one way: the CRM never gives them back): `in` / `out` when it
 * starts ringing, `hangup` with its status when it ends, for the routed manager.
 */
export function toCallEvent(
  call: Call,
  phase: 'start' | 'end',
  { options, externalId }: CallMapping,
): RetailcrmCallEvent {
  const route = routeOf(routeEmployee(call.employee, options.employees));
  const type = phase === 'end' ? 'hangup' : call.direction === 'incoming' ? 'in' : 'out';
  return {
    phone: toRetailcrmPhone(clientPhone(call)),
    type,
    ...(route && 'code' in route ? { codes: [route.code] } : {}),
    ...(route && 'userId' in route ? { userIds: [route.userId] } : {}),
    ...(phase === 'end' ? { hangupStatus: hangupStatuses[call.result] } : {}),
    site: options.site,
    externalPhone: toRetailcrmPhone(linePhone(call)),
    callExternalId: externalId,
  };
}
