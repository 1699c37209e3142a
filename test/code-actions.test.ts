/**
 * The quick-fix menu as the server builds it, on the weak fixture account the extension-host and
 * browser tests use too: a paragraph with ten findings on its one line. VS Code asks with the
 * diagnostics under (or, from other clients, near) the cursor; what comes back must stay short.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, Position, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, DISABLE_RULE_COMMAND, type CodeActionOptions } from '../src/server/code-actions.js';
import { diagnosticsOf } from '../src/server/diagnostics.js';
import type { Analysis } from '../src/server/documents.js';
import { serverAnalysis } from './server-analysis.js';

const WEAK = readFileSync(join(import.meta.dirname, 'extension-host', 'workspace', 'accounts', 'weak.md'), 'utf8');
const URI = 'file:///accounts/weak.md';

const analysis = (text: string): Analysis => serverAnalysis(text, URI);

const a = analysis(WEAK);
const diagnostics = diagnosticsOf({ kind: 'analysed', uri: URI, version: 1, analysis: a }).diagnostics;
const doc = TextDocument.create(URI, 'markdown', 1, WEAK);
const at = (needle: string, delta = 2): Position => doc.positionAt(WEAK.indexOf(needle) + delta);

/** The actions at a cursor, asked as a client that sends every diagnostic on the cursor's line does. */
function menu(position: Position, options: CodeActionOptions = { disableChoice: true }): CodeAction[] {
  const onLine = diagnostics.filter(
    (d: Diagnostic) => d.range.start.line <= position.line && position.line <= d.range.end.line,
  );
  return codeActions(
    a,
    { textDocument: { uri: URI }, range: { start: position, end: position }, context: { diagnostics: onLine } },
    options,
  );
}
const apply = (edits: TextEdit[]) => TextDocument.applyEdits(doc, edits);

describe('the quick-fix menu', () => {
  it('the fixture paragraph holds many findings on one line (what made the menu long)', () => {
    // (The account-wide findings once pinned here too now sit on the title line.)
    const line = at('swimming lessons').line;
    assert.ok(diagnostics.filter((d) => d.range.start.line === line).length >= 6);
  });

  it('offers the fixes of the diagnostics under the cursor only, the preferred first, and one “Disable…” per rule', () => {
    const actions = menu(at('as soon as possible'));
    const titles = actions.map((x) => x.title);
    assert.equal(titles[0], 'Replace “as soon as possible” with a measurable standard to fill in');
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions.filter((x) => x.isPreferred).length, 1);
    const disables = titles.filter((t) => t.startsWith('Disable '));
    assert.deepEqual(disables.sort(), ['Disable hypothetical-language…', 'Disable vague-standard…']);
    assert.ok(
      !titles.some((t) => /Mrs P|address|phone number/.test(t)),
      `fixes of other findings on the line: ${titles.join(' | ')}`,
    );
    assert.ok(actions.length <= 6, titles.join(' | '));
  });

  it('never offers a criterion the paragraph already cites', () => {
    for (const needle of ['swimming lessons', 'as soon as possible', 'complaints procedure']) {
      const titles = menu(at(needle)).map((x) => x.title);
      assert.ok(!titles.some((t) => /\bAC 4\b/.test(t)), `${needle}: ${titles.join(' | ')}`);
    }
  });

  it('“Disable RULE…” carries both comments for the client to choose between', () => {
    const disable = menu(at('as soon as possible')).find((x) => x.title === 'Disable vague-standard…')!;
    assert.equal(disable.command?.command, DISABLE_RULE_COMMAND);
    const [uri, rule, edits] = disable.command!.arguments as [string, string, { line: TextEdit; file: TextEdit }];
    assert.equal(uri, URI);
    assert.equal(rule, 'vague-standard');
    assert.match(apply([edits.line]), /\n<!-- reflect-lint-disable-next-line vague-standard -->\nI work on reception/);
    assert.match(
      apply([edits.file]),
      /^---\nunit: customer-relations\n---\n<!-- reflect-lint-disable-file vague-standard -->\n/,
    );
  });

  it('offers the file’s comment directly for a finding in the front matter, where a line comment would break the YAML', () => {
    // Without headings, the account-wide findings sit on the front matter's unit line.
    const untitled = WEAK.replace(/^#.*\n\n?/gm, '');
    const b = analysis(untitled);
    const onUnit = diagnosticsOf({ kind: 'analysed', uri: URI, version: 1, analysis: b }).diagnostics.find(
      (d) => d.range.start.line === 1,
    )!;
    const actions = codeActions(
      b,
      { textDocument: { uri: URI }, range: onUnit.range, context: { diagnostics: [onUnit] } },
      { disableChoice: true },
    );
    // One "What to add next" entry holds the findings of both rules: a file-wide disable for each.
    const rules = [...new Set(b.result.findings.filter((f) => f.range.start.line === 1).map((f) => f.rule))];
    assert.deepEqual(rules.sort(), ['criterion-not-evidenced', 'cycle-stage-missing']);
    const disable = actions.filter((x) => x.title.startsWith('Disable '));
    assert.deepEqual(
      disable.map((x) => x.title).sort(),
      rules.map((r) => `Disable ${r} for this file`),
    );
    for (const rule of rules)
      assert.match(
        TextDocument.applyEdits(
          TextDocument.create(URI, 'markdown', 1, untitled),
          disable.find((x) => x.title.includes(rule))!.edit!.changes![URI],
        ),
        new RegExp(`^---\nunit: customer-relations\n---\n<!-- reflect-lint-disable-file ${rule} -->\n`),
      );
  });

  it('keeps “for this line” and “for this file” as two entries for clients without the choice', () => {
    const titles = menu(at('as soon as possible'), {}).map((x) => x.title);
    assert.ok(
      titles.includes('Disable vague-standard for this line') &&
        titles.includes('Disable vague-standard for this file'),
      titles.join(' | '),
    );
    assert.equal(titles.filter((t) => t.startsWith('Disable vague-standard')).length, 2);
  });

  it('gives a template’s snippet with tab stops in data for the VS Code extension, and as snippet text edits for an LSP 3.18 client', () => {
    const plain = menu(at('as soon as possible'), {})[0];
    assert.equal(plain.data, undefined);
    const data = menu(at('as soon as possible'), { snippets: 'data' })[0];
    assert.deepEqual(data.edit, plain.edit, 'the plain edit stays for anything that cannot take a snippet');
    const [snippet] = (data.data as { snippets: Array<{ snippet: string }> }).snippets;
    assert.equal(snippet.snippet, 'within ${1:[number]} ${2:[hours / working days]}$0');
    const lsp = menu(at('as soon as possible'), { snippets: 'lsp' })[0];
    const change = lsp.edit!.documentChanges![0] as {
      textDocument: { uri: string };
      edits: Array<{ snippet?: { kind: string; value: string } }>;
    };
    assert.equal(change.textDocument.uri, URI);
    assert.deepEqual(change.edits[0].snippet, { kind: 'snippet', value: snippet.snippet });
  });
});
