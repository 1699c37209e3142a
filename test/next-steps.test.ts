/** Where account-wide findings sit, and the wording of "What to add next" (src/core/next-steps.ts). */
import assert from 'node:assert/strict';
import { analyze, analyzeAccount, bundledRubrics } from '../src/core/index.js';
import { abilityForYou, accountSummary, nextSteps } from '../src/core/next-steps.js';

const ACCOUNT = `---
unit: customer-relations
---

# A parcel that went missing

I work on the help desk of a courier firm. A customer rang because her parcel had not arrived. I asked her for the tracking number and read her address back to check it.

I found the parcel at the depot and booked it onto the next van. I told her it would arrive by 4pm the next day.
`;

const ACCOUNT_WIDE = new Set(['cycle-stage-missing', 'criterion-not-evidenced']);

describe('account-wide findings', () => {
  it('sit on the title line, not on a paragraph', () => {
    const result = analyze(ACCOUNT);
    const wide = result.findings.filter((f) => ACCOUNT_WIDE.has(f.rule) && !f.fixes);
    assert.ok(
      wide.some((f) => f.rule === 'cycle-stage-missing'),
      'some stage is missing',
    );
    assert.ok(
      wide.some((f) => f.rule === 'criterion-not-evidenced'),
      'some criterion is not evidenced',
    );
    for (const f of wide)
      assert.equal(f.range.start.line, 4, `${f.rule} at line ${f.range.start.line + 1}: ${f.message}`);
  });

  it('sit on the unit line when the account has no heading', () => {
    const result = analyze(ACCOUNT.replace('# A parcel that went missing\n\n', ''));
    const wide = result.findings.filter((f) => ACCOUNT_WIDE.has(f.rule) && !f.fixes);
    assert.ok(wide.length > 0);
    for (const f of wide) assert.deepEqual(f.range.start, { line: 1, character: 6 }, f.message);
  });
});

describe('what to add next', () => {
  const rubric = bundledRubrics().find((r) => r.id === 'customer-relations')!;
  const { result } = analyzeAccount(ACCOUNT);
  const steps = nextSteps(result, rubric);

  it('lists each stage not shown, then each criterion not evidenced, in their order', () => {
    const stages = steps.filter((s) => s.kind === 'stage').map((s) => s.id);
    const absent = Object.entries(result.stages)
      .filter(([, r]) => !r.length)
      .map(([s]) => s);
    assert.deepEqual(stages, absent);
    const criteria = steps.filter((s) => s.kind === 'criterion').map((s) => s.id);
    assert.deepEqual(
      criteria,
      result.criteria.filter((c) => c.status !== 'evidenced').map((c) => c.id),
    );
    const kinds = steps.map((s) => s.kind).join(' ');
    assert.ok(!/criterion stage/.test(kinds), `stages first: ${kinds}`);
  });

  it('says in one sentence what would count, in the criterion’s own words for the learner', () => {
    const missing = steps.find((s) => s.kind === 'criterion' && s.status === 'missing')!;
    const ability = abilityForYou(rubric.criteria.find((c) => c.id === missing.id)!.ability);
    assert.ok(missing.advice.includes(ability), missing.advice);
    for (const s of steps) {
      assert.equal(s.advice.match(/[.!?](\s|$)/g)?.length, 1, `one sentence: ${s.advice}`);
      assert.ok(!/\bmy\b|\bI\b/.test(s.advice), `said to the learner: ${s.advice}`);
    }
  });

  it('turns the ability to the learner', () => {
    assert.equal(abilityForYou('monitor my service against them'), 'monitor your service against them');
  });

  it('lists no stage for a unit that reads no cycle', () => {
    assert.ok(!nextSteps(result, { ...rubric, cycle: 'none' }).some((s) => s.kind === 'stage'));
  });
});

describe('the account’s summary', () => {
  const rubric = bundledRubrics().find((r) => r.id === 'customer-relations')!;

  it('counts criteria evidenced, stages shown and findings to fix, in words a screen reader reads', () => {
    const { result } = analyzeAccount(ACCOUNT);
    const s = accountSummary(result, rubric);
    const evidenced = result.criteria.filter((c) => c.status === 'evidenced').length;
    const shown = Object.values(result.stages).filter((r) => r.length).length;
    const toFix = result.findings.filter((f) => !ACCOUNT_WIDE.has(f.rule)).length;
    assert.deepEqual(s.criteria, { evidenced, of: rubric.criteria.length });
    assert.deepEqual(s.stages, { shown, of: 6 });
    assert.equal(s.toFix, toFix);
    assert.equal(s.text, `AC ${evidenced} of ${rubric.criteria.length} · Cycle ${shown} of 6 · ${toFix} to fix`);
    assert.doesNotMatch(s.text + s.label, /\d\/\d/);
    assert.match(s.label, /^\d of 5 criteria evidenced, \d of 6 service-cycle stages shown, /);
  });

  it('leaves out what does not apply: the criteria with no unit, the cycle for a unit that reads none', () => {
    const { result } = analyzeAccount(ACCOUNT);
    const plain = accountSummary(result);
    assert.equal(plain.criteria, undefined);
    assert.match(plain.text, /^Cycle \d of 6 · /);
    const none = accountSummary(result, { ...rubric, cycle: 'none' });
    assert.equal(none.stages, undefined);
    assert.match(none.text, /^AC \d of 5 · (\d+ to fix|nothing to fix)$/);
  });

  it('says "nothing to fix" and "1 finding"', () => {
    const { result } = analyzeAccount(ACCOUNT);
    const clean = { ...result, findings: [] };
    assert.match(accountSummary(clean, rubric).text, / · nothing to fix$/);
    assert.match(accountSummary(clean, rubric).label, /, nothing to fix\.$/);
    const one = {
      ...result,
      findings: [
        { rule: 'vague-standard', severity: 'warning' as const, message: 'x', range: result.findings[0].range },
      ],
    };
    assert.match(accountSummary(one, rubric).label, /, 1 finding to fix\.$/);
  });
});
