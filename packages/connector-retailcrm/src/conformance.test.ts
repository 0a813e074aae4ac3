import { startRetailcrmSimulator } from '@crossline/testing';
import { describeCrmConformance } from '@crossline/testing/conformance';
import { retailcrm } from './connector.js';

describeCrmConformance({
  name: 'retailCRM',
  setup: async () => {
    const simulator = await startRetailcrmSimulator();
    const connector = retailcrm({
      id: 'crm',
      url: simulator.url,
      allowLoopback: true,
      apiKey: simulator.apiKey,
      site: 'main-shop',
      adminEmail: 'admin@shop.example',
      employees: [{ employeeId: 'op-olena', userId: 7, code: '101', senior: true }],
      retries: 6,
    });
    return {
      connector,
      simulator,
      rotateKey: () => simulator.rotateKey(),
      loggedCalls: () => simulator.state.calls.map((call) => call.externalId ?? ''),
      close: () => simulator.close(),
    };
  },
});
