import { TransportError, ValidationError } from '@crossline/core';
import type { ReplyAttachment } from '@crossline/core/sdk';
import type { ReplyFile } from '../api.js';
import type { EmpikplaceConfig } from '../options.js';
import type { MiraklThread } from '../wire.js';

/** What a conversation carries already. */
export interface ConversationFiles {
  /** Attachments in it. */
  readonly count: number;
  /** Their bytes. */
  readonly bytes: number;
}

/** The attachments a thread carries, from its messages (M10 has them all). */
export function conversationFiles(thread: MiraklThread): ConversationFiles {
  const files = thread.messages.flatMap((message) => message.attachments);
  return { count: files.length, bytes: files.reduce((sum, file) => sum + file.size, 0) };
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(2)} MB`;

function refuse(message: string, path: string): never {
  throw new ValidationError(message, { issues: [{ path, message }] });
}

/**
 * Refuses the files when they would take the conversation over its limits — the attachment
 * total (`replies.attachmentLimitBytes`, counting what is there plus the new ones) or the
 * attachment count — with a `ValidationError` stating the sizes. Called before anything is
 * fetched or sent, and again with the bytes in hand.
 */
export function checkLimits(
  sizes: readonly number[],
  existing: ConversationFiles,
  config: EmpikplaceConfig,
): void {
  const { attachmentLimitBytes, maxAttachments } = config.replies;
  const adding = sizes.reduce((sum, size) => sum + size, 0);
  const total = existing.bytes + adding;
  if (total > attachmentLimitBytes) {
    refuse(
      `The reply's attachments (${adding} bytes, ${megabytes(adding)}) would take the conversation to ${total} bytes (${megabytes(total)}), over its limit of ${attachmentLimitBytes} bytes (${megabytes(attachmentLimitBytes)}); it carries ${existing.bytes} bytes already. Nothing was sent.`,
      'attachments',
    );
  }
  if (existing.count + sizes.length > maxAttachments) {
    refuse(
      `The reply's ${sizes.length} attachments would take the conversation to ${existing.count + sizes.length} files, over its limit of ${maxAttachments}. Nothing was sent.`,
      'attachments',
    );
  }
}

async function bytesOf(
  file: ReplyAttachment,
  index: number,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  if (file.contentBase64 !== undefined) return Buffer.from(file.contentBase64, 'base64');
  if (file.url === undefined) {
    refuse(
      `Attachment ${index} ("${file.name}") has neither contentBase64 nor url`,
      `attachments.${index}`,
    );
  }
  const what = `Attachment ${index} ("${file.name}")`;
  const timeout = AbortSignal.timeout(fetchTimeoutMs);
  let answer: Response;
  try {
    answer = await fetch(file.url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new TransportError(`${what} could not be fetched (${(error as Error).name})`, {
      retryable: true,
      cause: error,
    });
  }
  if (!answer.ok)
    refuse(`${what} could not be fetched: HTTP ${answer.status}`, `attachments.${index}.url`);
  return readAtMost(answer, file.sizeBytes, what, index);
}

/** How long fetching one attachment may take. */
const fetchTimeoutMs = 60_000;

/**
 * The answer's body, read chunk by chunk and refused as soon as it passes the declared size: a
 * wrong `sizeBytes` never makes the connector hold more than it said.
 */
async function readAtMost(
  answer: Response,
  declared: number,
  what: string,
  index: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = answer.body?.getReader();
  for (;;) {
    const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > declared) {
      await reader?.cancel().catch(() => {});
      refuse(
        `${what} has more than its declared sizeBytes ${declared}. Nothing was sent.`,
        `attachments.${index}.sizeBytes`,
      );
    }
    chunks.push(chunk.value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The reply's files, ready to send: the limits checked with the declared sizes first, the bytes
 * read (from `contentBase64`, or fetched from `url`), then checked again with their real sizes —
 * a file larger than declared is refused.
 */
export async function replyFiles(
  attachments: readonly ReplyAttachment[],
  existing: ConversationFiles,
  config: EmpikplaceConfig,
  signal?: AbortSignal,
): Promise<ReplyFile[]> {
  checkLimits(
    attachments.map((file) => file.sizeBytes),
    existing,
    config,
  );
  const files: ReplyFile[] = [];
  for (const [index, file] of attachments.entries()) {
    const content = await bytesOf(file, index, signal);
    if (content.byteLength > file.sizeBytes) {
      refuse(
        `Attachment ${index} ("${file.name}") has ${content.byteLength} bytes, more than its declared sizeBytes ${file.sizeBytes}. Nothing was sent.`,
        `attachments.${index}.sizeBytes`,
      );
    }
    files.push({ name: file.name, contentType: file.contentType, content });
  }
  checkLimits(
    files.map((file) => file.content.byteLength),
    existing,
    config,
  );
  return files;
}
