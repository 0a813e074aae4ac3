import type { RetailcrmUtm } from './model-people.js';

/** A call in the call log (`POST /telephony/calls/upload`). */
export interface RetailcrmCall {
  /** When the call happened, `Y-m-d H:i:s`. */
  date: string;
  /** Direction. */
  type: 'in' | 'out';
  /** The customer's number. */
  phone: string;
  /** The extension that handled it. */
  code?: string | undefined;
  /** The user who handled it. */
  userId?: number | undefined;
  /** Outcome (note: `no answer`, unlike the event's `no answered`). */
  result?: 'answered' | 'busy' | 'failed' | 'no answer' | 'not allowed' | 'unknown' | undefined;
  /** Talk time, seconds. */
  duration?: number | undefined;
  /** Ring or wait time, seconds. */
  durationWaiting?: number | undefined;
  /** The PBX call id; a repeat upload of the same id is reported as a duplicate. */
  externalId?: string | undefined;
  /** Where the recording can be fetched. */
  recordUrl?: string | undefined;
  /** UTM data. */
  source?: RetailcrmUtm | undefined;
  /** The tracking or line number that was called. */
  externalPhone?: string | undefined;
  /** Store code. */
  site?: string | undefined;
  /** Web analytics client id. */
  clientId?: string | undefined;
}

/** A call event that pops up a card for users (`POST /telephony/call/event`). */
export interface RetailcrmCallEvent {
  /** The customer's number. */
  phone: string;
  /** Event type. */
  type: 'in' | 'out' | 'hangup';
  /** Extension codes notified. */
  codes: string[];
  /** User ids notified. */
  userIds: number[];
  /** Outcome, only with `type: 'hangup'` (note: `no answered`). */
  hangupStatus?: 'answered' | 'busy' | 'cancel' | 'failed' | 'no answered' | undefined;
  /** Store code. */
  site?: string | undefined;
  /** The tracking or line number that was called. */
  externalPhone?: string | undefined;
  /** The PBX call id. */
  callExternalId?: string | undefined;
  /** Web analytics data, kept as sent. */
  webAnalyticsData?: unknown;
}

/** A user's extension, declared by the telephony module. */
export interface RetailcrmAdditionalCode {
  /** The user id (sent as a number or a numeric string, stored as a number). */
  userId: number;
  /** The extension code. */
  code: string;
}

/** A tracking or line number of a store, declared by the telephony module. */
export interface RetailcrmExternalPhone {
  /** Store code. */
  siteCode: string;
  /** The number. */
  externalPhone: string;
}

/** The telephony part of an integration module. */
export interface RetailcrmTelephonySettings {
  /** Where the CRM sends click-to-call requests. */
  makeCallUrl?: string | undefined;
  /** Where the CRM sends user-status changes. */
  changeUserStatusUrl?: string | undefined;
  /** Whether users may edit the settings in the CRM. */
  allowEdit?: boolean | undefined;
  /** Whether the module sends `in` events. */
  inputEventSupported?: boolean | undefined;
  /** Whether the module sends `out` events. */
  outputEventSupported?: boolean | undefined;
  /** Whether the module sends `hangup` events. */
  hangupEventSupported?: boolean | undefined;
  /** Users' extensions. */
  additionalCodes: RetailcrmAdditionalCode[];
  /** Stores' tracking numbers. */
  externalPhones: RetailcrmExternalPhone[];
}

/** An integration module (`GET /integration-modules/{code}`). */
export interface RetailcrmIntegrationModule {
  /** Module code; starts with `integrationCode`. */
  code: string;
  /** The integration's code, shared by all its accounts. */
  integrationCode: string;
  /** Whether the module is on. */
  active: boolean;
  /** Display name. */
  name?: string | undefined;
  /** Logo URL (SVG). */
  logo?: string | undefined;
  /** The id the CRM sends back on callbacks. */
  clientId?: string | undefined;
  /** The module's base URL. */
  baseUrl?: string | undefined;
  /** The module's settings page. */
  accountUrl?: string | undefined;
  /** Named action URLs. */
  actions?: Record<string, string> | undefined;
  /** Country codes the module serves. */
  availableCountries?: string[] | undefined;
  /** Read only: whether the module is frozen. */
  freeze: boolean;
  /** Read only: whether the module is built in. */
  native: boolean;
  /** Integrations the module provides. */
  integrations: {
    /** Telephony settings, when the module is a telephony module. */
    telephony?: RetailcrmTelephonySettings | undefined;
  };
}
