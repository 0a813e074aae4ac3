import { type Call, normalizePhone } from '@crossline/core';
import type { Mapper } from '@crossline/core/sdk';
import type { ThuliumCall } from './wire.js';

/** What the call mapping needs besides the call: the id the vendor dedupes by. */
export interface CallMappingContext {
  /** The outbox envelope's id, sent as the call's `external_id`. */
  readonly externalId: string;
}

const direction = { incoming: 'in', outgoing: 'out' } as const;
const results: readonly Call['result'][] = ['answered', 'missed', 'busy', 'failed'];

/**
 * Canonical call ↔ the vendor's call. The vendor stores the client's number (`phone`) and the
 * number on the host's side (`line`), both international with `+`.
 */
export const callMapper: Mapper<Call, ThuliumCall, CallMappingContext> = {
  toVendor(call, { externalId }) {
    const client = call.direction === 'incoming' ? call.from : call.to;
    const line = call.direction === 'incoming' ? call.to : call.from;
    return {
      phone: `+${client}`,
      line: `+${line}`,
      direction: direction[call.direction],
      status: call.result,
      started_at: call.startedAt,
      duration_sec: call.durationSec,
      ...(call.recordingUrl === undefined ? {} : { record_url: call.recordingUrl }),
      external_id: externalId,
    };
  },
  fromVendor(call) {
    const client = normalizePhone(call.phone);
    const line = normalizePhone(call.line);
    const incoming = call.direction !== 'out';
    const result = results.find((known) => known === call.status) ?? 'failed';
    return {
      id: call.external_id,
      direction: incoming ? 'incoming' : 'outgoing',
      result,
      from: incoming ? client : line,
      to: incoming ? line : client,
      startedAt: call.started_at,
      durationSec: call.duration_sec,
      ...(call.record_url === undefined ? {} : { recordingUrl: call.record_url }),
      extra: {},
    };
  },
};
