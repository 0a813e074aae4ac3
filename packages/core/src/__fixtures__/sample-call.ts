import type { CallInput } from '../model/call.js';

/** An answered incoming call `call-<index>` from one caller, started now. */
export function sampleCall(index: number): CallInput {
  return {
    id: `call-${index}`,
    direction: 'incoming',
    result: 'answered',
    from: '380671234567',
    to: '380441112233',
    startedAt: new Date().toISOString(),
  };
}
