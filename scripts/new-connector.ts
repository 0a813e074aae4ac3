// npm run new:connector -- <vendor> [--title "<Vendor name>"] [--out packages/<dir>]
//
// Generates a connector package in the one connector shape (docs/connectors/authoring.md) from
// scripts/connector-template/: a factory on core's SDK with an `http` declaration, lenient wire
// schemas, a mapper, "check connection" and one example action (`calls.log`) with a nock test of
// its request shape. The package builds, type-checks, lints and passes its tests as generated.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import {
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
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
  /**
   * The package directory to create: a directory directly in `packagesDir` (a workspace
   * package, built with the repository's configuration); anything else is refused.
   * @defaultValue `packages/connector-<vendor>`
   */
  readonly out?: string | undefined;
  /**
   * The workspace's packages directory, directly in the repository (the generated configs
   * extend the repository's from `../..`). Tests point it at a scratch directory beside
   * `packages/`. @defaultValue `<repository>/packages`
   */
  readonly packagesDir?: string | undefined;
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
 * characters, not a package the repository has already (`core`, `testing` …), not a word
 * JavaScript reserves (the factory is named after it) and naming nothing the template's own code
 * uses ({@link templateCollisions}). Existing `connector-<vendor>` packages are refused by
 * {@link generateConnector}.
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
  const taken = templateCollisions(vendor);
  if (taken.length > 0) {
    throw new GeneratorError(
      `"${vendor}" would name ${taken.map((name) => `\`${name}\``).join(', ')}, which the connector template uses for its own code: pick another name (e.g. ${vendor}-crm)`,
    );
  }
}

/**
 * The names the vendor would give (the factory `acmeCloud`, `acmeCloudActions`, `AcmeCloudApi`
 * …) that the template's own code already uses (`verify`, `connector`, `LoggedCall` …): read
 * from the template's identifiers, comments and strings left out.
 */
export function templateCollisions(vendor: string): string[] {
  const { fixed, named } = templateIdentifiers();
  const filled = named.map((name) =>
    name.replaceAll('__factory__', camelCase(vendor)).replaceAll('__Vendor__', pascalCase(vendor)),
  );
  return [...new Set(filled.filter((name) => fixed.has(name)))];
}

let identifiers: { fixed: Set<string>; named: string[] } | undefined;

function templateIdentifiers(): { fixed: Set<string>; named: string[] } {
  if (identifiers) return identifiers;
  const fixed = new Set<string>();
  const named = new Set<string>();
  for (const file of listFilesSync(templateDir).filter((path) => path.endsWith('.ts.tmpl'))) {
    const code = readFileSync(join(templateDir, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, ' ')
      .replace(/\/\/.*$/gm, ' ')
      .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, ' ');
    for (const [name] of code.matchAll(/[A-Za-z_$][\w$]*/g)) {
      (/__(?:factory|Vendor)__/.test(name) ? named : fixed).add(name);
    }
  }
  identifiers = { fixed, named: [...named] };
  return identifiers;
}

function listFilesSync(root: string, under = ''): string[] {
  return readdirSync(join(root, under), { withFileTypes: true }).flatMap((entry) => {
    const path = under ? `${under}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFilesSync(root, path) : [path];
  });
}

/**
 * Checks a title: it goes into TSDoc comments and `package.json`, so no quote, backslash,
 * comment end or line break.
 * @throws {@link GeneratorError} naming what is wrong
 */
export function checkTitle(title: string): void {
  if (/["\\\n\r\t]|\*\/|^\s*$/.test(title)) {
    throw new GeneratorError(
      `--title "${title}" cannot be used: no quotes, backslashes, "*/" or line breaks (e.g. --title "Acme Cloud")`,
    );
  }
}

/**
 * Where the package goes: a directory directly in the packages directory, which is directly in
 * the repository, and no package of the vendor there already.
 * @throws {@link GeneratorError} for a directory elsewhere or a vendor with a package
 */
async function targetDir(options: GenerateOptions): Promise<{ dir: string; packages: string }> {
  const packages = resolve(options.packagesDir ?? join(repoRoot, 'packages'));
  if (dirname(packages) !== repoRoot) {
    throw new Error(`packagesDir must be directly in the repository: ${packages}`);
  }
  const dir = resolve(options.out ?? join(packages, `connector-${options.vendor}`));
  if (dirname(dir) !== packages) {
    throw new GeneratorError(
      `--out must be a directory directly in packages/ (e.g. packages/connector-${options.vendor}): a connector is a workspace package, built, linted and tested with the repository's configuration; got ${dir}`,
    );
  }
  if (await exists(dir)) {
    throw new GeneratorError(
      `${relative(process.cwd(), dir) || dir} exists already: remove it, or pass --out packages/<dir>`,
    );
  }
  const name = `@crossline/connector-${options.vendor}`;
  for (const folder of new Set([join(repoRoot, 'packages'), packages])) {
    const existing = await packageNamed(folder, name);
    if (existing) {
      throw new GeneratorError(
        `"${options.vendor}" has a package already: ${relative(repoRoot, existing)} (${name})`,
      );
    }
  }
  return { dir, packages };
}

/** The directory in `folder` whose package.json is named `name` (or is `connector-<vendor>`). */
async function packageNamed(folder: string, name: string): Promise<string | undefined> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.filter((candidate) => candidate.isDirectory())) {
    const dir = join(folder, entry.name);
    if (entry.name === name.replace('@crossline/', '')) return dir;
    const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => '{}');
    if ((JSON.parse(manifest) as { name?: unknown }).name === name) return dir;
  }
  return undefined;
}

/**
 * Generates a connector package from the template into `options.out` (by default
 * `packages/connector-<vendor>`): every `*.tmpl` file with its placeholders filled, and the
 * repository's LICENSE.
 * @throws {@link GeneratorError} for a bad vendor name or title, a vendor with a package
 *   already, or a directory that exists already or is not directly in `packages/`
 */
export async function generateConnector(options: GenerateOptions): Promise<Generated> {
  const { vendor } = options;
  checkVendorName(vendor);
  if (options.title !== undefined) checkTitle(options.title);
  const { dir, packages } = await targetDir(options);
  const values = await placeholders(vendor, options.title, dir);
  // Written beside the target and moved into place at the end: a failure leaves nothing.
  const staging = await mkdtemp(join(packages, `.new-connector-${vendor}-`));
  try {
    const files: string[] = [];
    for (const template of listFilesSync(templateDir).filter((path) => path.endsWith('.tmpl'))) {
      const target = template.replace(/\.tmpl$/, '');
      const text = fill(await readFile(join(templateDir, template), 'utf8'), values, template);
      await mkdir(dirname(join(staging, target)), { recursive: true });
      await writeFile(join(staging, target), text);
      files.push(target);
    }
    await cp(join(repoRoot, 'LICENSE'), join(staging, 'LICENSE'));
    files.push('LICENSE');
    await formatPackage(staging);
    await rename(staging, dir);
    return { dir, files: files.sort(), packageName: `@crossline/connector-${vendor}` };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
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
  return {
    vendor,
    factory: camelCase(vendor),
    Vendor: pascalCase(vendor),
    Title: title?.trim() || vendor.split('-').map(capitalise).join(' '),
    // The package is always packages/<dir>: the repository is two levels up, on every machine.
    root: '../..',
    packageDir: `packages/${basename(dir)}`,
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

const usage =
  'Usage: npm run new:connector -- <vendor> [--title "<Vendor name>"] [--out packages/<dir>]';

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
