import type { TeycaPass } from './model.js';

/** How `search` conditions match a field (UNCERTAIN at the vendor). */
export type TeycaSearchMatch = 'exact' | 'substring';

/**
 * Filters passes by Teyca's `search` parameter: comma-separated `field=value` conditions,
 * all of which must hold (AND). A bare value (no `=`) matches any field holding it.
 */
export function searchPasses(
  passes: readonly TeycaPass[],
  search: string | undefined,
  match: TeycaSearchMatch,
): TeycaPass[] {
  if (search === undefined || search.trim() === '') return [...passes];
  const conditions = search.split(',').map((part) => {
    const at = part.indexOf('=');
    return at < 0
      ? { field: undefined, value: part.trim() }
      : { field: part.slice(0, at).trim(), value: part.slice(at + 1).trim() };
  });
  return passes.filter((pass) =>
    conditions.every(({ field, value }) =>
      field === undefined
        ? Object.values(pass).some((candidate) => matches(candidate, value, match))
        : matches(pass[field], value, match),
    ),
  );
}

function matches(candidate: unknown, value: string, match: TeycaSearchMatch): boolean {
  if (candidate === null || candidate === undefined || typeof candidate === 'object') return false;
  const text = String(candidate);
  return match === 'exact' ? text === value : text.toLowerCase().includes(value.toLowerCase());
}
