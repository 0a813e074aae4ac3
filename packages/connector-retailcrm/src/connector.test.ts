import { afterEach, describe, expect, it } from 'vitest';
import { call, setupOnSimulator as setup, stopSimulator } from './__fixtures__/simulator.js';
import { requiredMethods } from './verify.js';

afterEach(stopSimulator);

const day = 86_400_000;

describe('retailCRM connector against the simulator', () => {
  it('verify() names exactly the methods the key lacks', async () => {
    const { crm, connector } = await setup();
    const allowed = requiredMethods.filter(
      (method) => method !== '/api/tasks/create' && method !== '/api/telephony/calls/upload',
    );
    crm.addKey('limited-key-0123456789', { credentials: allowed });
    connector.configure({ apiKey: 'limited-key-0123456789' });
    expect(await connector.verify()).toMatchObject({
      ok: false,
      reachable: true,
      credentialsValid: true,
      missingPermissions: ['/api/tasks/create', '/api/telephony/calls/upload'],
    });
    connector.configure({ apiKey: 'not-a-key-at-all-0000' });
    expect(await connector.verify()).toMatchObject({ ok: false, credentialsValid: false });
  });

  it('verify() reports an unknown admin e-mail and employees who are not active managers', async () => {
    const { connector } = await setup({
      adminEmail: 'nobody@shop.example',
      employees: [
        { employeeId: 'op-olena', userId: 7, code: '101' },
        { employeeId: 'gone', userId: 9 },
      ],
    });
    expect(await connector.verify()).toMatchObject({
      ok: false,
      credentialsValid: true,
      missingPermissions: [],
      problems: [
        'no active CRM user has the admin e-mail nobody@shop.example',
        'employee gone: CRM user 9 is not an active manager',
        'no senior manager: unroutable calls and tasks go to the admin',
      ],
    });
  });

  it('activation registers the telephony module with the extensions; deactivation switches it off', async () => {
    const { crm, connector } = await setup();
    await connector.activate();
    const module = crm.state.integrationModules.get('crossline-main-shop');
    expect(module).toMatchObject({ active: true, integrationCode: 'crossline' });
    expect(module?.integrations?.telephony?.additionalCodes).toEqual([
      { userId: 7, code: '101' },
      { userId: 8, code: '102' },
    ]);
    await connector.deactivate();
    expect(crm.state.integrationModules.get('crossline-main-shop')?.active).toBe(false);
  });

  it('activation refuses an employee linked to a user who is not an active manager', async () => {
    const { connector } = await setup({ employees: [{ employeeId: 'gone', userId: 9 }] });
    await expect(connector.activate()).rejects.toThrow(/gone → user 9/);
    expect(connector.status).toBe('inactive');
  });

  it('finds a customer stored as "+38 (067) 123-45-67", logs the call and binds the missed-call task', async () => {
    const { crm, hub, connector } = await setup();
    const stored = crm.state.addCustomer({
      firstName: 'Ivan',
      phones: [{ number: '+38 (067) 123-45-67' }],
    });
    await connector.activate();
    await hub.publish(
      'calls',
      call(1, { from: '067 123 45 67', result: 'missed', employee: { id: 'op-taras' } }),
    );
    await hub.idle();
    expect(crm.state.customers).toHaveLength(1);
    expect(crm.state.calls).toEqual([
      expect.objectContaining({
        externalId: 'calls:call-1',
        phone: '+380671234567',
        code: '102',
        result: 'no answer',
      }),
    ]);
    expect(crm.state.tasks).toEqual([
      expect.objectContaining({
        performerId: 8,
        customer: expect.objectContaining({ id: stored.id }),
      }),
    ]);
  });

  it('routes an unlinked employee, or none, to the senior manager', async () => {
    const { crm, hub, connector } = await setup();
    await connector.activate();
    await hub.publish('calls', call(1, { result: 'missed', employee: { id: 'op-unknown' } }));
    await hub.publish('calls', call(2, { from: '0501112233', result: 'missed' }));
    await hub.idle();
    expect(crm.state.calls.map((entry) => entry.code)).toEqual(['101', '101']);
    expect(crm.state.tasks.map((task) => task.performerId)).toEqual([7, 7]);
  });

  it('creates a new caller with UTM as source and keeps stored phones on an upsert', async () => {
    const { crm, hub, connector } = await setup();
    await connector.activate();
    await hub.publish(
      'calls',
      call(1, { from: '0931234567', utm: { source: 'google', term: 'boots' } }),
    );
    await hub.idle();
    expect(crm.state.customers).toEqual([
      expect.objectContaining({
        phones: [{ number: '+380931234567' }],
        source: { source: 'google', keyword: 'boots' },
      }),
    ]);
    await connector.perform(
      'contacts.upsert',
      { phones: ['0931234567', '0501112233'] },
      { envelopeId: 'x', occurredAt: 0, signal: undefined },
    );
    expect(crm.state.customers[0]?.phones).toEqual([
      { number: '+380931234567' },
      { number: '+380501112233' },
    ]);
  });

  it('absorbs a storm of 503 "Rate limit exceeded" without losing or repeating anything', {
    timeout: 60_000,
  }, async () => {
    // The connector believes it may send 3× what the CRM allows.
    const { crm, hub, connector } = await setup(
      { rateLimits: { general: 30, telephony: 120 } },
      { rateLimits: { general: 10, telephony: 40 } },
    );
    const known = Array.from({ length: 6 }, (_, index) => `+38067${1_000_000 + index}`);
    const fresh = Array.from({ length: 6 }, (_, index) => `+38050${2_000_000 + index}`);
    for (const phone of known) crm.state.addCustomer({ phones: [{ number: phone }] });
    await connector.activate();
    const calls = [...known, ...fresh].map((from, index) =>
      call(index, { from, result: index % 2 === 0 ? 'missed' : 'answered' }),
    );
    const resent: string[] = [];
    hub.on('delivered', ({ envelope, result }) => {
      if ((result as { duplicate?: boolean } | undefined)?.duplicate) resent.push(envelope.id);
    });
    await Promise.all(calls.map((item) => hub.publish('calls', item)));
    for (let round = 0; round < 400 && Object.keys(await hub.pending()).length > 0; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await hub.idle();
    }
    expect(crm.state.throttled).toBeGreaterThan(0);
    expect(crm.state.calls.map((entry) => entry.externalId).sort()).toEqual(
      calls.map((item) => `calls:${item.id}`).sort(),
    );
    expect(crm.state.customers).toHaveLength(known.length + fresh.length); // none twice
    expect(crm.state.tasks).toHaveLength(calls.length / 2); // one per missed call
    expect(new Set(crm.state.tasks.map((task) => task.customer?.id)).size).toBe(calls.length / 2);
    expect(resent).toEqual([]);
  });

  it('sends call pop-ups linked to the logged call, and skips stale ones', async () => {
    const { crm, connector } = await setup();
    await connector.activate();
    const context = { envelopeId: 'events:1', occurredAt: Date.now(), signal: undefined };
    const ringing = call(5, { employee: { id: 'op-taras' }, result: 'missed' });
    await connector.perform('calls.event', { phase: 'start', call: ringing }, context);
    await connector.perform('calls.event', { phase: 'end', call: ringing }, context);
    expect(crm.state.callEvents).toEqual([
      expect.objectContaining({ type: 'in', codes: ['102'], callExternalId: 'calls:call-5' }),
      expect.objectContaining({
        type: 'hangup',
        hangupStatus: 'no answered',
        callExternalId: 'calls:call-5',
      }),
    ]);
    const stale = { ...context, occurredAt: Date.now() - 600_000 };
    expect(
      await connector.perform('calls.event', { phase: 'start', call: ringing }, stale),
    ).toEqual({
      skipped: 'stale',
    });
    expect(crm.state.callEvents).toHaveLength(2);
  });

  it('refuses to link an active user who is not a manager', async () => {
    const { connector } = await setup({ employees: [{ employeeId: 'boss', userId: 1 }] });
    await expect(connector.activate()).rejects.toThrow(/boss → user 1/);
  });

  it('a changed key breaks the connector; re-activation replays the last 3 days once and drops older calls', async () => {
    const { crm, hub, connector } = await setup();
    const dropped: string[] = [];
    hub.on('dropped', ({ envelope, reason }) => dropped.push(`${envelope.eventId}:${reason}`));
    await connector.activate();
    await hub.publish('calls', call(1));
    await hub.idle();
    const newKey = crm.rotateKey();
    await hub.publish('calls', call(2, { startedAt: new Date(Date.now() - day).toISOString() }));
    await hub.idle();
    expect(connector.status).toBe('broken');
    await hub.publish(
      'calls',
      call(3, { startedAt: new Date(Date.now() - 5 * day).toISOString() }),
    );
    await hub.publish('calls', call(4));
    connector.configure({ apiKey: newKey });
    await connector.activate({ replay: true });
    await hub.idle();
    expect(crm.state.calls.map((entry) => entry.externalId)).toEqual([
      'calls:call-1',
      'calls:call-2',
      'calls:call-4',
    ]);
    expect(dropped).toEqual(['call-3:outside-retention']);
  });

  it('re-activation without replay (replayOnReactivate: false) drops what was buffered and says so', async () => {
    const { crm, hub, connector } = await setup({ replayOnReactivate: false });
    const dropped: string[] = [];
    hub.on('dropped', ({ envelope, reason }) => dropped.push(`${envelope.eventId}:${reason}`));
    await connector.activate();
    const newKey = crm.rotateKey();
    await hub.publish('calls', call(1));
    await hub.publish('calls', call(2));
    await hub.idle();
    connector.configure({ apiKey: newKey });
    await connector.activate();
    await hub.idle();
    expect(crm.state.calls).toHaveLength(0);
    expect(dropped).toEqual(['call-1:replay-disabled', 'call-2:replay-disabled']);
  });
});
