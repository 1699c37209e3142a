/** conditional: where a trigger phrase is found, at least `min` of the named groups must be too. */
import { groupsIn, hitsByUnit, minProblems, report, type CheckKind, type DefinitionProblem } from './kind.js';
import { PhraseSet } from '../phrases.js';
import { hitRange } from './evidence.js';
import type { RubricCheck } from '../types.js';

/** A trigger phrase that is also a group's phrase satisfies the check by itself being written. */
function selfSatisfying(check: RubricCheck): DefinitionProblem[] {
  if (!check.when || !check.groups) return [];
  const out: DefinitionProblem[] = [];
  for (const [name, phrases] of Object.entries(check.groups)) {
    const set = new PhraseSet(phrases);
    check.when.forEach((trigger, i) => {
      const words = new PhraseSet([trigger]).phrases[0]?.tokens;
      if (!words) return;
      if (
        set.phrases.some(
          (p) =>
            p.tokens.length <= words.length && p.tokens.every((t, k) => JSON.stringify(t) === JSON.stringify(words[k])),
        )
      ) {
        out.push({
          path: ['when', i],
          message: `the trigger "${trigger}" also matches group "${name}", so writing it satisfies its own check`,
          fix: `remove "${trigger}" from one of the two, or make the group's phrase longer`,
        });
      }
    });
  }
  return out;
}

export const conditional: CheckKind = {
  kind: 'conditional',
  summary: 'Reports a trigger phrase without at least min of its groups.',
  fields: ['when', 'groups', 'min', 'scope'],
  placeholders: ['found', 'missing', 'count', 'min'],
  defaultScope: 'account',
  validate: (check) => [...minProblems(check), ...selfSatisfying(check)],
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
