export type { AsterilActions } from './actions/index.js';
export { asteril, asterilCallTracking } from './connector.js';
export type { AsterilContract } from './contract.js';
export type { AsterilConfig, AsterilOptions } from './options.js';
