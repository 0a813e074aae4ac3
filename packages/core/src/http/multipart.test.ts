import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from './create-http-client.js';

const base = 'https://shop.example';

describe('createHttpClient: multipart bodies', () => {
  it('sends a FormData body as multipart/form-data with its boundary, bytes intact', async () => {
    let body = '';
    nock(base)
      .post('/upload', (sent) => {
        body = typeof sent === 'string' ? sent : JSON.stringify(sent);
        return true;
      })
      .matchHeader('content-type', /^multipart\/form-data; boundary=/)
      .reply(201, { ok: true });
    const form = new FormData();
    form.append('meta', new Blob(['{"a":1}'], { type: 'application/json' }));
    form.append('files', new Blob([new Uint8Array([104, 105])]), 'hi.txt');
    const client = createHttpClient({ baseUrl: base, retry: { retries: 0 } });
    const answer = await client.request({ method: 'POST', path: '/upload', multipart: form });
    expect(answer.status).toBe(201);
    expect(body).toContain('name="meta"');
    expect(body).toContain('Content-Type: application/json');
    expect(body).toContain('{"a":1}');
    expect(body).toContain('filename="hi.txt"');
  });
});
