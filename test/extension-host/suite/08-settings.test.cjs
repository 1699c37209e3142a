// Settings (reflectiveAccounts.*) take effect without a reload: the client forwards
// the change and the server re-reads them and re-checks open documents.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

const config = () => vscode.workspace.getConfiguration('reflectiveAccounts');
const Workspace = vscode.ConfigurationTarget.Workspace;

describe('settings', function () {
  afterEach(async function () {
    for (const key of ['rules', 'files']) await config().update(key, undefined, Workspace);
  });

  it('copies a setting written under its old name (reflectLint.*, before 0.2) to its new one at start', function () {
    // The workspace's .vscode/settings.json holds "reflectLint.maxFileSizeKB": 600 only (a little above the default 500).
    assert.equal(vscode.workspace.getConfiguration('reflectLint').inspect('maxFileSizeKB').workspaceValue, 600);
    assert.equal(config().inspect('maxFileSizeKB').workspaceValue, 600);
    assert.equal(config().get('maxFileSizeKB'), 600);
  });

  it('reflectiveAccounts.rules turns a rule off and on again', async function () {
    const rel = await h.copyFixture('accounts/sample.md', 'rules');
    const { uri } = await h.open(rel);
    const before = await h.waitForDiagnostics(
      uri,
      (d) => d.some((x) => h.codeOf(x) === 'vague-standard'),
      'the vague-standard finding',
    );
    await config().update('rules', { 'vague-standard': 'off', 'missing-demonstrates-link': 'error' }, Workspace);
    const off = await h.waitForDiagnostics(
      uri,
      (d) => d.length > 0 && !d.some((x) => h.codeOf(x) === 'vague-standard'),
      'vague-standard to be off',
    );
    assert.equal(off.length, before.length - 1);
    const link = off.filter((x) => h.codeOf(x) === 'missing-demonstrates-link');
    assert.ok(
      link.length && link.every((x) => x.severity === vscode.DiagnosticSeverity.Error),
      'missing-demonstrates-link should now be an error',
    );
    await config().update('rules', undefined, Workspace);
    await h.waitForDiagnostics(
      uri,
      (d) => d.some((x) => h.codeOf(x) === 'vague-standard'),
      'vague-standard to come back',
    );
  });

  it('reflectiveAccounts.files decides which Markdown files are accounts', async function () {
    const readme = await h.open('notes/README.md');
    await h.serverHasSeen(readme.uri);
    assert.deepEqual(h.diagnosticsOf(readme.uri), []);
    await config().update('files', ['notes/**/*.md'], Workspace);
    await h.waitForDiagnostics(
      readme.uri,
      (d) => d.some((x) => h.codeOf(x) === 'vague-standard'),
      'the README checked as an account',
    );
    await config().update('files', undefined, Workspace);
    await h.waitForDiagnostics(readme.uri, (d) => d.length === 0, 'the README left alone again');
  });
});
