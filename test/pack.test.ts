/**
 * The npm package as a user gets it: `npm pack`, the tarball installed into an empty folder with
 * no network (an empty npm cache and --offline, so any dependency it still needed would fail the
 * install), then `npx reflect-lint` run there on an account. The bundles in dist/ carry every
 * runtime dependency, so the package declares none. The tarball is packed from the dist/ that
 * `npm test` has just built (--ignore-scripts: `npm pack` itself builds for production first).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initializeOverStdio } from './lsp-stdio.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the npm package', function () {
  this.timeout(120_000);
  let tmp: string;
  let installed: string;
  let env: NodeJS.ProcessEnv;
  let files: string[];

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'reflect-lint-pack-'));
    env = {
      ...process.env,
      NO_COLOR: '1',
      npm_config_cache: join(tmp, 'npm-cache'),
      npm_config_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    const packed = spawnSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    assert.equal(packed.status, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = info.files.map((f) => f.path);
    installed = join(tmp, 'user');
    mkdirSync(join(installed, 'portfolio'), { recursive: true });
    writeFileSync(join(installed, 'package.json'), '{ "private": true }\n');
    const install = spawnSync(npm, ['install', '--offline', '--ignore-scripts', join(tmp, info.filename)], {
      cwd: installed,
      env,
      encoding: 'utf8',
    });
    assert.equal(install.status, 0, `npm install of the tarball, offline: ${install.stderr}`);
    copyFileSync(join(root, 'examples', 'sample-account.md'), join(installed, 'portfolio', 'sample-account.md'));
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('holds only what runs: the command, the bundles and the rubric schema, and declares no dependencies', () => {
    for (const needed of [
      'bin/reflect-lint.cjs',
      'dist/cli.cjs',
      'dist/server.cjs',
      'dist/core.cjs',
      'dist/main.cjs',
      'rubrics/rubric.schema.json',
      'package.json',
      'README.md',
      'LICENSE',
    ]) {
      assert.ok(files.includes(needed), `${needed} is in the tarball`);
    }
    const stray = files.filter(
      (f) =>
        !/^(?:bin\/|dist\/[^/]+\.cjs$|rubrics\/rubric\.schema\.json$|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(
          f,
        ),
    );
    assert.deepEqual(stray, []);
    const manifest = JSON.parse(readFileSync(join(installed, 'node_modules', 'reflect-lint', 'package.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'every runtime dependency is bundled into dist/');
  });

  it('runs `npx reflect-lint` on an account, writing what the clone’s own command writes', () => {
    const args = ['--format', 'json', 'portfolio/sample-account.md'];
    const npx = spawnSync(npm, ['exec', '--offline', '--', 'reflect-lint', ...args], {
      cwd: installed,
      env,
      encoding: 'utf8',
    });
    const own = spawnSync(process.execPath, [join(root, 'bin', 'reflect-lint.cjs'), ...args], {
      cwd: installed,
      env,
      encoding: 'utf8',
    });
    assert.equal(npx.status, 1, `findings give exit 1: ${npx.stderr}`);
    const report = JSON.parse(npx.stdout);
    assert.ok(
      report.files[0].findings.some((f: { rule: string }) => f.rule === 'vague-standard'),
      'the account’s vague standard is found',
    );
    assert.equal(npx.stdout, own.stdout);
  });

  it('starts the language server from the installed package (`npx reflect-lint lsp`)', async () => {
    const server = spawn(npm, ['exec', '--offline', '--', 'reflect-lint', 'lsp', '--stdio'], {
      cwd: installed,
      env,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const { client, exited } = await initializeOverStdio(server);
    await client.sendRequest('shutdown');
    await client.sendNotification('exit');
    assert.equal(await exited, 0);
    client.dispose();
  });
});

describe('the Open VSX check of `npm run package` (scripts/check-openvsx.mjs)', function () {
  this.timeout(30_000);
  let tmp: string;
  before(() => (tmp = mkdtempSync(join(tmpdir(), 'reflect-lint-ovsx-'))));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  /** A .vsix holding only `extension/package.json`, zipped with the library vsce zips with. */
  async function vsix(name: string, manifest: unknown): Promise<string> {
    const require = createRequire(createRequire(import.meta.url).resolve('@vscode/vsce'));
    const yazl = require('yazl') as {
      ZipFile: new () => { addBuffer(b: Buffer, p: string): void; end(): void; outputStream: NodeJS.ReadableStream };
    };
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'extension/package.json');
    zip.end();
    const file = join(tmp, name);
    await new Promise<void>((done, fail) =>
      zip.outputStream
        .pipe(createWriteStream(file))
        .on('close', () => done())
        .on('error', fail),
    );
    return file;
  }
  const check = (file: string) =>
    spawnSync(process.execPath, [join(root, 'scripts', 'check-openvsx.mjs'), file], { encoding: 'utf8' });

  it('passes the extension’s own manifest', async () => {
    const r = check(await vsix('good.vsix', JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /passes Open VSX's checks \(reflect-lint\.reflect-lint /);
  });

  it('names each thing the registry would refuse, one line each', async () => {
    const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const bad = {
      ...own,
      publisher: 'Reflect Lint',
      version: 'latest',
      license: undefined,
      homepage: 'readme.html',
      markdown: 'fancy',
      description: 'Checks\u0007 accounts',
    };
    const r = check(await vsix('bad.vsix', bad));
    assert.equal(r.status, 1);
    const lines = r.stderr.trim().split('\n');
    for (const what of [
      /no licence/,
      /publisher "Reflect Lint"/,
      /version "latest" is a word Open VSX reserves/,
      /homepage "readme\.html" is not an absolute URL/,
      /markdown "fancy"/,
      /description has an invalid character at index 6/,
    ]) {
      assert.ok(
        lines.some((l) => what.test(l)),
        `${what} in:\n${r.stderr}`,
      );
    }
    assert.equal(lines.length, 6, r.stderr);
  });

  it('says in one line that a file is not a .vsix', () => {
    const r = check(join(root, 'README.md'));
    assert.equal(r.status, 1);
    assert.match(r.stderr.trim(), /^[^\n]*README\.md: cannot be read as a \.vsix/);
  });
});
