// Helpers for browser end-to-end tests against a real VS Code (code-server
// 4.100.3 = VS Code 1.100.3) installed by scripts/e2e/install-code-server.sh
// into .tools/code-server. Only 127.0.0.1 is used.
//
//   import { startCodeServer, installVsix, launchChromium } from './code-server.mjs';
//   const cs = await startCodeServer({ workspace, extensionsDir, userDataDir });
//   ... open cs.url in a browser ...
//   await cs.stop();

import { spawn, execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const TOOLS_DIR = process.env.E2E_TOOLS_DIR || path.join(REPO_ROOT, '.tools', 'code-server');
export const CODE_SERVER_ENTRY = path.join(TOOLS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
// Without the networking flags Chromium keeps trying to reach Google hosts,
// which this machine's closed network refuses.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const READY_TIMEOUT_MS = 60_000;

/** User settings that keep the workbench quiet and deterministic. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'editor.accessibilitySupport': 'off',
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

function assertInstalled() {
  if (!existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(
      `code-server is not installed at ${CODE_SERVER_ENTRY}; run: bash scripts/e2e/install-code-server.sh`,
    );
  }
}

/**
 * Environment for code-server: XDG_* point into userDataDir so that it does not
 * write ~/.config/code-server/config.yaml or ~/.local/share/code-server, and
 * the extension gallery is switched off.
 */
function codeServerEnv(userDataDir, extraEnv = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(userDataDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(userDataDir, 'xdg-data'),
    // No extension gallery (code-server's default is open-vsx.org): without
    // this the workbench asks for it through the server, which is off-machine.
    EXTENSIONS_GALLERY: '{}',
    ...extraEnv,
  };
}

/** Writes userDataDir/User/settings.json (QUIET_SETTINGS plus `extra`). */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'settings.json');
  writeFileSync(file, JSON.stringify({ ...QUIET_SETTINGS, ...extra }, null, 2) + '\n');
  return file;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function getFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpAnswers(url, timeoutMs) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts code-server on 127.0.0.1 and resolves once it answers HTTP.
 *
 * @param {object} o
 * @param {string} o.workspace      folder to open
 * @param {string} o.extensionsDir  --extensions-dir
 * @param {string} o.userDataDir    --user-data-dir (User/settings.json is written here)
 * @param {number} [o.port]         default: a free port
 * @param {object} [o.settings]     extra user settings merged over QUIET_SETTINGS
 * @param {object} [o.env]          extra environment for code-server and its extension host
 * @param {string[]} [o.extraArgs]  extra code-server arguments
 * @param {number} [o.timeoutMs]    how long to wait for HTTP (default 60 s)
 * @returns {Promise<{url: string, baseUrl: string, port: number, pid: number, output: () => string, stop: () => Promise<void>}>}
 */
export async function startCodeServer({
  workspace,
  extensionsDir,
  userDataDir,
  port,
  settings = {},
  env = {},
  extraArgs = [],
  timeoutMs = READY_TIMEOUT_MS,
}) {
  assertInstalled();
  if (!workspace || !extensionsDir || !userDataDir) {
    throw new Error('startCodeServer needs workspace, extensionsDir and userDataDir');
  }
  workspace = path.resolve(workspace);
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(userDataDir, { recursive: true });
  writeUserSettings(userDataDir, settings);
  // Our own config file, so that code-server does not write a default one
  // (with a random password) under ~/.config.
  const configFile = path.join(userDataDir, 'code-server.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  port ??= await getFreePort();

  const args = [
    CODE_SERVER_ENTRY,
    '--config',
    configFile,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--extensions-dir',
    path.resolve(extensionsDir),
    '--user-data-dir',
    path.resolve(userDataDir),
    ...extraArgs,
    workspace,
  ];
  // detached: own process group, so stop() ends code-server and every process
  // it started (extension host, file watcher, ...), and nothing else.
  const child = spawn(process.execPath, args, {
    cwd: workspace,
    env: codeServerEnv(userDataDir, env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const keep = (d) => {
    out += d;
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });

  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  // If this Node process exits without stop(), do not leave code-server behind.
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    if (exited === null) killGroup('SIGTERM');
    const done = await Promise.race([exitPromise, sleep(5000).then(() => null)]);
    // The group may still hold children (extension host) after the main one exits.
    killGroup('SIGKILL');
    if (!done) await Promise.race([exitPromise, sleep(2000)]);
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exited) {
        throw new Error(
          `code-server exited (code ${exited.code}, signal ${exited.signal}) before answering on ${baseUrl}:\n${out.slice(-4000)}`,
        );
      }
      const status = await httpAnswers(`${baseUrl}/healthz`, 2000);
      if (status > 0) break;
      if (Date.now() > deadline) {
        throw new Error(
          `code-server did not answer HTTP on ${baseUrl} within ${timeoutMs / 1000} s; its output:\n${out.slice(-4000)}`,
        );
      }
      await sleep(100);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  const url = `${baseUrl}/?folder=${encodeURIComponent(workspace)}`;
  return { url, baseUrl, port, pid: child.pid, output: () => out, stop };
}

/**
 * The workbench URL of a started code-server that loads an extension from a
 * folder on this machine (no install) and, if extensionTestsPath is given,
 * makes the extension host require() that file and await its run(): the
 * web workbench takes both from the URL's `payload` parameter (code-server's
 * command line does not accept them, and VS Code's server ignores them).
 */
export function developmentUrl(cs, workspace, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const authority = new URL(cs.baseUrl).host;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  let url = `${cs.baseUrl}/?folder=${encodeURIComponent(path.resolve(workspace))}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

function run(file, args, opts) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { ...opts, maxBuffer: 10 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        err.message += `\n${stdout}\n${stderr}`;
        reject(err);
      } else resolve({ stdout, stderr });
    });
  });
}

/**
 * Installs a .vsix into extensionsDir with `code-server --install-extension`.
 * Resolves with code-server's output; rejects if the extension is not then
 * listed by --list-extensions.
 */
export async function installVsix(vsixPath, extensionsDir, { userDataDir } = {}) {
  assertInstalled();
  vsixPath = path.resolve(vsixPath);
  if (!existsSync(vsixPath)) throw new Error(`no such .vsix: ${vsixPath}`);
  mkdirSync(extensionsDir, { recursive: true });
  // code-server writes its config and logs under XDG_*; keep them out of ~.
  const scratch = userDataDir ?? path.join(extensionsDir, '.install-user-data');
  mkdirSync(scratch, { recursive: true });
  const common = ['--extensions-dir', path.resolve(extensionsDir), '--user-data-dir', path.resolve(scratch)];
  const env = codeServerEnv(scratch);
  const { stdout, stderr } = await run(
    process.execPath,
    [CODE_SERVER_ENTRY, ...common, '--install-extension', vsixPath, '--force'],
    { env },
  );
  const out = stdout + stderr;
  if (/fail|error/i.test(out) && !/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsixPath} failed:\n${out}`);
  }
  return out;
}

/** playwright-core from .tools/code-server (not from the repo's dependencies). */
export function loadPlaywright() {
  const require = createRequire(path.join(TOOLS_DIR, 'package.json'));
  try {
    return require('playwright-core');
  } catch (e) {
    throw new Error(
      `playwright-core is not installed in ${TOOLS_DIR}; run: bash scripts/e2e/install-code-server.sh\n${e.message}`,
    );
  }
}

/** Debian's Chromium through playwright-core, headless. */
export async function launchChromium(options = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found; run: bash scripts/e2e/install-code-server.sh`);
  }
  const { chromium } = loadPlaywright();
  // Chromium's crash reporter writes $XDG_CONFIG_HOME/chromium: keep it out of ~.
  const configHome = path.join(os.tmpdir(), 'reflect-lint-e2e-chromium-config');
  mkdirSync(configHome, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...options,
    env: { ...process.env, XDG_CONFIG_HOME: configHome, ...(options.env ?? {}) },
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/**
 * Waits until the workbench in `page` is usable: the workbench element, the
 * status bar and (unless explorerRow is false, e.g. for an empty workspace)
 * the Explorer's first row are present. Bounded by timeoutMs.
 */
export async function waitForWorkbench(page, { timeoutMs = READY_TIMEOUT_MS, explorerRow = true } = {}) {
  await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: timeoutMs });
  if (explorerRow) await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: timeoutMs });
}
