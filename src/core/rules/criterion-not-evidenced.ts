/**
 * criterion-not-evidenced: a criterion of the rubric that no paragraph evidences. When a paragraph
 * reads like evidence for it, the finding sits on that paragraph with a fix that adds the link;
 * otherwise on the account's title line (or the front matter's unit line), with the other account-wide
 * findings (next-steps.ts). A criterion that is cited but not shown
 * (status `claimed`) is left to criterion-claimed, which sits on each citation, unless another
 * paragraph reads like its evidence: then this rule points there.
 */
import type { RankedCriterion } from '../ranking.js';
import type { ParagraphInfo, Rule } from '../rule.js';
import { linkSentence } from '../edits.js';
import { accountAnchor } from '../next-steps.js';

/** How much a criterion must lead the others before a paragraph is suggested as its evidence. */
export const SUGGESTION_MIN_SCORE = 2;

/**
 * The criterion a paragraph reads like evidence for, if any: it tells of something the learner did,
 * the criterion ranks first at SUGGESTION_MIN_SCORE or above, and no template placeholder is left in
 * it. A template's own frame ("I collected feedback by [first way] and…") reads like a criterion
 * even with its gaps left out, but it is not the learner's evidence until they fill it in.
 */
export function suggestion(p: ParagraphInfo): RankedCriterion | undefined {
  const top = p.ranked[0];
  return p.describesAction && !p.unfilled && p.sentences.length > 0 && top && top.score >= SUGGESTION_MIN_SCORE
    ? top
    : undefined;
}

export const criterionNotEvidenced: Rule = {
  id: 'criterion-not-evidenced',
  severity: 'information',
  summary: 'A criterion of the unit that no paragraph of the account evidences.',
  needsRubric: true,
  check(ctx) {
    const rubric = ctx.rubric!;
    // A reference outside the paragraphs (a heading, a table, a quote) is not weighed against content: it counts as cited.
    const citedElsewhere = new Set(
      ctx.references.filter((r) => !ctx.paragraphs.some((p) => p.blocks.includes(r.block))).map((r) => r.id),
    );
    for (const c of rubric.criteria) {
      const status = ctx.criteria.find((x) => x.id === c.id);
      if (!status || status.status === 'evidenced' || citedElsewhere.has(c.id)) continue;
      const claimed = status.status === 'claimed';
      const best = ctx.paragraphs
        .filter((p) => suggestion(p)?.id === c.id)
        .sort((a, b) => b.ranked[0].score - a.ranked[0].score)[0];
      const text = `AC ${c.id} (${c.text.replace(/\.$/, '')})`;
      if (best) {
        const end = best.block.end;
        const joiner = /[.!?]["”’)]*$/.test(ctx.doc.text.slice(best.block.start, end)) ? ' ' : '. ';
        const first = best.block.sentences[0] ?? best.sentences[0];
        const where = claimed ? ctx.paragraphs.find((p) => p.block.paragraph === status.claimedIn[0]) : undefined;
        const line = where ? ctx.doc.lines.position(where.block.start).line + 1 : 0;
        ctx.report({
          message: claimed
            ? `AC ${c.id} is cited on line ${line}, but that paragraph does not show it yet. This paragraph looks like evidence for it: if it is, link it.`
            : `No paragraph refers to ${text} yet. This paragraph looks like evidence for it: if it is, link it.`,
          start: first.start,
          end: first.end,
          data: {
            criterion: c.id,
            paragraph: best.block.paragraph,
            ...(claimed ? { claimedIn: status.claimedIn } : {}),
          },
          fixes: [
            {
              title: `Link this paragraph to AC ${c.id}`,
              edits: [{ start: end, end, newText: joiner + linkSentence(c) }],
            },
          ],
        });
        continue;
      }
      // Cited but not shown, and nothing else reads like it: criterion-claimed says so on each citation.
      if (claimed) continue;
      const at = accountAnchor(ctx.doc);
      ctx.report({
        message: `No paragraph evidences ${text} yet. Add an example of a time you did this, and link it with “(AC ${c.id})”.`,
        start: at.start,
        end: at.end,
        data: { criterion: c.id },
      });
    }
  },
};
