import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '@crossline/core';

/**
 * Where the installation that uses a Teyca token is recorded, shared by every process that
 * may be started with the token. Keys are hashes of the token, never the token.
 */
export interface FingerprintStore {
  /** The installation recorded under `key`, or `undefined`. */
  get(key: string): Promise<string | undefined>;
  /**
   * Records `installation` under `key` unless one is recorded already (first writer wins,
   * atomically), and resolves with the installation recorded now.
   */
  set(key: string, installation: string): Promise<string>;
}

/**
 * A {@link FingerprintStore} over files in a directory: one file per token hash, created
 * atomically (`wx`), so two processes starting at once on the same machine or volume cannot
 * both claim a token. Replicas on other machines must share the directory (or a store of the
 * host's own) to be guarded — better: give each replica its own token.
 *
 * @param dir - the directory (created when missing)
 * @example
 * ```ts
 * teyca({ apiKey, token, installation: 'shop-prod', fingerprintStore: fileFingerprintStore('/var/lib/crossline') });
 * ```
 */
export function fileFingerprintStore(dir: string): FingerprintStore {
  const file = (key: string) => join(dir, `teyca-token-${key}.json`);
  const read = async (key: string): Promise<string | undefined> => {
    try {
      const text = await readFile(file(key), 'utf8');
      const { installation } = JSON.parse(text) as { installation?: unknown };
      return typeof installation === 'string' ? installation : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  return {
    get: read,
    async set(key, installation) {
      await mkdir(dir, { recursive: true });
      const record = JSON.stringify({ installation, recordedAt: new Date().toISOString() });
      try {
        await writeFile(file(key), `${record}\n`, { flag: 'wx' });
        return installation;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        return (await read(key)) ?? installation;
      }
    },
  };
}

/** The store key of a token: a hash of the API origin and the token, never the token. */
export function tokenFingerprintKey(origin: string, token: string): string {
  return createHash('sha256').update(`teyca\n${origin}\n${token.trim()}`).digest('hex');
}

/** What the guard needs from the options. */
export interface InstallationSettings {
  /** The API's origin. */
  readonly origin: string;
  /** The token. */
  readonly token: string;
  /** This installation's id. */
  readonly installation?: string | undefined;
  /** Where the token's installation is recorded. */
  readonly fingerprintStore?: FingerprintStore | undefined;
}

/**
 * Claims the token for this installation once, before the first request that carries it:
 * resolves when the token is this installation's (or no store is set), throws a
 * {@link ConfigError} when another installation holds it. A failed store read is retried on
 * the next request.
 */
export function installationGuard(settings: InstallationSettings): () => Promise<void> {
  let claim: Promise<void> | undefined;
  return () => {
    claim ??= claimToken(settings).catch((error: unknown) => {
      if (!ConfigError.isInstance(error)) claim = undefined;
      throw error;
    });
    return claim;
  };
}

async function claimToken(settings: InstallationSettings): Promise<void> {
  const { fingerprintStore: store, installation } = settings;
  if (store === undefined || installation === undefined) return;
  const key = tokenFingerprintKey(settings.origin, settings.token);
  const holder = (await store.get(key)) ?? (await store.set(key, installation));
  if (holder !== installation) {
    throw new ConfigError(
      `The Teyca token is recorded for another installation ("${holder}"), not "${installation}": Teyca blocks a token used from a second installation for good. Create a token for this installation (cabinet → Integration → API, or POST /v1/authorization) and configure it here; replicas must not share a token.`,
      { issues: [{ path: 'token', message: 'used by another installation' }] },
    );
  }
}
