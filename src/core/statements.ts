/**
 * What a sentence says about the learner: whether it tells of something they did, or is an
 * opinion, a hypothetical ("I would ask…"), a negation ("I did not check…") or talk about the
 * account itself. Stage evidence, the link rule and rubric checks only trust what was done.
 */
import type { Sentence } from './document.js';
import type { Word } from './words.js';

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
  /** Index of the first past-tense verb with the learner (I / we) as subject, or -1. */
  action: number;
  /** Indexes of every such verb. */
  actions: number[];
}

const NEGATORS = new Set([
  'not', 'never', 'no', 'nobody', 'nothing', 'neither', 'nor', 'cannot', 'didn\'t', 'don\'t', 'doesn\'t', 'hadn\'t',
  'hasn\'t', 'haven\'t', 'wasn\'t', 'weren\'t', 'couldn\'t', 'wouldn\'t', 'won\'t', 'can\'t', 'isn\'t', 'aren\'t',
  'shouldn\'t', 'didnt', 'dont', 'hadnt', 'havent', 'wasnt', 'couldnt', 'cant', 'forgot', 'failed', 'without', 'yet',
]);
const CLAUSE_WORDS = new Set(['and', 'but', 'so', 'because', 'while', 'although', 'though', 'which', 'who', 'then', 'when', 'after', 'before', 'until', 'as']);
const MODALS = new Set(['would', 'could', 'might', 'should', "i'd", "we'd"]);
const REPORTING = new Set([
  'told', 'said', 'agreed', 'promised', 'explained', 'confirmed', 'assured', 'arranged', 'decided', 'offered',
  'asked', 'informed', 'warned', 'advised', 'replied', 'answered', 'mentioned', 'suggested', 'stated', 'wrote',
  'emailed', 'texted', 'that', 'guaranteed', 'planned', 'reassured', 'let',
]);
const PERCEPTION = new Set(['see', 'hear', 'tell', 'feel', 'sense', 'understand', 'only']);
const HEDGES = new Set(['like', 'love', 'prefer', 'rather', 'have', "'ve", 'be']);

// Past-tense verbs that are states or thoughts, not actions.
const NOT_ACTIONS = new Set([
  'was', 'were', 'had', 'felt', 'thought', 'believed', 'wanted', 'liked', 'loved', 'hoped', 'wished', 'knew',
  'seemed', 'learned', 'learnt', 'realised', 'realized', 'enjoyed', 'worried', 'joined', 'needed',
  'understood', 'meant', 'decided', 'tried', 'managed', 'included', 'appreciated', 'noticed', 'preferred',
  'tended', 'expected', 'assumed', 'wondered', 'did', 'could', 'would', 'should', 'might', 'must',
]);
const IRREGULAR_PAST = new Set([
  'rang', 'sent', 'told', 'said', 'took', 'made', 'gave', 'spoke', 'wrote', 'got', 'put', 'kept', 'let', 'went',
  'saw', 'came', 'met', 'paid', 'set', 'held', 'brought', 'bought', 'left', 'ran', 'began', 'chose', 'drove',
  'caught', 'sat', 'stood', 'taught', 'dealt', 'sought', 'led', 'sold', 'spent', 'shut', 'hung', 'threw', 'cut',
  'read', 'rebooked', 'found',
]);
const SUBJECT_SKIP = new Set([
  'also', 'then', 'quickly', 'immediately', 'first', 'firstly', 'later', 'just', 'personally', 'still', 'again',
  'straight', 'away', 'promptly', 'carefully', 'calmly', 'politely', 'next', 'finally', 'afterwards', 'eventually',
  'myself', 'both', 'all', 'together', 'initially', 'now', 'only', 'actually', 'clearly',
]);
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'every', 'each', 'one', 'any', 'some', 'another']);
const OBJECT_STARTS = new Set(['a', 'an', 'the', 'her', 'him', 'them', 'it', 'his', 'their', 'our', 'my', 'us', 'me', 'that', 'this', 'what', 'how', 'whether', 'if', 'to', 'up', 'back', 'out', 'round', 'all', 'both', 'some', 'each', 'every', 'an']);
const OPINION_VERBS = new Set(['think', 'feel', 'believe', 'hope', 'reckon', 'guess', 'suppose', 'consider', 'thought', 'felt', 'believed']);

function isPast(w: Word): boolean {
  const l = w.lower;
  if (NOT_ACTIONS.has(l)) return false;
  if (IRREGULAR_PAST.has(l)) return true;
  return l.length >= 4 && l.endsWith('ed') && !/^(?:need|feed|seed|shed|bred|fled|sled|speed|breed|bleed|embed|proceed|exceed|succeed)$/.test(l);
}

export function isNegatedAt(s: Sentence, i: number, prose: string): boolean {
  const ws = s.words;
  if (i > 0 && ws[i - 1].lower === 'without') return true;
  // Negation reaches over coordinated verbs ("I can't split the bill or chase them") to the clause's start.
  for (let k = i - 1; k >= 0 && k >= i - 10; k--) {
    const w = ws[k];
    if (CLAUSE_WORDS.has(w.lower) || /[,;:]/.test(prose.slice(w.end, ws[k + 1].start))) return false;
    if (w.lower !== 'without' && NEGATORS.has(w.lower)) return true;
  }
  return false;
}

function isFirstPerson(w: Word): boolean {
  return w.lower === 'i' || w.lower === 'we';
}

/** True when the words between `from` and `to` hold clause punctuation. */
function punctuationBetween(prose: string, a: Word, b: Word): boolean {
  return /[,;:()–—]/.test(prose.slice(a.end, b.start));
}

export function sentenceFacts(s: Sentence, prose: string): SentenceFacts {
  const ws = s.words;
  const lower = ws.map((w) => w.lower);
  // Openers such as "Overall," or "Looking back," come before the opinion verb.
  let k = 0;
  while (k < ws.length && ['overall', 'looking', 'back', 'on', 'reflection', 'honestly', 'so', 'but', 'and', 'personally', 'now'].includes(lower[k])) k++;
  const opinion =
    (lower[k] === 'i' && (OPINION_VERBS.has(lower[k + 1]) || (lower[k + 1] === 'am' && lower[k + 2] === 'proud'))) ||
    (lower[k] === 'in' && lower[k + 1] === 'my' && (lower[k + 2] === 'opinion' || lower[k + 2] === 'view'));
  const text = prose.slice(s.start, s.end).toLowerCase();
  const meta = /\b(?:this|my) (?:account|reflection|reflective account)\b|\bi am (?:going to )?(?:write|writing|describe|describing)\b|\bi will (?:describe|explain|write)\b/.test(text) && !/\bthis demonstrates\b/.test(text);

  const hypothetical: Array<[number, number]> = [];
  const counterfactual: Array<[number, number]> = [];
  for (let i = 1; i < ws.length; i++) {
    const w = lower[i];
    const modal = MODALS.has(w) ? w : undefined;
    if (!modal) continue;
    if (lower[i + 1] === 'have' || (lower[i + 1] === 'not' && lower[i + 2] === 'have')) {
      let to = i + 2;
      while (to < ws.length && !(CLAUSE_WORDS.has(lower[to]) && lower[to] !== 'as') && !punctuationBetween(prose, ws[to - 1], ws[to])) to++;
      counterfactual.push([Math.max(0, i - 1), to]);
      continue;
    }
    // "I could not give a refund" is what happened; "I could see" is perception, not a plan.
    if (modal === 'could' && (lower[i + 1] === 'not' || PERCEPTION.has(lower[i + 1]))) continue;
    // "so we could talk", "so that I could check": the purpose of something done.
    if (lower[i - 2] === 'so' || (lower[i - 3] === 'so' && lower[i - 2] === 'that') || lower[i - 2] === 'that' && lower[i - 3] === 'order') continue;
    let subj = i - 1;
    if (modal !== "i'd" && modal !== "we'd") {
      while (subj > 0 && ['always', 'also', 'then', 'probably', 'definitely', 'usually', 'still'].includes(lower[subj])) subj--;
      if (!isFirstPerson(ws[subj])) continue;
    } else subj = i;
    // "I think we could improve…" suggests a change for the team; it does not stand in for what happened.
    if (opinion && lower[subj] === 'we') continue;
    const after = lower[i + 1];
    if (after && HEDGES.has(after)) continue; // "I would like", "I should have", "I could be"
    if (after === 'not' && lower[i + 2] === 'have') continue;
    // Reported promises and agreements ("I told her I would…", "we agreed that I would…") and
    // consequences ("otherwise we would…") are fine.
    let reported = false;
    // In "If he asked me…, I would…" the reporting verb belongs to the condition.
    const conditional = lower[0] === 'if' || lower[0] === 'whenever';
    for (let j = subj - 1; j >= 0 && !conditional; j--) {
      if (REPORTING.has(lower[j]) || lower[j] === 'otherwise' || lower[j] === 'or') {
        reported = true;
        break;
      }
    }
    if (reported) continue;
    // The hypothetical runs from an opening "If …" (or the subject) to the clause's end.
    let from = subj;
    if (lower[0] === 'if' || lower[0] === 'whenever' || lower[0] === 'when') from = 0;
    else if (!lower.slice(0, subj).some((x) => x === 'i' || x === 'we')) from = 0;
    let to = i + 1;
    while (to < ws.length && !['because', 'as', 'since', 'so'].includes(lower[to]) && !(to > i + 1 && punctuationBetween(prose, ws[to - 1], ws[to]) && /[;:(]/.test(prose.slice(ws[to - 1].end, ws[to].start)))) to++;
    const last = hypothetical[hypothetical.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else hypothetical.push([from, to]);
  }

  const actions: number[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (!isFirstPerson(ws[i])) continue;
    let j = i + 1;
    while (j < ws.length && j <= i + 3 && SUBJECT_SKIP.has(lower[j])) j++;
    const v = ws[j];
    if (!v || !isPast(v)) continue;
    // A subject inside a relative clause ("a complaint I handled in January") is not the learner
    // acting; "before the event I held a call" is, because the verb takes an object.
    if (i >= 2 && DETERMINERS.has(lower[i - 2]) && !punctuationBetween(prose, ws[i - 1], ws[i]) && !OBJECT_STARTS.has(lower[j + 1] ?? '')) continue;
    const next = lower[j + 1] ?? '';
    if (v.lower === 'used' && next === 'to') continue;
    // "I worked as a receptionist" is background; "I worked out what he needed" is an action.
    if (v.lower === 'worked' && next !== 'out' && next !== 'through') continue;
    // "I found it hard", "I found that…" report a view; "I found the request" is an action.
    if (v.lower === 'found' && ['it', 'that', 'this', 'myself'].includes(next)) continue;
    // Improving one's own skills is personal development, not service to a customer.
    if (['improved', 'developed', 'learned'].includes(v.lower) && (next === 'my' || next === 'myself')) continue;
    if (hypothetical.some(([a, b]) => j >= a && j < b)) continue;
    if (counterfactual.some(([a, b]) => j >= a && j < b)) continue;
    if (isNegatedAt(s, j, prose)) continue;
    actions.push(j);
  }
  return { opinion, meta, hypothetical, counterfactual, quoted: quotedSpans(s, prose), action: actions.length ? actions[0] : -1, actions };
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

/** Facts for every sentence, computed once per analysis. */
export class Statements {
  private readonly cache = new Map<Sentence, SentenceFacts>();
  constructor(private readonly prose: string) {}

  of(s: Sentence): SentenceFacts {
    let f = this.cache.get(s);
    if (!f) {
      f = sentenceFacts(s, this.prose);
      this.cache.set(s, f);
    }
    return f;
  }

  /** A sentence the learner states as fact about what happened: not an opinion, not about the account. */
  isFactual(s: Sentence): boolean {
    const f = this.of(s);
    return !f.opinion && !f.meta;
  }

  /** Whether word i of a sentence is evidence: not negated, not hypothetical, not inside quotation marks. */
  isEvidenceAt(s: Sentence, i: number): boolean {
    const f = this.of(s);
    if (f.quoted.some(([a, b]) => i >= a && i < b)) return false;
    if (f.hypothetical.some(([a, b]) => i >= a && i < b)) return false;
    if (f.counterfactual.some(([a, b]) => i >= a && i < b)) return false;
    return !isNegatedAt(s, i, this.prose);
  }

  tellsOfAction(s: Sentence): boolean {
    const f = this.of(s);
    return f.action >= 0 && !f.opinion && !f.meta;
  }
}
