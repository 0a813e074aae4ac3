import type { CapabilityAction, ConnectorWith } from '../capabilities/crm.js';
import type { PerformContext } from '../connector/connector.js';

/** Runs a capability's actions on one connector, typed by the capability: no casts. */
export type Performer<Contract> = <Name extends keyof Contract & string>(
  action: Name,
  input: Contract[Name] extends CapabilityAction<infer Input, unknown> ? Input : never,
) => Promise<Contract[Name] extends CapabilityAction<unknown, infer Output> ? Output : never>;

/**
 * A connector's capability actions bound to a delivery's envelope context: how a pipeline step
 * calls a connector other than its destination (a loyalty platform while it writes to a CRM).
 */
export function performerOf<
  Contract extends { [Name in keyof Contract]: CapabilityAction<unknown, unknown> },
>(connector: ConnectorWith<Contract>, context: PerformContext): Performer<Contract> {
  // The Hub's own step context bridges the same way: a connector's `perform` as the Hub sees it
  // resolves with any action's output; the contract's type is what the caller gets.
  // biome-ignore lint/suspicious/noExplicitAny: the capability contract types the result.
  const perform: (action: string, input: unknown) => Promise<any> = (action, input) =>
    connector.perform(action, input, context);
  return perform;
}
