// Code actions through vscode.executeCodeActionProvider, as the light bulb and
// Ctrl+. ask for them, and what applying one does to the document.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

const INSERT_KIND = 'refactor.rewrite.reflectLint.insertReference';

async function actionsAt(uri, range) {
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range);
  return (actions ?? []).filter((a) => a instanceof vscode.CodeAction || 'edit' in a);
}

async function freshAccount(label) {
  const rel = await h.copyFixture('accounts/sample.md', label);
  const opened = await h.open(rel);
  const list = await h.waitForDiagnostics(
    opened.uri,
    (d) => d.some((x) => h.codeOf(x) === 'vague-standard'),
    'the vague-standard finding',
  );
  return { ...opened, list, vague: list.find((x) => h.codeOf(x) === 'vague-standard') };
}

const titles = (actions) => actions.map((a) => a.title);

describe('code actions', function () {
  it('offer the quick fix and one “Disable …” (line or file) on a finding', async function () {
    const { uri, vague } = await freshAccount('actions');
    const actions = await actionsAt(uri, vague.range);
    const fix = actions.find((a) => a.title === 'Replace “good service” with a measurable standard to fill in');
    assert.ok(fix, `no replace fix among:\n    ${titles(actions).join('\n    ')}`);
    assert.equal(fix.kind.value, 'quickfix');
    assert.equal(fix.isPreferred, true);
    // (vscode.executeCodeActionProvider does not hand back a CodeAction's diagnostics, so they are not checked here.)
    const disable = actions.filter((a) => a.title.startsWith('Disable vague-standard'));
    assert.deepEqual(
      disable.map((a) => a.title),
      ['Disable vague-standard…'],
      titles(actions).join(', '),
    );
    assert.equal(disable[0].kind.value, 'quickfix');
    assert.equal(disable[0].command.command, 'reflectLint.disableRule');
  });

  it('offer “Insert criterion reference” in a paragraph without a finding', async function () {
    const { uri, doc, list } = await freshAccount('insert');
    const at = h.positionOf(doc, 'I work on the front counter', 10);
    assert.ok(
      !list.some((d) => d.range.start.line <= at.line && at.line <= d.range.end.line),
      `the background paragraph has a finding:\n    ${h.describeDiagnostics(list)}`,
    );
    const actions = await actionsAt(uri, new vscode.Range(at, at));
    const inserts = actions.filter((a) => a.title.startsWith('Insert criterion reference: AC '));
    assert.ok(inserts.length >= 1, `no insert action among: ${titles(actions).join(', ') || '(none)'}`);
    for (const a of inserts) {
      assert.equal(a.kind.value, INSERT_KIND);
      assert.match(a.title, /^Insert criterion reference: AC \d+ \(.+\)$/);
    }
    assert.ok(!actions.some((a) => a.title.startsWith('Disable ')), 'no finding here, so nothing to disable');
  });

  it('applying the insert action adds “ (AC n)” before the full stop', async function () {
    const { uri, doc } = await freshAccount('apply-insert');
    const sentence = 'I rang the courier, booked a same-day van and emailed the customer the tracking link before noon';
    const at = h.positionOf(doc, sentence, 5);
    const insert = (await actionsAt(uri, new vscode.Range(at, at))).find((a) =>
      a.title.startsWith('Insert criterion reference: AC '),
    );
    assert.ok(insert, 'no insert action in the courier paragraph');
    const id = /AC (\d+(?:\.\d+)*)/.exec(insert.title)[1];
    assert.equal(await vscode.workspace.applyEdit(insert.edit), true);
    assert.ok(doc.getText().includes(`${sentence} (AC ${id}).`), `text now:\n${doc.getText()}`);
    // The paragraph is now linked: its missing-demonstrates-link finding goes.
    const line = at.line;
    await h.waitForDiagnostics(
      uri,
      (d) => d.length > 0 && !d.some((x) => h.codeOf(x) === 'missing-demonstrates-link' && x.range.start.line === line),
      'the unlinked-paragraph finding to go',
    );
  });

  it('applying the preferred fix replaces the vague phrase with a template', async function () {
    const { uri, doc, vague } = await freshAccount('apply-fix');
    const line = vague.range.start.line;
    const fix = (await actionsAt(uri, vague.range)).find((a) => a.isPreferred);
    assert.ok(fix, 'no preferred fix');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    const text = doc.lineAt(line).text;
    assert.ok(!text.includes('good service'), text);
    assert.match(
      text,
      /give a service that meets \[a measurable standard, e\.g\. "replied within 2 working days"\] to everyone/,
    );
    await h.waitForDiagnostics(
      uri,
      (d) => d.length > 0 && !d.some((x) => h.codeOf(x) === 'vague-standard'),
      'the vague-standard finding to go',
    );
  });

  it('applying “Disable …” and choosing “On this line only” silences that finding only', async function () {
    const { uri, doc, vague, list } = await freshAccount('apply-disable');
    const line = vague.range.start.line;
    const disable = (await actionsAt(uri, vague.range)).find((a) => a.title === 'Disable vague-standard…');
    assert.ok(disable);
    // The first choice offered (highlighted) is the line.
    await h.runAcceptingQuickPick(disable.command.command, h.WAIT_MS, disable.command.arguments);
    // The paragraph starts the line, so the comment goes on its own line above it.
    assert.equal(doc.lineAt(line).text, '<!-- reflect-lint-disable-next-line vague-standard -->');
    assert.match(doc.lineAt(line + 1).text, /good service/);
    const after = await h.waitForDiagnostics(
      uri,
      (d) => d.length > 0 && !d.some((x) => h.codeOf(x) === 'vague-standard'),
      'the vague-standard finding to go',
    );
    assert.equal(after.length, list.length - 1, `only that finding should go:\n    ${h.describeDiagnostics(after)}`);
  });
});
