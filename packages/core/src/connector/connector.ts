import { EventEmitter } from 'eventemitter3';
import type { z } from 'zod';
import { AuthError } from '../errors/auth-error.js';
import { ConfigError } from '../errors/config-error.js';
import { CrosslineError } from '../errors/crossline-error.js';
import { PermissionError } from '../errors/permission-error.js';
import { type Logger, resolveLogger } from '../log.js';
import { parseCanonical } from '../model/parse.js';
import { type AnyDefinition, buildContext, ownError } from './connector-context.js';
import { ConnectorMemory } from './connector-memory.js';
import { checkActivateOptions, checkSettings } from './settings.js';
import type {
  ActionInput,
  ActionMap,
  ActionOutput,
  ConnectorContext,
  ConnectorStatus,
  ConnectorWarning,
  SourceItem,
  SourceMap,
  VerifyReport,
} from './types.js';

/** A status change, as the `status` event reports it. */
export interface StatusChange {
  /** The connector whose status changed. */
  readonly connectorId: string;
  /** The new status. */
  readonly status: ConnectorStatus;
  /** The status before. */
  readonly previous: ConnectorStatus;
  /** On activation: whether envelopes buffered while it was not active are to be replayed. */
  readonly replay?: boolean;
  /**
   * On activation: the first of this connector instance in the process — a host (re)start, not
   * a re-activation of an integration that was broken or deactivated.
   */
  readonly restart?: boolean;
  /** On `broken`: the error that broke it. */
  readonly reason?: CrosslineError;
}

/** Events a connector emits. */
export interface ConnectorEvents {
  /** The status changed. */
  status: (change: StatusChange) => void;
  /** The vendor throttled the connector's account; its rate-limit bucket is paused. */
  'rate-limited': (event: { connectorId: string; route: string; pauseMs: number }) => void;
  /** An action reported something the host should look at (not a failure). */
  warning: (warning: ConnectorWarning) => void;
}

/** Options of {@link index!Connector.activate}. */
export interface ActivateOptions {
  /**
   * Deliver what was buffered while the connector was inactive or broken, within the Hub's
   * retention window (older envelopes are dropped, each with a `dropped` event); `false`
   * drops everything buffered, each with a `dropped` event.
   * @defaultValue the connector's `replayOnReactivate` option (true unless set)
   */
  replay?: boolean | undefined;
}

/** What the SDK accepts besides the vendor's own options. */
export interface ConnectorSettings {
  /** The instance's id; unique within a Hub. @defaultValue the vendor name */
  id?: string | undefined;
  /** A pino-compatible logger. Silent when omitted. */
  logger?: Logger | undefined;
  /**
   * "Send data after re-activation": the `replay` of an {@link index!Connector.activate} call that
   * does not say, after the connector was broken or deactivated. (The first activation in a
   * process always delivers what is pending: a restart is not a re-activation.) Set it with
   * the other options or with {@link index!Connector.configure}, before activating.
   * @defaultValue true
   */
  replayOnReactivate?: boolean | undefined;
}

/** What an action call needs from the Hub. */
export interface PerformContext {
  /** The envelope's id, passed to the vendor as its external id. */
  readonly envelopeId: string;
  /** When the event happened (epoch ms). */
  readonly occurredAt: number;
  /** Aborted when the Hub stops. */
  readonly signal?: AbortSignal | undefined;
}

/** What {@link index!Connector.types} carries, for the compiler only. */
export interface ConnectorTypes<
  Schema extends z.ZodType,
  Actions extends ActionMap,
  Sources extends SourceMap,
> {
  /** The action definitions, by name. */
  readonly actions: Actions;
  /** The source definitions, by name. */
  readonly sources: Sources;
  /** The options the factory takes. */
  readonly options: z.input<Schema>;
  /**
   * What each action accepts, as a parameter: a capability that sends an action some input
   * type-checks only if the action's schema accepts all of it (contravariant, unlike `actions`).
   */
  readonly accepts: ActionInputs<Actions>;
}

/** Each action's input (what its schema accepts) as a function parameter, by action name. */
export type ActionInputs<Actions extends ActionMap> = {
  [Name in keyof Actions]: (input: ActionInput<Actions[Name]>) => void;
};

/**
 * The options `configure()` takes: any of the connector's own options (typed from its schema;
 * an unknown key is refused at run time too) and `replayOnReactivate`.
 */
export type ConfigurePatch<Schema extends z.ZodType> = (unknown extends z.input<Schema>
  ? Record<string, unknown>
  : Partial<z.input<Schema>>) &
  Pick<ConnectorSettings, 'replayOnReactivate'>;

/**
 * A connector instance, created by the factory {@link sdk!defineConnector} returns. Its types come
 * from the definition: `perform` knows every action's name, input and output, `configure` every
 * option.
 *
 * @example
 * ```ts
 * const crm = retailcrm({ url, apiKey, site, adminEmail });
 * await crm.activate();
 * const found = await crm.perform('contacts.findByPhone', { phone: '+380671234567' }, { envelopeId: 'x', occurredAt: Date.now() });
 * crm.configure({ apiKey: rotatedKey });   // a typo such as `apiKy` does not compile
 * ```
 */
export class Connector<
  // `Connector` alone (the Hub's view) is any connector: the defaults are `any`.
  // biome-ignore lint/suspicious/noExplicitAny: any options schema.
  Schema extends z.ZodType = any,
  // biome-ignore lint/suspicious/noExplicitAny: any client.
  Client = any,
  // biome-ignore lint/suspicious/noExplicitAny: any actions.
  Actions extends ActionMap = any,
  // biome-ignore lint/suspicious/noExplicitAny: any sources.
  Sources extends SourceMap = any,
> extends EventEmitter<ConnectorEvents> {
  /** The instance's id. */
  readonly id: string;
  /** The vendor's name. */
  readonly vendor: string;
  /**
   * Types only — `undefined` at run time: the connector's actions and options as the compiler
   * sees them, so a capability (`CrmConnector`) can require actions by name, input and output.
   */
  declare readonly types: ConnectorTypes<Schema, Actions, Sources>;
  readonly #definition: AnyDefinition<Schema, Client>;
  readonly #logger: Logger;
  #status: ConnectorStatus = 'inactive';
  #input: Record<string, unknown>;
  #replayDefault: boolean;
  /** Whether this instance was ever activated: the first activation of a process replays. */
  #activatedBefore = false;
  #context: ConnectorContext<z.output<Schema>, Client>;
  /**
   * The credentials generation: moves on every configure(), activate() and deactivate(). A
   * rejection is charged to the generation its request was sent with; a stale one's 401 (a
   * request sent with the key just replaced) does not break the current one.
   */
  #generation = 0;
  readonly #memory = new ConnectorMemory();
  /** activate() and deactivate() calls, one after another in call order. */
  #lifecycle: Promise<unknown> = Promise.resolve();

  /** @internal Use the factory returned by {@link sdk!defineConnector}. */
  constructor(
    definition: AnyDefinition<Schema, Client>,
    options: Record<string, unknown> & ConnectorSettings,
  ) {
    super();
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new ConfigError(
        `Invalid options for ${definition.vendor} connector: expected an object of options, received ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`,
        { issues: [{ path: '', message: 'expected an object' }] },
      );
    }
    const { id, logger, replayOnReactivate, ...input } = options;
    checkSettings(definition.vendor, { id, logger, replayOnReactivate });
    this.#replayDefault = replayOnReactivate ?? true;
    this.#definition = definition;
    this.vendor = definition.vendor;
    this.id = id ?? definition.vendor;
    this.#logger = resolveLogger(logger, { connector: this.id, vendor: this.vendor });
    this.#input = input;
    this.#context = this.#build(input);
  }

  /** Where the connector stands. */
  get status(): ConnectorStatus {
    return this.#status;
  }

  /** The validated options. */
  get config(): z.output<Schema> {
    return this.#context.config;
  }

  /**
   * The IANA time zone of the vendor account when the connector knows it (its `timeZone`
   * option, say): the Hub counts the replay window's calendar days in it.
   */
  get timeZone(): string | undefined {
    return this.#definition.timeZone?.(this.#context.config);
  }

  /** The names of its actions. */
  get actionNames(): readonly (keyof Actions & string)[] {
    return Object.keys(this.#definition.actions);
  }

  /** The names of its sources. */
  get sourceNames(): readonly (keyof Sources & string)[] {
    return Object.keys(this.#definition.sources ?? {});
  }

  /**
   * Changes options (a rotated API key, say), validated at once; the vendor client is rebuilt.
   * @throws {@link ConfigError} naming each invalid option; the old options stay
   */
  configure(patch: ConfigurePatch<Schema>): void {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw new ConfigError(`configure() of connector ${this.id} expects an object of options`, {
        connectorId: this.id,
      });
    }
    const { replayOnReactivate, ...options } = patch as Record<string, unknown> &
      Pick<ConnectorSettings, 'replayOnReactivate'>;
    checkSettings(this.vendor, { replayOnReactivate });
    for (const fixed of ['id', 'logger'] as const) {
      if (fixed in options) {
        throw new ConfigError(`configure() cannot change \`${fixed}\` of connector ${this.id}`, {
          connectorId: this.id,
          issues: [{ path: fixed, message: 'set at construction only' }],
        });
      }
    }
    const input = { ...this.#input, ...options };
    this.#context = this.#build(input);
    this.#input = input;
    this.#generation += 1;
    if (replayOnReactivate !== undefined) this.#replayDefault = replayOnReactivate;
  }

  /** "Check connection". Never throws for a failed check: the report says what failed. */
  async verify(): Promise<VerifyReport> {
    try {
      const checks = await this.#definition.verify(this.#context);
      const ok =
        checks.reachable &&
        checks.credentialsValid &&
        checks.missingPermissions.length === 0 &&
        checks.problems.length === 0;
      return { ok, ...checks };
    } catch (error) {
      const auth = AuthError.isInstance(error);
      const message = CrosslineError.isInstance(error) ? error.message : 'verify failed';
      return {
        ok: false,
        reachable:
          auth ||
          (CrosslineError.isInstance(error) &&
            error.code !== 'TRANSPORT_ERROR' &&
            error.code !== 'TIMEOUT'),
        credentialsValid: false,
        missingPermissions: [],
        problems: [message],
      };
    }
  }

  /**
   * Starts delivering (runs the definition's `onActivate` first). Calls to `activate()` and
   * `deactivate()` run one after another, in call order, even when not awaited.
   * @throws the `onActivate` hook's error (a crossline error naming this connector); the status
   *   is unchanged
   */
  activate(options: ActivateOptions = {}): Promise<void> {
    try {
      checkActivateOptions(this.id, options);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#serialise(async () => {
      await this.#hook(this.#definition.onActivate);
      // The first activation in a process delivers what is pending (a restart is not a
      // re-activation); after a breakage or deactivate() the connector's setting decides.
      const restart = !this.#activatedBefore;
      const replay = options?.replay ?? (restart ? true : this.#replayDefault);
      this.#activatedBefore = true;
      this.#generation += 1;
      this.#setStatus('active', { replay, restart });
    });
  }

  /** Stops delivering; what is published meanwhile is buffered. Serialised with activate(). */
  deactivate(): Promise<void> {
    return this.#serialise(async () => {
      await this.#hook(this.#definition.onDeactivate);
      this.#generation += 1;
      this.#setStatus('inactive', {});
    });
  }

  #serialise(work: () => Promise<void>): Promise<void> {
    const run = this.#lifecycle.then(work, work);
    this.#lifecycle = run.catch(() => {});
    return run;
  }

  async #hook(
    hook: ((context: ConnectorContext<z.output<Schema>, Client>) => Promise<void>) | undefined,
  ): Promise<void> {
    try {
      await hook?.(this.#context);
    } catch (error) {
      throw ownError(error, this.id);
    }
  }

  /**
   * Marks the connector broken: credentials were rejected or lack a right. It stops calling the
   * vendor; envelopes wait for {@link index!Connector.activate}.
   */
  markBroken(reason: CrosslineError): void {
    if (this.#status === 'broken') return;
    this.#logger.warn({ code: reason.code, message: reason.message }, 'connector broken');
    this.#setStatus('broken', { reason });
  }

  /**
   * Runs an action: validates the input with the action's schema, calls the vendor, and marks
   * the connector broken on an {@link AuthError} or a {@link PermissionError} (the key was
   * rejected, or lost a right it needs): what follows is buffered until it is re-activated.
   * @throws {@link AuthError} at once, without calling the vendor, while the connector is broken
   */
  async perform<Name extends keyof Actions & string>(
    action: Name,
    input: ActionInput<Actions[Name]>,
    context: PerformContext,
  ): Promise<ActionOutput<Actions[Name]>> {
    const definition = this.#definition.actions[action];
    if (!definition)
      throw new ConfigError(`Connector ${this.id} has no action ${JSON.stringify(action)}`);
    if (this.#status === 'broken') {
      throw new AuthError(
        `Connector ${this.id} is broken (credentials rejected); activate it again`,
        {
          connectorId: this.id,
        },
      );
    }
    const parsed = parseCanonical(definition.input, input, `${action} input`);
    const generation = this.#generation;
    try {
      const warn = (message: string, details: Readonly<Record<string, unknown>> = {}) =>
        this.warn({ envelopeId: context.envelopeId, action, message, details });
      return (await definition.run(parsed, {
        ...this.#context,
        ...context,
        signal: context.signal,
        warn,
      })) as ActionOutput<Actions[Name]>;
    } catch (error) {
      const rejected = AuthError.isInstance(error) || PermissionError.isInstance(error);
      if (rejected && generation === this.#generation) this.markBroken(error);
      throw ownError(error, this.id);
    }
  }

  /**
   * Reports something the host should look at that is not a failure (an ambiguous match, a
   * step that could not run): logged as a warning and emitted as a `warning` event. Actions
   * call it through their context's `warn`.
   */
  warn(warning: Omit<ConnectorWarning, 'connectorId'>): void {
    this.#logger.warn(
      { envelopeId: warning.envelopeId, action: warning.action, ...warning.details },
      warning.message,
    );
    try {
      this.emit('warning', { connectorId: this.id, ...warning });
    } catch (error) {
      this.#logger.error({ error: String(error) }, 'a warning listener threw');
    }
  }

  /** Reads a source from a cursor. */
  read(source: string, cursor: string | undefined): AsyncIterable<SourceItem<unknown>> {
    const definition = this.#definition.sources?.[source];
    if (!definition)
      throw new ConfigError(`Connector ${this.id} has no source ${JSON.stringify(source)}`);
    return definition.read(cursor, this.#context);
  }

  #build(input: Record<string, unknown>): ConnectorContext<z.output<Schema>, Client> {
    return buildContext(this.#definition, input, {
      connectorId: this.id,
      memory: this.#memory,
      logger: this.#logger,
      onThrottled: ({ route, pauseMs }) =>
        this.emit('rate-limited', { connectorId: this.id, route, pauseMs }),
    });
  }

  #setStatus(
    status: ConnectorStatus,
    details: Pick<StatusChange, 'replay' | 'reason' | 'restart'>,
  ): void {
    const previous = this.#status;
    this.#status = status;
    this.#logger.info({ status, previous }, 'connector status');
    this.emit('status', { connectorId: this.id, status, previous, ...details });
  }
}
