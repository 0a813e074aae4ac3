import { ValidationError } from '@crossline/core';
import type { ActionDefinition, LoyaltyOperation } from '@crossline/core/sdk';
import type { z } from 'zod';
import type { TeycaApi } from '../api.js';
import { requirePass } from '../lib/cards.js';
import type { TeycaConfig } from '../options.js';
import type { TeycaBonus } from '../wire.js';
import { bonusInputSchema, operationSchema } from './schemas.js';

/** A bonus operation, as parsed. */
type BonusInput = z.output<typeof bonusInputSchema>;

/** Teyca's decimal string: `250` → `"250.0"`, `12.5` → `"12.5"`, negative for a write-off. */
export function bonusValue(amount: number): string {
  return Number.isInteger(amount) ? amount.toFixed(1) : String(amount);
}

/** One element of `{ bonus: [...] }`: the value, and the dates only when given. */
export function bonusEntry(input: BonusInput, sign: 1 | -1): TeycaBonus {
  return {
    value: bonusValue(sign * input.amount),
    ...(input.activatesAt === undefined ? {} : { active_from: input.activatesAt }),
    ...(input.expiresAt === undefined ? {} : { expires_at: input.expiresAt }),
  };
}

/**
 * `bonuses.accrue`: `POST /passes/{id}/bonuses` with one operation, its own `active_from` and
 * `expires_at` when given (otherwise the account's general rules apply). Not retried on its
 * own: a repeat would accrue twice.
 */
export const accrueBonuses = {
  input: bonusInputSchema,
  output: operationSchema,
  permissions: ['bonuses:write'],
  async run(input, { client, signal }) {
    await client.addBonuses(input.cardId, [bonusEntry(input, 1)], signal);
    return { cardId: input.cardId };
  },
} satisfies ActionDefinition<TeycaConfig, TeycaApi, BonusInput, LoyaltyOperation>;

/**
 * `bonuses.writeOff`: Teyca documents no write-off, so it is sent as the `bonusWriteOff`
 * option says — a negative accrual (`value: "-50.0"`, keeps the history; the default), or the
 * balance read and PUT less the amount (loses the history, and races Teyca's own changes).
 * Writing off more than the balance is refused (set-balance only: the balance is known there).
 */
export const writeOffBonuses = {
  input: bonusInputSchema,
  output: operationSchema,
  permissions: ['bonuses:write'],
  async run(input, { client, config, signal }) {
    if (config.bonusWriteOff === 'negative-accrual') {
      await client.addBonuses(input.cardId, [bonusEntry(input, -1)], signal);
      return { cardId: input.cardId };
    }
    const pass = await requirePass(client, input.cardId, signal);
    const balance = pass.bonus ?? 0;
    if (balance < input.amount) {
      throw new ValidationError(
        `Teyca pass ${input.cardId} has ${balance} bonuses, fewer than the ${input.amount} to write off`,
        { issues: [{ path: 'amount', message: 'exceeds the balance' }] },
      );
    }
    await client.updatePass(input.cardId, { bonus: balance - input.amount }, signal);
    return { cardId: input.cardId };
  },
} satisfies ActionDefinition<TeycaConfig, TeycaApi, BonusInput, LoyaltyOperation>;
