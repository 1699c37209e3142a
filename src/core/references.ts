/**
 * Criterion references as learners write them: `AC 2`, `AC2`, `(AC 2)`, `AC 1.2`, `criterion 3`,
 * lists such as `AC 1 and 3`, `AC 2, 4 and 5`, `criteria 2 & 3`, `AC1/AC2`, ranges such as
 * `AC 3.1-3.5`, `AC 3.1–3.3 and 4.2`, `AC 2 to 4`, `AC 1.1-4` (1.1 to 1.4), and learning outcomes:
 * `LO4`, `learning outcome 4`, `LO 1 and 2`, each citing all of that outcome's criteria.
 */
import type { AccountDocument, Block } from './document.js';
import type { Rubric } from './types.js';

export interface CriterionReference {
  id: string;
  /**
   * Offsets of the id as written (the `2` of `AC 2`), for findings and hover. An id the learner
   * did not write itself (3.2 of `AC 3.1-3.3`, any id of `LO4`) has the whole range's or outcome's offsets.
   */
  start: number;
  end: number;
  /** Offsets of the whole reference, label included (`AC 2`). */
  fullStart: number;
  block: Block;
  /**
   * `id`: written alone, so start..end is exactly this id and a fix may replace it. `range`: an end
   * of a range or an id inside it; `outcome`: one of a cited learning outcome's criteria. Rewriting
   * start..end of these would change what else the learner cites, so no fix does.
   */
  written: 'id' | 'range' | 'outcome';
  /** For a range or an outcome, the citation as the learner wrote it: `AC 3.1-3.5`, `LO4`. */
  via?: string;
}

/** A citation as written, before the rubric says what a range or an outcome holds. */
type Written =
  | { kind: 'id'; id: string; start: number; end: number; fullStart: number }
  | { kind: 'range'; from: string; to: string; start: number; end: number; fullStart: number }
  | { kind: 'outcome'; id: string; start: number; end: number; fullStart: number };

const ID = String.raw`\d+(?:\.\d+)*`;
// Hyphen, en dash, em dash or "to": "AC 3.1-3.5", "AC 3.1–3.3", "AC 2 to 4".
const TO = String.raw`\s*(?:-|\u2013|\u2014|\bto\b)\s*`;
const ITEM = String.raw`${ID}(?:${TO}${ID})?`;
const SEPARATOR = String.raw`\s*(?:,|&|\/|\band\b|\bor\b)\s*`;
// Learners type "ac3" and "Ac 2" as well as "AC 2".
const LABEL = String.raw`(?:\b[Aa]\.?[Cc]\.?s?|\b[Cc]riteri(?:on|a)|\bCRITERI(?:ON|A)|\b[Aa]ssessment [Cc]riteri(?:on|a))`;
const REFERENCE = new RegExp(String.raw`${LABEL}\s*(${ITEM}(?:${SEPARATOR}(?:${LABEL}\s*)?${ITEM})*)(?![\d.]*\d)`, 'g');
const ONE_ITEM = new RegExp(String.raw`(${ID})(?:(${TO})(${ID}))?`, 'g');
// "LO4", "LO 4", "L.O. 4", "learning outcome 4", "LOs 1 and 2"; not "LO4.2" (no such thing; it is left alone).
const OUTCOME_LABEL = String.raw`(?:\bL\.?O\.?s?|\b[Ll]earning [Oo]utcomes?|\bLEARNING OUTCOMES?)`;
const OUTCOMES = new RegExp(
  String.raw`${OUTCOME_LABEL}\s*(\d+(?:${SEPARATOR}(?:${OUTCOME_LABEL}\s*)?\d+)*)(?![\d.]*\d)`,
  'g',
);
const ONE_NUMBER = /\d+/g;

/** Each item of each list `list` finds in the text (its group 1), with the item's offsets and the list's. */
function* items(list: RegExp, item: RegExp, text: string) {
  list.lastIndex = 0;
  for (let m = list.exec(text); m; m = list.exec(text)) {
    const listStart = m.index + m[0].length - m[1].length;
    item.lastIndex = 0;
    for (let n = item.exec(m[1]); n; n = item.exec(m[1])) {
      const start = listStart + n.index;
      yield { n, at: { start, end: start + n[0].length, fullStart: m.index } };
    }
  }
}

function writtenIn(text: string): Written[] {
  const out: Written[] = [];
  for (const { n, at } of items(REFERENCE, ONE_ITEM, text))
    out.push(n[3] === undefined ? { kind: 'id', id: n[1], ...at } : { kind: 'range', from: n[1], to: n[3], ...at });
  for (const { n, at } of items(OUTCOMES, ONE_NUMBER, text)) out.push({ kind: 'outcome', id: n[0], ...at });
  return out.sort((a, b) => a.start - b.start);
}

const parts = (id: string) => id.split('.').map(Number);

function compareIds(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/**
 * The rubric's criteria from `from` to `to`, both included, in the rubric's order. `AC 1.1-4` is
 * 1.1 to 1.4: an end with fewer parts than the start takes the start's leading parts. An end of a
 * shorter form still covers its own sub-criteria (`AC 1-2` holds 2.3 when the ids are dotted).
 */
export function criteriaInRange(from: string, to: string, ids: readonly string[]): string[] {
  let low = parts(from);
  let high = parts(to);
  if (high.length === 1 && low.length > 1 && high[0] > low[low.length - 1]) high = [...low.slice(0, -1), high[0]];
  // Written backwards ("AC 3-1"): the same span.
  if (compareIds(low, high) > 0) [low, high] = [high, low];
  return ids.filter((id) => {
    const p = parts(id);
    return compareIds(p, low) >= 0 && (compareIds(p, high) <= 0 || startsWith(p, high));
  });
}

function startsWith(id: number[], prefix: number[]): boolean {
  return prefix.length < id.length && prefix.every((x, i) => id[i] === x);
}

/** The criteria a learning outcome groups: the rubric's list, else (no outcomes listed) the ids `4.x` of `LO4`. */
export function outcomeCriteria(outcome: string, rubric: Rubric): string[] {
  if (rubric.outcomes?.length) return rubric.outcomes.find((o) => o.id === outcome)?.criteria ?? [];
  return rubric.criteria.map((c) => c.id).filter((id) => id.startsWith(`${outcome}.`));
}

function expand(w: Written, block: Block, prose: string, rubric: Rubric | undefined): CriterionReference[] {
  const at = { start: block.start + w.start, end: block.start + w.end, fullStart: block.start + w.fullStart, block };
  if (w.kind === 'id') return [{ id: w.id, ...at, written: 'id' }];
  if (w.kind === 'outcome') {
    const via = `LO${w.id}`;
    return (rubric ? outcomeCriteria(w.id, rubric) : []).map((id) => ({ id, ...at, written: 'outcome' as const, via }));
  }
  const via = `AC ${prose.slice(at.start, at.end)}`;
  const inRubric = rubric
    ? criteriaInRange(
        w.from,
        w.to,
        rubric.criteria.map((c) => c.id),
      )
    : [];
  // With no rubric, or a range holding none of its criteria (AC 7-9 of a unit of five), the ids as
  // written, so that an unknown criterion is still reported.
  const ids = inRubric.length ? inRubric : [...new Set([w.from, w.to])];
  return ids.map((id) => ({ id, ...at, written: 'range' as const, via }));
}

const REFERENCES = {};

/**
 * Every criterion reference of the account, ranges and outcomes expanded to the rubric's criteria.
 * `keep` is RuleContext.keep (each block's citations are found in its text alone; the rubric is applied after).
 */
export function findReferences(
  doc: AccountDocument,
  keep?: <T>(key: object, at: Block, compute: () => T) => T,
  rubric?: Rubric,
): CriterionReference[] {
  const out: CriterionReference[] = [];
  for (const block of doc.blocks) {
    const text = () => doc.prose.slice(block.start, block.end);
    const found = keep ? keep(REFERENCES, block, () => writtenIn(text())) : writtenIn(text());
    for (const w of found) out.push(...expand(w, block, doc.prose, rubric));
  }
  return out;
}

/** The citations' spans as written (`AC 1`, `3`, `3.1-3.5`, `LO4`), one per item, for highlighting. */
export function citationSpans(doc: AccountDocument): Array<{ start: number; end: number; fullStart: number }> {
  const out: Array<{ start: number; end: number; fullStart: number }> = [];
  for (const block of doc.blocks)
    for (const w of writtenIn(doc.prose.slice(block.start, block.end)))
      out.push({ start: block.start + w.start, end: block.start + w.end, fullStart: block.start + w.fullStart });
  return out;
}
