import type { Call } from '@crossline/core';
import type { Contact, Utm } from '@crossline/core/model';
import { applyFieldMap, clientPhone, type FieldMap } from '@crossline/core/sdk';
import { formatDateTime } from './dates.js';
import type { Route } from './routing.js';
import type { RetailcrmSource } from './schemas.js';
import type {
  RetailcrmCallEvent,
  RetailcrmCallUpload,
  RetailcrmCustomerInput,
} from './wire-types.js';

/** A canonical number as retailCRM shows it: `+380671234567`. */
export function toRetailcrmPhone(canonical: string): string {
  return `+${canonical}`;
}

/** UTM tags as the CRM's `source` (`term` is its `keyword`). */
export function toSource(utm: Utm | undefined): RetailcrmSource | undefined {
  if (!utm) return undefined;
  const source: RetailcrmSource = {
    ...(utm.source ? { source: utm.source } : {}),
    ...(utm.medium ? { medium: utm.medium } : {}),
    ...(utm.campaign ? { campaign: utm.campaign } : {}),
    ...(utm.term ? { keyword: utm.term } : {}),
    ...(utm.content ? { content: utm.content } : {}),
  };
  return Object.keys(source).length > 0 ? source : undefined;
}

const uploadResults = {
  answered: 'answered',
  missed: 'no answer',
  busy: 'busy',
  failed: 'failed',
} as const satisfies Record<Call['result'], RetailcrmCallUpload['result']>;

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

/** A canonical call as one entry of `telephony/calls/upload`; the envelope id dedupes it. */
export function toCallUpload(
  call: Call,
  context: { externalId: string; site: string; timeZone: string; route: Route | undefined },
): RetailcrmCallUpload {
  const { route } = context;
  const source = toSource(call.utm);
  return {
    date: formatDateTime(call.startedAt, context.timeZone),
    type: call.direction === 'incoming' ? 'in' : 'out',
    phone: toRetailcrmPhone(clientPhone(call)),
    ...(route?.code ? { code: route.code } : route ? { userId: route.userId } : {}),
    result: uploadResults[call.result],
    duration: call.durationSec,
    externalId: context.externalId,
    ...(call.recordingUrl ? { recordUrl: call.recordingUrl } : {}),
    ...(source ? { source } : {}),
    externalPhone: toRetailcrmPhone(linePhone(call)),
    site: context.site,
  };
}

/** A real-time event: `in` / `out` when the call starts ringing, `hangup` when it ends. */
export function toCallEvent(
  call: Call,
  phase: 'start' | 'end',
  context: { externalId: string; site: string; route: Route | undefined },
): RetailcrmCallEvent {
  const { route } = context;
  const type = phase === 'end' ? 'hangup' : call.direction === 'incoming' ? 'in' : 'out';
  return {
    phone: toRetailcrmPhone(clientPhone(call)),
    type,
    ...(route?.code ? { codes: [route.code] } : route ? { userIds: [route.userId] } : {}),
    ...(phase === 'end' ? { hangupStatus: hangupStatuses[call.result] } : {}),
    site: context.site,
    externalPhone: toRetailcrmPhone(linePhone(call)),
    callExternalId: context.externalId,
  };
}

/**
 * A canonical contact as a customer: names, e-mail, birthday, phones, UTM as `source`, and
 * whatever the field map sends to custom fields. Absent values are left out, never blanked.
 */
export function toCustomer(contact: Contact, fieldMap: FieldMap): RetailcrmCustomerInput {
  const source = toSource(contact.utm);
  const mapped = applyFieldMap(contact, fieldMap) as RetailcrmCustomerInput;
  return {
    ...mapped,
    ...(contact.id ? { externalId: contact.id } : {}),
    ...(contact.firstName ? { firstName: contact.firstName } : {}),
    ...(contact.lastName ? { lastName: contact.lastName } : {}),
    ...(contact.middleName ? { patronymic: contact.middleName } : {}),
    ...(contact.emails[0] ? { email: contact.emails[0] } : {}),
    ...(contact.birthday ? { birthday: contact.birthday } : {}),
    ...(contact.phones.length > 0
      ? { phones: contact.phones.map((phone) => ({ number: toRetailcrmPhone(phone) })) }
      : {}),
    ...(source ? { source } : {}),
  };
}
