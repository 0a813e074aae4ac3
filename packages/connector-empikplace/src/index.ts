// @crossline/connector-empikplace — the EmpikPlace connector: its factory, its options, its
// actions and sources (and, as a type, the validated options its type names, so a host can
// export a connector it built). Everything else (the vendor client, wire schemas, mappers) is
// internal.

export type { EmpikplaceActions } from './actions/index.js';
export { type EmpikplaceSources, empikplace } from './connector.js';
export type { EmpikplaceConfig, EmpikplaceOptions } from './options.js';
