/**
 * `npm run demo` — crossline's primitives at work against a vendor-like loopback server,
 * until the connector demo replaces it: a stream of calls with phone numbers typed every
 * which way is normalised and posted to a "CRM" that allows 20 requests/s per key, answers
 * 503 "Rate limit exceeded" when pushed harder, fails now and then, and echoes the API key in
 * its error messages. Ends with what the server received: every call once, none lost, and
 * the key in no log line.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import {
  createHttpClient,
  InvalidPhoneError,
  LocalRateLimiter,
  normalizePhone,
  RateLimiterRegistry,
} from '@crossline/core';
import pino from 'pino';

const apiKey = `demo-${crypto.randomUUID()}`;
const calls = 200;
const serverLimit = 20;

/** A CRM that counts per second like a vendor does and refuses what goes over. */
function startCrm() {
  const received = new Map<string, number>();
  let throttled = 0;
  let failed = 0;
  let window = { start: 0, count: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const now = Date.now();
      if (now - window.start >= 1000) window = { start: now, count: 0 };
      window.count += 1;
      const json = (status: number, body: unknown) =>
        response
          .writeHead(status, { 'content-type': 'application/json' })
          .end(JSON.stringify(body));
      if (request.headers['x-api-key'] !== apiKey) return json(401, { errorMsg: 'Wrong apiKey' });
      if (window.count > serverLimit) {
        throttled += 1;
        return json(503, { success: false, errorMsg: 'Rate limit exceeded' });
      }
      if (Math.random() < 0.05) {
        failed += 1;
        return json(500, { success: false, errorMsg: `Internal error for key ${apiKey}` });
      }
      const call = JSON.parse(
        new URLSearchParams(Buffer.concat(chunks).toString()).get('call') ?? '{}',
      );
      received.set(call.externalId, (received.get(call.externalId) ?? 0) + 1);
      json(200, { success: true });
    });
  });
  return {
    received,
    stats: () => ({ throttled, failed }),
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    close: () => server.close(),
  };
}

/** Phone numbers as callers' numbers arrive from telephony and web forms. */
function typedPhone(index: number): string {
  const rest = String(1_000_000 + ((index * 7919) % 9_000_000)).slice(-7);
  const [a, b, c] = [rest.slice(0, 3), rest.slice(3, 5), rest.slice(5)];
  const forms = [
    `+38 (067) ${a}-${b}-${c}`,
    `067 ${a} ${b} ${c}`,
    `380${'67'}${rest}`,
    `8 067 ${a} ${b} ${c}`,
    `tel:+38067${rest}`,
    `00380 67 ${rest}`,
  ];
  return index % 50 === 7 ? 'call me back' : (forms[index % forms.length] as string);
}

const crm = startCrm();
const url = await crm.listen();
const logLines: string[] = [];
const logger = pino(
  { level: 'debug' },
  new Writable({ write: (chunk, _encoding, done) => done(void logLines.push(String(chunk))) }),
);
const limiter = new RateLimiterRegistry().get(
  { vendor: 'demo-crm', account: url, credential: apiKey },
  () => new LocalRateLimiter({ limit: 25 }), // deliberately above the CRM's 20/s: crossline must absorb its 503s
);
const http = createHttpClient({
  baseUrl: `${url}/api/v5`,
  auth: { type: 'header', name: 'X-API-KEY', value: apiKey },
  rateLimiter: limiter,
  logger,
  retry: { retries: 8, baseDelayMs: 100 },
  interpretResponse: ({ status, body }) =>
    status === 503 && (body as { errorMsg?: string })?.errorMsg === 'Rate limit exceeded'
      ? { throttled: true }
      : undefined,
});

console.log(
  `crossline demo — ${calls} calls to a CRM that allows ${serverLimit} requests/s (limiter set to 25/s)\n`,
);
const started = Date.now();
let delivered = 0;
let invalid = 0;
const live = process.stdout.isTTY === true;
const progress = setInterval(
  () => {
    const done = delivered + invalid;
    const bar = '█'.repeat(Math.round((done / calls) * 30)).padEnd(30, '░');
    const line = `  ${bar} ${done}/${calls}  delivered ${delivered}  not a phone ${invalid}  503s absorbed ${crm.stats().throttled}`;
    process.stdout.write(live ? `\r${line}  ` : `${line}\n`);
  },
  live ? 200 : 2000,
);

await Promise.all(
  Array.from({ length: calls }, async (_, index) => {
    let phone: string;
    try {
      phone = normalizePhone(typedPhone(index));
    } catch (error) {
      if (InvalidPhoneError.isInstance(error)) invalid += 1;
      return;
    }
    const call = {
      externalId: `call-${index}`,
      phone,
      result: index % 4 === 0 ? 'missed' : 'answered',
    };
    // Marked idempotent: this CRM answers 500 before storing anything, and a real one is sent
    // the envelope id as externalId, so a resend after a 500 cannot create a second call.
    await http.request({
      method: 'POST',
      path: '/telephony/calls/upload',
      form: { call: JSON.stringify(call) },
      idempotent: true,
    });
    delivered += 1;
  }),
);
clearInterval(progress);
crm.close();

const expected = calls - invalid;
const duplicates = [...crm.received.values()].filter((count) => count > 1).length;
const lost = expected - crm.received.size;
const leaked = logLines.some((line) => line.includes(apiKey));
console.log(`${live ? '\r' : ''}  ${'█'.repeat(30)} ${calls}/${calls}${' '.repeat(60)}\n`);
console.log(
  `  calls sent             ${expected} (+ ${invalid} rejected as not a phone number, with a typed error)`,
);
console.log(`  received by the CRM    ${crm.received.size}`);
console.log(
  `  503 rate-limit answers ${crm.stats().throttled} absorbed (whole bucket paused, then resumed)`,
);
console.log(`  500 answers            ${crm.stats().failed} retried with full-jitter backoff`);
console.log(`  duplicates             ${duplicates}`);
console.log(`  lost                   ${lost}`);
console.log(`  API key in ${logLines.length} log lines: ${leaked ? 'LEAKED' : 'never'}`);
console.log(`  time                   ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (duplicates > 0 || lost > 0 || leaked) process.exitCode = 1;
