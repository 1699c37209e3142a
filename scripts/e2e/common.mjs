// What the two runners (run-extension-host-tests.mjs, run-browser-e2e.mjs) share: their command
// line, their log lines and colours, installing code-server when it is missing, and the scratch
// folder each run works in (made, removed at the end or on Ctrl+C, kept with --keep).
//
//   const opts = parseRunnerArgs('run-x.mjs', { keep: { type: 'boolean', help: 'keep the scratch folder' } });
//   const { log, since } = createLog('x');
//   await runInScratch('x', { keep: opts.keep, log, since }, async (tmp) => 0);   // exits with the code

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CODE_SERVER_ENTRY, REPO_ROOT } from './code-server.mjs';

/**
 * The runner's options from process.argv. `options` maps each long option (without `--`) to
 * `{ type: 'boolean' | 'string', value?: 'TEXT', help }`; booleans default to false. An unknown
 * argument, a positional one or a string option without its value prints the usage and exits 2;
 * `--help` prints it and exits 0.
 */
export function parseRunnerArgs(script, options) {
  const flag = (name, o) => `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
  const entries = Object.entries(options);
  const usage = [
    `usage: node scripts/e2e/${script} ${entries.map(([name, o]) => `[${flag(name, o)}]`).join(' ')}`,
    ...entries.map(([name, o]) => `  ${flag(name, o).padEnd(14)} ${o.help}`),
  ].join('\n');
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        ...Object.fromEntries(entries.map(([name, o]) => [name, { type: o.type }])),
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    console.error(`${e.message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  for (const [name, o] of entries) if (o.type === 'boolean') values[name] ??= false;
  return values;
}

/** `log(message)` prints `[tag 1.2s] message`; `since()` is the time since the runner started. */
export function createLog(tag) {
  const t0 = performance.now();
  const since = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;
  return { since, log: (message) => console.log(`[${tag} ${since()}] ${message}`) };
}

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (s) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
/** Colours for a terminal; plain text when piped or with NO_COLOR. */
export const colours = { green: paint(32), red: paint(31), grey: paint(90), cyan: paint(36) };

/** Runs scripts/e2e/install-code-server.sh when code-server is not installed yet. */
export function ensureCodeServer(log) {
  if (existsSync(CODE_SERVER_ENTRY)) return;
  log('code-server is not installed: running scripts/e2e/install-code-server.sh');
  const r = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'e2e', 'install-code-server.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('installing code-server failed (bash scripts/e2e/install-code-server.sh)');
}

/**
 * Runs a build step in the repo root and throws, naming it (`what`), if it fails. Its output is shown
 * as it runs, or with `quiet` kept and shown only when it fails.
 */
export function runStep(cmd, args, what, { quiet = false } = {}) {
  const r = spawnSync(cmd, args, {
    cwd: REPO_ROOT,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (r.status !== 0)
    throw new Error(`${what} failed (exit ${r.status})${quiet ? `:\n${(r.stdout + r.stderr).slice(-3000)}` : ''}`);
}

/** A fresh copy of a fixture workspace in the scratch folder (tests write into it). */
export function copyWorkspace(fixture, tmp) {
  const workspace = path.join(tmp, 'workspace');
  cpSync(fixture, workspace, { recursive: true });
  return workspace;
}

/** Prints the figures a run measured: `{ name, value, unit = 'ms', detail? }` each. */
export function printMetrics(metrics) {
  if (!metrics?.length) return;
  console.log('\n  measured (not asserted):');
  for (const m of metrics)
    console.log(`    ${m.name}: ${m.value} ${m.unit ?? 'ms'}${m.detail ? colours.grey(` (${m.detail})`) : ''}`);
}

/**
 * Makes a scratch folder, awaits `body(tmp)` for the exit code, then removes the folder (unless
 * `keep`) and exits with that code: 1 if `body` throws. Ctrl+C or SIGTERM removes the folder too
 * and exits 130 (code-server.mjs ends code-server's process group when this process exits).
 */
export async function runInScratch(tag, { keep, log, since }, body) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `reflect-lint-${tag}-`));
  const cleanup = () => {
    if (!keep) rmSync(tmp, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      cleanup();
      process.exit(130);
    });
  }
  let code = 1;
  try {
    code = await body(tmp);
  } catch (e) {
    console.error(`[${tag} ${since()}] FAILED: ${e.stack || e}`);
    code = 1;
  } finally {
    cleanup();
    if (keep) log(`kept ${tmp}`);
    log(`${code === 0 ? 'passed' : 'failed'} in ${since()}`);
  }
  process.exit(code);
}
