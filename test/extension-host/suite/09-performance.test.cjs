// Measured, not asserted: how long an edit takes to show as updated
// diagnostics on a 6,000-word account (the server's typing delay, reflectiveAccounts.debounceMs = 250 ms, included).
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('../helpers.cjs');

const CORPUS = path.resolve(__dirname, '..', '..', 'corpus', 'accounts');
const WORDS = 6000;
const EDITS = 7;

/** An account of at least `words` words: the corpus accounts' paragraphs, repeated, under unit customer-relations. */
function largeAccount(words) {
  const paragraphs = fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) =>
      fs
        .readFileSync(path.join(CORPUS, f), 'utf8')
        .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
        .split(/\r?\n\s*\r?\n/),
    )
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith('#') && !p.startsWith('<!--'));
  assert.ok(paragraphs.length > 10, `too few corpus paragraphs in ${CORPUS}`);
  const out = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = paragraphs[i % paragraphs.length];
    if (i % 12 === 0) out.push(`## Part ${i / 12 + 1}`);
    out.push(p);
    count += p.split(/\s+/).filter(Boolean).length;
  }
  return { text: `---\nunit: customer-relations\n---\n\n# A long account\n\n${out.join('\n\n')}\n`, words: count };
}

describe('performance (measured, not asserted)', function () {
  this.timeout(120_000);

  it(`edit → updated diagnostics on a ${WORDS.toLocaleString('en-GB')}-word account`, async function () {
    const { text, words } = largeAccount(WORDS);
    await h.writeText('accounts/large.md', text);
    const warm = h.extension().isActive;
    const t0 = performance.now();
    const { uri, doc } = await h.open('accounts/large.md');
    const first = await h.waitForDiagnostics(uri, (d) => d.length > 0, 'the first diagnostics', 60_000);
    h.record(
      `open ${words}-word account → first diagnostics (${warm ? 'server already running' : 'cold: includes activation'})`,
      performance.now() - t0,
      'ms',
      `${first.length} diagnostics, ${Math.round(text.length / 1024)} KB`,
    );

    const times = [];
    for (let i = 1; i <= EDITS; i++) {
      // Each edit adds a paragraph with a finding of its own at a new line, so
      // the awaited diagnostics can only be those of the edited version.
      const added = `On visit ${i} we promised the customer good service.`;
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, end, `\n${added}\n`);
      const start = performance.now();
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      const line = h.positionOf(doc, added).line;
      await h.waitForDiagnostics(
        uri,
        (d) => d.some((x) => h.codeOf(x) === 'vague-standard' && x.range.start.line === line),
        `the finding of edit ${i}`,
        30_000,
      );
      times.push(performance.now() - start);
    }
    h.record(
      `edit → updated diagnostics, ${words}-word account (median of ${EDITS}, incl. the server's 250 ms reflectiveAccounts.debounceMs)`,
      h.median(times),
      'ms',
      `each: ${times.map((t) => Math.round(t)).join(', ')} ms`,
    );
  });

  it('language server restart → diagnostics again (where a cold start goes)', async function () {
    const { client } = await h.api();
    const { uri } = await h.open('accounts/sample.md');
    await h.waitForDiagnostics(uri, (d) => d.length > 0, 'the account diagnostics');
    const t0 = performance.now();
    // stop() disposes the client's diagnostics, so the next ones come from the new server.
    await client.restart();
    const started = performance.now();
    await h.waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics from the restarted server', 30_000);
    const done = performance.now();
    h.record('language client restart (stop, spawn server, initialize)', started - t0);
    h.record('restarted server → first diagnostics (settings, rubrics, first analysis)', done - started);
  });
});
