import { randomBytes } from 'node:crypto';
import { jsonBody } from '../json-body.js';
import type { TeycaWebhook, TeycaWebhookType } from '../model.js';
import { ok } from '../replies.js';
import type { TeycaContext, TeycaRoute } from '../route.js';

const types = new Set<string>(['CREATE', 'UPDATE', 'DELETE']);

/** Webhook subscriptions: one per event type; subscribing a type again replaces its URL. */
export function webhookRoutes(): TeycaRoute[] {
  const hook = (id: string | undefined, context: TeycaContext) =>
    id === undefined ? undefined : context.state.webhooks.get(id);
  return [
    {
      method: 'GET',
      path: '/:token/webhook',
      handle: (_request, { state }) => ok([...state.webhooks.values()]),
    },
    {
      method: 'GET',
      path: '/:token/webhook/:hookId',
      handle: (request, context) => {
        const found = hook(request.params.hookId, context);
        return found ? ok(found) : context.replies.error(404, 'Webhook not found');
      },
    },
    {
      method: 'POST',
      path: '/:token/webhook',
      handle: (request, context) => {
        const { type, url } = readHook(request.body, context);
        if (type === undefined || url === undefined)
          return context.replies.error(400, 'type and url are required');
        const existing = [...context.state.webhooks.values()].find(
          (candidate) => candidate.type === type,
        );
        if (existing) {
          existing.url = url;
          return ok(existing);
        }
        const created: TeycaWebhook = { id: randomBytes(16).toString('hex'), type, url };
        context.state.webhooks.set(created.id, created);
        return ok(created);
      },
    },
    {
      method: 'PUT',
      path: '/:token/webhook/:hookId',
      handle: (request, context) => {
        const found = hook(request.params.hookId, context);
        if (!found) return context.replies.error(404, 'Webhook not found');
        const { type, url } = readHook(request.body, context);
        if (type !== undefined) found.type = type;
        if (url !== undefined) found.url = url;
        return ok(found);
      },
    },
    {
      method: 'DELETE',
      path: '/:token/webhook/:hookId',
      handle: (request, context) => {
        const id = request.params.hookId ?? '';
        return context.state.webhooks.delete(id)
          ? ok({ id })
          : context.replies.error(404, 'Webhook not found');
      },
    },
  ];
}

function readHook(body: string, context: TeycaContext) {
  const fields = jsonBody({ body } as Parameters<typeof jsonBody>[0], context.replies);
  const type =
    typeof fields.type === 'string' && types.has(fields.type)
      ? (fields.type as TeycaWebhookType)
      : undefined;
  const url = typeof fields.url === 'string' && URL.canParse(fields.url) ? fields.url : undefined;
  return { type, url };
}
