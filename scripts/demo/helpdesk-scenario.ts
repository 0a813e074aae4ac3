/**
 * The helpdesk act's conversations: what was posted where (customer, shop and operator messages
 * on EmpikPlace; agent replies in Thulium tickets), and the read-back of both simulators that
 * the summary checks — one ticket per conversation, every message in it once, every reply in its
 * conversation once, the automatic reply once.
 */
import type { EmpikplaceSimulator, ThuliumSimulator } from '@crossline/testing';
import { autoReplyText } from './helpdesk-world.js';

const token = /\bm-\d+-\d+\b/g;

/** A marketplace author, as EmpikPlace names it. */
export type Author = 'CUSTOMER_USER' | 'SHOP_USER' | 'OPERATOR_USER';

/** What the summary reads back. */
export interface HelpdeskOutcome {
  readonly tickets: number;
  readonly conversationsWithoutOneTicket: number;
  readonly messagesPosted: number;
  readonly messagesInTickets: number;
  readonly repliesWritten: number;
  readonly repliesDelivered: number;
  readonly autoReplies: number;
  readonly refusedSent: number;
  readonly duplicates: number;
  readonly lost: number;
  readonly throttled: number;
}

/** The conversations of a run and what was posted in them. */
export class HelpdeskScenario {
  readonly threads: string[] = [];
  readonly replies = new Map<string, string>(); // reply text → thread id
  readonly refused = new Set<string>();
  #last = 0;
  #seq = 0;

  constructor(
    readonly empik: EmpikplaceSimulator,
    readonly desk: ThuliumSimulator,
  ) {}

  /** Opens `count` conversations about orders of customers `cust-0`…; `known` are in Thulium. */
  open(count: number, known: number): void {
    for (let index = 0; index < known; index += 1)
      this.desk.state.addCustomer({
        surname: `Known ${index}`,
        custom_fields: { 'Empik ID': `cust-${index}` },
      });
    for (let index = 0; index < count; index += 1) {
      const orderId = `EMP-${index}-A`;
      this.empik.state.addOrder({
        id: orderId,
        customerId: `cust-${index}`,
        lines: [
          {
            offer_sku: `SKU-${index}`,
            product_title: `Boots ${index}`,
            quantity: 1,
            price_unit: 199,
          },
        ],
      });
      const thread = this.empik.state.addThread({
        customer: { id: `cust-${index}`, name: `Customer ${index}` },
        orderId,
      });
      this.threads.push(thread.id);
    }
  }

  /** Posts a marketplace message, tagged `m-<conversation>-<n>`. */
  post(index: number, from: Author): void {
    this.#last = Math.max(Date.now(), this.#last + 1);
    const body = `m-${index}-${++this.#seq} from ${from}`;
    this.empik.state.post(this.threads[index] as string, { from, body, at: this.#last });
  }

  /** The ticket of a conversation, if there is one. */
  ticketOf(threadId: string) {
    return this.desk.state.tickets.find(
      (ticket) => ticket.custom_fields['Empik thread'] === threadId,
    );
  }

  /** An agent's reply in the conversation's ticket; `refused` when the marketplace must refuse it. */
  reply(
    index: number,
    attachments: { filename: string; size: number; url: string }[] = [],
    refused = false,
  ): boolean {
    const ticket = this.ticketOf(this.threads[index] as string);
    if (!ticket) return false;
    const text = `r-${index}-${++this.#seq} from the agent`;
    this.desk.state.addMessage(ticket.ticket_id, {
      type: 'REPLY',
      user_login: 'anna',
      body: `<p>${text}</p>`,
      attachments,
    });
    if (refused) this.refused.add(text);
    else this.replies.set(text, this.threads[index] as string);
    return true;
  }

  #expected(threadId: string): string[] {
    return this.empik.state
      .thread(threadId)
      .messages.filter((message) => /^m-/.test(message.body))
      .map((message) => message.body.match(token)?.[0] as string);
  }

  #inTicket(threadId: string): string[] {
    return (this.ticketOf(threadId)?.messages ?? [])
      .filter((message) => message.type !== 'COMMENT')
      .flatMap((message) => message.body.match(token) ?? []);
  }

  #delivered(text: string, threadId: string): number {
    return this.empik.state
      .thread(threadId)
      .messages.filter((message) => message.body.startsWith(text)).length;
  }

  /** Messages posted on the marketplace so far, and how many of them are in their tickets. */
  progress(): { posted: number; inTickets: number; replies: number } {
    let posted = 0;
    let inTickets = 0;
    for (const id of this.threads) {
      const expected = this.#expected(id);
      const held = new Set(this.#inTicket(id));
      posted += expected.length;
      inTickets += expected.filter((message) => held.has(message)).length;
    }
    const replies = [...this.replies].filter(([text, id]) => this.#delivered(text, id) > 0).length;
    return { posted, inTickets, replies };
  }

  /** Whether every message is in its ticket and every reply in its conversation. */
  settled(): boolean {
    const now = this.progress();
    return now.inTickets === now.posted && now.replies === this.replies.size;
  }

  /** Reads both simulators back. */
  outcome(): HelpdeskOutcome {
    let duplicates = 0;
    let lost = 0;
    let messagesPosted = 0;
    let messagesInTickets = 0;
    let autoReplies = 0;
    let conversationsWithoutOneTicket = 0;
    for (const id of this.threads) {
      const tickets = this.desk.state.tickets.filter(
        (ticket) => ticket.custom_fields['Empik thread'] === id,
      ).length;
      if (tickets !== 1) conversationsWithoutOneTicket += 1;
      duplicates += Math.max(0, tickets - 1);
      const expected = this.#expected(id);
      const held = this.#inTicket(id);
      messagesPosted += expected.length;
      messagesInTickets += held.length;
      duplicates += held.length - new Set(held).size;
      lost += expected.filter((message) => !held.includes(message)).length;
      const autos = this.#delivered(autoReplyText, id);
      autoReplies += autos;
      duplicates += Math.max(0, autos - 1);
    }
    let repliesDelivered = 0;
    for (const [text, id] of this.replies) {
      const count = this.#delivered(text, id);
      if (count > 0) repliesDelivered += 1;
      else lost += 1;
      duplicates += Math.max(0, count - 1);
    }
    const refusedSent = [...this.refused].filter((text) =>
      this.threads.some((id) => this.#delivered(text, id) > 0),
    ).length;
    return {
      tickets: this.desk.state.tickets.length,
      conversationsWithoutOneTicket,
      messagesPosted,
      messagesInTickets,
      repliesWritten: this.replies.size,
      repliesDelivered,
      autoReplies,
      refusedSent,
      duplicates,
      lost,
      throttled: this.empik.state.throttled + this.desk.state.throttled,
    };
  }
}
