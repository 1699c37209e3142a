/**
 * Accuracy on labelled accounts: ../shared/eval-dev (the project's dev set), and test/corpus and
 * test/corpus-2 (written by other authors without sight of the rules). Fails below the floors.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, formatEvaluation, type Evaluation } from './eval/harness.js';

const root = join(import.meta.dirname, '..');
const sets = [
  { name: 'eval-dev', dir: join(root, '..', 'shared', 'eval-dev') },
  { name: 'test/corpus', dir: join(root, 'test', 'corpus') },
  { name: 'test/corpus-2', dir: join(root, 'test', 'corpus-2') },
];

for (const set of sets) {
  describe(`accuracy on ${set.name}`, () => {
    let ev: Evaluation;
    before(function () {
      assert.ok(existsSync(join(set.dir, 'labels.json')), `labelled set not found at ${set.dir}`);
      ev = evaluate(set.dir);
      console.log(formatEvaluation(set.name, ev).replace(/^/gm, '      '));
    });
    it('finds the service-cycle stages (F1 ≥ 0.85)', () => {
      assert.ok(ev.stages.f1 >= 0.85, `stage F1 ${ev.stages.f1.toFixed(3)}\n${ev.stages.misses.join('\n')}`);
    });
    it('finds vague standards (F1 ≥ 0.80)', () => {
      assert.ok(ev.vague.f1 >= 0.8, `vague F1 ${ev.vague.f1.toFixed(3)}\n${ev.vague.misses.join('\n')}`);
    });
    it('finds paragraphs of action with no criterion link (F1 ≥ 0.85)', () => {
      assert.ok(ev.links.f1 >= 0.85, `link F1 ${ev.links.f1.toFixed(3)}\n${ev.links.misses.join('\n')}`);
    });
    it('finds personal data without false alarms (precision ≥ 0.9)', () => {
      assert.ok(ev.personalData.precision >= 0.9 && ev.personalData.recall >= 0.8, `personal data ${ev.personalData}\n${ev.personalData.misses.join('\n')}`);
    });
    it('finds hypothetical language (F1 ≥ 0.8)', () => {
      assert.ok(ev.hypothetical.f1 >= 0.8, `hypothetical ${ev.hypothetical}\n${ev.hypothetical.misses.join('\n')}`);
    });
    it('ranks a labelled criterion first for most paragraphs (top-1 ≥ 0.7)', () => {
      const acc = ev.top1.correct / ev.top1.total;
      assert.ok(acc >= 0.7, `top-1 ${acc.toFixed(3)}\n${ev.top1.misses.join('\n')}`);
    });
  });
}
