import { STATUS_CODES } from 'node:http';
import { jsonReply, type SimulatorReply, textReply } from '../kit/reply.js';

/**
 * How the simulator writes an error body (UNCERTAIN at the vendor): `json` answers
 * `{ "error": "…" }`, `text` answers the message as plain text (as the third-party service's
 * mocks do).
 */
export type TeycaErrorFormat = 'json' | 'text';

/** Writes the vendor's error answers in one format. */
export class TeycaReplies {
  constructor(readonly format: TeycaErrorFormat) {}

  /** An error answer. */
  error(
    status: number,
    message: string,
    headers?: Readonly<Record<string, string>>,
  ): SimulatorReply {
    return this.format === 'text'
      ? textReply(status, message, headers)
      : jsonReply(status, { error: message }, headers);
  }

  /** The body of an injected failure (`fail({ status })`). */
  failureBody(status: number): unknown {
    const message = STATUS_CODES[status] ?? 'Error';
    return this.format === 'text' ? message : { error: message };
  }
}

/** A success answer with `body` as JSON. */
export const ok = (body: unknown, status = 200) => jsonReply(status, body);
