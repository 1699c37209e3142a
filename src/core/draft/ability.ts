/**
 * The `ability` phrase of a drafted criterion: what completes "This demonstrates my ability to …",
 * made from the criterion's own words. The assessor's opening goes ("Award credit for"), a leading
 * gerund becomes the verb ("explaining" → "explain"), and a noun made from a verb after a verb of
 * showing becomes that verb ("demonstrating a clear identification of needs" → "identify clearly needs").
 * Verb forms come from the core's lexicon (src/core/language/lexicon.ts).
 */
import { classes, verbOf } from '../language/lexicon.js';
import wording from './wording.json' with { type: 'json' };

export const ABILITY_MAX = 200;

const LEAD_INS = [...wording.leadIns].sort((a, b) => b.length - a.length);
const SHOW_VERBS = new Set(wording.showVerbs);
const PERSON = Object.entries(wording.person).sort((a, b) => b[0].length - a[0].length);

/** The infinitive of a word the lexicon knows as a verb, else undefined. */
function knownInfinitive(word: string): string | undefined {
  const v = verbOf(word);
  if (!v) return undefined;
  const inf = v.infinitive;
  // The lexicon guesses an infinitive for a gerund it lacks ("demonstrating" → "demonstrat"): only a known one counts.
  return verbOf(inf)?.forms.includes('I') && verbOf(inf)?.infinitive === inf ? inf : undefined;
}

/** The infinitive of a gerund: the lexicon's, else the regular form ("escalating" → "escalate"). */
export function infinitiveOf(gerund: string): string | undefined {
  const w = gerund.toLowerCase();
  if (!w.endsWith('ing') || w.length < 5) return undefined;
  const known = knownInfinitive(w);
  if (known) return known;
  if (!verbOf(w)?.forms.includes('G')) return undefined;
  const base = w.slice(0, -3);
  if (/([bdgmnprt])\1$/.test(base)) return base.slice(0, -1);
  for (const c of [base, `${base}e`]) if (knownInfinitive(c) === c) return c;
  return /(?:[aiu]t|[iy][sz]|ib|[^aeiou]b|v|c|g|u|ar)$/.test(base) ? `${base}e` : base;
}

/** Whether a word opens a verb phrase: a known verb's infinitive or gerund. */
function verbFirst(word: string): string | undefined {
  const w = word.toLowerCase();
  if (w.endsWith('ing')) return infinitiveOf(w);
  if (knownInfinitive(w) === w && !classes.determiner.has(w)) return w;
  // A verb the lexicon lacks ("describe", "demonstrate"): an unknown word with a verb's ending, known as nothing else.
  if (!verbOf(w) && /(?:ate|ibe|are|ise|ize|ify)$/.test(w) && !classes.noun.has(w) && !classes.adjective.has(w))
    return w;
  return undefined;
}

// Endings of nouns made from verbs, with the verb endings to try, most specific first.
const NOMINAL: Array<[RegExp, string[]]> = [
  [/ification$/, ['ify']],
  [/ication$/, ['y', 'icate']],
  [/isation$/, ['ise']],
  [/ization$/, ['ize']],
  [/ution$/, ['ve', 'ute']],
  [/ption$/, ['be', 'pt']],
  [/ation$/, ['ate', 'e', '']],
  [/ition$/, ['ite', '']],
  [/ssion$/, ['ss', 't']],
  [/sion$/, ['de', 'd', 'se']],
  [/tion$/, ['t', 'te']],
  [/ment$/, ['']],
  [/[ae]nce$/, ['', 'e']],
  [/ysis$/, ['yse']],
  [/al$/, ['', 'e']],
];

/** The verb a noun is made from ("identification" → "identify", "use" → "use"), if the lexicon knows it. */
export function verbOfNoun(noun: string): string | undefined {
  const w = noun.toLowerCase();
  if (w.endsWith('ing')) return infinitiveOf(w);
  if (knownInfinitive(w) === w) return w;
  for (const [ending, tries] of NOMINAL) {
    if (!ending.test(w)) continue;
    const stem = w.replace(ending, '');
    for (const t of tries) {
      const c = stem + t;
      if (c.length > 2 && knownInfinitive(c) === c) return c;
    }
  }
  return undefined;
}

const ADJECTIVE_ENDING = /(?:ic|ive|ent|ant|al|ful|ous|ed|ate|ar|ible|able|ise|ct|ct)$/;

/** The adverb of an adjective ("clear" → "clearly", "systematic" → "systematically"), or undefined. */
export function adverbOf(adjective: string): string | undefined {
  const a = adjective.toLowerCase();
  if (!classes.adjective.has(a) && !ADJECTIVE_ENDING.test(a)) return undefined;
  if (a === 'good') return 'well';
  if (a.endsWith('ic')) return `${a}ally`;
  if (a.endsWith('ful')) return `${a}ly`;
  if (/[^aeiou]le$/.test(a)) return `${a.slice(0, -1)}y`;
  if (/[^aeiou]y$/.test(a)) return `${a.slice(0, -1)}ily`;
  return `${a}ly`;
}

/** The document's words for the learner made the learner's own ("your organisation" → "my organisation"). */
export function firstPerson(text: string): string {
  let out = text;
  for (const [from, to] of PERSON) {
    out = out.replace(new RegExp(`(?<![\\p{L}'’])${from.replace(/'/g, "['’]")}(?![\\p{L}])`, 'giu'), to);
  }
  return out;
}

/** The criterion's words without its assessor's opening ("Award credit for …"), as written. */
export function withoutLeadIn(text: string): string {
  let s = text.trim();
  for (let again = true; again;) {
    again = false;
    for (const lead of LEAD_INS) {
      if (s.toLowerCase().startsWith(lead) && /[\s,:]/.test(s.charAt(lead.length) || ' ')) {
        s = s.slice(lead.length).replace(/^[\s,:]+/, '');
        again = true;
        break;
      }
    }
  }
  return s;
}

/** Cuts a phrase to at most `max` characters at the last comma or word boundary that fits. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  for (const sep of [
    /,\s(?:such as|including|for example)\b[^,]*$/,
    /[,;:]\s[^,;:]*$/,
    /\s(?:and|or|with|when|while|by)\s(?:(?!\s(?:and|or|with|when|while|by)\s).)*$/,
    /\s\S*$/,
  ]) {
    const m = sep.exec(head.slice(0, max));
    if (m && m.index > max / 3) return head.slice(0, m.index).replace(/[\s,;:]+$/, '');
  }
  return text.slice(0, max).replace(/\s\S*$/, '');
}

/** The ability phrase for a criterion's text. */
export function abilityOf(criterion: string): string {
  let s = criterion
    .replace(/\s*\((?:e\.?g\.?|for example|such as|i\.e\.)[^)]*\)/gi, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:!]+$/, '');
  s = withoutLeadIn(s);
  const ws = s.split(' ');
  let i = 0;
  // "accurately identifying …": the adverb stays before its verb.
  const adverb = /ly$/i.test(ws[0] ?? '') && ws.length > 1 && verbFirst(ws[1]) ? ws[i++].toLowerCase() : undefined;
  const verb = ws[i] ? verbFirst(ws[i]) : undefined;
  let phrase: string;
  if (!verb) {
    // A noun phrase ("a systematic approach to dealing with complaints"): shown, not done.
    phrase = `show ${lowerFirst(s)}`;
  } else {
    const rest = ws.slice(i + 1);
    const nominal = SHOW_VERBS.has(verb) ? fromNoun(rest) : undefined;
    if (nominal) phrase = [adverb, ...gerundsJoined(nominal.split(' '))].filter(Boolean).join(' ');
    else phrase = [adverb, verb, ...(/ing$/i.test(ws[i]) ? gerundsJoined(rest) : rest)].filter(Boolean).join(' ');
  }
  return cut(firstPerson(phrase).replace(/\s+/g, ' ').trim(), ABILITY_MAX);
}

function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** "a clear identification of X" → "identify clearly X"; "the use of X" → "use X". */
function fromNoun(rest: string[]): string | undefined {
  let k = 0;
  if (/^(?:a|an|the)$/i.test(rest[k] ?? '')) k++;
  let adverb: string | undefined;
  if (rest[k + 1] && rest[k + 2]?.toLowerCase() === 'of') {
    adverb = adverbOf(rest[k]);
    if (!adverb) return undefined;
    k++;
  }
  if (rest[k + 1]?.toLowerCase() !== 'of') return undefined;
  const verb = verbOfNoun(rest[k]);
  if (!verb) return undefined;
  return [verb, adverb, ...rest.slice(k + 2)].filter(Boolean).join(' ');
}

/**
 * Gerunds after "and" that continue the criterion's first verb become verbs too ("using X and
 * analysing results" → "use X and analyse results"), but not one that ends a list of gerunds
 * ("acknowledging, investigating and recording").
 */
function gerundsJoined(rest: string[]): string[] {
  const out = [...rest];
  for (let k = 0; k + 1 < out.length; k++) {
    if (out[k].toLowerCase() !== 'and' || !/ing$/i.test(out[k + 1])) continue;
    // A gerund earlier in the same clause is the one this continues ("identifying X and implementing Y").
    let j = k - 1;
    while (j >= 0 && !out[j].endsWith(',') && !/ing$/i.test(out[j])) j--;
    if (j >= 0 && /ing,?$/i.test(out[j])) continue;
    const inf = infinitiveOf(out[k + 1]);
    if (inf) out[k + 1] = inf;
  }
  return out;
}
