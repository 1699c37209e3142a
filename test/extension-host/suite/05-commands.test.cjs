// The “Reflective Accounts: …” commands, run as the command palette runs them.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

const allTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);

describe('commands', function () {
  it('“Check This Document” makes an unrelated Markdown file analysed', async function () {
    const rel = await h.copyFixture('notes/meeting.md', 'check');
    const { uri } = await h.open(rel);
    await h.serverHasSeen(uri);
    assert.deepEqual(h.diagnosticsOf(uri), [], 'notes are not accounts until asked');
    await vscode.commands.executeCommand('reflectLint.checkDocument');
    const list = await h.waitForDiagnostics(
      uri,
      (d) => d.some((x) => h.codeOf(x) === 'vague-standard'),
      'findings after Check This Document',
    );
    const phrases = list.filter((x) => h.codeOf(x) === 'vague-standard').map((x) => /“(.+?)”/.exec(x.message)[1]);
    assert.deepEqual(phrases.sort(), ['as soon as possible', 'good service']);
    const { view } = await h.api();
    assert.equal(view.active()?.analysed, true, 'the Criteria view should show the checked document');
  });

  it('“Select Unit” asks for the unit and writes it into the front matter', async function () {
    const rel = await h.copyFixture('notes/draft.md', 'unit');
    const { uri, doc } = await h.open(rel);
    const { client } = await h.api();
    const rubrics = await client.sendRequest('reflectLint/rankUnits', { uri: uri.toString() });
    assert.ok(rubrics.length >= 5, `rubrics: ${rubrics.map((r) => r.id).join(', ')}`);
    const changed = h.waitForText(doc, (t) => t.startsWith('---\n'), 'the front matter to be written');
    await h.runAcceptingQuickPick('reflectLint.selectUnit');
    const text = await changed;
    // The quick pick lists the units best match first, as the server ranks them; Enter takes the first.
    assert.ok(text.startsWith(`---\nunit: ${rubrics[0].id}\n---\n\n# Draft\n`), `text now:\n${text}`);
    // Naming a unit makes the note an account.
    await h.waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics once the unit is named');
  });

  it('“Insert Criterion Reference” offers the criteria the paragraph supports and inserts the chosen one', async function () {
    const rel = await h.copyFixture('accounts/sample.md', 'insert-command');
    const { uri, doc, editor } = await h.open(rel);
    await h.waitForDiagnostics(uri, (d) => d.length > 0, 'the account diagnostics');
    const sentence = 'I rang the courier, booked a same-day van and emailed the customer the tracking link before noon';
    const at = h.positionOf(doc, sentence, 3);
    editor.selection = new vscode.Selection(at, at);
    const { client } = await h.api();
    const ranked = await client.sendRequest('reflectLint/rankCriteria', {
      uri: uri.toString(),
      line: at.line,
      character: at.character,
    });
    // Only the criteria the paragraph's content supports (a score of 1 or more, SUPPORT_MIN_SCORE), best first: not all five.
    assert.ok(ranked.criteria.length >= 1 && ranked.criteria.length < 5, JSON.stringify(ranked.criteria));
    assert.ok(
      ranked.criteria.every((c) => c.score >= 1),
      JSON.stringify(ranked.criteria),
    );
    assert.equal(ranked.criteria[0].id, '2', 'a courier booked and a tracking link sent before noon reads as AC 2');
    const changed = h.waitForText(doc, (t) => t.includes(`${sentence} (AC `), 'the reference to be inserted');
    await h.runAcceptingQuickPick('reflectLint.insertCriterionReference');
    const text = await changed;
    // The quick pick lists the best match first; Enter takes it.
    assert.ok(
      text.includes(`${sentence} (AC ${ranked.criteria[0].id}).`),
      text.split('\n').find((l) => l.includes('courier')),
    );
  });

  it('“Generate Assessor Report” opens the mapping grid for this account', async function () {
    await h.open('accounts/sample.md');
    const opened = h.waitFor(
      (l) => vscode.window.tabGroups.onDidChangeTabs(l),
      () => allTabs().find((t) => t.label === 'Mapping grid'),
      'the Mapping grid tab',
    );
    // With an account active it asks “This account” (first) or “Every account”.
    await h.runAcceptingQuickPick('reflectLint.generateReport');
    const tab = await opened;
    assert.ok(tab.input instanceof vscode.TabInputWebview, 'the report is a webview');
    // The Tab object is replaced as the webview loads: close the current one.
    const current = allTabs().find((t) => t.label === 'Mapping grid');
    if (current) await vscode.window.tabGroups.close(current);
  });

  it('“Show Criteria” reveals the Criteria view', async function () {
    await h.open('accounts/sample.md');
    await vscode.commands.executeCommand('reflectLint.showCriteria');
  });
});
