/** existence: report each phrase found, such as a vague description the unit warns against. */
import { hitRange } from './evidence.js';
import { appliesToAccount, hitsByUnit, report, unitOf, type CheckKind } from './kind.js';

export const existence: CheckKind = {
  kind: 'existence',
  summary: 'Reports each of its phrases where the learner writes it.',
  fields: ['phrases', 'unless', 'when', 'whenCriteria', 'scope'],
  placeholders: ['found'],
  defaultScope: 'account',
  validate: () => [],
  run(run) {
    const { ctx, scans, c } = run;
    // Account scope: a trigger anywhere makes every sentence count; narrower: only the trigger's own sentence or paragraph.
    const account = c.scope === 'account';
    if (account && !appliesToAccount(run).applies) return;
    const triggered = !account && c.when ? new Set(hitsByUnit(run, c.when).keys()) : undefined;
    const cited =
      !account && c.check.whenCriteria
        ? new Set(
            ctx.references
              .filter((r) => c.check.whenCriteria!.includes(r.id))
              .flatMap((r) => r.block.sentences.map((s) => unitOf(ctx, c.scope, s))),
          )
        : undefined;
    for (const s of scans.sentences) {
      const scan = scans.of(s);
      if (c.unless && scan.has(c.unless)) continue;
      if (triggered || cited) {
        const unit = unitOf(ctx, c.scope, s);
        if (!triggered?.has(unit) && !cited?.has(unit)) continue;
      }
      for (const m of scan.matchAll(c.phrases!))
        report(run, hitRange({ sentence: s, match: m }), { found: [m.phrase.source] });
    }
  },
};
