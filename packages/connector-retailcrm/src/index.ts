// @crossline/connector-retailcrm — the retailCRM / Simla.com connector: its factory, its
// options and its actions. Everything else (the vendor client, wire schemas, mappers) is
// internal.

export type { RetailcrmActions } from './actions/index.js';
export { retailcrm } from './connector.js';
export type { RetailcrmConfig, RetailcrmOptions } from './options.js';
