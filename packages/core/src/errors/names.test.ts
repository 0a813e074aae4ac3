// Issue 9: `ConfigError.name` was `_ConfigError` in the built package — the bundler renames a
// class that refers to itself, and `this.name = new.target.name` picked the new name up. This
// bundles the error classes the way the build does (esbuild, ESM) and checks every name.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const errorsDir = fileURLToPath(new URL('.', import.meta.url));
const classes = [
  ['AuthError', 'auth-error'],
  ['ConfigError', 'config-error'],
  ['CrosslineError', 'crossline-error'],
  ['InvalidPhoneError', 'invalid-phone-error'],
  ['NotFoundError', 'not-found-error'],
  ['PermissionError', 'permission-error'],
  ['RateLimitError', 'rate-limit-error'],
  ['TransportError', 'transport-error'],
  ['ValidationError', 'validation-error'],
  ['VendorError', 'vendor-error'],
] as const;
const outDir = mkdtempSync(join(tmpdir(), 'crossline-errors-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

async function bundledErrors(): Promise<Record<string, new (...args: never[]) => Error>> {
  const entry = classes.map(([name, file]) => `export { ${name} } from './${file}.js';`).join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: errorsDir, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    write: false,
  });
  const file = join(outDir, 'errors.mjs');
  writeFileSync(file, result.outputFiles[0]?.text ?? '');
  return import(pathToFileURL(file).href);
}

describe('error names survive bundling', () => {
  it.each(classes)('%s keeps its name in a bundle (%s.ts)', async (name) => {
    const bundle = await bundledErrors();
    const ErrorClass = bundle[name] as unknown as new (...args: unknown[]) => Error;
    const error =
      name === 'CrosslineError'
        ? new ErrorClass('VENDOR_ERROR', 'x')
        : name === 'InvalidPhoneError'
          ? new ErrorClass('abc', 'not-a-phone')
          : new ErrorClass('x');
    expect(error.name).toBe(name);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
  });

  it('ConfigError.fromIssues builds a ConfigError by name in a bundle', async () => {
    const bundle = await bundledErrors();
    const ConfigError = bundle.ConfigError as unknown as {
      fromIssues(subject: string, issues: { path: string[]; message: string }[]): Error;
    };
    expect(ConfigError.fromIssues('x', [{ path: ['a'], message: 'bad' }]).name).toBe('ConfigError');
  });
});
