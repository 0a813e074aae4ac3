// Found by review: an attachment fetched from its url was read whole before its size was checked,
// and a failed fetch escaped as a raw TypeError.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TransportError, ValidationError } from '@crossline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { connector } from '../__fixtures__/account.js';
import { replyFiles } from './attachments.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A server that streams `megabytes` MiB, counting what it managed to write. */
async function streaming(megabytes: number) {
  const sent = { bytes: 0 };
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    let left = megabytes;
    const write = () => {
      while (left > 0) {
        left -= 1;
        sent.bytes += 1024 * 1024;
        if (!response.write(Buffer.alloc(1024 * 1024))) return void response.once('drain', write);
      }
      response.end();
    };
    write();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/f`, sent };
}

describe('reply attachments fetched from a url', () => {
  it('are refused as soon as they pass their declared size, not after reading them whole', async () => {
    const { url, sent } = await streaming(40);
    const { config } = connector();
    const files = replyFiles(
      [{ name: 'a.pdf', sizeBytes: 10, url }],
      { count: 0, bytes: 0 },
      config,
    );
    await expect(files).rejects.toThrow(ValidationError);
    await expect(files).rejects.toThrow(/more than its declared sizeBytes 10/);
    expect(sent.bytes).toBeLessThan(40 * 1024 * 1024);
  });

  it('a url that cannot be fetched is a retryable TransportError, not a raw TypeError', async () => {
    const { config } = connector();
    const files = replyFiles(
      [{ name: 'a.pdf', sizeBytes: 10, url: 'http://127.0.0.1:9/f' }],
      { count: 0, bytes: 0 },
      config,
    );
    await expect(files).rejects.toBeInstanceOf(TransportError);
    await expect(files).rejects.toMatchObject({ retryable: true });
  });
});
