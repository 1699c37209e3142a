/** unknown-criterion: a reference to a criterion the unit's rubric does not have. */
import { supportedCriteria } from '../ranking.js';
import type { Rule } from '../rule.js';

export const unknownCriterion: Rule = {
  id: 'unknown-criterion',
  severity: 'error',
  summary: 'A criterion reference (such as AC 7) names a criterion the unit does not have.',
  needsRubric: true,
  check(ctx) {
    const rubric = ctx.rubric!;
    const ids = rubric.criteria.map((c) => c.id);
    for (const ref of ctx.references) {
      if (ids.includes(ref.id)) continue;
      const paragraph = ctx.paragraphs.find((p) => p.blocks.includes(ref.block));
      const options = supportedCriteria(paragraph?.ranked ?? [])
        .slice(0, 3)
        .map((r) => r.id);
      ctx.report({
        message: `“${rubric.title}” has no criterion ${ref.id}. Its criteria are ${listIds(ids)}: check the number against the unit.`,
        start: ref.start,
        end: ref.end,
        data: { criterion: ref.id, known: ids },
        // Only an id written alone is replaced: rewriting a range or an outcome would change what else is cited.
        fixes: (ref.written === 'id' ? options : []).map((id) => ({
          title: `Change to AC ${id}`,
          edits: [{ start: ref.start, end: ref.end, newText: id }],
        })),
      });
    }
  },
};

export function listIds(ids: readonly string[]): string {
  if (ids.length <= 1) return ids.join('');
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}
