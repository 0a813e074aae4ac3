import type { KeyRing } from './key-ring.js';
import { controlsOf, type SimulatorControls } from './simulator-controls.js';
import type { SimulatorServer } from './start-simulator-server.js';

/** A running vendor simulator: an account's state and its API keys behind a loopback server. */
export interface VendorSimulator<State, KeyOptions> extends SimulatorControls {
  /** The origin it listens on, e.g. `http://127.0.0.1:52311`; the vendor's API is under it. */
  readonly url: string;
  /** The current main API key (changes on `rotateKey()`). */
  readonly apiKey: string;
  /** The account's data, for seeding and assertions. */
  readonly state: State;
  /** Issues a new main key granting the same; the old key is refused from then on. */
  rotateKey(): string;
  /** Adds another key. */
  addKey(key: string, options?: KeyOptions): void;
}

/** What {@link vendorSimulator} assembles a simulator from. */
export interface VendorSimulatorParts<State, Grant, KeyOptions> {
  /** The running server. */
  readonly server: SimulatorServer;
  /** The account. */
  readonly state: State;
  /** The API keys. */
  readonly keys: KeyRing<Grant>;
  /** What a key added with `options` grants; throws on bad options. */
  readonly grantOf: (options: KeyOptions | undefined) => Grant;
}

/** Assembles a vendor simulator from its running server, its state and its keys. */
export function vendorSimulator<State, Grant, KeyOptions>(
  parts: VendorSimulatorParts<State, Grant, KeyOptions>,
): VendorSimulator<State, KeyOptions> {
  const { server, state, keys, grantOf } = parts;
  return {
    url: server.url,
    get apiKey() {
      return keys.current;
    },
    state,
    rotateKey: () => keys.rotate(),
    addKey: (key, options) => keys.add(key, grantOf(options)),
    ...controlsOf(server),
  };
}
