import type { z } from 'zod';
import type { HttpClient } from '../http/types.js';
import type { VendorHttpClientOptions } from '../http/vendor-http-client.js';
import type { Logger } from '../log.js';
import type { ConnectorMemory } from './connector-memory.js';

/**
 * What a connector declares about its vendor's HTTP API — base URL, auth, the account and key
 * the vendor counts requests by, limits, how to read its answers. The SDK builds the client
 * from it and supplies the rest: the vendor name, the connector id, the logger, throttle
 * events, and one shared rate-limit budget per account and key in the process.
 */
export type HttpDeclaration = Omit<
  VendorHttpClientOptions,
  'vendor' | 'connectorId' | 'logger' | 'onThrottled' | 'rateLimiter'
>;

/** What `createClient` is given besides the options. */
export interface ClientContext {
  /**
   * The HTTP client the SDK built from the definition's `http` declaration — wrap it in the
   * connector's typed vendor API. Reading it when the definition declares no `http` throws.
   */
  readonly http: HttpClient;
  /** The connector instance's id. */
  readonly connectorId: string;
  /** The connector's logger. */
  readonly logger: Logger;
  /** Report a throttled account (for a client the connector builds itself). */
  readonly onThrottled: (state: { route: string; pauseMs: number }) => void;
}

/** Where a connector stands: not started, delivering, or stopped by rejected credentials. */
export type ConnectorStatus = 'inactive' | 'active' | 'broken';

/** What every hook and action of a connector is given. */
export interface ConnectorContext<Config, Client> {
  /** The connector instance's id. */
  readonly connectorId: string;
  /** The validated options. */
  readonly config: Config;
  /** What the definition's `createClient` built from the options (e.g. the vendor API client). */
  readonly client: Client;
  /** The host's logger, bound to this connector; silent by default. */
  readonly logger: Logger;
  /**
   * The instance's own bounded, expiring memory (a repeat caller's record, the account's admin
   * id) — never a module global; emptied by `configure()`.
   */
  readonly memory: ConnectorMemory;
}

/** What an action is given on top of the connector context. */
export interface ActionContext<Config, Client> extends ConnectorContext<Config, Client> {
  /**
   * The outbox envelope's id (`pipelineId:eventId`): pass it as the vendor's external id, or
   * look it up before creating, so a redelivery after a crash never duplicates.
   */
  readonly envelopeId: string;
  /** When the event happened (epoch ms). */
  readonly occurredAt: number;
  /** Aborted when the Hub stops. */
  readonly signal: AbortSignal | undefined;
  /**
   * Reports something the host should look at that is not a failure — e.g. several vendor
   * records with the caller's number, so the call was bound to none. Emitted as a `warning`
   * event by the connector and the Hub, and logged; never include a secret in `details`.
   */
  warn(message: string, details?: Readonly<Record<string, unknown>>): void;
}

/** A `warning` a connector reported while performing an action. */
export interface ConnectorWarning {
  /** The connector instance. */
  readonly connectorId: string;
  /** The envelope being delivered. */
  readonly envelopeId: string;
  /** The action. */
  readonly action: string;
  /** What the host should look at. */
  readonly message: string;
  /** Ids and values that explain it. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** A canonical operation the connector performs at the vendor (`calls.log`, `contacts.upsert`). */
export interface ActionDefinition<Config, Client, Input, Output> {
  /** The input's schema; input is validated with it before the action runs. */
  readonly input: z.ZodType<Input>;
  /**
   * The output's schema: documents (and types, for the host's `perform`) what the action
   * resolves with. Not re-validated at run time — the action's own code builds it.
   */
  readonly output?: z.ZodType<Output> | undefined;
  /** The vendor permissions (methods, scopes) the action needs: `verify()` may check them. */
  readonly permissions?: readonly string[] | undefined;
  /** Performs the operation; throws crossline errors (an AuthError makes the connector broken). */
  run(input: Input, context: ActionContext<Config, Client>): Promise<Output>;
}

/** One event read from a vendor source, with the cursor that comes after it. */
export interface SourceItem<Event> {
  /** The event's id at the vendor: with the pipeline id it makes the envelope id. */
  readonly id: string;
  /** When it happened (epoch ms). */
  readonly occurredAt: number;
  /** The event itself. */
  readonly event: Event;
  /** The cursor to resume after this event. */
  readonly cursor: string;
}

/** Vendor events as an async iterable, resumed from a persisted cursor. */
export interface SourceDefinition<Config, Client, Event> {
  /** Reads events after `cursor` (`undefined`: from where the source starts). */
  read(
    cursor: string | undefined,
    context: ConnectorContext<Config, Client>,
  ): AsyncIterable<SourceItem<Event>>;
}

/** What `verify()` found: reachable, credentials valid, and what the credentials lack. */
export interface VerifyReport {
  /** True when every check passed. */
  readonly ok: boolean;
  /** The vendor answered. */
  readonly reachable: boolean;
  /** The vendor accepted the credentials. */
  readonly credentialsValid: boolean;
  /** Permissions the connector needs that the credentials lack, by the vendor's names. */
  readonly missingPermissions: readonly string[];
  /** Other problems, in words (a missing custom field, an unknown site code). */
  readonly problems: readonly string[];
  /**
   * What could not be checked, in words (e.g. a custom field's type the vendor's API does not
   * tell): not failures — `ok` does not depend on them — but worth a look.
   */
  readonly notes?: readonly string[] | undefined;
}

/** What a definition's `verify` returns; the SDK fills `ok` and catches what it throws. */
export type VerifyChecks = Omit<VerifyReport, 'ok'>;

/** Any action definition, for maps of actions. */
// biome-ignore lint/suspicious/noExplicitAny: action maps hold actions of any input and output.
export type AnyAction<Config, Client> = ActionDefinition<Config, Client, any, any>;
/** Any source definition, for maps of sources. */
// biome-ignore lint/suspicious/noExplicitAny: source maps hold sources of any event type.
export type AnySource<Config, Client> = SourceDefinition<Config, Client, any>;

/** An action map of any actions, the default of a connector whose actions are not known. */
// biome-ignore lint/suspicious/noExplicitAny: a map of actions of any config, client, input and output.
export type ActionMap = Record<string, AnyAction<any, any>>;
/** A source map of any sources. */
// biome-ignore lint/suspicious/noExplicitAny: a map of sources of any config, client and event.
export type SourceMap = Record<string, AnySource<any, any>>;

/** What `perform` takes for an action: the input its schema accepts (before parsing). */
export type ActionInput<A> = A extends {
  /** The action's input schema. */
  readonly input: infer S extends z.ZodType;
}
  ? z.input<S>
  : never;
/** What an action resolves with: its output schema's type, or what `run` resolves with. */
export type ActionOutput<A> = A extends {
  /** The action's output schema. */
  readonly output: infer S extends z.ZodType;
}
  ? z.output<S>
  : A extends {
        /** The action's implementation. */
        run(...args: never[]): Promise<infer O>;
      }
    ? O
    : never;

/** A connector definition, as given to {@link defineConnector}. */
export interface ConnectorDefinition<
  Schema extends z.ZodType,
  Client,
  Actions extends Record<string, AnyAction<z.output<Schema>, Client>>,
  Sources extends Record<string, AnySource<z.output<Schema>, Client>>,
> {
  /** The vendor's name, e.g. `retailcrm`. */
  readonly vendor: string;
  /**
   * The options' schema: a bad option throws a ConfigError naming the field; an unknown key
   * (a typo) is refused too.
   */
  readonly configSchema: Schema;
  /**
   * The vendor's HTTP API, from the options: the SDK builds the client (`http` in
   * `createClient`'s context) with the vendor name, the connector's id, logger, throttle events
   * and the shared rate-limit budget of the account and key.
   */
  readonly http?: ((config: z.output<Schema>) => HttpDeclaration) | undefined;
  /**
   * Builds the vendor client from the options and the SDK's HTTP client (again after
   * `configure`): typically the connector's typed vendor API around `context.http`.
   */
  createClient(config: z.output<Schema>, context: ClientContext): Client;
  /** "Check connection": must not throw for a failed check; the SDK turns a throw into a report. */
  verify(context: ConnectorContext<z.output<Schema>, Client>): Promise<VerifyChecks>;
  /**
   * The vendor account's IANA time zone, when the options say it: the Hub counts the replay
   * window's calendar days in it (otherwise in the Hub's `timeZone`).
   */
  timeZone?(config: z.output<Schema>): string | undefined;
  /** Runs on `activate()` (register an integration module, …). */
  onActivate?(context: ConnectorContext<z.output<Schema>, Client>): Promise<void>;
  /** Runs on `deactivate()`. */
  onDeactivate?(context: ConnectorContext<z.output<Schema>, Client>): Promise<void>;
  /** Canonical operations. */
  readonly actions: Actions;
  /** Vendor event sources. */
  readonly sources?: Sources;
}
