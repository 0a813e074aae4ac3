import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('@crossline/connector-asteril exports', () => {
  it('exposes its documented runtime API by name', () => {
    expect(Object.keys(api).sort()).toEqual([
      'AsterilApi',
      'asteril',
      'asterilCallTracking',
      'asterilClientSchema',
      'asterilFieldSchema',
      'asterilHttp',
      'asterilOptionsSchema',
      'asterilRecordSchema',
      'asterilUserSchema',
      'behaviourSchema',
      'defaultAsterilContract',
      'defaultFieldMap',
      'interpretAsterilResponse',
      'itemSchema',
      'pageSchema',
    ]);
  });
});
