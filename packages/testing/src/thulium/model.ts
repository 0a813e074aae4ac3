/** The type of a Thulium customer custom field. */
export type ThuliumFieldType = 'text' | 'number' | 'date' | 'checkbox';

/** A customer custom field of the account. */
export interface ThuliumCustomField {
  /** Its name, as the panel shows it and the API keys it. */
  readonly name: string;
  /** Its type: a text field holds strings, a number field numbers… */
  readonly type: ThuliumFieldType;
}

/** A custom field's value as stored. */
export type ThuliumFieldValue = string | number | boolean | null;

/** A CRM customer. */
export interface ThuliumCustomer {
  /** The id. */
  readonly customer_id: number;
  /** First name. */
  name: string | null;
  /** Family name (required). */
  surname: string;
  /** E-mail. */
  email: string | null;
  /** Phone. */
  phone_number: string | null;
  /** Every custom field of the account by name, `null` when empty. */
  custom_fields: Record<string, ThuliumFieldValue>;
  /** Last change, account time. */
  updated_at: string;
}

/** What a seeded customer may set. */
export interface ThuliumCustomerInput {
  /** First name. */
  readonly name?: string | undefined;
  /** Family name. @defaultValue 'Customer' */
  readonly surname?: string | undefined;
  /** E-mail. */
  readonly email?: string | undefined;
  /** Phone. */
  readonly phone_number?: string | undefined;
  /** Custom field values by name (not checked against the field types: seed anything). */
  readonly custom_fields?: Readonly<Record<string, ThuliumFieldValue>> | undefined;
}

/** A ticket message's type: from the customer, to the customer, internal. */
export type ThuliumMessageType = 'MAIL' | 'REPLY' | 'COMMENT';

/** A message of a ticket. */
export interface ThuliumMessage {
  /** The id (unique across tickets). */
  readonly message_id: number;
  /** Its type. */
  readonly type: ThuliumMessageType;
  /** The agent who wrote it (replies and comments). */
  readonly user_login: string | null;
  /** Its content. */
  readonly body: string;
  /** `PLAIN` or `HTML`. */
  readonly body_type: 'PLAIN' | 'HTML';
  /** Whether a status change wrote it. */
  readonly system_comment: boolean;
  /** When, account time. */
  readonly created_at: string;
  /** Attached temporary files. */
  readonly attachments: readonly ThuliumAttachment[];
}

/** A ticket. */
export interface ThuliumTicket {
  /** The id. */
  readonly ticket_id: number;
  /** The mailbox. */
  readonly to: string;
  /** The author's e-mail. */
  readonly from: string | null;
  /** The subject. */
  readonly subject: string;
  /** `email`, `www`… */
  readonly source: string;
  /** The queue. */
  ticket_queue_id: number;
  /** The category, as Thulium sends it: a string. */
  category_id: string | null;
  /** The CRM customer. */
  readonly customer_id: number | null;
  /** The assigned agent. */
  user_login: string | null;
  /** Tags. */
  tags: string[];
  /** The status, as a string. */
  status_id: string;
  /** Ticket custom fields by name. */
  custom_fields: Record<string, string | null>;
  /** Created, account time. */
  readonly created_at: string;
  /** Last change, account time. */
  updated_at: string;
  /** Messages, oldest first. */
  readonly messages: ThuliumMessage[];
}

/** A temporary file: its token is valid 24 hours. */
export interface ThuliumTemporaryFile {
  /** The token. */
  readonly token: string;
  /** The name given in `?filename=`. */
  readonly filename: string;
  /** Bytes received. */
  readonly size: number;
  /** The `Content-Type` it was sent with. */
  readonly contentType: string | undefined;
  /** When it was uploaded (epoch ms). */
  readonly uploadedAt: number;
}

/** A ticket queue or category. */
export interface ThuliumDictionaryEntry {
  /** The id. */
  readonly id: number;
  /** The name. */
  readonly name: string;
}

/** An agent. */
export interface ThuliumAgent {
  /** The login. */
  readonly login: string;
  /** First name. */
  readonly name: string;
  /** Family name. */
  readonly surname: string;
  /** Whether active. */
  readonly active: boolean;
}

/** A file attached to a message. */
export interface ThuliumAttachment {
  /** The file name. */
  readonly filename: string;
  /** Bytes. */
  readonly size: number;
}
