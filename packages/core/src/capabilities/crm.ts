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
  'contacts.findByPhone': {
    input: z.input<typeof phoneLookupSchema>;
    output: ContactLookup;
  };
  /** Creates the contact, or fills the empty fields of the one with the number. */
  'contacts.upsert': { input: ContactInput; output: FoundContact };
  /** Logs a call (with its recording), bound to its contact; deduped by the envelope id. */
  'calls.log': { input: CallInput; output: unknown };
  /** Creates a task (a missed call's call-back), bound to its contact; created once. */
  'tasks.create': { input: TaskInput; output: unknown };
}

/** The action definitions a connector needs to implement a capability contract. */
export type ActionsFor<Contract> = {
  // biome-ignore lint/suspicious/noExplicitAny: any config and client; the contract fixes input and output.
  [Name in keyof Contract]: ActionDefinition<any, any, any, ContractOutput<Contract[Name]>> & {
    readonly input: z.ZodType<unknown, ContractInput<Contract[Name]>>;
  };
};

type ContractInput<Entry> = Entry extends { input: infer I } ? I : never;
type ContractOutput<Entry> = Entry extends { output: infer O } ? O : never;

/**
 * A connector that implements a capability contract: it has each of the contract's actions,
 * taking what the contract's input allows and resolving with what its output says (and may have
 * any other actions).
 */
// biome-ignore lint/suspicious/noExplicitAny: any options, client, actions and sources besides the contract.
export type ConnectorWith<Contract> = Connector<any, any, any, any> & {
  readonly types: { readonly actions: ActionsFor<Contract> };
};

/** A connector that implements the CRM capability ({@link CrmActions}). */
export type CrmConnector = ConnectorWith<CrmActions>;
