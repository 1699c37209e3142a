/**
 * Short quotations of an account's own words, for an assessor's tooltip ("the paragraph that cites
 * AC 4 begins: …") and the feedback draft. Pure functions of the text and a range: no parse, so the
 * report over a thousand accounts quotes from them at no cost worth measuring.
 */
import { LineIndex } from './positions.js';
import type { Range } from './types.js';

/** Words an abbreviation's full stop does not end a sentence after ("e.g.", "Mrs."). */
const ABBREVIATION = /\b(?:mr|mrs|ms|dr|st|e\.g|eg|i\.e|ie|etc|approx|vs|ref|tel|dept|prof)\.$/i;

/** The text of a range, its Markdown marks (emphasis, code, links) taken out and its white space folded. */
export function plainText(text: string, range: Range, lines = new LineIndex(text)): string {
  const body = text.slice(lines.offset(range.start), lines.offset(range.end));
  return body
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The sentences of a plain text, in order. */
export function sentencesOf(plain: string): string[] {
  const out: string[] = [];
  let start = 0;
  const end = /[.!?]+["'”’)\]]*(?=\s+(?:["'“‘(]?[A-Z0-9])|\s*$)/g;
  for (let m = end.exec(plain); m; m = end.exec(plain)) {
    const stop = m.index + m[0].length;
    if (m[0] === '.' && ABBREVIATION.test(plain.slice(Math.max(start, m.index - 6), stop))) continue;
    const s = plain.slice(start, stop).trim();
    if (s) out.push(s);
    start = stop;
  }
  const rest = plain.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** A sentence cut to about `words` words, with an ellipsis when cut. */
export function shorten(sentence: string, words = 30): string {
  const all = sentence.split(' ');
  return all.length <= words ? sentence : `${all.slice(0, words).join(' ')} …`;
}

/** The first sentence of a range of the text (a paragraph), plain and shortened. */
export function firstSentence(text: string, range: Range, lines?: LineIndex): string {
  return shorten(sentencesOf(plainText(text, range, lines))[0] ?? '');
}
