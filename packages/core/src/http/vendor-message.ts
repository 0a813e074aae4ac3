const maxMessageLength = 500;

/**
 * Extracts the vendor's own error message from a response body, in the shapes vendors use:
 * `errorMsg` (retailCRM), `message`, `error` (string or `{ message }`), `detail`, and
 * `errors` as an object of field → messages or an array; a text body is used as is. The
 * message is whole: the caller redacts it, then cuts it with {@link truncate}.
 */
export function vendorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() || undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const parts: string[] = [];
  for (const field of ['errorMsg', 'message', 'error', 'detail', 'title']) {
    const text = textOf(record[field]);
    if (text) {
      parts.push(text);
      break;
    }
  }
  const errors = flattenErrors(record.errors);
  if (errors) parts.push(errors);
  return parts.length > 0 ? parts.join(' — ') : undefined;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const message = (value as Record<string, unknown>).message;
    if (typeof message === 'string') return message;
  }
  return undefined;
}

function flattenErrors(errors: unknown): string | undefined {
  if (Array.isArray(errors)) {
    const texts = errors.map((item) => textOf(item) ?? JSON.stringify(item));
    return texts.length > 0 ? texts.join('; ') : undefined;
  }
  if (typeof errors === 'object' && errors !== null) {
    const entries = Object.entries(errors).map(([field, value]) => {
      const text = Array.isArray(value)
        ? value.map(String).join(', ')
        : (textOf(value) ?? String(value));
      return `${field}: ${text}`;
    });
    return entries.length > 0 ? entries.join('; ') : undefined;
  }
  return undefined;
}

/** Cuts a vendor message to 500 characters; redact secrets first, so none is cut in half. */
export function truncate(text: string): string {
  return text.length > maxMessageLength ? `${text.slice(0, maxMessageLength)}…` : text;
}
