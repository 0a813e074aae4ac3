import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, ValidationError } from '@crossline/core';
import { describe, expect, it } from 'vitest';
import { performContext } from './__fixtures__/account.js';
import { connectorFor, simulator } from './__fixtures__/simulator.js';
import { fileFingerprintStore } from './lib/installation.js';

describe('against the Teyca simulator', () => {
  it('verify: key, API module and token all good', async () => {
    const sim = await simulator();
    expect(await connectorFor(sim).verify()).toEqual({
      ok: true,
      reachable: true,
      credentialsValid: true,
      missingPermissions: [],
      problems: [],
    });
  });

  it('verify explains a refused key, and a blocked token, with what to do', async () => {
    const sim = await simulator();
    const wrongKey = await connectorFor(sim, { apiKey: 'x'.repeat(32) }).verify();
    expect(wrongKey).toMatchObject({ ok: false, credentialsValid: false });
    expect(wrongKey.problems.join()).toMatch(/main authorization key.*Integration → API/);
    sim.blockToken(sim.token);
    const blocked = await connectorFor(sim).verify();
    expect(blocked).toMatchObject({ ok: false, credentialsValid: false });
    expect(blocked.problems.join()).toMatch(/token.*blocked.*Create a new token/);
  });

  it('creates, reads, finds by phone, updates and deletes a card', async () => {
    const sim = await simulator();
    const teyca = connectorFor(sim, { defaultCountry: 'RU' });
    const created = await teyca.perform(
      'cards.create',
      {
        template: 'Base layout',
        firstName: 'Anna',
        phone: '8 (900) 123-45-67',
        birthday: '1992-04-15',
        gender: 'female',
      },
      performContext,
    );
    expect(created).toMatchObject({
      firstName: 'Anna',
      phone: '79001234567',
      birthday: '1992-04-15',
      gender: 'female',
    });
    expect(sim.state.passes.get(Number(created.id))).toMatchObject({
      phone: '79001234567',
      birthday: '15.04.1992',
    });
    await teyca.perform('cards.update', { id: created.id, lastName: 'Petrova' }, performContext);
    const found = await teyca.perform(
      'cards.findByPhone',
      { phone: '+7 900 123 45 67' },
      performContext,
    );
    expect(found.map((card) => [card.id, card.lastName, card.firstName])).toEqual([
      [created.id, 'Petrova', 'Anna'],
    ]);
    expect(await teyca.perform('cards.delete', { id: created.id }, performContext)).toMatchObject({
      deleted: true,
    });
    expect(await teyca.perform('cards.get', { id: created.id }, performContext)).toBeNull();
  });

  it('accrues bonuses with their own dates and writes them off (set-balance)', async () => {
    const sim = await simulator();
    const pass = sim.installCard({ phone: '79001234567' });
    const teyca = connectorFor(sim, { bonusWriteOff: 'set-balance' });
    await teyca.perform(
      'bonuses.accrue',
      {
        cardId: pass.user_id,
        amount: 100,
        activatesAt: '2020-01-01T00:00:00.000+00:00',
        expiresAt: '2100-01-01T00:00:00.000+00:00',
      },
      performContext,
    );
    await teyca.perform('bonuses.writeOff', { cardId: pass.user_id, amount: 30 }, performContext);
    const card = await teyca.perform('cards.get', { id: pass.user_id }, performContext);
    expect(card?.bonusBalance).toBe(70);
  });

  it('writes off as a negative accrual where the account takes one', async () => {
    const sim = await simulator({ allowNegativeBonus: true });
    const pass = sim.installCard({ phone: '79001234567' });
    const teyca = connectorFor(sim);
    await teyca.perform('bonuses.accrue', { cardId: pass.user_id, amount: 100 }, performContext);
    await teyca.perform('bonuses.writeOff', { cardId: pass.user_id, amount: 40 }, performContext);
    expect(
      (await teyca.perform('cards.get', { id: pass.user_id }, performContext))?.bonusBalance,
    ).toBe(60);
  });

  it('a mailing to a client without consent is refused and nothing is sent', async () => {
    const sim = await simulator({ consentField: { field: 'key1', value: 'confirmed' } });
    const declined = sim.installCard({ phone: '79001234567', key1: 'no' });
    const agreed = sim.installCard({ phone: '79001234568', key1: 'confirmed' });
    const teyca = connectorFor(sim, {
      mailingConsent: { field: 'key1', values: ['confirmed'] },
      pushAllowed: { field: 'key1' },
    });
    const refused = teyca.perform(
      'messages.send',
      { cardId: declined.user_id, channel: 'sms', text: 'Sale' },
      performContext,
    );
    await expect(refused).rejects.toSatisfy(ValidationError.isInstance);
    expect(sim.state.mailings).toEqual([]);
    await teyca.perform(
      'messages.send',
      { cardId: agreed.user_id, channel: 'sms', text: 'Sale' },
      performContext,
    );
    expect(sim.state.mailings.map((mailing) => mailing.delivered)).toEqual([[agreed.user_id]]);
  });

  it('a second installation on the same token is refused before any request', async () => {
    const sim = await simulator();
    const store = fileFingerprintStore(await mkdtemp(join(tmpdir(), 'teyca-fp-')));
    const first = connectorFor(sim, { installation: 'shop-a', fingerprintStore: store });
    await first.perform('cards.get', { id: 1 }, performContext);
    const before = sim.requests.length;
    const second = connectorFor(sim, { installation: 'shop-b', fingerprintStore: store });
    const failure = second.perform('cards.get', { id: 1 }, performContext);
    await expect(failure).rejects.toSatisfy(ConfigError.isInstance);
    await expect(failure).rejects.toThrow(
      /another installation \("shop-a"\).*replicas must not share a token/,
    );
    expect(sim.requests.length).toBe(before);
    expect((await second.verify()).problems.join()).toMatch(/another installation/);
  });
});
