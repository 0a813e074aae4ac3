import { z } from 'zod';
import type { Connector } from '../connector/connector.js';
import { ConfigError } from '../errors/config-error.js';
import type { PipelineDefinition } from './types.js';

const isFunction = (value: unknown) => typeof value === 'function';
const fn = (what: string) => z.custom<unknown>(isFunction, `expected a function (${what})`);

const definitionSchema = z.looseObject({
  id: z.string().min(1),
  input: z.custom<z.ZodType>(
    (value) => typeof (value as z.ZodType | undefined)?.safeParse === 'function',
    'expected a zod schema',
  ),
  eventId: fn('event => its id').optional(),
  key: fn('event => its ordering key').optional(),
  occurredAt: fn('event => epoch ms').optional(),
  notBefore: fn('event => epoch ms or undefined').optional(),
  steps: z.array(fn('a pipeline step')).optional(),
  from: z
    .looseObject({
      connector: z.string().min(1),
      source: z.string().min(1),
      intervalMs: z.number().int().min(100).optional(),
      maxItemsPerPoll: z.number().int().min(1).optional(),
    })
    .optional(),
  to: z.looseObject({ connector: z.string().min(1), action: z.string().min(1) }),
});

/**
 * Checks a pipeline definition's shape before the Hub reads it.
 * @throws {@link ConfigError} naming every invalid field
 */
export function checkPipelineDefinition(
  definition: unknown,
): asserts definition is PipelineDefinition {
  const parsed = definitionSchema.safeParse(definition);
  if (!parsed.success) throw ConfigError.fromIssues('hub.pipeline()', parsed.error.issues);
}

/**
 * Checks that `value` is a connector (from any copy of the package: duck-typed).
 * @throws {@link ConfigError} otherwise
 */
export function checkConnector(value: unknown): asserts value is Connector {
  const connector = value as Partial<Connector> | null | undefined;
  const ok =
    typeof connector === 'object' &&
    connector !== null &&
    typeof connector.id === 'string' &&
    typeof connector.perform === 'function' &&
    typeof connector.on === 'function';
  if (!ok) {
    throw new ConfigError('hub.register() expects a connector, built by its factory', {
      issues: [{ path: 'connector', message: 'expected a connector' }],
    });
  }
}
