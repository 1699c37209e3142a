/**
 * cycle-stage-missing: the account (or one of its examples) lacks a stage of the service cycle.
 * The finding sits where the learner would add the stage: on a heading that names the stage but
 * has nothing behind it, else after the evidence of the stage before it, else before the stage after it.
 */
import type { Block, Sentence } from '../document.js';
import type { Rule, RuleContext } from '../rule.js';
import type { Example } from '../stages.js';
import { STAGES, type Stage } from '../types.js';

export const STAGE_NAMES: Record<Stage, string> = {
  'identify-need': 'identifying the customer’s need',
  'agree-standards': 'agreeing a standard',
  deliver: 'delivering the service',
  monitor: 'monitoring progress',
  evaluate: 'evaluating the service',
  improve: 'improving the service',
};

const ADVICE: Record<Stage, string> = {
  'identify-need':
    'Say how you found out what the customer needed: the questions you asked, how you listened, and how you checked you had understood (for example by summarising back).',
  'agree-standards':
    'Say what standard you worked to: a timescale or target you agreed with the customer (such as "by 4pm the next day"), or your organisation’s standard (an SLA or charter) and how you applied it.',
  deliver: 'Say what you actually did to provide the service, step by step.',
  monitor: 'Say how you checked progress against the standard: what you checked or logged, and when.',
  evaluate:
    'Say what feedback or results you gathered afterwards (a survey, a follow-up call, comment cards) and what they showed.',
  improve: 'Say what changed, or what you recommended, because of that feedback, and who agreed it.',
};

const HEADING_WORDS: Record<Stage, RegExp> = {
  'identify-need': /identif|need/i,
  'agree-standards': /agree|standard/i,
  deliver: /deliver|what i did|action/i,
  monitor: /monitor|track/i,
  evaluate: /evaluat|feedback/i,
  improve: /improv|change/i,
};

function place(ctx: RuleContext, ex: Example, stage: Stage): { start: number; end: number } {
  const headingFor = ctx.doc.blocks.find(
    (b) =>
      b.kind === 'heading' &&
      b.start >= ex.start &&
      b.start < ex.end &&
      HEADING_WORDS[stage].test(ctx.doc.prose.slice(b.start, b.end)),
  );
  if (headingFor) return { start: headingFor.start, end: headingFor.end };
  const index = STAGES.indexOf(stage);
  // Evidence of a later stage is not where an earlier one belongs ("we started offering call-backs"
  // shows delivery too, but the missing monitoring goes before it).
  const later = new Set(STAGES.slice(index + 1).flatMap((s) => ex.evidence.get(s)!));
  for (let i = index - 1; i >= 0; i--) {
    const list = ex.evidence.get(STAGES[i])!.filter((s) => !later.has(s));
    if (list.length) return lastSentenceOf(list[list.length - 1].block);
  }
  for (let i = index + 1; i < STAGES.length; i++) {
    const list = ex.evidence.get(STAGES[i])!;
    if (list.length) return firstSentence(list[0]);
  }
  if (ex.heading) return { start: ex.heading.start, end: ex.heading.end };
  const last = ex.sentences[ex.sentences.length - 1];
  return last ? { start: last.start, end: last.end } : { start: 0, end: 0 };
}

function lastSentenceOf(block: Block): { start: number; end: number } {
  const s = block.sentences[block.sentences.length - 1];
  return { start: s.start, end: s.end };
}

function firstSentence(s: Sentence): { start: number; end: number } {
  const first = s.block.sentences[0];
  return { start: first.start, end: first.end };
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
        const at = place(ctx, ex, stage);
        ctx.report({
          message: `${where} ${STAGE_NAMES[stage]}. ${ADVICE[stage]}`,
          start: at.start,
          end: at.end,
          data: several ? { stage, example: ex.title } : { stage },
        });
      }
    }
  },
};
