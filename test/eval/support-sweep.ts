// `node --import tsx test/eval/support-sweep.ts`: the `claims` figures (tp/fp/fn of "cited but not
// shown") for other support thresholds than SUPPORT_MIN_SCORE, on every labelled corpus: a minimum
// score, optionally with a limit on rank (the top N criteria, or within a fraction of the top score).
// It is how SUPPORT_MIN_SCORE was chosen (src/core/ranking.ts); run it again when the ranking changes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeAccount } from '../../src/core/index.js';
import { LineIndex } from '../../src/core/positions.js';
import type { AccountLabel } from './harness.js';

interface Citation { set: string; backed: boolean; rank: number; score: number; top: number }

const sets = ['../shared/eval-dev', 'test/corpus', 'test/corpus-2', 'test/corpus-3', 'test/corpus-4'].filter((d) => existsSync(join(d, 'labels.json')));
const citations: Citation[] = [];
for (const dir of sets) {
  const labels: AccountLabel[] = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
  for (const label of labels) {
    const text = readFileSync(join(dir, 'accounts', label.file), 'utf8');
    const { result, paragraphs } = analyzeAccount(text, { rubric: label.rubric });
    const lines = new LineIndex(text);
    for (const p of label.paragraphs) {
      const i = result.paragraphs.findIndex((x) => text.slice(lines.offset(x.range.start)).startsWith(p.starts_with));
      const ranked = paragraphs[i].ranked;
      for (const id of result.paragraphs[i].criteria) {
        const rank = ranked.findIndex((r) => r.id === id);
        if (rank >= 0) citations.push({ set: dir, backed: p.best_criteria.includes(id), rank, score: ranked[rank].score, top: ranked[0].score });
      }
    }
  }
}

const name = (dir: string) => dir.split('/').pop();
console.log(`claims as tp/fp/fn per set (${sets.map(name).join(', ')})`);
for (const min of [0.01, 1, 1.5, 2, 3, 4]) {
  for (const [top, fraction] of [[Infinity, 0], [1, 0], [2, 0], [3, 0], [1, 0.25], [1, 0.5], [3, 0.25]]) {
    const figures = sets.map((dir) => {
      let tp = 0, fp = 0, fn = 0;
      for (const c of citations.filter((x) => x.set === dir)) {
        const supported = c.score >= min && (c.rank < top || (fraction > 0 && c.score >= fraction * c.top));
        if (!supported && !c.backed) tp++;
        else if (!supported) fp++;
        else if (!c.backed) fn++;
      }
      return `${tp}/${fp}/${fn}`;
    });
    const rule = `score ≥ ${min}${top === Infinity ? '' : `, top ${top}${fraction ? ` or ≥ ${fraction} × top score` : ''}`}`;
    console.log(`${rule.padEnd(46)} ${figures.join('  ')}`);
  }
}
