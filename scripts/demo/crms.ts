/**
 * The demo's two CRMs: a retailCRM and an Asteril simulator, each with its connector, seeded with
 * the same returning callers (their numbers typed in assorted forms), and a reader of what each
 * CRM holds at the end.
 */
import { asteril, asterilCallTracking } from '@crossline/connector-asteril';
import { retailcrm } from '@crossline/connector-retailcrm';
import { type Connector, callTrackingPipeline, type Logger, normalizePhone } from '@crossline/core';
import { startAsterilSimulator, startRetailcrmSimulator } from '@crossline/testing';
import { returningCallers } from './calls.js';

/** What the summary reads back from a CRM. */
export interface CrmHoldings {
  /** Clients or customers the CRM holds. */
  readonly contacts: number;
  /** Their numbers, canonical: a number twice is a duplicate contact. */
  readonly contactPhones: readonly string[];
  /** External ids of the logged calls. */
  readonly calls: readonly string[];
  /** Calls with a recording link. */
  readonly recordings: number;
  /** Tasks, with whether each is bound to a contact. */
  readonly tasks: ReadonlyArray<{ readonly key: string; readonly bound: boolean }>;
  /** Rate-limit answers the CRM gave. */
  readonly throttled: number;
}

/** A CRM of the demo. */
export interface DemoCrm {
  /** Its name in the output. */
  readonly name: string;
  /** The connector. */
  readonly connector: Connector;
  /** The pipeline definition for it. */
  readonly pipeline: ReturnType<typeof callTrackingPipeline>;
  /** Its API keys, to check none is in a log line. */
  readonly keys: () => string[];
  /** Changes the key in the CRM and returns the new one. */
  rotateKey(): string;
  /** What it holds now. */
  holdings(): CrmHoldings;
  /** Stops its simulator. */
  close(): Promise<void>;
}

const canonical = (phone: string) => normalizePhone(phone);

/** retailCRM: two managers linked, one of them senior; the shop's own rate limits. */
export async function startRetailcrm(logger: Logger): Promise<DemoCrm> {
  const crm = await startRetailcrmSimulator();
  for (const caller of returningCallers) {
    crm.state.addCustomer({ firstName: caller.firstName, phones: [{ number: caller.phone }] });
  }
  const keys = [crm.apiKey];
  const connector = retailcrm({
    id: 'retailcrm',
    url: crm.url,
    allowLoopback: true, // the simulator listens on http://127.0.0.1
    apiKey: crm.apiKey,
    site: 'main-shop',
    adminEmail: 'admin@shop.example',
    employees: [
      { employeeId: 'op-olena', userId: 7, code: '101', senior: true },
      { employeeId: 'op-taras', userId: 8, code: '102' },
    ],
    customFields: { 'customFields.landing': 'customFields.landing_page' },
    logger,
  });
  return {
    name: 'retailCRM',
    connector,
    pipeline: callTrackingPipeline({ id: 'calls-retailcrm', connector }),
    keys: () => keys,
    rotateKey: () => {
      keys.push(crm.rotateKey());
      return keys.at(-1) as string;
    },
    holdings: () => ({
      contacts: crm.state.customers.length,
      contactPhones: crm.state.customers.flatMap((customer) =>
        customer.phones.map((phone) => canonical(phone.number)),
      ),
      calls: crm.state.calls.map((call) => call.externalId ?? ''),
      recordings: crm.state.calls.filter((call) => call.recordUrl).length,
      tasks: crm.state.tasks.map((task) => ({
        key: task.commentary ?? String(task.id),
        bound: task.customer !== undefined,
      })),
      throttled: crm.state.throttled,
    }),
    close: () => crm.close(),
  };
}

/** The Asteril simulator's and connector's rate: the vendor publishes none (5 rps assumed). */
export const asterilDemoRate = 25;

/** Asteril: numbers looked up in every stored form; the integration's default behaviour. */
export async function startAsteril(logger: Logger): Promise<DemoCrm> {
  const crm = await startAsterilSimulator({ rateLimit: asterilDemoRate });
  for (const caller of returningCallers)
    crm.state.addClient({ name: caller.firstName, phone: caller.phone });
  const keys = [crm.apiKey];
  const connector = asteril({
    id: 'asteril',
    url: crm.url,
    allowLoopback: true,
    apiKey: crm.apiKey,
    rateLimit: asterilDemoRate,
    fieldMap: { 'customFields.landing': 'landing_page' },
    logger,
  });
  return {
    name: 'Asteril',
    connector,
    pipeline: asterilCallTracking(connector, { id: 'calls-asteril' }),
    keys: () => keys,
    rotateKey: () => {
      keys.push(crm.rotateKey());
      return keys.at(-1) as string;
    },
    holdings: () => ({
      contacts: crm.state.clients.length,
      contactPhones: crm.state.clients.map((client) => canonical(client.phone)),
      calls: crm.state.calls.map((call) => call.external_id),
      recordings: crm.state.calls.filter((call) => call.record_url).length,
      tasks: crm.state.tasks.map((task) => ({
        key: task.external_id,
        bound: task.client_id !== null,
      })),
      throttled: crm.state.throttled,
    }),
    close: () => crm.close(),
  };
}
