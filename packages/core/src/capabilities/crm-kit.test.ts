import { describe, expect, it } from 'vitest';
import { ConnectorMemory } from '../connector/connector-memory.js';
import type { ActionContext } from '../connector/types.js';
import { silentLogger } from '../log.js';
import type { PhoneMatch } from '../phone/find-by-phone.js';
import { createCrmKit } from './crm-kit.js';

interface Row {
  id: number;
  phone: string;
}

function setup(rows: Row[]) {
  let searches = 0;
  const warnings: Array<{ message: string; details: unknown }> = [];
  const kit = createCrmKit<Row, object, null>({
    noun: 'customer',
    search: async (_context, phone): Promise<PhoneMatch<Row>> => {
      searches += 1;
      const found = rows.filter((row) => row.phone === phone);
      if (found.length === 0) return { status: 'none' };
      if (found.length === 1) return { status: 'found', record: found[0] as Row };
      return { status: 'ambiguous', records: found };
    },
    toContact: (row) => ({ id: String(row.id), phones: [row.phone] }),
  });
  const context = (memory = new ConnectorMemory()): ActionContext<object, null> => ({
    connectorId: 'crm',
    config: {},
    client: null,
    logger: silentLogger,
    memory,
    envelopeId: 'calls:1',
    occurredAt: 0,
    signal: undefined,
    warn: (message, details) => void warnings.push({ message, details }),
  });
  return { kit, context, warnings, searches: () => searches };
}

describe('the CRM kit', () => {
  it('one match binds and is remembered per connector instance; another instance searches again', async () => {
    const { kit, context, searches } = setup([{ id: 7, phone: '380671234567' }]);
    const mine = context();
    expect(await kit.findContact(mine, '380671234567')).toEqual({
      status: 'found',
      contact: { id: '7', phones: ['380671234567'] },
    });
    expect((await kit.bind(mine, '380671234567', 'call'))?.id).toBe(7);
    expect(searches()).toBe(1);
    await kit.bind(context(), '380671234567', 'call'); // a different connector's memory
    expect(searches()).toBe(2);
  });

  it('several matches bind none, warn naming them, and an upsert refuses to guess', async () => {
    const rows = [
      { id: 1, phone: '380671234567' },
      { id: 2, phone: '380671234567' },
    ];
    const { kit, context, warnings } = setup(rows);
    const mine = context();
    expect(await kit.bind(mine, '380671234567', 'task')).toBeUndefined();
    expect(await kit.findContact(mine, '380671234567')).toEqual({
      status: 'ambiguous',
      ids: ['1', '2'],
    });
    expect(warnings.map((warning) => warning.message)).toEqual([
      'Several customers have +380671234567 (ids 1, 2): the task is not bound',
      'Several customers have +380671234567 (ids 1, 2): the contact is not bound',
    ]);
    await expect(kit.existing(mine, ['380671234567'])).rejects.toThrow(/merge them in the CRM/);
  });

  it('nobody with the number: nothing bound, nothing remembered', async () => {
    const { kit, context, searches } = setup([]);
    const mine = context();
    expect(await kit.existing(mine, ['380671234567'])).toBeUndefined();
    expect(await kit.findContact(mine, '380671234567')).toEqual({ status: 'none' });
    expect(searches()).toBe(2);
  });
});
