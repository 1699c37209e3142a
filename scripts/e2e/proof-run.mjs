#!/usr/bin/env node
// Throwaway proof that a mocha suite runs inside the real extension host of
// code-server (VS Code 1.100.3), reporting to a file. See NOTES.md.
//
// Usage (after bash scripts/e2e/install-code-server.sh):
//   node scripts/e2e/proof-run.mjs                  # copy proof-extension/ into the extensions dir;
//                                                   #   its activate() (onStartupFinished) runs mocha
//   node scripts/e2e/proof-run.mjs --vsix FILE      # same, installed with --install-extension FILE
//   node scripts/e2e/proof-run.mjs --payload        # no install: extensionDevelopmentPath and
//                                                   #   extensionTestsPath in the workbench URL's payload
//   node scripts/e2e/proof-run.mjs --server-main [--payload]
//                                                   # VS Code's own server (lib/vscode/out/server-main.js)
//                                                   #   given --extensionDevelopmentPath/--extensionTestsPath
//   node scripts/e2e/proof-run.mjs --no-browser     # shows that nothing runs until a browser connects
// Exits 0 when the expected result file arrived and its tests passed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  REPO_ROOT,
  TOOLS_DIR,
  startCodeServer,
  installVsix,
  installExtensionFolder,
  listExtensions,
  launchChromium,
  waitForWorkbench,
  developmentUrl,
  getFreePort,
  writeUserSettings,
} from './code-server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROOF = path.join(HERE, 'proof-extension');
const argv = process.argv.slice(2);
const vsix = argv.includes('--vsix') ? argv[argv.indexOf('--vsix') + 1] : null;
const noBrowser = argv.includes('--no-browser');
const payload = argv.includes('--payload');
const serverMain = argv.includes('--server-main');
// Dev-path modes (payload, server-main) install nothing; the others install the proof.
const install = !payload && !serverMain;
const RESULT_TIMEOUT_MS = noBrowser || (serverMain && !payload) ? 20_000 : 60_000;

const t0 = performance.now();
const since = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;
const log = (m) => console.log(`[proof ${since()}] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForFile(file, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
    await sleep(200);
  }
  return null;
}

/** VS Code's own server from code-server's lib/vscode, for comparison. */
async function startServerMain({ workspace, extensionsDir, userDataDir, env, extraArgs }) {
  const port = await getFreePort();
  writeUserSettings(userDataDir);
  const child = spawn(
    process.execPath,
    [
      path.join(TOOLS_DIR, 'node_modules/code-server/lib/vscode/out/server-main.js'),
      '--host', '127.0.0.1', '--port', String(port),
      '--without-connection-token', '--accept-server-license-terms',
      '--server-data-dir', path.join(userDataDir, 'server-data'),
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--telemetry-level', 'off', '--disable-workspace-trust',
      '--default-folder', workspace,
      ...extraArgs,
    ],
    { env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const kill = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  process.on('exit', kill);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await fetch(`${baseUrl}/`);
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) {
        kill();
        throw new Error(`server-main.js did not answer on ${baseUrl}:\n${out.slice(-3000)}`);
      }
      await sleep(100);
    }
  }
  return { baseUrl, url: `${baseUrl}/?folder=${encodeURIComponent(workspace)}`, output: () => out, stop: async () => kill() };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'reflect-lint-proof-'));
const workspace = path.join(tmp, 'workspace');
mkdirSync(workspace);
writeFileSync(path.join(workspace, 'hello.md'), '# Hello\n');
const extensionsDir = path.join(tmp, 'extensions');
const activateResult = path.join(tmp, 'result', 'activate.json');
const testsResult = path.join(tmp, 'result', 'tests.json');
// In the dev-path modes the tests run from extensionTestsPath (test-runner.js).
const expected = install ? activateResult : testsResult;
const env = {
  REFLECT_LINT_E2E_RESULT: activateResult,
  REFLECT_LINT_E2E_TESTS_RESULT: testsResult,
  REFLECT_LINT_E2E_MOCHA: path.join(REPO_ROOT, 'node_modules', 'mocha'),
};
let server;
let browser;
let code = 1;
try {
  if (!existsSync(env.REFLECT_LINT_E2E_MOCHA)) throw new Error(`mocha not found at ${env.REFLECT_LINT_E2E_MOCHA} (npm install in the repo)`);
  if (vsix) {
    log(`installing ${vsix} with --install-extension`);
    await installVsix(vsix, extensionsDir);
  } else if (install) {
    log('copying proof-extension/ into the extensions dir (+ extensions.json)');
    installExtensionFolder(PROOF, extensionsDir);
  }
  if (install) log(`listed: ${(await listExtensions(extensionsDir)).join(', ')}`);
  const opts = { workspace, extensionsDir, userDataDir: path.join(tmp, 'user-data'), env };
  if (serverMain) {
    server = await startServerMain({
      ...opts,
      extraArgs: ['--extensionDevelopmentPath', PROOF, '--extensionTestsPath', path.join(PROOF, 'test-runner.js')],
    });
    log(`server-main.js at ${server.baseUrl}`);
  } else {
    server = await startCodeServer(opts);
    log(`code-server at ${server.baseUrl}`);
  }
  const url = payload
    ? developmentUrl(server, workspace, { extensionDevelopmentPath: PROOF, extensionTestsPath: path.join(PROOF, 'test-runner.js') })
    : server.url;
  if (!noBrowser) {
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(url);
    await waitForWorkbench(page);
    log(`workbench ready (title "${await page.title()}"); waiting for ${path.basename(expected)}`);
  } else {
    log(`no browser: waiting for ${path.basename(expected)} anyway`);
  }
  const result = await waitForFile(expected, RESULT_TIMEOUT_MS);
  if (!result) {
    log(`no ${path.basename(expected)} after ${RESULT_TIMEOUT_MS / 1000} s`);
    console.log(`server output (tail):\n${server.output().slice(-1500)}`);
  } else {
    const other = install ? null : existsSync(activateResult) ? JSON.parse(readFileSync(activateResult, 'utf8')) : null;
    console.log(JSON.stringify(other ? { [path.basename(expected)]: result, 'activate.json': other } : result, null, 2));
    const m = result.mocha;
    if (m) {
      const passed = m.tests.filter((t) => t.state === 'passed').length;
      const failed = m.tests.filter((t) => t.state === 'failed').length;
      log(`mocha in the extension host (via ${result.via}): ${passed} passed, ${failed} failed`);
    }
    code = result.ok ? 0 : 1;
  }
} catch (e) {
  console.error(`[proof ${since()}] FAILED: ${e.stack || e}`);
  if (server) console.error(server.output().slice(-3000));
} finally {
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
  rmSync(tmp, { recursive: true, force: true });
  log(`exit ${code} after ${since()}`);
}
process.exit(code);
