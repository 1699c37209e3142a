/**
 * criterion-not-evidenced: a criterion of the rubric that no paragraph references. When a
 * paragraph reads like evidence for it, the finding sits on that paragraph with a fix that adds
 * the link; otherwise on the front matter's unit line (or the title).
 */
import type { Rule } from '../rule.js';
import { linkSentence } from './missing-demonstrates-link.js';

/** How much a criterion must lead the others before a paragraph is suggested as its evidence. */
export const SUGGESTION_MIN_SCORE = 2;

export const criterionNotEvidenced: Rule = {
  id: 'criterion-not-evidenced',
  severity: 'information',
  summary: 'A criterion of the unit that no paragraph of the account references.',
  needsRubric: true,
  check(ctx) {
    const rubric = ctx.rubric!;
    const referenced = new Set(ctx.references.map((r) => r.id));
    for (const c of rubric.criteria) {
      if (referenced.has(c.id)) continue;
      const best = ctx.paragraphs
        .filter((p) => p.describesAction && p.sentences.length > 0 && p.ranked[0]?.id === c.id && p.ranked[0].score >= SUGGESTION_MIN_SCORE)
        .sort((a, b) => b.ranked[0].score - a.ranked[0].score)[0];
      const text = `AC ${c.id} (${c.text.replace(/\.$/, '')})`;
      if (best) {
        const end = best.block.end;
        const joiner = /[.!?]["”’)]*$/.test(ctx.doc.text.slice(best.block.start, end)) ? ' ' : '. ';
        const first = best.block.sentences[0] ?? best.sentences[0];
        ctx.report({
          message: `No paragraph refers to ${text} yet. This paragraph looks like evidence for it: if it is, link it.`,
          start: first.start,
          end: first.end,
          data: { criterion: c.id, paragraph: best.block.paragraph },
          fixes: [{ title: `Link this paragraph to AC ${c.id}`, edits: [{ start: end, end, newText: joiner + linkSentence(c) }] }],
        });
        continue;
      }
      const unit = ctx.doc.frontMatter?.valueRange('unit') ?? ctx.doc.frontMatter?.valueRange('rubric');
      const title = ctx.doc.blocks.find((b) => b.kind === 'heading');
      const at = unit ?? (title ? { start: title.start, end: title.end } : { start: 0, end: 0 });
      ctx.report({
        message: `No paragraph evidences ${text} yet. Add an example of a time you did this, and link it with “(AC ${c.id})”.`,
        start: at.start,
        end: at.end,
        data: { criterion: c.id },
      });
    }
  },
};
