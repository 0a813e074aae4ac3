import { lastValue } from '../kit/params.js';
import { stop } from '../kit/reply.js';
import type { SimulatorRequest } from '../kit/request.js';
import { validationError } from './replies.js';

/** The `pagination` object of a list answer. */
export interface Pagination {
  /** Page size. */
  limit: number;
  /** Items matching the filter. */
  totalCount: number;
  /** This page, from 1. */
  currentPage: number;
  /** Pages in all. */
  totalPageCount: number;
}

const allowedLimits = ['20', '50', '100'];
const notAChoice = 'The value you selected is not a valid choice.';

/** The requested page of `items`: `limit` ∈ 20, 50, 100 (default 20), `page` from 1. */
export function paginate<T>(
  request: SimulatorRequest,
  items: readonly T[],
): { page: T[]; pagination: Pagination } {
  const limitText = lastValue(request.query, 'limit') ?? '20';
  if (!allowedLimits.includes(limitText)) stop(validationError({ limit: notAChoice }));
  const pageText = lastValue(request.query, 'page') ?? '1';
  if (!/^[1-9]\d*$/.test(pageText)) {
    stop(validationError({ page: 'This value should be greater than or equal to 1.' }));
  }
  const limit = Number(limitText);
  const currentPage = Number(pageText);
  const start = (currentPage - 1) * limit;
  return {
    page: items.slice(start, start + limit),
    pagination: {
      limit,
      totalCount: items.length,
      currentPage,
      totalPageCount: Math.ceil(items.length / limit),
    },
  };
}

/** A scalar filter, `filter[name]=value`. */
export function filterValue(request: SimulatorRequest, name: string): string | undefined {
  const value = lastValue(request.query, `filter[${name}]`);
  return value === '' ? undefined : value;
}

/**
 * A list filter: `filter[name][]=a&filter[name][]=b`, or the indexed form `filter[name][0]=a`
 * that PHP clients send. A plain `filter[name]=a` is refused, as a scalar is not a list.
 */
export function filterList(request: SimulatorRequest, name: string): string[] | undefined {
  const key = `filter[${name}]`;
  if (request.query[key] !== undefined) {
    stop(validationError({ [key]: 'This value should be of type array.' }));
  }
  const values: string[] = [];
  let found = false;
  for (const [param, value] of Object.entries(request.query)) {
    if (!param.startsWith(`${key}[`) || !/^\[\d*\]$/.test(param.slice(key.length))) continue;
    found = true;
    values.push(...(typeof value === 'string' ? [value] : value));
  }
  return found ? values : undefined;
}

/** A list filter of integer ids. */
export function filterIds(request: SimulatorRequest, name: string): number[] | undefined {
  const values = filterList(request, name);
  if (values?.some((value) => !/^\d+$/.test(value))) {
    stop(validationError({ [`filter[${name}]`]: 'This value should be of type integer.' }));
  }
  return values?.map(Number);
}

/** A yes/no filter: `1`/`true` or `0`/`false`. */
export function filterBoolean(request: SimulatorRequest, name: string): boolean | undefined {
  const value = filterValue(request, name);
  if (value === undefined) return undefined;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return stop(validationError({ [`filter[${name}]`]: 'This value is not valid.' }));
}

/** A filter that must be one of `choices`. */
export function filterChoice<T extends string>(
  request: SimulatorRequest,
  name: string,
  choices: readonly T[],
): T | undefined {
  const value = filterValue(request, name);
  if (value === undefined || (choices as readonly string[]).includes(value)) {
    return value as T | undefined;
  }
  return stop(validationError({ [`filter[${name}]`]: notAChoice }));
}
