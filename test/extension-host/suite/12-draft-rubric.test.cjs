// “Draft Rubric from Unit Document”: a rubric drafted from the open unit document is written beside
// it as NAME.rubric.json, opened beside it and checked by the rubric schema; an existing file is kept.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

const visible = (uri) => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());

describe('draft a rubric from a unit document', function () {
  it('writes NAME.rubric.json beside a plain-text unit document, with its criteria, and opens it beside', async function () {
    const rel = await h.copyFixture('units/bookings.txt', 'draft');
    const { doc } = await h.open(rel);
    assert.equal(doc.languageId, 'plaintext');
    const result = await vscode.commands.executeCommand('reflectLint.draftRubric');
    const target = h.uriOf(rel.replace(/\.txt$/, '.rubric.json'));
    assert.equal(result.uri, target.toString(), JSON.stringify(result));
    const rubric = JSON.parse(await h.readText(vscode.workspace.asRelativePath(target, false)));
    assert.deepEqual(
      rubric.criteria.map((c) => c.id),
      ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3'],
    );
    assert.equal(rubric.level, 2);
    assert.equal(rubric.$schema, undefined, 'the editor validates rubric files by name; no schema path beside it');
    assert.ok(result.check.length > 0, 'the report says what the author must still check');
    const editor = visible(target);
    assert.ok(editor, 'the draft is open');
    assert.notEqual(editor.viewColumn, visible(doc.uri)?.viewColumn, 'beside the unit document, not in its place');
  });

  it('keeps an existing NAME.rubric.json (the first choice) and writes NAME-2.rubric.json instead', async function () {
    const rel = await h.copyFixture('units/bookings.txt', 'again');
    const mine = rel.replace(/\.txt$/, '.rubric.json');
    await h.writeText(mine, '{ "my": "edits" }\n');
    await h.open(rel);
    const result = await h.runAcceptingQuickPick('reflectLint.draftRubric');
    assert.equal(await h.readText(mine), '{ "my": "edits" }\n', 'the existing file is untouched');
    const other = rel.replace(/\.txt$/, '-2.rubric.json');
    assert.equal(result.uri, h.uriOf(other).toString(), JSON.stringify(result));
    assert.equal(JSON.parse(await h.readText(other)).criteria.length, 9);
  });

  it('writes nothing for a document with no criteria, and says why', async function () {
    const rel = await h.copyFixture('notes/meeting.md', 'unit');
    await h.open(rel);
    const result = await vscode.commands.executeCommand('reflectLint.draftRubric');
    assert.equal(result.uri, undefined);
    assert.match(result.problem, /criteri/);
    await assert.rejects(() => h.readText(rel.replace(/\.md$/, '.rubric.json')));
  });

  it('checks a *.rubric.json file against the rubric schema', async function () {
    await h.writeText('units/broken.rubric.json', '{ "id": "Not An Id", "criteria": [] }\n');
    const { uri } = await h.open('units/broken.rubric.json');
    const list = await h.waitFor(
      (l) => vscode.languages.onDidChangeDiagnostics(l),
      () => {
        const d = vscode.languages.getDiagnostics(uri);
        return d.length ? d : undefined;
      },
      'the JSON schema diagnostics on a broken rubric file',
    );
    assert.ok(
      list.some((d) => /pattern|title|minItems|Array has too few items|Missing property/i.test(d.message)),
      list.map((d) => d.message).join('\n'),
    );
  });
});
