/**
 * What a check kind is: the fields it reads, how it checks its own definition, and how it runs. One
 * kind per file beside this one; `index.ts` lists them and turns a rubric's checks into rules.
 */
import type { Block, Sentence } from '../document.js';
import { phraseHolds, PhraseSet } from '../phrases.js';
import type { RuleContext } from '../rule.js';
import { accountAnchor } from '../next-steps.js';
import type { CheckScope, RubricCheck } from '../types.js';
import { fillMessage, hitRange, type Hit, type SentenceScans } from './evidence.js';

/** A check with its phrase lists compiled (the unit's customer words folded in). */
export interface CompiledCheck {
  check: RubricCheck;
  scope: CheckScope;
  when?: PhraseSet;
  phrases?: PhraseSet;
  with?: PhraseSet;
  unless?: PhraseSet;
  groups?: PhraseSet;
  groupNames: string[];
}

/** A problem in a check's definition: which field, what is wrong and how to put it right. */
export interface DefinitionProblem {
  /** The path below the check: `['min']`, `['groups', 'email']`, `['when', 2]`. */
  path: Array<string | number>;
  message: string;
  fix: string;
}

/** What every check's run is given: the account's rule context and the rubric's one scan of its sentences. */
export interface CheckRun {
  ctx: RuleContext;
  scans: SentenceScans;
  c: CompiledCheck;
}

export interface CheckKind {
  kind: RubricCheck['kind'];
  /** One line for the rule list and SARIF. */
  summary: string;
  /** The fields this kind reads, beside id, kind, severity, message and criteria (any other is ignored: a warning). */
  fields: ReadonlyArray<keyof RubricCheck>;
  /** The {placeholders} its messages may hold. */
  placeholders: readonly string[];
  /** Where the phrases must be found together when the check does not say. */
  defaultScope: CheckScope;
  /** Problems a schema cannot see, that leave the check loading but unable to work as meant. */
  validate(check: RubricCheck): DefinitionProblem[];
  run(run: CheckRun): void;
}

/** The piece of the account a sentence belongs to, for a check's scope: itself, its paragraph (a lead-in and its list) or the account. */
export function unitOf(ctx: RuleContext, scope: CheckScope, s: Sentence): object {
  if (scope === 'sentence') return s;
  if (scope === 'account') return ctx;
  return paragraphOf(ctx, s.block);
}

function paragraphOf(ctx: RuleContext, block: Block): object {
  for (const p of ctx.paragraphs) if (p.blocks.includes(block)) return p;
  return block;
}

/** The evidence hits of a set, by scope unit, in account order. */
export function hitsByUnit(run: CheckRun, set: PhraseSet): Map<object, Hit[]> {
  const out = new Map<object, Hit[]>();
  for (const h of run.scans.evidenceHits(set)) {
    const unit = unitOf(run.ctx, run.c.scope, h.sentence);
    const list = out.get(unit);
    if (list) list.push(h);
    else out.set(unit, [h]);
  }
  return out;
}

/** The check's groups found among some hits, in the rubric's order. */
export function groupsIn(c: CompiledCheck, hits: readonly Hit[]): { found: string[]; missing: string[] } {
  const found = c.groupNames.filter((g) => hits.some((h) => h.match.phrase.tag === g));
  return { found, missing: c.groupNames.filter((g) => !found.includes(g)) };
}

/** Whether an account-wide check applies, and the first trigger: `when` in evidence, else a citation of `whenCriteria`. */
export function appliesToAccount(run: CheckRun): { applies: boolean; at?: Hit } {
  const { ctx, scans, c } = run;
  if (!c.check.when && !c.check.whenCriteria) return { applies: true };
  const at = c.when ? scans.evidenceHits(c.when)[0] : undefined;
  if (at) return { applies: true, at };
  if (c.check.whenCriteria?.some((id) => ctx.references.some((r) => r.id === id))) return { applies: true };
  return { applies: false };
}

/** Where a finding of a scope's check goes: the trigger, else the first hit, else the first paragraph citing the criterion, else the title (next-steps.ts). */
export function anchor(run: CheckRun, at?: Hit, hits: readonly Hit[] = []): { start: number; end: number } {
  const { ctx, c } = run;
  if (at) return hitRange(at);
  if (hits.length) return hitRange(hits[0]);
  const ref = ctx.references.find((r) => c.check.whenCriteria?.includes(r.id) || c.check.criteria?.includes(r.id));
  if (ref) {
    const s = ref.block.sentences.find((x) => x.start <= ref.start && ref.start <= x.end) ?? ref.block.sentences[0];
    return { start: s.start, end: s.end };
  }
  return accountAnchor(ctx.doc);
}

export function report(
  run: CheckRun,
  at: { start: number; end: number },
  values: Parameters<typeof fillMessage>[1],
): void {
  const { check } = run.c;
  run.ctx.report({
    message: fillMessage(check.message, values),
    start: at.start,
    end: at.end,
    data: {
      check: check.id,
      kind: check.kind,
      criteria: check.criteria ?? [],
      found: values.found ?? [],
      missing: values.missing ?? [],
    },
  });
}

/** A check's `min` against its groups: more than there are can never be met. */
export function minProblems(check: RubricCheck): DefinitionProblem[] {
  const groups = Object.keys(check.groups ?? {}).length;
  if (check.min === undefined || !groups || check.min <= groups) return [];
  return [
    {
      path: ['min'],
      message: `min is ${check.min} but the check has ${groups} group${groups === 1 ? '' : 's'}, so it can never be met`,
      fix: `lower min to ${groups} or add groups`,
    },
  ];
}

/**
 * A trigger that holds groups' phrases anywhere in its words ("took the order" and "order") satisfies
 * those groups by itself being written: when they are `min` or more, the trigger can never lead to a finding.
 */
export function triggersInGroups(check: RubricCheck): DefinitionProblem[] {
  if (!check.when || !check.groups) return [];
  const min = check.min ?? 1;
  const groups = Object.entries(check.groups).map(([name, phrases]) => ({ name, set: new PhraseSet(phrases) }));
  const out: DefinitionProblem[] = [];
  check.when.forEach((trigger, i) => {
    const t = new PhraseSet([trigger]).phrases[0];
    if (!t) return;
    const held = groups.flatMap(({ name, set }) => {
      const inner = set.phrases.find((p) => phraseHolds(t, p));
      return inner ? [{ name, phrase: inner.source }] : [];
    });
    if (held.length < min) return;
    const list = held.map((h) => `"${h.phrase}" of group \`${h.name}\``).join(' and ');
    out.push({
      path: ['when', i],
      message: `the trigger "${trigger}" holds ${list}, so writing the trigger meets the check (min ${min}) by itself and it never reports`,
      fix: `remove ${held.map((h) => `"${h.phrase}"`).join(' and ')} from the group${held.length > 1 ? 's' : ''}, or make ${held.length > 1 ? 'them phrases' : 'it a phrase'} the trigger does not hold`,
    });
  });
  return out;
}
