import type { RetailcrmSource } from './wire.js';

// What the connector sends to retailCRM (the answers are read with the schemas of wire.ts,
// wire-crm.ts and wire-telephony.ts). Built by mapping.ts; never parsed, so plain types.

/** A phone as sent: `{ number }`. */
interface PhoneEntry {
  /** The number, e.g. `+380671234567`. */
  readonly number: string;
}

/** A reference to a CRM record by id. */
interface IdRef {
  /** The CRM's id. */
  readonly id: number;
}

/** An extension code of a CRM user in the telephony module. */
interface AdditionalCode {
  /** The CRM user. */
  readonly userId: number;
  /** The extension. */
  readonly code: string;
}

/** A tracking number shown for a shop. */
interface ExternalPhone {
  /** The shop code. */
  readonly siteCode: string;
  /** The number, as the CRM should show it. */
  readonly externalPhone: string;
}

/** An order line as sent. */
interface OrderItemInput {
  /** The product's name. */
  readonly productName: string;
  /** Unit price. */
  readonly initialPrice: number;
  /** Quantity. */
  readonly quantity: number;
  /** The product's SKU, as an offer's external id. */
  readonly offer?: {
    /** The SKU. */
    readonly externalId: string;
  };
}

/** A customer as sent to `customers/create` and `customers/{x}/edit`. */
export interface RetailcrmCustomerInput {
  /** The host's id. */
  externalId?: string;
  /** Given name. */
  firstName?: string;
  /** Family name. */
  lastName?: string;
  /** Middle name. */
  patronymic?: string;
  /** E-mail. */
  email?: string;
  /** Date of birth, `Y-m-d`. */
  birthday?: string;
  /** Phones. On edit the list REPLACES the stored one: send the stored numbers too. */
  phones?: readonly PhoneEntry[];
  /** UTM data. */
  source?: RetailcrmSource;
  /** Custom fields by code. */
  customFields?: Readonly<Record<string, unknown>>;
  /** The responsible manager. */
  managerId?: number;
}

/** A task as sent to `tasks/create`. */
export interface RetailcrmTaskInput {
  /** The title. */
  text: string;
  /** Details. */
  commentary?: string;
  /** Due, `Y-m-d H:i` in the account's time zone. */
  datetime?: string;
  /** The user it is for. */
  performerId: number;
  /** The customer it is bound to. */
  customer?: IdRef;
  /** The customer's number. */
  phone?: string;
}

/** An order as sent to `orders/create`. */
export interface RetailcrmOrderInput {
  /** The host's id. */
  externalId?: string;
  /** The order number. */
  number?: string;
  /** The customer's phone. */
  phone?: string;
  /** The customer. */
  customer?: IdRef;
  /** An order method code of the account, e.g. `phone`. */
  orderMethod?: string;
  /** Made from a call. */
  call?: boolean;
  /** UTM data. */
  source?: RetailcrmSource;
  /** Lines. */
  items?: readonly OrderItemInput[];
}

/** One call of `telephony/calls/upload`. */
export interface RetailcrmCallUpload {
  /** Start, `Y-m-d H:i:s` in the account's time zone. */
  date: string;
  /** `in` or `out`. */
  type: 'in' | 'out';
  /** The client's number. */
  phone: string;
  /** The extension that handled it. */
  code?: string;
  /** The user who handled it (instead of `code`). */
  userId?: number;
  /** How it ended (note the spelling `no answer`). */
  result: 'answered' | 'busy' | 'failed' | 'no answer' | 'not allowed' | 'unknown';
  /** Talk time, seconds. */
  duration?: number;
  /** Ring time, seconds. */
  durationWaiting?: number;
  /** The call's id; a second upload with it is reported as a duplicate. */
  externalId: string;
  /** Where the CRM can fetch the recording. */
  recordUrl?: string;
  /** UTM data. */
  source?: RetailcrmSource;
  /** The tracking or line number. */
  externalPhone?: string;
  /** The shop code. */
  site?: string;
}

/** A real-time call event of `telephony/call/event`. */
export interface RetailcrmCallEvent {
  /** The client's number. */
  phone: string;
  /** `in`, `out` or `hangup`. */
  type: 'in' | 'out' | 'hangup';
  /** Extensions to notify. */
  codes?: readonly string[];
  /** Users to notify. */
  userIds?: readonly number[];
  /** With `hangup` only (note the spelling `no answered`). */
  hangupStatus?: 'answered' | 'busy' | 'cancel' | 'failed' | 'no answered';
  /** The shop code. */
  site?: string;
  /** The tracking or line number. */
  externalPhone?: string;
  /** The call's id, linking the event to the uploaded call. */
  callExternalId?: string;
}

/** The telephony integration module, as sent to `integration-modules/{code}/edit`. */
export interface RetailcrmIntegrationModule {
  /** The module's code; starts with `integrationCode`. */
  code: string;
  /** The integration's code. */
  integrationCode: string;
  /** Whether it is on. */
  active: boolean;
  /** Its name in the marketplace list. */
  name: string;
  /** SVG logo URL. */
  logo?: string;
  /** The host's id for this account. */
  clientId?: string;
  /** The host's base URL. */
  baseUrl?: string;
  /** The host's settings page. */
  accountUrl?: string;
  /** The telephony part. */
  integrations: {
    /** Telephony settings. */
    readonly telephony: {
      /** Click-to-call URL. */
      readonly makeCallUrl?: string;
      /** User status URL. */
      readonly changeUserStatusUrl?: string;
      /** Settings change only through the API. */
      readonly allowEdit: boolean;
      /** Sends `in` events. */
      readonly inputEventSupported: boolean;
      /** Sends `out` events. */
      readonly outputEventSupported: boolean;
      /** Sends `hangup` events. */
      readonly hangupEventSupported: boolean;
      /** Users' extension codes. */
      readonly additionalCodes: readonly AdditionalCode[];
      /** Tracking numbers per shop. */
      readonly externalPhones: readonly ExternalPhone[];
    };
  };
}
