import { defineConfig, type Options } from 'tsup';

/**
 * The build every published package shares: ESM with declarations for Node 22, `node:`
 * specifiers kept (`node:sqlite` exists only under that name).
 */
export function packageConfig(entry: NonNullable<Options['entry']>) {
  return defineConfig({
    entry,
    format: ['esm'],
    target: 'node22',
    platform: 'node',
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    removeNodeProtocol: false,
  });
}
