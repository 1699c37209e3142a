/**
 * The rule pages are tests too: every "Bad" example in docs/rules must produce its rule's finding,
 * and every "Good" example must not. A page marks the unit with "unit `id`" after the label.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/core/index.js';

const dir = join(import.meta.dirname, '..', 'docs', 'rules');

interface Example {
  page: string;
  rule: string;
  label: 'Bad' | 'Good';
  unit: string;
  body: string;
  line: number;
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const page of readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()) {
    const lines = readFileSync(join(dir, page), 'utf8').split('\n');
    const pageRule = page === 'rubric-checks.md' ? undefined : page.replace(/\.md$/, '');
    let section: string | undefined;
    let label: 'Bad' | 'Good' | undefined;
    let unit: string | undefined;
    for (let i = 0; i < lines.length; i++) {
      let m: RegExpExecArray | null;
      if ((m = /^## ([a-z0-9-]+)\s*$/.exec(lines[i]))) section = m[1];
      if ((m = /^(?:### |\*\*)(Bad|Good)\b(.*)$/.exec(lines[i]))) {
        label = m[1] as 'Bad' | 'Good';
        unit = /unit `([a-z0-9-]+)`/.exec(m[2])?.[1];
      }
      if (lines[i].startsWith('```markdown') && label) {
        const start = i + 1;
        const body: string[] = [];
        for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
        out.push({
          page,
          rule: pageRule ?? section ?? '?',
          label,
          unit: unit ?? 'customer-relations',
          body: body.join('\n') + '\n',
          line: start,
        });
        label = undefined;
      }
    }
  }
  return out;
}

describe('rule pages: Bad examples are flagged, Good examples are not', () => {
  const all = examples();
  it('has examples on every page', () => {
    const pages = new Set(all.map((e) => e.page));
    for (const page of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md'))
      assert.ok(pages.has(page), `${page} has no checked example`);
  });
  for (const e of all) {
    it(`${e.page}:${e.line} ${e.rule} ${e.label}`, () => {
      const found = analyze(e.body, { rubric: e.unit }).findings.filter((f) => f.rule === e.rule);
      if (e.label === 'Bad') assert.ok(found.length > 0, `expected a ${e.rule} finding`);
      else
        assert.equal(found.length, 0, `expected no ${e.rule} finding, got: ${found.map((f) => f.message).join(' | ')}`);
    });
  }
});
