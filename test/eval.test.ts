/**
 * Accuracy on labelled accounts: ../shared/eval-dev (the project's dev set); test/corpus and
 * test/corpus-2 (written by other authors without sight of the rules); test/corpus-3 (real-style
 * writing, modelled on public learners' pages, used while building the clause reader) and
 * test/corpus-4 and test/corpus-5 (real-style, by two more authors: held out at first, then used for development
 * once measured), test/corpus-6 (real-style, a fourth author, held out: measured, never tuned to) and test/corpus-models
 * (Gibbs and Kolb units: measured, then used to build the models' reading) with test/corpus-models-2 (the same units, held
 * out: measured, never tuned to). Each floor is the figure reached
 * when it was set, less a small margin, so a change that loses accuracy fails here.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, formatEvaluation, type Evaluation } from './eval/harness.js';

const root = join(import.meta.dirname, '..');

interface Floors {
  stages: number;
  vague: number;
  links: number;
  personalDataPrecision: number;
  /** 1 unless said otherwise: a missed phone number or name is the worst miss there is. */
  personalDataRecall?: number;
  hypothetical: number;
  top1: number;
  /** For a set of units read against Gibbs' or Kolb's cycle: the F1 of that model's stages. */
  modelStages?: number;
}

const sets: Array<{ name: string; dir: string; rubricsDir?: string; floors: Floors }> = [
  {
    name: 'eval-dev',
    dir: join(root, '..', 'shared', 'eval-dev'),
    floors: { stages: 0.97, vague: 0.97, links: 0.97, personalDataPrecision: 0.95, hypothetical: 0.95, top1: 0.85 },
  },
  {
    name: 'test/corpus',
    dir: join(root, 'test', 'corpus'),
    floors: { stages: 0.93, vague: 0.93, links: 0.9, personalDataPrecision: 0.95, hypothetical: 0.88, top1: 0.77 },
  },
  {
    name: 'test/corpus-2',
    dir: join(root, 'test', 'corpus-2'),
    floors: { stages: 0.97, vague: 0.97, links: 0.87, personalDataPrecision: 0.95, hypothetical: 0.87, top1: 0.7 },
  },
  {
    name: 'test/corpus-3',
    dir: join(root, 'test', 'corpus-3'),
    floors: { stages: 0.91, vague: 0.9, links: 0.92, personalDataPrecision: 0.95, hypothetical: 0.9, top1: 0.78 },
  },
  {
    name: 'test/corpus-5',
    dir: join(root, 'test', 'corpus-5'),
    floors: { stages: 0.89, vague: 0.95, links: 0.86, personalDataPrecision: 0.95, hypothetical: 0.88, top1: 0.62 },
  },
  {
    name: 'test/corpus-4',
    dir: join(root, 'test', 'corpus-4'),
    floors: { stages: 0.91, vague: 0.84, links: 0.85, personalDataPrecision: 0.85, hypothetical: 0.95, top1: 0.68 },
  },
  {
    name: 'test/corpus-6 (held out)',
    dir: join(root, 'test', 'corpus-6'),
    floors: {
      stages: 0.9,
      vague: 0.84,
      links: 0.74,
      personalDataPrecision: 0.72,
      personalDataRecall: 0.9,
      hypothetical: 0.82,
      top1: 0.63,
    },
  },
  {
    // Gibbs and Kolb units (their rubrics in the corpus's rubrics/ folder); service-cycle stages are mostly absent by design.
    // Model stages were first measured at F1 0.85 (P 0.89, R 0.80) before the model's reading was tuned on it.
    name: 'test/corpus-models',
    dir: join(root, 'test', 'corpus-models'),
    floors: {
      stages: 0.58,
      vague: 0.95,
      links: 0.75,
      personalDataPrecision: 0.95,
      personalDataRecall: 0.8,
      hypothetical: 0.95,
      top1: 0.72,
      modelStages: 0.93,
    },
  },
  {
    // Held out: written by another author for the same two units, measured and never tuned to (model stages F1 0.90 when set).
    name: 'test/corpus-models-2 (held out)',
    dir: join(root, 'test', 'corpus-models-2'),
    rubricsDir: join(root, 'test', 'corpus-models', 'rubrics'),
    floors: {
      stages: 0.7,
      vague: 0.95,
      links: 0.83,
      personalDataPrecision: 0.95,
      hypothetical: 0.95,
      top1: 0.84,
      modelStages: 0.85,
    },
  },
];

for (const set of sets) {
  describe(`accuracy on ${set.name}`, () => {
    let ev: Evaluation;
    const f = set.floors;
    before(function () {
      assert.ok(existsSync(join(set.dir, 'labels.json')), `labelled set not found at ${set.dir}`);
      ev = evaluate(set.dir, { rubricsDir: set.rubricsDir });
      console.log(formatEvaluation(set.name, ev).replace(/^/gm, '      '));
    });
    it(`finds the service-cycle stages (F1 ≥ ${f.stages})`, () => {
      assert.ok(ev.stages.f1 >= f.stages, `stage F1 ${ev.stages.f1.toFixed(3)}\n${ev.stages.misses.join('\n')}`);
    });
    it(`finds vague standards (F1 ≥ ${f.vague})`, () => {
      assert.ok(ev.vague.f1 >= f.vague, `vague F1 ${ev.vague.f1.toFixed(3)}\n${ev.vague.misses.join('\n')}`);
    });
    it(`finds paragraphs of action with no criterion link (F1 ≥ ${f.links})`, () => {
      assert.ok(ev.links.f1 >= f.links, `link F1 ${ev.links.f1.toFixed(3)}\n${ev.links.misses.join('\n')}`);
    });
    it(`finds personal data (recall ≥ ${f.personalDataRecall ?? 1}, precision ≥ ${f.personalDataPrecision})`, () => {
      assert.ok(
        ev.personalData.recall >= (f.personalDataRecall ?? 1) && ev.personalData.precision >= f.personalDataPrecision,
        `personal data ${ev.personalData}\n${ev.personalData.misses.join('\n')}`,
      );
    });
    it(`finds hypothetical language (F1 ≥ ${f.hypothetical})`, () => {
      assert.ok(
        ev.hypothetical.f1 >= f.hypothetical,
        `hypothetical ${ev.hypothetical}\n${ev.hypothetical.misses.join('\n')}`,
      );
    });
    it(`ranks a labelled criterion first for most paragraphs (top-1 ≥ ${f.top1})`, () => {
      const acc = ev.top1.correct / ev.top1.total;
      assert.ok(acc >= f.top1, `top-1 ${acc.toFixed(3)}\n${ev.top1.misses.join('\n')}`);
    });
    if (f.modelStages !== undefined) {
      const floor = f.modelStages;
      it(`finds the stages of the unit's own model, Gibbs or Kolb (F1 ≥ ${floor})`, () => {
        assert.ok(ev.modelDecisions > 0, 'no account is labelled with a model');
        assert.ok(ev.modelStages.f1 >= floor, `model stages ${ev.modelStages}\n${ev.modelStages.misses.join('\n')}`);
      });
    }
  });
}
