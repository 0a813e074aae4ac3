import { jsonReply, stop } from '../../kit/reply.js';
import type { SimulatorRequest } from '../../kit/request.js';
import type { ThuliumCustomer, ThuliumFieldType, ThuliumFieldValue } from '../model.js';
import { badRequest, notFound } from '../replies.js';
import { flag, idParam, paging, readJsonBody, type ThuliumRoute } from '../route.js';
import type { ThuliumState } from '../state.js';

const checks: Record<ThuliumFieldType, (value: unknown) => boolean> = {
  text: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number',
  date: (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value),
  checkbox: (value) => typeof value === 'boolean',
};

/** `custom_fields[<name>]=<value>` filters of a query, exact matches. */
function fieldFilters(request: SimulatorRequest): [string, string][] {
  return Object.entries(request.query).flatMap(([key, value]) => {
    const match = /^custom_fields\[(.+)\]$/.exec(key);
    return match?.[1] && typeof value === 'string' ? [[match[1], value]] : [];
  });
}

function view(customer: ThuliumCustomer, withFields: boolean) {
  const { custom_fields, ...rest } = customer;
  return withFields ? { ...rest, custom_fields } : rest;
}

/** The custom fields of a new customer, each checked against its field's type. */
function checkedFields(state: ThuliumState, given: unknown): Record<string, ThuliumFieldValue> {
  if (given === undefined || given === null) return {};
  if (typeof given !== 'object' || Array.isArray(given))
    stop(badRequest('custom_fields must be an object.'));
  const fields: Record<string, ThuliumFieldValue> = {};
  for (const [name, value] of Object.entries(given as Record<string, unknown>)) {
    const field = state.customFields.find((candidate) => candidate.name === name);
    if (!field) stop(badRequest(`Unknown custom field: ${name}.`));
    if (value !== null && !checks[field.type](value)) {
      stop(badRequest(`Custom field ${name} must be of type ${field.type}.`));
    }
    fields[name] = value as ThuliumFieldValue;
  }
  return fields;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Customers: search by custom field, one by id, create. */
export const customerRoutes: readonly ThuliumRoute[] = [
  {
    method: 'GET',
    path: '/customers',
    handle: (request, { state }) => {
      const { limit, offset } = paging(request, 1000);
      const filters = fieldFilters(request);
      const found = state.customers.filter((customer) =>
        filters.every(([name, value]) => customer.custom_fields[name] === value),
      );
      const withFields = flag(request.query.include_custom_fields);
      return jsonReply(
        200,
        found.slice(offset, offset + limit).map((c) => view(c, withFields)),
      );
    },
  },
  {
    method: 'GET',
    path: '/customers/:id',
    handle: (request, { state }) => {
      const id = idParam(request, 'id');
      const customer = state.customers.find((candidate) => candidate.customer_id === id);
      if (!customer) return notFound('Customer');
      return jsonReply(200, view(customer, flag(request.query.include_custom_fields)));
    },
  },
  {
    method: 'POST',
    path: '/customers',
    handle: (request, { state }) => {
      const body = readJsonBody(request);
      const surname = text(body.surname);
      if (!surname) return badRequest('Surname is required.');
      const customer = state.addCustomer({
        surname,
        name: text(body.name),
        email: text(body.email),
        phone_number: text(body.phone_number),
        custom_fields: checkedFields(state, body.custom_fields),
      });
      return jsonReply(200, { customer_id: customer.customer_id });
    },
  },
];
