/**
 * Checks drafted from the unit's own sentences, one form each:
 * "at least N … (e.g. a, b, c)" → count-distinct, its groups the examples;
 * "confusing X with Y" → co-occurrence; "doing X but not Y" (or "without Y") → conditional;
 * "vague descriptions like '…'" → existence. Anything else is left for the author, and said so.
 */
import { words as stopwords } from 'natural/lib/natural/util/stopwords.js';
import type { RubricCheck } from '../types.js';
import wording from './wording.json' with { type: 'json' };

const STOP = new Set(stopwords);
const NUMBERS = wording.numbers as Record<string, number>;
const CONTRAST = wording.contrast;
const PRONOUNS = /\b(?:it|them|this|these|those|that|their|its)\b/gi;

export interface DraftedCheck {
  check: RubricCheck;
  /** The sentence it was drafted from. */
  from: string;
}

/** A check id from some words: lower case and hyphens, at most 64 characters. */
export function slug(text: string, max = 64): string {
  const parts = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const p of parts) {
    const next = out ? `${out}-${p}` : p;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/** The words of a phrase as a rubric phrase: no characters the phrase syntax reserves. */
export function asPhrase(text: string): string {
  return text
    .replace(/[<>{}\\*#|]/g, ' ')
    .replace(/[“”"‘’']/g, (q) => (q === '’' || q === "'" ? "'" : ' '))
    .replace(/^[\s'.,;:]+|[\s'.,;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .slice(0, 120)
    .trim();
}

/** A phrase without its leading article or possessive ("a new date" → "new date"). */
export function bare(text: string): string {
  return text.replace(/^(?:(?:a|an|the|any|some|their|your|its|his|her)\s+)+/i, '');
}

function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((w) => w.length > 2 && !STOP.has(w));
}

/** A list of examples: "surveys, interviews", "quality, cost, speed and accuracy". */
export function exampleList(text: string): string[] {
  return text
    .replace(/\b(?:etc|and so on)\.?/gi, '')
    .split(/\s*[,;/]\s*|\s+(?:and|or)\s+/)
    .map((x) => bare(asPhrase(x)))
    .filter((x) => x.length > 1);
}

const EXAMPLES_OPEN = `(?:${wording.examples.map((e) => e.replace(/[.]/g, '\\.').replace(/\s+/g, '\\s+')).join('|')})`;
const AT_LEAST = new RegExp(
  `\\bat\\s+least\\s+(\\d+|${Object.keys(NUMBERS).join('|')})\\s+([^()]+?)\\s*(?:\\(\\s*${EXAMPLES_OPEN}\\s*,?\\s*([^)]+)\\)|,?\\s+${EXAMPLES_OPEN}\\s+([^.;()]+?)(?=[.;)]|\\s+and\\s+\\w+ing\\b|$))`,
  'i',
);

/** "at least N kinds (e.g. a, b, c)" in a criterion → a count-distinct check seeded from the examples. */
export function countCheck(text: string, criterion: string): DraftedCheck | { problem: string } | undefined {
  const m = AT_LEAST.exec(text);
  if (!m) return undefined;
  const min = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBERS[m[1].toLowerCase()];
  const what = m[2].trim();
  const examples = exampleList(m[3] ?? m[4] ?? '');
  if (examples.length < min) {
    return {
      problem: `criterion ${criterion} asks for at least ${min} ${what} but gives ${examples.length} example${examples.length === 1 ? '' : 's'}: no check drafted (a check needs at least ${min} groups)`,
    };
  }
  const groups = Object.fromEntries(examples.map((e) => [e, [e]]));
  return {
    from: m[0],
    check: {
      id: slug(what),
      kind: 'count-distinct',
      severity: 'warning',
      message: `This unit asks for at least {min} ${what}, and your account shows {count}. If you used others, describe them and what they showed. Ones you could describe if you used them: {missing}.`,
      criteria: [criterion],
      whenCriteria: [criterion],
      groups,
      min,
    },
  };
}

/** "X and Y customers" → ["X customers", "Y customers"]: the shared noun goes with both. */
function shareHead(x: string, y: string): [string, string] {
  const xs = x.split(' ');
  const ys = y.split(' ');
  if (xs.length === 1 && ys.length > 1) return [`${x} ${ys.slice(1).join(' ')}`, y];
  return [x, y];
}

/** Cuts a phrase at the first clause break: a comma, bracket, "or", "which", "leading to"… */
function clause(text: string): string {
  return text.split(/\s*[,;:(.]\s*|\s+(?:or|which|leading|resulting|thus|so|when|because|as)\s+/i)[0].trim();
}

/** The mistakes a unit warns of, as checks where their wording says what to look for. */
export function mistakeCheck(text: string, common: ReadonlySet<string> = new Set()): DraftedCheck | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  const confusing =
    /\b(?:confus(?:e|es|ing)|mix(?:es|ing)? up|mistak(?:e|es|ing))\s+(.+?)\s+(with|and|for)\s+(.+)$/i.exec(t);
  if (confusing) {
    const x0 = bare(asPhrase(clause(confusing[1])));
    const y0 = bare(asPhrase(clause(confusing[3])));
    const [x, y] = confusing[2].toLowerCase() === 'and' ? shareHead(x0, y0) : [x0, y0];
    if (x && y && x.split(' ').length <= 5 && y.split(' ').length <= 5) {
      return {
        from: t,
        check: {
          id: slug(`${x} or ${y}`),
          kind: 'co-occurrence',
          severity: 'information',
          message: `This sentence mentions both ${x} and ${y}. The unit warns against confusing ${x} with ${y}: check you have used each in its right sense.`,
          phrases: [x],
          with: [y],
          unless: CONTRAST,
        },
      };
    }
  }
  const vague = /\b(?:vague|generic|general|unclear|woolly)\s+(?:\w+\s+){0,2}?(?:like|such as|e\.g\.?,?)\s+(.+)$/i.exec(
    t,
  );
  if (vague) {
    const quoted = [...vague[1].matchAll(/['‘"“]([^'’"”]{2,80})['’"”]/g)].map((q) => asPhrase(q[1])).filter(Boolean);
    if (quoted.length) {
      return {
        from: t,
        check: {
          id: slug(`vague ${quoted[0]}`),
          kind: 'existence',
          severity: 'warning',
          message: `"{found}" is the kind of vague description this unit warns against. Say what was measurable instead: a time, a number or a standard you agreed.`,
          phrases: quoted,
        },
      };
    }
  }
  const butNot = /\b(\w+ing\s+.+?)\s+(?:but\s+not|but\s+never|without)\s+(.+)$/i.exec(t);
  if (butNot) {
    const doing = asPhrase(clause(butNot[1].replace(/^(?:not\s+)/i, ''))).toLowerCase();
    const object = bare(doing.split(' ').slice(1).join(' '));
    const fits = (p: string) => p.split(' ').length >= 2 && p.split(' ').length <= 4;
    const when = [doing, object].filter((p) => p && fits(p));
    const mentions = fits(object) ? object : doing;
    const missing = butNot[2]
      .split(/[,;]/)[0]
      .split(/\s+or\s+|\s+and\s+/i)
      .map((g) =>
        g
          .replace(PRONOUNS, ' ')
          .replace(/\b(?:no|not|any|proper)\b/gi, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter(Boolean);
    if (when.length && missing.length) {
      const groups: Record<string, string[]> = {};
      for (const g of missing) {
        const name = bare(asPhrase(g));
        // Words most of the unit's criteria use ("customer") would satisfy the group anywhere.
        const content = contentWords(g).filter((w) => !common.has(w));
        // A verb and its object ("taking action"): its nouns count on their own too, so the check stays quiet when either is there.
        const phrases = [
          ...new Set(
            [name, ...(content.length > 1 ? content.filter((w) => !w.endsWith('ing')) : content)]
              .map(asPhrase)
              .filter(Boolean),
          ),
        ];
        if (phrases.length) groups[name] = phrases;
      }
      const names = Object.keys(groups);
      if (names.length) {
        return {
          from: t,
          check: {
            id: slug(`${mentions} without ${names[0]}`),
            kind: 'conditional',
            severity: 'information',
            message: `Your account mentions ${mentions}, but not ${names.join(' or ')}. The unit lists this as a common mistake: if you did it, say what you did.`,
            when,
            groups,
            min: 1,
          },
        };
      }
    }
  }
  return undefined;
}
