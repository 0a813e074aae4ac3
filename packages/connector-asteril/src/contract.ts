/**
 * The Asteril API as this connector assumes it. No public API reference exists (see the
 * vendor fact sheet): ALL of this is UNCERTAIN, kept in this one file, and every part can be
 * overridden with the connector's `contract` option once a live account says otherwise.
 */
export interface AsterilContract {
  /** The API's path on the cabinet's domain. @defaultValue '/api/v3' */
  readonly basePath: string;
  /** Paths below `basePath`. */
  readonly paths: {
    /** The key's user. @defaultValue '/me' */
    readonly me: string;
    /** Clients: `GET ?phone=` (exact match), `POST`. @defaultValue '/clients' */
    readonly clients: string;
    /** The clients' fields. @defaultValue '/client-fields' */
    readonly clientFields: string;
    /** Calls: `GET ?external_id=`, `POST`. @defaultValue '/calls' */
    readonly calls: string;
    /** Tasks: `GET ?external_id=`, `POST`. @defaultValue '/tasks' */
    readonly tasks: string;
  };
  /** The `type` of a missed-call task. @defaultValue 'missed_call' */
  readonly missedCallTaskType: string;
  /** Items per page of a list. @defaultValue 100 */
  readonly perPage: number;
}

/** The contract from the fact sheet. */
export const defaultAsterilContract: AsterilContract = {
  basePath: '/api/v3',
  paths: {
    me: '/me',
    clients: '/clients',
    clientFields: '/client-fields',
    calls: '/calls',
    tasks: '/tasks',
  },
  missedCallTaskType: 'missed_call',
  perPage: 100,
};
