// The Criteria view and the status bar, through the object activate() returns
// ({ client, view }): the same data VS Code renders.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

describe('Criteria view and status bar', function () {
  it('show the active account’s criteria and service-cycle stages', async function () {
    const { uri } = await h.open('accounts/sample.md');
    const { view } = await h.api();
    const c = await h.waitForCoverage((x) => x.uri === uri.toString() && x.analysed, 'the account’s coverage');
    assert.equal(c.rubric?.id, 'customer-relations');
    assert.deepEqual(c.criteria.map((x) => `${x.id}:${x.status}`).slice(0, 1), ['1:evidenced']);
    assert.equal(c.criteria.length, 5);
    assert.equal(c.stages.length, 6);
    assert.equal(c.stages.filter((s) => s.present).length, 4);

    const all = view.getChildren();
    const items = all.map((n) => view.getTreeItem(n));
    assert.deepEqual(
      items.map((i) => i.label),
      ['What to add next', c.rubric.title, 'Service cycle', 'Learner: accounts'],
    );
    const top = all.slice(1);
    const criteria = view.getChildren(top[0]).map((n) => view.getTreeItem(n));
    assert.deepEqual(
      criteria.map((i) => i.label),
      ['AC 1', 'AC 2', 'AC 3', 'AC 4', 'AC 5'],
    );
    assert.match(criteria[0].description, /^evidenced · /);
    // AC 1's evidence: a child that opens the paragraph.
    const evidence = view.getChildren(view.getChildren(top[0])[0]).map((n) => view.getTreeItem(n));
    assert.equal(evidence.length, 1);
    assert.equal(evidence[0].command.command, 'vscode.open');
    const stages = view.getChildren(top[1]).map((n) => view.getTreeItem(n));
    assert.equal(stages.length, 6);
    assert.ok(stages.some((s) => s.description === 'missing'));

    // The status bar item (a private field of the view: VS Code offers no API to read status bar text).
    const status = view.status;
    assert.equal(status.text, '$(checklist) AC 1/5 · Cycle 4/6');
    assert.equal(status.command, 'reflectLint.showCriteria');
  });

  it('follow the active editor and say when a document is no account', async function () {
    const readme = await h.open('notes/README.md');
    const { view } = await h.api();
    await h.serverHasSeen(readme.uri);
    const c = await h.waitForCoverage((x) => x.uri === readme.uri.toString(), 'the README’s (empty) coverage');
    assert.equal(c.analysed, false);
    const top = view.getChildren().map((n) => view.getTreeItem(n));
    assert.equal(top.length, 1);
    assert.match(top[0].label, /not checked as an account/);
    await h.open('accounts/sample.md');
    await h.waitForCoverage((x) => x.analysed && x.rubric?.id === 'customer-relations', 'the account’s coverage again');
  });

  it('update when a criterion reference is added', async function () {
    const rel = await h.copyFixture('accounts/sample.md', 'view');
    const { uri, doc } = await h.open(rel);
    await h.waitForCoverage((x) => x.uri === uri.toString() && x.analysed, 'the copy’s coverage');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, h.positionOf(doc, 'two working days', 'two working days'.length), ' (AC 2)');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const c = await h.waitForCoverage(
      (x) => x.uri === uri.toString() && x.criteria.find((k) => k.id === '2')?.status === 'evidenced',
      'AC 2 to be evidenced',
    );
    assert.equal(c.criteria.filter((k) => k.status === 'evidenced').length, 2);
    const { view } = await h.api();
    assert.equal(view.status.text, '$(checklist) AC 2/5 · Cycle 4/6');
  });
});
