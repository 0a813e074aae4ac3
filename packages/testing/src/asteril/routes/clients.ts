import { lastValue } from '../../kit/params.js';
import { BodyReader, integer, object, text } from '../body-reader.js';
import { readJsonBody } from '../json-body.js';
import { pageReply } from '../list-query.js';
import { dataReply, notFound } from '../replies.js';
import type { AsterilRoute } from '../route.js';
import type { AsterilState } from '../state.js';

/** `GET /clients?phone=`, `GET /clients/{id}`, `POST /clients`. */
export const clientRoutes: readonly AsterilRoute[] = [
  {
    method: 'GET',
    path: '/clients',
    handle: (request, { state }) => {
      const phone = lastValue(request.query, 'phone');
      const matching = state.clients.filter(
        (client) => phone === undefined || client.phone === phone,
      );
      return pageReply(request, matching);
    },
  },
  {
    method: 'GET',
    path: '/clients/:id',
    handle: (request, { state }) => {
      const client = state.clients.find((candidate) => String(candidate.id) === request.params.id);
      return client === undefined ? notFound() : dataReply(client);
    },
  },
  {
    method: 'POST',
    path: '/clients',
    handle: (request, { state }) => {
      const read = new BodyReader(readJsonBody(request));
      const name = read.optional('name', text);
      const phone = read.required('phone', text) ?? '';
      const textFields = readTextFields(state, read);
      const responsibleId = read.optional('responsible_id', integer);
      read.finish();
      const client = state.addClient({
        name,
        phone,
        text_fields: textFields,
        responsible_id: responsibleId,
      });
      return dataReply(client, 201);
    },
  },
];

/** `text_fields`: each code must be a `text` client field of the cabinet, each value a string. */
function readTextFields(state: AsterilState, read: BodyReader): Record<string, string> {
  const sent = read.optional('text_fields', object) ?? {};
  const values: Record<string, string> = {};
  for (const [code, value] of Object.entries(sent)) {
    const field = state.clientFields.find((candidate) => candidate.code === code);
    const path = `text_fields.${code}`;
    if (field === undefined) read.problem(path, 'is not a client field');
    else if (field.type !== 'text')
      read.problem(path, `is a ${field.type} field, not a text field`);
    else if (typeof value !== 'string') read.problem(path, 'must be a string');
    else values[code] = value;
  }
  return values;
}
