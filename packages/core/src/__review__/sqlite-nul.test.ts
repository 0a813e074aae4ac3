import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SqliteReplayStore } from '../replay/sqlite-replay-store.js';
import { statusKey } from '../pipeline/lifecycle.js';

it('status keys with NUL survive sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rv-'));
  const path = join(dir, 'x.db');
  let s = new SqliteReplayStore({ path });
  await s.setCursor(statusKey('a'), 'broken');
  await s.setCursor(statusKey('b'), 'active');
  await s.setCursor('', 'source-cursor');
  await s.close();
  s = new SqliteReplayStore({ path });
  const got = [await s.getCursor(statusKey('a')), await s.getCursor(statusKey('b')), await s.getCursor('')];
  await s.close();
  expect(got).toEqual(['broken', 'active', 'source-cursor']);
});
