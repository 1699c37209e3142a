/**
 * analyze(): reads an account once, runs every enabled rule and the rubric's checks, and
 * returns findings with the stage, paragraph and criterion maps the CLI and editor show.
 */
import { bundledRubrics } from './bundled-rubrics.js';
import { rubricRules } from './checks/index.js';
import { parseAccount, type AccountDocument, type Block } from './document.js';
import { noticesFor, unitOf, type Notice } from './front-matter.js';
import { readInlineConfig } from './inline-config.js';
import { contentWords, placeholderSpans } from './claims.js';
import { rankerFor, supports, type CriterionRanker, type RankedCriterion } from './ranking.js';
import { findReferences, type CriterionReference } from './references.js';
import { ruleUrl, type ParagraphInfo, type Report, type Rule, type RuleContext } from './rule.js';
import { rules } from './rules/index.js';
import { suggestion } from './rules/criterion-not-evidenced.js';
import { analyseModel, modelOf, readModelSentence, type ModelAnalysis, type ModelReading } from './models.js';
import { analyseCycle, sentenceStages, type CycleAnalysis } from './stages.js';
import type { Sentence } from './document.js';
import { Statements } from './statements.js';
import type { RankTrace, StageTrace } from './explain-trace.js';
import {
  STAGES,
  type AnalysisResult,
  type AnalyzeOptions,
  type CriterionResult,
  type Finding,
  type Rubric,
  type Stage,
} from './types.js';

/** Which rubric an account asks for: front matter `unit:` (or `rubric:`), else the option. */
export function rubricIdFor(doc: AccountDocument, fallback?: string): string | undefined {
  return unitOf(doc)?.id ?? fallback;
}

/**
 * Work an analysis may take from a host's cache instead of doing it again: incremental.ts keeps one
 * per open document, by block. Each must give exactly what the analyser itself would (the
 * equivalence test of incremental against full analysis holds them to it).
 */
export interface Reuse {
  /** Statements whose facts may come from the cache. */
  statements: Statements;
  /** RuleContext.keep: per-sentence and per-block work, kept while the block's text stays the same. */
  keep: RuleContext['keep'];
  /** rankContent of a paragraph's sentences. */
  rank(
    ranker: CriterionRanker,
    prose: string,
    sentences: readonly Sentence[],
    bySentence: Map<Sentence, Stage[]>,
  ): RankedCriterion[];
}

/** RuleContext.keep for an analysis that keeps nothing. */
const computeNow: RuleContext['keep'] = (_key, _at, compute) => compute();

/** Keys of the per-sentence and per-block work the analyser itself keeps. */
const STAGES_OF = {};
const PLACEHOLDERS = {};
/** One key per reflective model: a sentence reads differently against each. */
const MODEL_STAGES_OF = { gibbs: {}, kolb: {} };

/** What an analysis tells an explanation as it decides (explain.ts); see explain-trace.ts. */
export interface AnalysisTrace extends StageTrace {
  /** A sentence read against the unit's own model (Gibbs, Kolb): what it showed and what was not counted. */
  modelRead?(s: Sentence, reading: ModelReading): void;
  /** The trace for ranking the content of a paragraph (its sentences, as ParagraphInfo holds them). */
  ranking(sentences: readonly Sentence[]): RankTrace;
  /** The analysis is done: what the rules were given, for the rubric checks' evidence. */
  done(context: RuleContext): void;
}

/** What analyzeAccount returns. */
export interface AccountAnalysis {
  result: AnalysisResult;
  notices: Notice[];
  document: AccountDocument;
  paragraphs: ParagraphInfo[];
}

function paragraphInfos(
  doc: AccountDocument,
  statements: Statements,
  references: CriterionReference[],
  cycle: CycleAnalysis,
  rubric: Rubric | undefined,
  keep: RuleContext['keep'],
  rank = rankContent,
): ParagraphInfo[] {
  const ranker = rubric ? rankerFor(rubric) : undefined;
  const infos: ParagraphInfo[] = [];
  const bySentence = new Map<Sentence, Stage[]>();
  for (const [stage, list] of cycle.evidence) {
    for (const s of list) {
      const stages = bySentence.get(s);
      if (stages) stages.push(stage);
      else bySentence.set(s, [stage]);
    }
  }
  const refsByBlock = new Map<Block, CriterionReference[]>();
  for (const r of references) {
    const refs = refsByBlock.get(r.block);
    if (refs) refs.push(r);
    else refsByBlock.set(r.block, [r]);
  }
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.paragraph < 0) continue;
    // A lead-in line and the list straight after it are read as one piece of evidence.
    const group: Block[] = [block];
    for (let j = i + 1; j < blocks.length && blocks[j].kind === 'list-item'; j++) group.push(blocks[j]);
    const sentences = group.length === 1 ? block.sentences.slice() : group.flatMap((b) => b.sentences);
    const refs =
      group.length === 1 ? (refsByBlock.get(block)?.slice() ?? []) : group.flatMap((b) => refsByBlock.get(b) ?? []);
    const describesAction = sentences.some((s) => statements.tellsOfAction(s));
    const unfilled = group.some((b) =>
      keep(PLACEHOLDERS, b, () => placeholderSpans(doc.prose.slice(b.start, b.end)).length > 0),
    );
    infos.push({
      block,
      blocks: group,
      sentences,
      references: refs,
      ranked: ranker ? rank(ranker, doc.prose, sentences, bySentence) : [],
      describesAction,
      unfilled,
    });
  }
  return infos;
}

/**
 * Ranks criteria on what a paragraph tells, not on what it claims: link sentences ("This
 * demonstrates my ability to … (AC 4).") and unfilled placeholders are left out (claims.ts), and
 * only the stages its other sentences evidence give their bonus. Otherwise a claim would support itself.
 */
export function rankContent(
  ranker: CriterionRanker,
  prose: string,
  sentences: readonly Sentence[],
  bySentence: Map<Sentence, Stage[]>,
  why?: RankTrace,
): RankedCriterion[] {
  const content = contentWords(prose, sentences);
  const told = new Set(content);
  return ranker.rank(
    content,
    stagesIn(
      bySentence,
      sentences.filter((s) => s.words.some((w) => told.has(w))),
    ),
    why,
  );
}

function stagesIn(bySentence: Map<Sentence, Stage[]>, sentences: readonly Sentence[]): Set<Stage> {
  const found = new Set<Stage>();
  for (const s of sentences) for (const stage of bySentence.get(s) ?? []) found.add(stage);
  return found;
}

/** The unit's own reflective model read over the cycle analysis's examples, when its rubric names Gibbs or Kolb. */
function modelAnalysis(
  doc: AccountDocument,
  statements: Statements,
  cycle: CycleAnalysis,
  rubric: Rubric | undefined,
  keep: RuleContext['keep'],
  trace: AnalysisTrace | undefined,
): ModelAnalysis | undefined {
  const model = modelOf(rubric?.cycle);
  if (!model) return undefined;
  const read = (s: Sentence) => readModelSentence(model, s, doc, statements);
  if (trace)
    return analyseModel(model, doc, cycle.examples, (s) => {
      const r = read(s);
      trace.modelRead?.(s, r);
      return r;
    });
  const key = MODEL_STAGES_OF[model.id];
  return analyseModel(model, doc, cycle.examples, (s) => keep(key, s, () => read(s)));
}

/**
 * A criterion's status: a citation counts as evidence only when the citing paragraph's content
 * supports the criterion (ranking.ts, SUPPORT_MIN_SCORE); other citations are claims.
 */
function criterionResult(id: string, paragraphs: readonly ParagraphInfo[]): CriterionResult {
  const citing = paragraphs.filter((p) => p.references.some((r) => r.id === id));
  const evidencing = citing.filter((p) => supports(p.ranked, id)).map((p) => p.block.paragraph);
  const claimedIn = citing.filter((p) => !supports(p.ranked, id)).map((p) => p.block.paragraph);
  if (evidencing.length) return { id, status: 'evidenced', paragraphs: evidencing, claimedIn };
  const suggesting = paragraphs.filter((p) => suggestion(p)?.id === id).map((p) => p.block.paragraph);
  if (claimedIn.length) return { id, status: 'claimed', paragraphs: suggesting, claimedIn };
  return { id, status: suggesting.length ? 'suggested' : 'missing', paragraphs: suggesting, claimedIn };
}

/** Analyses an account: the per-file object of the JSON output (without its path). */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return analyzeAccount(text, options).result;
}

/**
 * As analyze(), plus notices for the host to show (unreadable front matter, an unknown unit), the
 * parsed account and what the analyser knows of each paragraph, so an editor host can answer hover
 * and code actions without parsing or ranking again.
 */
export function analyzeAccount(text: string, options: AnalyzeOptions = {}): AccountAnalysis {
  return analyseDocument(parseAccount(text), options);
}

/**
 * analyzeAccount of an account already parsed, taking what `reuse` holds instead of working it out again.
 * `trace` hears the decisions as they are made, for an explanation (explain.ts); it takes nothing from `reuse`'s caches.
 */
export function analyseDocument(
  doc: AccountDocument,
  options: AnalyzeOptions = {},
  reuse?: Reuse,
  trace?: AnalysisTrace,
): AccountAnalysis {
  const rubrics = options.rubrics ?? bundledRubrics();
  const wanted = rubricIdFor(doc, options.rubric);
  const rubric = wanted ? rubrics.find((r) => r.id === wanted) : undefined;
  const notices = noticesFor(doc, wanted, rubrics);

  const statements = reuse?.statements ?? new Statements(doc.prose);
  const keep = reuse?.keep ?? computeNow;
  const references = findReferences(doc, reuse?.keep, rubric);
  const cycle = trace
    ? analyseCycle(doc, statements, (s) => sentenceStages(s, doc, statements, trace), trace)
    : reuse
      ? analyseCycle(doc, statements, (s) => keep(STAGES_OF, s, () => sentenceStages(s, doc, statements)))
      : analyseCycle(doc, statements);
  const model = modelAnalysis(doc, statements, cycle, rubric, keep, trace);
  const rank: typeof rankContent | undefined = trace
    ? (ranker, prose, sentences, bySentence) =>
        rankContent(ranker, prose, sentences, bySentence, trace.ranking(sentences))
    : reuse?.rank;
  const paragraphs = paragraphInfos(doc, statements, references, cycle, rubric, keep, rank);
  const criteria = (rubric?.criteria ?? []).map((c) => criterionResult(c.id, paragraphs));
  const inline = readInlineConfig(doc);
  const findings: Finding[] = [];
  const severities = { ...rubric?.severities, ...options.severities };

  // What every rule is given; its report is the rule's own.
  const given: Omit<RuleContext, 'report'> = {
    doc,
    statements,
    rubric,
    cycle,
    ...(model ? { model } : {}),
    references,
    paragraphs,
    criteria,
    keep,
  };
  // Every finding is labelled here, from its rule: id, severity (the settings', else the rubric's, else the rule's) and link.
  const makeContext = (rule: Rule): RuleContext => ({
    ...given,
    report(r: Report) {
      const range = doc.lines.range(r.start, r.end);
      if (!inline.enabled(rule.id, range.start.line)) return;
      findings.push({
        rule: rule.id,
        severity: (severities[rule.id] as Finding['severity'] | undefined) ?? rule.severity,
        message: r.message,
        range,
        ...(r.data ? { data: r.data } : {}),
        ...(r.fixes && r.fixes.length
          ? {
              fixes: r.fixes.map((f) => ({
                title: f.title,
                edits: f.edits.map((e) => ({ range: doc.lines.range(e.start, e.end), newText: e.newText })),
                ...(f.safe ? { safe: true } : {}),
              })),
            }
          : {}),
        url: ruleUrl(rule),
      });
    },
  });

  // Built-in rules, then the rubric's checks as rules (their ids never clash: checkRubric refuses that).
  for (const rule of rubric ? [...rules, ...rubricRules(rubric)] : rules) {
    if (severities[rule.id] === 'off' || (rule.needsRubric && !rubric)) continue;
    rule.check(makeContext(rule));
  }
  trace?.done({ ...given, report: () => undefined });

  findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.rule === b.rule ? 0 : a.rule.localeCompare(b.rule)),
  );

  const stages = Object.fromEntries(
    STAGES.map((s) => [s, cycle.evidence.get(s)!.map((x) => doc.lines.range(x.start, x.end))]),
  ) as Record<Stage, AnalysisResult['stages'][Stage]>;
  const result: AnalysisResult = {
    rubric: rubric?.id ?? null,
    findings,
    stages,
    ...(model
      ? {
          model: {
            id: model.model.id,
            stages: Object.fromEntries(
              [...model.evidence].map(([id, list]) => [id, list.map((x) => doc.lines.range(x.start, x.end))]),
            ),
          },
        }
      : {}),
    paragraphs: paragraphs.map((p) => ({
      range: doc.lines.range(p.block.start, p.block.end),
      criteria: [...new Set(p.references.map((r) => r.id))],
      suggestedCriteria: p.ranked
        .filter((r) => r.score > 0)
        .slice(0, 3)
        .map((r) => r.id),
    })),
    criteria,
  };
  return { result, notices, document: doc, paragraphs };
}
