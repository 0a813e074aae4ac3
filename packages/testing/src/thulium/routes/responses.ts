import { jsonReply, stop } from '../../kit/reply.js';
import { badRequest, emptyReply, notFound } from '../replies.js';
import { idParam, readJsonBody, type ThuliumRoute } from '../route.js';
import { attachmentsOf } from './tickets.js';

function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  return typeof value === 'string' && value !== ''
    ? value
    : stop(badRequest(`${field} is required.`));
}

function bodyType(body: Record<string, unknown>): 'PLAIN' | 'HTML' {
  return body.body_type === 'PLAIN' ? 'PLAIN' : 'HTML'; // HTML by default on these calls
}

function date(body: Record<string, unknown>): string | undefined {
  if (body.date === undefined || body.date === null) return undefined;
  if (typeof body.date === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(body.date)) {
    return body.date.length === 16 ? `${body.date}:00` : body.date;
  }
  return stop(badRequest('date must be YYYY-MM-DD HH:MM.'));
}

/** A ticket's next messages: the customer's, an agent's, an internal comment. */
export const responseRoutes: readonly ThuliumRoute[] = [
  {
    method: 'POST',
    path: '/tickets/:id/customer_response',
    handle: (request, { state }) => {
      const id = idParam(request, 'id');
      if (!state.ticket(id)) return notFound('Ticket');
      const body = readJsonBody(request);
      const message = {
        type: 'MAIL' as const,
        body: text(body, 'body'),
        body_type: bodyType(body),
      };
      state.addMessage(id, { ...message, created_at: date(body) });
      return emptyReply();
    },
  },
  {
    method: 'POST',
    path: '/tickets/:id/agent_response',
    handle: (request, { state }) => {
      const id = idParam(request, 'id');
      if (!state.ticket(id)) return notFound('Ticket');
      const body = readJsonBody(request);
      const login = text(body, 'user_login');
      if (!state.agents.some((agent) => agent.login === login)) return badRequest('Unknown agent.');
      state.addMessage(id, {
        type: 'REPLY',
        body: text(body, 'body'),
        body_type: bodyType(body),
        user_login: login,
        created_at: date(body),
        attachments: attachmentsOf(state, body.attachments),
      });
      return jsonReply(200, []);
    },
  },
  {
    method: 'POST',
    path: '/tickets/:id/comment',
    handle: (request, { state, login, commentField }) => {
      const id = idParam(request, 'id');
      if (!state.ticket(id)) return notFound('Ticket');
      const body = readJsonBody(request);
      const comment = {
        type: 'COMMENT' as const,
        body: text(body, commentField),
        user_login: login,
      };
      state.addMessage(id, { ...comment, body_type: 'PLAIN' });
      return jsonReply(200, []);
    },
  },
];
