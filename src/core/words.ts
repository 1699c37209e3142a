/**
 * Words with their offsets and stems. Tokenising keeps offsets (natural's tokenisers drop them);
 * stemming is natural's Porter stemmer, so "monitored", "monitoring" and "monitors" meet one stem.
 */
// Submodule import: natural's main entry costs ~480 ms and prints to stdout.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { lexOf, type Lex } from './language/lexicon.js';

export interface Word {
  /** The word as written. */
  text: string;
  /** Lower case, curly apostrophes straightened, possessive removed. */
  lower: string;
  stem: string;
  /** A number, in digits or words ("3", "9.20am", "two"). */
  num: boolean;
  start: number;
  end: number;
  /** What stands between this word and the one before it: GAP_* flags. */
  gap: number;
  /** Its word classes and verb reading, for the clause reader. */
  lex: Lex;
}

/** A comma, semicolon, colon, bracket or dash: a clause may break here. */
export const GAP_CLAUSE = 1;
/** Joined to the word before by a hyphen or slash with no space ("check-out", "follow-up"). */
export const GAP_HYPHEN = 2;
/** A quotation mark. */
export const GAP_QUOTE = 4;
/** A full stop, question or exclamation mark. */
export const GAP_STOP = 8;
/** A colon ("Action plan: …"), also a GAP_CLAUSE. */
export const GAP_COLON = 16;

function gapFlags(text: string, from: number, to: number): number {
  if (to - from === 1) {
    const c = text.charCodeAt(from);
    if (c === 32) return 0;
    if (c === 45 || c === 47) return GAP_HYPHEN; // - /
  }
  let flags = 0;
  for (let i = from; i < to; i++) {
    switch (text.charCodeAt(i)) {
      case 58:
        flags |= GAP_CLAUSE | GAP_COLON;
        break;
      case 44:
      case 59:
      case 40:
      case 41:
      case 8211:
      case 8212:
        flags |= GAP_CLAUSE;
        break;
      case 34:
      case 8220:
      case 8221:
        flags |= GAP_QUOTE;
        break;
      case 46:
      case 33:
      case 63:
        flags |= GAP_STOP;
        break;
      case 45:
        // A spaced hyphen stands for a dash.
        if (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i + 1) === 32) flags |= GAP_CLAUSE;
        break;
    }
  }
  return flags;
}

// Letters and digits, keeping inner apostrophes and decimal points ("didn't", "9.20am", "1.2").
// Hyphens split words, so "follow-up" meets "follow up".
const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)*(?:\.\d+\p{L}*)*/gu;

const stemCache = new Map<string, string>();

export function stem(lower: string): string {
  let s = stemCache.get(lower);
  if (s === undefined) {
    s = stemOne(lower);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(lower, s);
  }
  return s;
}

function stemOne(w: string): string {
  if (/\d/.test(w)) return w;
  // Irregular forms the Porter stemmer leaves apart but a learner uses for one idea.
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  return PorterStemmer.stem(w);
}

const IRREGULAR: Record<string, string> = {
  rang: 'ring',
  rung: 'ring',
  ran: 'run',
  sent: 'send',
  told: 'tell',
  said: 'sai',
  spoke: 'speak',
  spoken: 'speak',
  wrote: 'write',
  written: 'write',
  gave: 'give',
  given: 'give',
  took: 'take',
  taken: 'take',
  made: 'make',
  found: 'find',
  got: 'get',
  kept: 'keep',
  met: 'meet',
  brought: 'bring',
  bought: 'bui',
  thought: 'think',
  felt: 'feel',
  knew: 'know',
  known: 'know',
  went: 'go',
  gone: 'go',
  saw: 'see',
  seen: 'see',
  came: 'come',
  held: 'hold',
  left: 'leav',
  chose: 'choos',
  chosen: 'choos',
  began: 'begin',
  begun: 'begin',
  paid: 'pai',
  analysed: 'analys',
  analyse: 'analys',
  analyses: 'analys',
  analysing: 'analys',
  analyzed: 'analys',
  analyze: 'analys',
  summarised: 'summaris',
  summarise: 'summaris',
  summarising: 'summaris',
  summarized: 'summaris',
  summarize: 'summaris',
  emailed: 'email',
  emails: 'email',
  emailing: 'email',
};

const NON_ASCII = /[\u0080-\uffff]/;
const MARKS = /\p{M}/gu;

/**
 * Lower case, curly apostrophe straightened, possessive removed, accents dropped: a rubric's "café"
 * and a learner's "cafe" (or "naïve" and "naive") are one word.
 */
export function normalise(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (NON_ASCII.test(w)) w = w.normalize('NFD').replace(MARKS, '');
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("s'")) w = w.slice(0, -1);
  return w;
}

const normalised = new Map<string, [string, string, boolean, Lex]>();

const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Length in UTF-16 units of the letter (or, with `digits`, letter or digit) at i, or 0. */
function wordCharAt(text: string, i: number, digits: boolean): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (digits && c >= 48 && c <= 57) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  return (digits ? LETTER_OR_DIGIT : LETTER).test(ch) ? ch.length : 0;
}

/**
 * Where the word starting at i ends: letters and digits, then inner apostrophes followed by
 * letters ("didn't"), then decimal points followed by digits ("9.20am", "1.2"). A hand-written
 * scanner for the regex WORD above (test/words.test.ts holds them equal), at a fraction of its cost.
 */
function wordEnd(text: string, i: number): number {
  let k = i;
  for (let n = wordCharAt(text, k, true); n; n = wordCharAt(text, k, true)) k += n;
  // Apostrophe groups first, then decimal groups, as the regex orders them.
  while ((text.charCodeAt(k) === 39 || text.charCodeAt(k) === 8217) && wordCharAt(text, k + 1, false)) {
    k++;
    for (let n = wordCharAt(text, k, false); n; n = wordCharAt(text, k, false)) k += n;
  }
  for (;;) {
    const d = text.charCodeAt(k + 1);
    if (text.charCodeAt(k) !== 46 || !(d >= 48 && d <= 57)) return k;
    k += 2;
    while (text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    for (let n = wordCharAt(text, k, false); n; n = wordCharAt(text, k, false)) k += n;
  }
}

/** The words of a text as [start, end) pairs, by the regex WORD: the reference the scanner is tested against. */
export function wordSpansByRegex(text: string): Array<[number, number]> {
  return [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
}

/** The words of a text as [start, end) pairs, by the scanner `words` uses. */
export function wordSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < text.length;) {
    const n = wordCharAt(text, i, true);
    if (!n) {
      i++;
      continue;
    }
    const end = wordEnd(text, i);
    out.push([i, end]);
    i = end;
  }
  return out;
}

/** Splits text into words; `base` is added to every offset. */
export function words(text: string, base = 0): Word[] {
  const out: Word[] = [];
  let previousEnd = 0;
  for (let i = 0; i < text.length;) {
    if (!wordCharAt(text, i, true)) {
      i++;
      continue;
    }
    const end = wordEnd(text, i);
    const raw = text.slice(i, end);
    // Accounts repeat their words: the lower-case form and stem of each are worked out once.
    let forms = normalised.get(raw);
    if (!forms) {
      const lower = normalise(raw);
      forms = [
        lower,
        stem(lower),
        /\d/.test(lower) || (NUMBER_WORDS.has(lower) && lower !== 'a' && lower !== 'an'),
        lexOf(lower),
      ];
      if (normalised.size > 50_000) normalised.clear();
      normalised.set(raw, forms);
    }
    out.push({
      text: raw,
      lower: forms[0],
      stem: forms[1],
      num: forms[2],
      lex: forms[3],
      start: base + i,
      end: base + end,
      gap: gapFlags(text, previousEnd, i),
    });
    previousEnd = end;
    i = end;
  }
  return out;
}

const NUMBER_WORDS = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'fifteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'hundred',
  'half',
  'a',
  'an',
  'single',
  'couple',
]);

export function isNumberWord(w: Word): boolean {
  return w.num;
}
