import { describe, expect, it } from 'vitest';
import { call, useAsterilHub } from './__fixtures__/hub.js';

const setup = useAsterilHub();

describe('Asteril connector against the simulator', () => {
  it('a new caller becomes a Client with UTM and extra parameters in text fields, and no responsible', async () => {
    const { crm, hub } = await setup();
    await hub.publish(
      'calls',
      call(1, { utm: { source: 'google', campaign: 'winter' }, extra: { landing: '/sale' } }),
    );
    await hub.idle();
    expect(crm.state.clients).toEqual([
      expect.objectContaining({
        phone: '380671234567',
        responsible_id: null,
        text_fields: { utm_source: 'google', utm_campaign: 'winter', landing_page: '/sale' },
      }),
    ]);
  });

  it('writes every UTM tag and the extra parameters into the text fields of a new Client', async () => {
    const { crm, hub } = await setup();
    const utm = {
      source: 'google',
      medium: 'cpc',
      campaign: 'winter',
      term: 'boots',
      content: 'ad-7',
    };
    await hub.publish('calls', call(1, { utm, extra: { landing: '/sale' } }));
    await hub.idle();
    expect(crm.state.clients.map((client) => client.text_fields)).toEqual([
      {
        utm_source: 'google',
        utm_medium: 'cpc',
        utm_campaign: 'winter',
        utm_term: 'boots',
        utm_content: 'ad-7',
        landing_page: '/sale',
      },
    ]);
  });

  it('logs an outgoing call under the callee, with its direction and start time', async () => {
    const { crm, hub } = await setup();
    await hub.publish(
      'calls',
      call(1, { direction: 'outgoing', from: '0441112233', to: '0501112233', durationSec: 7 }),
    );
    await hub.idle();
    expect(crm.state.calls).toEqual([
      expect.objectContaining({
        phone: '380501112233',
        direction: 'out',
        status: 'answered',
        started_at: '2026-11-23T10:15:00+02:00',
        duration_sec: 7,
        client_id: crm.state.clients[0]?.id,
      }),
    ]);
  });

  it('logs a finished call with direction, result, duration and the recording of an answered call', async () => {
    const { crm, hub } = await setup();
    await hub.publish('calls', call(1));
    await hub.publish(
      'calls',
      call(2, { result: 'busy', durationSec: 0, recordingUrl: undefined }),
    );
    await hub.idle();
    const clientId = crm.state.clients[0]?.id;
    expect(crm.state.calls).toEqual([
      expect.objectContaining({
        external_id: 'calls:call-1',
        client_id: clientId,
        direction: 'in',
        status: 'answered',
        duration_sec: 95,
        record_url: 'https://records.example/1.mp3',
      }),
      expect.objectContaining({ external_id: 'calls:call-2', status: 'busy', record_url: null }),
    ]);
  });

  it('a missed call becomes a Task bound to the Client, for the manager whose key set it up', async () => {
    const { crm, hub } = await setup();
    await hub.publish('calls', call(1, { result: 'missed', employee: { id: 'op-9' } }));
    await hub.idle();
    expect(crm.state.tasks).toEqual([
      expect.objectContaining({
        title: 'Missed call from +380671234567',
        description: expect.stringContaining('Call call-1 at'),
        type: 'missed_call',
        client_id: crm.state.clients[0]?.id,
        responsible_id: 1,
        external_id: 'calls:call-1:task',
      }),
    ]);
  });

  it.each(['+38 (067) 123-45-67', '0671234567', '+380671234567'])(
    'binds the Task to a Client stored as %s, and creates no second Client',
    async (stored) => {
      const { crm, hub } = await setup();
      const client = crm.state.addClient({ name: 'Ivan', phone: stored });
      await hub.publish('calls', call(1, { result: 'missed' }));
      await hub.idle();
      expect(crm.state.clients).toHaveLength(1);
      expect(crm.state.tasks.map((task) => task.client_id)).toEqual([client.id]);
      expect(crm.state.calls.map((entry) => entry.client_id)).toEqual([client.id]);
    },
  );

  it('binds to none and warns, naming them, when several Clients have the number', async () => {
    const { crm, hub, warnings } = await setup();
    const first = crm.state.addClient({ phone: '0671234567' });
    const second = crm.state.addClient({ phone: '+38 (067) 123-45-67' });
    await hub.publish('calls', call(1, { result: 'missed' }));
    await hub.idle();
    expect(crm.state.clients).toHaveLength(2);
    expect(crm.state.tasks.map((task) => task.client_id)).toEqual([null]);
    expect(crm.state.calls.map((entry) => entry.client_id)).toEqual([null]);
    expect(warnings[0]).toMatchObject({
      action: 'contacts.findByPhone',
      message: expect.stringContaining(`(ids ${first.id}, ${second.id})`),
      details: { phone: '380671234567', ids: [String(first.id), String(second.id)] },
    });
  });

  it('searches a number once: the Client found or created is remembered for the next calls', async () => {
    const { crm, hub } = await setup();
    await hub.publish('calls', call(1));
    await hub.idle();
    const searches = () =>
      crm.requests.filter((request) => request.path.startsWith('/api/v3/clients')).length;
    const afterFirst = searches();
    expect(afterFirst).toBeGreaterThan(10); // every stored form, then the create
    await hub.publish('calls', call(2, { from: '+38 (067) 123-45-67' }));
    await hub.idle();
    expect(searches()).toBe(afterFirst);
    expect(crm.state.calls.map((entry) => entry.client_id)).toEqual(
      [1, 1].map(() => crm?.state.clients[0]?.id),
    );
  });

  it('handles incoming calls only, and creates no Client or Task when told not to', async () => {
    const { crm, hub } = await setup({
      behaviour: { directions: 'incoming', createClient: false, createTask: false },
    });
    await hub.publish(
      'calls',
      call(1, { direction: 'outgoing', from: '0441112233', to: '0501112233' }),
    );
    await hub.publish('calls', call(2, { result: 'missed' }));
    await hub.idle();
    expect(crm.state.calls.map((entry) => entry.external_id)).toEqual(['calls:call-2']);
    expect(crm.state.clients).toHaveLength(0);
    expect(crm.state.tasks).toHaveLength(0);
  });

  it('verify() names the missing text fields and a key whose user is not an administrator', async () => {
    const { crm, connector } = await setup({ fieldMap: { 'customFields.gclid': 'gclid' } });
    expect(await connector.verify()).toMatchObject({
      ok: false,
      credentialsValid: true,
      problems: ['the Client text field "gclid" does not exist'],
    });
    crm.addKey('manager-key-0123456789', { user: 2 });
    connector.configure({ apiKey: 'manager-key-0123456789' });
    expect((await connector.verify()).problems).toContain(
      "the key's user is not an administrator: the integration needs admin access",
    );
    connector.configure({ apiKey: 'wrong-key-0123456789' });
    expect(await connector.verify()).toMatchObject({ ok: false, credentialsValid: false });
  });
});
