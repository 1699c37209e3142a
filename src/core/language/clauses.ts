/**
 * The clause reader: for each clause of a sentence, who acts (the writer, "we", someone else), the
 * verb and its kind (an action, a life event, a state, a report, watching someone else), tense,
 * polarity, modality and whether it tells of one occasion or a habit. Stage evidence, the link
 * rule, hypotheticals and standards are decided on these facts rather than on word lists alone.
 *
 * It is a small rule-based reader over compromise's lexicon (see lexicon.ts): one pass over the
 * words, no allocation per word beyond the result, so it costs a fraction of a Markdown parse.
 */
import { GAP_CLAUSE, GAP_COLON, GAP_HYPHEN, GAP_QUOTE, type Word } from '../words.js';
import { classes, lexOf, markers, NO_LEX, verbLists, verbOf, type Lex, type VerbEntry } from './lexicon.js';

export type Actor = 'writer' | 'we' | 'other' | 'none';
export type Tense = 'past' | 'past-perfect' | 'present' | 'future' | 'modal';
export type Polarity = 'positive' | 'negative';
export type Modality =
  | 'none'
  | 'hypothetical'
  | 'counterfactual'
  | 'reported'
  | 'hedge'
  | 'expectation'
  | 'purpose'
  | 'ability'
  | 'consequence';
export type Genericity = 'particular' | 'habitual' | 'generic';
export type VerbKind = 'action' | 'life-event' | 'state' | 'reporting' | 'observation' | 'perception';

export interface Predicate {
  /** Word index of the main verb. */
  verb: number;
  infinitive: string;
  /** Word index of the subject, or -1 (inherited, or none). */
  subject: number;
  actor: Actor;
  tense: Tense;
  polarity: Polarity;
  modality: Modality;
  genericity: Genericity;
  kind: VerbKind;
  /** Inside a relative clause ("the complaint I handled", "a colleague who carried out…"). */
  relative: boolean;
  /** A clause hanging from another verb ("I told her [I would ring]"), not a sentence-level one. */
  embedded: boolean;
  /** Read as a habit only because it is in the present with no sign of one occasion: a present-tense story turns it particular. */
  byTenseOnly: boolean;
  /** In the condition of a conditional sentence ("If she asked me…"). */
  condition: boolean;
  /** The habit is stated outright ("always", "every time", "whenever", "used to"), not only read from the present tense. */
  marked: boolean;
  /** The clause's word span [from, to). */
  from: number;
  to: number;
}

export interface Reading {
  /** The sentence's words in lower case. */
  lower: string[];
  predicates: Predicate[];
  /** For every word, the index of the predicate whose clause holds it, or -1. */
  predicateOf: number[];
}

export interface ReadingContext {
  /** The sentence's block tells of a particular occasion ("last week", "a lady came in"). */
  occasion: boolean;
}

const TIME_NOUNS = new Set([
  'week',
  'month',
  'year',
  'day',
  'morning',
  'afternoon',
  'evening',
  'night',
  'time',
  'today',
  'yesterday',
  'weekend',
  'shift',
  'tomorrow',
  'moment',
  'minute',
  'hour',
]);
const OPINION = new Set(['think', 'feel', 'believe', 'hope', 'reckon', 'guess', 'suppose']);
const CLOCK_TIME = /^\d{1,2}(?:[.:]\d{2})?(?:am|pm)$|^\d{1,2}[.:]\d{2}$/;
const COPULAR = new Set([
  'stay',
  'remain',
  'become',
  'seem',
  'look',
  'sound',
  'get',
  'feel',
  'keep',
  'go',
  'turn',
  'grow',
]);
const HAVE = new Set(['have', 'has', 'had', "'ve", 'having']);
const BE_PRESENT = new Set(['am', 'is', 'are', "'m", "'re"]);
const BE_PAST = new Set(['was', 'were']);
const BE_OTHER = new Set(['be', 'been', 'being']);
const DO = new Set(['do', 'does', 'did']);
const PARTICLES = new Set([
  'up',
  'out',
  'back',
  'down',
  'off',
  'over',
  'round',
  'around',
  'in',
  'on',
  'through',
  'away',
]);
const OBJECT_STARTS = new Set([
  'a',
  'an',
  'the',
  'her',
  'him',
  'them',
  'it',
  'his',
  'their',
  'our',
  'my',
  'us',
  'me',
  'that',
  'this',
  'what',
  'how',
  'whether',
  'if',
  'to',
  'up',
  'back',
  'out',
  'round',
  'all',
  'both',
  'some',
  'each',
  'every',
]);
const SAYING_COMPLEMENT = new Set([
  'that',
  'i',
  'we',
  'she',
  'he',
  'they',
  'it',
  "i'd",
  "we'd",
  "i'll",
  "we'll",
  "she'd",
  "he'd",
  "they'd",
]);
const THOUGHT = new Set([
  'think',
  'feel',
  'believe',
  'say',
  'suggest',
  'hope',
  'expect',
  'worry',
  'fear',
  'concern',
  'agree',
  'ask',
  'wonder',
  'decide',
  'plan',
  'arrange',
  'promise',
  'offer',
  'tell',
  'ask',
  'explain',
  'confirm',
  'assure',
  'reassure',
  'mention',
  'reply',
  'guarantee',
  'warn',
  'inform',
  'advise',
  'write',
  'state',
  'text',
  'email',
  'know',
  'check',
  'make-sure',
  'understand',
]);

interface Aux {
  modal?: string;
  have?: string;
  be?: string;
  do?: string;
  going?: boolean;
  negative: boolean;
  to?: boolean;
  /** "was able to" (it happened) or "am able to" (an ability). */
  able?: 'past' | 'present';
}

function has(forms: string, code: string): boolean {
  return forms.includes(code);
}

/** Index of the next word after i that is not an adverb or a negator ("had already booked", "is still used"). */
function nextContent(ws: readonly Word[], i: number): number {
  let k = i + 1;
  while (k < ws.length && (ws[k].lex.adverb || ws[k].lex.negators)) k++;
  return k;
}

/** Whether the word can start a new clause here (conjunctions are ambiguous: "so quickly", "that day"). */
function opensClause(ws: readonly Word[], lower: readonly string[], i: number): boolean {
  const w = lower[i];
  if (!ws[i].lex.clauseOpeners) return false;
  const next = lower[i + 1] ?? '';
  // The next word's classes, looked up once when the word was read (words.ts).
  const nx = ws[i + 1]?.lex ?? NO_LEX;
  if (w === 'that')
    return nx.subject !== undefined || nx.nominative || nx.determiner || (nx.verb !== undefined && !nx.noun);
  if (w === 'as') return nx.subject !== undefined || nx.nominative || nx.determiner;
  if (w === 'like') return nx.nominative; // "like we said"; not "I would like", "like a lot"
  if (w === 'so')
    return nx.subject !== undefined || nx.nominative || next === 'that' || next === 'then' || nx.determiner;
  // "after I rang" opens a clause; "after us", "before lunch" do not.
  if (
    w === 'once' ||
    w === 'since' ||
    w === 'before' ||
    w === 'after' ||
    w === 'until' ||
    w === 'till' ||
    w === 'untill'
  )
    return nx.nominative || nx.determiner;
  return true;
}

function catenativeKey(inf: string, lower: readonly string[], i: number): string {
  if (inf === 'go' && lower[i + 1] === 'on') return 'go-on';
  return inf;
}

/** Reads every clause of a sentence's words. */
export function readSentence(ws: readonly Word[], context: ReadingContext): Reading {
  const n = ws.length;
  const lower: string[] = [];
  const predicateOf: number[] = [];
  for (let k = 0; k < n; k++) {
    lower.push(ws[k].lower);
    predicateOf.push(-1);
  }
  // A word's classes and verb reading, looked up once when the word was read (words.ts); nothing past either end.
  const lx = (k: number): Lex => ws[k]?.lex ?? NO_LEX;
  const predicates: Predicate[] = [];

  // Clause starts: clause punctuation or quotation marks before a word, or a clause-opening word.
  const starts: number[] = [0];
  for (let i = 1; i < n; i++) {
    const prev = lower[i - 1];
    const breaks =
      (ws[i].gap & (GAP_CLAUSE | GAP_QUOTE)) !== 0 ||
      (lx(i).clauseOpeners &&
        opensClause(ws, lower, i) &&
        !(lower[i] === 'then' && (markers.subjects.get(prev) || markers.modals.has(prev))) &&
        !(lower[i] === 'that' && prev === 'so')) ||
      // A new subject straight after other words starts a clause: "I told her I would ring", "things they think I could do".
      ((lx(i).nominative ||
        (lower[i] === 'it' && (lx(i + 1).modals || lower[i + 1] === 'was' || lower[i + 1] === 'had'))) &&
        (lower[i] !== 'id' || lx(i + 1).verb !== undefined) &&
        !markers.clauseOpeners.has(prev) &&
        (!classes.preposition.has(prev) || PARTICLES.has(prev)) &&
        prev !== 'than' &&
        prev !== 'me' &&
        prev !== 'and') ||
      // "I told her the repair centre will text her": a noun phrase with a modal after it, following a verb's object.
      // "I checked the service had confirmed": the same after a verb of saying, checking or seeing.
      (i > 1 &&
        lx(i).determiner &&
        lower[i] !== 'that' &&
        (lx(i - 1).pronoun || COMPLEMENT_VERBS.has(lx(i - 1).verb?.infinitive ?? '')) &&
        !lx(i - 1).preposition &&
        auxWithin(lower, i + 1, 3));
    if (breaks && starts[starts.length - 1] !== i) starts.push(i);
  }
  const habitInSentence = markers.habit.any(lower, 0, n);
  // "Every time a customer rings…, I ask…", "Whenever…": a habit that opens the sentence governs all of it.
  const habitOpening = markers.habit.at(lower, 0);
  // A clock time ("I send the form at 2.15pm") pins a present-tense sentence to one occasion.
  const narrative =
    context.occasion || markers.narrative.any(lower, 0, n) || ws.some((w) => w.num && CLOCK_TIME.test(w.lower));
  // "If…", "Whenever…", and the inverted "Should a customer complain, …".
  const conditionalOpening =
    lower[0] === 'if' ||
    lower[0] === 'whenever' ||
    lower[0] === 'when' ||
    lower[0] === 'unless' ||
    (lower[0] === 'should' && !markers.subjects.get(lower[1]));

  for (let c = 0; c < starts.length; c++) {
    const from = starts[c];
    const to = c + 1 < starts.length ? starts[c + 1] : n;
    // A short label before a colon ("Action plan:", "Feelings:") is a heading inside the sentence, not a clause.
    if (to - from <= 3 && to < n && (ws[to].gap & GAP_COLON) !== 0) continue;
    const opener = lx(from).clauseOpeners && opensClause(ws, lower, from) ? lower[from] : '';
    let i = opener ? from + 1 : from;
    // The condition of a conditional sentence: its verbs govern nothing that follows.
    const condition = (c === 0 && conditionalOpening && lower[0] !== 'when') || markers.conditionals.has(opener);
    if (c === 0 && lower[0] === 'should' && conditionalOpening) i = 1;
    if (opener === 'so' && lower[i] === 'that') i++;
    let subject = -1;
    let actor: Actor = 'none';
    let afterPreposition = false;
    let prepositionObject = false;
    const aux: Aux = {
      modal: undefined,
      have: undefined,
      be: undefined,
      do: undefined,
      going: false,
      negative: false,
      to: false,
      able: undefined,
    };
    let verb = -1;
    let entry: VerbEntry | undefined;
    let passive = false;
    let skipped = 0;
    for (; i < to; i++) {
      const w = lower[i];
      if (verb < 0 && subject < 0 && (w === 'then' || w === 'also' || w === 'just' || w === 'immediately')) {
        skipped++;
        continue;
      }
      const split = lx(i).contraction;
      // "id" is "I'd" only before a verb ("id say"), not "her ID".
      const idOk = w !== 'id' || (i === from && (lx(i + 1).verb !== undefined || lx(i + 1).adverb));
      if (split && idOk && subject < 0 && verb < 0) {
        subject = i;
        actor = markers.subjects.get(split[0]) ?? 'other';
        const a = split[1];
        if (a === "'d") aux.modal = "'d";
        else if (a === 'will') aux.modal = 'will';
        else if (HAVE.has(a)) aux.have = a;
        else aux.be = a;
        continue;
      }
      const negAux = lx(i).negatedAuxiliary;
      if (negAux) {
        aux.negative = true;
        if (negAux === 'do') aux.do = w.startsWith('did') ? 'did' : 'do';
        else if (negAux === 'have') aux.have = w.startsWith('had') ? 'had' : 'have';
        else if (negAux === 'be') aux.be = w.startsWith('was') || w.startsWith('were') ? 'was' : 'is';
        else aux.modal = negAux;
        continue;
      }
      if (lx(i).negators) {
        if (subject >= 0 || aux.modal || aux.do || aux.have || aux.be || verb >= 0) aux.negative = true;
        if (w === 'no' && lower[i + 1] === 'longer') i++;
        continue;
      }
      if (subject < 0 && verb < 0 && !aux.modal && !aux.have && !aux.be && !aux.do) {
        const who = lx(i).subject;
        if (who && w !== 'that' && w !== 'this' && !(w === 'it' && i > from && !afterPreposition && false)) {
          if (!afterPreposition || w === 'i' || w === 'we') {
            subject = i;
            actor = who;
            // "My colleague and I", "me and Sam": the writer with someone else.
            if (
              (w === 'i' || w === 'me') &&
              lower[i - 1] === 'and' &&
              i - 1 === from &&
              c > 0 &&
              (ws[from].gap & GAP_CLAUSE) === 0 &&
              !lx(starts[c - 1]).clauseOpeners &&
              !lx(starts[c - 1]).preposition &&
              !predicates.some((p) => p.from === starts[c - 1])
            )
              actor = 'we';
            if (w === 'me' && lower[i + 1] === 'and') actor = 'we';
            continue;
          }
        }
        if (lx(i).preposition && w !== 'to') {
          afterPreposition = true;
          prepositionObject = false;
          continue;
        }
        // "In March a tenant phoned": the phrase after the preposition ends where a new noun phrase begins.
        if (afterPreposition && prepositionObject && lx(i).determiner) afterPreposition = false;
        const ve = lx(i).verb;
        // "…and ring the customer back": with no subject of its own, a coordinated clause starts with its verb.
        const coordinated =
          c > 0 &&
          predicates.length > 0 &&
          (opener === '' || markers.coordinators.has(opener)) &&
          i === (opener ? from + 1 : from) + skipped &&
          lower[i + 1] !== 'of';
        if (!(coordinated && ve && (has(ve.forms, 'I') || has(ve.forms, 'P') || has(ve.forms, 'S')))) {
          if (lx(i).determiner || lx(i).adjective) continue;
          const nounish = lx(i).noun || lx(i).actor || isCapital(ws[i].text);
          if (nounish && !(ve && has(ve.forms, 'P') && !lx(i).noun)) {
            // A noun before any verb is the subject, unless it sits in a phrase such as "in the morning".
            if (!afterPreposition) {
              subject = i;
              actor = 'other';
            } else prepositionObject = true;
            continue;
          }
        }
      }
      if (verb < 0) {
        if (lx(i).modals && !(w === 'will' && lx(i - 1).determiner)) {
          aux.modal = w;
          continue;
        }
        // "should of checked", "must of taken": "of" written for "have".
        if ((HAVE.has(w) || (w === 'of' && aux.modal)) && lx(nextContent(ws, i)).verb?.forms.includes('N')) {
          aux.have = w === 'of' ? 'have' : w;
          continue;
        }
        if (w === 'going' && lower[i + 1] === 'to' && (aux.be || subject >= 0)) {
          aux.going = true;
          aux.be = undefined; // "are going to": the "be" belongs to "going to", not to the verb
          i++;
          continue;
        }
        if (BE_PRESENT.has(w) || BE_PAST.has(w) || BE_OTHER.has(w)) {
          const nc = nextContent(ws, i);
          const next = lower[nc] ?? '';
          const nv = lx(nc).verb;
          if (
            (nv && (has(nv.forms, 'G') || (has(nv.forms, 'N') && (!lx(nc).adjective || has(nv.forms, 'P'))))) ||
            next === 'going'
          ) {
            aux.be = w;
            continue;
          }
          // "I was able to answer", "I am able to process".
          if (lower[i + 1] === 'able' && lower[i + 2] === 'to' && lx(i + 3).verb?.forms.includes('I')) {
            aux.able = BE_PAST.has(w) ? 'past' : 'present';
            i += 2;
            continue;
          }
        }
        if (DO.has(w) && (lx(i + 1).verb || lx(i + 1).negators)) {
          aux.do = w;
          continue;
        }
        if (w === 'to' && (aux.modal || aux.going || aux.able)) continue;
        if (w === 'be' && aux.modal && lx(nextContent(ws, i)).verb?.forms.match(/[GN]/)) {
          aux.be = 'be';
          continue;
        }
        if (
          lx(i).adverb ||
          w === 'then' ||
          w === 'also' ||
          w === 'just' ||
          w === 'always' ||
          w === 'never' ||
          w === 'still'
        )
          continue;
        let ve = lx(i).verb;
        if (!ve) {
          if (w.endsWith('ly')) continue; // an adverb the lexicon lacks
          // After "I", a modal, "did" or "to", a word the lexicon does not know is most likely a verb ("I liaise", "would escalate").
          const slot =
            Boolean(aux.modal || aux.do || aux.going) || (subject >= 0 && i - 1 === subject && actor !== 'other');
          if (
            !slot ||
            !/^[a-z]+$/.test(w) ||
            lx(i).noun ||
            lx(i).adjective ||
            lx(i).preposition ||
            lx(i).determiner ||
            lx(i).pronoun
          )
            continue;
          ve = { infinitive: w, forms: 'I' };
        }
        // "the repair centre will…": a noun straight after a noun subject, before a verb group, is part of the subject.
        if (
          subject === i - 1 &&
          actor === 'other' &&
          lx(i).noun &&
          !aux.modal &&
          !aux.have &&
          !aux.be &&
          !aux.do &&
          (lx(i + 1).modals || FINITE_AUX.has(lower[i + 1] ?? ''))
        ) {
          subject = i;
          continue;
        }
        // A hyphen-joined word is part of a compound ("check-out", "follow-up call"), not a verb.
        if (i + 1 < n && (ws[i + 1].gap & GAP_HYPHEN) !== 0) continue;
        if ((ws[i].gap & GAP_HYPHEN) !== 0) continue;
        const prev = lower[i - 1] ?? '';
        if (classes.determiner.has(prev) && !(prev === 'that' && subject >= 0)) continue; // "the check", "a ring"
        if (prev === 'to' && !(aux.modal || aux.going || aux.able)) continue; // "to ring" without a catenative: a purpose, handled below
        const needsBase = Boolean(aux.modal || aux.do || aux.going || aux.able) && !aux.have && !aux.be;
        // "I'd already emailed it": here 'd is "had".
        if (aux.modal === "'d" && has(ve.forms, 'N') && !has(ve.forms, 'I')) {
          aux.modal = undefined;
          aux.have = 'had';
        } else if (needsBase && !has(ve.forms, 'I')) {
          if (!(aux.modal && HAVE.has(w))) continue;
        }
        if (aux.have && !needsBase && !has(ve.forms, 'N')) continue;
        // After a form of "be" only a gerund or a participle is the verb ("I'm on the billing team").
        if (aux.be && !needsBase && !aux.have && !has(ve.forms, 'G') && !has(ve.forms, 'N')) continue;
        if (
          !needsBase &&
          !aux.have &&
          !aux.be &&
          subject < 0 &&
          opener === '' &&
          c === 0 &&
          !has(ve.forms, 'P') &&
          !has(ve.forms, 'S')
        ) {
          // A sentence opening with a bare verb is an instruction or a heading-like fragment.
        }
        if (aux.be && has(ve.forms, 'N') && !has(ve.forms, 'G')) passive = true;
        // "I rung her back", "we seen it": a participle standing for the past after a pronoun is the verb.
        if (
          !needsBase &&
          !aux.have &&
          !aux.be &&
          subject >= 0 &&
          subject === i - 1 - skippedAdverbs(lower, subject, i) &&
          !has(ve.forms, 'P') &&
          !has(ve.forms, 'I') &&
          !has(ve.forms, 'S') &&
          !has(ve.forms, 'N')
        )
          continue;
        if (
          !needsBase &&
          !aux.have &&
          !aux.be &&
          subject >= 0 &&
          actor !== 'other' &&
          !has(ve.forms, 'P') &&
          !has(ve.forms, 'I') &&
          !has(ve.forms, 'S') &&
          !(has(ve.forms, 'N') && markers.subjects.get(lower[subject]))
        )
          continue;
        // A noun that could be a verb ("a ring", "the survey") after a subject noun phrase is usually
        // still the verb ("the customer rang"), but with no subject and no auxiliary it needs a past or present form.
        verb = i;
        entry = ve;
        break;
      }
    }
    if (verb < 0) continue;

    // Catenative verbs: "managed to explain", "forgot to log", "are going to change", "used to".
    let effect: 'past' | 'negative' | 'future' | 'habit' | 'reported' | undefined;
    let inf = entry!.infinitive;
    let verbIndex = verb;
    let verbEntry = entry!;
    const key = catenativeKey(inf, lower, verb);
    const toAt = key === 'go-on' ? verb + 2 : verb + 1;
    const cat =
      verbLists.catenative.get(key) ??
      (inf === 'like' && (aux.modal === 'would' || aux.modal === "'d")
        ? verbLists.catenative.get('would-like')
        : undefined);
    if (cat && lower[toAt] === 'to' && !passive) {
      const complement = lx(toAt + 1).verb;
      if (complement && has(complement.forms, 'I')) {
        effect = cat;
        verbIndex = toAt + 1;
        verbEntry = complement;
        inf = complement.infinitive;
      }
    }
    const vw = lower[verbIndex];

    // Actor: the clause's subject, else the previous clause's when coordinated ("…and rang her back").
    let inherited: Predicate | undefined;
    if (subject < 0) {
      // "I remembered it was her birthday and asked…": a coordinated verb joins the clause the embedded one hangs from.
      let last = predicates[predicates.length - 1];
      // A bare verb ("…can't split the bill or chase them") stays in the embedded clause, with its modal and negation.
      const finitePast = has(verbEntry.forms, 'P') && !has(verbEntry.forms, 'I');
      for (let k = predicates.length - 1; finitePast && k > 0 && last && last.embedded; k--) last = predicates[k - 1];
      if (markers.relativePronouns.has(opener) && opener !== 'that') actor = 'other';
      else if (last && (opener === '' || markers.coordinators.has(opener))) {
        actor = last.actor;
        inherited = last;
      }
    }
    if (passive) actor = 'none';
    let relative = markers.relativePronouns.has(opener) && (opener !== 'that' || subject < 0);
    // "a complaint I handled in January": a subject straight after "determiner + noun", with no object after the verb.
    const before = lower[subject - 1] ?? '';
    if (
      !relative &&
      subject >= 1 &&
      subject === from &&
      (ws[subject].gap & GAP_CLAUSE) === 0 &&
      !TIME_NOUNS.has(before) &&
      (lx(subject - 1).noun || (!lx(subject - 1).verb && !lx(subject - 1).adverb && !lx(subject - 1).subject)) &&
      (subject === 1 || lx(subject - 2).determiner || lx(subject - 2).adjective) &&
      !OBJECT_STARTS.has(lower[verbIndex + 1] ?? '')
    )
      relative = true;

    // Tense.
    let tense: Tense;
    const form = verbEntry.forms;
    if (aux.going || effect === 'future') tense = 'future';
    else if (aux.modal === 'will' || aux.modal === 'shall') tense = 'future';
    else if (aux.modal === "'d" && has(form, 'N') && !has(form, 'I')) tense = 'past-perfect';
    else if (aux.modal) tense = 'modal';
    else if (aux.able) tense = aux.able;
    else if (aux.have) tense = aux.have === 'had' ? 'past-perfect' : 'present';
    else if (aux.do) tense = aux.do === 'did' ? 'past' : 'present';
    else if (aux.be) tense = BE_PAST.has(aux.be) || aux.be === 'was' ? 'past' : 'present';
    else if (effect === 'past' || effect === 'habit')
      tense = lower[verb] && lx(verb).verb?.forms.includes('P') ? 'past' : 'present';
    else if (
      has(lower[verb] === vw ? form : lx(verb).verb!.forms, 'P') ||
      (!has(form, 'I') && !has(form, 'S') && has(form, 'N'))
    )
      tense = 'past';
    else tense = 'present';
    if (effect === 'reported' && lx(verb).verb?.forms.includes('P')) tense = 'past';
    // "We keep the files locked and shred old ones": a form that is both present and past takes the tense of the verb it is coordinated with.
    if (
      inherited &&
      !aux.modal &&
      !aux.do &&
      !aux.have &&
      !aux.be &&
      has(form, 'I') &&
      has(form, 'P') &&
      tense === 'past' &&
      inherited.tense === 'present'
    )
      tense = 'present';
    // "…and apologise": a bare verb coordinated with a modal or future verb shares its tense and mood.
    if (
      inherited &&
      !aux.modal &&
      !aux.do &&
      !aux.have &&
      !aux.be &&
      has(form, 'I') &&
      !has(form, 'P') &&
      (inherited.tense === 'modal' || inherited.tense === 'future')
    )
      tense = inherited.tense;

    // Polarity.
    let polarity: Polarity = aux.negative || effect === 'negative' ? 'negative' : 'positive';
    if (lower[verbIndex - 1] === 'without' || lower[verb - 1] === 'without') polarity = 'negative';
    if (
      inherited &&
      !aux.modal &&
      !aux.do &&
      !aux.have &&
      !aux.be &&
      has(form, 'I') &&
      !has(form, 'P') &&
      inherited.polarity === 'negative' &&
      (opener === 'or' || opener === 'nor')
    )
      polarity = 'negative';

    // Modality.
    let modality: Modality = 'none';
    const m = aux.modal;
    if (m && tense === 'modal') {
      const next = lower[verbIndex + 1] ?? '';
      if (aux.have || (HAVE.has(vw) && verbOf(next)?.forms.includes('N') && !classes.determiner.has(next))) {
        // "If she had not got a place I would have…" imagines another outcome: hypothetical, like "I would…".
        modality =
          conditionalOpening && !condition && (m === 'would' || m === "'d") ? 'hypothetical' : 'counterfactual';
      } else if (m === 'could' && (verbLists.perceptionAfterCould.has(inf) || aux.negative)) {
        modality = 'none';
        tense = 'past';
      } else if (m === 'can' || (m === 'may' && false)) modality = 'ability';
      else if (m === 'must') modality = 'none';
      else if (m === 'should' && (verbLists.expected.has(inf) || actor === 'other' || actor === 'none'))
        modality = 'expectation';
      else if (
        (m === 'would' || m === "'d") &&
        (actor === 'writer' || actor === 'we') &&
        verbLists.hedges.has(inf) &&
        !HAVE.has(vw)
      )
        modality = 'hedge';
      // "Maybe we could highlight the dates", "we might try a rota": a suggestion for the team, not a stand-in for what happened.
      else if (
        (m === 'could' || m === 'might' || m === 'may') &&
        !conditionalOpening &&
        (actor === 'we' || lower.includes('maybe') || lower.includes('perhaps'))
      )
        modality = 'hedge';
      else modality = 'hypothetical';
    } else if (m === 'can') modality = 'ability';
    if (aux.able === 'present') modality = 'ability';
    if (inherited && modality === 'none' && tense === 'modal') modality = inherited.modality;
    if (effect === 'reported') modality = 'reported';
    // "I would make sure I listened… and showed empathy": what hangs from a hypothetical, or joins it with no
    // subject of its own, is imagined too.
    const unreal = (p: Predicate | undefined) =>
      p !== undefined &&
      (p.actor === 'writer' || p.actor === 'we') &&
      (p.modality === 'hypothetical' || p.modality === 'counterfactual');
    if (modality === 'none' && !aux.modal && (actor === 'writer' || actor === 'we')) {
      const previous = predicates[predicates.length - 1];
      if (subject < 0 && inherited && unreal(inherited)) modality = inherited.modality;
      else if (subject >= 0 && opener === '' && c > 0 && (ws[from].gap & GAP_CLAUSE) === 0 && unreal(previous))
        modality = previous!.modality;
    }
    if (effect === 'future' && (inf === 'want' || inf === 'hope')) modality = 'none';

    // A modal or future under a verb of saying, agreeing or thinking is reported: "I told her I would ring",
    // "things they think I could do better". A consequence ("otherwise we would…") or a purpose ("so I could check") is not a plan.
    if (modality === 'hypothetical' || modality === 'hedge' || tense === 'future' || modality === 'expectation') {
      // The nearest verb of saying or thinking before the clause governs it, unless a condition stands between them
      // ("Action plan: if a customer was upset I would…"), which makes the modal a hypothetical of its own.
      let governing: Predicate | undefined;
      for (let k = predicates.length - 1; k >= 0 && !governing; k--) {
        const p = predicates[k];
        // An imagined verb ("I would tell him…, and I would give…") reports nothing.
        if (p.verb >= from || p.condition || p.modality === 'hypothetical' || p.modality === 'counterfactual') continue;
        if (
          p.kind === 'reporting' ||
          THOUGHT.has(p.infinitive) ||
          (p.infinitive === 'be' && beThought(lower[p.verb + 1] ?? ''))
        )
          governing = p;
      }
      if (
        governing &&
        governing.kind !== 'reporting' &&
        predicates.some((p) => p.condition && p.verb > governing!.verb && p.verb < from)
      )
        governing = undefined;
      // A clause joined on after a comma (", and I would give…") is the writer's own, not part of what was said;
      // without one ("we agreed that they would bring it and I would update…") it goes on with what was said.
      if (markers.coordinators.has(opener) && subject >= 0 && (ws[from].gap & GAP_CLAUSE) !== 0) governing = undefined;
      // "I think we could do a survey" suggests a change; "I think I would ask her" is still the writer's hypothetical.
      const thinksOther =
        governing &&
        (governing.kind === 'reporting' ||
          governing.actor !== 'writer' ||
          !OPINION.has(governing.infinitive) ||
          actor === 'we');
      if (opener === 'otherwise' || (opener === 'or' && lower[from + 1] === 'else') || lower[from - 1] === 'otherwise')
        modality = 'consequence';
      else if (
        (opener === 'so' ||
          (opener === 'that' && lower[from - 1] === 'so') ||
          (lower[from] === 'so' && lower[from + 1] === 'that') ||
          (lower[from - 2] === 'in' && lower[from - 1] === 'order')) &&
        modality === 'hypothetical'
      )
        modality = 'purpose';
      else if (governing && thinksOther && modality !== 'expectation') modality = 'reported';
      else if (lower.slice(Math.max(0, from - 1), verbIndex).includes('otherwise')) modality = 'consequence';
    }
    // "If he asked me…, I would…": the condition's verb is hypothetical too.
    if (
      c === 0 &&
      conditionalOpening &&
      lower[0] === 'if' &&
      tense !== 'future' &&
      predicates.length === 0 &&
      starts.length > 1
    ) {
      // Decided once the main clause is read (below).
    }

    // Kind of verb.
    let kind: VerbKind = 'action';
    // The two words after the verb (undefined past the end).
    const after0 = lower[verbIndex + 1];
    const after1 = lower[verbIndex + 2];
    if (verbLists.observation.has(inf) || (inf === 'sit' && after0 === 'in') || (inf === 'listen' && after0 === 'in'))
      kind = 'observation';
    else if (inf === 'find' && ['it', 'that', 'this', 'myself', 'out'].includes(after0 ?? '') && after0 !== 'out')
      kind = 'state';
    else if (COPULAR.has(inf) && lx(verbIndex + 1).adjective && !lx(verbIndex + 1).noun)
      kind = 'state'; // "I stayed calm", "she got upset"
    else if (
      verbLists.state.has(inf) &&
      !(inf === 'have' && (after0 === 'a' || after0 === 'an') && tense !== 'present')
    )
      kind = 'state';
    else if (
      verbLists.reporting.has(inf) &&
      (SAYING_COMPLEMENT.has(after0 ?? '') ||
        (SAYING_COMPLEMENT.has(after1 ?? '') && !OBJECT_STARTS.has(after1 ?? '')) ||
        (ws[verbIndex + 1] && (ws[verbIndex + 1].gap & GAP_QUOTE) !== 0) ||
        (verbIndex + 1 < n && (ws[verbIndex + 1].gap & GAP_CLAUSE) !== 0 && (ws[verbIndex + 1].gap & GAP_QUOTE) !== 0))
    )
      kind = 'reporting';
    else if (verbLists.perception.has(inf) && !(inf === 'hear' && after1 === 'out'))
      kind =
        inf === 'hear' && ((after0 === 'the' && after1 === 'news') || after0 === 'about' || after0 === 'that')
          ? 'life-event'
          : 'perception';
    else if (verbLists.lifeEventAlways.has(inf)) kind = 'life-event';
    else if (verbLists.lifeEvent.has(inf)) {
      let k = verbIndex + 1;
      while (
        k < n &&
        k <= verbIndex + 2 &&
        PARTICLES.has(lower[k]) &&
        inf !== 'end' &&
        !(inf === 'get' && lower[k] === 'in')
      )
        k++;
      const life =
        verbLists.lifeEventNext.at(lower, verbIndex + 1) ||
        (k !== verbIndex + 1 && verbLists.lifeEventNext.at(lower, k));
      const action = verbLists.actionNext.at(lower, verbIndex + 1);
      if ((life && !action) || verbIndex + 1 >= n || lx(verbIndex + 1).clauseOpeners) kind = 'life-event';
      if (inf === 'end' && lower[verbIndex + 1] === 'up') kind = 'life-event';
      // "I work on reception", "I worked as a receptionist" are background; "I worked out what he needed" is not.
      if (inf === 'work') kind = ['out', 'through'].includes(lower[verbIndex + 1] ?? '') ? 'action' : 'life-event';
    }

    // "…within the 7 days, like we said", "as I promised": a reference back to a promise, not a new action.
    if ((opener === 'as' || opener === 'like') && verbLists.reporting.has(inf)) relative = true;

    // One occasion or a habit.
    let genericity: Genericity = 'particular';
    let byTenseOnly = false;
    // A habit marker counts in its own clause, or in an opening adverbial that governs the sentence ("Every time a customer rings, I…").
    const clauseHabit =
      habitOpening ||
      (habitInSentence &&
        (markers.habit.any(lower, from, to) ||
          (c > 0 && predicates.length === 0 && markers.habit.any(lower, 0, starts[1]))));
    const genericSubject =
      subject >= 0 &&
      actor === 'other' &&
      (markers.genericSubjects.at(lower, subject) || (subject > 0 && markers.genericSubjects.at(lower, subject - 1))) &&
      lower[subject] !== 'it' &&
      lower[subject] !== 'we';
    if (effect === 'habit' || clauseHabit) genericity = 'habitual';
    else if (tense === 'present' || (tense === 'modal' && m === 'must')) {
      if (genericSubject || (m === 'must' && actor !== 'writer')) genericity = 'generic';
      else if (conditionalOpening && !narrative) {
        genericity = 'habitual';
        byTenseOnly = true;
      } else if (!narrative) {
        byTenseOnly = true;
        genericity =
          actor === 'other' &&
          !genericSubject &&
          subject >= 0 &&
          /^[a-z]/.test(ws[subject].text) &&
          lx(subject).noun &&
          !lx(subject - 1).determiner
            ? 'generic'
            : 'habitual';
      }
    }
    if (inherited && genericity === 'particular' && inherited.genericity !== 'particular' && tense === inherited.tense)
      genericity = inherited.genericity;

    const marked = effect === 'habit' || clauseHabit || (conditionalOpening && genericity === 'habitual');
    // Started by a new subject straight after another verb's words ("told her I would", "remembered it was").
    const embedded = (c > 0 && opener === '' && (ws[from].gap & (GAP_CLAUSE | GAP_QUOTE)) === 0) || opener === 'that';
    const p: Predicate = {
      verb: verbIndex,
      infinitive: inf,
      subject,
      actor,
      tense,
      polarity,
      modality,
      genericity,
      kind,
      relative,
      marked,
      condition,
      byTenseOnly,
      embedded,
      from,
      to,
    };
    predicates.push(p);
    for (let k = from; k < to; k++) predicateOf[k] = predicates.length - 1;
    readSecondary(ws, lower, p, predicates, predicateOf);
  }

  // Words in a clause with no verb of its own ("…, with a survey") belong to the clause before.
  let last = -1;
  for (let k = 0; k < n; k++) {
    if (predicateOf[k] >= 0) last = predicateOf[k];
    else predicateOf[k] = last;
  }
  // "If she asked me …, I would …": the condition belongs to the hypothetical.
  if (conditionalOpening && predicates.length > 1) {
    const main = predicates.find((p) => p.from > 0 && p.modality === 'hypothetical');
    if (main)
      for (const p of predicates)
        if (p.from < main.from && p.modality === 'none' && p.tense !== 'past-perfect')
          p.genericity = p.genericity === 'particular' && p.tense === 'past' ? 'particular' : p.genericity;
  }
  return { lower, predicates, predicateOf };
}

const BE_THOUGHT = new Set([
  'afraid',
  'sure',
  'convinced',
  'anxious',
  'adamant',
  'certain',
  'aware',
  'glad',
  'happy',
  'upset',
  'scared',
  'nervous',
]);

/** "She was worried (that) we…", "he was sure we…": a state that, like a verb of thinking, governs the clause after it. */
function beThought(next: string): boolean {
  return BE_THOUGHT.has(next) || THOUGHT.has(verbOf(next)?.infinitive ?? '');
}

/**
 * Verbs inside a clause that are not its main verb but still say who did what: a purpose ("rang the
 * supplier to check", "in order to give"), a manner or negation ("by offering", "without checking"),
 * and what the writer watched someone else do ("watched Priya deal with…").
 */
function readSecondary(
  ws: readonly Word[],
  lower: readonly string[],
  main: Predicate,
  predicates: Predicate[],
  predicateOf: number[],
): void {
  for (let k = main.verb + 1; k < main.to; k++) {
    const w = lower[k];
    const nx = ws[k + 1]?.lex ?? NO_LEX;
    let verb = -1;
    let modality: Modality = main.modality;
    let polarity: Polarity = main.polarity;
    let actor: Actor = main.actor;
    if (w === 'to' && k + 1 < main.to) {
      const v = nx.verb;
      if (!v || !has(v.forms, 'I') || nx.determiner || (nx.noun && !nx.nounOrVerb)) continue;
      verb = k + 1;
      if (main.modality === 'none' || main.modality === 'purpose') modality = 'purpose';
    } else if (
      (w === 'without' || w === 'by' || w === 'after' || w === 'before' || w === 'while') &&
      k + 1 < main.to &&
      nx.verb?.forms.includes('G')
    ) {
      verb = k + 1;
      if (w === 'without') polarity = 'negative';
    } else if (
      (main.kind === 'observation' || main.kind === 'perception') &&
      k > main.verb + 1 &&
      /^[A-Za-z]/.test(ws[k].text)
    ) {
      // "watched Priya deal", "saw my supervisor calm": a name or noun, then a bare verb.
      const v = ws[k].lex.verb;
      const before = lower[k - 1];
      if (
        !v ||
        !has(v.forms, 'I') ||
        has(v.forms, 'P') ||
        !(classes.noun.has(before) || classes.actor.has(before) || isCapital(ws[k - 1].text))
      )
        continue;
      verb = k;
      actor = 'other';
    } else continue;
    const entry = ws[verb].lex.verb!;
    const p: Predicate = {
      verb,
      infinitive: entry.infinitive,
      subject: -1,
      actor,
      tense: main.tense,
      polarity,
      modality,
      genericity: main.genericity,
      kind: verbLists.observation.has(entry.infinitive)
        ? 'observation'
        : verbLists.state.has(entry.infinitive)
          ? 'state'
          : verbLists.lifeEvent.has(entry.infinitive) && lower[k] !== 'to'
            ? 'life-event'
            : 'action',
      relative: main.relative,
      marked: main.marked,
      condition: main.condition,
      byTenseOnly: main.byTenseOnly,
      embedded: true,
      from: k,
      to: main.to,
    };
    predicates.push(p);
    for (let j = k; j < main.to; j++) predicateOf[j] = predicates.length - 1;
    main.to = k;
    return;
  }
}

const COMPLEMENT_VERBS = new Set([
  'check',
  'see',
  'find',
  'notice',
  'realise',
  'realize',
  'confirm',
  'think',
  'know',
  'say',
  'tell',
  'explain',
  'promise',
  'hope',
  'make-sure',
]);
const FINITE_AUX = new Set(['had', 'has', 'have', 'was', 'were', 'is', 'are']);

/** Whether "will", "had", "was" and the like comes within the next few words, before any other verb. */
function auxWithin(lower: readonly string[], from: number, span: number): boolean {
  for (let k = from; k < Math.min(lower.length, from + span); k++) {
    const l = lexOf(lower[k]);
    if (l.modals || FINITE_AUX.has(lower[k])) return true;
    if (l.verb && !l.noun && !l.adjective && l.verb.forms !== 'G') return false;
  }
  return false;
}

function isCapital(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function skippedAdverbs(lower: readonly string[], subject: number, i: number): number {
  let n = 0;
  for (let k = subject + 1; k < i; k++) if (classes.adverb.has(lower[k])) n++;
  return n;
}
