import type * as NodeSqlite from 'node:sqlite';
import { ConfigError } from '../errors/config-error.js';

/** The Node.js release line `node:sqlite` (and so {@link SqliteReplayStore}) needs. */
export const sqliteNodeRequirement = '>= 22.13';

let loaded: typeof NodeSqlite | undefined;

/**
 * `node:sqlite`, loaded when the first SQLite store is built — not when `@crossline/core` is
 * imported, so the rest of the library (phones, the HTTP client, the memory store) works on
 * any Node.js, and an unsupported one gets an error that names the version needed.
 * @throws {@link ConfigError} when this Node.js has no `node:sqlite`
 */
export function nodeSqlite(): typeof NodeSqlite {
  if (loaded) return loaded;
  const module = process.getBuiltinModule?.('node:sqlite') as typeof NodeSqlite | undefined;
  if (!module?.DatabaseSync) {
    throw new ConfigError(
      `SqliteReplayStore needs Node.js ${sqliteNodeRequirement} (node:sqlite); this is Node.js ${process.versions.node}. Upgrade Node.js, or use MemoryReplayStore.`,
      { issues: [{ path: 'node', message: `Node.js ${sqliteNodeRequirement} required` }] },
    );
  }
  loaded = module;
  return module;
}
