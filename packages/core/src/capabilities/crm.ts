import { z } from 'zod';
import type { Connector } from '../connector/connector.js';
import type { ActionDefinition } from '../connector/types.js';
import type { CallInput } from '../model/call.js';
import { phoneSchema } from '../model/common.js';
import type { ContactInput } from '../model/contact.js';
import type { TaskInput } from '../model/task.js';

/** The input of a CRM connector's `contacts.findByPhone` action. */
export const phoneLookupSchema = z.object({
  /** The number to look for, canonical; the connector also tries the forms a CRM may store. */
  phone: phoneSchema,
});

/** A contact record a CRM connector found or created. */
export interface FoundContact {
  /** The CRM's id of the contact. */
  readonly id: string;
  /** The contact's phones as the CRM stores them. */
  readonly phones: readonly string[];
}

/**
 * What a CRM connector's `contacts.findByPhone` resolves with: exactly one contact, none, or
 * several — then the connector has reported a `warning`, and nothing is bound or created.
 */
export type ContactLookup =
  | {
      /** Exactly one contact has the number. */
      readonly status: 'found';
      /** That contact. */
      readonly contact: FoundContact;
    }
  | {
      /** Nobody has it. */
      readonly status: 'none';
    }
  | {
      /** Several contacts have it: bind to none (never guess). */
      readonly status: 'ambiguous';
      /** Their ids at the CRM. */
      readonly ids: readonly string[];
    };

/** {@link FoundContact} as a schema: the `output` of a CRM connector's `contacts.upsert`. */
export const foundContactSchema: z.ZodType<FoundContact> = z.object({
  id: z.string(),
  phones: z.array(z.string()).readonly(),
});

/** {@link ContactLookup} as a schema: the `output` of a CRM connector's `contacts.findByPhone`. */
export const contactLookupSchema: z.ZodType<ContactLookup> = z.discriminatedUnion('status', [
  z.object({ status: z.literal('found'), contact: foundContactSchema }),
  z.object({ status: z.literal('none') }),
  z.object({ status: z.literal('ambiguous'), ids: z.array(z.string()).readonly() }),
]);

/**
 * The CRM capability: the actions every CRM connector (retailCRM, Asteril …) implements, by
 * name, with what each takes and resolves with. Pipelines such as `callTrackingPipeline` accept
 * a {@link CrmConnector} — any connector whose actions satisfy this contract — and never name a
 * vendor.
 */
export interface CrmActions {
  /**
   * Finds the contact with a number, in every form the CRM may have stored it; several matches
   * bind none and warn. Built on core's `createPhoneLookup`.
   */
  'contacts.findByPhone': CapabilityAction<z.input<typeof phoneLookupSchema>, ContactLookup>;
  /** Creates the contact, or fills the empty fields of the one with the number. */
  'contacts.upsert': CapabilityAction<ContactInput, FoundContact>;
  /** Logs a call (with its recording), bound to its contact; deduped by the envelope id. */
  'calls.log': CapabilityAction<CallInput, unknown>;
  /** Creates a task (a missed call's call-back), bound to its contact; created once. */
  'tasks.create': CapabilityAction<TaskInput, unknown>;
}

/** One action of a capability contract: what it takes and what it resolves with. */
export interface CapabilityAction<Input, Output> {
  /** What the action takes (before its schema parses it). */
  readonly input: Input;
  /** What the action resolves with. */
  readonly output: Output;
}

/** The action definitions a connector needs to implement a capability contract. */
export type ActionsFor<
  Contract extends { [Name in keyof Contract]: CapabilityAction<unknown, unknown> },
> = {
  [Name in keyof Contract]: ImplementedAction<Contract[Name]>;
};

/** An action definition that implements one action of a capability contract. */
export type ImplementedAction<Entry extends CapabilityAction<unknown, unknown>> =
  // biome-ignore lint/suspicious/noExplicitAny: any config and client; the contract fixes the output (inputs are checked by `accepts`).
  ActionDefinition<any, any, any, Entry['output']> & InputFor<Entry['input']>;

/** An action whose input schema accepts `Input`. */
export interface InputFor<Input> {
  /** The action's input schema. */
  readonly input: z.ZodType<unknown, Input>;
}

/**
 * A connector that implements a capability contract: it has each of the contract's actions,
 * taking what the contract's input allows and resolving with what its output says (and may have
 * any other actions).
 */
export type ConnectorWith<
  Contract extends { [Name in keyof Contract]: CapabilityAction<unknown, unknown> },
> = Connector & ImplementsActions<ResolvesFor<Contract>, ContractInputs<Contract>>;

/**
 * Each contract action, by what it must resolve with (the compiler checks outputs through this,
 * inputs through `accepts`).
 */
export type ResolvesFor<
  Contract extends { [Name in keyof Contract]: CapabilityAction<unknown, unknown> },
> = {
  // biome-ignore lint/suspicious/noExplicitAny: any config, client and input; the contract fixes the output.
  [Name in keyof Contract]: ActionDefinition<any, any, any, Contract[Name]['output']>;
};

/** Each contract action's input, as a function parameter, by name. */
export type ContractInputs<
  Contract extends { [Name in keyof Contract]: CapabilityAction<unknown, unknown> },
> = {
  [Name in keyof Contract]: (input: Contract[Name]['input']) => void;
};

/** A connector whose action types include `Actions`, and whose actions accept `Inputs`. */
export interface ImplementsActions<Actions, Inputs = unknown> {
  /** Types only (see `Connector.types`). */
  readonly types: ActionTypes<Actions, Inputs>;
}

/** The action part of `Connector.types`. */
export interface ActionTypes<Actions, Inputs = unknown> {
  /** The action definitions, by name. */
  readonly actions: Actions;
  /** What the actions must accept: every input the contract may send them. */
  readonly accepts: Inputs;
}

/** A connector that implements the CRM capability ({@link CrmActions}). */
export type CrmConnector = ConnectorWith<CrmActions>;
