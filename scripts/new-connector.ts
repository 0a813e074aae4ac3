// npm run new:connector -- <vendor> [--title "<Vendor name>"] [--out <dir>]
//
// Generates a connector package in the one connector shape (docs/connectors/authoring.md) from
// scripts/connector-template/: a factory on core's SDK with an `http` declaration, lenient wire
// schemas, a mapper, "check connection" and one example action (`calls.log`) with a nock test of
// its request shape. The package builds, type-checks, lints and passes its tests as generated.
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';

/** The repository root (this file is `scripts/new-connector.ts`). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const templateDir = join(repoRoot, 'scripts', 'connector-template');

/** A vendor name, a directory or an argument the generator refuses, with the reason. */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';
}

/** What {@link generateConnector} takes. */
export interface GenerateOptions {
  /** The vendor's name in kebab case, e.g. `acme` or `acme-cloud`. */
  readonly vendor: string;
  /** The vendor's display name. @defaultValue the vendor name in title case (`Acme Cloud`) */
  readonly title?: string | undefined;
  /** The package directory to create. @defaultValue `packages/connector-<vendor>` */
  readonly out?: string | undefined;
}

/** What {@link generateConnector} wrote. */
export interface Generated {
  /** The package directory. */
  readonly dir: string;
  /** The files written, relative to it. */
  readonly files: readonly string[];
  /** The package's name, `@crossline/connector-<vendor>`. */
  readonly packageName: string;
}

const vendorPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const reservedVendors = new Set(['core', 'testing', 'template', 'sdk', 'crossline']);
// Words the factory's name (the vendor in camel case) cannot be.
const reservedWords = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export ' +
    'extends false finally for function if implements import in instanceof interface let new ' +
    'null package private protected public return static super switch this throw true try ' +
    'typeof var void while with yield arguments eval undefined'
  ).split(' '),
);

/**
 * Checks a vendor name: lower-case kebab case (letters, digits, single dashes), 2–40
 * characters, not a package the repository has already (`core`, `testing` …) and not a word
 * JavaScript reserves (the factory is named after it).
 * @throws {@link GeneratorError} saying what is wrong and what would do
 */
export function checkVendorName(vendor: string): void {
  const example = 'e.g. `acme` or `acme-cloud`';
  if (vendor.startsWith('connector-')) {
    throw new GeneratorError(
      `Give the vendor name without the "connector-" prefix: ${vendor.slice('connector-'.length)}`,
    );
  }
  if (!vendorPattern.test(vendor)) {
    throw new GeneratorError(
      `"${vendor}" is not a vendor name: use lower-case letters, digits and single dashes, starting with a letter (${example})`,
    );
  }
  if (vendor.length < 2 || vendor.length > 40) {
    throw new GeneratorError(`"${vendor}" must be 2 to 40 characters long (${example})`);
  }
  if (reservedVendors.has(vendor)) {
    throw new GeneratorError(`"${vendor}" is a crossline package name, not a vendor`);
  }
  if (reservedWords.has(camelCase(vendor))) {
    throw new GeneratorError(
      `"${vendor}" is a reserved word in JavaScript: the factory is named after the vendor; pick another name (e.g. ${vendor}-crm)`,
    );
  }
}

/**
 * Generates a connector package from the template into `options.out` (by default
 * `packages/connector-<vendor>`): every `*.tmpl` file with its placeholders filled, and the
 * repository's LICENSE.
 * @throws {@link GeneratorError} for a bad vendor name or a directory that exists already
 */
export async function generateConnector(options: GenerateOptions): Promise<Generated> {
  const { vendor } = options;
  checkVendorName(vendor);
  const dir = resolve(options.out ?? join(repoRoot, 'packages', `connector-${vendor}`));
  if (await exists(dir)) {
    throw new GeneratorError(
      `${relative(process.cwd(), dir) || dir} exists already: remove it, or pass --out <dir>`,
    );
  }
  const values = await placeholders(vendor, options.title, dir);
  const files: string[] = [];
  for (const template of await listFiles(templateDir)) {
    const target = template.replace(/\.tmpl$/, '');
    const text = fill(await readFile(join(templateDir, template), 'utf8'), values, template);
    await mkdir(dirname(join(dir, target)), { recursive: true });
    await writeFile(join(dir, target), text);
    files.push(target);
  }
  await cp(join(repoRoot, 'LICENSE'), join(dir, 'LICENSE'));
  files.push('LICENSE');
  await formatPackage(dir);
  return { dir, files: files.sort(), packageName: `@crossline/connector-${vendor}` };
}

/**
 * Formats the package and sorts its imports with the repository's Biome settings: line breaks
 * depend on the length of the vendor's names.
 */
async function formatPackage(dir: string): Promise<void> {
  const biome = join(repoRoot, 'node_modules/@biomejs/biome/bin/biome');
  // No VCS: the package is new, and Biome refuses paths outside the repository with it on.
  const args = [biome, 'check', '--write', '--vcs-enabled=false', `--config-path=${repoRoot}`, dir];
  await promisify(execFile)(process.execPath, args, { cwd: repoRoot });
}

async function placeholders(
  vendor: string,
  title: string | undefined,
  dir: string,
): Promise<Record<string, string>> {
  const core = JSON.parse(await readFile(join(repoRoot, 'packages/core/package.json'), 'utf8'));
  const toRoot = relative(dir, repoRoot).split(sep).join('/') || '.';
  const packageDir = relative(repoRoot, dir).split(sep).join('/');
  return {
    vendor,
    factory: camelCase(vendor),
    Vendor: pascalCase(vendor),
    Title: title?.trim() || vendor.split('-').map(capitalise).join(' '),
    root: toRoot,
    packageDir: packageDir.startsWith('..') ? `packages/connector-${vendor}` : packageDir,
    coreVersion: core.version,
    zodRange: core.dependencies.zod,
  };
}

/** Names in the template that look like placeholders but are kept as they are. */
const literalNames = new Set(['fixtures']);

/** Replaces every `__name__` placeholder; an unknown one is a bug in the template. */
function fill(text: string, values: Record<string, string>, file: string): string {
  return text.replace(/__([A-Za-z]+)__/g, (token, name: string) => {
    if (literalNames.has(name)) return token;
    const value = values[name];
    if (value === undefined) throw new Error(`${file}: unknown placeholder ${token}`);
    return value;
  });
}

async function listFiles(root: string, under = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(root, under), { withFileTypes: true })) {
    const path = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(root, path)));
    else if (entry.name.endsWith('.tmpl')) files.push(path);
  }
  return files;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const pascalCase = (vendor: string) => vendor.split('-').map(capitalise).join('');
const camelCase = (vendor: string) => {
  const pascal = pascalCase(vendor);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
};

const usage = 'Usage: npm run new:connector -- <vendor> [--title "<Vendor name>"] [--out <dir>]';

async function main(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { out: { type: 'string' }, title: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const [vendor, ...extra] = positionals;
  if (vendor === undefined || extra.length > 0) throw new GeneratorError(usage);
  const generated = await generateConnector({ vendor, out: values.out, title: values.title });
  const where = relative(process.cwd(), generated.dir) || '.';
  console.log(`Created ${generated.packageName} in ${where}:`);
  for (const file of generated.files) console.log(`  ${file}`);
  console.log(`
Next:
  npm install                                   # links the new workspace package
  npm run build -w ${generated.packageName} && npm test -w ${generated.packageName}
Then replace the example endpoint with the vendor's API and follow the checklist in
docs/contributing.md ("Add a new connector") and docs/connectors/authoring.md.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (
      error instanceof GeneratorError ||
      String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`new:connector: ${(error as Error).message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  });
}
