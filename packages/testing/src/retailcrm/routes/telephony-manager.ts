import { stop } from '../../kit/reply.js';
import type { SimulatorRequest } from '../../kit/request.js';
import { customerByPhone } from '../customer-store.js';
import type { RetailcrmCustomer, RetailcrmUser } from '../model-people.js';
import { requiredScalar, scalar } from '../parameters.js';
import { success, validationError } from '../replies.js';
import type { RetailcrmRoute } from '../route.js';
import type { RetailcrmState } from '../state.js';
import { renderCustomer } from './customers.js';
import { activeTelephony } from './integration-modules.js';

/** `GET /telephony/manager?phone=…&details=1&ignoreStatus=1`: who should take a call. */
export const telephonyManagerRoutes: readonly RetailcrmRoute[] = [
  {
    method: 'GET',
    path: '/telephony/manager',
    handle: (request, { state, url }) => {
      const phone = requiredScalar(request, 'phone');
      const details = flag(request, 'details');
      const ignoreStatus = flag(request, 'ignoreStatus');
      const customer = customerByPhone(state, phone);
      const manager = state.users.find(
        (user) =>
          user.id === customer?.managerId &&
          user.active &&
          (ignoreStatus || user.status === 'free'),
      );
      return success({
        ...(manager ? { manager: renderManager(state, manager) } : {}),
        ...(customer && details ? { customer: renderCustomer(customer) } : {}),
        links: links(state, url, phone, customer),
      });
    },
  },
];

function flag(request: SimulatorRequest, name: string): boolean {
  const value = scalar(request, name) ?? '0';
  if (value === '0' || value === '1') return value === '1';
  return stop(validationError({ [name]: 'The value you selected is not a valid choice.' }));
}

function renderManager(state: RetailcrmState, user: RetailcrmUser): Record<string, unknown> {
  const code = activeTelephony(state)?.additionalCodes.find(({ userId }) => userId === user.id);
  const { id, firstName, lastName, email } = user;
  return { id, firstName, lastName, email, ...(code ? { code: code.code } : {}) };
}

function links(
  state: RetailcrmState,
  url: string,
  phone: string,
  customer: RetailcrmCustomer | undefined,
): Record<string, string> {
  if (customer === undefined) {
    const query = `phone=${encodeURIComponent(phone)}`;
    return {
      newOrderLink: `${url}/orders/add?${query}`,
      newCustomerLink: `${url}/customers/add?${query}`,
    };
  }
  const lastOrder = state.orders.findLast((order) => order.customer.id === customer.id);
  return {
    newOrderLink: `${url}/orders/add?customerId=${customer.id}`,
    customerLink: `${url}/customers/${customer.id}`,
    ...(lastOrder ? { lastOrderLink: `${url}/orders/${lastOrder.id}/edit` } : {}),
  };
}
