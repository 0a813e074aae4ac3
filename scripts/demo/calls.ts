/**
 * The demo's call stream: returning callers already in the CRM (stored in assorted typed
 * forms), new callers, answered and missed calls, UTM tags — deterministic, from a seed.
 */
import type { CallInput } from '@crossline/core';

/** Customers the CRM already has, their numbers typed as people type them. */
export const returningCallers = [
  { firstName: 'Andrii', phone: '+38 (067) 123-45-67' },
  { firstName: 'Maria', phone: '0501112233' },
  { firstName: 'Petro', phone: '+380 63 555 44 33' },
  { firstName: 'Sofiia', phone: '8 097 765 43 21' },
  { firstName: 'Yurii', phone: '38(093)2223344' },
  { firstName: 'Halyna', phone: '066-777-88-99' },
];

const newCallers = Array.from(
  { length: 18 },
  (_, index) =>
    `380${['67', '50', '63', '97', '93'][index % 5]}${String(3_100_000 + index * 7919).slice(-7)}`,
);

const campaigns = [
  { source: 'google', medium: 'cpc', campaign: 'winter-sale', term: 'buy boots' },
  { source: 'facebook', medium: 'social', campaign: 'black-friday' },
  { source: 'newsletter', medium: 'email', campaign: 'november' },
];

/** Mulberry32: a small seeded generator, so every run streams the same calls. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The same number typed the ways callers' numbers reach a call tracker. */
function typed(canonical: string, pick: number): string {
  const national = `0${canonical.slice(3)}`;
  const forms = [
    `+${canonical}`,
    national,
    `+38 (${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6, 8)}-${national.slice(8)}`,
    `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6, 8)} ${national.slice(8)}`,
    canonical,
  ];
  return forms[pick % forms.length] as string;
}

const canonicalOf: Record<string, string> = {
  '+38 (067) 123-45-67': '380671234567',
  '0501112233': '380501112233',
  '+380 63 555 44 33': '380635554433',
  '8 097 765 43 21': '380977654321',
  '38(093)2223344': '380932223344',
  '066-777-88-99': '380667778899',
};

/** `count` calls numbered from `first`, each started `ageMs(index)` ago. */
export function makeCalls(
  first: number,
  count: number,
  ageMs: (index: number) => number,
): CallInput[] {
  const next = random(first + 1);
  return Array.from({ length: count }, (_, offset) => {
    const index = first + offset;
    const returning = next() < 0.4;
    const canonical = returning
      ? (canonicalOf[
          returningCallers[Math.floor(next() * returningCallers.length)]?.phone ?? ''
        ] as string)
      : (newCallers[Math.floor(next() * newCallers.length)] as string);
    const roll = next();
    const result = roll < 0.55 ? 'answered' : roll < 0.9 ? 'missed' : 'busy';
    const direction = next() < 0.85 ? 'incoming' : 'outgoing';
    const client = typed(canonical, Math.floor(next() * 5));
    const line = '044 111 22 33';
    const employee = ['op-olena', 'op-taras', 'op-night-shift', undefined][Math.floor(next() * 4)];
    const started = new Date(Date.now() - ageMs(index));
    return {
      id: `call-${index}`,
      direction,
      result,
      from: direction === 'incoming' ? client : line,
      to: direction === 'incoming' ? line : client,
      startedAt: started.toISOString(),
      durationSec: result === 'answered' ? 30 + Math.floor(next() * 300) : 0,
      ...(result === 'answered'
        ? { recordingUrl: `https://records.tracker.example/${index}.mp3` }
        : {}),
      ...(employee ? { employee: { id: employee } } : {}),
      ...(next() < 0.7 ? { utm: campaigns[index % campaigns.length] } : {}),
      extra: { landing: ['/catalog/boots', '/sale', '/'][index % 3] as string },
    } satisfies CallInput;
  });
}
