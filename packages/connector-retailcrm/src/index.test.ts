import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('@crossline/connector-retailcrm exports', () => {
  it('exposes only its factory at run time (its options and actions are types)', () => {
    expect(Object.keys(api).sort()).toEqual(['retailcrm']);
  });
});
