// "What to add next" (issue 11): the CodeLens above the title and the Criteria view's node it opens, the
// actions on a missing criterion (add a paragraph as a snippet, show its text), the learner's portfolio
// node (issue 10 §4), and what a screen reader is told. Everything waits on VS Code events.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

const config = () => vscode.workspace.getConfiguration('reflectiveAccounts');
const Workspace = vscode.ConfigurationTarget.Workspace;
/** Findings counted as what is missing, not as things to fix. */
const MISSING = new Set(['cycle-stage-missing', 'criterion-not-evidenced']);

async function freshSample(label) {
  const rel = await h.copyFixture('accounts/sample.md', label);
  const opened = await h.open(rel);
  const coverage = await h.waitForCoverage(
    (x) => x.uri === opened.uri.toString() && x.analysed,
    `the coverage of ${rel}`,
  );
  return { ...opened, rel, coverage };
}

async function lensesOf(uri) {
  const all = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri)) ?? [];
  return all.filter((l) => l.command?.command === 'reflectLint.showNextSteps');
}

const items = (view, nodes) => nodes.map((n) => view.getTreeItem(n));

describe('what to add next', function () {
  afterEach(async function () {
    await config().update('codeLens', undefined, Workspace);
  });

  describe('CodeLens', function () {
    it('sits above the title, counts criteria, stages and findings to fix in words, and opens What to add next', async function () {
      const { uri, doc } = await freshSample('lens');
      const diagnostics = await h.waitForDiagnostics(uri, (d) => d.length > 0, 'the findings');
      // The title's account-wide findings are one "What to add next:" diagnostic (src/server/diagnostics.ts).
      const toFix = diagnostics.filter(
        (d) => !MISSING.has(h.codeOf(d)) && !d.message.startsWith('What to add next:'),
      ).length;
      assert.ok(toFix > 0, h.describeDiagnostics(diagnostics));
      const lenses = await lensesOf(uri);
      assert.equal(lenses.length, 1);
      const [lens] = lenses;
      assert.equal(lens.range.start.line, h.positionOf(doc, '# Reflective account').line);
      assert.equal(lens.command.title, `AC 1 of 5 · Cycle 4 of 6 · ${toFix} to fix`);
      assert.doesNotMatch(lens.command.title, /\d\/\d/, 'no "1/5", which a screen reader may read as a date');

      const { view } = await h.api();
      const selected = h.waitFor(
        (l) => view.treeView.onDidChangeSelection(l),
        () => view.treeView.selection[0]?.kind === 'next',
        'What to add next selected in the Criteria view',
      );
      await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
      await selected;
      assert.equal(view.treeView.visible, true);
    });

    it('goes with reflectiveAccounts.codeLens off, and comes back', async function () {
      const { uri, coverage } = await freshSample('lens-off');
      assert.equal((await lensesOf(uri)).length, 1);
      await config().update('codeLens', false, Workspace);
      // The server checks open documents again once new settings are in effect: a new coverage says they are.
      await h.waitForCoverage((x) => x.uri === uri.toString() && x !== coverage, 'the coverage after the setting');
      assert.deepEqual(await lensesOf(uri), []);
      const again = (await h.api()).view.active();
      await config().update('codeLens', undefined, Workspace);
      await h.waitForCoverage((x) => x.uri === uri.toString() && x !== again, 'the coverage after the reset');
      assert.equal((await lensesOf(uri)).length, 1);
    });
  });

  describe('Criteria view', function () {
    it('heads with What to add next: each missing stage and criterion, with what would count', async function () {
      const { coverage } = await freshSample('next');
      const { view } = await h.api();
      const [next] = view.getChildren();
      const item = view.getTreeItem(next);
      assert.equal(item.label, 'What to add next');
      assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      assert.equal(item.description, `${coverage.nextSteps.length} things`);
      const steps = items(view, view.getChildren(next));
      assert.deepEqual(
        steps.map((s) => s.label),
        ['Evaluate', 'Improve', 'AC 2', 'AC 3', 'AC 4', 'AC 5'],
      );
      assert.match(steps[0].description, /^stage not shown yet · Say what feedback or results you gathered/);
      assert.match(steps[2].description, /^reads like evidence, not yet linked · The paragraph on line 15/);
      assert.match(steps[3].description, /^missing · Tell of a time you had to collect feedback/);
      // A suggested criterion opens the paragraph; a missing one offers what to do.
      assert.equal(steps[2].command.command, 'vscode.open');
      assert.equal(steps[3].command.command, 'reflectLint.criterionActions');
      assert.equal(steps[3].contextValue, 'criterion-missing');
    });

    it('clicking a missing criterion offers “Add a paragraph for AC n”: a heading and tab stops at the end', async function () {
      const { doc } = await freshSample('add');
      const { view } = await h.api();
      const [next] = view.getChildren();
      const ac3 = view.getChildren(next).find((n) => n.kind === 'step' && n.step.id === '3');
      const click = view.getTreeItem(ac3).command;
      const before = doc.getText();
      await h.runAcceptingQuickPick(click.command, h.WAIT_MS, click.arguments);
      const text = await h.waitForText(doc, (t) => t.length > before.length, 'the paragraph inserted');
      assert.equal(text.slice(0, before.length), before, 'inserted at the end, nothing else changed');
      assert.match(
        text.slice(before.length),
        /^\n## AC 3\n\n\[Say what happened: the customer, what they needed and when\.\] \[Say what you did, step by step\.\] \[Say how it turned out\.\] This demonstrates my ability to collect feedback .* \(AC 3\)\.\n$/,
      );
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document, doc);
      await h.waitFor(
        (l) => vscode.window.onDidChangeTextEditorSelection(l),
        () => doc.getText(editor.selection) === '[Say what happened: the customer, what they needed and when.]',
        'the first tab stop selected',
      );
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      assert.equal(doc.getText(editor.selection), '[Say what you did, step by step.]');
      await vscode.commands.executeCommand('leaveSnippet');
    });

    it('“Show criterion text” (context menu) opens the criterion’s page: its text and what it asks', async function () {
      const { coverage } = await freshSample('text');
      const { view } = await h.api();
      const criteria = view.getChildren()[1];
      const ac4 = view.getChildren(criteria).find((n) => n.criterion.id === '4');
      const k = coverage.criteria.find((x) => x.id === '4');
      assert.ok(k.text && k.ability);
      // The criterion's page (src/extension/criterion-sheet.ts), opened in an editor.
      const shown = h.waitFor(
        (l) => vscode.window.onDidChangeActiveTextEditor(l),
        () => vscode.window.activeTextEditor?.document.uri.scheme === 'reflect-lint-criterion',
        'the criterion’s page',
      );
      await vscode.commands.executeCommand('reflectLint.criterionText', ac4);
      await shown;
      const page = vscode.window.activeTextEditor.document.getText();
      assert.match(page, /^# AC 4: /);
      assert.ok(page.includes(k.text), page);
      assert.ok(page.includes(k.ability), page);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      const menu = h.extension().packageJSON.contributes.menus['view/item/context'];
      const entry = (id) => menu.find((m) => m.command === id);
      assert.match(entry('reflectLint.criterionText').when, /view == reflectLint\.criteria/);
      assert.match(entry('reflectLint.addCriterionParagraph').when, /viewItem == criterion-missing/);
      assert.equal(view.getTreeItem(ac4).contextValue, 'criterion-missing');
    });

    it('the learner’s portfolio: each criterion across all the learner’s accounts, and where', async function () {
      const sample = await h.readText('accounts/sample.md');
      const two = sample.replace('two working days', 'two working days (AC 2)');
      assert.notEqual(two, sample);
      await h.writeText('portfolio/sam-13/one.md', sample);
      await h.writeText('portfolio/sam-13/two.md', two);
      try {
        const { uri } = await h.open('portfolio/sam-13/one.md');
        const c = await h.waitForCoverage((x) => x.uri === uri.toString() && x.analysed, 'one.md’s coverage');
        assert.equal(c.criteria.find((x) => x.id === '2').status, 'suggested');
        const { view } = await h.api();
        const learner = view.getChildren().find((n) => n.kind === 'learner');
        const item = view.getTreeItem(learner);
        assert.equal(item.label, 'Learner: sam-13');
        assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
        const rows = await view.getChildren(learner);
        const shown = items(view, rows);
        assert.equal(shown[0].label, '2 of 5 criteria evidenced across 2 accounts');
        const ac2 = shown.find((i) => i.label === 'AC 2');
        const line = sample.split('\n').findIndex((l) => l.includes('two working days')) + 1;
        assert.equal(ac2.description, `evidenced · portfolio/sam-13/two.md line ${line}`);
        assert.match(ac2.accessibilityInformation.label, /^AC 2, evidenced across the learner's accounts, in /);
        const ac1 = rows.find((n) => n.kind === 'learner-criterion' && n.id === '1');
        const places = items(view, view.getChildren(ac1));
        assert.deepEqual(places.map((p) => p.label.replace(/, line \d+$/, '')).sort(), [
          'portfolio/sam-13/one.md',
          'portfolio/sam-13/two.md',
        ]);
        const inTwo = places.find((p) => p.label.startsWith('portfolio/sam-13/two.md'));
        assert.equal(inTwo.command.command, 'vscode.open');
        assert.equal(inTwo.command.arguments[0].toString(), h.uriOf('portfolio/sam-13/two.md').toString());
        assert.match(view.getTreeItem(rows.find((n) => n.id === '3')).description, /^missing/);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(h.uriOf('portfolio/sam-13'), { recursive: true });
      }
    });
  });

  describe('for a screen reader', function () {
    it('the status bar and every item of the view say their status in words', async function () {
      const { coverage } = await freshSample('a11y');
      const { view } = await h.api();
      assert.equal(
        view.status.accessibilityInformation?.label,
        `Reflective account, ${coverage.rubric.title}: ${coverage.summary.label} Opens the Criteria view.`,
      );
      assert.match(
        coverage.summary.label,
        /^1 of 5 criteria evidenced, 4 of 6 service-cycle stages shown, \d+ findings? to fix\.$/,
      );
      const top = view.getChildren();
      const words = {
        evidenced: 'evidenced',
        claimed: 'cited, not yet shown',
        suggested: 'suggested',
        missing: 'missing',
      };
      for (const n of top.filter((x) => x.kind !== 'learner')) {
        const group = view.getTreeItem(n);
        assert.ok(group.accessibilityInformation?.label, `${group.label}: no screen-reader label`);
        for (const child of view.getChildren(n)) {
          const item = view.getTreeItem(child);
          const label = item.accessibilityInformation?.label ?? '';
          assert.ok(label.startsWith(item.label), `${label} should start with ${item.label}`);
          if (child.kind === 'criterion') assert.ok(label.includes(words[child.criterion.status]), label);
          if (child.kind === 'stage') assert.match(label, child.stage.present ? /shown on line \d/ : /, missing$/);
          if (child.kind === 'step') assert.ok(label.includes(child.step.advice), label);
        }
      }
    });
  });
});
