/**
 * Measures the analyser against a labelled set of accounts (the format of ../shared/eval-dev):
 * precision and recall of cycle stages, vague standards, missing links, personal data and
 * hypothetical language, top-1 accuracy of criterion suggestions, and claims: how well the analyser
 * tells a citation the paragraph does not back (a claim) from one it does (evidence).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, bundledRubrics, readRubric, STAGES, type AnalysisResult, type Finding, type Rubric } from '../../src/core/index.js';
import { LineIndex } from '../../src/core/positions.js';

interface ParagraphLabel {
  starts_with: string;
  has_criterion_link: boolean;
  describes_action: boolean;
  best_criteria: string[];
}

export interface AccountLabel {
  file: string;
  rubric: string;
  quality: string;
  stages: Record<string, boolean>;
  vague_standards: string[];
  measurable_standards: string[];
  paragraphs: ParagraphLabel[];
  personal_data: string[];
  hypothetical: string[];
  /** For an account of a unit read against Gibbs' or Kolb's cycle: that model, and its stages as labelled. */
  model?: 'gibbs' | 'kolb';
  model_stages?: Record<string, boolean>;
}

export class Score {
  tp = 0;
  fp = 0;
  fn = 0;
  readonly misses: string[] = [];
  get precision() {
    return this.tp + this.fp ? this.tp / (this.tp + this.fp) : 1;
  }
  get recall() {
    return this.tp + this.fn ? this.tp / (this.tp + this.fn) : 1;
  }
  get f1() {
    const p = this.precision;
    const r = this.recall;
    return p + r ? (2 * p * r) / (p + r) : 0;
  }
  toString() {
    return `P ${this.precision.toFixed(2)}  R ${this.recall.toFixed(2)}  F1 ${this.f1.toFixed(2)}  (tp ${this.tp}, fp ${this.fp}, fn ${this.fn})`;
  }
}

export interface Evaluation {
  accounts: number;
  stages: Score;
  vague: Score;
  links: Score;
  personalData: Score;
  hypothetical: Score;
  /** Suggested criterion ranked first is among the labelled best criteria. */
  top1: { correct: number; total: number; misses: string[] };
  /**
   * Detection of claims: each criterion a paragraph cites is gold-supported when the label's
   * best_criteria holds it, and predicted-supported when the analyser counts that paragraph as its
   * evidence (status `evidenced`, the paragraph among its `paragraphs`). A positive is a citation
   * found unsupported (claimed). Ids the unit does not have are unknown-criterion's, not counted.
   */
  claims: Score;
  /** Stages of Gibbs' or Kolb's cycle, per account and stage, for the accounts labelled with one. */
  modelStages: Score;
  /** How many model-stage decisions were made (accounts × the model's stages). */
  modelDecisions: number;
}

interface Span {
  start: number;
  end: number;
}

function spansOf(text: string, needles: string[]): Span[] {
  return needles.map((n) => {
    const at = text.indexOf(n);
    if (at < 0) throw new Error(`label text not found in account: ${JSON.stringify(n)}`);
    return { start: at, end: at + n.length };
  });
}

function findingSpan(lines: LineIndex, f: Finding): Span {
  return { start: lines.offset(f.range.start), end: lines.offset(f.range.end) };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Spans matched by overlap; predictions repeating a labelled phrase's words are neutral. */
function scoreSpans(score: Score, text: string, predicted: Span[], gold: Span[], neutral: (p: Span) => boolean, file: string) {
  for (const g of gold) {
    if (predicted.some((p) => overlaps(p, g))) score.tp++;
    else {
      score.fn++;
      score.misses.push(`${file}: missed ${JSON.stringify(text.slice(g.start, g.end))}`);
    }
  }
  for (const p of predicted) {
    if (gold.some((g) => overlaps(p, g)) || neutral(p)) continue;
    score.fp++;
    score.misses.push(`${file}: false alarm ${JSON.stringify(text.slice(p.start, p.end))}`);
  }
}

/** The raw paragraphs of an account, as the labels count them: blank-line blocks after front matter. */
function labelParagraphStarts(text: string, result: AnalysisResult, lines: LineIndex, labels: ParagraphLabel[], file: string): number[] {
  return labels.map((l) => {
    const i = result.paragraphs.findIndex((p) => text.slice(lines.offset(p.range.start)).startsWith(l.starts_with));
    if (i < 0) throw new Error(`${file}: no analysed paragraph starts with ${JSON.stringify(l.starts_with)}`);
    return i;
  });
}

export interface EvaluateOptions {
  /** The rubrics to analyse with (default: the shipped ones), such as drafts in place of hand-written ones. */
  rubrics?: Rubric[];
  /** Only the accounts of this unit. */
  unit?: string;
  /** The folder of the corpus's own rubrics, when not its `rubrics/` (a held-out set for another set's units). */
  rubricsDir?: string;
}

/** The shipped rubrics, and a corpus's own (its `rubrics/` folder, or another's, for units no shipped rubric covers). */
export function corpusRubrics(dir: string, own = join(dir, 'rubrics')): Rubric[] | undefined {
  if (!existsSync(own)) return undefined;
  const extra = readdirSync(own)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = readRubric(readFileSync(join(own, f), 'utf8'));
      if (!r.ok) throw new Error(`${join(own, f)}: ${r.reason}`);
      return r.rubric;
    });
  return [...bundledRubrics(), ...extra];
}

export function evaluate(dir: string, options: EvaluateOptions = {}): Evaluation {
  const rubrics = options.rubrics ?? corpusRubrics(dir, options.rubricsDir);
  const labels: AccountLabel[] = (JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as AccountLabel[]).filter((l) => !options.unit || l.rubric === options.unit);
  const ev: Evaluation = {
    accounts: labels.length,
    stages: new Score(),
    vague: new Score(),
    links: new Score(),
    personalData: new Score(),
    hypothetical: new Score(),
    top1: { correct: 0, total: 0, misses: [] },
    claims: new Score(),
    modelStages: new Score(),
    modelDecisions: 0,
  };
  for (const label of labels) {
    const text = readFileSync(join(dir, 'accounts', label.file), 'utf8');
    const result = analyze(text, { rubric: label.rubric, rubrics });
    const lines = new LineIndex(text);
    const file = label.file;

    for (const stage of STAGES) {
      const predicted = result.stages[stage].length > 0;
      const gold = label.stages[stage];
      if (predicted && gold) ev.stages.tp++;
      else if (predicted) {
        ev.stages.fp++;
        ev.stages.misses.push(`${file}: ${stage} found but not there (${result.stages[stage].map((r) => text.slice(lines.offset(r.start), lines.offset(r.end)).slice(0, 90)).join(' | ')})`);
      } else if (gold) {
        ev.stages.fn++;
        ev.stages.misses.push(`${file}: ${stage} missed`);
      }
    }

    if (label.model && label.model_stages) {
      if (result.model?.id !== label.model) throw new Error(`${file}: labelled ${label.model}, but the analysis read ${result.model?.id ?? 'no model'} (is the rubric's cycle set?)`);
      for (const [stage, gold] of Object.entries(label.model_stages)) {
        const found = result.model.stages[stage];
        if (!found) throw new Error(`${file}: ${label.model} has no stage ${stage}`);
        ev.modelDecisions++;
        const predicted = found.length > 0;
        if (predicted && gold) ev.modelStages.tp++;
        else if (predicted) {
          ev.modelStages.fp++;
          ev.modelStages.misses.push(`${file}: ${label.model} ${stage} found but not there (${found.map((r) => text.slice(lines.offset(r.start), lines.offset(r.end)).slice(0, 90)).join(' | ')})`);
        } else if (gold) {
          ev.modelStages.fn++;
          ev.modelStages.misses.push(`${file}: ${label.model} ${stage} missed`);
        }
      }
    }

    const of = (rule: string) => result.findings.filter((f) => f.rule === rule).map((f) => findingSpan(lines, f));
    const vagueGold = spansOf(text, label.vague_standards);
    const vagueWords = label.vague_standards.map((v) => v.toLowerCase());
    scoreSpans(ev.vague, text, of('vague-standard'), vagueGold, (p) => {
      const said = text.slice(p.start, p.end).toLowerCase();
      return vagueWords.some((v) => v.includes(said) || said.includes(v));
    }, file);

    scoreSpans(ev.personalData, text, of('personal-data'), spansOf(text, label.personal_data), () => false, file);
    scoreSpans(ev.hypothetical, text, of('hypothetical-language'), spansOf(text, label.hypothetical), () => false, file);

    const indexes = labelParagraphStarts(text, result, lines, label.paragraphs, file);
    const linkFindings = result.findings.filter((f) => f.rule === 'missing-demonstrates-link');
    label.paragraphs.forEach((p, k) => {
      const para = result.paragraphs[indexes[k]];
      const span = { start: lines.offset(para.range.start), end: lines.offset(para.range.end) };
      const raw = text.slice(span.start, span.end);
      const gold = !p.has_criterion_link && (p.describes_action || /\b(?:this|that|which) (?:demonstrates|shows)\b/i.test(raw) && /demonstrates/i.test(raw));
      const predicted = linkFindings.some((f) => overlaps(findingSpan(lines, f), span));
      if (gold && predicted) ev.links.tp++;
      else if (predicted) {
        ev.links.fp++;
        ev.links.misses.push(`${file}: flagged but fine: ${JSON.stringify(p.starts_with)}`);
      } else if (gold) {
        ev.links.fn++;
        ev.links.misses.push(`${file}: missed: ${JSON.stringify(p.starts_with)}`);
      }
      for (const id of para.criteria) {
        const c = result.criteria.find((x) => x.id === id);
        if (!c) continue;
        const gold = !p.best_criteria.includes(id);
        const predicted = !(c.status === 'evidenced' && c.paragraphs.includes(indexes[k]));
        if (gold && predicted) ev.claims.tp++;
        else if (predicted) {
          ev.claims.fp++;
          ev.claims.misses.push(`${file}: AC ${id} called a claim but labelled evidence: ${JSON.stringify(p.starts_with)}`);
        } else if (gold) {
          ev.claims.fn++;
          ev.claims.misses.push(`${file}: AC ${id} counted as evidence but labelled a claim: ${JSON.stringify(p.starts_with)}`);
        }
      }
      if (p.best_criteria.length) {
        ev.top1.total++;
        if (p.best_criteria.includes(para.suggestedCriteria[0])) ev.top1.correct++;
        else ev.top1.misses.push(`${file}: ${JSON.stringify(p.starts_with)} suggested ${para.suggestedCriteria[0]}, labelled ${p.best_criteria.join('/')}`);
      }
    });
  }
  return ev;
}

export function formatEvaluation(name: string, ev: Evaluation): string {
  return [
    `${name}: ${ev.accounts} accounts`,
    `  stages            ${ev.stages}`,
    `  stage decisions   ${(((6 * ev.accounts - ev.stages.fp - ev.stages.fn) / (6 * ev.accounts)) * 100).toFixed(0)}% correct (${6 * ev.accounts - ev.stages.fp - ev.stages.fn}/${6 * ev.accounts}), ${ev.stages.fp} false alarms`,
    `  vague standards   ${ev.vague}`,
    `  missing links     ${ev.links}`,
    `  personal data     ${ev.personalData}`,
    `  hypothetical      ${ev.hypothetical}`,
    `  top-1 criterion   ${(ev.top1.correct / Math.max(1, ev.top1.total)).toFixed(2)} (${ev.top1.correct}/${ev.top1.total})`,
    `  claims            ${ev.claims}`,
    ...(ev.modelDecisions
      ? [
          `  model stages      ${ev.modelStages}`,
          `  model decisions   ${(((ev.modelDecisions - ev.modelStages.fp - ev.modelStages.fn) / ev.modelDecisions) * 100).toFixed(0)}% correct (${ev.modelDecisions - ev.modelStages.fp - ev.modelStages.fn}/${ev.modelDecisions}), ${ev.modelStages.fp} false alarms`,
        ]
      : []),
  ].join('\n');
}
