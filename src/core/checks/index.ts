/**
 * Rubric checks: each rubric names check kinds with parameters (as Vale styles do); the kinds are
 * implemented here. Phrase lists are compiled once per rubric.
 */
import { PhraseSet } from '../phrases.js';
import type { RuleContext } from '../rule.js';
import type { RubricCheck } from '../types.js';
import { evidenceHits, fillMessage, hitRange, proseSentences, type Hit } from './evidence.js';

interface CompiledCheck {
  check: RubricCheck;
  when?: PhraseSet;
  phrases?: PhraseSet;
  with?: PhraseSet;
  unless?: PhraseSet;
  groups?: PhraseSet;
  groupNames: string[];
}

const compiled = new WeakMap<RubricCheck, CompiledCheck>();

function compile(check: RubricCheck): CompiledCheck {
  let c = compiled.get(check);
  if (!c) {
    c = {
      check,
      when: check.when ? new PhraseSet(check.when) : undefined,
      phrases: check.phrases ? new PhraseSet(check.phrases) : undefined,
      with: check.with ? new PhraseSet(check.with) : undefined,
      unless: check.unless ? new PhraseSet(check.unless) : undefined,
      groups: check.groups ? new PhraseSet(check.groups) : undefined,
      groupNames: Object.keys(check.groups ?? {}),
    };
    compiled.set(check, c);
  }
  return c;
}

/** Whether the check applies to this account, and the first place that made it apply. */
function applies(ctx: RuleContext, c: CompiledCheck): { applies: boolean; at?: Hit } {
  const { check } = c;
  if (!check.when && !check.whenCriteria) return { applies: true };
  const at = c.when ? evidenceHits(ctx, c.when)[0] : undefined;
  if (at) return { applies: true, at };
  if (check.whenCriteria?.some((id) => ctx.references.some((r) => r.id === id))) return { applies: true };
  return { applies: false };
}

function groupsFound(ctx: RuleContext, c: CompiledCheck): { found: string[]; hits: Hit[] } {
  const hits = evidenceHits(ctx, c.groups!);
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

type Kind = (ctx: RuleContext, c: CompiledCheck) => void;

const KINDS: Record<RubricCheck['kind'], Kind> = {
  existence(ctx, c) {
    if (!applies(ctx, c).applies) return;
    for (const s of proseSentences(ctx)) {
      if (c.unless?.test(s.words)) continue;
      for (const m of c.phrases!.matchAll(s.words)) {
        const h = { sentence: s, match: m };
        report(ctx, c, hitRange(h), { found: [m.phrase.source] });
      }
    }
  },
  'count-distinct'(ctx, c) {
    const when = applies(ctx, c);
    if (!when.applies) return;
    const { found, hits } = groupsFound(ctx, c);
    const min = c.check.min ?? 1;
    if (found.length >= min) return;
    const missing = c.groupNames.filter((g) => !found.includes(g));
    report(ctx, c, anchor(ctx, c, when.at, hits), { found, missing, count: found.length, min });
  },
  conditional(ctx, c) {
    const when = applies(ctx, c);
    if (!when.applies || !when.at) return;
    const { found } = groupsFound(ctx, c);
    const min = c.check.min ?? 1;
    if (found.length >= min) return;
    const missing = c.groupNames.filter((g) => !found.includes(g));
    report(ctx, c, hitRange(when.at), { found, missing, count: found.length, min });
  },
  'co-occurrence'(ctx, c) {
    if (!applies(ctx, c).applies) return;
    for (const s of proseSentences(ctx)) {
      if (!ctx.statements.isFactual(s) || c.unless?.test(s.words)) continue;
      const first = c.phrases!.matchAll(s.words)[0];
      if (!first || !c.with!.test(s.words)) continue;
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
  for (const check of ctx.rubric?.checks ?? []) {
    if (!enabled(check.id)) continue;
    KINDS[check.kind](ctx, compile(check));
  }
}
