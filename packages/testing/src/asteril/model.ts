/** A user of the cabinet; every API key acts as one (`GET /me`). */
export interface AsterilUser {
  /** User id. */
  id: number;
  /** Full name. */
  name: string;
  /** Sign-in email. */
  email: string;
  /** Whether the user is an administrator; only an administrator's key may write. */
  is_admin: boolean;
}

/** A seed user for `state.addUser()`: every field optional, defaults filled in. */
export type AsterilUserInput = Partial<AsterilUser>;

/** A client field of the cabinet (`GET /client-fields`). */
export interface AsterilClientField {
  /** The code a client's `text_fields` are keyed by, e.g. `utm_source`. */
  code: string;
  /** Display name. */
  name: string;
  /** The field type; only `text` fields can be written through `text_fields`. */
  type: string;
}

/** A client (`GET /clients`). */
export interface AsterilClient {
  /** Client id. */
  id: number;
  /** Name, if one was given. */
  name: string | null;
  /** The phone number exactly as it was stored, e.g. `+38 (067) 123-45-67`. */
  phone: string;
  /** Text field values by field code (UTM tags and extra parameters). */
  text_fields: Record<string, string>;
  /**
   * The responsible manager (user id). Null unless set by hand or sent on create: the
   * integration is expected never to send it.
   */
  responsible_id: number | null;
  /** When the client was created, ISO 8601 in UTC. */
  created_at: string;
}

/** A seed client for `state.addClient()`. */
export interface AsterilClientInput {
  /** Client id. @defaultValue the next free id */
  id?: number | undefined;
  /** Name. @defaultValue null */
  name?: string | null | undefined;
  /** The phone number, stored exactly as typed: no normalisation at all. */
  phone: string;
  /** Text field values by field code. @defaultValue `{}` */
  text_fields?: Readonly<Record<string, string>> | undefined;
  /** The responsible manager (user id), as if set by hand. @defaultValue null */
  responsible_id?: number | null | undefined;
  /** When the client was created, ISO 8601. @defaultValue now */
  created_at?: string | undefined;
}

/** What calls and tasks share: the id, the caller's idempotency key and the creation time. */
export interface AsterilRecord {
  /** Record id. */
  id: number;
  /** The integration's own id for the record, unique per kind (calls, tasks). */
  external_id: string;
  /** When the record was created, ISO 8601 in UTC. */
  created_at: string;
}

/** A call direction. */
export type AsterilCallDirection = 'in' | 'out';

/** How a call ended. */
export type AsterilCallStatus = 'answered' | 'missed' | 'busy' | 'failed';

/** A call in the client's interaction history (`POST /calls`). */
export interface AsterilCall extends AsterilRecord {
  /** The client the call belongs to, if one was sent. */
  client_id: number | null;
  /** The other party's number, as sent. */
  phone: string;
  /** Incoming or outgoing. */
  direction: AsterilCallDirection;
  /** How the call ended. */
  status: AsterilCallStatus;
  /** When the call started, ISO 8601 as sent. */
  started_at: string;
  /** Length of the call in seconds. */
  duration_sec: number;
  /** Link to the recording, if any. */
  record_url: string | null;
}

/** A task type; the contract knows only `missed_call`. */
export type AsterilTaskType = 'missed_call';

/** A task (`POST /tasks`). */
export interface AsterilTask extends AsterilRecord {
  /** Title. */
  title: string;
  /** Longer description. */
  description: string | null;
  /** The client the task is about, if one was sent. */
  client_id: number | null;
  /** The user who must do it. */
  responsible_id: number;
  /** When it is due, ISO 8601 as sent. */
  due_at: string | null;
  /** The task type. */
  type: AsterilTaskType;
}
