import { ConfigError } from '@crossline/core';
import type { ConnectorContext } from '@crossline/core/sdk';
import type { ThuliumApi } from '../api.js';
import type { ThuliumConfig } from '../options.js';

/** How long the queue and category ids are remembered. */
const rememberMs = 60 * 60_000;

/** A dictionary the connector resolves a configured id or name in. */
export type Dictionary = 'queue' | 'category';

/** The entry of `dictionary` matching `ref` (an id, or an exact name), or undefined. */
export async function findEntry(
  { client, config }: ConnectorContext<ThuliumConfig, ThuliumApi>,
  dictionary: Dictionary,
  signal?: AbortSignal,
): Promise<number | undefined> {
  const ref = config[dictionary];
  const path = dictionary === 'queue' ? config.paths.queues : config.paths.categories;
  const entries = await client.dictionary(path, signal);
  const wanted = String(ref);
  const entry =
    entries.find((item) => item.id === wanted) ??
    (typeof ref === 'string' ? entries.find((item) => item.name === ref) : undefined);
  return entry?.id === undefined ? undefined : Number(entry.id);
}

/**
 * The configured queue's or category's id: the number given, or the id of the entry with the
 * name given (remembered for an hour). A name that is not there throws a `ConfigError`.
 */
export async function resolveId(
  context: ConnectorContext<ThuliumConfig, ThuliumApi>,
  dictionary: Dictionary,
  signal?: AbortSignal,
): Promise<number> {
  const ref = context.config[dictionary];
  if (typeof ref === 'number') return ref;
  if (/^\d+$/.test(ref)) return Number(ref);
  return context.memory.remember(`thulium:${dictionary}:${ref}`, rememberMs, async () => {
    const id = await findEntry(context, dictionary, signal);
    if (id === undefined) {
      throw new ConfigError(`Thulium has no ticket ${dictionary} named ${JSON.stringify(ref)}`);
    }
    return id;
  });
}
