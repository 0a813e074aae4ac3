import { describe, expect, it } from 'vitest';
import { applyFieldMap, getPath, mergeFieldMaps, setPath } from './field-map.js';

describe('field maps', () => {
  const call = {
    utm: { source: 'google', medium: 'cpc' },
    extra: { gclid: 'abc' },
    phones: ['380671234567'],
  };

  it('copies mapped canonical values to vendor paths, skipping absent ones', () => {
    const map = {
      'utm.source': 'customFields.utm_source',
      'utm.campaign': 'customFields.utm_campaign',
      'extra.gclid': 'source.gclid',
    };
    expect(applyFieldMap(call, map)).toEqual({
      customFields: { utm_source: 'google' },
      source: { gclid: 'abc' },
    });
  });

  it('writes into an existing target without dropping its fields', () => {
    const target = { customFields: { existing: 'keep' } };
    applyFieldMap(call, { 'utm.medium': 'customFields.medium' }, target);
    expect(target).toEqual({ customFields: { existing: 'keep', medium: 'cpc' } });
  });

  it('lets the host override and remove default mappings', () => {
    const merged = mergeFieldMaps(
      { 'utm.source': 'source', 'utm.medium': 'medium' },
      { 'utm.source': 'customFields.utm', 'utm.medium': null, 'extra.gclid': 'customFields.gclid' },
    );
    expect(merged).toEqual({
      'utm.source': 'customFields.utm',
      'extra.gclid': 'customFields.gclid',
    });
  });

  it('reads array indexes and refuses prototype paths', () => {
    expect(getPath(call, 'phones.0')).toBe('380671234567');
    expect(getPath(call, 'utm.nope.deeper')).toBeUndefined();
    const target: Record<string, unknown> = {};
    setPath(target, '__proto__.polluted', true);
    setPath(target, 'a.constructor', 1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(target).toEqual({ a: {} });
  });
});
