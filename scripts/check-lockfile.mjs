#!/usr/bin/env node
// Checks that package-lock.json is complete: every optional dependency that a locked package
// declares (the other platforms' binaries of biome, rollup, esbuild, turbo …) has its own
// entry. A lockfile written while the registry lacked some of them makes `npm install` on a
// fresh clone rewrite the lockfile and `npm ci` refuse it. Run by `npm test` and by `.ci/run`;
// docs/contributing.md ("When the lockfile drifts") says how to repair one.
import { readFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const packages = lock.packages ?? {};

/** Where npm would place `name` when `from` (a lockfile key) depends on it. */
function resolve(from, name) {
  let dir = from;
  for (;;) {
    const key = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (key in packages) return key;
    if (dir === '') return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}

const missing = [];
for (const [key, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!resolve(key, name)) missing.push(`${name} (optional dependency of ${key || 'the root'})`);
  }
}

if (missing.length > 0) {
  console.error(
    `package-lock.json is incomplete: ${missing.length} optional dependencies have no entry:\n` +
      missing.map((line) => `  - ${line}`).join('\n') +
      '\nThe registry probably lacked them when the lockfile was written. Regenerate it (see ' +
      'docs/contributing.md, "When the lockfile drifts") and commit the result.',
  );
  process.exit(1);
}
console.log(`package-lock.json: complete (${Object.keys(packages).length} entries)`);
