/**
 * What a sentence says about the learner: whether it tells of something they did, or is an
 * opinion, a hypothetical ("I would ask…"), a negation ("I did not check…") or talk about the
 * account itself. Stage evidence, the link rule and rubric checks only trust what was done.
 */
import type { Block, Sentence } from './document.js';
import { readSentence, type Predicate, type Reading } from './language/clauses.js';
import { markers } from './language/lexicon.js';
import type { Word } from './words.js';

const OPENERS = markers.opinionOpeners;

export interface SentenceFacts {
  /** "I think…", "I feel…", "Overall I believe…". */
  opinion: boolean;
  /** About the account itself ("In this account I am writing about…"). */
  meta: boolean;
  /** Word-index spans [from, to) of hypothetical clauses. */
  hypothetical: Array<[number, number]>;
  /** Spans of what did not happen: "I should have logged it", "I could have rung". */
  counterfactual: Array<[number, number]>;
  /** Spans of words inside quotation marks: somebody's words, or a note's text, not the learner's narrative. */
  quoted: Array<[number, number]>;
  /** Index of the first verb telling of something the learner (I / we) did on a particular occasion, or -1. */
  action: number;
  /** Indexes of every such verb. */
  actions: number[];
  /** Every clause's predicate: actor, tense, polarity, modality, genericity. */
  reading: Reading;
}

const IMPROVE_SELF = new Set(['improve', 'develop', 'learn', 'build', 'boost']);

/**
 * The block is a present-tense story of one occasion ("A lady comes in and asks… I check…"): it names
 * an occasion or a particular person, and tells more in the present than in the past. A job
 * description with a past example after it is not.
 */
function presentNarrative(block: Block, readingOf: (s: Sentence) => Reading): boolean {
  const lower = block.words.map((w) => w.lower);
  let anchor = -1;
  for (let i = 0; i < lower.length && anchor < 0; i++) if (markers.occasion.at(lower, i)) anchor = i;
  if (anchor < 0) return false;
  // Only what is told after the anchor: "I work in the office… In January a client rang…" is a past story.
  const from = block.words[anchor].start;
  let present = 0;
  let past = 0;
  for (const s of block.sentences) {
    if (s.end <= from) continue;
    for (const p of readingOf(s).predicates) {
      if (s.words[p.verb].start < from) continue;
      if (p.tense === 'present' && p.kind !== 'state') present++;
      else if (p.tense === 'past' || p.tense === 'past-perfect') past++;
    }
  }
  return present > past;
}

/** Whether a predicate tells of something the learner (I or we) did on a particular occasion. */
export function isLearnerAction(p: Predicate, ws: readonly Word[]): boolean {
  if (p.actor !== 'writer' && p.actor !== 'we') return false;
  if (p.kind !== 'action' && p.kind !== 'reporting') return false;
  // The condition of "If I had a customer who…, I would…" did not happen either.
  if (p.polarity !== 'positive' || p.modality !== 'none' || p.relative || p.condition) return false;
  // A habit in the past ("every Monday I checked…") happened; one in the present is a job description.
  if (p.genericity !== 'particular' && p.tense !== 'past' && p.tense !== 'past-perfect') return false;
  if (p.tense === 'future' || p.tense === 'modal') return false;
  // Improving one's own skills is personal development, not service to a customer.
  const next = ws[p.verb + 1]?.lower;
  if (IMPROVE_SELF.has(p.infinitive) && (next === 'my' || next === 'myself')) return false;
  return true;
}

const META =
  /\b(?:this|my) (?:account|reflection|reflective account)\b|\bi am (?:going to )?(?:write|writing|describe|describing)\b|\bi will (?:describe|explain|write)\b/i;

export function sentenceFacts(s: Sentence, prose: string, occasion = false, read?: Reading): SentenceFacts {
  const ws = s.words;
  const reading = read ?? readSentence(ws, { occasion });
  const lower = reading.lower;
  // Openers such as "Overall," or "Looking back," come before the opinion verb.
  let k = 0;
  while (k < ws.length && OPENERS.has(lower[k]) && lower[k] !== 'i') k++;
  const opinion =
    (lower[k] === 'i' &&
      (markers.opinionVerbs.has(lower[k + 1]) || (lower[k + 1] === 'am' && lower[k + 2] === 'proud'))) ||
    (lower[k] === 'in' && lower[k + 1] === 'my' && (lower[k + 2] === 'opinion' || lower[k + 2] === 'view'));
  const text = prose.slice(s.start, s.end);
  const meta = META.test(text) && !/\bthis demonstrates\b/i.test(text);

  const quoted = quotedSpans(s, prose);
  const inQuote = (i: number) => quoted.some(([a, b]) => i >= a && i < b);
  const hypothetical: Array<[number, number]> = [];
  const counterfactual: Array<[number, number]> = [];
  const conditional = lower[0] === 'if' || lower[0] === 'whenever' || lower[0] === 'when' || lower[0] === 'unless';
  const push = (list: Array<[number, number]>, from: number, to: number) => {
    const last = list[list.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else list.push([from, to]);
  };
  for (const p of reading.predicates) {
    if (inQuote(p.verb)) continue;
    if (p.modality === 'counterfactual')
      push(counterfactual, Math.max(p.from, p.subject >= 0 ? p.subject : p.from), p.to);
    if (p.modality !== 'hypothetical' || (p.actor !== 'writer' && p.actor !== 'we') || p.relative) continue;
    // "I think we could improve…" suggests a change for the team; it does not stand in for what happened.
    if (opinion && p.actor === 'we') continue;
    const from =
      conditional && !reading.predicates.some((q) => q !== p && q.from < p.from && q.modality === 'hypothetical')
        ? 0
        : p.subject >= 0
          ? p.subject
          : p.from;
    push(hypothetical, from, p.to);
  }
  const actions = reading.predicates.filter((p) => !inQuote(p.verb) && isLearnerAction(p, ws)).map((p) => p.verb);
  return {
    opinion,
    meta,
    hypothetical,
    counterfactual,
    quoted,
    action: actions.length ? actions[0] : -1,
    actions,
    reading,
  };
}

function quotedSpans(s: Sentence, prose: string): Array<[number, number]> {
  const text = prose.slice(s.start, s.end);
  if (!/["“”]/.test(text)) return [];
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(/“[^”]*”|"[^"]*"/g)) {
    const from = s.start + m.index!;
    const to = from + m[0].length;
    const a = s.words.findIndex((w) => w.start > from);
    let b = a;
    while (b >= 0 && b < s.words.length && s.words[b].end < to) b++;
    if (a >= 0 && b > a) spans.push([a, b]);
  }
  return spans;
}

/** Modalities of a clause whose words are not evidence of what happened. */
const NOT_EVIDENCE = new Set(['hypothetical', 'counterfactual', 'hedge', 'expectation', 'consequence']);

/** Why a word is not evidence: inside quotation marks, or in a clause that is negated or not what happened. */
export type NotEvidence =
  'quoted' | 'hypothetical' | 'counterfactual' | 'negated' | 'hedge' | 'expectation' | 'consequence';

/** Facts for every sentence, computed once per analysis. */

export class Statements {
  private readonly cache = new Map<Sentence, SentenceFacts>();
  private readonly occasions = new Map<Block, boolean>();
  private readonly readings = new Map<Sentence, Reading>();
  private readonly readingOf = (s: Sentence): Reading => {
    let r = this.readings.get(s);
    if (!r) {
      r = readSentence(s.words, { occasion: false });
      this.readings.set(s, r);
    }
    return r;
  };
  constructor(private readonly prose: string) {}

  of(s: Sentence): SentenceFacts {
    let f = this.cache.get(s);
    if (!f) {
      let occasion = this.occasions.get(s.block);
      if (occasion === undefined) {
        occasion = presentNarrative(s.block, this.readingOf);
        this.occasions.set(s.block, occasion);
      }
      // Each sentence is read once; in a present-tense story, what read as a habit only by its tense is one occasion.
      const reading = this.readingOf(s);
      if (occasion) for (const p of reading.predicates) if (p.byTenseOnly) p.genericity = 'particular';
      f = sentenceFacts(s, this.prose, occasion, reading);
      this.cache.set(s, f);
    }
    return f;
  }

  /** The predicate whose clause holds word i, if any. */
  predicateAt(s: Sentence, i: number): Predicate | undefined {
    const r = this.of(s).reading;
    const k = r.predicateOf[i];
    return k >= 0 ? r.predicates[k] : undefined;
  }

  /** A sentence the learner states as fact about what happened: not an opinion, not about the account. */
  isFactual(s: Sentence): boolean {
    const f = this.of(s);
    return !f.opinion && !f.meta;
  }

  /** Whether word i of a sentence is evidence: not negated, not hypothetical, not inside quotation marks. */
  isEvidenceAt(s: Sentence, i: number): boolean {
    return this.whyNotEvidenceAt(s, i) === undefined;
  }

  /** Why word i of a sentence is not evidence (quoted, hypothetical, negated…), or undefined when it is. */
  whyNotEvidenceAt(s: Sentence, i: number): NotEvidence | undefined {
    const f = this.of(s);
    if (f.quoted.some(([a, b]) => i >= a && i < b)) return 'quoted';
    if (f.hypothetical.some(([a, b]) => i >= a && i < b)) return 'hypothetical';
    if (f.counterfactual.some(([a, b]) => i >= a && i < b)) return 'counterfactual';
    const p = this.predicateAt(s, i);
    if (!p) return undefined;
    if (p.polarity === 'negative') return 'negated';
    // What someone else could or would do ("under our policy she could challenge it") is not the learner's plan.
    if ((p.modality === 'hypothetical' || p.modality === 'hedge') && p.actor !== 'writer' && p.actor !== 'we')
      return undefined;
    return NOT_EVIDENCE.has(p.modality) ? (p.modality as NotEvidence) : undefined;
  }

  tellsOfAction(s: Sentence): boolean {
    const f = this.of(s);
    return f.action >= 0 && !f.opinion && !f.meta;
  }
}
