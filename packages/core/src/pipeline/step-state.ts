import type { ReplayStore } from '../replay/replay-store.js';
import type { StepState } from './types.js';

/** The key, in the store's cursor table, of a step-state entry. */
export const stepStateKey = (key: string) => `\u0000crossline/state/${key}`;

/** {@link StepState} over an outbox: entries live in its cursor table under a reserved prefix. */
export function stepState(store: ReplayStore): StepState {
  return {
    get: (key) => store.getCursor(stepStateKey(key)),
    set: (key, value) => store.setCursor(stepStateKey(key), value),
  };
}
