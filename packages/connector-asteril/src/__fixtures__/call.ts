import type { CallInput } from '@crossline/core';

/** A call from `067 123 45 67` to the tracking number, answered, with a recording. */
export function call(index: number, overrides: Partial<CallInput> = {}): CallInput {
  return {
    id: `call-${index}`,
    direction: 'incoming',
    result: 'answered',
    from: '067 123 45 67',
    to: '0441112233',
    startedAt: '2026-11-23T10:15:00+02:00',
    durationSec: 95,
    recordingUrl: `https://records.example/${index}.mp3`,
    ...overrides,
  };
}
