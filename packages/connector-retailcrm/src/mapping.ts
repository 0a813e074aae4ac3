import { normalizePhone } from '@crossline/core';
import type { Contact, Order, PhoneCountry, Task, Utm } from '@crossline/core/model';
import { applyFieldMap, type FieldMap, type Mapper } from '@crossline/core/sdk';
import { formatTaskDateTime, parseDateTime } from './lib/dates.js';
import { linkedEmployee } from './lib/routing.js';
import type { RetailcrmConfig } from './options.js';
import type { RetailcrmSource } from './wire.js';
import type {
  RetailcrmCustomerInput,
  RetailcrmOrderInput,
  RetailcrmTaskInput,
} from './wire-requests.js';

// Canonical entities ↔ retailCRM payloads, one core `Mapper` per entity: contact, task and order
// here, the call (and its pop-up events) in mapping-calls.ts.

/** The options the mappers read. */
type MappingOptions = Pick<
  RetailcrmConfig,
  'site' | 'timeZone' | 'defaultCountry' | 'employees' | 'customFields' | 'orderMethod'
>;

/** What every mapper is given besides the value: the connector's options. */
export interface MappingContext {
  /** The validated options (site, time zone, linked employees, the `customFields` map …). */
  readonly options: MappingOptions;
}

/** A canonical number as retailCRM shows it: `+380671234567`. */
export function toRetailcrmPhone(canonical: string): string {
  return `+${canonical}`;
}

/** A number as the CRM stores it, canonical; `undefined` when it is not a number. */
export function fromRetailcrmPhone(
  stored: string | undefined,
  defaultCountry: PhoneCountry,
): string | undefined {
  if (!stored) return undefined;
  try {
    return normalizePhone(stored, { defaultCountry });
  } catch {
    return undefined;
  }
}

/** UTM tags as the CRM's `source` (`term` is its `keyword`). */
export function toSource(utm: Utm | undefined): RetailcrmSource | undefined {
  if (!utm) return undefined;
  const source: RetailcrmSource = {
    ...(utm.source ? { source: utm.source } : {}),
    ...(utm.medium ? { medium: utm.medium } : {}),
    ...(utm.campaign ? { campaign: utm.campaign } : {}),
    ...(utm.term ? { keyword: utm.term } : {}),
    ...(utm.content ? { content: utm.content } : {}),
  };
  return Object.keys(source).length > 0 ? source : undefined;
}

/** The CRM's `source` as UTM tags. */
export function toUtm(source: RetailcrmSource | undefined): Utm | undefined {
  if (!source) return undefined;
  const utm: Utm = {
    ...(source.source ? { source: source.source } : {}),
    ...(source.medium ? { medium: source.medium } : {}),
    ...(source.campaign ? { campaign: source.campaign } : {}),
    ...(source.keyword ? { term: source.keyword } : {}),
    ...(source.content ? { content: source.content } : {}),
  };
  return Object.keys(utm).length > 0 ? utm : undefined;
}

/**
 * Contact ↔ customer: names, e-mail, birthday, phones, UTM as `source`, and whatever the
 * `customFields` option (canonical path → customer path) sends to custom fields — only what it
 * maps (a custom field the CRM does not have would fail the request). Absent values are left
 * out, never blanked.
 */
export const contactMapper: Mapper<Contact, RetailcrmCustomerInput, MappingContext> = {
  toVendor(contact, { options }) {
    const source = toSource(contact.utm);
    const mapped = applyFieldMap(contact, options.customFields) as RetailcrmCustomerInput;
    return {
      ...mapped,
      ...(contact.id ? { externalId: contact.id } : {}),
      ...(contact.firstName ? { firstName: contact.firstName } : {}),
      ...(contact.lastName ? { lastName: contact.lastName } : {}),
      ...(contact.middleName ? { patronymic: contact.middleName } : {}),
      ...(contact.emails[0] ? { email: contact.emails[0] } : {}),
      ...(contact.birthday ? { birthday: contact.birthday } : {}),
      ...(contact.phones.length > 0
        ? { phones: contact.phones.map((phone) => ({ number: toRetailcrmPhone(phone) })) }
        : {}),
      ...(source ? { source } : {}),
    };
  },
  fromVendor(customer, { options }) {
    const mapped = applyFieldMap(customer, inverse(options.customFields)) as Partial<Contact>;
    const utm = toUtm(customer.source);
    const phones = (customer.phones ?? []).flatMap(
      ({ number }) => fromRetailcrmPhone(number, options.defaultCountry) ?? [],
    );
    return {
      ...(customer.externalId ? { id: customer.externalId } : {}),
      ...(customer.firstName ? { firstName: customer.firstName } : {}),
      ...(customer.lastName ? { lastName: customer.lastName } : {}),
      ...(customer.patronymic ? { middleName: customer.patronymic } : {}),
      phones,
      emails: customer.email ? [customer.email] : [],
      ...(customer.birthday ? { birthday: customer.birthday } : {}),
      customFields: scalars(mapped.customFields),
      ...(utm ? { utm } : {}),
    };
  },
};

/** What the task mapper needs: the options, the CRM user it is for and its customer. */
interface TaskMapping extends MappingContext {
  /** The CRM user the task is for (routed, or the admin); read from the payload by `fromVendor`. */
  readonly performerId: number;
  /** The customer it is bound to, when one is. */
  readonly customerId?: number | undefined;
}

/**
 * Task ↔ task: a task with an `id` carries it in its commentary as `[crossline:<id>]` — the
 * CRM has no external id for tasks, so that marker is how a resend finds it.
 */
export const taskMapper: Mapper<Task, RetailcrmTaskInput, TaskMapping> = {
  toVendor(task, { options, performerId, customerId }) {
    const marker = task.id ? taskMarker(task.id) : undefined;
    const commentary = [task.description, marker].filter(Boolean).join('\n');
    return {
      text: task.title,
      performerId,
      ...(commentary ? { commentary } : {}),
      ...(task.dueAt ? { datetime: formatTaskDateTime(task.dueAt, options.timeZone) } : {}),
      ...(customerId !== undefined ? { customer: { id: customerId } } : {}),
      ...(task.contactPhone ? { phone: toRetailcrmPhone(task.contactPhone) } : {}),
    };
  },
  fromVendor(input, { options }) {
    const id = /\[crossline:(.+?)\]/.exec(input.commentary ?? '')?.[1];
    const description = (input.commentary ?? '').replace(/\n?\[crossline:.+?\]/, '').trim();
    const dueAt = input.datetime ? parseDateTime(input.datetime, options.timeZone) : undefined;
    const assignee = linkedEmployee({ userId: input.performerId }, options.employees);
    const contactPhone = fromRetailcrmPhone(input.phone, options.defaultCountry);
    return {
      ...(id ? { id } : {}),
      title: input.text,
      ...(description ? { description } : {}),
      ...(dueAt ? { dueAt } : {}),
      ...(assignee ? { assignee: { id: assignee } } : {}),
      ...(contactPhone ? { contactPhone } : {}),
      ...(input.customer ? { contactId: String(input.customer.id) } : {}),
    };
  },
};

/** The commentary marker of a task with an id: how a resend finds the task. */
export function taskMarker(id: string): string {
  return `[crossline:${id}]`;
}

/** What the order mapper needs: the options, the external id and the customer. */
interface OrderMapping extends MappingContext {
  /** The order's external id (its id, or the envelope id); `fromVendor` reads the payload's. */
  readonly externalId: string;
  /** The customer with the order's phone, when exactly one has it. */
  readonly customerId?: number | undefined;
}

/** Order ↔ order: lines as items (the SKU as the offer's external id), UTM as `source`. */
export const orderMapper: Mapper<Order, RetailcrmOrderInput, OrderMapping> = {
  toVendor(order, { options, externalId, customerId }) {
    const source = toSource(order.utm);
    return {
      externalId,
      ...(order.number ? { number: order.number } : {}),
      ...(order.customerPhone ? { phone: toRetailcrmPhone(order.customerPhone) } : {}),
      ...(customerId !== undefined ? { customer: { id: customerId } } : {}),
      ...(options.orderMethod ? { orderMethod: options.orderMethod } : {}),
      ...(source ? { source } : {}),
      items: order.lines.map((line) => ({
        productName: line.title,
        initialPrice: line.price,
        quantity: line.qty,
        offer: { externalId: line.sku },
      })),
    };
  },
  fromVendor(input, { options }) {
    const customerPhone = fromRetailcrmPhone(input.phone, options.defaultCountry);
    const utm = toUtm(input.source);
    return {
      ...(input.externalId ? { id: input.externalId } : {}),
      ...(input.number ? { number: input.number } : {}),
      ...(customerPhone ? { customerPhone } : {}),
      ...(utm ? { utm } : {}),
      lines: (input.items ?? []).map((item) => ({
        sku: item.offer?.externalId ?? item.productName,
        title: item.productName,
        qty: item.quantity,
        price: item.initialPrice,
      })),
    };
  },
};

/** A field map read backwards: customer path → canonical path. */
function inverse(map: FieldMap): FieldMap {
  return Object.fromEntries(Object.entries(map).map(([from, to]) => [to, from]));
}

/** The scalar values of mapped custom fields (what a canonical contact holds). */
function scalars(fields: unknown): Contact['customFields'] {
  if (typeof fields !== 'object' || fields === null) return {};
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([, value]) => ['string', 'number', 'boolean'].includes(typeof value) || value === null,
    ),
  ) as Contact['customFields'];
}

/** A customer's custom fields that the `customFields` option maps, by their canonical names. */
export function mappedCustomFields(
  customer: object,
  options: Pick<RetailcrmConfig, 'customFields'>,
): Contact['customFields'] {
  const mapped = applyFieldMap(customer, inverse(options.customFields)) as Partial<Contact>;
  return scalars(mapped.customFields);
}
