/** co-occurrence: a phrase and one of `with` stated together, as a fact (two terms confused in one sentence). */
import type { Sentence } from '../document.js';
import type { PhraseMatch } from '../phrases.js';
import { appliesToAccount, report, unitOf, type CheckKind } from './kind.js';

export const coOccurrence: CheckKind = {
  kind: 'co-occurrence',
  summary: 'Reports a sentence (or paragraph) holding one of its phrases together with one of with.',
  fields: ['phrases', 'with', 'unless', 'when', 'whenCriteria', 'scope'],
  placeholders: ['found'],
  defaultScope: 'sentence',
  validate: () => [],
  run(run) {
    const { ctx, scans, c } = run;
    if (!appliesToAccount(run).applies) return;
    // By unit: the first sentence with a phrase, whether any has `with`, whether any has `unless`.
    const units = new Map<object, { first?: { s: Sentence; m: PhraseMatch }; with: boolean; unless: boolean }>();
    for (const s of scans.sentences) {
      if (!ctx.statements.isFactual(s)) continue;
      const scan = scans.of(s);
      const unit = unitOf(ctx, c.scope, s);
      let u = units.get(unit);
      if (!u) units.set(unit, (u = { with: false, unless: false }));
      const m = scan.matchAll(c.phrases!)[0];
      if (m && !u.first) u.first = { s, m };
      if (scan.has(c.with!)) u.with = true;
      if (c.unless && scan.has(c.unless)) u.unless = true;
    }
    for (const u of units.values()) {
      if (!u.first || !u.with || u.unless) continue;
      report(run, { start: u.first.s.start, end: u.first.s.end }, { found: [u.first.m.phrase.source] });
    }
  },
};
