/**
 * Parts of a valid rubric that cannot work as meant: phrases written as regular expressions or as
 * a lone `*`, one-word phrases whose stem is also a common word's of another meaning
 * (lexicon/stem-collisions.json), two groups of one check sharing a phrase, and what each check kind
 * finds wrong in its own definition (checks/index.ts checkDefinitionProblems). A phrase listed twice,
 * or in accented and plain spellings, is only redundant: it works, so it is not warned about.
 */
import collisions from './lexicon/stem-collisions.json' with { type: 'json' };
import { checkDefinitionProblems } from './checks/index.js';
import { PhraseSet, samePhrase, type CompiledPhrase } from './phrases.js';
import type { RubricPath, Unlocated } from './rubric-problems.js';
import type { Rubric } from './types.js';
import { stem } from './words.js';

interface PhraseAt {
  path: RubricPath;
  source: string;
  /** The check it belongs to, and its group. */
  check?: number;
  group?: string;
}

/** Every phrase of a rubric that is matched against accounts, with where it is. */
function phrasesOf(rubric: Rubric): PhraseAt[] {
  const out: PhraseAt[] = [];
  const add = (path: RubricPath, list: readonly string[] | undefined, extra: Partial<PhraseAt> = {}) =>
    list?.forEach((source, i) => out.push({ path: [...path, i], source, ...extra }));
  rubric.criteria.forEach((c, i) => add(['criteria', i, 'signals'], c.signals));
  add(['customerWords'], rubric.customerWords);
  rubric.checks.forEach((c, i) => {
    for (const field of ['when', 'phrases', 'with', 'unless'] as const)
      add(['checks', i, field], c[field], { check: i });
    for (const [group, list] of Object.entries(c.groups ?? {}))
      add(['checks', i, 'groups', group], list, { check: i, group });
  });
  return out;
}

const warning = (path: RubricPath, message: string, fix: string): Unlocated => ({
  severity: 'warning',
  path,
  message,
  fix,
});

/** A phrase written as a regular expression: what it really matches, and how to write it. */
function regexLike(source: string, compiled: CompiledPhrase | undefined): { message: string; fix: string } | undefined {
  const words = compiled?.tokens.map((t) => (t.kind === 'word' ? t.lower : t.kind === 'any' ? '*' : '#n')).join(' ');
  const quoted = JSON.stringify(source);
  if (/\p{L}\*|\*\p{L}/u.test(source))
    return {
      message: `"*" in ${quoted} stands for a whole word, so this needs "${words}": another word after (or before) the letters`,
      fix: 'write the whole word without "*" (phrases match on stems: "manage" also matches "managed" and "managing"); "*" only stands for a word of its own, as in "what * needed"',
    };
  if (source.includes('|')) {
    const choices = source
      .split('|')
      .map((c) => c.replace(/[()[\]^$?+*]/g, '').trim())
      .filter(Boolean)
      .map((c) => JSON.stringify(c));
    return {
      message: `${quoted} looks like a regular expression: "|" is not "or" here, so the phrase needs all of "${words}" in a row`,
      fix: `list each choice as a phrase of its own: ${choices.join(', ')}`,
    };
  }
  if (/\.[*+]|\p{L}[?+]\p{L}|\[[^\]]*\]|^\^|\$$|\([^)]*[|?*+][^)]*\)|\)[?*+]/u.test(source))
    return {
      message: `${quoted} looks like a regular expression, but phrases are plain words: its signs are ignored and it matches only "${words}"`,
      fix: 'write each spelling or wording as a phrase of its own, in plain words',
    };
  return undefined;
}

/** For each collision word, the words of other meaning that share its stem. */
const COLLIDING = new Map<string, string[]>();
for (const pair of collisions.collisions) {
  for (const w of pair) COLLIDING.set(w, [...(COLLIDING.get(w) ?? []), ...pair.filter((x) => x !== w)]);
}

/** The common words of another meaning a one-word phrase also matches (its plural counts as the word). */
function collidesWith(compiled: CompiledPhrase): string[] {
  const words = compiled.tokens.filter((t) => t.kind === 'word');
  if (words.length !== 1 || compiled.tokens.length !== 1) return [];
  const w = words[0].lower;
  const base = COLLIDING.has(w) ? w : COLLIDING.has(w.replace(/e?s$/, '')) ? w.replace(/e?s$/, '') : undefined;
  if (!base) return [];
  return COLLIDING.get(base)!.filter((other) => stem(other) === stem(w));
}

function phraseWarnings(rubric: Rubric): Unlocated[] {
  const out: Unlocated[] = [];
  const all = phrasesOf(rubric).map((p) => ({ ...p, compiled: new PhraseSet([p.source]).phrases[0] }));
  for (const p of all) {
    const regex = regexLike(p.source, p.compiled);
    if (regex) {
      out.push(warning(p.path, regex.message, regex.fix));
      continue;
    }
    if (p.compiled && p.compiled.tokens.every((t) => t.kind === 'any')) {
      out.push(
        warning(
          p.path,
          `${JSON.stringify(p.source)} matches any word, so every sentence holds it`,
          'write the words to look for; `*` stands for a word between others, as in "what * needed"',
        ),
      );
      continue;
    }
    if (!p.compiled) continue;
    const others = collidesWith(p.compiled);
    if (others.length) {
      const quoted = others.map((o) => `"${o}"`).join(' and ');
      const first = p.compiled.tokens[0];
      out.push(
        warning(
          p.path,
          `${JSON.stringify(p.source)} also matches ${quoted}, ${others.length > 1 ? 'words' : 'a word'} of another meaning with the same stem ("${first.kind === 'word' ? first.stem : ''}")`,
          `make it a phrase of two words or more, so that ${quoted} alone ${others.length > 1 ? 'do' : 'does'} not count`,
        ),
      );
    }
  }
  // Two groups of one check sharing a phrase: what the learner writes counts for the first group only.
  const byCheck = new Map<number, typeof all>();
  for (const p of all)
    if (p.group !== undefined && p.compiled) byCheck.set(p.check!, [...(byCheck.get(p.check!) ?? []), p]);
  for (const phrases of byCheck.values()) {
    phrases.forEach((p, i) => {
      const first = phrases.slice(0, i).find((q) => q.group !== p.group && samePhrase(q.compiled!, p.compiled!));
      if (!first) return;
      out.push(
        warning(
          p.path,
          `${JSON.stringify(p.source)} matches the same words as ${JSON.stringify(first.source)} of group \`${first.group}\`, so the learner's words count for group \`${first.group}\` only`,
          'keep the phrase in one group, or make one of the two longer',
        ),
      );
    });
  }
  return out;
}

/** Everything in a valid rubric that loads but cannot work as meant, as warnings. */
export function rubricWarnings(rubric: Rubric): Unlocated[] {
  const checks = rubric.checks.flatMap((check, i) =>
    checkDefinitionProblems(check).map((p) => warning(['checks', i, ...p.path], p.message, p.fix)),
  );
  return [...phraseWarnings(rubric), ...checks];
}
