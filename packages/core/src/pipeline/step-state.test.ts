import { describe, expect, it } from 'vitest';
import { testCrm } from '../__fixtures__/test-connector.js';
import { callSchema } from '../model/call.js';
import { MemoryReplayStore } from '../replay/memory-replay-store.js';
import { createHub } from './hub.js';
import { stepState, stepStateKey } from './step-state.js';

describe('StepContext.state', () => {
  it('keeps values in the store under a reserved prefix, apart from cursors', async () => {
    const store = new MemoryReplayStore();
    const state = stepState(store);
    expect(await state.get('a')).toBeUndefined();
    await state.set('a', 'one');
    expect(await state.get('a')).toBe('one');
    expect(await store.getCursor('a')).toBeUndefined();
    expect(await store.getCursor(stepStateKey('a'))).toBe('one');
  });

  it('is given to every step and survives a new Hub on the same store', async () => {
    const store = new MemoryReplayStore();
    const seen: (string | undefined)[] = [];
    for (const round of [1, 2]) {
      const crm = testCrm({ id: 'crm', baseUrl: 'https://crm.example', apiKey: 'step-state-key' });
      const hub = createHub({ store });
      hub.register(crm).pipeline({
        id: 'calls',
        input: callSchema,
        eventId: (call) => call.id,
        steps: [
          async (_value, context) => {
            seen.push(await context.state.get('count'));
            await context.state.set('count', String(round));
            return undefined;
          },
        ],
        to: { connector: 'crm', action: 'calls.log' },
      });
      await hub.start();
      await crm.activate();
      await hub.publish('calls', {
        id: `c-${round}`,
        direction: 'incoming',
        result: 'answered',
        from: '380671234567',
        to: '380441112233',
        startedAt: new Date().toISOString(),
      });
      await hub.idle();
      await hub.stop();
    }
    expect(seen).toEqual([undefined, '1']);
  });
});
