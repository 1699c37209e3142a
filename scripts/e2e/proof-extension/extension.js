// Throwaway proof: when the extension host activates this extension
// (onStartupFinished, i.e. once a browser has opened the workbench), it
//   1. records vscode.version, openTextDocument and getDiagnostics results;
//   2. if REFLECT_LINT_E2E_MOCHA (path of a mocha package folder) is set, runs
//      the mocha suite in ./test (or REFLECT_LINT_E2E_SPEC, comma-separated
//      absolute paths) inside this extension host;
// and writes everything as JSON to the file named by REFLECT_LINT_E2E_RESULT.
// Does nothing if REFLECT_LINT_E2E_RESULT is not set.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

function writeResult(file, result) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(result, null, 2));
  fs.renameSync(tmp, file); // atomic: a poller never reads half a file
}

function runMocha(mochaDir, files) {
  return new Promise((resolve, reject) => {
    let Mocha;
    try {
      Mocha = require(path.join(mochaDir, 'lib', 'mocha.cjs'));
    } catch (e) {
      try {
        Mocha = require(mochaDir);
        Mocha = Mocha.default || Mocha;
      } catch (e2) {
        return reject(new Error(`cannot load mocha from ${mochaDir}: ${e.message}; ${e2.message}`));
      }
    }
    const mocha = new Mocha({ ui: 'bdd', timeout: 20000, reporter: function Silent() {} });
    for (const f of files) mocha.addFile(f);
    const tests = [];
    mocha.loadFilesAsync().then(() => {
      const runner = mocha.run((failures) => resolve({ failures, tests }));
      runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
      runner.on('fail', (t, err) => tests.push({ title: t.fullTitle(), state: 'failed', error: String(err && err.stack || err) }));
      runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
    }, reject);
  });
}

async function activate(context) {
  const out = process.env.REFLECT_LINT_E2E_RESULT;
  if (!out) return;
  const result = {
    via: 'activate',
    activatedAt: new Date().toISOString(),
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    remoteName: vscode.env.remoteName ?? null,
    node: process.version,
    pid: process.pid,
    workspaceFolders: (vscode.workspace.workspaceFolders || []).map((f) => f.uri.toString()),
  };
  try {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# proof\n' });
    result.openTextDocument = { uri: doc.uri.toString(), languageId: doc.languageId, lineCount: doc.lineCount };
    const coll = vscode.languages.createDiagnosticCollection('e2e-proof');
    coll.set(doc.uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 7), 'proof diagnostic', vscode.DiagnosticSeverity.Warning)]);
    result.getDiagnostics = vscode.languages.getDiagnostics().map(([uri, d]) => ({
      uri: uri.toString(),
      diagnostics: d.map((x) => ({ message: x.message, severity: x.severity, line: x.range.start.line })),
    }));
    result.extensionMode = ['?', 'Production', 'Development', 'Test'][context.extensionMode] || String(context.extensionMode);
    const mochaDir = process.env.REFLECT_LINT_E2E_MOCHA;
    // In Test mode (extensionTestsPath given) test-runner.js runs the suite.
    if (mochaDir && context.extensionMode !== vscode.ExtensionMode.Test) {
      const spec = process.env.REFLECT_LINT_E2E_SPEC
        ? process.env.REFLECT_LINT_E2E_SPEC.split(',')
        : fs.readdirSync(path.join(__dirname, 'test')).filter((f) => /\.test\.c?js$/.test(f)).map((f) => path.join(__dirname, 'test', f));
      result.mocha = await runMocha(mochaDir, spec);
    }
    result.ok = !result.mocha || result.mocha.failures === 0;
  } catch (e) {
    result.ok = false;
    result.error = String(e && e.stack || e);
  }
  writeResult(out, result);
}

function deactivate() {}

module.exports = { activate, deactivate, runMocha };
