#!/usr/bin/env node
// Runs the extension-host integration tests (test/extension-host/suite/*.test.cjs)
// inside a real VS Code extension host and prints mocha-style results.
//
// Default: code-server 4.100.3 (VS Code 1.100.3, from .tools/code-server) on
// 127.0.0.1, with the repo root as extensionDevelopmentPath and
// test/extension-host/index.cjs as extensionTestsPath, both given in the
// workbench URL's `payload`; headless Chromium opens that URL, which starts the
// extension host and so the tests. Nothing is installed into VS Code.
//
// --electron: @vscode/test-electron's runTests instead (desktop VS Code, as in
// CI with internet access). It downloads VS Code unless VSCODE_EXECUTABLE_PATH
// names one; where it cannot, it says so in one line and exits 1. Linux needs
// a display (xvfb-run) for it.
//
// Usage (--help lists the options):
//   node scripts/e2e/run-extension-host-tests.mjs [--grep TEXT] [--no-build] [--keep] [--electron]
// Exit: 0 all passed, 1 a test failed or the run did not complete, 2 bad usage.

import { existsSync, mkdirSync, readFileSync, watch } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, developmentUrl, launchChromium, startCodeServer, waitForWorkbench } from './code-server.mjs';
import {
  colours as c,
  copyWorkspace,
  createLog,
  ensureCodeServer,
  parseRunnerArgs,
  printMetrics,
  runInScratch,
  runStep,
} from './common.mjs';

const VSCODE_VERSION = '1.100.3'; // the same VS Code as code-server 4.100.3
const RESULT_TIMEOUT_MS = 150_000; // whole suite, from the workbench being ready
const TESTS_ENTRY = path.join(REPO_ROOT, 'test', 'extension-host', 'index.cjs');
const FIXTURE = path.join(REPO_ROOT, 'test', 'extension-host', 'workspace');

const opts = parseRunnerArgs('run-extension-host-tests.mjs', {
  grep: { type: 'string', value: 'TEXT', help: 'only the tests whose full title contains TEXT (a regular expression)' },
  'no-build': { type: 'boolean', help: 'use dist/ as it is' },
  keep: { type: 'boolean', help: 'keep the scratch folder (workspace copy, user data, logs, results)' },
  electron: { type: 'boolean', help: '@vscode/test-electron instead of code-server' },
});
const { log, since } = createLog('extension-host');

// ------------------------------------------------------------------ output

/** Prints the results file like mocha's spec reporter; returns the exit code. */
function report(result) {
  console.log(
    `\n  VS Code ${result.vscodeVersion ?? '?'} (${result.appName ?? '?'}, ${result.uiKind ?? '?'}) extension host`,
  );
  const failures = [];
  let lastSuite = [];
  for (const t of result.tests ?? []) {
    const suites = t.title.slice(0, -1);
    suites.forEach((s, i) => {
      if (lastSuite[i] !== s) {
        console.log(`\n${'  '.repeat(i + 1)}${s}`);
        lastSuite = suites.slice(0, i + 1);
      }
    });
    lastSuite = suites;
    const indent = '  '.repeat(suites.length + 1);
    const name = t.title[t.title.length - 1];
    if (t.state === 'passed')
      console.log(`${indent}${c.green('✔')} ${name}${t.ms >= 75 ? c.grey(` (${t.ms}ms)`) : ''}`);
    else if (t.state === 'pending') console.log(`${indent}${c.cyan(`- ${name}`)}`);
    else {
      failures.push(t);
      console.log(`${indent}${c.red(`${failures.length}) ${name}`)}`);
    }
  }
  const s = result.stats ?? { passes: 0, failures: 0, pending: 0 };
  console.log(`\n  ${c.green(`${s.passes} passing`)} ${c.grey(`(${((result.durationMs ?? 0) / 1000).toFixed(1)}s)`)}`);
  if (s.pending) console.log(`  ${c.cyan(`${s.pending} pending`)}`);
  if (s.failures) console.log(`  ${c.red(`${s.failures} failing`)}`);
  failures.forEach((t, i) => {
    console.log(`\n  ${i + 1}) ${t.title.join('\n     ')}:\n`);
    console.log(`     ${c.red(t.error.split('\n').join('\n     '))}`);
    if (t.expected !== undefined && t.expected !== 'true' && !t.error.includes('+ actual - expected'))
      console.log(c.grey(`     expected: ${t.expected}\n     actual:   ${t.actual}`));
  });
  if (result.error) console.log(`\n  ${c.red(`error: ${result.error}`)}`);
  printMetrics(result.metrics);
  console.log('');
  return result.ok ? 0 : 1;
}

/** Resolves with the parsed file once it exists (written atomically by index.cjs), or null after timeoutMs. */
function waitForFile(file, timeoutMs, { abort } = {}) {
  return new Promise((resolve) => {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true });
    let done = false;
    const finish = (v) => {
      if (done) return;
      done = true;
      watcher.close();
      clearTimeout(timer);
      clearInterval(slow);
      resolve(v);
    };
    const check = () => {
      if (existsSync(file)) {
        try {
          finish(JSON.parse(readFileSync(file, 'utf8')));
        } catch {
          /* renamed into place but not readable yet: the next event or check */
        }
      } else if (abort?.()) finish(null);
    };
    const watcher = watch(dir, check);
    // Belt and braces for file systems whose watch misses the rename, and for `abort`.
    const slow = setInterval(check, 1000);
    const timer = setTimeout(() => finish(null), timeoutMs);
    check();
  });
}

function testEnv(resultFile) {
  return {
    REFLECT_LINT_TEST_RESULT: resultFile,
    ...(opts.grep ? { REFLECT_LINT_TEST_GREP: opts.grep } : {}),
  };
}

// ------------------------------------------------------------------ --electron
async function runElectron(tmp, workspace, resultFile) {
  let testElectron;
  try {
    testElectron = await import('@vscode/test-electron');
  } catch (e) {
    console.error(`--electron: @vscode/test-electron is not installed (npm install): ${e.message}`);
    return 1;
  }
  let executable = process.env.VSCODE_EXECUTABLE_PATH;
  if (!executable) {
    log(`downloading VS Code ${VSCODE_VERSION} with @vscode/test-electron (cached in .tools/vscode-test)`);
    try {
      executable = await testElectron.downloadAndUnzipVSCode({
        version: VSCODE_VERSION,
        cachePath: path.join(REPO_ROOT, '.tools', 'vscode-test'),
        timeout: 15_000,
        // Quiet: the one line below is what a failed download should print.
        reporter: { report() {}, error() {} },
      });
    } catch (e) {
      const why = String(e?.message ?? e).split('\n')[0];
      console.error(
        `--electron: cannot download VS Code ${VSCODE_VERSION} (${why}); this machine cannot reach update.code.visualstudio.com. Run without --electron (code-server), or set VSCODE_EXECUTABLE_PATH to an installed VS Code.`,
      );
      return 1;
    }
  }
  log(`VS Code at ${executable}`);
  try {
    await testElectron.runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: TESTS_ENTRY,
      extensionTestsEnv: testEnv(resultFile),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        '--user-data-dir',
        path.join(tmp, 'user-data'),
        '--extensions-dir',
        path.join(tmp, 'extensions'),
      ],
    });
  } catch (e) {
    // runTests rejects when the tests fail; the results file says which.
    if (!existsSync(resultFile)) {
      console.error(`--electron: VS Code did not complete the run: ${String(e?.message ?? e).split('\n')[0]}`);
      return 1;
    }
  }
  const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : null;
  if (!result) {
    console.error('--electron: VS Code exited without writing the results file');
    return 1;
  }
  return report(result);
}

// ------------------------------------------------------------------ code-server (default)
async function runCodeServer(tmp, workspace, resultFile) {
  ensureCodeServer(log);
  let cs;
  let browser;
  try {
    cs = await startCodeServer({
      workspace,
      extensionsDir: path.join(tmp, 'extensions'),
      userDataDir: path.join(tmp, 'user-data'),
      // As desktop VS Code (and --electron): no auto-save, whose didSave would blur what the tests show.
      settings: { 'files.autoSave': 'off' },
      env: testEnv(resultFile),
    });
    log(`code-server at ${cs.baseUrl}`);
    const url = developmentUrl(cs, workspace, { extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: TESTS_ENTRY });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(url);
    await waitForWorkbench(page);
    log(`workbench ready (${await page.title()}); tests running in the extension host`);
    // The extension host exits after run(); a crash before the file is written fails fast.
    const crashed = () =>
      /Extension Host Process exited with code: (?!0\b)\d+|Extension host .* terminated unexpectedly/.test(cs.output());
    const result = await waitForFile(resultFile, RESULT_TIMEOUT_MS, { abort: crashed });
    if (!result) {
      console.error(
        `\nno results from the extension host ${crashed() ? '(it exited early)' : `within ${RESULT_TIMEOUT_MS / 1000} s`}.`,
      );
      console.error(`code-server output (tail):\n${cs.output().slice(-4000)}`);
      if (pageErrors.length) console.error(`page errors:\n${pageErrors.slice(-5).join('\n')}`);
      return 1;
    }
    return report(result);
  } finally {
    await browser?.close().catch(() => {});
    await cs?.stop().catch(() => {});
  }
}

// ------------------------------------------------------------------ main
await runInScratch('extension-host', { keep: opts.keep, log, since }, async (tmp) => {
  if (!opts['no-build']) {
    log('building: node esbuild.js');
    runStep(process.execPath, ['esbuild.js'], 'the build (node esbuild.js)');
  }
  // A scratch copy: the tests write files (copies of fixtures, a 6,000-word account).
  const workspace = copyWorkspace(FIXTURE, tmp);
  const resultFile = path.join(tmp, 'results', 'extension-host.json');
  return opts.electron ? runElectron(tmp, workspace, resultFile) : runCodeServer(tmp, workspace, resultFile);
});
