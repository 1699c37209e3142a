/** Where the cursor is in an account: its paragraph, the criteria it supports, and the edit that cites each. */
import { contentWords, findReferences, rankerFor, supportedCriteria, type Position } from '../core/index.js';
import { referenceEdit, referenceOffset } from '../core/edits.js';
import type { RankedCriteria } from '../shared/protocol.js';
import type { Analysis } from './documents.js';

/** The prose block (paragraph, list item or table cell) at a position, if any. */
export function blockAt(a: Analysis, position: Position) {
  const offset = a.doc.lines.offset(position);
  return a.doc.blocks.find(
    (b) => b.kind !== 'heading' && b.start <= offset && offset <= b.end && b.sentences.length > 0,
  );
}

/**
 * The criteria worth citing at a position: those the paragraph's content supports (the threshold
 * that decides `evidenced` against `claimed`), best first, leaving out any it already cites, each
 * with the edit that cites it at the end of the sentence holding the cursor. A paragraph is ranked as
 * the analysis ranked it (a lead-in line with its list, link sentences and placeholders left out); a
 * block outside any paragraph (a table cell, a quote) on its own content.
 */
export function rankForPosition(a: Analysis, position: Position): RankedCriteria {
  const at = rankedAt(a, position);
  const rubric = a.rubric;
  if (!at || !rubric) return { criteria: [], insertAt: null };
  const { doc } = a;
  const criteria = supportedCriteria(at.ranked)
    .filter((r) => !at.cited.has(r.id))
    .map((r) => {
      const c = rubric.criteria.find((x) => x.id === r.id)!;
      return {
        id: c.id,
        text: c.text,
        ability: c.ability,
        score: Math.round(r.score * 100) / 100,
        edit: referenceEdit(doc, at.sentence, c.id),
      };
    });
  return { criteria, insertAt: doc.lines.position(referenceOffset(doc.text, at.sentence)) };
}

/**
 * The paragraph at a position as the analysis knows it: every criterion ranked for its content, best
 * first, the criteria it cites, and the sentence holding the cursor. Undefined outside prose or without a unit.
 */
export function rankedAt(a: Analysis, position: Position) {
  const block = blockAt(a, position);
  const rubric = a.rubric;
  if (!block || !rubric) return undefined;
  const doc = a.doc;
  const offset = doc.lines.offset(position);
  const paragraph = a.paragraphs.find((p) => p.blocks.includes(block));
  const ranked = paragraph?.ranked ?? rankerFor(rubric).rank(contentWords(doc.prose, block.sentences));
  const references = paragraph?.references ?? findReferences(doc, undefined, rubric).filter((r) => r.block === block);
  const cited = new Set(references.map((r) => r.id));
  const sentence =
    block.sentences.find((s) => s.start <= offset && offset <= s.end) ?? block.sentences[block.sentences.length - 1];
  return { ranked, cited, sentence };
}
