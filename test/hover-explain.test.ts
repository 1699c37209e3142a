/**
 * The hover on findings (issue 11, issue 9 part 4): findings at one place shown as one diagnostic (one
 * hover entry), never losing one; the title line's account-wide findings as one "What to add next";
 * "Why?" links for clients that run them; and the explanation they open, the same as `--explain`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { bundledRubrics, explainAccount } from '../src/core/index.js';
import { formatExplanation } from '../src/format/explain.js';
import { diagnosticsOf, findingGroups, findingsOf, WHAT_TO_ADD_NEXT } from '../src/server/diagnostics.js';
import { explainAnswer, fileName, isExplainPart, partsOf } from '../src/server/explain.js';
import { EXPLAIN_COMMAND, hover } from '../src/server/hover.js';
import { analysisOf } from './analysis.js';

const WEAK = readFileSync(join(import.meta.dirname, 'extension-host', 'workspace', 'accounts', 'weak.md'), 'utf8');
const a = analysisOf(WEAK);
const diagnostics = (x = a) => diagnosticsOf({ kind: 'analysed', uri: x.uri, version: 1, analysis: x }).diagnostics;
const TITLE = 4;

/** The [label](command:…) links of a hover's Markdown, with their arguments decoded. */
function links(value: string): Array<{ label: string; command: string; args: unknown[] }> {
  return [...value.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\?([^ )]+)/g)].map((m) => ({
    label: m[1],
    command: m[2],
    args: JSON.parse(decodeURIComponent(m[3])) as unknown[],
  }));
}

describe('findings at one place, one diagnostic', () => {
  it('keeps every finding: each is in exactly one diagnostic, its message whole', () => {
    const groups = findingGroups(a);
    assert.deepEqual(
      groups.flat().sort((x, y) => x - y),
      a.result.findings.map((_, i) => i),
    );
    const list = diagnostics();
    for (const [i, f] of a.result.findings.entries()) {
      const shown = list.filter((d) => (d.data as { indices: number[] }).indices.includes(i));
      assert.equal(shown.length, 1, f.message);
      assert.ok(shown[0].message.includes(f.message), `${f.rule}: ${f.message}`);
    }
  });

  it('reads the title line’s account-wide findings as one “What to add next” list, the most severe severity, every criterion’s text', () => {
    const onTitle = a.result.findings.filter((f) => f.range.start.line === TITLE);
    assert.ok(onTitle.length >= 6, `${onTitle.length} findings on the title`);
    const rules = [...new Set(onTitle.map((f) => f.rule))].sort();
    assert.deepEqual(rules, ['criterion-not-evidenced', 'cycle-stage-missing']);
    const title = diagnostics().filter((d) => d.range.start.line === TITLE);
    assert.equal(title.length, 1);
    const [d] = title;
    const lines = d.message.split('\n');
    assert.equal(lines[0], WHAT_TO_ADD_NEXT);
    assert.deepEqual(
      lines.slice(1),
      onTitle.map((f) => `• ${f.message}`),
    );
    // Two rules: no one rule's code or page, but both rules kept with the findings' indices.
    assert.equal(d.code, undefined);
    assert.deepEqual([...(d.data as { rules: string[] }).rules].sort(), rules);
    const severities: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };
    assert.equal(d.severity, Math.min(...onTitle.map((f) => severities[f.severity])));
    for (const id of ['1', '3', '5']) assert.ok(d.relatedInformation!.some((r) => r.message.startsWith(`AC ${id}: `)));
  });

  it('combines findings of one rule at one range under that rule’s code, each message on its own line', () => {
    const b = analysisOf(WEAK);
    const name = b.result.findings.find((f) => f.rule === 'personal-data')!;
    b.result.findings.push({ ...name, message: 'A second finding at the same words.' });
    const same = diagnostics(b).filter(
      (d) => d.code === 'personal-data' && d.range.start.character === name.range.start.character,
    );
    assert.equal(same.length, 1);
    assert.equal(same[0].message, `• ${name.message}\n• A second finding at the same words.`);
    assert.equal(findingsOf(b, same[0]).length, 2);
  });

  it('finds a diagnostic’s findings again, also echoed back without data or source (ALE, Sublime LSP)', () => {
    const d = diagnostics().find((x) => x.range.start.line === TITLE)!;
    const members = a.result.findings.filter((f) => f.range.start.line === TITLE);
    assert.deepEqual(findingsOf(a, d), members);
    const bare: Diagnostic = { range: d.range, message: d.message.replace(/\n/g, ' ') };
    assert.deepEqual(findingsOf(a, bare), members);
    assert.deepEqual(findingsOf(a, { ...bare, source: 'markdownlint' }), []);
  });
});

describe('“Why?” in the hover', () => {
  it('is offered only to a client that runs its command links', () => {
    assert.equal(hover(a, { line: TITLE, character: 5 }, []), null);
    const h = hover(a, { line: TITLE, character: 5 }, [], { explainLinks: true })!;
    const value = (h.contents as { value: string }).value;
    const found = links(value);
    assert.ok(found.every((l) => l.command === EXPLAIN_COMMAND));
    // One link per part the title's findings are about, each naming the account.
    assert.deepEqual(found.map((l) => l.label).sort(), [
      'AC 1',
      'AC 3',
      'AC 5',
      'Agree standards',
      'Evaluate',
      'Identify need',
      'Improve',
      'Monitor',
    ]);
    assert.ok(found.every((l) => l.args[0] === a.uri && isExplainPart(l.args[1])));
    assert.deepEqual(h.range, a.result.findings.find((f) => f.range.start.line === TITLE)!.range);
  });

  it('on one finding, one “Why?” link to its part; added below a key term or reference’s own hover', () => {
    const line = WEAK.split('\n')[6];
    const at = { line: 6, character: line.indexOf('complaints procedure') + 3 };
    const value = (hover(a, at, [], { explainLinks: true })!.contents as { value: string }).value;
    const [only, ...rest] = links(value);
    assert.equal(rest.length, 0);
    assert.equal(only.label, 'Why?');
    assert.deepEqual(only.args[1], { kind: 'check', id: 'complaint-procedure' });
    const ref = { line: 6, character: line.indexOf('AC 4') + 2 };
    const both = (hover(a, ref, [], { explainLinks: true })!.contents as { value: string }).value;
    assert.match(both, /^\*\*AC 4\*\*/);
    assert.doesNotMatch(both, /command:/, 'nothing was found at the reference itself');
  });

  it('offers nothing for findings the explanation does not cover (personal data)', () => {
    const line = WEAK.split('\n')[6];
    const at = { line: 6, character: line.indexOf('Janet') + 1 };
    assert.equal(hover(a, at, [], { explainLinks: true }), null);
    assert.deepEqual(partsOf(a.result.findings.find((f) => f.rule === 'personal-data')!), []);
  });
});

describe('the explanation “Why?” opens', () => {
  const e = explainAccount(WEAK, { rubrics: bundledRubrics() }).explanation;

  it('is the text `reflect-lint --explain` prints, named by the file', () => {
    const answer = explainAnswer(a, e);
    assert.equal(answer.content, formatExplanation('weak.md', e, 'customer-relations'));
    assert.equal(answer.line, 0);
    assert.equal(fileName('file:///home/me/My%20accounts/first%20one.md'), 'first one.md');
  });

  it('opens at the part asked for: a stage, a criterion, a check, the sentences left out', () => {
    const lineOf = (kind: 'stage' | 'criterion' | 'check' | 'skipped', id?: string) => {
      const answer = explainAnswer(a, e, { kind, ...(id ? { id } : {}) });
      return answer.content.split('\n')[answer.line];
    };
    assert.equal(lineOf('stage', 'monitor'), '  Monitor: not shown');
    assert.match(lineOf('criterion', '3')!, /^ {2}AC 3 \(missing\): /);
    assert.match(
      lineOf('check', 'complaint-procedure')!,
      /^ {2}complaint-procedure \(conditional, account\): 1 finding/,
    );
    assert.equal(lineOf('skipped'), 'Sentences not read as evidence');
    const none = explainAnswer(a, e, { kind: 'criterion', id: '99' });
    assert.deepEqual([none.line, none.title], [0, 'the whole account']);
  });

  it('takes only well-formed parts from a client', () => {
    assert.equal(isExplainPart({ kind: 'stage', id: 'monitor' }), true);
    assert.equal(isExplainPart({ kind: 'skipped' }), true);
    for (const bad of [null, 'monitor', { kind: 'paragraph' }, { kind: 'stage', id: 3 }])
      assert.equal(isExplainPart(bad), false, JSON.stringify(bad));
  });
});
