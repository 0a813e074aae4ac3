import { lastValue } from '../../kit/params.js';
import { stop } from '../../kit/reply.js';
import type { SimulatorRequest } from '../../kit/request.js';
import { jsonBody, userIdOf } from '../json-body.js';
import type { TeycaPass } from '../model.js';
import { ok } from '../replies.js';
import type { TeycaContext, TeycaRoute } from '../route.js';
import { searchPasses, type TeycaSearchMatch } from '../search.js';

/** The choices the fact sheet leaves UNCERTAIN about passes. */
export interface PassRouteOptions {
  /** How `search` conditions match. */
  readonly searchMatch: TeycaSearchMatch;
  /** The page size when `limit` is absent, and the largest `limit` honoured. */
  readonly defaultLimit: number;
  readonly maxLimit: number;
  /** A missing pass: 404, or 200 with `null`. */
  readonly missingPass: 'not-found' | 'null';
  /** Whether list `meta` values come back as strings. */
  readonly metaAsStrings: boolean;
}

/** The pass routes: list/search, three look-ups, create, update, delete — note the paths. */
export function passRoutes(options: PassRouteOptions): TeycaRoute[] {
  const missing = (context: TeycaContext) =>
    options.missingPass === 'null' ? ok(null) : context.replies.error(404, 'Pass not found');
  const one = (pass: TeycaPass | undefined, context: TeycaContext) =>
    pass === undefined ? missing(context) : ok(pass);
  const byField =
    (field: string, param: string) => (request: SimulatorRequest, context: TeycaContext) =>
      one(
        context.state.all().find((pass) => String(pass[field] ?? '') === request.params[param]),
        context,
      );
  return [
    {
      method: 'GET',
      path: '/:token/passes',
      handle: (request, context) => list(request, context, options),
    },
    {
      method: 'GET',
      path: '/:token/passes/userid/:userId',
      handle: (request, context) =>
        one(context.state.render(userIdOf(request.params.userId, context.replies)), context),
    },
    {
      method: 'GET',
      path: '/:token/passes/barcode/:barcode',
      handle: byField('barcode', 'barcode'),
    },
    {
      method: 'GET',
      path: '/:token/passes/telegram_chat_id/:chatId',
      handle: byField('telegram_chat_id', 'chatId'),
    },
    { method: 'POST', path: '/:token/passes', handle: create },
    {
      method: 'PUT',
      path: '/:token/passes/:userId',
      handle: (request, context) => {
        const fields = jsonBody(request, context.replies);
        const id = userIdOf(request.params.userId, context.replies);
        return one(context.state.updatePass(id, fields), context);
      },
    },
    {
      method: 'DELETE',
      path: '/:token/passes/:userId',
      handle: (request, context) => {
        const id = userIdOf(request.params.userId, context.replies);
        return context.state.deletePass(id) ? ok({ user_id: id }) : missing(context);
      },
    },
  ];
}

function list(request: SimulatorRequest, context: TeycaContext, options: PassRouteOptions) {
  const limit = Math.min(
    numberParam(request, 'limit', options.defaultLimit, context),
    options.maxLimit,
  );
  const offset = numberParam(request, 'offset', 0, context);
  const found = searchPasses(
    context.state.all(),
    lastValue(request.query, 'search'),
    options.searchMatch,
  );
  const meta = { size: found.length, limit, offset };
  return ok({
    meta: options.metaAsStrings
      ? { size: String(meta.size), limit: String(limit), offset: String(offset) }
      : meta,
    passes: found.slice(offset, offset + limit),
  });
}

function create(request: SimulatorRequest, context: TeycaContext) {
  const { state, replies } = context;
  const fields = jsonBody(request, replies);
  const template = fields.template;
  if (typeof template !== 'string' || !state.layouts.has(template)) {
    return replies.error(400, 'Unknown template');
  }
  if (
    fields.barcode !== undefined &&
    state.all().some((pass) => pass.barcode === String(fields.barcode))
  ) {
    return replies.error(409, 'Barcode already exists');
  }
  const { user_id: _ignored, ...input } = fields;
  return ok(state.createPass({ ...input, template }));
}

function numberParam(
  request: SimulatorRequest,
  name: string,
  fallback: number,
  context: TeycaContext,
) {
  const text = lastValue(request.query, name);
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (Number.isInteger(value) && value >= 0) return value;
  return stop(context.replies.error(400, `${name} must be a non-negative integer`));
}
