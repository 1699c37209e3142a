/**
 * criterion-claimed: a paragraph cites a criterion ("(AC 4)") but what it tells does not read like
 * evidence for it. A citation is a claim; the assessor needs the content that backs it. The finding
 * sits on each such citation and says, from the rubric's own wording, what the paragraph would need
 * to show. There is no fix that deletes the claim: the learner should add what they did. When the
 * paragraph clearly reads like evidence for a criterion it does not cite, a fix offers to cite that
 * one instead; it changes what the learner claims, so it is never safe.
 */
import { supportedCriteria } from '../ranking.js';
import type { OffsetFix, Rule } from '../rule.js';
import type { CriterionReference } from '../references.js';
import type { Criterion } from '../types.js';
import { listIds } from './unknown-criterion.js';
import { suggestion } from './criterion-not-evidenced.js';

/** The rubric's first-person ability ("follow my organisation's procedure") as said to the learner. */
export function yourAbility(c: Criterion): string {
  return c.ability
    .replace(/\bI am\b/g, 'you are')
    .replace(/\bI have\b/g, 'you have')
    .replace(/\bI\b/g, 'you')
    .replace(/\bmyself\b/gi, 'yourself')
    .replace(/\bmy\b/gi, 'your')
    .replace(/\bme\b/g, 'you')
    .replace(/\.$/, '');
}

export const criterionClaimed: Rule = {
  id: 'criterion-claimed',
  severity: 'information',
  summary: 'A paragraph cites a criterion, such as "(AC 4)", but does not yet say what you did that shows it.',
  needsRubric: true,
  check(ctx) {
    const rubric = ctx.rubric!;
    const byId = new Map(rubric.criteria.map((c) => [c.id, c]));
    for (const p of ctx.paragraphs) {
      const cited = new Set(p.references.map((r) => r.id));
      const supported = supportedCriteria(p.ranked);
      const supportedIds = new Set(supported.map((r) => r.id));
      // A criterion the paragraph clearly reads like (as criterion-not-evidenced suggests one) and does not cite.
      const suggested = suggestion(p);
      const better = suggested && !cited.has(suggested.id) ? byId.get(suggested.id) : undefined;
      // The ids of a range or an outcome ("LO4") that are not shown make one finding on what was written.
      const grouped = new Map<string, { ref: CriterionReference; criteria: Criterion[] }>();
      for (const ref of p.references) {
        const c = byId.get(ref.id);
        if (!c || supportedIds.has(c.id)) continue;
        const hint = better
          ? ` It reads more like evidence for AC ${better.id}: if that is what you meant, cite AC ${better.id} instead.`
          : '';
        if (ref.via) {
          const key = `${ref.start}:${ref.via}`;
          const group = grouped.get(key);
          if (group) group.criteria.push(c);
          else grouped.set(key, { ref, criteria: [c] });
          continue;
        }
        // Only an id written alone is replaced: rewriting a range or an outcome would change what else is cited.
        const fixes: OffsetFix[] = better
          ? [
              {
                title: `Cite AC ${better.id} instead: ${better.ability}`,
                edits: [{ start: ref.start, end: ref.end, newText: better.id }],
              },
            ]
          : [];
        ctx.report({
          message: `This paragraph cites AC ${c.id} but does not yet say what you did for it. Add what you did: how you ${yourAbility(c)}.${hint}`,
          start: startOf(ref),
          end: ref.end,
          data: { criterion: c.id, paragraph: p.block.paragraph, supportedCriteria: supported.map((r) => r.id) },
          ...(fixes.length ? { fixes } : {}),
        });
      }
      for (const { ref, criteria } of grouped.values()) {
        const ids = listIds(criteria.map((c) => c.id));
        const how = criteria.map((c) => `how you ${yourAbility(c)}${criteria.length > 1 ? ` (AC ${c.id})` : ''}`);
        ctx.report({
          message: `This paragraph cites ${ref.via}, which includes AC ${ids}, but does not yet say what you did for ${criteria.length > 1 ? 'them' : 'it'}. Add what you did: ${how.join('; ')}.`,
          start: startOf(ref),
          end: ref.end,
          data: {
            criterion: criteria[0].id,
            criteria: criteria.map((c) => c.id),
            paragraph: p.block.paragraph,
            supportedCriteria: supported.map((r) => r.id),
          },
        });
      }
    }

    // The finding covers "AC 4" when the id opens its list, else the id alone ("5" of "AC 4 and 5").
    function startOf(ref: CriterionReference): number {
      return /\d/.test(ctx.doc.text.slice(ref.fullStart, ref.start)) ? ref.start : ref.fullStart;
    }
  },
};
