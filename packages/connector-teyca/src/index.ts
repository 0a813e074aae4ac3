// @crossline/connector-teyca — the Teyca loyalty connector: its factory, its options and its
// actions (and, as a type, the validated options its type names), the webhook inlet with its
// adapters and event, and the file-backed installation guard store. Everything else (the
// vendor client, wire schemas, mappers) is internal.

export type { TeycaActions } from './actions/index.js';
export { teyca } from './connector.js';
export { type FingerprintStore, fileFingerprintStore } from './lib/installation.js';
export type { TeycaConfig, TeycaOptions } from './options.js';
export { toFetchHandler, toNodeHandler } from './sources/adapters.js';
export { type TeycaPassEvent, teycaPassEventSchema } from './sources/events.js';
export {
  createTeycaWebhookHandler,
  type TeycaWebhookHandler,
  type TeycaWebhookOptions,
  type WebhookResponse,
} from './sources/webhook.js';
