// The hover's "Why?" and its explanation document (issue 9 part 4), findings stacked in one hover
// entry (issue 11), and Select Unit's order, fit or not. Everything waits on VS Code events.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

/** The command links of hovers' Markdown, with their arguments decoded. */
function commandLinks(hovers) {
  return [...h.markdownOf(hovers).matchAll(/\[([^\]]+)\]\(command:([\w.]+)\?([^ )]+)/g)].map((m) => ({
    label: m[1],
    command: m[2],
    args: JSON.parse(decodeURIComponent(m[3])),
  }));
}

const TITLE = '# My reflective account';

describe('findings stacked in one hover entry', function () {
  it('the title line: one “What to add next” entry holds every account-wide finding', async function () {
    const { doc, list } = await h.freshWeak('stack');
    const line = h.positionOf(doc, TITLE).line;
    const onTitle = list.filter((d) => d.range.start.line === line);
    assert.equal(onTitle.length, 1, h.describeDiagnostics(onTitle));
    const lines = onTitle[0].message.split('\n');
    assert.equal(lines[0], 'What to add next:');
    // Five stages and three criteria not shown yet, each message whole.
    assert.equal(lines.filter((l) => /^• This account does not yet show /.test(l)).length, 5, onTitle[0].message);
    assert.equal(lines.filter((l) => /^• No paragraph evidences AC \d/.test(l)).length, 3, onTitle[0].message);
    assert.ok(onTitle[0].relatedInformation.some((r) => /^AC 1: /.test(r.message)));
    // Each rule keeps its own "Disable…".
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, onTitle[0].range);
    const disables = actions.map((a) => a.title).filter((t) => t.startsWith('Disable '));
    assert.deepEqual(disables.sort(), ['Disable criterion-not-evidenced…', 'Disable cycle-stage-missing…']);
  });
});

describe('“Why?” in the hover', function () {
  it('a finding’s hover links “Why?” to its part; the link opens the explanation beside the account, at that part, read-only', async function () {
    const { uri, doc, editor } = await h.freshWeak('why');
    const at = h.positionOf(doc, 'complaints procedure', 3);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, at);
    const links = commandLinks(hovers);
    assert.deepEqual(
      links.map((l) => [l.label, l.command, l.args[1]]),
      [['Why?', 'reflectLint.explain', { kind: 'check', id: 'complaint-procedure' }]],
      h.markdownOf(hovers),
    );
    assert.equal(links[0].args[0], uri.toString());
    // The link runs only because its Markdown trusts this one command (src/extension/client.ts).
    const trusted = hovers.flatMap((x) => x.contents).map((c) => c.isTrusted);
    assert.ok(
      trusted.some((t) => t && typeof t === 'object' && t.enabledCommands.join() === 'reflectLint.explain'),
      JSON.stringify(trusted),
    );
    const opened = h.waitFor(
      (l) => vscode.window.onDidChangeActiveTextEditor(l),
      () =>
        vscode.window.activeTextEditor?.document.uri.scheme === 'reflect-lint-explain' &&
        vscode.window.activeTextEditor,
      'the explanation to open',
    );
    const shown = await vscode.commands.executeCommand(links[0].command, ...links[0].args);
    const why = await opened;
    assert.equal(why.document.uri.toString(), shown.uri);
    assert.notEqual(why.viewColumn, editor.viewColumn, 'beside the account');
    assert.match(why.document.lineAt(0).text, /^Why .*weak\.why-\d+\.md reads as it does against customer-relations$/);
    // At the check's part: its line is where the cursor is, and it is at the top of the view.
    assert.equal(why.selection.active.line, shown.line);
    assert.match(why.document.lineAt(shown.line).text, /^ {2}complaint-procedure \(conditional, account\): 1 finding/);
    // The same text as `reflect-lint --explain`: each place as file:line:col of the account.
    assert.match(why.document.getText(), /weak\.why-\d+\.md:7:\d+ {2}finding: You handled a complaint/);
    // Read-only: typing into it (it has the focus) changes nothing.
    assert.equal(vscode.window.activeTextEditor, why);
    const before = why.document.getText();
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.equal(why.document.getText(), before);
  });

  it('the title’s hover links each missing stage and criterion; a later “Why?” refreshes the document for the account as it is now', async function () {
    const { uri, doc } = await h.freshWeak('why-title');
    const hovers = await vscode.commands.executeCommand(
      'vscode.executeHoverProvider',
      uri,
      h.positionOf(doc, TITLE, 4),
    );
    const links = commandLinks(hovers);
    // Five stages and three criteria (test/hover-explain.test.ts names them).
    assert.equal(links.length, 8, links.map((l) => l.label).join(', '));
    assert.ok(links.every((l) => l.command === 'reflectLint.explain' && l.args[0] === uri.toString()));
    const monitor = links.find((l) => l.label === 'Monitor');
    const first = await vscode.commands.executeCommand(monitor.command, ...monitor.args);
    const why = vscode.workspace.textDocuments.find((d) => d.uri.toString() === first.uri);
    assert.equal(why.lineAt(first.line).text, '  Monitor: not shown');
    // The learner adds a monitoring sentence; the next "Why?" explains the new text.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      uri,
      h.positionOf(doc, 'the same afternoon.', 'the same afternoon.'.length),
      ' The next morning I checked the booking system to make sure both children were on the class list.',
    );
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const refreshed = h.waitFor(
      (l) => vscode.workspace.onDidChangeTextDocument((e) => e.document === why && l()),
      () => why.getText().includes('Monitor: shown'),
      'the explanation to follow the account',
    );
    const again = await vscode.commands.executeCommand(monitor.command, ...monitor.args);
    await refreshed;
    assert.equal(why.lineAt(again.line).text, '  Monitor: shown');
  });
});

/** Not a customer service account: no bundled unit fits it (test/fixtures/rubric-lint/accounts/sourdough.md). */
const SOURDOUGH = `# What I learnt making sourdough

On Saturday I fed my starter with rye flour and water, waited until it doubled, then mixed the dough with strong
white flour, salt and water. I stretched and folded it four times over two hours, shaped a boule and proved it
overnight in the fridge. The loaf baked in a cast-iron pot at 240 degrees for twenty minutes with the lid on.
`;

describe('Select Unit’s order', function () {
  it('an account its unit fits: best match first, as rubrics suggest ranks them, and the pick takes it', async function () {
    const rel = await h.copyFixture('accounts/weak.md', 'select-order');
    const { uri, doc } = await h.open(rel);
    await h.waitForDiagnostics(uri, (d) => d.length > 0, 'the account diagnostics');
    const { client } = await h.api();
    const units = await client.sendRequest('reflectLint/rankUnits', { uri: uri.toString() });
    assert.equal(units[0].match, 'best match', units.map((u) => `${u.id} ${u.score}`).join(', '));
    assert.ok(units.slice(1).every((u) => u.match !== 'best match'));
    assert.ok(units.every((u) => u.fits));
    assert.deepEqual(
      units.map((u) => u.score),
      [...units.map((u) => u.score)].sort((a, b) => b - a),
    );
    // Enter takes the first: the unit line is rewritten to it.
    const first = `---\nunit: ${units[0].id}\n---\n`;
    const changed = h.waitForText(doc, (t) => t.startsWith(first), `unit: ${units[0].id} written`);
    await h.runAcceptingQuickPick('reflectLint.selectUnit');
    await changed;
  });

  it('an account no unit fits: says so, closest first by its own fit, none called the best match', async function () {
    const rel = 'notes/sourdough.select.md';
    const uri = await h.writeText(rel, SOURDOUGH);
    const { doc } = await h.open(rel);
    const { client } = await h.api();
    const units = await client.sendRequest('reflectLint/rankUnits', { uri: uri.toString() });
    assert.ok(units.length >= 5, units.map((u) => u.id).join(', '));
    assert.match(units[0].match, /no unit fits this account/);
    assert.ok(units.every((u) => !u.fits && u.match !== 'best match'));
    assert.deepEqual(
      units.map((u) => u.score),
      [...units.map((u) => u.score)].sort((a, b) => b - a),
    );
    const changed = h.waitForText(doc, (t) => t.startsWith('---\n'), 'the front matter to be written');
    await h.runAcceptingQuickPick('reflectLint.selectUnit');
    assert.ok((await changed).startsWith(`---\nunit: ${units[0].id}\n---\n`));
  });
});
