import type { DropOptions, FailOptions, Latency } from './faults.js';
import type { RecordedRequest } from './request.js';

/** What every simulator lets a test do besides calling it: read requests, inject faults, close. */
export interface SimulatorControls {
  /** Every request received so far, oldest first (a live view). */
  readonly requests: readonly RecordedRequest[];
  /** Empties {@link SimulatorControls.requests}. */
  clearRequests(): void;
  /** Makes the next `times` matching requests answer `status` (the vendor's body unless given). */
  fail(options: FailOptions): void;
  /** Closes the connection of the next `times` matching requests without an answer. */
  drop(options?: DropOptions): void;
  /** Forgets queued failures and drops. */
  clearFaults(): void;
  /** Sets the latency of every answer from now on (`0` for none). */
  setLatency(latency: Latency): void;
  /** Stops listening and closes every connection, keep-alive ones included. */
  close(): Promise<void>;
}

/** The controls of `server`, to spread into a vendor simulator's own object. */
export function controlsOf(server: SimulatorControls): SimulatorControls {
  const { requests, clearRequests, fail, drop, clearFaults, setLatency, close } = server;
  return { requests, clearRequests, fail, drop, clearFaults, setLatency, close };
}
