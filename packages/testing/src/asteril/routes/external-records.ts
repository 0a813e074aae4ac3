import { lastValue } from '../../kit/params.js';
import { BodyReader, text } from '../body-reader.js';
import { readJsonBody } from '../json-body.js';
import { pageReply } from '../list-query.js';
import type { AsterilRecord } from '../model.js';
import { dataReply } from '../replies.js';
import type { AsterilRoute } from '../route.js';
import type { AsterilState } from '../state.js';

/** A kind of record the integration creates once per `external_id` (calls, tasks). */
export interface ExternalRecordKind<Fields extends object> {
  /** The path under `/api/v3`, e.g. `/calls`. */
  readonly path: string;
  /** The name of its id sequence, e.g. `call`. */
  readonly kind: string;
  /** Where the cabinet keeps the records. */
  readonly records: (state: AsterilState) => (Fields & AsterilRecord)[];
  /** Reads every field but `external_id`, recording problems in `read`. */
  readonly read: (read: BodyReader, state: AsterilState) => Fields;
}

/**
 * `GET {path}?external_id=` (look-up before create, paged) and `POST {path}`: creates the record
 * and answers 201 `{ data: { id } }`; an `external_id` already used by a record of this kind is
 * a 422 `{ errors: { external_id: ['has already been taken'] } }` and nothing is stored.
 */
export function externalRecordRoutes<Fields extends object>(
  kind: ExternalRecordKind<Fields>,
): AsterilRoute[] {
  return [
    {
      method: 'GET',
      path: kind.path,
      handle: (request, { state }) => {
        const externalId = lastValue(request.query, 'external_id');
        const records = kind.records(state);
        const matching = records.filter(
          (record) => externalId === undefined || record.external_id === externalId,
        );
        return pageReply(request, matching);
      },
    },
    {
      method: 'POST',
      path: kind.path,
      handle: (request, { state }) => {
        const read = new BodyReader(readJsonBody(request));
        const fields = kind.read(read, state);
        const externalId = read.required('external_id', text) ?? '';
        const records = kind.records(state);
        if (records.some((record) => record.external_id === externalId)) {
          read.problem('external_id', 'has already been taken');
        }
        read.finish();
        const id = state.nextId(kind.kind);
        records.push({
          ...fields,
          id,
          external_id: externalId,
          created_at: new Date().toISOString(),
        });
        return dataReply({ id }, 201);
      },
    },
  ];
}
