import { VendorError } from '@crossline/core';
import { z } from 'zod';

/**
 * What `calls.log` and `tasks.create` resolve with: the record's id, and whether it was there
 * already.
 * @inline
 */
export interface CreatedOnce {
  /** The record's id at Asteril. */
  readonly id: number;
  /** True when the record was there already (a redelivery): nothing was created. */
  readonly duplicate: boolean;
}

/** {@link CreatedOnce} as the actions' output schema. */
export const createdOnceSchema: z.ZodType<CreatedOnce> = z.object({
  id: z.number(),
  duplicate: z.boolean(),
});

/**
 * Creates a record once under its `external_id`: looked up first, and when the CRM refuses a
 * second `external_id` (a create raced a redelivery) the record is found again.
 */
export async function createOnce(
  find: () => Promise<{ id: number } | undefined>,
  create: () => Promise<{ id: number }>,
): Promise<CreatedOnce> {
  const existing = await find();
  if (existing) return { id: existing.id, duplicate: true };
  try {
    return { id: (await create()).id, duplicate: false };
  } catch (error) {
    const again =
      VendorError.isInstance(error) && /external_id/.test(error.message) ? await find() : undefined;
    if (!again) throw error;
    return { id: again.id, duplicate: true };
  }
}
