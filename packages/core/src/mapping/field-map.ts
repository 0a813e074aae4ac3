/**
 * A declarative field map: canonical path → vendor path, both dotted (`utm.source` →
 * `customFields.utm_source`). A connector ships defaults; the host overrides them per
 * connector instance (which UTM tag or extra parameter goes into which vendor text field).
 */
export type FieldMap = Readonly<Record<string, string>>;

/**
 * Merges a host's overrides into a connector's default field map. An override replaces the
 * default for the same canonical path; `null` removes it (that field is not sent).
 *
 * @example
 * ```ts
 * mergeFieldMaps({ 'utm.source': 'source' }, { 'utm.source': 'customFields.utm', 'extra.gclid': 'customFields.gclid' });
 * // { 'utm.source': 'customFields.utm', 'extra.gclid': 'customFields.gclid' }
 * ```
 */
export function mergeFieldMaps(
  defaults: FieldMap,
  overrides: Readonly<Record<string, string | null>> = {},
): FieldMap {
  const merged: Record<string, string> = { ...defaults };
  for (const [from, to] of Object.entries(overrides)) {
    if (to === null) delete merged[from];
    else merged[from] = to;
  }
  return merged;
}

/**
 * Copies every mapped value that is present in `source` to its vendor path in `target`
 * (created when omitted) and returns it. Missing and `undefined` values are skipped, so a
 * map never writes blanks over what the vendor already has.
 */
export function applyFieldMap(
  source: unknown,
  map: FieldMap,
  target: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const [from, to] of Object.entries(map)) {
    const value = getPath(source, from);
    if (value !== undefined) setPath(target, to, value);
  }
  return target;
}

/** Reads a dotted path (`utm.source`, `phones.0`) from a value; `undefined` when absent. */
export function getPath(source: unknown, path: string): unknown {
  let current: unknown = source;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Writes `value` at a dotted path, creating plain objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  const last = segments.pop() as string;
  let current = target;
  for (const segment of segments) {
    if (isUnsafeKey(segment)) return;
    const next = current[segment];
    if (next === null || typeof next !== 'object') current[segment] = {};
    current = current[segment] as Record<string, unknown>;
  }
  if (!isUnsafeKey(last)) current[last] = value;
}

function isUnsafeKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}
