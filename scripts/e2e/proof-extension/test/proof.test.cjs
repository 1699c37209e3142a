// Runs inside the real extension host (loaded by ../extension.js through mocha).
'use strict';
const assert = require('node:assert');
const vscode = require('vscode');

describe('inside the extension host', function () {
  it('has the real vscode API', function () {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
  });

  it('opens a Markdown document', async function () {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Title\n\ntext\n' });
    assert.strictEqual(doc.languageId, 'markdown');
    assert.strictEqual(doc.lineCount, 4);
  });

  it('reads back a diagnostic through getDiagnostics', async function () {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'x\n' });
    const coll = vscode.languages.createDiagnosticCollection('e2e-proof-test');
    coll.set(doc.uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'from a test')]);
    const got = vscode.languages.getDiagnostics(doc.uri);
    assert.strictEqual(got.length, 1);
    assert.strictEqual(got[0].message, 'from a test');
    coll.dispose();
  });

  it('sees the workspace folder', function () {
    assert.ok((vscode.workspace.workspaceFolders || []).length >= 1, 'no workspace folder');
  });
});
