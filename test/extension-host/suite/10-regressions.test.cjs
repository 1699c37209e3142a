// Regressions: bugs found in src/ while writing the editor tests, each now fixed.
// Each asserts the behaviour that should hold.
//
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

describe('regressions', function () {
  afterEach(async function () {
    await vscode.workspace
      .getConfiguration('reflectiveAccounts')
      .update('run', undefined, vscode.ConfigurationTarget.Workspace);
  });

  // src/server/code-actions.ts disableActions(): criterion-not-evidenced is
  // reported on the title line, or on the front matter's `unit:` line when the
  // account has no title (the copy here has its headings taken out); "Disable … for this line"
  // appends an HTML comment to that YAML line, so the unit becomes
  // "customer-relations <!-- reflect-lint-disable-line … -->", an unknown unit.
  it('a front-matter finding offers only the file-wide disable, which keeps the unit readable', async function () {
    const rel = await h.copyFixture('accounts/sample.md', 'repro-fm');
    const { uri, doc } = await h.open(rel);
    const untitled = new vscode.WorkspaceEdit();
    for (let line = 0; line < doc.lineCount; line++)
      if (doc.lineAt(line).text.startsWith('#')) untitled.delete(uri, doc.lineAt(line).rangeIncludingLineBreak);
    await vscode.workspace.applyEdit(untitled);
    // The account-wide findings are one "What to add next" entry there (src/server/diagnostics.ts).
    const onUnit = (x) => x.range.start.line === 1 && /No paragraph evidences AC/.test(x.message);
    const list = await h.waitForDiagnostics(uri, (d) => d.some(onUnit), 'a finding on the unit line');
    const finding = list.find(onUnit);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, finding.range);
    assert.ok(
      !actions.some((a) => a.title === 'Disable criterion-not-evidenced for this line'),
      'a line comment would break the YAML',
    );
    const disable = actions.find((a) => a.title === 'Disable criterion-not-evidenced for this file');
    assert.ok(disable, 'no “Disable … for this file” action');
    await vscode.workspace.applyEdit(disable.edit);
    const after = await h.waitForDiagnostics(
      uri,
      (d) =>
        d.length > 0 &&
        !d.some(
          (x) => h.codeOf(x) === 'criterion-not-evidenced' || /No paragraph (evidences|refers to) AC/.test(x.message),
        ),
      'the diagnostics after the edit',
    );
    assert.equal(
      doc.lineAt(1).text,
      'unit: customer-relations',
      `the front matter now reads:\n${doc.getText().split('\n').slice(0, 3).join('\n')}`,
    );
    assert.ok(!after.some((x) => h.codeOf(x) === 'unknown-unit'), h.describeDiagnostics(after));
  });

  it('a note whose front matter names no unit stays silent', async function () {
    await h.writeText(
      'notes/front-matter.md',
      '---\ntitle: My notes\n---\n\n# Notes\n\nWe give good service.\n\nunit: the word at the start of a line\n',
    );
    const { uri } = await h.open('notes/front-matter.md');
    await h.serverHasSeen(uri);
    assert.deepEqual(
      h.diagnosticsOf(uri).map((x) => h.codeOf(x)),
      [],
    );
  });

  // src/server/server.ts current(): with reflectiveAccounts.run = onSave, a request
  // (the light bulb's textDocument/codeAction on every cursor move, hover,
  // completion) re-analyses the unsaved text and publishes its diagnostics,
  // so in the active editor “check on save” behaves like “check as you type”.
  it('reflectiveAccounts.run = onSave: moving the cursor does not re-check unsaved text', async function () {
    const rel = await h.copyFixture('accounts/sample.md', 'repro-onsave');
    const { uri, doc, editor } = await h.open(rel);
    await h.waitForDiagnostics(
      uri,
      (d) => d.some((x) => x.message.includes('“good service”')),
      'the good-service finding',
    );
    await vscode.workspace
      .getConfiguration('reflectiveAccounts')
      .update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
    // The server re-checks open documents once it has re-read the settings.
    await new Promise((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(
        (e) => e.uris.some((u) => u.toString() === uri.toString()) && (sub.dispose(), resolve()),
      );
    });
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, h.rangeOf(doc, 'good service'), 'a reply within two working days');
    await vscode.workspace.applyEdit(edit);
    assert.equal(doc.isDirty, true);
    // The learner moves the cursor; VS Code asks for code actions there (as the light bulb does).
    editor.selection = new vscode.Selection(10, 2, 10, 2);
    await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(10, 2, 10, 2));
    assert.ok(
      h.diagnosticsOf(uri).some((x) => x.message.includes('“good service”')),
      'the unsaved edit was checked before any save',
    );
  });
});
