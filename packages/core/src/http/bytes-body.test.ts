import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from './create-http-client.js';

const base = 'https://acme.thulium.example';

describe('createHttpClient: a raw bytes body', () => {
  it('sends the bytes as they are, as application/octet-stream unless the request says', async () => {
    const bytes = new Uint8Array([0, 255, 10, 13, 0x89, 0x50]);
    const received: Buffer[] = [];
    const scope = nock(base)
      .post('/api/temporary_files', (body: string) => {
        received.push(Buffer.from(body, 'hex'));
        return true;
      })
      .query({ filename: 'a.png' })
      .matchHeader('content-type', 'application/octet-stream')
      .reply(200, { token: 't' })
      .post('/api/temporary_files')
      .query({ filename: 'b.txt' })
      .matchHeader('content-type', 'text/plain')
      .reply(200, { token: 'u' });
    const client = createHttpClient({ baseUrl: `${base}/api`, retry: { retries: 0 } });
    const path = 'temporary_files';
    await client.request({ method: 'POST', path, query: { filename: 'a.png' }, bytes });
    const headers = { 'content-type': 'text/plain' };
    await client.request({ method: 'POST', path, query: { filename: 'b.txt' }, bytes, headers });
    expect([...(received[0] ?? [])]).toEqual([...bytes]);
    scope.done();
  });
});
