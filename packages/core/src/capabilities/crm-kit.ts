import type { ActionContext } from '../connector/types.js';
import { VendorError } from '../errors/vendor-error.js';
import type { PhoneMatch } from '../phone/find-by-phone.js';
import type { ContactLookup, FoundContact } from './crm.js';

/** What a CRM connector fills the kit with: its vendor's look-up and how to read a record. */
export interface CrmKitOptions<Record, Config, Client> {
  /** What the CRM calls a contact, for messages: `customer`, `Client` … */
  readonly noun: string;
  /**
   * The vendor search: the records with the number, in every form the CRM may have stored it
   * (usually core's `findByPhone` over the vendor's search).
   */
  search(context: ActionContext<Config, Client>, phone: string): Promise<PhoneMatch<Record>>;
  /** A record as the CRM capability returns it. */
  toContact(record: Record): FoundContact;
  /**
   * How long one record found (or created) for a number is remembered, so a repeat caller's
   * next calls cost no search; 0 turns it off. @defaultValue 300000 (five minutes)
   */
  readonly rememberMs?: number | undefined;
}

/**
 * The behaviour every CRM connector shares, in one place: a number's one match binds, several
 * bind none and are reported as a `warning` naming them (never guessed), a contact is created
 * once, and a repeat caller's record is remembered — in the connector instance's own memory,
 * not a module global. A connector fills it with its vendor search and uses it in its
 * `contacts.findByPhone`, `contacts.upsert`, `calls.log` and `tasks.create` actions.
 *
 * @example
 * ```ts
 * const kit = createCrmKit<AsterilClient, AsterilConfig, AsterilApi>({
 *   noun: 'Client',
 *   search: (context, phone) => findByPhone({ canonical: phone, search: (form) => context.client.clientsByPhone(form), … }),
 *   toContact: (record) => ({ id: String(record.id), phones: [record.phone] }),
 * });
 * // contacts.findByPhone
 * run: ({ phone }, context) => kit.findContact(context, phone),
 * ```
 */
export function createCrmKit<Record, Config, Client>(
  options: CrmKitOptions<Record, Config, Client>,
): CrmKit<Record, Config, Client> {
  return new CrmKit(options);
}

/** See {@link createCrmKit}. */
export class CrmKit<Record, Config, Client> {
  readonly #options: CrmKitOptions<Record, Config, Client>;

  /** @internal Use {@link createCrmKit}. */
  constructor(options: CrmKitOptions<Record, Config, Client>) {
    this.#options = options;
  }

  /** The records with the number; one match (or a remembered one) comes from memory. */
  async match(context: ActionContext<Config, Client>, phone: string): Promise<PhoneMatch<Record>> {
    const remembered = context.memory.get<Record>(memoryKey(phone));
    if (remembered !== undefined) return { status: 'found', record: remembered };
    const match = await this.#options.search(context, phone);
    if (match.status === 'found') this.remember(context, phone, match.record);
    return match;
  }

  /** `contacts.findByPhone`: one contact, none, or several — then a `warning` names them. */
  async findContact(context: ActionContext<Config, Client>, phone: string): Promise<ContactLookup> {
    const match = await this.match(context, phone);
    if (match.status === 'found')
      return { status: 'found', contact: this.#options.toContact(match.record) };
    if (match.status === 'none') return { status: 'none' };
    const ids = this.#warnSeveral(context, phone, match.records, 'contact');
    return { status: 'ambiguous', ids };
  }

  /**
   * The one record to bind a call or a task to, or `undefined` when nobody has the number or
   * several do (then a `warning` says the `what` is not bound).
   */
  async bind(
    context: ActionContext<Config, Client>,
    phone: string,
    what: string,
  ): Promise<Record | undefined> {
    const match = await this.match(context, phone);
    if (match.status === 'found') return match.record;
    if (match.status === 'ambiguous') this.#warnSeveral(context, phone, match.records, what);
    return undefined;
  }

  /**
   * The record an upsert edits: the one with any of the numbers, or `undefined` to create one.
   * @throws {@link index!VendorError} (not retryable) when several records have one of the numbers —
   *   the CRM's users must merge them; creating another would make it worse
   */
  async existing(
    context: ActionContext<Config, Client>,
    phones: readonly string[],
  ): Promise<Record | undefined> {
    for (const phone of phones) {
      const match = await this.match(context, phone);
      if (match.status === 'found') return match.record;
      if (match.status === 'ambiguous') {
        const ids = match.records.map((record) => this.#options.toContact(record).id).join(', ');
        throw new VendorError(
          `Several ${this.#options.noun}s have +${phone} (ids ${ids}): merge them in the CRM`,
          { connectorId: context.connectorId },
        );
      }
    }
    return undefined;
  }

  /** Remembers the one record with a number (found, or just created). */
  remember(context: ActionContext<Config, Client>, phone: string, record: Record): void {
    const ttl = this.#options.rememberMs ?? 300_000;
    if (ttl > 0) context.memory.set(memoryKey(phone), record, ttl);
  }

  #warnSeveral(
    context: ActionContext<Config, Client>,
    phone: string,
    records: readonly Record[],
    what: string,
  ): string[] {
    const ids = records.map((record) => this.#options.toContact(record).id);
    context.warn(
      `Several ${this.#options.noun}s have +${phone} (ids ${ids.join(', ')}): the ${what} is not bound`,
      { phone, ids },
    );
    return ids;
  }
}

const memoryKey = (phone: string) => `crm-kit:phone:${phone}`;
