/**
 * Claims versus content. A learner's link sentence ("This demonstrates my ability to take payments
 * securely (AC 4).") says which criterion a paragraph is for; it is not evidence that the paragraph
 * shows it, since it repeats the criterion's own words. An unfilled template placeholder ("[number]",
 * "[a measurable standard, e.g. …]") is not evidence either. Both are kept out of what the analyser
 * weighs as content. Pure functions of text, with no parse: any part of the analyser may use them.
 */

/** Words that may open a link sentence before its claim: "So", "Overall,", "I think", "All of this". */
const OPENER = String.raw`(?:(?:so|and|also|overall|altogether|in summary|in conclusion|to conclude|to sum up|all in all|i think|i feel|i believe|i hope|hopefully)[,\s]+)*`;

/** The thing that claims: "This", "This example", "All of this", "Doing this", "Which". */
const SUBJECT = String.raw`(?:(?:all (?:of )?|doing |by doing )?(?:this|that|these|those|it|which)(?: (?:whole|paragraph|example|section|account|table|evidence|situation|experience|case|part|work|call|task))?)`;

/** Verbs that always claim a criterion in this genre: "This demonstrates…", "This is evidence of…". */
const CLAIMING_VERB = String.raw`(?:demonstrates?|demonstrated|evidences?|evidenced|is evidence)\b`;

/** "shows (that) I can", "shows my ability", "proves I am able": a claim about the learner's own ability. */
const CLAIMING_SHOW = String.raw`(?:shows?|showed|proves?|proved) (?:that )?(?:i (?:can|am|was|have|know|understand)\b|i'm |i've |my |how (?:i|to) )`;

/**
 * Verbs that claim only when the sentence names a criterion: "This shows active listening (AC 4)",
 * "This covers AC 2", "This is for AC 1". Without one, "This showed me the form was wrong" or
 * "It covers the cost" tells what happened.
 */
const CLAIMING_WITH_REFERENCE = String.raw`(?:shows?|showed|proves?|proved|covers?|meets?|links? (?:to|with)|is linked to|relates? to|fits?|matches|goes with|is (?:for|an example|a good example)|counts? (?:as|towards|for))\b`;

const ADVERB = String.raw`(?:(?:clearly|also|really|hopefully|definitely) )?`;
const OPENING = String.raw`^[\s("'“‘*_-]*${OPENER}${SUBJECT}\s+${ADVERB}`;
const CLAIM = new RegExp(`${OPENING}(?:${CLAIMING_VERB}|${CLAIMING_SHOW})`, 'i');
const CLAIM_IF_REFERENCED = new RegExp(`${OPENING}${CLAIMING_WITH_REFERENCE}`, 'i');
/** A criterion reference anywhere in a sentence. */
const NAMES_CRITERION = /(?:\bA\.?C\.?s?|\bcriteri(?:on|a))\s*\d/i;

/** A criterion reference with nothing around it ("(AC 1)", "AC2, AC3."), as learners append it as a sentence. */
const REFERENCE_ONLY =
  /^[\s([]*(?:a\.?c\.?s?|criteri(?:on|a)|assessment criteri(?:on|a))\s*\d+(?:\.\d+)*(?:\s*(?:,|&|\/|and|or)\s*(?:(?:a\.?c\.?s?|criteri(?:on|a))\s*)?\d+(?:\.\d+)*)*[\s)\].:;!?]*$/i;

/**
 * Whether a sentence is a link sentence: one whose point is to say which criterion the paragraph
 * evidences ("This demonstrates my ability to … (AC 4).", "This shows I can …", "I think this shows
 * mutual respect (AC 5).", a lone "(AC 1)"), not to tell what happened. Pass one sentence's text.
 * A sentence that tells something first and claims at the end ("I rang her back, which shows I can
 * keep to timescales") is not a link sentence: it has content of its own.
 */
export function isLinkSentence(text: string): boolean {
  const t = text.replace(/[’‘]/g, "'").trim();
  if (!t) return false;
  if (REFERENCE_ONLY.test(t)) return true;
  if (CLAIM.test(t)) return true;
  return CLAIM_IF_REFERENCED.test(t) && NAMES_CRITERION.test(t);
}

export interface Span {
  start: number;
  end: number;
}

/**
 * What a bracketed stretch holds when it is not a placeholder: a task box ("[x]", "[ ]"), a
 * footnote ("[^1]"), a citation number ("[1]"), an editor's mark ("[sic]", "[…]"), a criterion
 * ("[AC 2]"), or a deliberate redaction ("[name removed]", "[redacted]").
 */
const NOT_PLACEHOLDER =
  /^(?:[ xX]|\^.*|[\d\s,.–-]+|sic|\.\.\.|…|(?:a\.?c\.?s?|criteri(?:on|a))\s*\d.*|.*\b(?:removed|redacted|anonymi[sz]ed|withheld|omitted)\b.*)$/i;

/**
 * Unfilled template placeholders: square-bracketed gaps such as "[number]", "[insert example]" or
 * "[a measurable standard, e.g. "replied within 2 working days"]". Not Markdown links ("[text](url)",
 * "[text][ref]", "[ref]: url"), images, task boxes or the other bracketed forms of NOT_PLACEHOLDER.
 * Works on raw Markdown or on the analyser's prose; `base` is added to every offset returned.
 */
export function placeholderSpans(text: string, base = 0): Span[] {
  const out: Span[] = [];
  // One line at most, no nested brackets; an escaped bracket ("\[number\]") is still a bracket.
  const re = /\\?\[([^[\]\n]{1,200}?)\\?\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const inner = m[1].trim();
    if (!/\p{L}/u.test(inner) || NOT_PLACEHOLDER.test(inner)) continue;
    if (text[start - 1] === '!' || text[start - 1] === ']') continue; // an image, or the second half of [text][ref]
    if (/^(?:\(|\[|:)/.test(text.slice(end, end + 1))) continue; // a link, a reference link, a link definition
    out.push({ start: base + start, end: base + end });
  }
  return out;
}

/**
 * The words of some sentences that can count as evidence of content: those of sentences that are
 * not link sentences, without the words of any placeholder. `prose` is the text the offsets point
 * into (the analyser's prose). Placeholders are found in each sentence's whole block, since a
 * placeholder may hold a full stop ("[say what happened. Give the date.]").
 */
export function contentWords<W extends Span>(
  prose: string,
  sentences: ReadonlyArray<{ start: number; end: number; words: readonly W[]; block: Span }>,
): W[] {
  const gapsByBlock = new Map<Span, Span[]>();
  const out: W[] = [];
  for (const s of sentences) {
    let gaps = gapsByBlock.get(s.block);
    if (!gaps) {
      const body = prose.slice(s.block.start, s.block.end);
      gaps = body.includes('[') ? placeholderSpans(body, s.block.start) : [];
      gapsByBlock.set(s.block, gaps);
    }
    const kept = gaps.length ? s.words.filter((w) => !gaps.some((g) => w.start < g.end && g.start < w.end)) : s.words;
    if (kept.length && !isLinkSentence(prose.slice(s.start, s.end))) out.push(...kept);
  }
  return out;
}
