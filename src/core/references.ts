/**
 * Criterion references as learners write them: `AC 2`, `AC2`, `(AC 2)`, `AC 1.2`, `criterion 3`,
 * and lists such as `AC 1 and 3`, `AC 2, 4 and 5`, `criteria 2 & 3`, `AC1/AC2`.
 */
import type { AccountDocument, Block } from './document.js';

export interface CriterionReference {
  id: string;
  /** Offsets of the id itself (the `2` of `AC 2`), for findings and hover. */
  start: number;
  end: number;
  /** Offsets of the whole reference, label included (`AC 2`). */
  fullStart: number;
  block: Block;
}

const ID = String.raw`\d+(?:\.\d+)*`;
// Learners type "ac3" and "Ac 2" as well as "AC 2".
const LABEL = String.raw`(?:\b[Aa]\.?[Cc]\.?s?|\b[Cc]riteri(?:on|a)|\bCRITERI(?:ON|A)|\b[Aa]ssessment [Cc]riteri(?:on|a))`;
const REFERENCE = new RegExp(
  String.raw`${LABEL}\s*(${ID}(?:\s*(?:,|&|\/|\band\b|\bor\b)\s*(?:${LABEL}\s*)?${ID})*)(?![\d.]*\d)`,
  'g',
);
const ONE_ID = new RegExp(ID, 'g');

/** A reference's id and offsets within its block. */
type Found = Array<{ id: string; start: number; end: number; fullStart: number }>;

function referencesIn(text: string): Found {
  const out: Found = [];
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
    const listStart = m.index + m[0].length - m[1].length;
    ONE_ID.lastIndex = 0;
    for (let n = ONE_ID.exec(m[1]); n; n = ONE_ID.exec(m[1])) {
      const start = listStart + n.index;
      out.push({ id: n[0], start, end: start + n[0].length, fullStart: m.index });
    }
  }
  return out;
}

const REFERENCES = {};

/** Every criterion reference of the account. `keep` is RuleContext.keep (each block's are found in its text alone). */
export function findReferences(
  doc: AccountDocument,
  keep?: <T>(key: object, at: Block, compute: () => T) => T,
): CriterionReference[] {
  const out: CriterionReference[] = [];
  for (const block of doc.blocks) {
    const text = () => doc.prose.slice(block.start, block.end);
    const found = keep ? keep(REFERENCES, block, () => referencesIn(text())) : referencesIn(text());
    for (const r of found)
      out.push({
        id: r.id,
        start: block.start + r.start,
        end: block.start + r.end,
        fullStart: block.start + r.fullStart,
        block,
      });
  }
  return out;
}
