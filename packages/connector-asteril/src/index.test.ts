import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('@crossline/connector-asteril exports', () => {
  it('exposes its documented runtime API by name: the factory and the pipeline helper', () => {
    expect(Object.keys(api).sort()).toEqual(['asteril', 'asterilCallTracking']);
  });
});
