import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as core from './index.js';
import * as model from './model.js';
import * as phone from './phone.js';
import * as sdk from './sdk.js';

/** Every name an entry exports, types included, as the compiler sees it. */
function exportedNames(entry: string): string[] {
  const file = fileURLToPath(new URL(entry, import.meta.url));
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const symbol = source && checker.getSymbolAtLocation(source);
  return symbol ? checker.getExportsOfModule(symbol).map((item) => item.name) : [];
}

describe('@crossline/core public face', () => {
  it('the root entry holds what a host needs, under 65 names', () => {
    const names = exportedNames('./index.ts');
    expect(names.length).toBeGreaterThan(30);
    expect(names.length).toBeLessThan(65);
    for (const internal of ['retentionStart', 'getPath', 'setPath', 'envelopeId', 'orderSchema'])
      expect(names).not.toContain(internal);
  }, 30_000);

  it('no name is exported by two entries', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [entry, values] of Object.entries({ core, sdk, model, phone })) {
      for (const name of Object.keys(values)) {
        const other = seen.get(name);
        if (other) clashes.push(`${name}: ${other} and ${entry}`);
        seen.set(name, entry);
      }
    }
    expect(clashes).toEqual(['callSchema: core and model', 'normalizePhone: core and phone']);
  });

  it('exposes the runtime API a host uses by name', () => {
    expect(Object.keys(core).sort()).toEqual([
      'AuthError',
      'ConfigError',
      'Connector',
      'CrosslineError',
      'Hub',
      'InvalidPhoneError',
      'MemoryReplayStore',
      'NotFoundError',
      'PermissionError',
      'RateLimitError',
      'SqliteReplayStore',
      'StorageError',
      'TransportError',
      'ValidationError',
      'VendorError',
      'callSchema',
      'callTrackingPipeline',
      'createHub',
      'createLogger',
      'crosslineRedactPaths',
      'helpdeskPipeline',
      'loyaltySyncPipeline',
      'normalizePhone',
      'protectLogger',
      'silentLogger',
    ]);
  });
});
