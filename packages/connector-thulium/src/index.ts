// @crossline/connector-thulium — the Thulium connector: its factory, its options and its
// actions (and, as a type, the validated options its type names, so a host can export a
// connector it built). Everything else (the vendor client, wire schemas, mappers) is internal.

export type { ThuliumActions } from './actions/index.js';
export { thulium } from './connector.js';
export type { ThuliumConfig, ThuliumOptions } from './options.js';
