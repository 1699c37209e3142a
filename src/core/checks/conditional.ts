/** conditional: where a trigger phrase is found, at least `min` of the named groups must be too. */
import { groupsIn, hitsByUnit, minProblems, report, triggersInGroups, type CheckKind } from './kind.js';
import { hitRange } from './evidence.js';

export const conditional: CheckKind = {
  kind: 'conditional',
  summary: 'Reports a trigger phrase without at least min of its groups.',
  fields: ['when', 'groups', 'min', 'scope'],
  placeholders: ['found', 'missing', 'count', 'min'],
  defaultScope: 'account',
  validate: (check) => [...minProblems(check), ...triggersInGroups(check)],
  run(run) {
    const { c } = run;
    const min = c.check.min ?? 1;
    if (c.scope === 'account') {
      const at = run.scans.evidenceHits(c.when!)[0];
      if (!at) return;
      const { found, missing } = groupsIn(c, run.scans.evidenceHits(c.groups!));
      if (found.length < min) report(run, hitRange(at), { found, missing, count: found.length, min });
      return;
    }
    const groups = hitsByUnit(run, c.groups!);
    for (const [unit, triggers] of hitsByUnit(run, c.when!)) {
      const { found, missing } = groupsIn(c, groups.get(unit) ?? []);
      if (found.length < min) report(run, hitRange(triggers[0]), { found, missing, count: found.length, min });
    }
  },
};
