// The assessor's report panel (src/extension/report-panel.ts, media/report/): one webview, reused; what the
// webview sends when a cell is clicked or a button pressed is sent here through the panel's receive(), the
// same path the webview's messages take; every wait is on the panel's onDidRender (the webview drew the grid).
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

const webviewTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Mapping grid'));

/** Runs `act` and resolves with the next grid the webview draws after it (for which `until(report)` holds). */
async function nextRender(act, what, until = () => true) {
  const { report } = await h.api();
  const before = report.lastRendered?.count ?? 0;
  const drawn = h.waitFor(
    report.onDidRender,
    () =>
      report.lastRendered && report.lastRendered.count > before && report.lastRendered.current && until(report)
        ? report.lastRendered
        : undefined,
    what,
  );
  const result = await act(report);
  return { rendered: await drawn, result, report };
}

/** Two accounts of one learner under portfolio/, the second evidencing AC 2 where the first does not. */
async function portfolioOfAmira() {
  const sample = await h.readText('accounts/sample.md');
  await h.writeText('portfolio/amira-k/print-shop.md', sample);
  const second = sample
    .replace(" This demonstrates my ability to identify a customer's needs (AC 1).", '')
    .replace(
      'emailed the customer the tracking link before noon.',
      'emailed the customer the tracking link before noon (AC 2).',
    );
  assert.notEqual(second, sample);
  await h.writeText('portfolio/amira-k/courier.md', second);
  return { first: 'portfolio/amira-k/print-shop.md', second: 'portfolio/amira-k/courier.md' };
}

describe('Assessor report panel', function () {
  afterEach(async function () {
    const { report } = await h.api();
    report.state.panel?.dispose();
  });

  it('opens one panel for this account, and the same panel again for the workspace', async function () {
    const { uri } = await h.open('accounts/sample.md');
    const first = await nextRender(
      () => vscode.commands.executeCommand('reflectLint.generateReport', { kind: 'account', uri: uri.toString() }),
      'the grid of one account',
    );
    assert.equal(first.rendered.rows, 1);
    const unit = first.result.portfolio.units[0];
    assert.equal(unit.unit, 'customer-relations');
    assert.deepEqual(unit.rows[0].accounts, ['accounts/sample.md']);
    assert.equal(unit.rows[0].criteria['1'].status, 'evidenced');
    const panel = first.report.state.panel;
    assert.ok(panel?.visible, 'the panel is shown');

    const second = await nextRender(
      () => vscode.commands.executeCommand('reflectLint.generateReport', { kind: 'workspace' }),
      'the grid of the workspace',
    );
    const paths = second.result.portfolio.units.flatMap((u) => u.rows.flatMap((r) => r.accounts));
    assert.ok(paths.includes('accounts/sample.md') && paths.includes('accounts/telephone.md'), paths.join(', '));
    assert.ok(!paths.some((p) => p.startsWith('notes/README')), 'the notes README is not an account');
    assert.equal(second.rendered.rows, paths.length);
    assert.equal(second.report.state.panel, panel, 'the panel is reused, not opened again');
    assert.equal(
      webviewTabs().length,
      1,
      `one report tab: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => `${g.viewColumn}:${t.label}`)).join(', ')}`,
    );
  });

  it('a cell’s link opens the account at that line and selects the paragraph', async function () {
    const { uri, doc } = await h.open('accounts/sample.md');
    const { result, report } = await nextRender(
      () => vscode.commands.executeCommand('reflectLint.generateReport', { kind: 'account', uri: uri.toString() }),
      'the grid',
    );
    const place = result.portfolio.units[0].rows[0].criteria['1'].where[0];
    const expected = h.positionOf(doc, 'In March a customer rang').line;
    assert.equal(place.line, expected + 1, 'lines are 1-based, as people read them');
    // Away from the account first, so that opening it is seen.
    await h.open('notes/draft.md');
    const opened = h.waitFor(
      vscode.window.onDidChangeTextEditorSelection,
      () => {
        const e = vscode.window.activeTextEditor;
        return e?.document.uri.toString() === uri.toString() && e.selection.start.line === expected ? e : undefined;
      },
      'the account opened at the evidence',
    );
    await report.receive({ type: 'open', path: place.path, line: place.line });
    const editor = await opened;
    const selected = editor.document.getText(editor.selection);
    assert.match(selected, /^In March a customer rang/);
    assert.match(selected, /\(AC 1\)\.$/, 'the whole paragraph is selected');
  });

  it('a missing cell opens the criterion’s text, read-only, beside the panel', async function () {
    const { uri } = await h.open('accounts/sample.md');
    const { result, report } = await nextRender(
      () => vscode.commands.executeCommand('reflectLint.generateReport', { kind: 'account', uri: uri.toString() }),
      'the grid',
    );
    const unit = result.portfolio.units[0];
    const missing = unit.criteria.find((c) => unit.rows[0].criteria[c.id].status === 'missing');
    assert.ok(missing, 'the fixture account has a missing criterion');
    const shown = h.waitFor(
      vscode.window.onDidChangeActiveTextEditor,
      () => {
        const e = vscode.window.activeTextEditor;
        return e?.document.uri.scheme === 'reflect-lint-criterion' ? e : undefined;
      },
      'the criterion’s page',
    );
    // What the webview sends for a click on the cell's "missing".
    await report.receive({ type: 'criterion', unit: unit.unit, criterion: missing.id });
    const editor = await shown;
    const text = editor.document.getText();
    assert.equal(editor.document.languageId, 'markdown');
    assert.match(text, new RegExp(`^# AC ${missing.id}: `));
    assert.ok(text.includes(missing.text), `the criterion's text: ${text}`);
    assert.match(text, new RegExp(`This demonstrates my ability to .+ \\(AC ${missing.id}\\)\\.`), 'its ability');
    assert.notEqual(editor.viewColumn, report.state.panel.viewColumn, 'beside the panel, not over it');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('exports the grid as CSV and HTML files', async function () {
    const { uri } = await h.open('accounts/sample.md');
    await nextRender(
      () => vscode.commands.executeCommand('reflectLint.generateReport', { kind: 'account', uri: uri.toString() }),
      'the grid',
    );
    const csv = await vscode.commands.executeCommand('reflectLint.exportReport', 'csv', h.uriOf('exports/grid.csv'));
    assert.equal(csv.toString(), h.uriOf('exports/grid.csv').toString());
    const lines = (await h.readText('exports/grid.csv')).trim().split(/\r?\n/);
    assert.match(lines[0], /AC 1/);
    assert.equal(lines.length, 2, 'a header and one account');
    assert.match(lines[1], /accounts\/sample\.md/);
    await vscode.commands.executeCommand('reflectLint.exportReport', 'html', h.uriOf('exports/grid.html'));
    const html = await h.readText('exports/grid.html');
    assert.match(html, /^<!doctype html>/i);
    assert.match(html, /accounts\/sample\.md/);
  });

  it('draws the grid again when the account changes', async function () {
    const rel = await h.copyFixture('accounts/sample.md', 'report');
    const { uri, doc, editor } = await h.open(rel);
    const { report } = await nextRender(
      () => vscode.commands.executeCommand('reflectLint.generateReport', { kind: 'account', uri: uri.toString() }),
      'the grid',
    );
    assert.equal(report.state.view.portfolio.units[0].rows[0].criteria['1'].status, 'evidenced');
    // The learner takes the AC 1 reference away: AC 1 is no longer evidenced.
    const { rendered } = await nextRender(
      async () => {
        await editor.edit((e) => e.replace(h.rangeOf(doc, ' (AC 1)'), ''));
      },
      'the grid drawn again after the edit',
      (r) => r.state.view.portfolio.units[0].rows[0].criteria['1'].status !== 'evidenced',
    );
    assert.equal(rendered.rows, 1);
    assert.notEqual(report.state.view.portfolio.units[0].rows[0].criteria['1'].status, 'evidenced');
  });

  it('switches to one row per learner, their accounts’ evidence together', async function () {
    const { first, second } = await portfolioOfAmira();
    const { uri } = await h.open(first);
    const { result, report } = await nextRender(
      () => vscode.commands.executeCommand('reflectLint.generateReport', { kind: 'learner', uri: uri.toString() }),
      'the learner’s grid by account',
    );
    assert.equal(result.learner, 'amira-k');
    assert.deepEqual(result.portfolio.units[0].rows.map((r) => r.accounts).sort(), [[second], [first]]);
    assert.equal(report.state.panel.title, 'Mapping grid: amira-k');

    const { rendered } = await nextRender((r) => r.receive({ type: 'by', by: 'learner' }), 'the grid by learner');
    assert.equal(rendered.by, 'learner');
    assert.equal(rendered.rows, 1);
    const row = report.state.view.portfolio.units[0].rows[0];
    assert.equal(row.learner, 'amira-k');
    assert.deepEqual([...row.accounts].sort(), [second, first]);
    // AC 1 from one account, AC 2 from the other.
    assert.equal(row.criteria['1'].status, 'evidenced');
    assert.deepEqual(
      row.criteria['1'].where.map((p) => p.path),
      [first],
    );
    assert.equal(row.criteria['2'].status, 'evidenced');
    assert.deepEqual(
      row.criteria['2'].where.map((p) => p.path),
      [second],
    );
    await nextRender((r) => r.receive({ type: 'by', by: 'account' }), 'the grid by account again');
  });

  it('records the assessor’s decision in the portfolio folder and shows it in the grid', async function () {
    const { first } = await portfolioOfAmira();
    const { uri } = await h.open(first);
    await nextRender(
      () =>
        vscode.commands.executeCommand(
          'reflectLint.generateReport',
          { kind: 'learner', uri: uri.toString() },
          'learner',
        ),
      'the learner’s grid',
    );
    const { report } = await h.api();
    const { result: written } = await nextRender(
      (r) =>
        r.decide({
          type: 'decide',
          path: first,
          learner: 'amira-k',
          unit: 'customer-relations',
          criterion: '3',
          decision: 'met',
          comment: 'Observed on 12 March.',
        }),
      'the grid with the decision',
      (r) => r.state.view.portfolio.units[0].rows.some((row) => row.criteria['3'].decision),
    );
    assert.equal(written.toString(), h.uriOf('portfolio/.reflect-lint/assessments.json').toString());
    const stored = JSON.parse(await h.readText('portfolio/.reflect-lint/assessments.json'));
    const last = stored.decisions[stored.decisions.length - 1];
    assert.deepEqual(
      { ...last, at: undefined },
      {
        learner: 'amira-k',
        unit: 'customer-relations',
        criterion: '3',
        decision: 'met',
        comment: 'Observed on 12 March.',
        at: undefined,
      },
    );
    const cell = report.state.view.portfolio.units[0].rows[0].criteria['3'];
    assert.equal(cell.decision.decision, 'met');
    assert.equal(cell.decision.comment, 'Observed on 12 March.');
    assert.notEqual(cell.status, 'evidenced', 'the tool’s own status is still shown beside the decision');
  });

  it('“Draft Feedback” opens the learner’s feedback draft as a new Markdown document', async function () {
    const { first } = await portfolioOfAmira();
    const { uri } = await h.open(first);
    await nextRender(
      () => vscode.commands.executeCommand('reflectLint.generateReport', { kind: 'learner', uri: uri.toString() }),
      'the learner’s grid',
    );
    const { report } = await h.api();
    const doc = await report.draftFeedback();
    assert.equal(doc.languageId, 'markdown');
    assert.equal(doc.isUntitled, true, 'a draft, not saved anywhere');
    assert.match(doc.getText(), /^# Feedback for amira-k/);
    assert.equal(vscode.window.activeTextEditor?.document, doc);
  });
});
