/**
 * cycle-stage-missing: the account (or one of its examples) lacks a stage of its unit's reflective
 * model: the service cycle, or Gibbs' or Kolb's cycle where the unit's rubric names one (models.ts).
 * The finding sits on a heading that names the stage but has nothing behind it, else on the
 * example's heading (an account of several), else on the account's title line with the other
 * account-wide findings.
 */
import type { Block } from '../document.js';
import { accountAnchor, STAGE_ADVICE, STAGE_NAMES } from '../next-steps.js';
import type { ModelAnalysis } from '../models.js';
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
function place(
  ctx: RuleContext,
  ex: Example,
  names: (heading: Block) => boolean,
  several: boolean,
): { start: number; end: number } {
  const headingFor = ctx.doc.blocks.find(
    (b) => b.kind === 'heading' && b.start >= ex.start && b.start < ex.end && names(b),
  );
  if (headingFor) return { start: headingFor.start, end: headingFor.end };
  if (several && ex.heading) return { start: ex.heading.start, end: ex.heading.end };
  return accountAnchor(ctx.doc);
}

export const cycleStageMissing: Rule = {
  id: 'cycle-stage-missing',
  severity: 'warning',
  summary:
    "The account lacks a stage of its unit's reflective model: the service cycle (identify need, agree standards, deliver, monitor, evaluate, improve), or Gibbs' or Kolb's cycle where the unit names one.",
  check(ctx) {
    // A unit whose rubric names no reflective model ("cycle": "none") is not read against one.
    if (!ctx.doc.sentences.length || ctx.rubric?.cycle === 'none') return;
    if (ctx.model) return modelStagesMissing(ctx, ctx.model);
    const several = ctx.cycle.examples.length > 1;
    for (const ex of ctx.cycle.examples) {
      if (!ex.sentences.length) continue;
      for (const stage of STAGES) {
        if (ex.evidence.get(stage)!.length) continue;
        const where = several ? `The example “${ex.title}” does not yet show` : 'This account does not yet show';
        const at = place(ctx, ex, (b) => HEADING_WORDS[stage].test(ctx.doc.prose.slice(b.start, b.end)), several);
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

/** The same for a unit's own model: each of its stages an example does not show, in the model's words. */
function modelStagesMissing(ctx: RuleContext, m: ModelAnalysis): void {
  const several = m.examples.length > 1;
  for (const { example: ex, evidence } of m.examples) {
    if (!ex.sentences.length) continue;
    for (const stage of m.model.stages) {
      if (evidence.get(stage.id)!.length) continue;
      const where = several ? `The example “${ex.title}” does not yet show` : 'This account does not yet show';
      const at = place(ctx, ex, (b) => stage.headings.matchAll(b.words).length > 0, several);
      ctx.report({
        message: `${where} ${stage.name} (${m.model.title}: ${stage.title}). ${stage.advice}`,
        start: at.start,
        end: at.end,
        data: several
          ? { stage: stage.id, model: m.model.id, example: ex.title }
          : { stage: stage.id, model: m.model.id },
      });
    }
  }
}
