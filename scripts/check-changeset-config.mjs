#!/usr/bin/env node
// The Changesets config is edited at the top level (changeset.config.json, as the design
// names it); Changesets reads only .changeset/config.json, which is a symbolic link to it.
// This check fails if the link was replaced by a copy or points elsewhere.
import { lstatSync, readFileSync, readlinkSync } from 'node:fs';

const link = new URL('../.changeset/config.json', import.meta.url);
const fail = (why) => {
  console.error(
    `.changeset/config.json: ${why}. Recreate it with\n  ln -sf ../changeset.config.json .changeset/config.json`,
  );
  process.exit(1);
};
if (!lstatSync(link).isSymbolicLink()) fail('is not a link to ../changeset.config.json');
if (readlinkSync(link) !== '../changeset.config.json') fail(`points to ${readlinkSync(link)}`);
JSON.parse(readFileSync(link, 'utf8'));
console.log('.changeset/config.json → ../changeset.config.json');
