import type { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';
import { CrosslineError } from '../errors/crossline-error.js';
import type { HttpClient } from '../http/types.js';
import { createVendorHttpClient } from '../http/vendor-http-client.js';
import type { Logger } from '../log.js';
import type { ConnectorMemory } from './connector-memory.js';
import type { AnyAction, AnySource, ConnectorContext, ConnectorDefinition } from './types.js';

/** A definition of any actions and sources, as the SDK handles it internally. */
export type AnyDefinition<Schema extends z.ZodType, Client> = ConnectorDefinition<
  Schema,
  Client,
  Record<string, AnyAction<z.output<Schema>, Client>>,
  Record<string, AnySource<z.output<Schema>, Client>>
>;

/** What building a connector's context needs besides the options. */
export interface ContextSetup {
  readonly connectorId: string;
  readonly memory: ConnectorMemory;
  readonly logger: Logger;
  readonly onThrottled: (state: { route: string; pauseMs: number }) => void;
}

/**
 * Validates the options — an unknown key is refused, then the schema — and builds the vendor
 * client: the SDK's HTTP client from the definition's `http` declaration, wrapped by
 * `createClient`.
 * @throws {@link ConfigError} naming each unknown or invalid option
 */
export function buildContext<Schema extends z.ZodType, Client>(
  definition: AnyDefinition<Schema, Client>,
  input: Record<string, unknown>,
  setup: ContextSetup,
): ConnectorContext<z.output<Schema>, Client> {
  const subject = `${definition.vendor} connector`;
  const unknown = unknownOptions(definition.configSchema, input);
  if (unknown.length > 0) {
    throw new ConfigError(
      `Invalid options for ${subject}: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `\`${key}\``).join(', ')}`,
      {
        connectorId: setup.connectorId,
        issues: unknown.map((key) => ({ path: key, message: 'unknown option' })),
      },
    );
  }
  const parsed = definition.configSchema.safeParse(input);
  if (!parsed.success) {
    throw ConfigError.fromIssues(subject, parsed.error.issues, { connectorId: setup.connectorId });
  }
  const config = parsed.data as z.output<Schema>;
  const http = definition.http ? buildHttp(definition, config, setup) : undefined;
  const client = definition.createClient(config, {
    get http(): HttpClient {
      if (!http)
        throw new ConfigError(
          `${subject}: createClient reads \`http\` but no \`http\` is declared`,
        );
      return http;
    },
    connectorId: setup.connectorId,
    logger: setup.logger,
    onThrottled: setup.onThrottled,
  });
  setup.memory.clear();
  return {
    connectorId: setup.connectorId,
    config,
    client,
    logger: setup.logger,
    memory: setup.memory,
  };
}

function buildHttp<Schema extends z.ZodType, Client>(
  definition: AnyDefinition<Schema, Client>,
  config: z.output<Schema>,
  setup: ContextSetup,
): HttpClient {
  const declaration = definition.http?.(config);
  if (!declaration)
    throw new ConfigError(`${definition.vendor} connector: \`http\` returned nothing`);
  return createVendorHttpClient({
    ...declaration,
    vendor: definition.vendor,
    connectorId: setup.connectorId,
    logger: setup.logger,
    onThrottled: setup.onThrottled,
  });
}

/**
 * The keys of `input` that the options' object schema does not know — looking through
 * `.transform()` pipes to the object underneath; none for a schema that is not an object.
 */
export function unknownOptions(schema: z.ZodType, input: Record<string, unknown>): string[] {
  let current: unknown = schema;
  for (let depth = 0; depth < 8 && current; depth += 1) {
    const shape = (current as { shape?: unknown }).shape;
    if (typeof shape === 'object' && shape !== null) {
      return Object.keys(input).filter((key) => !(key in shape) && input[key] !== undefined);
    }
    current = (current as { in?: unknown }).in;
  }
  return [];
}

/** Names the connector on a crossline error that does not name one yet. */
export function ownError(error: unknown, connectorId: string): unknown {
  if (CrosslineError.isInstance(error) && error.connectorId === undefined) {
    Object.defineProperty(error, 'connectorId', { value: connectorId, enumerable: true });
  }
  return error;
}
