import { describe, expect, it } from 'vitest';
import { findByPhone } from './find-by-phone.js';

interface Client {
  id: number;
  phone: string;
}

/** A vendor that matches numbers exactly as stored, counting its searches. */
function vendor(clients: Client[]) {
  const searched: string[] = [];
  return {
    searched,
    lookup: (canonical: string, variants?: number) =>
      findByPhone({
        canonical,
        variants,
        search: async (form) => {
          searched.push(form);
          return clients.filter((client) => client.phone === form);
        },
        phonesOf: (client) => [client.phone],
        idOf: (client) => String(client.id),
      }),
  };
}

describe('findByPhone', () => {
  it.each(['+38 (067) 123-45-67', '0671234567', '+380671234567', '067 123 45 67'])(
    'finds a record stored as %s by the canonical number',
    async (stored) => {
      const { lookup } = vendor([{ id: 1, phone: stored }]);
      expect(await lookup('380671234567')).toEqual({
        status: 'found',
        record: { id: 1, phone: stored },
      });
    },
  );

  it('reports several records with the same number as ambiguous, and one found twice once', async () => {
    const { lookup } = vendor([
      { id: 1, phone: '0671234567' },
      { id: 2, phone: '+38 (067) 123-45-67' },
      { id: 3, phone: '0501112233' },
    ]);
    expect(await lookup('380671234567')).toEqual({
      status: 'ambiguous',
      records: [
        { id: 1, phone: '0671234567' },
        { id: 2, phone: '+38 (067) 123-45-67' },
      ],
    });
  });

  it('ignores a fuzzy vendor hit on another number', async () => {
    const result = await findByPhone({
      canonical: '380671234567',
      search: async () => [{ id: 9, phone: '+380671234568' }],
      phonesOf: (client) => [client.phone],
      idOf: (client) => String(client.id),
    });
    expect(result).toEqual({ status: 'none' });
  });

  it('searches only the first `variants` forms, canonical first', async () => {
    const { lookup, searched } = vendor([]);
    expect(await lookup('380671234567', 3)).toEqual({ status: 'none' });
    expect(searched).toEqual(['380671234567', '+380671234567', '0671234567']);
  });
});
