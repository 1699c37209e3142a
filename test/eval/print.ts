// `npm run eval`: prints the accuracy figures, with every miss, for the labelled sets.
import { existsSync } from 'node:fs';
import { evaluate, formatEvaluation } from './harness.js';

const verbose = process.argv.includes('--misses');
const sets = [
  ['eval-dev', '../shared/eval-dev'],
  ['test/corpus', 'test/corpus'],
  ['test/corpus-2', 'test/corpus-2'],
  ['test/corpus-3', 'test/corpus-3'],
  ['test/corpus-4', 'test/corpus-4'],
  ['test/corpus-5', 'test/corpus-5'],
  ['test/corpus-6', 'test/corpus-6'],
  ['test/corpus-models', 'test/corpus-models'],
  ['test/corpus-models-2', 'test/corpus-models-2', 'test/corpus-models/rubrics'],
] as const;
for (const [name, dir, rubricsDir] of sets as ReadonlyArray<readonly [string, string, string?]>) {
  if (!existsSync(`${dir}/labels.json`)) {
    console.log(`${name}: not found at ${dir}`);
    continue;
  }
  const ev = evaluate(dir, { rubricsDir });
  console.log(formatEvaluation(name, ev));
  if (verbose) for (const s of [ev.stages, ev.vague, ev.links, ev.personalData, ev.hypothetical, ev.claims, ev.modelStages]) for (const m of s.misses) console.log('    ' + m);
  if (verbose) for (const m of ev.top1.misses) console.log('    ' + m);
}
