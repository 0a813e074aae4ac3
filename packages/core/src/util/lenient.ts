import { z } from 'zod';

/**
 * A JSON value with every `null` taken out, at any depth: an object property that is `null`
 * is left out (as if the vendor had not sent it), and a `null` item of an array is dropped.
 * Everything else is returned as it is; objects and arrays are copied, never changed in place.
 *
 * @example
 * ```ts
 * withoutNulls({ manager: null, customer: { id: 1, email: null }, tags: [null, 'vip'] });
 * // → { customer: { id: 1 }, tags: ['vip'] }
 * ```
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter((item) => item !== null).map(withoutNulls);
  }
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null) copy[key] = withoutNulls(item);
  }
  return copy;
}

/**
 * A vendor answer's schema that reads the answer tolerantly: `null` anywhere in it counts as
 * absent (see {@link withoutNulls}), so an optional field sent as `null` is simply missing and
 * a field with a default gets its default; a required field sent as `null` still fails, naming
 * it. Wrap every response schema of a connector in it, and build the schema itself from
 * non-strict objects (`z.object`, `z.looseObject`) so fields the vendor adds later are ignored
 * or kept, and from {@link lenientEnum} where the vendor sends one of a set of values.
 *
 * @param schema - the answer's schema, written for the answer without nulls
 * @returns a schema with the same output that first takes the nulls out
 * @example
 * ```ts
 * const managerAnswer = lenient(
 *   z.looseObject({ success: z.literal(true), manager: z.object({ id: z.number() }).optional() }),
 * );
 * managerAnswer.parse({ success: true, manager: null }); // → { success: true }
 * ```
 */
export function lenient<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess(withoutNulls, schema);
}

/** Options of {@link lenientEnum}. */
export interface LenientEnumOptions<Value extends string> {
  /**
   * The known value an unknown one is read as. Without it, an unknown value is kept as it was
   * sent (typed as a string besides the known values).
   */
  fallback?: Value | undefined;
}

/** What a {@link lenientEnum} reads: one of the known values, or any other string. */
export type LenientEnumValue<Value extends string> = Value | (string & {});

/**
 * A vendor's enumeration, read tolerantly: any string is accepted, so a value the vendor adds
 * later does not fail the whole answer. The output is typed with the known values (editors
 * still complete them); an unknown value is kept as sent, or read as `fallback` when one is
 * given. A value that is not a string still fails.
 *
 * @param values - the values known today
 * @param options - a known value to read unknown ones as
 * @example
 * ```ts
 * const status = lenientEnum(['free', 'busy', 'dinner', 'break']);
 * status.parse('vacation'); // → 'vacation'
 * lenientEnum(['in', 'out'], { fallback: 'in' }).parse('transfer'); // → 'in'
 * ```
 */
export function lenientEnum<const Value extends string>(
  values: readonly [Value, ...Value[]],
  options: LenientEnumOptions<NoInfer<Value>> = {},
): z.ZodType<LenientEnumValue<Value>, string> {
  const known: readonly string[] = values;
  const { fallback } = options;
  const description = `one of ${values.join(', ')}; other values ${fallback === undefined ? 'kept' : `read as ${fallback}`}`;
  if (fallback === undefined) return z.string().describe(description);
  return z
    .string()
    .transform((value): Value => (known.includes(value) ? (value as Value) : fallback))
    .describe(description);
}
