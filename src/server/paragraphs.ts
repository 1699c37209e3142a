/** Where the cursor is in an account: its paragraph, the criteria it supports, and where a reference goes. */
import { contentWords, findReferences, rankerFor, supportedCriteria, type Position } from '../core/index.js';
import type { RankedCriterionItem } from '../shared/protocol.js';
import type { Analysis } from './server.js';

/** The parsed account the analysis was made from. */
export function documentOf(a: Analysis) {
  return a.doc;
}

/** The prose block (paragraph, list item or table cell) at a position, if any. */
export function blockAt(a: Analysis, position: Position) {
  const doc = documentOf(a);
  const offset = doc.lines.offset(position);
  return doc.blocks.find((b) => b.kind !== 'heading' && b.start <= offset && offset <= b.end && b.sentences.length > 0);
}

/**
 * The criteria worth citing at a position: those the paragraph's content supports (the threshold
 * that decides `evidenced` against `claimed`), best first, leaving out any it already cites. A
 * paragraph is ranked as the analysis ranked it (a lead-in line with its list, link sentences and
 * placeholders left out); a block outside any paragraph (a table cell, a quote) on its own content.
 */
export function rankForPosition(a: Analysis, position: Position): { criteria: RankedCriterionItem[]; insertAt: Position | null; needsStop: boolean } {
  const block = blockAt(a, position);
  if (!block || !a.rubric) return { criteria: [], insertAt: null, needsStop: false };
  const doc = documentOf(a);
  const offset = doc.lines.offset(position);
  const paragraph = a.paragraphs.find((p) => p.blocks.includes(block));
  const ranked = paragraph?.ranked ?? rankerFor(a.rubric).rank(contentWords(doc.prose, block.sentences));
  const references = paragraph?.references ?? findReferences(doc).filter((r) => r.block === block);
  const cited = new Set(references.map((r) => r.id));
  const criteria = supportedCriteria(ranked)
    .filter((r) => !cited.has(r.id))
    .map((r) => {
      const c = a.rubric!.criteria.find((x) => x.id === r.id)!;
      return { id: c.id, text: c.text, ability: c.ability, score: Math.round(r.score * 100) / 100 };
    });
  // The reference goes at the end of the sentence holding the cursor, before its full stop.
  const sentence = block.sentences.find((s) => s.start <= offset && offset <= s.end) ?? block.sentences[block.sentences.length - 1];
  const body = a.text.slice(sentence.start, sentence.end);
  const stop = /[.!?]+["”’)]*$/.exec(body);
  const at = stop ? sentence.start + stop.index : sentence.end;
  return { criteria, insertAt: doc.lines.position(at), needsStop: false };
}
