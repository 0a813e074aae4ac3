import { lastValue } from '../kit/params.js';
import { jsonReply, type SimulatorReply } from '../kit/reply.js';
import type { SimulatorRequest } from '../kit/request.js';
import { type FieldErrors, invalidData } from './replies.js';

/** The `meta` object of a list answer. */
export interface PageMeta {
  /** This page, from 1. */
  current_page: number;
  /** The last page; 1 for an empty list. */
  last_page: number;
  /** Items in all. */
  total: number;
}

interface PageParameter {
  readonly name: string;
  readonly fallback: number;
  readonly max: number;
  readonly message: string;
}

const pageParameter: PageParameter = {
  name: 'page',
  fallback: 1,
  max: Number.MAX_SAFE_INTEGER,
  message: 'must be an integer of at least 1',
};

const perPageParameter: PageParameter = {
  name: 'per_page',
  fallback: 20,
  max: 100,
  message: 'must be an integer from 1 to 100',
};

/**
 * The requested page of `items` as a list answer `{ data, meta }`: `page` from 1 (a page past
 * the last is empty), `per_page` from 1 to 100 (default 20); anything else answers 422.
 */
export function pageReply(request: SimulatorRequest, items: readonly unknown[]): SimulatorReply {
  const errors: FieldErrors = {};
  const page = readNumber(request, pageParameter, errors);
  const perPage = readNumber(request, perPageParameter, errors);
  if (Object.keys(errors).length > 0) return invalidData(errors);
  const meta: PageMeta = {
    current_page: page,
    last_page: Math.max(1, Math.ceil(items.length / perPage)),
    total: items.length,
  };
  const start = (page - 1) * perPage;
  return jsonReply(200, { data: items.slice(start, start + perPage), meta });
}

function readNumber(
  request: SimulatorRequest,
  parameter: PageParameter,
  errors: FieldErrors,
): number {
  const value = lastValue(request.query, parameter.name);
  if (value === undefined) return parameter.fallback;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (number >= 1 && number <= parameter.max) return number;
  errors[parameter.name] = [parameter.message];
  return parameter.fallback;
}
