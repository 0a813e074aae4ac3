import type { ServerResponse } from 'node:http';

/** An answer a simulator route gives: the HTTP status and a JSON body. */
export interface SimulatorReply {
  /** The HTTP status code. */
  readonly status: number;
  /** The body, sent as JSON. */
  readonly body: unknown;
  /** Extra response headers. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** A plain-text body, sent as `text/plain` instead of `body` as JSON. */
  readonly text?: string | undefined;
}

/** A plain-text answer with `status`. */
export function textReply(
  status: number,
  text: string,
  headers?: Readonly<Record<string, string>>,
): SimulatorReply {
  return { status, body: undefined, text, ...(headers === undefined ? {} : { headers }) };
}

/** A JSON answer with `status`. */
export function jsonReply(
  status: number,
  body: unknown,
  headers?: Readonly<Record<string, string>>,
): SimulatorReply {
  return headers === undefined ? { status, body } : { status, body, headers };
}

/**
 * Thrown by a route (or a helper it calls) to answer at once with `reply`: the kit catches it
 * and sends the reply, so validation helpers can stop a handler without threading results back.
 */
export class ReplyError extends Error {
  /** The answer to send. */
  readonly reply: SimulatorReply;

  /** @param reply - the answer to send instead of the route's own */
  constructor(reply: SimulatorReply) {
    super(`Simulator answers HTTP ${reply.status}`);
    this.name = 'ReplyError';
    this.reply = reply;
  }
}

/** Stops the route (or the helper it called) and answers `reply` instead. */
export function stop(reply: SimulatorReply): never {
  throw new ReplyError(reply);
}

/** Writes `reply` to `response`, unless the connection is already gone. */
export function writeReply(response: ServerResponse, reply: SimulatorReply): void {
  if (response.destroyed || response.writableEnded) return;
  const plain = reply.text !== undefined;
  const text = plain ? (reply.text as string) : JSON.stringify(reply.body);
  response
    .writeHead(reply.status, {
      'content-type': plain ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      ...reply.headers,
    })
    .end(text);
}
