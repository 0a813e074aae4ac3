import { ValidationError } from '@crossline/core';
import type { ActionDefinition, LoyaltyCardRecord } from '@crossline/core/sdk';
import type { z } from 'zod';
import type { TeycaApi } from '../api.js';
import { cardContext } from '../lib/cards.js';
import { cardFieldsMapper, cardFromPass } from '../mapping.js';
import type { TeycaConfig } from '../options.js';
import { passAnswer, type TeycaPass } from '../wire.js';
import { cardFieldsSchema, cardRecordSchema } from './schemas.js';

/**
 * `cards.create`: issues a pass (`POST /passes`) on a layout (`template`, its name in the
 * cabinet; the `defaultTemplate` option when the input names none) with the personal fields given, the phone as canonical digits. Teyca's answer is
 * UNCERTAIN: the new pass is read from it (bare or under `pass`), or else found by barcode or
 * phone (the newest). Not retried on its own: a repeat would issue a second card.
 */
export const createCard = {
  input: cardFieldsSchema,
  output: cardRecordSchema,
  permissions: ['passes:write'],
  async run(fields, { client, config, signal }) {
    const context = cardContext(config);
    const template = fields.template ?? config.defaultTemplate;
    const body = cardFieldsMapper.toVendor(template ? { ...fields, template } : fields, context);
    const answer = await client.createPass(body, signal);
    const pass = passFrom(answer) ?? (await findCreated(client, body, signal));
    if (!pass) {
      throw new ValidationError(
        'Teyca created the pass but its answer has no user_id, and no pass with its barcode or phone was found',
        { code: 'INVALID_RESPONSE', issues: [{ path: 'user_id', message: 'missing' }] },
      );
    }
    return cardFromPass(pass, context);
  },
} satisfies ActionDefinition<
  TeycaConfig,
  TeycaApi,
  z.output<typeof cardFieldsSchema>,
  LoyaltyCardRecord
>;

function passFrom(answer: unknown): TeycaPass | undefined {
  for (const candidate of [answer, (answer as { pass?: unknown } | null)?.pass]) {
    const parsed = passAnswer.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

async function findCreated(
  client: TeycaApi,
  body: { barcode?: string; phone?: string },
  signal: AbortSignal | undefined,
): Promise<TeycaPass | undefined> {
  if (body.barcode) return (await client.getPassByBarcode(body.barcode, signal)) ?? undefined;
  if (!body.phone) return undefined;
  const { passes } = await client.listPasses(
    { search: { phone: body.phone }, limit: 100, offset: 0 },
    signal,
  );
  return passes.sort((a, b) => Number(b.user_id) - Number(a.user_id))[0];
}
