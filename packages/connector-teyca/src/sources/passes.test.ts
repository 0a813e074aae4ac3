import { describe, expect, it } from 'vitest';
import { connectorFor, simulator } from '../__fixtures__/simulator.js';

async function readAll(iterable: AsyncIterable<{ id: string; cursor: string }>) {
  const items: { id: string; cursor: string }[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('the passes source', () => {
  it('reads every pass once per content, wraps the cursor at the end, and re-emits a changed pass', async () => {
    const sim = await simulator({
      passes: Array.from({ length: 25 }, (_, index) => ({
        phone: `7900000${String(index).padStart(4, '0')}`,
      })),
    });
    const teyca = connectorFor(sim, { poll: { pageSize: 10, requestsPerDay: 100 } });
    const first = await readAll(teyca.read('passes', undefined));
    expect(first).toHaveLength(25);
    expect(JSON.parse(first.at(-1)?.cursor ?? '{}')).toMatchObject({ offset: 0, requests: 3 });
    const again = await readAll(teyca.read('passes', first.at(-1)?.cursor));
    expect(again.map((item) => item.id)).toEqual(first.map((item) => item.id));
    const [changed] = [...sim.state.passes.keys()];
    sim.changePass(changed as number, { first_name: 'New' });
    const third = await readAll(teyca.read('passes', undefined));
    expect(third.filter((item, index) => item.id !== first[index]?.id)).toHaveLength(1);
  });

  it('stops at the daily request budget and resumes from its cursor', async () => {
    const sim = await simulator({ passes: Array.from({ length: 25 }, () => ({})) });
    const teyca = connectorFor(sim, { poll: { pageSize: 10, requestsPerDay: 2 } });
    const first = await readAll(teyca.read('passes', undefined));
    expect(first).toHaveLength(20);
    const cursor = first.at(-1)?.cursor;
    expect(await readAll(teyca.read('passes', cursor))).toEqual([]);
    const tomorrow = JSON.stringify({ ...JSON.parse(cursor ?? '{}'), day: '2000-01-01' });
    expect(await readAll(teyca.read('passes', tomorrow))).toHaveLength(5);
  });
});
