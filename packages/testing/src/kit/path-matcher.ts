/**
 * Which request paths something applies to: a path prefix (the path itself or anything under
 * it, e.g. `/api/v5/telephony` matches `/api/v5/telephony/calls/upload`), a pattern, or a
 * predicate.
 */
export type PathMatcher = string | RegExp | ((path: string) => boolean);

/** Whether `path` (no query string) is one that `matcher` selects. */
export function matchesPath(matcher: PathMatcher, path: string): boolean {
  if (typeof matcher === 'function') return matcher(path);
  if (matcher instanceof RegExp) return matcher.test(path);
  const prefix = matcher.replace(/\/+$/, '');
  return path === prefix || path.startsWith(`${prefix}/`) || prefix === '';
}
