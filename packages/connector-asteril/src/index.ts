export { AsterilApi, asterilHttp, interpretAsterilResponse } from './api.js';
export { asteril, asterilCallTracking } from './connector.js';
export { type AsterilContract, defaultAsterilContract } from './contract.js';
export {
  type AsterilConfig,
  type AsterilDerived,
  type AsterilOptions,
  asterilOptionsSchema,
  behaviourSchema,
  defaultFieldMap,
} from './options.js';
export {
  type AsterilClient,
  type AsterilField,
  type AsterilPage,
  type AsterilRecord,
  type AsterilUser,
  asterilClientSchema,
  asterilFieldSchema,
  asterilRecordSchema,
  asterilUserSchema,
  itemSchema,
  pageSchema,
} from './wire.js';
