import { jsonReply } from '../../kit/reply.js';
import { headerValue } from '../../kit/request.js';
import { badRequest, notFound } from '../replies.js';
import type { ThuliumRoute } from '../route.js';

/** Temporary files, the ticket dictionaries and agents. */
export const accountRoutes: readonly ThuliumRoute[] = [
  {
    method: 'POST',
    path: '/temporary_files',
    handle: (request, { state }) => {
      const { filename } = request.query;
      if (typeof filename !== 'string' || filename === '')
        return badRequest('filename is required.');
      const length = Number(
        headerValue(request, 'content-length') ?? Buffer.byteLength(request.body),
      );
      if (length === 0) return badRequest('The file is empty.');
      const file = state.addFile(filename, length, request.contentType);
      return jsonReply(200, { filename: file.filename, token: file.token, size: file.size });
    },
  },
  {
    method: 'GET',
    path: '/ticket_queues',
    handle: (_r, { state }) => jsonReply(200, state.queues),
  },
  {
    method: 'GET',
    path: '/ticket_categories',
    handle: (_request, { state }) => jsonReply(200, state.categories),
  },
  { method: 'GET', path: '/agents', handle: (_r, { state }) => jsonReply(200, state.agents) },
  {
    method: 'GET',
    path: '/agents/:login',
    handle: (request, { state }) => {
      const agent = state.agents.find((candidate) => candidate.login === request.params.login);
      return agent ? jsonReply(200, agent) : notFound('Agent');
    },
  },
];
