import { jsonReply, type SimulatorReply } from '../kit/reply.js';
import { headerValue, type SimulatorRequest } from '../kit/request.js';
import type { EmpikplaceThread } from './model.js';
import { errorReply, notFound } from './replies.js';
import type { EmpikplaceState } from './state.js';

/** What the simulator enforces on replies. */
export interface InboxLimits {
  /** The most attachment bytes one thread may carry. */
  readonly attachmentLimitBytes: number;
  /** The most attachments one thread may carry. */
  readonly maxAttachments: number;
  /** The most messages M11 returns with a thread (Mirakl: the last 100). */
  readonly listedMessages: number;
}

interface PageToken {
  readonly offset: number;
  readonly limit: number;
  readonly updatedSince?: string | undefined;
  readonly entityType?: string | undefined;
}

const one = (value: string | readonly string[] | undefined) =>
  Array.isArray(value) ? value[0] : (value as string | undefined);

function readToken(text: string): PageToken | undefined {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageToken;
  } catch {
    return undefined;
  }
}

/** M11 `GET /api/inbox/threads`: seek pages of threads, newest `date_updated` first. */
export function listThreads(
  request: SimulatorRequest,
  state: EmpikplaceState,
  limits: InboxLimits,
): SimulatorReply {
  const token = one(request.query.page_token);
  const page = token === undefined ? undefined : readToken(token);
  if (token !== undefined && page === undefined) return errorReply(400, 'Invalid page_token');
  const limit = page?.limit ?? Number(one(request.query.limit) ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    return errorReply(400, 'limit must be between 1 and 100');
  const updatedSince = page?.updatedSince ?? one(request.query.updated_since);
  const entityType = page?.entityType ?? one(request.query.entity_type);
  const withMessages = one(request.query.with_messages) === 'true';
  const since = updatedSince === undefined ? Number.NEGATIVE_INFINITY : Date.parse(updatedSince);
  if (Number.isNaN(since)) return errorReply(400, 'updated_since is not a date-time');
  const threads = [...state.threads.values()]
    .filter((thread) => Date.parse(thread.date_updated) >= since)
    .filter((thread) => !entityType || thread.entities.some((item) => item.type === entityType))
    .sort((a, b) => b.date_updated.localeCompare(a.date_updated) || a.id.localeCompare(b.id));
  const offset = page?.offset ?? 0;
  const data = threads
    .slice(offset, offset + limit)
    .map((thread) => view(thread, withMessages ? limits.listedMessages : 0));
  const next = offset + limit < threads.length;
  const nextToken = { offset: offset + limit, limit, updatedSince, entityType };
  return jsonReply(200, {
    data,
    ...(next
      ? { next_page_token: Buffer.from(JSON.stringify(nextToken)).toString('base64url') }
      : {}),
  });
}

/** A thread as answered: metadata, and its last `messages` messages (all of them for M10). */
export function view(thread: EmpikplaceThread, messages = Number.POSITIVE_INFINITY): unknown {
  const last = thread.messages.at(-1);
  const { messages: all, ...rest } = thread;
  return {
    ...rest,
    current_participants: thread.authorized_participants,
    metadata: {
      last_message_date: last?.date_created ?? null,
      last_sender: last === undefined ? null : last.from,
      total_count: all.length,
    },
    ...(messages > 0
      ? { messages: messages === Number.POSITIVE_INFINITY ? all : all.slice(-messages) }
      : {}),
  };
}

/** M10 `GET /api/inbox/threads/{thread_id}`. */
export function getThread(request: SimulatorRequest, state: EmpikplaceState): SimulatorReply {
  const thread = state.threads.get(request.params.threadId ?? '');
  return thread === undefined ? notFound() : jsonReply(200, view(thread));
}

/** M12 `POST /api/inbox/threads/{thread_id}/message`: multipart `message_input` + `files`. */
export async function postMessage(
  request: SimulatorRequest,
  state: EmpikplaceState,
  limits: InboxLimits,
): Promise<SimulatorReply> {
  const thread = state.threads.get(request.params.threadId ?? '');
  if (thread === undefined) return notFound();
  if (request.contentType !== 'multipart/form-data')
    return errorReply(415, 'Content type must be multipart/form-data');
  const headers = { 'content-type': headerValue(request, 'content-type') ?? '' };
  const form = await new Response(request.rawBody, { headers }).formData();
  const part = form.get('message_input');
  if (!(part instanceof Blob)) return errorReply(400, 'message_input is required');
  let input: { body?: unknown; to?: unknown };
  try {
    input = JSON.parse(await part.text()) as typeof input;
  } catch {
    return errorReply(400, 'message_input is not JSON');
  }
  const { body, to } = input;
  if (typeof body !== 'string' || body.length < 3 || body.length > 50_000)
    return errorReply(400, 'body must be between 3 and 50000 characters');
  if (!Array.isArray(to) || to.length === 0 || to.some((item) => typeof item?.type !== 'string'))
    return errorReply(400, 'to is required: [{ type }]');
  const files = form.getAll('files').filter((file) => typeof file !== 'string');
  const adding = files.reduce((sum, file) => sum + file.size, 0);
  if (state.attachmentBytes(thread.id) + adding > limits.attachmentLimitBytes)
    return errorReply(400, 'The attachments exceed the conversation limit');
  const count = thread.messages.flatMap((message) => message.attachments).length;
  if (count + files.length > limits.maxAttachments)
    return errorReply(400, 'Too many attachments for this entity');
  if (thread.messages.length >= 1000) return errorReply(400, 'The thread has 1000 messages');
  const attachments = files.map((file) => ({ name: file.name, size: file.size }));
  const message = state.post(thread.id, { from: 'SHOP_USER', body, attachments });
  for (const [index, file] of files.entries()) {
    const id = message.attachments[index]?.id;
    if (id !== undefined) state.files.set(id, new Uint8Array(await file.arrayBuffer()));
  }
  return jsonReply(201, { message_id: message.id, thread_id: thread.id });
}
