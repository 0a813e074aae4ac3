import { z } from 'zod';
import type {
  ActionsFor,
  ContactLookup,
  CrmActions,
  CrmConnector,
  FoundContact,
} from '../capabilities/crm.js';
import { ConfigError } from '../errors/config-error.js';
import { CrosslineError } from '../errors/crossline-error.js';
import { type Call, callSchema } from '../model/call.js';
import type { ContactInput } from '../model/contact.js';
import type { TaskInput } from '../model/task.js';
import type { PipelineDefinition, PipelineStep, StepContext } from '../pipeline/types.js';

/** A step's context, typed by the CRM capability: no casts. */
type CrmStepContext = StepContext<ActionsFor<CrmActions>>;

/** Options of {@link callTrackingPipeline}; every switch is one of the integration's settings. */
export interface CallTrackingOptions {
  /** The pipeline id, part of every envelope id. @defaultValue 'calls' */
  id?: string | undefined;
  /**
   * The CRM connector: any connector that implements the CRM capability ({@link CrmActions});
   * the compiler refuses one that lacks an action of it.
   */
  connector: CrmConnector;
  /** Which calls go to the CRM. @defaultValue 'both' */
  directions?: 'incoming' | 'both' | undefined;
  /** Create a contact for a caller the CRM does not know. @defaultValue true */
  createContact?: boolean | undefined;
  /** Create a task for a missed incoming call, bound to the contact. @defaultValue true */
  createTask?: boolean | undefined;
  /** Pass the call's UTM tags to the CRM (the contact's and the call's). @defaultValue true */
  passUtm?: boolean | undefined;
  /** The missed-call task's title. @defaultValue `Missed call from +<number>` */
  taskTitle?: ((call: Call) => string) | undefined;
}

const optionsSchema = z.object({
  id: z.string().min(1).optional(),
  connector: z.custom<CrmConnector>(
    (value) =>
      typeof (value as CrmConnector)?.id === 'string' &&
      typeof (value as CrmConnector)?.perform === 'function',
    'expected the CRM connector (not its id)',
  ),
  directions: z.literal(['incoming', 'both']).optional(),
  createContact: z.boolean().optional(),
  createTask: z.boolean().optional(),
  passUtm: z.boolean().optional(),
  taskTitle: z.function().optional(),
});

/**
 * The call-tracking → CRM pipeline, for any CRM connector that has the actions
 * `contacts.findByPhone` ({@link sdk!phoneLookupSchema} → {@link ContactLookup}),
 * `contacts.upsert` (a Contact → {@link FoundContact}), `tasks.create` (a Task) and
 * `calls.log` (a Call).
 *
 * For each published call, at delivery: skips an outgoing call when only incoming ones are
 * wanted; finds the client by the client's number (the caller of an incoming call, the callee
 * of an outgoing one) and creates them when unknown, with the call's UTM tags and extra
 * parameters — when several clients have the number, none is bound or created (the connector
 * reports a `warning`); creates a "missed call" task for a missed incoming call, bound to the
 * client and given to the call's employee (the connector routes it, e.g. to a senior manager);
 * logs the call with its recording, bound to the client. Calls of one client are delivered in order; the call's start time
 * decides whether it is inside the replay window.
 *
 * A retried delivery runs every step again: the client is found this time, and the connector
 * dedupes the task (by its id, `envelopeId:task`) and the call (by the envelope id).
 *
 * @throws {@link ConfigError} naming the invalid option
 * @example
 * ```ts
 * const calls = hub
 *   .register(crm)
 *   .pipeline(callTrackingPipeline({ connector: crm, directions: 'incoming' }));
 * await calls.publish({
 *   id: 'c-1',
 *   direction: 'incoming',
 *   result: 'missed',
 *   from: '+380671234567',
 *   to: '+380441112233',
 *   startedAt: '2026-01-05T10:00:00+02:00',
 * });
 * ```
 */
export function callTrackingPipeline(
  options: CallTrackingOptions,
): PipelineDefinition<typeof callSchema> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw ConfigError.fromIssues('callTrackingPipeline', parsed.error.issues);
  const settings = {
    directions: options.directions ?? 'both',
    createContact: options.createContact ?? true,
    createTask: options.createTask ?? true,
    passUtm: options.passUtm ?? true,
    taskTitle: options.taskTitle ?? ((call: Call) => `Missed call from +${clientPhone(call)}`),
  };
  return {
    id: options.id ?? 'calls',
    input: callSchema,
    eventId: (call) => call.id,
    key: clientPhone,
    occurredAt: (call) => Date.parse(call.startedAt),
    steps: [
      (value) => {
        const call = value as Call;
        if (settings.directions === 'incoming' && call.direction !== 'incoming') return undefined;
        return settings.passUtm ? call : { ...call, utm: undefined };
      },
      (async (value, context) => {
        const call = value as Call;
        // The call log is what must not be lost: a contact or a task the CRM refuses for good
        // (a bad custom field, nobody to give the task to) is reported, and the call goes on.
        const contact = await optional(context, 'the client could not be found or created', () =>
          findOrCreateContact(call, context, settings.createContact),
        );
        const contactId = contact ? { contactId: contact.id } : {};
        if (settings.createTask && isMissedIncoming(call)) {
          const task: TaskInput = {
            id: `${context.envelope.id}:task`,
            title: settings.taskTitle(call),
            contactPhone: clientPhone(call),
            callId: call.id,
            description: `Call ${call.id} at ${call.startedAt}${contact ? '' : ' (client not bound)'}`,
            ...contactId,
            ...(call.employee ? { assignee: call.employee } : {}),
          };
          await optional(context, 'the missed-call task could not be created', () =>
            context.perform('tasks.create', task),
          );
        }
        return { ...call, ...contactId };
      }) satisfies PipelineStep<ActionsFor<CrmActions>>,
    ],
    to: { connector: options.connector.id, action: 'calls.log' },
  };
}

/** The client's number: the caller of an incoming call, the callee of an outgoing one. */
export function clientPhone(call: Call): string {
  return call.direction === 'incoming' ? call.from : call.to;
}

/**
 * Runs a step that may fail for good without failing the delivery: a failure that is worth
 * retrying (or a broken connector) still fails it, anything else becomes a `warning`.
 */
async function optional<T>(
  context: CrmStepContext,
  what: string,
  run: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    const refused = refusedForGood(error);
    if (!refused) throw error;
    context.warn(`${what}: ${refused.message}`, { code: refused.code });
    return undefined;
  }
}

/** The error when the vendor refused for good (not retryable, not a broken connector). */
function refusedForGood(error: unknown): CrosslineError | undefined {
  if (!CrosslineError.isInstance(error) || error.retryable) return undefined;
  const broken = error.code === 'AUTH_FAILED' || error.code === 'PERMISSION_DENIED';
  return broken ? undefined : error;
}

function isMissedIncoming(call: Call): boolean {
  return call.direction === 'incoming' && call.result !== 'answered';
}

async function findOrCreateContact(
  call: Call,
  context: CrmStepContext,
  create: boolean,
): Promise<FoundContact | undefined> {
  const phone = clientPhone(call);
  const lookup: ContactLookup = await context.perform('contacts.findByPhone', { phone });
  if (lookup.status === 'found') return lookup.contact;
  if (lookup.status === 'ambiguous' || !create) return undefined;
  const contact: ContactInput = {
    phones: [phone],
    customFields: call.extra,
    ...(call.utm ? { utm: call.utm } : {}),
  };
  return context.perform('contacts.upsert', contact);
}
