/**
 * The TextMate injection grammar, run by vscode-textmate (the engine VS Code uses) over a small
 * stand-in for VS Code's Markdown grammar: references and "This demonstrates…" are scoped, code is not.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');

// Enough of Markdown for the injection's exclusions: fenced code and inline code.
const markdownStub = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '^```.*$', end: '^```\\s*$', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
  ],
};

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      if (scope === 'text.html.markdown')
        return textmate.parseRawGrammar(JSON.stringify(markdownStub), 'markdown.json');
      if (scope === 'reflect-lint.injection')
        return textmate.parseRawGrammar(
          readFileSync(join(root, 'syntaxes', 'reflect-lint.injection.json'), 'utf8'),
          'injection.json',
        );
      return null;
    },
    getInjections: (scope) => (scope === 'text.html.markdown' ? ['reflect-lint.injection'] : undefined),
  });
  grammar = (await registry.loadGrammar('text.html.markdown'))!;
});

/** The scopes of each piece of text on the lines given. */
function tokens(lines: string[]): Array<{ text: string; scopes: string[] }> {
  let state = textmate.INITIAL;
  const out: Array<{ text: string; scopes: string[] }> = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  }
  return out;
}

const scoped = (ts: ReturnType<typeof tokens>, scope: string) =>
  ts
    .filter((t) => t.scopes.some((s) => s.startsWith(scope)))
    .map((t) => t.text)
    .join('|');

describe('TextMate grammar', () => {
  it('scopes the criterion ids of references in their common forms', () => {
    const ts = tokens(['I agreed a time (AC 2), logged it (AC1.2) and met criterion 3 and AC 4 and 5.']);
    assert.equal(scoped(ts, 'constant.numeric.criterion-id'), '2|1.2|3|4 and 5');
    assert.equal(scoped(ts, 'keyword.other.criterion-label'), 'AC|AC|criterion|AC');
  });
  it('scopes a "This demonstrates my ability to…" sentence up to its full stop', () => {
    const ts = tokens([
      'I rang her back. This demonstrates my ability to keep customers informed (AC 2). Then I left.',
    ]);
    assert.equal(scoped(ts, 'keyword.other.demonstrates'), 'This demonstrates my ability to');
    const inside = scoped(ts, 'meta.demonstrates');
    assert.match(inside, /keep customers informed/);
    assert.doesNotMatch(inside, /Then I left/);
    assert.doesNotMatch(inside, /I rang her back/);
  });
  it('leaves code and words that merely contain AC alone', () => {
    const ts = tokens(['The `AC 9` field and TRAC 5 and BACS 2 are not references.', '```', 'AC 3', '```']);
    assert.equal(scoped(ts, 'constant.numeric.criterion-id'), '');
  });
});
