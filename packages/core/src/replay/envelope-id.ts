/**
 * The id of the envelope a pipeline makes of an event: the pipeline id with `%` and `:`
 * percent-escaped (`%25`, `%3A`), a `:`, then the event id as it is. The first `:` always ends
 * the pipeline id, so two different (pipeline, event) pairs never share an id; for a pipeline id
 * without `:` or `%` the id is simply `${pipelineId}:${eventId}`.
 *
 * The id is what vendors receive as the external id, so it is stable across releases.
 *
 * @example
 * ```ts
 * envelopeId('calls', 'call-42'); // 'calls:call-42'
 * envelopeId('orders', 'eu:42'); // 'orders:eu:42'
 * envelopeId('orders:eu', '42'); // 'orders%3Aeu:42'
 * ```
 */
export function envelopeId(pipelineId: string, eventId: string): string {
  return `${pipelineId.replaceAll('%', '%25').replaceAll(':', '%3A')}:${eventId}`;
}
