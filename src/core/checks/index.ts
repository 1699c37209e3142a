/**
 * Rubric checks: each rubric names check kinds with parameters (as Vale styles do); the kinds are
 * implemented here. Phrase lists are compiled once per rubric.
 */
import { PhraseIndex, PhraseSet } from '../phrases.js';
import type { RuleContext } from '../rule.js';
import type { Rubric, RubricCheck } from '../types.js';
import { fillMessage, hitRange, SentenceScans, type Hit } from './evidence.js';

interface CompiledCheck {
  check: RubricCheck;
  when?: PhraseSet;
  phrases?: PhraseSet;
  with?: PhraseSet;
  unless?: PhraseSet;
  groups?: PhraseSet;
  groupNames: string[];
}

interface CompiledRubric {
  checks: CompiledCheck[];
  index: PhraseIndex;
}

const compiled = new WeakMap<Rubric, CompiledRubric>();

/** Every phrase list of every check of a rubric, compiled once into one index. */
function compileRubric(rubric: Rubric): CompiledRubric {
  let c = compiled.get(rubric);
  if (!c) {
    const checks = rubric.checks.map(compile);
    const sets = checks.flatMap((x) => [x.when, x.phrases, x.with, x.unless, x.groups].filter((p): p is PhraseSet => p !== undefined));
    c = { checks, index: new PhraseIndex(sets) };
    compiled.set(rubric, c);
  }
  return c;
}

function compile(check: RubricCheck): CompiledCheck {
  {
    return {
      check,
      when: check.when ? new PhraseSet(check.when) : undefined,
      phrases: check.phrases ? new PhraseSet(check.phrases) : undefined,
      with: check.with ? new PhraseSet(check.with) : undefined,
      unless: check.unless ? new PhraseSet(check.unless) : undefined,
      groups: check.groups ? new PhraseSet(check.groups) : undefined,
      groupNames: Object.keys(check.groups ?? {}),
    };
  }
}

/** Whether the check applies to this account, and the first place that made it apply. */
function applies(ctx: RuleContext, scans: SentenceScans, c: CompiledCheck): { applies: boolean; at?: Hit } {
  const { check } = c;
  if (!check.when && !check.whenCriteria) return { applies: true };
  const at = c.when ? scans.evidenceHits(c.when)[0] : undefined;
  if (at) return { applies: true, at };
  if (check.whenCriteria?.some((id) => ctx.references.some((r) => r.id === id))) return { applies: true };
  return { applies: false };
}

function groupsFound(scans: SentenceScans, c: CompiledCheck): { found: string[]; hits: Hit[] } {
  const hits = scans.evidenceHits(c.groups!);
  const found = c.groupNames.filter((g) => hits.some((h) => h.match.phrase.tag === g));
  return { found, hits };
}

/** Where a whole-account finding goes: the trigger, else the first paragraph citing the criterion. */
function anchor(ctx: RuleContext, c: CompiledCheck, at?: Hit, hits: Hit[] = []): { start: number; end: number } {
  if (at) return hitRange(at);
  if (hits.length) return hitRange(hits[0]);
  const ref = ctx.references.find((r) => c.check.whenCriteria?.includes(r.id) || c.check.criteria?.includes(r.id));
  if (ref) {
    const s = ref.block.sentences.find((x) => x.start <= ref.start && ref.start <= x.end) ?? ref.block.sentences[0];
    return { start: s.start, end: s.end };
  }
  const title = ctx.doc.blocks.find((b) => b.kind === 'heading');
  return title ? { start: title.start, end: title.end } : { start: 0, end: 0 };
}

type Kind = (ctx: RuleContext, scans: SentenceScans, c: CompiledCheck) => void;

const KINDS: Record<RubricCheck['kind'], Kind> = {
  existence(ctx, scans, c) {
    if (!applies(ctx, scans, c).applies) return;
    for (const s of scans.sentences) {
      const scan = scans.of(s);
      if (c.unless && scan.has(c.unless)) continue;
      for (const m of scan.matchAll(c.phrases!)) {
        const h = { sentence: s, match: m };
        report(ctx, c, hitRange(h), { found: [m.phrase.source] });
      }
    }
  },
  'count-distinct'(ctx, scans, c) {
    const when = applies(ctx, scans, c);
    if (!when.applies) return;
    const { found, hits } = groupsFound(scans, c);
    const min = c.check.min ?? 1;
    if (found.length >= min) return;
    const missing = c.groupNames.filter((g) => !found.includes(g));
    report(ctx, c, anchor(ctx, c, when.at, hits), { found, missing, count: found.length, min });
  },
  conditional(ctx, scans, c) {
    const when = applies(ctx, scans, c);
    if (!when.applies || !when.at) return;
    const { found } = groupsFound(scans, c);
    const min = c.check.min ?? 1;
    if (found.length >= min) return;
    const missing = c.groupNames.filter((g) => !found.includes(g));
    report(ctx, c, hitRange(when.at), { found, missing, count: found.length, min });
  },
  'co-occurrence'(ctx, scans, c) {
    if (!applies(ctx, scans, c).applies) return;
    for (const s of scans.sentences) {
      const scan = scans.of(s);
      const first = scan.matchAll(c.phrases!)[0];
      if (!first || !scan.has(c.with!) || (c.unless && scan.has(c.unless)) || !ctx.statements.isFactual(s)) continue;
      report(ctx, c, { start: s.start, end: s.end }, { found: [first.phrase.source] });
    }
  },
};

function report(ctx: RuleContext, c: CompiledCheck, at: { start: number; end: number }, values: Parameters<typeof fillMessage>[1]) {
  ctx.report({
    rule: c.check.id,
    severity: c.check.severity ?? 'warning',
    message: fillMessage(c.check.message, values),
    start: at.start,
    end: at.end,
    data: { check: c.check.id, kind: c.check.kind, criteria: c.check.criteria ?? [], found: values.found ?? [], missing: values.missing ?? [] },
  });
}

export function runRubricChecks(ctx: RuleContext, enabled: (id: string) => boolean): void {
  if (!ctx.rubric) return;
  const { checks, index } = compileRubric(ctx.rubric);
  const scans = new SentenceScans(ctx, index);
  for (const c of checks) {
    if (enabled(c.check.id)) KINDS[c.check.kind](ctx, scans, c);
  }
}
