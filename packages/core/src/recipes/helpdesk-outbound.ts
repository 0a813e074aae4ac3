import type { ActionsFor } from '../capabilities/crm.js';
import type { AgentReply, HelpdeskActions } from '../capabilities/helpdesk.js';
import type { MarketplaceActions } from '../capabilities/marketplace.js';
import type { StepContext } from '../pipeline/types.js';
import type { HelpdeskLinks } from './helpdesk-links.js';
import { optional, refusedForGood } from './helpdesk-optional.js';
import type { KeyedLock } from './keyed-lock.js';
import type { Performer } from './perform-on.js';

/** A step's context on the marketplace side, typed by the marketplace capability. */
export type MarketplaceStepContext = StepContext<ActionsFor<MarketplaceActions>>;

/** What sending an agent reply needs besides the reply. */
export interface OutboundSettings {
  readonly links: HelpdeskLinks;
  readonly lock: KeyedLock;
  readonly helpdesk: Performer<HelpdeskActions>;
}

/**
 * Sends one agent reply to its conversation as the marketplace's plain text, under the
 * conversation's lock, and records the posted message as the pipeline's (never forwarded back
 * into the ticket). A reply to a ticket the pipeline does not know is skipped with a warning; a
 * reply the marketplace refuses (e.g. attachments over the conversation's limit) is noted on the
 * ticket as an internal comment and fails for good.
 */
export async function sendReply(
  reply: AgentReply,
  context: MarketplaceStepContext,
  settings: OutboundSettings,
): Promise<void> {
  const { links, lock } = settings;
  const conversationId = reply.conversationId ?? (await links.conversationOf(reply.ticketId));
  if (conversationId === undefined) {
    context.warn(
      `agent reply ${reply.id}: ticket ${reply.ticketId} has no marketplace conversation`,
    );
    return;
  }
  await lock.run(conversationId, async () => {
    const input = {
      conversationId,
      text: reply.text,
      format: reply.format,
      attachments: reply.attachments,
    };
    try {
      await links.posted(
        conversationId,
        () => context.perform('messages.reply', input),
        (result) => links.markOurs(result.messageId, 'reply'),
      );
    } catch (error) {
      if (refusedForGood(error)) {
        await optional(context, `the refusal of reply ${reply.id} could not be noted`, () =>
          settings.helpdesk('tickets.addComment', {
            ticketId: reply.ticketId,
            text: `This reply was not sent to the customer: ${error.message}`,
          }),
        );
      }
      throw error;
    }
  });
}
