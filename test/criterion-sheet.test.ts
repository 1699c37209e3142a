/** A criterion on a page of its own (src/core/criterion-sheet.ts), where the report's "missing" cells lead. */
import assert from 'node:assert/strict';
import { bundledRubrics, criterionSheet } from '../src/core/index.js';

describe('criterion sheet', () => {
  const rubric = bundledRubrics().find((r) => r.id === 'customer-relations')!;

  it('gives the criterion’s text, its link sentence said of the learner, its stages and key terms', () => {
    const c = rubric.criteria.find((x) => x.id === '1')!;
    const sheet = criterionSheet(rubric, '1')!;
    assert.match(sheet, new RegExp(`^# AC 1: ${rubric.title.replace(/[()]/g, '\\$&')}\n`));
    assert.ok(sheet.includes(`> ${c.text}\n`), sheet);
    assert.ok(sheet.includes(`> This demonstrates my ability to ${c.ability} (AC 1).`), sheet);
    assert.match(sheet, /Stages of the service cycle: Identify need\./);
    const term = rubric.keyTerms.find((t) => t.criteria?.includes('1'));
    if (term) assert.ok(sheet.includes(`**${term.term}**`), 'a key term of the criterion');
    assert.doesNotMatch(
      sheet,
      /\b(?:my|me|I)\b(?![^\n]*\(AC 1\))/,
      'said of the learner, not by them, but for the link sentence',
    );
  });

  it('every criterion of every bundled unit has a page; an unknown one has none', () => {
    for (const r of bundledRubrics())
      for (const c of r.criteria) assert.ok(criterionSheet(r, c.id)?.includes(c.text), `${r.id} AC ${c.id}`);
    assert.equal(criterionSheet(rubric, '99'), undefined);
  });
});
