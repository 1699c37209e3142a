/**
 * The word knowledge the clause reader looks up: verb forms with their infinitive and word classes
 * from compromise's English model (built into lexicon/english.json by scripts/build-lexicon.mjs),
 * and this project's own small lists (lexicon/verbs.json, lexicon/markers.json). Data only: the
 * logic that uses it is in clauses.ts.
 */
import english from '../lexicon/english.json' with { type: 'json' };
import verbData from '../lexicon/verbs.json' with { type: 'json' };
import markerData from '../lexicon/markers.json' with { type: 'json' };

export interface VerbEntry {
  infinitive: string;
  /** Which forms the word can be: I infinitive, S 3rd-person present, P past, N participle, G gerund. */
  forms: string;
}

const verbs = new Map<string, VerbEntry>();
for (const [form, code] of Object.entries(english.verbs as Record<string, string>)) {
  const [inf, forms] = code.split(':');
  verbs.set(form, { infinitive: inf || form, forms });
}
for (const form of ['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "'m", "'re"]) {
  verbs.set(form, {
    infinitive: 'be',
    forms:
      form === 'was' || form === 'were'
        ? 'P'
        : form === 'been'
          ? 'N'
          : form === 'being'
            ? 'G'
            : form === 'be'
              ? 'I'
              : 'S',
  });
}
for (const [form, inf] of Object.entries(verbData.irregularUnknown as Record<string, string>)) {
  if (!verbs.has(form)) verbs.set(form, { infinitive: inf, forms: form === inf ? 'I' : 'PN' });
}

const UK_ENDING = /(?<=[a-z]{2})(is|ys)(e|es|ed|ing)$/;
const americanCache = new Map<string, string>();

/** The lexicon spells the American way: "apologised" is looked up as "apologized". */
function american(lower: string): string {
  let a = americanCache.get(lower);
  if (a === undefined) {
    a = lower.replace(UK_ENDING, (_m, s: string, e: string) => (s === 'is' ? 'iz' : 'yz') + e);
    if (americanCache.size > 20_000) americanCache.clear();
    americanCache.set(lower, a);
  }
  return a;
}

const set = (list: readonly string[]) => new Set(list);

export const classes = {
  adjective: set(english.classes.adjective),
  noun: set(english.classes.noun),
  actor: set(english.classes.actor),
  nounOrVerb: set(english.classes.nounOrVerb),
  adverb: set([...english.classes.adverb, ...markerData.adverbs]),
  preposition: set(english.classes.preposition),
  determiner: set([...english.classes.determiner, 'my', 'our', 'your', 'his', 'her', 'their', 'its']),
  pronoun: set(english.classes.pronoun),
};

export const names = {
  first: set(english.names.first),
  last: set(english.names.last),
  honorific: set(english.names.honorific),
  famous: set(english.names.famous),
  place: set(english.names.place),
  organisation: set(english.names.organisation),
  orgWords: set(english.names.orgWords),
  placeWords: set(english.names.placeWords),
};

/**
 * A word's verb reading: the lexicon's entry, else a guess from its ending for words it lacks
 * ("liaised", "rebooking"). Returns undefined for words that are not verbs.
 */
const verbCache = new Map<string, VerbEntry | null>();

export function verbOf(lower: string): VerbEntry | undefined {
  const cached = verbCache.get(lower);
  if (cached !== undefined) return cached ?? undefined;
  const found = guessVerb(lower);
  if (verbCache.size > 50_000) verbCache.clear();
  verbCache.set(lower, found ?? null);
  return found;
}

function guessVerb(lower: string): VerbEntry | undefined {
  const known = verbs.get(lower) ?? verbs.get(american(lower));
  if (known) return known;
  if (lower.length < 4 || /\d/.test(lower)) return undefined;
  if (lower.endsWith('ed') && !classes.adjective.has(lower) && !classes.noun.has(lower)) {
    const base = lower.slice(0, -2);
    // "shred", "bred": too short to be a regular past unless the stem is a known verb.
    if (base.length < 4 && !verbs.has(base) && !verbs.has(base + 'e') && !verbs.has(lower.slice(0, -1)))
      return undefined;
    const inf =
      verbs.get(base)?.infinitive ??
      verbs.get(base + 'e')?.infinitive ??
      (/(.)\1$/.test(base) ? base.slice(0, -1) : base);
    return { infinitive: inf, forms: 'PN' };
  }
  if (
    /(?:is|iz|ys|yz|if)(?:e|y)$/.test(lower) &&
    lower.length > 5 &&
    !classes.noun.has(lower) &&
    !classes.adjective.has(lower)
  )
    return { infinitive: lower, forms: 'I' };
  if (/(?:is|iz|ys|yz|at)es$/.test(lower) && lower.length > 6 && !classes.noun.has(lower))
    return { infinitive: lower.slice(0, -1), forms: 'S' };
  if (lower.endsWith('ing') && lower.length > 5 && !classes.noun.has(lower)) {
    const base = lower.slice(0, -3);
    return { infinitive: verbs.get(base)?.infinitive ?? verbs.get(base + 'e')?.infinitive ?? base, forms: 'G' };
  }
  return undefined;
}

/** Word runs indexed by their first word, so looking for any of them costs one map lookup per word. */
export class PhraseList {
  private readonly byFirst = new Map<string, string[][]>();
  constructor(phrases: readonly string[]) {
    for (const p of phrases) {
      const words = p.split(' ');
      const bucket = this.byFirst.get(words[0]);
      if (bucket) bucket.push(words);
      else this.byFirst.set(words[0], [words]);
    }
  }

  /** Whether one of the phrases starts at word i. */
  at(lower: readonly string[], i: number): boolean {
    const bucket = this.byFirst.get(lower[i]);
    if (!bucket) return false;
    for (const p of bucket) {
      let k = 1;
      while (k < p.length && lower[i + k] === p[k]) k++;
      if (k === p.length) return true;
    }
    return false;
  }

  /** Whether one of the phrases starts anywhere in [from, to). */
  any(lower: readonly string[], from: number, to: number): boolean {
    for (let i = Math.max(0, from); i < to; i++) if (this.at(lower, i)) return true;
    return false;
  }
}

const verbKinds = {
  state: set(verbData.state),
  reporting: set(verbData.reporting),
  observation: set(verbData.observation),
  perception: set(verbData.perception),
  lifeEvent: set(verbData.lifeEvent),
  lifeEventAlways: set(verbData.lifeEventAlways),
};

export const verbLists = {
  ...verbKinds,
  lifeEventNext: new PhraseList(verbData.lifeEventNext),
  actionNext: new PhraseList(verbData.actionNext),
  catenative: new Map(Object.entries(verbData.catenative)) as Map<
    string,
    'past' | 'negative' | 'future' | 'habit' | 'reported'
  >,
  hedges: set(verbData.hedges),
  expected: set(verbData.expected),
  perceptionAfterCould: set(verbData.perceptionAfterCould),
};

export const markers = {
  subjects: new Map(Object.entries(markerData.subjects)) as Map<string, 'writer' | 'we' | 'other'>,
  contractions: new Map(Object.entries(markerData.contractions)) as unknown as Map<string, [string, string]>,
  negatedAuxiliaries: new Map(Object.entries(markerData.negatedAuxiliaries)),
  negators: set(markerData.negators),
  modals: set(markerData.modals),
  clauseOpeners: set(markerData.clauseOpeners),
  subordinators: set(markerData.subordinators),
  relativePronouns: set(markerData.relativePronouns),
  coordinators: set(markerData.coordinators),
  conditionals: set(markerData.conditionals),
  habit: new PhraseList(markerData.habitMarkers),
  narrative: new PhraseList(markerData.narrativeMarkers),
  occasion: new PhraseList(markerData.occasionAnchors),
  genericSubjects: new PhraseList(markerData.genericSubjects),
  opinionOpeners: set(markerData.opinionOpeners),
  opinionVerbs: set(markerData.opinionVerbs),
};

/** Everything the clause reader asks of one word form, looked up once per form and kept. */
export interface Lex {
  noun: boolean;
  actor: boolean;
  adjective: boolean;
  adverb: boolean;
  preposition: boolean;
  determiner: boolean;
  pronoun: boolean;
  nounOrVerb: boolean;
  modals: boolean;
  negators: boolean;
  clauseOpeners: boolean;
  coordinators: boolean;
  relativePronouns: boolean;
  /** A subject pronoun that can open a clause ("I", "she", "we'd"). */
  nominative: boolean;
  /** Who the word names as a subject ("i" → writer), if it can be one. */
  subject: 'writer' | 'we' | 'other' | undefined;
  /** A contraction's two parts ("i'd" → i + 'd). */
  contraction: [string, string] | undefined;
  /** The auxiliary a negated form stands for ("didn't" → do). */
  negatedAuxiliary: string | undefined;
  verb: VerbEntry | undefined;
}

const NOMINATIVE = new Set([
  'i',
  'id',
  'we',
  'he',
  'she',
  'they',
  "i'd",
  "we'd",
  "i'll",
  "we'll",
  "i've",
  "we've",
  "i'm",
  "we're",
  "she'd",
  "he'd",
  "they'd",
  "she'll",
  "he'll",
  "they'll",
  "they're",
]);

const lexCache = new Map<string, Lex>();

function makeLex(lower: string): Lex {
  return {
    noun: classes.noun.has(lower),
    actor: classes.actor.has(lower),
    adjective: classes.adjective.has(lower),
    adverb: classes.adverb.has(lower),
    preposition: classes.preposition.has(lower),
    determiner: classes.determiner.has(lower),
    pronoun: classes.pronoun.has(lower),
    nounOrVerb: classes.nounOrVerb.has(lower),
    modals: markers.modals.has(lower),
    negators: markers.negators.has(lower),
    clauseOpeners: markers.clauseOpeners.has(lower),
    coordinators: markers.coordinators.has(lower),
    relativePronouns: markers.relativePronouns.has(lower),
    nominative: NOMINATIVE.has(lower),
    subject: markers.subjects.get(lower),
    contraction: markers.contractions.get(lower),
    negatedAuxiliary: markers.negatedAuxiliaries.get(lower),
    verb: verbOf(lower),
  };
}

/** The word classes of a lower-case word form. */
export function lexOf(lower: string): Lex {
  let l = lexCache.get(lower);
  if (!l) {
    l = makeLex(lower);
    if (lexCache.size > 50_000) lexCache.clear();
    lexCache.set(lower, l);
  }
  return l;
}

/** The entry of a word beyond the end of a sentence: nothing. */
export const NO_LEX: Lex = makeLex('');
