/**
 * Reflective models other than the service cycle (src/core/models.ts, lexicon/models.json): a unit
 * whose rubric names Gibbs' or Kolb's cycle is read against that model's stages, with the same care
 * as the service cycle's (someone else's feelings, a negation, a wish, "feel free", a past "next
 * time" and an empty heading do not count), and every edge says the model's own words.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeAccount, bundledRubrics, explainAccount, readRubric, type Rubric } from '../src/core/index.js';
import { MODELS } from '../src/core/models.js';
import { nextSteps, accountSummary } from '../src/core/next-steps.js';

const root = join(import.meta.dirname, '..');
const FIX = join(root, 'test', 'fixtures', 'models');
const rubric = (name: string): Rubric => {
  const r = readRubric(readFileSync(join(FIX, name), 'utf8'));
  assert.ok(r.ok, `${name} does not load`);
  return r.rubric;
};
const rubrics = [...bundledRubrics(), rubric('reflective-practice.json'), rubric('learning-from-experience.json')];
const read = (name: string) => readFileSync(join(FIX, name), 'utf8');
const analyse = (name: string) => analyzeAccount(read(name), { rubrics });
/** The first line of each stage's evidence (1-based), or 0 where the stage is not shown. */
const firstLines = (name: string) =>
  Object.fromEntries(
    Object.entries(analyse(name).result.model!.stages).map(([id, list]) => [id, list[0] ? list[0].start.line + 1 : 0]),
  );

describe("reflective models: Gibbs' and Kolb's cycles", () => {
  it('reads each stage of Gibbs from the sentence that shows it', () => {
    assert.deepEqual(firstLines('gibbs-whole.md'), {
      description: 6,
      feelings: 8,
      evaluation: 10,
      analysis: 12,
      conclusion: 14,
      'action-plan': 16,
    });
    const a = analyse('gibbs-whole.md');
    assert.equal(a.result.model!.id, 'gibbs');
    assert.deepEqual(
      a.result.findings.filter((f) => f.rule === 'cycle-stage-missing'),
      [],
      'no stage is missing',
    );
  });

  it("does not count someone else's feelings, a negation, a wish, 'feel free', a past 'next time' or an empty heading", () => {
    const shown = firstLines('gibbs-traps.md');
    assert.equal(shown.description, 6);
    for (const stage of ['feelings', 'evaluation', 'analysis', 'conclusion', 'action-plan'])
      assert.equal(shown[stage], 0, `${stage} should not be shown`);
  });

  it('says what is missing in the model’s words, on the heading that names the stage or else the title line', () => {
    const a = analyse('gibbs-traps.md');
    const missing = a.result.findings.filter((f) => f.rule === 'cycle-stage-missing');
    assert.deepEqual(
      missing.map((f) => [f.data?.stage, f.range.start.line + 1]),
      [
        ['feelings', 14],
        ['action-plan', 16],
        ['evaluation', 4],
        ['analysis', 4],
        ['conclusion', 4],
      ].sort((x, y) => (x[1] as number) - (y[1] as number) || 0),
    );
    const feelings = missing.find((f) => f.data?.stage === 'feelings')!;
    assert.match(
      feelings.message,
      /does not yet show how you felt \(Gibbs' reflective cycle: Feelings\)\. Say how you felt/,
    );
    assert.equal(feelings.data?.model, 'gibbs');
  });

  it("reads Kolb's four stages, counting what was tried afterwards as experimentation", () => {
    assert.deepEqual(firstLines('kolb-tried.md'), {
      experience: 6,
      reflection: 8,
      conceptualisation: 10,
      experimentation: 12,
    });
  });

  it('leaves the service cycle as it was for a unit that names no model, and reads none for "cycle": "none"', () => {
    const text = read('gibbs-whole.md').replace('unit: reflective-practice', 'unit: customer-relations');
    const plain = analyzeAccount(text, { rubrics });
    assert.equal(plain.result.model, undefined);
    assert.ok(plain.result.findings.some((f) => f.rule === 'cycle-stage-missing' && f.data?.model === undefined));
    const none = rubrics.map((r) => (r.id === 'reflective-practice' ? { ...r, cycle: 'none' as const } : r));
    const off = analyzeAccount(read('gibbs-traps.md'), { rubrics: none });
    assert.equal(off.result.model, undefined);
    assert.ok(!off.result.findings.some((f) => f.rule === 'cycle-stage-missing'));
  });

  it("puts the model's stages in What to add next and the summary", () => {
    const a = analyse('gibbs-traps.md');
    const unit = rubrics.find((r) => r.id === 'reflective-practice');
    const steps = nextSteps(a.result, unit).filter((s) => s.kind === 'stage');
    assert.deepEqual(
      steps.map((s) => s.title),
      ['Feelings', 'Evaluation', 'Analysis', 'Conclusion', 'Action plan'],
    );
    assert.equal(steps[0].advice, MODELS.gibbs.stages[1].advice);
    const summary = accountSummary(a.result, unit);
    assert.match(summary.text, /Gibbs 1 of 6/);
    assert.match(summary.label, /1 of 6 stages of Gibbs' reflective cycle shown/);
  });

  it('explains each model stage: the words that showed it, and those not counted with the reason', () => {
    const { explanation } = explainAccount(read('gibbs-traps.md'), { rubrics });
    assert.equal(explanation.model, 'gibbs');
    assert.deepEqual(
      explanation.stages.map((s) => s.stage),
      MODELS.gibbs.stages.map((s) => s.id),
    );
    const feelings = explanation.stages.find((s) => s.stage === 'feelings')!;
    const reasons = feelings.notCounted.map((n) => [n.matched.map((m) => m.words).join(' '), n.reason]);
    assert.deepEqual(reasons, [
      ['felt', 'not-the-learner'],
      ['felt embarrassed', 'counterfactual'],
      ['feel nervous', 'negated'],
    ]);
    const whole = explainAccount(read('gibbs-whole.md'), { rubrics }).explanation;
    const plan = whole.stages.find((s) => s.stage === 'action-plan')!;
    assert.equal(plan.present, true);
    assert.ok(plan.evidence[0].matched.some((m) => /next time/i.test(m.words)));
  });

  it('prints the model in the CLI summary and its stages in the JSON output', () => {
    const bin = join(root, 'bin', 'reflect-lint.cjs');
    const text = spawnSync(process.execPath, [bin, '--rubrics', FIX, join(FIX, 'gibbs-traps.md')], {
      encoding: 'utf8',
    });
    assert.match(text.stdout, /Gibbs stages 1\/6 \(absent: feelings, evaluation, analysis, conclusion, action-plan\)/);
    const json = spawnSync(process.execPath, [bin, '--rubrics', FIX, '--format', 'json', join(FIX, 'kolb-tried.md')], {
      encoding: 'utf8',
    });
    const file = JSON.parse(json.stdout).files[0];
    assert.equal(file.model.id, 'kolb');
    assert.deepEqual(Object.keys(file.model.stages), [
      'experience',
      'reflection',
      'conceptualisation',
      'experimentation',
    ]);
  });
});
