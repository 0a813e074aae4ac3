import { CrosslineError } from '../errors/crossline-error.js';
import type { StepState } from '../pipeline/types.js';

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
   * Records an attempt to add a marketplace message to its ticket, before the helpdesk is asked,
   * and answers whether an earlier attempt was recorded (it may have reached the helpdesk).
   */
  async attemptAdding(messageId: string): Promise<boolean> {
    if ((await this.#get(`message/${messageId}`)) === 'adding') return true;
    await this.#set(`message/${messageId}`, 'adding'); // `done` once it is in
    return false;
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

  /** The id of the auto-reply sent for a conversation's ticket, if one was. */
  async autoReplyOf(conversationId: string): Promise<string | undefined> {
    return nonEmpty(await this.#get(`auto/${conversationId}`));
  }

  /** Records the auto-reply sent for a conversation's ticket. */
  markAutoReply(conversationId: string, messageId: string): Promise<void> {
    return this.#set(`auto/${conversationId}`, messageId);
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
      if (!mayHavePosted(error)) await this.#set(`posting/${conversationId}`, '');
      throw error;
    }
    await record(result);
    await this.#set(`posting/${conversationId}`, '');
    return result;
  }
}

/** Whether a failed post may have reached the marketplace: any failure but a refusal. */
function mayHavePosted(error: unknown): boolean {
  return !CrosslineError.isInstance(error) || error.retryable;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
