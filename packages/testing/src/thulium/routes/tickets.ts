import { jsonReply, stop } from '../../kit/reply.js';
import type { ThuliumTicket } from '../model.js';
import { badRequest, emptyReply, notFound } from '../replies.js';
import { flag, idParam, paging, readJsonBody, type ThuliumRoute } from '../route.js';
import type { ThuliumState } from '../state.js';

function required(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  return typeof value === 'string' && value !== ''
    ? value
    : stop(badRequest(`${field[0]?.toUpperCase()}${field.slice(1)} is required.`));
}

function optionalId(value: unknown, exists: (id: number) => boolean, what: string) {
  if (value === undefined || value === null) return undefined;
  const id = Number(value);
  return Number.isInteger(id) && exists(id) ? id : stop(badRequest(`Unknown ${what}.`));
}

function stringFields(value: unknown): Record<string, string | null> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    stop(badRequest('custom_fields must be an object.'));
  return value as Record<string, string | null>;
}

/** Temporary-file tokens of `attachments`, each known and younger than 24 hours. */
export function attachmentsOf(state: ThuliumState, value: unknown) {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return stop(badRequest('attachments must be a list of tokens.'));
  return value.map((token) => {
    const file = typeof token === 'string' ? state.liveFile(token) : undefined;
    if (!file) stop(badRequest('Unknown or expired temporary file token.'));
    return { filename: file.filename, size: file.size };
  });
}

function ticketOf(state: ThuliumState, id: number): ThuliumTicket {
  return state.ticket(id) ?? stop(notFound('Ticket'));
}

function view(ticket: ThuliumTicket, withMessages: boolean, withFields: boolean) {
  const { messages, custom_fields, ...rest } = ticket;
  return {
    ...rest,
    ...(withMessages ? { messages } : {}),
    ...(withFields ? { custom_fields } : {}),
  };
}

function createTicket(state: ThuliumState, body: Record<string, unknown>) {
  const [to, subject, text] = [
    required(body, 'to'),
    required(body, 'subject'),
    required(body, 'body'),
  ];
  const queue = optionalId(
    body.ticket_queue_id,
    (id) => state.queues.some((q) => q.id === id),
    'ticket queue',
  );
  const category = optionalId(
    body.category_id,
    (id) => state.categories.some((c) => c.id === id),
    'category',
  );
  const customer = optionalId(
    body.customer_id,
    (id) => state.customers.some((c) => c.customer_id === id),
    'customer',
  );
  const attachments = attachmentsOf(state, body.attachments);
  const ticket = state.addTicket({
    to,
    subject,
    from: typeof body.from === 'string' ? body.from : null,
    source: typeof body.source === 'string' ? body.source : 'email',
    ticket_queue_id: queue ?? state.queues[0]?.id ?? 1,
    category_id: category === undefined ? null : String(category),
    customer_id: customer ?? null,
    tags: Array.isArray(body.tags) ? body.tags.map(String) : [],
    custom_fields: stringFields(body.custom_fields),
  });
  const type = body.direction === 'out' ? 'REPLY' : 'MAIL';
  const bodyType = body.body_type === 'HTML' ? 'HTML' : 'PLAIN';
  state.addMessage(ticket.ticket_id, { type, body: text, body_type: bodyType, attachments });
  if (typeof body.comment === 'string' && body.comment !== '') {
    state.addMessage(ticket.ticket_id, { type: 'COMMENT', body: body.comment, body_type: 'PLAIN' });
  }
  return ticket;
}

/** Tickets: create, list, read, update. */
export const ticketRoutes: readonly ThuliumRoute[] = [
  {
    method: 'POST',
    path: '/tickets',
    handle: (request, { state }) =>
      jsonReply(200, { ticket_id: createTicket(state, readJsonBody(request)).ticket_id }),
  },
  {
    method: 'GET',
    path: '/tickets',
    handle: (request, { state }) => {
      const { limit, offset } = paging(request, 100);
      const { ticket_queue_id: queue, date_from: from } = request.query;
      const found = state.tickets
        .filter((ticket) => queue === undefined || String(ticket.ticket_queue_id) === queue)
        .filter((ticket) => typeof from !== 'string' || ticket.updated_at >= from)
        .sort((a, b) => b.updated_at.localeCompare(a.updated_at) || b.ticket_id - a.ticket_id);
      const page = found.slice(offset, offset + limit);
      return jsonReply(
        200,
        page.map((ticket) => view(ticket, false, false)),
      );
    },
  },
  {
    method: 'GET',
    path: '/tickets/:id',
    handle: (request, { state }) => {
      const ticket = ticketOf(state, idParam(request, 'id'));
      return jsonReply(200, view(ticket, true, flag(request.query.include_custom_fields)));
    },
  },
  {
    method: 'PUT',
    path: '/tickets/:id',
    handle: (request, { state }) => {
      const ticket = ticketOf(state, idParam(request, 'id'));
      const body = readJsonBody(request);
      const fields = stringFields(body.custom_fields);
      for (const [name, value] of Object.entries(fields)) {
        if (value !== null) ticket.custom_fields[name] = value;
      }
      if (Array.isArray(body.tags)) ticket.tags = body.tags.map(String);
      if (typeof body.user_login === 'string') ticket.user_login = body.user_login;
      if (body.category_id !== undefined && body.category_id !== null) {
        ticket.category_id = String(body.category_id);
      }
      ticket.updated_at = state.timestamp();
      return emptyReply();
    },
  },
];
