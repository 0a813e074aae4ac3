import { startAsterilSimulator } from '@crossline/testing';
import { describeCrmConformance } from '@crossline/testing/conformance';
import { asteril } from './connector.js';

describeCrmConformance({
  name: 'Asteril',
  setup: async () => {
    const simulator = await startAsterilSimulator({ rateLimit: 20 });
    const connector = asteril({
      id: 'crm',
      url: simulator.url,
      allowLoopback: true,
      apiKey: simulator.apiKey,
      rateLimit: 20,
      retries: 6,
    });
    return {
      connector,
      simulator,
      rotateKey: () => simulator.rotateKey(),
      loggedCalls: () => simulator.state.calls.map((call) => call.external_id),
      close: () => simulator.close(),
    };
  },
});
