import { describe, expect, it } from 'vitest';
import { allValues, lastValue, parseFlatParams } from './params.js';
import { matchesPath } from './path-matcher.js';

describe('parseFlatParams', () => {
  it('keeps bracket keys flat and repeated keys as arrays', () => {
    const params = parseFlatParams('filter[ids][]=1&filter[ids][]=2&filter[name]=a%20b&page=1');
    expect(params).toEqual({ 'filter[ids][]': ['1', '2'], 'filter[name]': 'a b', page: '1' });
    expect(allValues(params, 'filter[ids][]')).toEqual(['1', '2']);
    expect(allValues(params, 'page')).toEqual(['1']);
    expect(allValues(params, 'none')).toEqual([]);
    expect(lastValue(params, 'filter[ids][]')).toBe('2');
  });

  it('does not let a __proto__ key touch the prototype', () => {
    const params = parseFlatParams('__proto__=x');
    expect(lastValue(params, '__proto__')).toBe('x');
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
  });
});

describe('matchesPath', () => {
  it('matches a prefix on segment boundaries, a pattern or a predicate', () => {
    expect(matchesPath('/api/v5/telephony', '/api/v5/telephony/calls/upload')).toBe(true);
    expect(matchesPath('/api/v5/telephony', '/api/v5/telephonyx')).toBe(false);
    expect(matchesPath('/', '/anything')).toBe(true);
    expect(matchesPath(/upload$/, '/api/v5/telephony/calls/upload')).toBe(true);
    expect(matchesPath((path) => path.length > 100, '/short')).toBe(false);
  });
});
