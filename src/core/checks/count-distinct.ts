/** count-distinct: the account (or, with a scope, one sentence or paragraph) shows at least `min` of the named groups. */
import { accountAnchor } from '../next-steps.js';
import {
  appliesToAccount,
  anchor,
  groupsIn,
  hitsByUnit,
  minProblems,
  report,
  triggersInGroups,
  type CheckKind,
} from './kind.js';

export const countDistinct: CheckKind = {
  kind: 'count-distinct',
  summary: 'Reports when fewer than min of its groups are shown.',
  fields: ['groups', 'min', 'when', 'whenCriteria', 'scope'],
  placeholders: ['found', 'missing', 'count', 'min'],
  defaultScope: 'account',
  validate: (check) => [...minProblems(check), ...triggersInGroups(check)],
  run(run) {
    const { c } = run;
    const min = c.check.min ?? 1;
    if (c.scope === 'account') {
      const when = appliesToAccount(run);
      if (!when.applies) return;
      const hits = run.scans.evidenceHits(c.groups!);
      const { found, missing } = groupsIn(c, hits);
      // What the whole account shows is said once, on its title line with the other account-wide findings.
      if (found.length < min) report(run, accountAnchor(run.ctx.doc), { found, missing, count: found.length, min });
      return;
    }
    const groups = hitsByUnit(run, c.groups!);
    if (c.when) {
      // Each sentence or paragraph with a trigger must show the groups itself.
      for (const [unit, triggers] of hitsByUnit(run, c.when)) {
        const { found, missing } = groupsIn(c, groups.get(unit) ?? []);
        if (found.length < min) report(run, anchor(run, triggers[0]), { found, missing, count: found.length, min });
      }
      return;
    }
    if (!appliesToAccount(run).applies) return;
    // No trigger: one sentence or paragraph somewhere must show them together; else say what the best one had.
    let best: { found: string[]; missing: string[] } = { found: [], missing: c.groupNames };
    let bestHits = run.scans.evidenceHits(c.groups!).slice(0, 1);
    for (const hits of groups.values()) {
      const g = groupsIn(c, hits);
      if (g.found.length >= min) return;
      if (g.found.length > best.found.length) [best, bestHits] = [g, hits];
    }
    report(run, anchor(run, undefined, bestHits), { ...best, count: best.found.length, min });
  },
};
