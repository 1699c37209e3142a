// Hover on key terms and completion of criterion references.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

describe('hover and completion', function () {
  it('hover on “CRM” shows its definition', async function () {
    const { uri, doc } = await h.open('accounts/sample.md');
    await h.waitForDiagnostics(uri, (d) => d.length > 0, 'the account diagnostics');
    const hovers = await vscode.commands.executeCommand(
      'vscode.executeHoverProvider',
      uri,
      h.positionOf(doc, 'CRM', 1),
    );
    const text = h.markdownOf(hovers);
    assert.match(text, /\*\*CRM\*\*/);
    assert.match(
      text,
      /Customer relationship management: how an organisation records and uses what it knows about its customers/,
    );
    // CRM is defined by another unit's glossary (crm-principles), and says so.
    assert.match(text, /From the glossary of \*/);
    const range = hovers.find((x) => x.range)?.range;
    assert.ok(range && doc.getText(range) === 'CRM', 'the hover should cover the word');
  });

  it('hover on “SLA” shows the unit’s definition and the criterion it bears on', async function () {
    const { uri, doc } = await h.open('accounts/sample.md');
    const hovers = await vscode.commands.executeCommand(
      'vscode.executeHoverProvider',
      uri,
      h.positionOf(doc, 'SLA', 2),
    );
    const text = h.markdownOf(hovers);
    assert.match(text, /\*\*SLA\*\* \(service level agreement\)/);
    assert.match(text, /Service level agreement: a written agreement/);
    assert.match(text, /Bears on AC 2 of \*/);
  });

  it('hover on a word that is no key term shows nothing of ours', async function () {
    const { uri, doc } = await h.open('accounts/sample.md');
    const hovers = await vscode.commands.executeCommand(
      'vscode.executeHoverProvider',
      uri,
      h.positionOf(doc, 'courier', 2),
    );
    assert.doesNotMatch(h.markdownOf(hovers), /\*\*/);
  });

  it('completion after “(AC ” lists the unit’s criteria', async function () {
    const rel = await h.copyFixture('accounts/sample.md', 'complete');
    const { uri, doc } = await h.open(rel);
    await h.waitForDiagnostics(uri, (d) => d.length > 0, 'the account diagnostics');
    const end = h.positionOf(doc, 'before noon', 'before noon'.length);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, end, ' (AC ');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const at = end.translate(0, ' (AC '.length);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, at, ' ');
    const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference);
    const labels = ours.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).sort();
    assert.deepEqual(
      labels,
      ['1', '2', '3', '4', '5'],
      `items: ${list.items.map((i) => JSON.stringify(i.label)).join(', ')}`,
    );
    const second = ours.find((i) => (i.label.label ?? i.label) === '2');
    assert.equal(
      second.detail,
      'agree measurable quality standards and timescales with a customer and monitor my service against them',
    );
    assert.match(second.documentation.value, /\*\*AC 2\*\*/);
  });
});
