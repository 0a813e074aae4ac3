import {
  type ActionContext,
  type Call,
  type Contact,
  callSchema,
  contactSchema,
  type FoundContact,
  type Order,
  orderSchema,
  phoneLookupSchema,
  type Task,
  taskSchema,
  VendorError,
} from '@crossline/core';
import { z } from 'zod';
import type { RetailcrmClient } from './client.js';
import { formatTaskDateTime } from './dates.js';
import { findCustomerByPhone, sameNumber } from './lookup.js';
import { toCallEvent, toCallUpload, toCustomer, toRetailcrmPhone, toSource } from './mappers.js';
import type { RetailcrmConfig } from './options.js';
import { routeEmployee } from './routing.js';
import type { RetailcrmCustomer } from './schemas.js';

type Context = ActionContext<RetailcrmConfig, RetailcrmClient>;

/** The input of `calls.event`: a call starting (`in`/`out` pop-up) or ending (`hangup`). */
export const callEventInputSchema = z.object({
  /** `start` when it rings, `end` when it is over. */
  phase: z.literal(['start', 'end']),
  /** The call. */
  call: callSchema,
});

function lookup(context: Context, phone: string) {
  const { config, client, signal } = context;
  const options = {
    site: config.site,
    defaultCountry: config.defaultCountry,
    variants: config.lookupVariants,
  };
  return findCustomerByPhone(client, phone, options, { signal });
}

function found(customer: RetailcrmCustomer): FoundContact {
  return {
    id: String(customer.id),
    phones: customer.phones.flatMap((phone) => phone.number ?? []),
  };
}

/** `contacts.findByPhone`: the customer with this number in any typed form, or `null`. */
async function findByPhone({ phone }: { phone: string }, context: Context) {
  const customer = await lookup(context, phone);
  return customer ? found(customer) : null;
}

/**
 * `contacts.upsert`: finds the customer by any of the contact's numbers; edits them (adding
 * new numbers to the stored ones — an edit's `phones` replaces the list, so nothing stored is
 * ever dropped) or creates them.
 */
async function upsertContact(contact: Contact, context: Context): Promise<FoundContact> {
  const { client, config, signal } = context;
  const customer = toCustomer(contact, config.customFields);
  for (const phone of contact.phones) {
    const existing = await lookup(context, phone);
    if (!existing) continue;
    const stored = existing.phones.flatMap((entry) =>
      entry.number ? [{ number: entry.number }] : [],
    );
    const known = (canonical: string) =>
      existing.phones.some((entry) => sameNumber(entry.number, canonical, config.defaultCountry));
    const added = contact.phones
      .filter((other) => !known(other))
      .map((other) => ({ number: toRetailcrmPhone(other) }));
    await client.editCustomer(existing.id, { ...customer, phones: [...stored, ...added] }, 'id', {
      signal,
    });
    return { id: String(existing.id), phones: [...stored, ...added].map((entry) => entry.number) };
  }
  const { id } = await client.createCustomer(customer, { signal });
  return { id: String(id), phones: customer.phones?.map((entry) => entry.number) ?? [] };
}

/** `calls.log`: uploads the call with its recording; the envelope id makes a resend a duplicate. */
async function logCall(call: Call, context: Context) {
  const { client, config, envelopeId, signal } = context;
  const route = routeEmployee(call.employee, config.employees);
  const upload = toCallUpload(call, {
    externalId: envelopeId,
    site: config.site,
    timeZone: config.timeZone,
    route,
  });
  const answer = await client.uploadCalls([upload], { signal });
  return { duplicate: answer.duplicateCalls.includes(envelopeId), routedTo: route?.userId };
}

/** `calls.event`: a real-time pop-up for the routed manager. */
async function callEvent(input: { phase: 'start' | 'end'; call: Call }, context: Context) {
  const { client, config, envelopeId, signal } = context;
  const route = routeEmployee(input.call.employee, config.employees);
  const event = toCallEvent(input.call, input.phase, {
    externalId: envelopeId,
    site: config.site,
    route,
  });
  return client.callEvent(event, { signal });
}

const adminIds = new WeakMap<RetailcrmClient, Promise<number | undefined>>();

/** The admin's user id (by `adminEmail`), looked up once per client. */
function adminId(context: Context): Promise<number | undefined> {
  let id = adminIds.get(context.client);
  if (!id) {
    id = context.client
      .listUsers({ filter: { email: context.config.adminEmail }, limit: 20 })
      .then(({ users }) => users.find((user) => user.email === context.config.adminEmail)?.id);
    id.catch(() => adminIds.delete(context.client));
    adminIds.set(context.client, id);
  }
  return id;
}

/**
 * `tasks.create`: a task for the routed manager (the senior manager when the assignee is not
 * linked, the admin when there is none), bound to the customer with `contactPhone`. A task
 * with an `id` is created once: its id is written into the commentary and looked up first —
 * the CRM has no external id for tasks.
 */
async function createTask(task: Task, context: Context) {
  const { client, config, signal } = context;
  const performerId =
    routeEmployee(task.assignee, config.employees)?.userId ?? (await adminId(context));
  if (performerId === undefined) {
    throw new VendorError(
      `No CRM user for the task: link a senior manager, or check adminEmail (${config.adminEmail})`,
    );
  }
  const marker = task.id ? `[crossline:${task.id}]` : undefined;
  if (marker) {
    for await (const existing of client.iterateTasks(
      { performers: [performerId], text: task.title },
      { signal },
    )) {
      if (existing.commentary?.includes(marker)) return { id: existing.id, duplicate: true };
    }
  }
  const customer = task.contactPhone ? await lookup(context, task.contactPhone) : undefined;
  const commentary = [task.description, marker].filter(Boolean).join('\n');
  const { id } = await client.createTask(
    {
      text: task.title,
      performerId,
      ...(commentary ? { commentary } : {}),
      ...(task.dueAt ? { datetime: formatTaskDateTime(task.dueAt, config.timeZone) } : {}),
      ...(customer ? { customer: { id: customer.id } } : {}),
      ...(task.contactPhone ? { phone: toRetailcrmPhone(task.contactPhone) } : {}),
    },
    { signal },
  );
  return { id, duplicate: false };
}

/** `orders.create`: an order for the customer with the order's phone, by its external id. */
async function createOrder(order: Order, context: Context) {
  const { client, config, envelopeId, signal } = context;
  const customer = order.customerPhone ? await lookup(context, order.customerPhone) : undefined;
  const source = toSource(order.utm);
  const answer = await client.createOrder(
    {
      externalId: order.id ?? envelopeId,
      ...(order.number ? { number: order.number } : {}),
      ...(order.customerPhone ? { phone: toRetailcrmPhone(order.customerPhone) } : {}),
      ...(customer ? { customer: { id: customer.id } } : {}),
      ...(config.orderMethod ? { orderMethod: config.orderMethod } : {}),
      ...(source ? { source } : {}),
      items: order.lines.map((line) => ({
        productName: line.title,
        initialPrice: line.price,
        quantity: line.qty,
        offer: { externalId: line.sku },
      })),
    },
    { signal },
  );
  return { id: answer.id };
}

/** The connector's actions on the canonical model. */
export const retailcrmActions = {
  'contacts.findByPhone': { input: phoneLookupSchema, run: findByPhone },
  'contacts.upsert': { input: contactSchema, run: upsertContact },
  'calls.log': { input: callSchema, run: logCall },
  'calls.event': { input: callEventInputSchema, run: callEvent },
  'tasks.create': { input: taskSchema, run: createTask },
  'orders.create': { input: orderSchema, run: createOrder },
};

/** The input of `calls.event`. */
export type CallEventInput = z.input<typeof callEventInputSchema>;
