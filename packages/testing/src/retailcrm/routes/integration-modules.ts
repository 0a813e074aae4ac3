import { isPlainObject } from '../../kit/json-value.js';
import { stop } from '../../kit/reply.js';
import { EntityReader } from '../entity-reader.js';
import type {
  RetailcrmAdditionalCode,
  RetailcrmExternalPhone,
  RetailcrmIntegrationModule,
  RetailcrmTelephonySettings,
} from '../model-telephony.js';
import { entityField } from '../parameters.js';
import { entityFormatError, entityNotFound, success } from '../replies.js';
import type { RetailcrmRoute } from '../route.js';
import type { RetailcrmState } from '../state.js';

const textFields = ['name', 'logo', 'clientId', 'baseUrl', 'accountUrl'] as const;
const telephonyUrls = ['makeCallUrl', 'changeUserStatusUrl'] as const;
const telephonyFlags = [
  'allowEdit',
  'inputEventSupported',
  'outputEventSupported',
  'hangupEventSupported',
] as const;

/** `GET /integration-modules/{code}`, `POST /integration-modules/{code}/edit`. */
export const integrationModuleRoutes: readonly RetailcrmRoute[] = [
  {
    method: 'GET',
    path: '/integration-modules/:code',
    handle: (request, { state }) => {
      const integrationModule = state.integrationModules.get(request.params.code ?? '');
      return integrationModule ? success({ integrationModule }) : entityNotFound();
    },
  },
  {
    method: 'POST',
    path: '/integration-modules/:code/edit',
    handle: (request, { state }) => {
      const code = request.params.code ?? '';
      const existing = state.integrationModules.get(code);
      const entry = readModule(code, existing, entityField(request, 'integrationModule'));
      state.integrationModules.set(code, entry);
      const info = unknownReferences(state, entry.integrations.telephony);
      return success({ info: Object.keys(info).length === 0 ? [] : info });
    },
  },
];

function readModule(
  code: string,
  existing: RetailcrmIntegrationModule | undefined,
  entity: Record<string, unknown>,
): RetailcrmIntegrationModule {
  const read = new EntityReader(entity);
  const sentCode = read.string('code');
  if (sentCode !== undefined && sentCode !== code) {
    read.addError('code', 'Code must match the code in the method URL.');
  }
  const integrationCode = read.string('integrationCode', existing === undefined);
  const entry: RetailcrmIntegrationModule = existing
    ? structuredClone(existing)
    : { code, integrationCode: '', active: true, freeze: false, native: false, integrations: {} };
  if (integrationCode !== undefined) entry.integrationCode = integrationCode;
  if (entry.integrationCode !== '' && !code.startsWith(entry.integrationCode)) {
    read.addError('code', 'Code prefix must match integrationCode');
  }
  for (const field of textFields) if (read.has(field)) entry[field] = read.string(field);
  entry.active = read.boolean('active') ?? entry.active;
  if (read.has('actions')) entry.actions = read.object('actions') as Record<string, string>;
  if (read.has('availableCountries'))
    entry.availableCountries = read.stringList('availableCountries');
  const integrations = read.object('integrations');
  const telephony = integrations && read.child('integrations', integrations).object('telephony');
  if (telephony !== undefined) {
    entry.integrations.telephony = readTelephony(read.child('integrations.telephony', telephony));
  }
  if (!read.ok) stop(entityFormatError(read.errors));
  return entry;
}

function readTelephony(read: EntityReader): RetailcrmTelephonySettings {
  const settings: RetailcrmTelephonySettings = { additionalCodes: [], externalPhones: [] };
  for (const field of telephonyUrls) settings[field] = read.string(field);
  for (const field of telephonyFlags) settings[field] = read.boolean(field);
  settings.additionalCodes = (read.list('additionalCodes') ?? []).flatMap((item, index) => {
    const entry = read.child(`additionalCodes[${index}]`, isPlainObject(item) ? item : {});
    const userId = entry.integer('userId', true);
    const code = entry.string('code', true);
    return userId === undefined || code === undefined ? [] : [{ userId, code }];
  });
  settings.externalPhones = (read.list('externalPhones') ?? []).flatMap((item, index) => {
    const entry = read.child(`externalPhones[${index}]`, isPlainObject(item) ? item : {});
    const siteCode = entry.string('siteCode', true);
    const externalPhone = entry.string('externalPhone', true);
    return siteCode === undefined || externalPhone === undefined
      ? []
      : [{ siteCode, externalPhone }];
  });
  return settings;
}

/** `info` of the answer: users and stores the telephony settings name that do not exist. */
function unknownReferences(
  state: RetailcrmState,
  telephony: RetailcrmTelephonySettings | undefined,
): Record<string, unknown> {
  const codes: readonly RetailcrmAdditionalCode[] = telephony?.additionalCodes ?? [];
  const phones: readonly RetailcrmExternalPhone[] = telephony?.externalPhones ?? [];
  const users = codes
    .map((code) => code.userId)
    .filter((id) => !state.users.some((u) => u.id === id));
  const sites = phones.map((phone) => phone.siteCode).filter((site) => !state.sites.includes(site));
  return {
    ...(users.length > 0 ? { notExistUsersIds: users } : {}),
    ...(sites.length > 0 ? { notExistSiteCodes: sites } : {}),
  };
}

/** The telephony settings of the active telephony module, if there is one. */
export function activeTelephony(state: RetailcrmState): RetailcrmTelephonySettings | undefined {
  for (const entry of state.integrationModules.values()) {
    if (entry.active && entry.integrations.telephony) return entry.integrations.telephony;
  }
  return undefined;
}
