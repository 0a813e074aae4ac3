import { isPlainObject } from '../../kit/json-value.js';
import type { BonusEntry } from '../bonus-ledger.js';
import { jsonBody, userIdOf } from '../json-body.js';
import { ok } from '../replies.js';
import type { TeycaRoute } from '../route.js';

/**
 * The bonus routes: accrual (`{ bonus: [{ value, active_from?, expires_at? }] }`, each element
 * one operation; a negative value only with `allowNegative`) and history.
 */
export function bonusRoutes(allowNegative: boolean): TeycaRoute[] {
  return [
    {
      method: 'POST',
      path: '/:token/passes/:userId/bonuses',
      handle: (request, { state, replies }) => {
        const id = userIdOf(request.params.userId, replies);
        if (!state.passes.has(id)) return replies.error(404, 'Pass not found');
        const entries = jsonBody(request, replies).bonus;
        if (!Array.isArray(entries) || entries.length === 0 || !entries.every(isPlainObject)) {
          return replies.error(400, 'bonus must be a non-empty array');
        }
        const negative = entries.some((entry) => Number(entry.value) < 0);
        if (negative && !allowNegative) return replies.error(400, 'value must be positive');
        try {
          const recorded = state.bonuses.accrue(id, entries as unknown as BonusEntry[]);
          state.updatePass(id, {});
          return ok({ bonus: recorded });
        } catch (error) {
          return replies.error(400, (error as Error).message);
        }
      },
    },
    {
      method: 'GET',
      path: '/:token/passes/:userId/bonuses',
      handle: (request, { state, replies }) => {
        const id = userIdOf(request.params.userId, replies);
        if (!state.passes.has(id)) return replies.error(404, 'Pass not found');
        return ok({ bonuses: state.bonuses.of(id) });
      },
    },
  ];
}
