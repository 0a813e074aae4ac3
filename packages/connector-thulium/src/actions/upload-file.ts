import type { ActionDefinition, HelpdeskUploadedFile } from '@crossline/core/sdk';
import { z } from 'zod';
import type { ThuliumApi } from '../api.js';
import type { ThuliumConfig } from '../options.js';

const inputSchema = z.object({
  /** The file name. */
  name: z.string().trim().min(1),
  /** The bytes. */
  content: z.instanceof(Uint8Array),
  /** The MIME type. */
  contentType: z.string().min(1).default('application/octet-stream'),
});

/** What `files.upload` resolves with. */
const outputSchema = z.object({
  /** The token for `files` of the ticket and message actions (valid 24 h). */
  token: z.string(),
  /** The stored name. */
  name: z.string(),
  /** The stored size, bytes. */
  sizeBytes: z.number(),
});

/**
 * `files.upload`: `POST /temporary_files?filename=<name>` with the raw bytes as the body; the
 * token lives 24 hours. Thulium's UI takes 25 MB per file; its API limit is UNCERTAIN.
 */
export const uploadFile = {
  input: inputSchema,
  output: outputSchema,
  permissions: ['POST /temporary_files'],
  async run({ name, content, contentType }, { client, signal }) {
    const stored = await client.uploadTemporaryFile(name, content, contentType, signal);
    return {
      token: stored.token,
      name: stored.filename ?? name,
      sizeBytes: stored.size ?? content.byteLength,
    };
  },
} satisfies ActionDefinition<
  ThuliumConfig,
  ThuliumApi,
  z.output<typeof inputSchema>,
  HelpdeskUploadedFile
>;
