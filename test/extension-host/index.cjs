// Entry point for `extensionTestsPath`: VS Code's extension host require()s this
// file and awaits run(). Used both by scripts/e2e/run-extension-host-tests.mjs
// (code-server, the workbench URL's `payload`) and by @vscode/test-electron's
// runTests (`--electron`), so it has the standard shape: run() resolves when
// every test passed and throws otherwise.
//
// It runs the mocha suite in ./suite (files *.test.cjs, in name order) inside
// the extension host, where require('vscode') is the real API, and writes the
// results as JSON to the file named by REFLECT_LINT_TEST_RESULT (if set):
//   { ok, vscodeVersion, uiKind, durationMs, stats, tests: [...], metrics: [...], error? }
// REFLECT_LINT_TEST_GREP (optional) runs only the tests whose full title matches it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { metrics } = require('./helpers.cjs');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SUITE_DIR = path.join(__dirname, 'suite');
const TEST_TIMEOUT_MS = 30_000;

function loadMocha() {
  // mocha 12 is an ES module package; its CommonJS build loads in the extension host.
  const dir = process.env.REFLECT_LINT_TEST_MOCHA || path.join(REPO_ROOT, 'node_modules', 'mocha');
  return require(path.join(dir, 'lib', 'mocha.cjs'));
}

function writeResult(file, result) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(result, null, 2));
  fs.renameSync(tmp, file); // atomic: the poller never reads half a file
}

/** Runs mocha and collects every test's outcome (no console output: the extension host has no terminal). */
function runMocha(Mocha, files) {
  const tests = [];
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: TEST_TIMEOUT_MS,
    reporter: function Collector(runner) {
      const titlePath = (t) => t.titlePath();
      runner.on('pass', (t) => tests.push({ title: titlePath(t), state: 'passed', ms: Math.round(t.duration ?? 0) }));
      runner.on('fail', (t, err) =>
        tests.push({
          title: titlePath(t),
          state: 'failed',
          ms: Math.round(t.duration ?? 0),
          error: String((err && err.stack) || err),
          ...(err && err.showDiff !== false && 'expected' in err
            ? { expected: stringify(err.expected), actual: stringify(err.actual) }
            : {}),
        }),
      );
      runner.on('pending', (t) => tests.push({ title: titlePath(t), state: 'pending' }));
    },
  });
  if (process.env.REFLECT_LINT_TEST_GREP) mocha.grep(process.env.REFLECT_LINT_TEST_GREP);
  for (const f of files) mocha.addFile(f);
  return mocha
    .loadFilesAsync()
    .then(() => new Promise((resolve) => mocha.run((failures) => resolve({ failures, tests }))));
}

function stringify(v) {
  try {
    return typeof v === 'string' ? v : JSON.stringify(v, null, 2);
  } catch {
    return String(v);
  }
}

async function run() {
  const started = Date.now();
  const out = process.env.REFLECT_LINT_TEST_RESULT;
  const result = { ok: false, startedAt: new Date(started).toISOString(), pid: process.pid };
  try {
    const vscode = require('vscode');
    result.vscodeVersion = vscode.version;
    result.appName = vscode.env.appName;
    result.uiKind = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
    const files = fs
      .readdirSync(SUITE_DIR)
      .filter((f) => f.endsWith('.test.cjs'))
      .sort()
      .map((f) => path.join(SUITE_DIR, f));
    const { failures, tests } = await runMocha(loadMocha(), files);
    result.tests = tests;
    result.stats = {
      passes: tests.filter((t) => t.state === 'passed').length,
      failures: tests.filter((t) => t.state === 'failed').length,
      pending: tests.filter((t) => t.state === 'pending').length,
    };
    // A failing hook counts in `failures` without a test of its own in some mocha versions.
    result.ok = failures === 0 && result.stats.failures === 0 && tests.length > 0;
    if (!tests.length) result.error = 'no tests ran';
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
  result.metrics = metrics;
  result.durationMs = Date.now() - started;
  if (out) writeResult(out, result);
  if (!result.ok) throw new Error(result.error || `${result.stats.failures} extension-host test(s) failed`);
}

module.exports = { run };
