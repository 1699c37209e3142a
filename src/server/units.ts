/** Select Unit's list: every unit, ranked for the account's content as `reflect-lint rubrics suggest` ranks them. */
import { rankRubrics, type Rubric } from '../core/index.js';
import type { RankedUnit, RubricSummary } from '../shared/protocol.js';

/** A score relative to the best (1) in words, so the list reads without numbers. */
export function matchWords(score: number, best: boolean): string {
  if (best && score > 0) return 'best match';
  if (score >= 0.75) return 'close match';
  if (score >= 0.4) return 'some match';
  return 'little in common';
}

export function rankUnits(text: string, rubrics: readonly Rubric[], summaries: readonly RubricSummary[]): RankedUnit[] {
  const ranked = rankRubrics(text, rubrics);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  // An empty account matches nothing: the units in their usual order, none called the best.
  const anything = ranked.some((r) => r.score > 0) && text.trim().length > 0;
  return ranked.flatMap((r, i) => {
    const summary = byId.get(r.id);
    return summary
      ? [
          {
            ...summary,
            score: anything ? r.score : 0,
            match: anything ? matchWords(r.score, i === 0) : 'nothing written yet to compare',
          },
        ]
      : [];
  });
}
