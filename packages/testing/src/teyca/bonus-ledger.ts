import type { TeycaBonus } from './model.js';

/** An accrual to record: the amount and, optionally, its own activation and expiry. */
export interface BonusEntry {
  /** The amount (a decimal string or a number, as the vendor takes it). */
  readonly value: number | string;
  /** When it becomes active (ISO-8601). @defaultValue now + the account's activation delay */
  readonly active_from?: string | undefined;
  /** When it expires (ISO-8601). @defaultValue now + the account's lifetime, or never */
  readonly expires_at?: string | undefined;
}

/** The account's general bonus rules, applied to an accrual that has no dates of its own. */
export interface BonusRules {
  /** Milliseconds from accrual until a bonus is active. @defaultValue 0 */
  readonly activationDelayMs?: number | undefined;
  /** Milliseconds from activation until it expires. @defaultValue never */
  readonly lifetimeMs?: number | undefined;
}

/** Every pass's accruals; balances count only active, unexpired ones. */
export class BonusLedger {
  /** Every accrual, oldest first. */
  readonly entries: TeycaBonus[] = [];
  #nextId = 1;

  /**
   * @param rules - the account's activation and expiry rules
   * @param now - the clock (epoch ms)
   */
  constructor(
    private readonly rules: BonusRules,
    private readonly now: () => number,
  ) {}

  /** Records accruals on `userId`; throws a message for a bad entry. */
  accrue(userId: number, entries: readonly BonusEntry[]): TeycaBonus[] {
    const at = this.now();
    return entries.map((entry) => {
      const value = typeof entry.value === 'number' ? entry.value : Number(entry.value);
      if (!Number.isFinite(value)) throw new TypeError('value must be a number');
      const activeFrom = dateOf(entry.active_from, at + (this.rules.activationDelayMs ?? 0));
      const lifetime = this.rules.lifetimeMs;
      const expires =
        entry.expires_at !== undefined
          ? dateOf(entry.expires_at, 0)
          : lifetime === undefined
            ? undefined
            : activeFrom + lifetime;
      const bonus: TeycaBonus = {
        id: this.#nextId++,
        user_id: userId,
        value,
        active_from: new Date(activeFrom).toISOString(),
        expires_at: expires === undefined ? null : new Date(expires).toISOString(),
        created_at: new Date(at).toISOString(),
      };
      this.entries.push(bonus);
      return bonus;
    });
  }

  /** The accruals of `userId`, oldest first. */
  of(userId: number): TeycaBonus[] {
    return this.entries.filter((entry) => entry.user_id === userId);
  }

  /** The active balance: accruals active now and not expired. */
  balance(userId: number): number {
    const now = this.now();
    return round(
      this.of(userId)
        .filter((entry) => Date.parse(entry.active_from) <= now && !expired(entry, now))
        .reduce((sum, entry) => sum + entry.value, 0),
    );
  }

  /** Accruals not active yet. */
  inactive(userId: number): number {
    const now = this.now();
    return round(
      this.of(userId)
        .filter((entry) => Date.parse(entry.active_from) > now && !expired(entry, now))
        .reduce((sum, entry) => sum + entry.value, 0),
    );
  }

  /** Sets the active balance to `value` (as a PUT of `bonus` does): one adjusting entry. */
  setBalance(userId: number, value: number): void {
    const difference = round(value - this.balance(userId));
    if (difference === 0) return;
    const at = new Date(this.now()).toISOString();
    const id = this.#nextId++;
    this.entries.push({
      id,
      user_id: userId,
      value: difference,
      active_from: at,
      expires_at: null,
      created_at: at,
    });
  }

  /** Forgets the accruals of a deleted pass. */
  remove(userId: number): void {
    for (let index = this.entries.length - 1; index >= 0; index -= 1) {
      if (this.entries[index]?.user_id === userId) this.entries.splice(index, 1);
    }
  }
}

function dateOf(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) throw new TypeError('active_from and expires_at must be ISO-8601');
  return parsed;
}

function expired(entry: TeycaBonus, now: number): boolean {
  return entry.expires_at !== null && Date.parse(entry.expires_at) <= now;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
