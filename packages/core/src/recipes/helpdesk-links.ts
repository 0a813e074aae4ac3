import { CrosslineError } from '../errors/crossline-error.js';
import { TransportError } from '../errors/transport-error.js';
import type { StepState } from '../pipeline/types.js';

/** A conversation's automatic reply, once posted: what its record in the ticket needs. */
export interface PostedAutoReply {
  /** The marketplace's id of the posted message. */
  readonly messageId: string;
  /** When it was posted, ISO. */
  readonly sentAt: string;
  /** The text posted. */
  readonly text: string;
}

/** Where a conversation's automatic reply stands; `recorded`: it is in the ticket too. */
export type AutoReplyState = 'pending' | 'recorded' | PostedAutoReply;

/**
 * What a helpdesk pipeline remembers, durably, in the outbox's store (a step's `state`): the
 * conversation ↔ ticket link, the messages already in their ticket, the marketplace messages
 * the pipeline itself posted (auto-replies, agent replies: never forwarded back), and the
 * replies being posted right now (a shop message read meanwhile waits for them).
 */
export class HelpdeskLinks {
  readonly #state: StepState;
  readonly #prefix: string;

  /**
   * @param state - the step's durable state
   * @param pipelineId - the helpdesk pipeline's id: every key is under it
   */
  constructor(state: StepState, pipelineId: string) {
    this.#state = state;
    this.#prefix = `helpdesk/${pipelineId}/`;
  }

  #get(key: string): Promise<string | undefined> {
    return this.#state.get(this.#prefix + key);
  }

  #set(key: string, value: string): Promise<void> {
    return this.#state.set(this.#prefix + key, value);
  }

  /** The helpdesk ticket a conversation became, if any. */
  async ticketOf(conversationId: string): Promise<string | undefined> {
    return (await this.#link(conversationId))?.ticketId;
  }

  /** The link as stored: the ticket, and the message it was created with. */
  async #link(conversationId: string) {
    const value = nonEmpty(await this.#get(`ticket/${conversationId}`));
    if (value === undefined) return undefined;
    const [ticketId = value, firstMessageId] = value.split('\n');
    return { ticketId, firstMessageId };
  }

  /** The conversation a ticket came from, if the pipeline created it. */
  async conversationOf(ticketId: string): Promise<string | undefined> {
    return nonEmpty(await this.#get(`conversation/${ticketId}`));
  }

  /**
   * Records the link both ways (the ticket side first: a ticket is never found half-linked),
   * with the message the ticket was created with — in the same write, so that message counts as
   * forwarded the moment the conversation has its ticket.
   */
  async link(conversationId: string, ticketId: string, firstMessageId?: string): Promise<void> {
    await this.#set(`conversation/${ticketId}`, conversationId);
    const first = firstMessageId === undefined ? '' : `\n${firstMessageId}`;
    await this.#set(`ticket/${conversationId}`, `${ticketId}${first}`);
  }

  /** When the conversation's ticket was last asked for, if its creation was not recorded. */
  async creating(conversationId: string): Promise<string | undefined> {
    return nonEmpty(await this.#get(`creating/${conversationId}`));
  }

  /** Records, before asking the helpdesk, that the conversation's ticket is being created. */
  markCreating(conversationId: string, at: string): Promise<void> {
    return this.#set(`creating/${conversationId}`, at);
  }

  /** Whether a marketplace message is in its conversation's ticket already. */
  async forwarded(conversationId: string, messageId: string): Promise<boolean> {
    if ((await this.#get(`message/${messageId}`)) === 'done') return true;
    return (await this.#link(conversationId))?.firstMessageId === messageId;
  }

  /**
   * Adds a marketplace message (or the pipeline's own post) to its ticket with the attempt
   * recorded before the helpdesk is asked: `add` gets `mayExist` true when an earlier attempt
   * may have added it (the host stopped, or the answer was lost, before it was recorded). A
   * first attempt the helpdesk surely refused (throttled, unauthorised, rejected, not sent)
   * leaves no record, so its redelivery adds without a look.
   */
  async adding<T>(messageId: string, add: (mayExist: boolean) => Promise<T>): Promise<T> {
    const key = `message/${messageId}`;
    const mayExist = (await this.#get(key)) === 'adding';
    if (!mayExist) await this.#set(key, 'adding'); // `done` once it is in
    try {
      return await add(mayExist);
    } catch (error) {
      if (!mayExist && !mayHaveBeenDone(error)) await this.#set(key, '');
      throw error;
    }
  }

  /** Records that a marketplace message is in its ticket. */
  markForwarded(messageId: string): Promise<void> {
    return this.#set(`message/${messageId}`, 'done');
  }

  /** Whether the pipeline itself posted this marketplace message (never forward it back). */
  async ours(messageId: string): Promise<boolean> {
    return (await this.#get(`posted/${messageId}`)) !== undefined;
  }

  /** Records a marketplace message the pipeline posted, and what it was (`auto`, `reply`). */
  markOurs(messageId: string, what: string): Promise<void> {
    return this.#set(`posted/${messageId}`, what);
  }

  /**
   * The conversation's automatic reply: `pending` from its ticket's creation until it is
   * posted, then what was posted until it is in the ticket too (`recorded`); `undefined` when
   * there is none to send.
   */
  async autoReplyOf(conversationId: string): Promise<AutoReplyState | undefined> {
    const value = nonEmpty(await this.#get(`auto/${conversationId}`));
    if (value === undefined || value === 'pending' || value === 'recorded') return value;
    const [messageId = '', sentAt, ...text] = value.split('\n');
    // A bare id: posted and recorded at once, as links written before the record was kept apart.
    if (sentAt === undefined) return 'recorded';
    return { messageId, sentAt, text: text.join('\n') };
  }

  /** Records that the conversation's new ticket is owed an automatic reply. */
  markAutoReplyPending(conversationId: string): Promise<void> {
    return this.#set(`auto/${conversationId}`, 'pending');
  }

  /** Records the automatic reply posted for a conversation's ticket, before its record. */
  markAutoReply(conversationId: string, posted: PostedAutoReply): Promise<void> {
    const { messageId, sentAt, text } = posted;
    return this.#set(`auto/${conversationId}`, `${messageId}\n${sentAt}\n${text}`);
  }

  /** Records that the automatic reply is in the ticket too (or the helpdesk refused it). */
  markAutoReplyRecorded(conversationId: string): Promise<void> {
    return this.#set(`auto/${conversationId}`, 'recorded');
  }

  /** Whether a reply to the conversation is being posted (not yet recorded as ours). */
  async posting(conversationId: string): Promise<boolean> {
    return nonEmpty(await this.#get(`posting/${conversationId}`)) !== undefined;
  }

  /**
   * Posts to the marketplace with the intent recorded around it: set before, cleared after
   * the posted message is recorded as ours — or after a refusal. A crash in between leaves the
   * intent, so the echo waits until the redelivered reply records itself.
   */
  async posted<T>(
    conversationId: string,
    post: () => Promise<T>,
    record: (result: T) => Promise<void>,
  ): Promise<T> {
    await this.#set(`posting/${conversationId}`, '1');
    let result: T;
    try {
      result = await post();
    } catch (error) {
      // Cleared unless a redelivery will record it: a delivery that dies never would.
      if (!mayHaveBeenDone(error) || !willRetry(error))
        await this.#set(`posting/${conversationId}`, '');
      throw error;
    }
    await record(result);
    await this.#set(`posting/${conversationId}`, '');
    return result;
  }
}

/** Codes of failures the vendor answered without doing anything. */
const refusals = new Set([
  'CONFIG_INVALID',
  'AUTH_FAILED',
  'PERMISSION_DENIED',
  'RATE_LIMITED',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'INVALID_PHONE',
]);

/**
 * Whether a failed call may have been carried out all the same: anything but a refusal — a
 * throttled, unauthorised or rejected request, a 4xx or 503 answer, or one that never left.
 */
function mayHaveBeenDone(error: unknown): boolean {
  if (!CrosslineError.isInstance(error)) return true;
  if (TransportError.isInstance(error)) return error.mayHaveReachedVendor;
  if (refusals.has(error.code)) return false;
  const status = error.request?.status;
  if (error.code !== 'VENDOR_ERROR' || status === undefined) return true;
  return !((status >= 400 && status < 500) || status === 503);
}

/** Whether the delivery that failed with `error` is tried again (else it is dead). */
function willRetry(error: unknown): boolean {
  return !CrosslineError.isInstance(error) || error.retryable;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
