import { z } from 'zod';
import { customFieldsSchema } from '../model/common.js';
import type { ContactInput } from '../model/contact.js';
import type { CapabilityAction, ConnectorWith, CrmActions, FoundContact } from './crm.js';

/** A CRM contact by the CRM's own id, or by the external id the host gave it at creation. */
export type CrmContactRef =
  | {
      /** The CRM's id of the contact. */
      readonly id: string;
    }
  | {
      /** The host's id of the contact (`Contact.id` at creation: retailCRM's `externalId`). */
      readonly externalId: string;
    };

/** {@link CrmContactRef} as a schema: the `input` of a CRM connector's `contacts.get`. */
export const crmContactRefSchema: z.ZodType<CrmContactRef, CrmContactRef> = z.union([
  z.object({ id: z.string().min(1) }),
  z.object({ externalId: z.string().min(1) }),
]);

/** A contact as a CRM connector reads it back: its ids, phones and mapped custom fields. */
export interface CrmContactRecord extends FoundContact {
  /** The host's id of the contact, when it was given one. */
  readonly externalId?: string | undefined;
  /**
   * The contact's custom fields by their canonical names — those the connector's field map
   * maps (for retailCRM, its `customFields` option read backwards).
   */
  readonly customFields: Readonly<Record<string, string | number | boolean | null>>;
}

/** {@link CrmContactRecord} as a schema: the `output` of a CRM connector's `contacts.get`. */
export const crmContactRecordSchema: z.ZodType<CrmContactRecord> = z.object({
  id: z.string(),
  phones: z.array(z.string()).readonly(),
  externalId: z.string().optional(),
  customFields: customFieldsSchema.readonly(),
});

/** Fields to overwrite on a CRM contact. */
export interface CrmContactPatch {
  /** The CRM's id of the contact. */
  readonly id: string;
  /** Custom fields by canonical name, overwritten (not only filled when empty). */
  readonly customFields: Readonly<Record<string, string | number | boolean | null>>;
}

/** {@link CrmContactPatch} as a schema: the `input` of a CRM connector's `contacts.update`. */
export const crmContactPatchSchema: z.ZodType<CrmContactPatch, CrmContactPatch> = z.object({
  id: z.string().min(1),
  customFields: customFieldsSchema,
});

/**
 * What a client sync (`loyaltySyncPipeline`) needs of a CRM beyond {@link CrmActions}, whose
 * `contacts.upsert` matches by phone and only fills empty fields: read a contact with its
 * custom fields, create one without matching its phone (several clients may share a number),
 * and overwrite custom fields (a bonus balance, a list of card ids).
 */
export interface CrmSyncActions {
  /** The contact by its CRM id or its external id, or `null` when there is none. */
  'contacts.get': CapabilityAction<CrmContactRef, CrmContactRecord | null>;
  /**
   * Creates a contact — never matched by phone; `Contact.id` becomes its external id, which
   * the CRM keeps unique (look it up with `contacts.get` first: a create is not safe to repeat).
   */
  'contacts.create': CapabilityAction<ContactInput, FoundContact>;
  /** Overwrites the custom fields given; the others are left as they are. */
  'contacts.update': CapabilityAction<CrmContactPatch, FoundContact>;
}

/**
 * A CRM connector that a client sync accepts: the CRM capability ({@link CrmActions}) and
 * {@link CrmSyncActions}. retailCRM is one; a CRM connector without these actions is refused
 * by the compiler.
 */
export type CrmSyncConnector = ConnectorWith<CrmActions & CrmSyncActions>;

/**
 * The name of a CRM connector's source of new clients (yielding {@link CrmContactRecord}s):
 * what the CRM → loyalty direction of `loyaltySyncPipeline` reads.
 */
export const crmContactsSource = 'contacts';
