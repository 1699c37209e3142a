// The learner's editor (issue 11): a short quick-fix menu on a paragraph with many findings
// (accounts/weak.md), templates inserted as snippets with tab stops, and the other helps a
// learner acts on. Everything waits on VS Code events.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

const freshWeak = h.freshWeak;

async function actionsAt(uri, range) {
  return (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range)) ?? [];
}

const titles = (actions) => actions.map((a) => a.title);

describe('the learner’s editor', function () {
  describe('quick-fix menu', function () {
    it('on a finding: its fix first (preferred), one “Disable…” per rule under the cursor, nothing already cited', async function () {
      const { uri, doc, list } = await freshWeak('menu');
      const line = h.positionOf(doc, 'as soon as possible').line;
      assert.ok(
        list.filter((d) => d.range.start.line === line).length >= 6,
        `the fixture paragraph should hold many findings:\n    ${h.describeDiagnostics(list)}`,
      );
      const at = h.positionOf(doc, 'as soon as possible', 3);
      const actions = await actionsAt(uri, new vscode.Range(at, at));
      const all = titles(actions);
      h.record(
        'quick-fix menu entries on a finding of the fixture paragraph (weak.md, “as soon as possible”)',
        actions.length,
        'entries',
        all.join(' | '),
      );
      assert.equal(all[0], 'Replace “as soon as possible” with a measurable standard to fill in');
      assert.equal(actions[0].isPreferred, true);
      const disables = all.filter((t) => t.startsWith('Disable '));
      assert.deepEqual([...disables].sort(), ['Disable hypothetical-language…', 'Disable vague-standard…']);
      assert.ok(!all.some((t) => /\bAC 4\b/.test(t)), `AC 4 is cited in the paragraph: ${all.join(' | ')}`);
      assert.ok(
        !all.some((t) => /Mrs P|address|phone number/.test(t)),
        `fixes of findings not under the cursor: ${all.join(' | ')}`,
      );
      assert.ok(actions.length <= 6, all.join(' | '));
    });

    it('VS Code does not gather the quick fixes of the whole line (a Markdown paragraph) when the cursor is on none', function () {
      const editor = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
      assert.equal(editor.get('codeActionWidget.includeNearbyQuickFixes'), false);
    });
  });

  describe('snippets', function () {
    it('a SMART template goes in with its gaps as tab stops; what is typed replaces them', async function () {
      const { uri, doc, editor } = await freshWeak('snippet');
      const range = h.rangeOf(doc, 'as soon as possible');
      const fix = (await actionsAt(uri, range)).find((a) => a.isPreferred);
      assert.ok(fix?.edit, 'no preferred fix');
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      // The first tab stop is selected: "[number]".
      await h.waitFor(
        (l) => vscode.window.onDidChangeTextEditorSelection(l),
        () => doc.getText(editor.selection) === '[number]',
        'the first tab stop selected',
      );
      await vscode.commands.executeCommand('type', { text: '2' });
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      assert.equal(doc.getText(editor.selection), '[hours / working days]');
      await vscode.commands.executeCommand('type', { text: 'working days' });
      assert.match(doc.lineAt(range.start.line).text, /sort problems out within 2 working days and give good service/);
      // The phrase's finding goes, and no gap is left to be one.
      await h.waitForDiagnostics(
        uri,
        (d) =>
          d.length > 0 &&
          !d.some(
            (x) =>
              (h.codeOf(x) === 'vague-standard' && /as soon as possible/.test(x.message)) ||
              h.codeOf(x) === 'unfilled-placeholder',
          ),
        'the vague-standard finding to go, with no unfilled-placeholder',
      );
    });

    it('a gap left unfilled stays a finding', async function () {
      const { uri, doc } = await freshWeak('snippet-left');
      const range = h.rangeOf(doc, 'as soon as possible');
      const fix = (await actionsAt(uri, range)).find((a) => a.isPreferred);
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      await vscode.commands.executeCommand('leaveSnippet');
      assert.match(doc.getText(), /within \[number\] \[hours \/ working days\]/);
      await h.waitForDiagnostics(
        uri,
        (d) => d.some((x) => h.codeOf(x) === 'unfilled-placeholder' && x.range.start.line === range.start.line),
        'the unfilled-placeholder finding',
      );
    });
  });

  describe('personal data', function () {
    it('the address fix replaces house, street, town and postcode in one edit', async function () {
      const { uri, doc } = await freshWeak('address');
      const range = h.rangeOf(doc, 'Flat 3');
      const fix = (await actionsAt(uri, range)).find((a) => a.isPreferred);
      assert.equal(fix?.title, 'Replace with “the customer’s address”');
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      assert.match(doc.lineAt(range.start.line).text, /She lives at the customer’s address and her number is/);
      const after = await h.waitForDiagnostics(
        uri,
        (d) => d.length > 0 && !d.some((x) => h.codeOf(x) === 'personal-data' && /postal address/.test(x.message)),
        'the address findings to go',
      );
      assert.ok(!doc.getText().includes('IG11'), h.describeDiagnostics(after));
    });
  });

  describe('ranked choices', function () {
    it('completion after “(AC ” ranks the criteria for the paragraph, and marks those it cites', async function () {
      const { uri, doc } = await freshWeak('complete');
      const end = h.positionOf(doc, 'the same afternoon', 'the same afternoon'.length);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, end, ' (AC ');
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      const list = await vscode.commands.executeCommand(
        'vscode.executeCompletionItemProvider',
        uri,
        end.translate(0, 5),
        ' ',
      );
      const ours = list.items
        .filter((i) => i.kind === vscode.CompletionItemKind.Reference)
        .sort((x, y) => x.sortText.localeCompare(y.sortText));
      assert.equal(ours.length, 5);
      const first = ours[0];
      assert.match(first.label.description, /^best match for this paragraph · /);
      assert.match(first.documentation.value, /\*\*AC \d\*\*/);
      const { client } = await h.api();
      const ranked = await client.sendRequest('reflectLint/rankCriteria', {
        uri: uri.toString(),
        line: end.line,
        character: end.character,
      });
      assert.equal(
        first.label.label,
        ranked.criteria[0].id,
        'the best match is the one Insert Criterion Reference offers first',
      );
      // In the first paragraph, which cites AC 4, AC 4 comes last and says so.
      const cited = h.positionOf(doc, 'I work on reception', 0);
      const edit2 = new vscode.WorkspaceEdit();
      edit2.insert(uri, cited, '(AC ');
      assert.equal(await vscode.workspace.applyEdit(edit2), true);
      const again = await vscode.commands.executeCommand(
        'vscode.executeCompletionItemProvider',
        uri,
        cited.translate(0, 4),
        ' ',
      );
      const byRank = again.items
        .filter((i) => i.kind === vscode.CompletionItemKind.Reference)
        .sort((x, y) => x.sortText.localeCompare(y.sortText));
      assert.equal(byRank[byRank.length - 1].label.label, '4');
      assert.match(byRank[byRank.length - 1].label.description, /already cited in this paragraph/);
    });

    it('Select Unit lists the units best match first, with the score in words', async function () {
      const { uri } = await freshWeak('units');
      const { client } = await h.api();
      const units = await client.sendRequest('reflectLint/rankUnits', { uri: uri.toString() });
      assert.equal(units[0].match, 'best match');
      assert.deepEqual(
        units.map((u) => u.score),
        [...units.map((u) => u.score)].sort((a, b) => b - a),
      );
      assert.ok(units.slice(1).every((u) => u.match !== 'best match'));
    });
  });
});
