// Diagnostics: which documents are accounts, what a diagnostic carries, and
// that edits update them.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

describe('diagnostics', function () {
  it('give the rule id as code and link to the rule page', async function () {
    const { uri, doc } = await h.open('accounts/sample.md');
    const list = await h.waitForDiagnostics(uri, (d) => d.length > 0, 'the account diagnostics');
    const vague = list.find((d) => h.codeOf(d) === 'vague-standard');
    assert.ok(vague, `no vague-standard diagnostic:\n    ${h.describeDiagnostics(list)}`);
    assert.equal(doc.getText(vague.range), 'good service');
    assert.equal(vague.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(vague.message, /“good service” cannot be measured/);
    assert.ok(
      typeof vague.code === 'object' && vague.code.target instanceof vscode.Uri,
      'code should carry a codeDescription link',
    );
    assert.match(vague.code.target.toString(true), /vague-standard/);
    for (const d of list) {
      assert.equal(d.source, 'reflect-lint');
      assert.match(String(h.codeOf(d)), /^[a-z]+(-[a-z]+)*$/, `code “${h.codeOf(d)}” is not a rule id`);
    }
    const rules = new Set(list.map(h.codeOf));
    for (const rule of ['missing-demonstrates-link', 'cycle-stage-missing', 'criterion-not-evidenced'])
      assert.ok(rules.has(rule), `no ${rule} diagnostic`);
    // The paragraph linked with (AC 1) is not reported as unlinked.
    const linked = h.positionOf(doc, 'In March a customer rang').line;
    assert.ok(!list.some((d) => h.codeOf(d) === 'missing-demonstrates-link' && d.range.start.line === linked));
  });

  it('leave a README in an unrelated folder alone', async function () {
    const readme = await h.open('notes/README.md');
    // Opened after the README: once its diagnostics are here, the server has
    // also handled the README's open (the server checks documents in order).
    const account = await h.open('accounts/telephone.md');
    await h.waitForDiagnostics(account.uri, (d) => d.length > 0, 'the account diagnostics');
    // And a request about the README itself, answered only after its check.
    await h.serverHasSeen(readme.uri);
    assert.deepEqual(h.diagnosticsOf(readme.uri), [], 'the README (not an account) got diagnostics');
    assert.match(
      readme.doc.getText(),
      /good service/,
      'the README fixture should hold what would be a finding in an account',
    );
  });

  it('update when an edit removes a finding', async function () {
    const rel = await h.copyFixture('accounts/sample.md', 'edit');
    const { uri, doc } = await h.open(rel);
    const before = await h.waitForDiagnostics(
      uri,
      (d) => d.some((x) => x.message.includes('“good service”')),
      'the good-service finding',
    );
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, h.rangeOf(doc, 'good service'), 'a reply within two working days');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const after = await h.waitForDiagnostics(
      uri,
      (d) => d.length > 0 && !d.some((x) => x.message.includes('“good service”')),
      'the good-service finding to go',
    );
    assert.equal(after.length, before.length - 1, `expected one finding fewer:\n    ${h.describeDiagnostics(after)}`);
  });
});
