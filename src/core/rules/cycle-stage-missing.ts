/**
 * cycle-stage-missing: the account (or one of its examples) lacks a stage of the service cycle.
 * The finding sits on a heading that names the stage but has nothing behind it, else on the
 * example's heading (an account of several), else on the account's title line with the other
 * account-wide findings.
 */
import { accountAnchor, STAGE_ADVICE, STAGE_NAMES } from '../next-steps.js';
import type { Rule, RuleContext } from '../rule.js';
import type { Example } from '../stages.js';
import { STAGES, type Stage } from '../types.js';

const HEADING_WORDS: Record<Stage, RegExp> = {
  'identify-need': /identif|need/i,
  'agree-standards': /agree|standard/i,
  deliver: /deliver|what i did|action/i,
  monitor: /monitor|track/i,
  evaluate: /evaluat|feedback/i,
  improve: /improv|change/i,
};

/**
 * Where a missing stage is said: on a heading of the example that names the stage but has nothing
 * behind it (that is where it goes); else once for the whole piece, never on a paragraph: the
 * example's heading when the account holds several, else the account's title line (next-steps.ts).
 */
function place(ctx: RuleContext, ex: Example, stage: Stage, several: boolean): { start: number; end: number } {
  const headingFor = ctx.doc.blocks.find(
    (b) =>
      b.kind === 'heading' &&
      b.start >= ex.start &&
      b.start < ex.end &&
      HEADING_WORDS[stage].test(ctx.doc.prose.slice(b.start, b.end)),
  );
  if (headingFor) return { start: headingFor.start, end: headingFor.end };
  if (several && ex.heading) return { start: ex.heading.start, end: ex.heading.end };
  return accountAnchor(ctx.doc);
}

export const cycleStageMissing: Rule = {
  id: 'cycle-stage-missing',
  severity: 'warning',
  summary:
    'The account lacks a stage of the service cycle: identify need, agree standards, deliver, monitor, evaluate, improve.',
  check(ctx) {
    // A unit whose rubric names no reflective model ("cycle": "none") is not read against one.
    if (!ctx.doc.sentences.length || ctx.rubric?.cycle === 'none') return;
    const several = ctx.cycle.examples.length > 1;
    for (const ex of ctx.cycle.examples) {
      if (!ex.sentences.length) continue;
      for (const stage of STAGES) {
        if (ex.evidence.get(stage)!.length) continue;
        const where = several ? `The example “${ex.title}” does not yet show` : 'This account does not yet show';
        const at = place(ctx, ex, stage, several);
        ctx.report({
          message: `${where} ${STAGE_NAMES[stage]}. ${STAGE_ADVICE[stage]}`,
          start: at.start,
          end: at.end,
          data: several ? { stage, example: ex.title } : { stage },
        });
      }
    }
  },
};
