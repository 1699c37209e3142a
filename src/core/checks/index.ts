/**
 * Rubric checks as rules: each check of a rubric names a kind (one per file here, as Vale's styles
 * name their extension points) with parameters, and `rubricRules` turns it into an ordinary Rule that
 * runs in the analyser's one rule loop. The rubric's phrase lists are compiled once per rubric into
 * one index, and its sentences scanned once per analysis for all its checks.
 */
import { PhraseIndex, PhraseSet } from '../phrases.js';
import type { Rule, RuleContext } from '../rule.js';
import type { Rubric, RubricCheck } from '../types.js';
import { coOccurrence } from './co-occurrence.js';
import { conditional } from './conditional.js';
import { countDistinct } from './count-distinct.js';
import { SentenceScans } from './evidence.js';
import { existence } from './existence.js';
import type { CheckKind, CompiledCheck, DefinitionProblem } from './kind.js';

export type { DefinitionProblem } from './kind.js';

export const CHECK_KINDS: Readonly<Record<RubricCheck['kind'], CheckKind>> = {
  existence,
  'count-distinct': countDistinct,
  conditional,
  'co-occurrence': coOccurrence,
};

/** Fields every check may have, whatever its kind. */
const COMMON_FIELDS = new Set(['id', 'kind', 'severity', 'message', 'criteria']);

/** What the schema cannot see in a check: fields its kind ignores, unknown {placeholders}, and the kind's own problems. */
export function checkDefinitionProblems(check: RubricCheck): DefinitionProblem[] {
  const kind = CHECK_KINDS[check.kind];
  const a = /^[aeiou]/.test(check.kind) ? `an ${check.kind}` : `a ${check.kind}`;
  const out: DefinitionProblem[] = [];
  for (const field of Object.keys(check)) {
    if (COMMON_FIELDS.has(field) || (kind.fields as readonly string[]).includes(field)) continue;
    out.push({
      path: [field],
      message: `${a} check does not use "${field}", so it has no effect`,
      fix: `remove it, or use a kind that reads it (${kindsReading(field)})`,
    });
  }
  for (const m of check.message.matchAll(/\{([^{}]*)\}/g)) {
    if (kind.placeholders.includes(m[1])) continue;
    const allowed = kind.placeholders.map((p) => `{${p}}`).join(', ');
    out.push({
      path: ['message'],
      message: `the message holds {${m[1]}}, which ${a} check does not fill in, so the learner would read it as written`,
      fix: `use ${allowed}, or remove the braces`,
    });
  }
  return [...out, ...kind.validate(check)];
}

function kindsReading(field: string): string {
  const kinds = Object.values(CHECK_KINDS)
    .filter((k) => (k.fields as readonly string[]).includes(field))
    .map((k) => k.kind);
  return kinds.length ? kinds.join(', ') : 'none does';
}

/** `customer` in a phrase also stands for each of the unit's words for the customer. */
function withCustomerWords(phrases: readonly string[], words: readonly string[]): string[] {
  if (!words.length) return [...phrases];
  const out: string[] = [];
  for (const p of phrases) {
    out.push(p);
    if (/\bcustomers?\b/i.test(p)) for (const w of words) out.push(p.replace(/\bcustomers?\b/gi, w));
  }
  return out;
}

interface CompiledRubric {
  checks: CompiledCheck[];
  index: PhraseIndex;
}

const compiled = new WeakMap<Rubric, CompiledRubric>();

function compileRubric(rubric: Rubric): CompiledRubric {
  let c = compiled.get(rubric);
  if (!c) {
    const words = rubric.customerWords ?? [];
    const set = (phrases: readonly string[] | undefined) =>
      phrases ? new PhraseSet(withCustomerWords(phrases, words)) : undefined;
    const checks = rubric.checks.map((check): CompiledCheck => ({
      check,
      scope: check.scope ?? CHECK_KINDS[check.kind].defaultScope,
      when: set(check.when),
      phrases: set(check.phrases),
      with: set(check.with),
      unless: set(check.unless),
      groups: check.groups
        ? new PhraseSet(
            Object.fromEntries(Object.entries(check.groups).map(([g, ps]) => [g, withCustomerWords(ps, words)])),
          )
        : undefined,
      groupNames: Object.keys(check.groups ?? {}),
    }));
    const sets = checks.flatMap((x) =>
      [x.when, x.phrases, x.with, x.unless, x.groups].filter((p): p is PhraseSet => p !== undefined),
    );
    c = { checks, index: new PhraseIndex(sets) };
    compiled.set(rubric, c);
  }
  return c;
}

// One scan per analysis for all of a rubric's checks. Keyed on the analysis's paragraph list, which every
// rule of one analysis shares and each analysis makes anew.
const scansOf = new WeakMap<object, SentenceScans>();

function scansFor(ctx: RuleContext, index: PhraseIndex): SentenceScans {
  let scans = scansOf.get(ctx.paragraphs);
  if (!scans || scans.index !== index) {
    scans = new SentenceScans(ctx, index);
    scansOf.set(ctx.paragraphs, scans);
  }
  return scans;
}

/** A rubric's compiled checks and the scan of the account's sentences they ran on, for explanations (explain.ts). */
export function checksAndScans(
  rubric: Rubric,
  ctx: RuleContext,
): { checks: readonly CompiledCheck[]; scans: SentenceScans } {
  const c = compileRubric(rubric);
  return { checks: c.checks, scans: scansFor(ctx, c.index) };
}

export const RUBRIC_CHECKS_DOCS = 'rubric-checks.md';

const rulesOf = new WeakMap<Rubric, Rule[]>();

/** A rubric's checks as rules, in the rubric's order: id, severity and documentation link of each in one place. */
export function rubricRules(rubric: Rubric): readonly Rule[] {
  let list = rulesOf.get(rubric);
  if (!list) {
    list = compileRubric(rubric).checks.map((c): Rule => {
      const kind = CHECK_KINDS[c.check.kind];
      return {
        id: c.check.id,
        severity: c.check.severity ?? 'warning',
        summary: `Rubric check (${c.check.kind}) from ${rubric.id}: ${kind.summary}`,
        needsRubric: true,
        docs: `${RUBRIC_CHECKS_DOCS}#${c.check.id}`,
        check(ctx) {
          kind.run({ ctx, scans: scansFor(ctx, compileRubric(rubric).index), c });
        },
      };
    });
    rulesOf.set(rubric, list);
  }
  return list;
}
