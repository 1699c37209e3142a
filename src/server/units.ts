/**
 * Select Unit's list: every unit, ranked for the account's content as `reflect-lint rubrics suggest`
 * ranks them (suggestRubrics, shared with the command line), and said plainly when none fits.
 */
import { suggestRubrics, type Rubric } from '../core/index.js';
import type { RankedUnit, RubricSummary } from '../shared/protocol.js';

/** A score relative to the best (1) in words, so the list reads without numbers. */
export function matchWords(score: number, best: boolean): string {
  if (best && score > 0) return 'best match';
  if (score >= 0.75) return 'close match';
  if (score >= 0.4) return 'some match';
  return 'little in common';
}

/** What the closest unit is called when no loaded unit fits the account (below RUBRIC_FIT_MIN). */
export const NONE_FITS = 'closest, but no unit fits this account well';

export function rankUnits(text: string, rubrics: readonly Rubric[], summaries: readonly RubricSummary[]): RankedUnit[] {
  const { shown, fits } = suggestRubrics(text, rubrics);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  // An empty account matches nothing: the units in their usual order, none called the best.
  const anything = shown.some((r) => r.score > 0) && text.trim().length > 0;
  return shown.flatMap((r, i): RankedUnit[] => {
    const summary = byId.get(r.id);
    if (!summary) return [];
    if (!anything) return [{ ...summary, score: 0, fits: false, match: 'nothing written yet to compare' }];
    // None fits: by fit on its own, unscaled, so the closest does not read as a match.
    if (!fits) return [{ ...summary, score: r.fit, fits, match: i === 0 ? NONE_FITS : 'little in common' }];
    return [{ ...summary, score: r.score, fits, match: matchWords(r.score, i === 0) }];
  });
}
