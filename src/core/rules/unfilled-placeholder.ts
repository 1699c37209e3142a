/**
 * unfilled-placeholder: a gap left from a template, such as "[number]", "[insert example]" or
 * "[a measurable standard, e.g. "replied within 2 working days"]". It is not evidence (the analyser
 * leaves it out of what it weighs, claims.ts), and an assessor reading it sees an unfinished account.
 * There is no fix: only the learner knows what goes there.
 */
import { placeholderSpans } from '../claims.js';
import type { Rule } from '../rule.js';

/** The gap as the learner sees it (Markdown escapes removed), long ones by their start. */
function shown(text: string): string {
  const seen = text.replace(/\\([[\]])/g, '$1');
  return seen.length > 60 ? `${seen.slice(0, 50).trimEnd()} …]` : seen;
}

export const unfilledPlaceholder: Rule = {
  id: 'unfilled-placeholder',
  severity: 'warning',
  summary: 'A gap left from a template, such as "[number]" or "[insert example]", that still needs your own words.',
  check(ctx) {
    const prose = ctx.doc.prose;
    for (const block of ctx.doc.blocks) {
      const body = prose.slice(block.start, block.end);
      if (!body.includes('[')) continue;
      for (const gap of placeholderSpans(body, block.start)) {
        const text = ctx.doc.text.slice(gap.start, gap.end);
        ctx.report({
          message: `“${shown(text)}” is a gap left from a template. Replace it with your own words about what really happened, so the assessor can count it.`,
          start: gap.start,
          end: gap.end,
          data: { placeholder: text },
        });
      }
    }
  },
};
