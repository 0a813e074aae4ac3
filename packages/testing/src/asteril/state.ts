import { IdSequence } from '../kit/id-sequence.js';
import type {
  AsterilCall,
  AsterilClient,
  AsterilClientField,
  AsterilClientInput,
  AsterilTask,
  AsterilUser,
  AsterilUserInput,
} from './model.js';

/** What an {@link AsterilState} starts with. */
export interface AsterilStateOptions {
  /** Seed users. */
  users: readonly AsterilUserInput[];
  /** Client fields of the cabinet. */
  clientFields: readonly AsterilClientField[];
}

/**
 * Everything the simulated Asteril cabinet holds. Tests read it to assert what a connector did,
 * and seed it with {@link AsterilState.addUser} and {@link AsterilState.addClient}.
 */
export class AsterilState {
  /** Users. */
  readonly users: AsterilUser[] = [];
  /** API keys and the id of the user each acts as (the simulator keeps it up to date). */
  readonly keyUsers = new Map<string, number>();
  /** Clients, oldest first. */
  readonly clients: AsterilClient[] = [];
  /** Client fields of the cabinet. */
  readonly clientFields: AsterilClientField[];
  /** Calls, oldest first, duplicates left out. */
  readonly calls: AsterilCall[] = [];
  /** Tasks, oldest first, duplicates left out. */
  readonly tasks: AsterilTask[] = [];
  /** How many requests the rate limit answered with 429 (injected failures not counted). */
  throttled = 0;
  readonly #ids = new IdSequence('Asteril');

  /** @param options - the seed users and client fields */
  constructor(options: AsterilStateOptions) {
    this.clientFields = options.clientFields.map((field) => ({ ...field }));
    for (const user of options.users) this.addUser(user);
  }

  /** Adds a user; missing fields get defaults (not an admin). */
  addUser(input: AsterilUserInput = {}): AsterilUser {
    const id = this.#ids.next('user', input.id, (taken) => this.users.some((u) => u.id === taken));
    const user: AsterilUser = {
      id,
      name: input.name ?? `User ${id}`,
      email: input.email ?? `user${id}@cabinet.example`,
      is_admin: input.is_admin ?? false,
    };
    this.users.push(user);
    return user;
  }

  /**
   * Adds a client as if someone created it in the CRM. The phone is stored exactly as given
   * (`+38 (067) 123-45-67` stays so), which is what phone look-ups match against.
   */
  addClient(input: AsterilClientInput): AsterilClient {
    const taken = (id: number) => this.clients.some((client) => client.id === id);
    const client: AsterilClient = {
      id: this.#ids.next('client', input.id, taken),
      name: input.name ?? null,
      phone: input.phone,
      text_fields: { ...input.text_fields },
      responsible_id: input.responsible_id ?? null,
      created_at: input.created_at ?? new Date().toISOString(),
    };
    this.clients.push(client);
    return client;
  }

  /** The user `key` acts as, or undefined for an unknown key. */
  userOfKey(key: string): AsterilUser | undefined {
    const id = this.keyUsers.get(key);
    return this.users.find((user) => user.id === id);
  }

  /**
   * Allocates the next id of `kind` (`call`, `task`).
   * @internal
   */
  nextId(kind: string): number {
    return this.#ids.next(kind);
  }
}
