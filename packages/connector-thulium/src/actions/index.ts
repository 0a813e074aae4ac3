import type { Call, CallInput } from '@crossline/core';
import type { ActionDefinition, InputFor } from '@crossline/core/sdk';
import { type LoggedCall, logCall } from './log-call.js';

/**
 * The Thulium connector's actions, by name, with what each takes and resolves with:
 * `connector.perform(name, input, context)` is typed by them.
 */
export type ThuliumActions = {
  /**
   * The call (`POST /calls`) with its recording link, under the envelope id as `external_id`:
   * a redelivery never logs it twice.
   * @inlineType LoggedCall
   */
  readonly 'calls.log': ActionDefinition<unknown, unknown, Call, LoggedCall> & InputFor<CallInput>;
};

/** The connector's actions, one file each. */
export const thuliumActions: ThuliumActions = {
  'calls.log': logCall,
};
