/**
 * What an account still needs, in one place: where account-wide findings sit (the title line, else
 * the front matter's unit line), and "What to add next": each stage of the service cycle not yet shown
 * and each criterion not yet evidenced, with one plain sentence of what would count. Pure data, so the
 * command line, SARIF and every editor place and word them alike.
 */
import type { AccountDocument } from './document.js';
import { MODELS, modelOf } from './models.js';
import {
  STAGES,
  STAGE_TITLES,
  type AnalysisResult,
  type CriterionStatus,
  type Range,
  type Rubric,
  type Stage,
} from './types.js';

/** A stage as a sentence names it: "This account does not yet show monitoring progress." */
export const STAGE_NAMES: Record<Stage, string> = {
  'identify-need': 'identifying the customer’s need',
  'agree-standards': 'agreeing a standard',
  deliver: 'delivering the service',
  monitor: 'monitoring progress',
  evaluate: 'evaluating the service',
  improve: 'improving the service',
};

/** What would show a stage, said to the learner. */
export const STAGE_ADVICE: Record<Stage, string> = {
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

/** A unit's reflective model as every edge shows it: its stages in order, in words. */
export interface CycleView {
  id: 'service' | 'gibbs' | 'kolb';
  /** "the service cycle", "Gibbs' reflective cycle". */
  title: string;
  /** For a short label: "Cycle 4 of 6", "Gibbs 4 of 6". */
  short: string;
  stages: ReadonlyArray<{ id: string; title: string; name: string; advice: string }>;
}

const SERVICE_CYCLE: CycleView = {
  id: 'service',
  title: 'the service cycle',
  short: 'Cycle',
  stages: STAGES.map((s) => ({ id: s, title: STAGE_TITLES[s], name: STAGE_NAMES[s], advice: STAGE_ADVICE[s] })),
};

/** The model a unit's accounts are read against (the service cycle unless its rubric names another); none for `"cycle": "none"`. */
export function cycleViewOf(rubric: Pick<Rubric, 'cycle'> | undefined): CycleView | undefined {
  if (rubric?.cycle === 'none') return undefined;
  const m = modelOf(rubric?.cycle);
  return m ? { id: m.id, title: m.title, short: m.short, stages: m.stages } : SERVICE_CYCLE;
}

/** A stage's title by its id, of any model ("Monitor", "Feelings"); ids are distinct across models. */
export function stageTitle(id: string): string | undefined {
  for (const stages of [SERVICE_CYCLE.stages, ...Object.values(MODELS).map((m) => m.stages)]) {
    const stage = stages.find((s) => s.id === id);
    if (stage) return stage.title;
  }
  return undefined;
}

/** Where each of the view's stages is shown in a result: the model's stages, or the service cycle's. */
export function stagesShown(
  result: Pick<AnalysisResult, 'stages' | 'model'>,
  view: CycleView,
): Record<string, Range[]> {
  if (view.id !== 'service' && result.model?.id === view.id) return result.model.stages;
  return view.id === 'service' ? result.stages : {};
}

/**
 * Where a finding about the whole account goes: its title line (the first heading), else the front
 * matter's unit line, else the start. One place, so what is missing is never pinned to a paragraph.
 */
export function accountAnchor(doc: AccountDocument): { start: number; end: number } {
  const title = doc.blocks.find((b) => b.kind === 'heading');
  if (title) return { start: title.start, end: title.end };
  return doc.frontMatter?.valueRange('unit') ?? doc.frontMatter?.valueRange('rubric') ?? { start: 0, end: 0 };
}

/** One thing to add, as the Criteria view and other editors list it. */
export interface NextStep {
  kind: 'stage' | 'criterion';
  /** The stage's id, or the criterion's id ("3"). */
  id: string;
  /** "Monitor", "AC 3". */
  title: string;
  /** For a criterion: how far it is (never `evidenced`). */
  status?: Exclude<CriterionStatus, 'evidenced'>;
  /** One sentence, in plain words, of what would count. */
  advice: string;
  /** The 0-based line the advice points at (the paragraph that cites it or reads like it), if any. */
  line?: number;
}

/** A criterion's ability ("monitor my service") as said to the learner ("monitor your service"). */
export function abilityForYou(ability: string): string {
  return ability
    .replace(/\bmyself\b/g, 'yourself')
    .replace(/\bmy\b/g, 'your')
    .replace(/\bmine\b/g, 'yours')
    .replace(/\b(?:me|I)\b/g, 'you');
}

/**
 * What to add next: the stages not yet shown (in the cycle's order; none when the unit reads no
 * cycle), then the criteria not yet evidenced (in the rubric's order), each with what would count.
 */
export function nextSteps(result: AnalysisResult, rubric?: Rubric): NextStep[] {
  const steps: NextStep[] = [];
  const view = cycleViewOf(rubric);
  if (view) {
    const shown = stagesShown(result, view);
    for (const s of view.stages) {
      if (shown[s.id]?.length) continue;
      steps.push({ kind: 'stage', id: s.id, title: s.title, advice: s.advice });
    }
  }
  const lineOf = (paragraph: number | undefined) =>
    paragraph === undefined ? undefined : result.paragraphs[paragraph]?.range.start.line;
  for (const c of result.criteria) {
    const criterion = rubric?.criteria.find((x) => x.id === c.id);
    if (c.status === 'evidenced' || !criterion) continue;
    const ability = abilityForYou(criterion.ability);
    const title = `AC ${c.id}`;
    if (c.status === 'claimed') {
      const line = lineOf(c.claimedIn[0]);
      steps.push({
        kind: 'criterion',
        id: c.id,
        title,
        status: c.status,
        advice: `You cite it${line === undefined ? '' : ` on line ${line + 1}`}, but that paragraph does not yet show it: say there what you did to ${ability}, step by step.`,
        ...(line === undefined ? {} : { line }),
      });
    } else if (c.status === 'suggested') {
      const line = lineOf(c.paragraphs[0]);
      steps.push({
        kind: 'criterion',
        id: c.id,
        title,
        status: c.status,
        advice: `The paragraph${line === undefined ? '' : ` on line ${line + 1}`} reads like evidence that you can ${ability}: if it is, link it to ${title}.`,
        ...(line === undefined ? {} : { line }),
      });
    } else {
      steps.push({
        kind: 'criterion',
        id: c.id,
        title,
        status: c.status,
        advice: `Tell of a time you had to ${ability}: what happened, what you did, step by step, and how it turned out.`,
      });
    }
  }
  return steps;
}

/** Findings about what is missing, counted in the criteria and stages rather than as things to fix. */
const MISSING_RULES = new Set(['cycle-stage-missing', 'criterion-not-evidenced']);

/** How far an account is, as the CodeLens above its title and the status bar say it. */
export interface AccountSummary {
  /** Criteria evidenced of the unit's; absent when the account names no unit. */
  criteria?: { evidenced: number; of: number };
  /** Stages of the unit's model (the service cycle unless its rubric names another) shown; absent when the unit reads none. */
  stages?: { shown: number; of: number };
  /** Findings in the text to put right (what is missing is counted above, not here). */
  toFix: number;
  /** Short, for the CodeLens: "AC 3 of 5 · Cycle 4 of 6 · 2 to fix" (words, not "3/5", which a screen reader may read as a date or a fraction). */
  text: string;
  /** The same as a sentence, for a tooltip or a screen reader's label. */
  label: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The account's summary: criteria evidenced, stages shown and findings to fix, in words. */
export function accountSummary(result: AnalysisResult, rubric?: Rubric): AccountSummary {
  const criteria = rubric
    ? { evidenced: result.criteria.filter((c) => c.status === 'evidenced').length, of: result.criteria.length }
    : undefined;
  const view = cycleViewOf(rubric);
  const shown = view && stagesShown(result, view);
  const stages =
    view && shown
      ? { shown: view.stages.filter((s) => shown[s.id]?.length).length, of: view.stages.length }
      : undefined;
  const toFix = result.findings.filter((f) => !MISSING_RULES.has(f.rule)).length;
  const short: string[] = [];
  const long: string[] = [];
  if (criteria) {
    short.push(`AC ${criteria.evidenced} of ${criteria.of}`);
    long.push(`${criteria.evidenced} of ${plural(criteria.of, 'criterion', 'criteria')} evidenced`);
  }
  if (stages && view) {
    short.push(`${view.short} ${stages.shown} of ${stages.of}`);
    long.push(
      view.id === 'service'
        ? `${stages.shown} of ${stages.of} service-cycle stages shown`
        : `${stages.shown} of ${stages.of} stages of ${view.title} shown`,
    );
  }
  short.push(toFix ? `${toFix} to fix` : 'nothing to fix');
  long.push(toFix ? `${plural(toFix, 'finding')} to fix` : 'nothing to fix');
  return {
    ...(criteria ? { criteria } : {}),
    ...(stages ? { stages } : {}),
    toFix,
    text: short.join(' · '),
    label: `${long.join(', ')}.`,
  };
}
