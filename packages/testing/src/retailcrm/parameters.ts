import { isPlainObject } from '../kit/json-value.js';
import { type FlatParams, lastValue } from '../kit/params.js';
import { stop } from '../kit/reply.js';
import type { SimulatorRequest } from '../kit/request.js';
import { entityFormatError, missingParameter, validationError } from './replies.js';
import type { RetailcrmState } from './state.js';

/** The parameters of a request as the vendor reads them: the query for GET, the form for POST. */
export function parametersOf(request: SimulatorRequest): FlatParams {
  return request.method === 'GET' ? request.query : request.form;
}

/** A scalar parameter (`by`, `site`, `status`…), or undefined when absent. */
export function scalar(request: SimulatorRequest, name: string): string | undefined {
  return lastValue(parametersOf(request), name);
}

/** A scalar parameter that must be present. */
export function requiredScalar(request: SimulatorRequest, name: string): string {
  return scalar(request, name) ?? stop(missingParameter(name));
}

/**
 * The JSON-encoded entity in form field `name` (`customer`, `order`…). A POST that is not a
 * form (a raw JSON body, say) has no such field, so it is refused as a missing parameter.
 */
export function entityField(request: SimulatorRequest, name: string): Record<string, unknown> {
  const value = decodeField(request, name);
  return isPlainObject(value)
    ? value
    : stop(entityFormatError({ [name]: 'This value should be of type object.' }));
}

/** The JSON-encoded array in form field `name` (`calls`). */
export function listField(request: SimulatorRequest, name: string): unknown[] {
  const value = decodeField(request, name);
  return Array.isArray(value)
    ? value
    : stop(entityFormatError({ [name]: 'This value should be of type array.' }));
}

function decodeField(request: SimulatorRequest, name: string): unknown {
  const text = lastValue(request.form, name);
  if (text === undefined || text === '') return stop(missingParameter(name));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return stop(entityFormatError({ [name]: 'This value is not valid JSON.' }));
  }
}

/**
 * The store a request is about: its `site` parameter, which must name a store of the account.
 * Without it, the only store when there is one; with several, `required` makes it a 400.
 */
export function siteOf(request: SimulatorRequest, state: RetailcrmState, required = true): string {
  const site = scalar(request, 'site');
  if (site === undefined) {
    const [only, ...others] = state.sites;
    if (only !== undefined && (others.length === 0 || !required)) return only;
    return stop(missingParameter('site'));
  }
  if (state.sites.includes(site)) return site;
  return stop(validationError({ site: `Site with code "${site}" not found.` }));
}

/** The `by` parameter: how a path's `{externalId}` segment is read. */
export function byOf(request: SimulatorRequest): 'externalId' | 'id' {
  const by = scalar(request, 'by') ?? 'externalId';
  if (by === 'externalId' || by === 'id') return by;
  return stop(validationError({ by: 'The value you selected is not a valid choice.' }));
}
