/**
 * hypothetical-language: what the learner would, could or should do instead of what they did
 * ("If a customer complained I would…"). Reported promises and agreements ("I told her I would
 * ring back", "we agreed that I would…"), consequences ("otherwise we would…") and "I should
 * have…" are not hypothetical.
 */
import type { Rule } from '../rule.js';

export const hypotheticalLanguage: Rule = {
  id: 'hypothetical-language',
  severity: 'warning',
  summary: 'A sentence says what you would or could do, instead of what you did.',
  check(ctx) {
    for (const s of ctx.doc.sentences) {
      if (s.block.kind === 'heading' || s.block.kind === 'quote') continue;
      for (const [from, to] of ctx.statements.of(s).hypothetical) {
        const start = s.words[from].start;
        const end = s.words[to - 1].end;
        ctx.report({
          message:
            'This says what you would do, not what you did. Assessors need evidence of a real occasion: describe a time it happened, in the past tense (“I asked…”, “I rang…”).',
          start,
          end,
          data: { text: ctx.doc.text.slice(start, end) },
        });
      }
    }
  },
};
