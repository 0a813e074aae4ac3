import type { SimulatorRequest } from '../../kit/request.js';
import { jsonBody, userIdOf, userIdsOf } from '../json-body.js';
import type { TeycaMailing } from '../model.js';
import { ok } from '../replies.js';
import type { TeycaContext, TeycaRoute } from '../route.js';

type Channel = TeycaMailing['channel'];

/**
 * The messaging routes: the card link by SMS or e-mail (recorded in `state.cardLinks`), and
 * mailings (recorded in `state.mailings`). A mailing reaches only consenting clients; a PUSH
 * also needs notifications allowed on the card. The answer is `{ users_count, message_id }`.
 */
export function messagingRoutes(): TeycaRoute[] {
  return [
    {
      method: 'POST',
      path: '/:token/send/sms',
      handle: (request, context) => cardLink(request, context, 'sms'),
    },
    {
      method: 'POST',
      path: '/:token/send/email',
      handle: (request, context) => cardLink(request, context, 'email'),
    },
    {
      method: 'POST',
      path: '/:token/message/push',
      handle: (request, context) => mailing(request, context, 'push'),
    },
    {
      method: 'POST',
      path: '/:token/message/sms',
      handle: (request, context) => mailing(request, context, 'sms'),
    },
    {
      method: 'POST',
      path: '/:token/message/telegram',
      handle: (request, context) => mailing(request, context, 'telegram'),
    },
    {
      method: 'POST',
      path: '/:token/message/email',
      handle: (request, context) => mailing(request, context, 'email'),
    },
    {
      method: 'POST',
      path: '/:token/message_sending_info',
      handle: (request, { state, replies }) => {
        const id = Number(jsonBody(request, replies).id);
        const found = state.mailings.find((sent) => sent.id === id);
        if (found === undefined) return replies.error(404, 'Mailing not found');
        return ok({ id, status: 'sent', users_count: found.delivered.length });
      },
    },
  ];
}

function cardLink(
  request: SimulatorRequest,
  { state, replies }: TeycaContext,
  channel: 'sms' | 'email',
) {
  const body = jsonBody(request, replies);
  const userId = userIdOf(body.user_id, replies);
  const to = channel === 'sms' ? body.phone : body.email;
  if (!state.passes.has(userId)) return replies.error(404, 'Pass not found');
  if (typeof to !== 'string' || to.trim() === '')
    return replies.error(400, `${channel === 'sms' ? 'phone' : 'email'} is required`);
  state.cardLinks.push({ channel, userId, to });
  return ok({ status: 'ok' });
}

const textField: Record<Channel, string> = {
  push: 'push_message',
  sms: 'sms_message',
  telegram: 'telegram_message',
  email: 'email_subject',
};

function mailing(request: SimulatorRequest, { state, replies }: TeycaContext, channel: Channel) {
  const fields = channel === 'email' ? multipartFields(request.body) : jsonBody(request, replies);
  const ids = userIdsOf(channel === 'push' ? fields.user_id : fields.user_ids, replies);
  const text = fields[textField[channel]];
  if (typeof text !== 'string' || text === '')
    return replies.error(400, `${textField[channel]} is required`);
  const delivered = ids.filter(
    (id) =>
      state.passes.has(id) && state.hasConsent(id) && (channel !== 'push' || state.allowsPush(id)),
  );
  const id = state.mailings.length + 1;
  const dateStart = typeof fields.date_start === 'string' ? fields.date_start : undefined;
  state.mailings.push({
    id,
    channel,
    text,
    requested: ids,
    delivered,
    ...(dateStart ? { dateStart } : {}),
  });
  return ok({ users_count: delivered.length, message_id: id });
}

/** The text parts of a `multipart/form-data` body (the e-mail mailing). */
function multipartFields(body: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const pattern = /name="([^"]+)"(?:[^\r\n]*)\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/g;
  for (const [, name, value] of body.matchAll(pattern)) if (name) fields[name] = value;
  return fields;
}
