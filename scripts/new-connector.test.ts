// The connector generator: it refuses bad names and existing directories, and what it generates
// builds (tsup), type-checks (tsc), lints (Biome), documents (TypeDoc, warnings are errors) and
// passes its own tests (vitest) — inside the repository, against the workspace's @crossline/core.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  checkTitle,
  checkVendorName,
  type Generated,
  GeneratorError,
  generateConnector,
  repoRoot,
} from './new-connector.js';

/** Set to make the generator's next child process (Biome formatting the package) fail. */
const nextChildFails = vi.hoisted(() => ({ on: false }));

vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:child_process')>();
  const { promisify } = await import('node:util');
  const real = promisify(actual.execFile) as (...args: unknown[]) => Promise<unknown>;
  const execFile = Object.assign(
    (...args: unknown[]) => (actual.execFile as (...args: unknown[]) => unknown)(...args),
    {
      [promisify.custom]: (...args: unknown[]) => {
        if (!nextChildFails.on) return real(...args);
        nextChildFails.on = false;
        return Promise.reject(new Error('biome crashed'));
      },
    },
  );
  return { ...actual, execFile };
});

const run = promisify(execFile) as unknown as (
  file: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
) => Promise<{ stdout: string; stderr: string }>;

/** The JavaScript entry of a tool's command, run with this process's Node. */
async function bin(pkg: string, command = pkg): Promise<string> {
  const dir = join(repoRoot, 'node_modules', pkg);
  const { bin } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  return join(dir, typeof bin === 'string' ? bin : bin[command]);
}

/** Runs a tool in `cwd`; rejects with its output when it fails. */
async function tool(cwd: string, pkg: string, command: string, args: string[]): Promise<string> {
  // A child vitest must not think it is a worker of this one; plain output to read.
  const env = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !name.startsWith('VITEST') && name !== 'FORCE_COLOR',
      ),
    ),
    NO_COLOR: '1',
  };
  try {
    const entry = await bin(pkg, command);
    const { stdout, stderr } = await run(process.execPath, [entry, ...args], { cwd, env });
    return `${stdout}${stderr}`;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`);
  }
}

describe('checkVendorName', () => {
  it.each([
    ['Acme', /lower-case letters/],
    ['acme_cloud', /lower-case letters/],
    ['acme--cloud', /lower-case letters/],
    ['-acme', /lower-case letters/],
    ['1acme', /lower-case letters/],
    ['a', /2 to 40 characters/],
    ['connector-acme', /without the "connector-" prefix: acme/],
    ['core', /crossline package name/],
    ['testing', /crossline package name/],
    ['class', /reserved word/],
    ['new', /reserved word/],
    // The factory would clash with the template's own names (its imported `verify` …).
    ['verify', /would name `verify`, which the connector template uses/],
    ['connector', /would name `connector`, which the connector template uses/],
    ['options', /would name `options`/],
    ['account', /would name `account`/],
    ['logged', /would name `LoggedCall`, `loggedCallSchema`/],
  ])('refuses %s', (vendor, message) => {
    expect(() => checkVendorName(vendor)).toThrow(GeneratorError);
    expect(() => checkVendorName(vendor)).toThrow(message);
  });

  it.each(['acme', 'acme-cloud', 'empik-place', 'b2b', 'api', 'mapping'])(
    'accepts %s',
    (vendor) => {
      expect(() => checkVendorName(vendor)).not.toThrow();
    },
  );

  it.each(['Acme "Cloud"', 'Acme */ Cloud', 'Acme\\Cloud', 'Acme\nCloud', ' '])(
    'refuses the title %j (it goes into TSDoc and package.json)',
    (title) => {
      expect(() => checkTitle(title)).toThrow(/cannot be used/);
    },
  );
});

describe('new:connector', () => {
  // Inside the repository, at the depth of packages/<name>: the package resolves the workspace's
  // @crossline/core, zod, nock and the shared configs exactly as a generated packages/ one would.
  let scratch: string;
  let generated: Generated;

  beforeAll(async () => {
    scratch = await mkdtemp(join(repoRoot, '.generated-'));
    generated = await generateConnector({ vendor: 'acme-cloud', packagesDir: scratch });
  });

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('writes the one connector layout', () => {
    expect(generated.packageName).toBe('@crossline/connector-acme-cloud');
    expect(generated.files).toEqual([
      'LICENSE',
      'README.md',
      'package.json',
      'src/__fixtures__/account.ts',
      'src/actions/index.ts',
      'src/actions/log-call.test.ts',
      'src/actions/log-call.ts',
      'src/api.ts',
      'src/connector.ts',
      'src/index.ts',
      'src/mapping.test.ts',
      'src/mapping.ts',
      'src/options.ts',
      'src/verify.test.ts',
      'src/verify.ts',
      'src/wire.ts',
      'tsconfig.json',
      'tsup.config.ts',
      'typedoc.json',
      'vitest.config.ts',
    ]);
  });

  it('makes a package like the other connectors: core as a peer, the workspace version as a dev dependency', async () => {
    const manifest = JSON.parse(await readFile(join(generated.dir, 'package.json'), 'utf8'));
    const core = JSON.parse(await readFile(join(repoRoot, 'packages/core/package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: '@crossline/connector-acme-cloud',
      type: 'module',
      sideEffects: false,
      peerDependencies: { '@crossline/core': `^${core.version}` },
      devDependencies: { '@crossline/core': core.version },
      dependencies: { zod: core.dependencies.zod },
      repository: { directory: 'packages/connector-acme-cloud' },
    });
    expect(manifest.dependencies).not.toHaveProperty('@crossline/core');
    const source = await readFile(join(generated.dir, 'src/connector.ts'), 'utf8');
    expect(source).toContain("vendor: 'acme-cloud'");
    expect(source).toContain('export const acmeCloud: ConnectorFactory<');
  });

  it("holds no absolute path and no path of this machine: the configs extend the repository's from ../..", async () => {
    const machine = [repoRoot, homedir(), tmpdir(), scratch, '/work/'];
    for (const file of generated.files.filter((name) => name !== 'LICENSE')) {
      const text = await readFile(join(generated.dir, file), 'utf8');
      for (const path of machine) expect(text, file).not.toContain(path);
      expect(text, file).not.toContain('../../../'); // nothing above the repository
    }
    const tsconfig = JSON.parse(await readFile(join(generated.dir, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.extends).toBe('../../tsconfig.base.json');
    const readme = await readFile(join(generated.dir, 'README.md'), 'utf8');
    expect(readme).toContain('](../../docs/connectors/authoring.md)');
  });

  it('builds, type-checks, lints, documents and passes its tests', async () => {
    const { dir } = generated;
    const [, , , tests] = await Promise.all([
      tool(dir, 'tsup', 'tsup', []),
      tool(dir, 'typescript', 'tsc', ['-p', 'tsconfig.json']),
      tool(repoRoot, '@biomejs/biome', 'biome', ['check', dir]),
      tool(dir, 'vitest', 'vitest', ['run']),
      tool(dir, 'typedoc', 'typedoc', ['--options', 'typedoc.json', '--emit', 'none']),
    ]);
    expect(tests).toMatch(/Tests\s+\S*\s*\d+ passed/);
    expect(tests).not.toMatch(/failed/);
    const built = await readFile(join(dir, 'dist/index.d.ts'), 'utf8');
    expect(built).toMatch(/export \{[^}]*acmeCloud/);
    await tool(await hostApp(), 'typescript', 'tsc', ['-p', 'tsconfig.json']);
  }, 120_000);

  /**
   * A host module on the built package (declarations on, as in the repository's settings): it
   * exports the connector it builds (every type the factory's type names must be exported), its
   * `perform` is typed, and a misspelled option does not compile.
   */
  async function hostApp(): Promise<string> {
    const host = join(scratch, 'host');
    await mkdir(host, { recursive: true });
    await writeFile(
      join(host, 'tsconfig.json'),
      JSON.stringify({ extends: '../../tsconfig.base.json', include: ['host.ts'] }),
    );
    await writeFile(
      join(host, 'host.ts'),
      `import { acmeCloud } from '../connector-acme-cloud/dist/index.js';

export const vendor = acmeCloud({ id: 'acme', url: 'https://acme.acme-cloud.example', apiKey: 'key-0123456789' });

export async function logOne(): Promise<{ id: string; duplicate: boolean }> {
  const call = { id: 'c-1', direction: 'incoming', result: 'missed', from: '+380671234567', to: '+380441112233', startedAt: '2026-01-05T10:00:00+02:00' } as const;
  return vendor.perform('calls.log', call, { envelopeId: 'calls:c-1', occurredAt: 0 });
}

// @ts-expect-error a misspelled option
acmeCloud({ url: 'https://acme.acme-cloud.example', apiKy: 'key-0123456789' });
`,
    );
    return host;
  }

  it('refuses a directory that exists, saying so', async () => {
    await expect(
      generateConnector({ vendor: 'acme-cloud', packagesDir: scratch, out: generated.dir }),
    ).rejects.toThrow(/connector-acme-cloud exists already/);
  });

  it('refuses an --out outside packages/ (the documented temp directory) and writes nothing', async () => {
    const outside = join(tmpdir(), `connector-acme-cloud-${process.pid}`);
    const failure = tool(repoRoot, 'tsx', 'tsx', [
      'scripts/new-connector.ts',
      'acme-cloud',
      '--out',
      outside,
    ]);
    await expect(failure).rejects.toThrow(
      /new:connector: --out must be a directory directly in packages\//,
    );
    await expect(readdir(outside)).rejects.toThrow(/ENOENT/);
    await expect(
      generateConnector({ vendor: 'acme', packagesDir: scratch, out: join(scratch, 'a', 'b') }),
    ).rejects.toThrow(/--out must be a directory directly in packages\//);
  });

  it('refuses a vendor that has a package in packages/ already, whatever --out says', async () => {
    await expect(
      generateConnector({
        vendor: 'retailcrm',
        packagesDir: scratch,
        out: join(scratch, 'connector-retailcrm-2'),
      }),
    ).rejects.toThrow(/"retailcrm" has a package already: packages\/connector-retailcrm/);
    await expect(readdir(join(scratch, 'connector-retailcrm-2'))).rejects.toThrow(/ENOENT/);
  });

  it('a generation that fails half-way leaves no directory behind', async () => {
    nextChildFails.on = true;
    await expect(generateConnector({ vendor: 'acme', packagesDir: scratch })).rejects.toThrow(
      /biome crashed/,
    );
    const left = await readdir(scratch);
    expect(left.filter((name) => name.includes('acme') && name !== 'connector-acme-cloud')).toEqual(
      [],
    );
  });

  it('the command names what is wrong and exits 1', async () => {
    const outside = join(scratch, 'cli');
    await mkdir(outside);
    const failure = tool(repoRoot, 'tsx', 'tsx', [
      'scripts/new-connector.ts',
      'Acme',
      '--out',
      join(outside, 'x'),
    ]);
    await expect(failure).rejects.toThrow(/new:connector: "Acme" is not a vendor name/);
  });
});
