#!/usr/bin/env node
// Browser end-to-end run: packages the extension (npm run package →
// reflect-lint.vsix), installs it into a fresh extensions dir, starts
// code-server (VS Code 1.100.3) on a scratch copy of test/e2e/workspace and
// drives Chromium through the steps in test/e2e/browser.test.mjs, as a learner
// would. Screenshots go to test-results/. Prints each step, the measured
// figures, and exits non-zero if a step failed. Always stops code-server and
// the browser and removes the scratch folder.
//
// Usage:
//   node scripts/e2e/run-browser-e2e.mjs [--no-package] [--keep]
//     --no-package  install the existing reflect-lint.vsix instead of building it
//     --keep        keep the scratch folder (workspace, user data, logs)

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CODE_SERVER_ENTRY, REPO_ROOT, installVsix, launchChromium, startCodeServer, waitForWorkbench } from './code-server.mjs';

const STEP_TIMEOUT_MS = 30_000;
const VSIX = path.join(REPO_ROOT, 'reflect-lint.vsix');
const FIXTURE = path.join(REPO_ROOT, 'test', 'e2e', 'workspace');
const RESULTS = path.join(REPO_ROOT, 'test-results');

const argv = process.argv.slice(2);
const opts = { package: !argv.includes('--no-package'), keep: argv.includes('--keep') };
const unknown = argv.filter((a) => !['--no-package', '--keep'].includes(a));
if (unknown.length) {
  console.error(`unknown argument: ${unknown[0]}\nusage: node scripts/e2e/run-browser-e2e.mjs [--no-package] [--keep]`);
  process.exit(2);
}

const t0 = performance.now();
const since = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;
const log = (m) => console.log(`[browser-e2e ${since()}] ${m}`);
const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const green = (s) => (tty ? `\x1b[32m${s}\x1b[0m` : s);
const red = (s) => (tty ? `\x1b[31m${s}\x1b[0m` : s);
const grey = (s) => (tty ? `\x1b[90m${s}\x1b[0m` : s);

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`);
  return r.stdout;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'reflect-lint-browser-e2e-'));
let cs;
let browser;
let code = 1;
const metrics = [];
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
    process.exit(130); // code-server.mjs kills code-server's process group on exit
  });
}

try {
  if (!existsSync(CODE_SERVER_ENTRY)) {
    log('code-server is not installed: running scripts/e2e/install-code-server.sh');
    const r = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'e2e', 'install-code-server.sh')], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('installing code-server failed (bash scripts/e2e/install-code-server.sh)');
  }
  if (opts.package) {
    log('packaging: npm run package');
    run('npm', ['run', 'package', '--silent'], 'npm run package');
  }
  if (!existsSync(VSIX)) throw new Error(`${VSIX} not found (run without --no-package)`);
  const extensionsDir = path.join(tmp, 'extensions');
  await installVsix(VSIX, extensionsDir);
  log(`installed ${path.basename(VSIX)} into a fresh extensions dir`);

  const workspace = path.join(tmp, 'workspace');
  cpSync(FIXTURE, workspace, { recursive: true });
  cs = await startCodeServer({ workspace, extensionsDir, userDataDir: path.join(tmp, 'user-data') });
  log(`code-server at ${cs.baseUrl}`);

  const { title, steps } = await import(new URL('../../test/e2e/browser.test.mjs', import.meta.url).href);
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await page.goto(cs.url);
  await waitForWorkbench(page);
  const readyAt = performance.now();
  log('workbench ready');

  mkdirSync(RESULTS, { recursive: true });
  const ctx = {
    page,
    workspace,
    readyAt,
    log: (m) => console.log(grey(`      ${m}`)),
    shot: async (name) => {
      await page.screenshot({ path: path.join(RESULTS, name) });
      console.log(grey(`      screenshot test-results/${name}`));
    },
    record: (name, value, detail) => metrics.push({ name, value: Math.round(value), detail }),
  };

  console.log(`\n  ${title}\n`);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  for (const step of steps) {
    if (failed && !step.optional) {
      skipped++;
      console.log(`    - ${step.name} ${grey('(skipped: an earlier step failed)')}`);
      continue;
    }
    const start = performance.now();
    try {
      await step.run(ctx);
      passed++;
      console.log(`    ${green('✔')} ${step.name} ${grey(`(${Math.round(performance.now() - start)}ms)`)}`);
    } catch (e) {
      const shotName = `failure-${steps.indexOf(step) + 1}.png`;
      await page.screenshot({ path: path.join(RESULTS, shotName) }).catch(() => {});
      if (step.optional) {
        skipped++;
        console.log(`    - ${step.name} ${grey(`(not measured: ${String(e.message).split('\n')[0]}; see test-results/${shotName})`)}`);
        continue;
      }
      failed++;
      failures.push({ step, e, shotName });
      console.log(`    ${red(`${failed}) ${step.name}`)}`);
    }
  }
  console.log(`\n  ${green(`${passed} passing`)}${failed ? `\n  ${red(`${failed} failing`)}` : ''}${skipped ? `\n  ${skipped} skipped` : ''}`);
  failures.forEach(({ step, e, shotName }, i) => {
    console.log(`\n  ${i + 1}) ${step.name}:\n     ${red(String(e.stack || e).split('\n').slice(0, 8).join('\n     '))}\n     screenshot: test-results/${shotName}`);
  });
  if (metrics.length) {
    console.log('\n  measured (not asserted):');
    for (const m of metrics) console.log(`    ${m.name}: ${m.value} ms${m.detail ? grey(` (${m.detail})`) : ''}`);
  }
  console.log('');
  code = failed ? 1 : 0;
  if (failed) console.log(grey(`code-server output (tail):\n${cs.output().slice(-2000)}`));
} catch (e) {
  console.error(`[browser-e2e ${since()}] FAILED: ${e.stack || e}`);
  if (cs) console.error(`code-server output (tail):\n${cs.output().slice(-3000)}`);
} finally {
  await browser?.close().catch(() => {});
  await cs?.stop().catch(() => {});
  if (opts.keep) log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
  log(`${code === 0 ? 'passed' : 'failed'} in ${since()}`);
}
process.exit(code);
