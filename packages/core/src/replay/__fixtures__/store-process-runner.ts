import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./store-process.ts', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');

/** The user a test runs a second process as when it is root (root ignores file modes). */
export const unprivileged = { uid: 65_534, gid: 65_534 };

/** Whether this process is root, so file modes only bind a child run as {@link unprivileged}. */
export const runningAsRoot = process.getuid?.() === 0;

function start(mode: 'hold' | 'open', path: string, asUser?: typeof unprivileged): ChildProcess {
  return spawn(process.execPath, ['--import', tsx, script, mode, path], {
    stdio: ['pipe', 'pipe', 'inherit'],
    ...asUser,
  });
}

/** What `store-process.ts open` reported. */
export interface OpenOutcome {
  readonly opened: boolean;
  readonly appended: boolean;
  readonly error?: { name: string; message: string; code?: string; reason?: string };
}

/** Opens a store on `path` in another process (as an unprivileged user when root). */
export async function openInChild(path: string): Promise<OpenOutcome> {
  const child = start('open', path, runningAsRoot ? unprivileged : undefined);
  child.stdin?.end();
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  // A Node.js the unprivileged user may not run (it lives in a private directory) fails to
  // start: say so instead of waiting for an exit that never comes.
  await new Promise((resolve, reject) => {
    child.on('exit', resolve);
    child.on('error', (error) =>
      reject(
        new Error(`cannot start ${process.execPath} as uid ${unprivileged.uid}: ${error.message}`),
      ),
    );
  });
  return JSON.parse(output.trim()) as OpenOutcome;
}

/** A process holding a store open on a file. */
export interface Holder {
  readonly pid: number;
  /** Closes its stdin: it closes its store and exits. */
  release(): Promise<void>;
  /** SIGKILLs it and waits until it is gone. */
  kill(): Promise<void>;
}

/** Starts a process that opens a store on `path`; resolves once the store is open. */
export async function holdInChild(path: string): Promise<Holder> {
  const child = start('hold', path);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const pid = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready (\d+)/.exec(output);
      if (ready) resolve(Number(ready[1]));
    });
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}: ${output}`)));
  });
  return {
    pid,
    release: async () => {
      child.stdin?.end();
      await exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
