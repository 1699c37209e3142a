/**
 * Why the analyser decided as it did, for an assessor or a rubric's author: per stage, criterion and
 * rubric check, which phrase matched where, and which sentences were left out and why. Built from
 * the trace the analyser fills while it decides (explain-trace.ts), never by deciding again.
 */
import { analyseDocument, type AccountAnalysis, type AnalysisTrace } from './analyze.js';
import { contentWords } from './claims.js';
import { checksAndScans } from './checks/index.js';
import type { CompiledCheck } from './checks/kind.js';
import { parseAccount, type AccountDocument, type Sentence } from './document.js';
import type { RankTrace, SentenceSkip } from './explain-trace.js';
import type { PhraseMatch, PhraseSet, Scan } from './phrases.js';
import { SUPPORT_MIN_SCORE } from './ranking.js';
import type { RuleContext } from './rule.js';
import type { CueRejection, ModelAnalysis, ModelReading } from './models.js';
import { STAGE_CUES } from './stages.js';
import { measurableSpans } from './standards.js';
import type { NotEvidence } from './statements.js';
import { STAGES, STAGE_TITLES, type AnalyzeOptions, type CriterionStatus, type Stage } from './types.js';

/** A place in the account, 1-based as people read it, with the words found there. */
export interface ExplainPlace {
  line: number;
  column: number;
  words: string;
}

/** Why something found was not counted. */
export type NotCountedReason = NotEvidence | SentenceSkip | CueRejection | 'before-evaluation';

export interface NotCounted {
  sentence: ExplainPlace;
  matched: ExplainPlace[];
  reason: NotCountedReason;
  why: string;
}

export interface StageExplanation {
  /** A stage of the service cycle, or of the unit's own model (Gibbs, Kolb). */
  stage: string;
  title: string;
  present: boolean;
  /** Each sentence that evidences the stage, with the words that made it. */
  evidence: Array<{ sentence: ExplainPlace; matched: ExplainPlace[]; cues: string[] }>;
  notCounted: NotCounted[];
}

export interface ParagraphScore {
  /** The paragraph's index among the account's paragraphs, as in the JSON output. */
  paragraph: number;
  at: ExplainPlace;
  cited: boolean;
  score: number;
  /** The score reaches the support minimum: a citation here is evidence, not a claim. */
  supports: boolean;
  /** Words the paragraph shares with the criterion's wording, signals and key terms. */
  words: ExplainPlace[];
  /** Signal phrases of the criterion found whole. */
  signals: ExplainPlace[];
  /** The bonus for the criterion's stages that the paragraph shows. */
  stageBonus: number;
}

export interface CriterionExplanation {
  id: string;
  text: string;
  status: CriterionStatus;
  paragraphs: ParagraphScore[];
}

export interface CheckExplanation {
  id: string;
  kind: string;
  scope: string;
  /** Phrases found as evidence, by the check's field (`when`, `phrases`, `with`, `unless`, `groups`). */
  found: Array<{ field: string; group?: string; phrase: string; at: ExplainPlace }>;
  notCounted: Array<{
    field: string;
    group?: string;
    phrase: string;
    at: ExplainPlace;
    reason: NotCountedReason;
    why: string;
  }>;
  findings: Array<{ at: ExplainPlace; message: string }>;
}

export interface Explanation {
  /** The reflective model the stages are of: the service cycle, or the one the unit's rubric names. */
  model: 'service' | 'gibbs' | 'kolb';
  /** The model in words: "the service cycle", "Gibbs' reflective cycle". */
  modelTitle: string;
  /** A paragraph's content must score this for a criterion to count its citation as evidence. */
  supportMinimum: number;
  stages: StageExplanation[];
  /** Sentences not read as evidence at all (headings left out). */
  skipped: Array<{ sentence: ExplainPlace; reason: SentenceSkip; why: string }>;
  criteria: CriterionExplanation[];
  checks: CheckExplanation[];
}

/** Each reason in plain words, completing "not counted: …". */
export const REASONS: Readonly<Record<NotCountedReason, string>> = {
  negated: 'the sentence says it did not happen',
  hypothetical: 'it says what would or could be done, not what was done',
  counterfactual: 'it says what should or could have happened instead',
  quoted: "the words are in quotation marks: somebody's words, not the account of what was done",
  hedge: 'it is hedged ("may", "might", "perhaps"), not stated as what happened',
  expectation: 'it says what was expected or required, not what was done',
  consequence: 'it is a consequence that would follow, not what happened',
  heading: 'it is a heading',
  quote: 'it is a block quotation, not the account itself',
  opinion: 'it is an opinion ("I think", "I feel"), not a statement of what happened',
  meta: 'it is about the account itself ("In this account I will…")',
  'link-sentence':
    'it is a link sentence ("This demonstrates my ability to… (AC n)"): it names a criterion, it does not show it',
  placeholder: 'it still holds template text to fill in (such as "[number]")',
  incomplete: 'the cue is there, but not the rest of what the stage needs',
  'not-the-learner': 'the words are about somebody else, not the learner',
  past: 'it tells of what was done then, not of a plan for next time',
  'not-an-opinion': 'these words count here only as the learner’s own view of why ("I think it went wrong because…")',
  'before-evaluation': 'an improvement counts only after an evaluation earlier in the same example',
};

/** What each stage needs beyond its cue words, for `incomplete`. */
export const STAGE_NEEDS: Readonly<Record<Stage, string>> = {
  'identify-need': 'the learner (I or we) finding out what the customer needed, on an occasion',
  'agree-standards': 'a measurable standard or timescale (a number, a day, a time) agreed or applied',
  deliver: 'something the learner did for the customer on an occasion',
  monitor: 'the learner checking progress against the standard, or what was checked',
  evaluate: 'feedback or results actually gathered or looked at',
  improve: 'a change to the service made or recommended (not a personal learning goal)',
};

/** The cue lists that are a stage's own words; the others only give context, so finding one alone explains nothing. */
const PRIMARY = new Set(['identifyStrong', 'agreeWords', 'monitorCues', 'feedbackWords', 'improveCues']);

interface ReadSentence {
  s: Sentence;
  found: ReadonlySet<Stage>;
  scan: Scan;
  delivering: readonly number[];
}

/** Records the analyser's decisions for one analysis; only made when an explanation is asked for. */
class Collector implements AnalysisTrace {
  readonly skips: Array<{ s: Sentence; reason: SentenceSkip }> = [];
  readonly reads: ReadSentence[] = [];
  readonly drops: Array<{ s: Sentence; stage: Stage }> = [];
  readonly modelReads: Array<{ s: Sentence; reading: ModelReading }> = [];
  readonly rankings = new Map<readonly Sentence[], Scores>();
  context: RuleContext | undefined;

  skipped(s: Sentence, reason: SentenceSkip): void {
    this.skips.push({ s, reason });
  }
  read(s: Sentence, found: ReadonlySet<Stage>, scan: Scan, delivering: readonly number[]): void {
    this.reads.push({ s, found, scan, delivering });
  }
  dropped(s: Sentence, stage: Stage): void {
    this.drops.push({ s, stage });
  }
  modelRead(s: Sentence, reading: ModelReading): void {
    this.modelReads.push({ s, reading });
  }
  ranking(sentences: readonly Sentence[]): RankTrace {
    const scores = new Scores();
    this.rankings.set(sentences, scores);
    return scores;
  }
  done(context: RuleContext): void {
    this.context = context;
  }
}

/** What each criterion's score for one paragraph was made of. */
class Scores implements RankTrace {
  readonly terms = new Map<string, string[]>();
  readonly signals = new Map<string, PhraseMatch[]>();
  readonly bonus = new Map<string, number>();
  term(id: string, stem: string, _weight: number): void {
    const list = this.terms.get(id);
    if (list) list.push(stem);
    else this.terms.set(id, [stem]);
  }
  stageBonus(id: string, _shared: number, weight: number): void {
    this.bonus.set(id, weight);
  }
  signal(id: string, m: PhraseMatch, _weight: number): void {
    const list = this.signals.get(id);
    if (list) list.push(m);
    else this.signals.set(id, [m]);
  }
}

/** Analyses an account as analyzeAccount does, and explains the result. */
export function explainAccount(
  text: string,
  options: AnalyzeOptions = {},
): { analysis: AccountAnalysis; explanation: Explanation } {
  const collector = new Collector();
  const analysis = analyseDocument(parseAccount(text), options, undefined, collector);
  return { analysis, explanation: build(analysis, collector) };
}

function build(a: AccountAnalysis, t: Collector): Explanation {
  const doc = a.document;
  const ctx = t.context!;
  const st = ctx.statements;
  const place = (start: number, end: number): ExplainPlace => {
    const p = doc.lines.position(start);
    return { line: p.line + 1, column: p.character + 1, words: words(doc, start, end) };
  };
  const sentence = (s: Sentence) => place(s.start, s.end);
  const wordsAt = (s: Sentence, from: number, to: number) => place(s.words[from].start, s.words[to - 1].end);

  // Stages: evidence as kept by the cycle, with the cue words of the sentence that made it.
  const kept = new Map<Stage, Set<Sentence>>(STAGES.map((x) => [x, new Set(ctx.cycle.evidence.get(x))]));
  const stages: StageExplanation[] = STAGES.map((stage) => ({
    stage,
    title: STAGE_TITLES[stage],
    present: kept.get(stage)!.size > 0,
    evidence: [],
    notCounted: [],
  }));
  const byStage = new Map(stages.map((x) => [x.stage, x]));
  for (const r of t.reads) {
    for (const stage of r.found) {
      if (!kept.get(stage)!.has(r.s)) continue;
      const matched: ExplainPlace[] = [];
      const cues: string[] = [];
      if (stage === 'deliver') for (const i of r.delivering) matched.push(wordsAt(r.s, i, i + 1));
      for (const cue of STAGE_CUES) {
        if (cue.stage !== stage) continue;
        for (const m of r.scan.matchAll(cue.set)) {
          if (!st.isEvidenceAt(r.s, m.from)) continue;
          matched.push(wordsAt(r.s, m.from, m.to));
          if (!cues.includes(cue.list)) cues.push(cue.list);
        }
      }
      if (stage === 'agree-standards')
        for (const span of measurableSpans(doc.prose.slice(r.s.start, r.s.end), r.s.start))
          matched.push(place(span.start, span.end));
      byStage.get(stage)!.evidence.push({ sentence: sentence(r.s), matched: byPosition(matched), cues });
    }
    // Cue words of stages the sentence did not show: negated, hypothetical, quoted… or not enough.
    for (const stage of STAGES) {
      if (r.found.has(stage)) continue;
      const rejected = new Map<NotEvidence, ExplainPlace[]>();
      const incomplete: ExplainPlace[] = [];
      for (const cue of STAGE_CUES) {
        if (cue.stage !== stage || !PRIMARY.has(cue.list)) continue;
        for (const m of r.scan.matchAll(cue.set)) {
          const reason = st.whyNotEvidenceAt(r.s, m.from);
          const at = wordsAt(r.s, m.from, m.to);
          if (reason === undefined) incomplete.push(at);
          else rejected.set(reason, [...(rejected.get(reason) ?? []), at]);
        }
      }
      const list = byStage.get(stage)!.notCounted;
      for (const [reason, matched] of rejected)
        list.push({ sentence: sentence(r.s), matched, reason, why: REASONS[reason] });
      if (incomplete.length)
        list.push({
          sentence: sentence(r.s),
          matched: incomplete,
          reason: 'incomplete',
          why: `${REASONS.incomplete}: ${STAGE_NEEDS[stage]}`,
        });
    }
  }
  for (const d of t.drops)
    byStage.get(d.stage)!.notCounted.push({
      sentence: sentence(d.s),
      matched: [],
      reason: 'before-evaluation',
      why: REASONS['before-evaluation'],
    });
  for (const x of stages)
    x.notCounted.sort((p, q) => p.sentence.line - q.sentence.line || p.sentence.column - q.sentence.column);

  const skipped = t.skips
    .filter((k) => k.reason !== 'heading')
    .map((k) => ({ sentence: sentence(k.s), reason: k.reason, why: REASONS[k.reason] }));

  const model = ctx.model;
  return {
    model: model?.model.id ?? 'service',
    modelTitle: model?.model.title ?? 'the service cycle',
    supportMinimum: SUPPORT_MIN_SCORE,
    stages: model ? explainModel(model, t, sentence, wordsAt) : stages,
    skipped,
    criteria: explainCriteria(a, t, place),
    checks: ctx.rubric ? explainChecks(a, ctx, place) : [],
  };
}

/** The stages of the unit's own model, from what readModelSentence found in each sentence (models.ts). */
function explainModel(
  m: ModelAnalysis,
  t: Collector,
  sentence: (s: Sentence) => ExplainPlace,
  wordsAt: (s: Sentence, from: number, to: number) => ExplainPlace,
): StageExplanation[] {
  return m.model.stages.map((stage) => {
    const kept = new Set(m.evidence.get(stage.id));
    const x: StageExplanation = {
      stage: stage.id,
      title: stage.title,
      present: kept.size > 0,
      evidence: [],
      notCounted: [],
    };
    for (const { s, reading } of t.modelReads) {
      const found = reading.found.get(stage.id);
      if (found && kept.has(s)) {
        const occasion = !found.length && stage.cues.some((c) => c.reading === 'occasion');
        x.evidence.push({
          sentence: sentence(s),
          matched: byPosition(found.map((f) => wordsAt(s, f.from, f.to))),
          cues: occasion ? ['occasion'] : [...new Set(found.map((f) => cueOf(stage.cues, f.phrase)))],
        });
      }
      if (found) continue;
      const byReason = new Map<CueRejection, ExplainPlace[]>();
      for (const r of reading.rejected)
        if (r.stage === stage.id)
          byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), wordsAt(s, r.match.from, r.match.to)]);
      for (const [reason, matched] of byReason)
        x.notCounted.push({ sentence: sentence(s), matched: byPosition(matched), reason, why: REASONS[reason] });
    }
    return x;
  });
}

/** The reading of the cue a phrase belongs to ("learner", "plan"…), as the explanation names its cue list. */
function cueOf(cues: ModelAnalysis['model']['stages'][number]['cues'], phrase: PhraseMatch['phrase']): string {
  return cues.find((c) => c.phrases?.phrases.includes(phrase))?.reading ?? 'cue';
}

function explainCriteria(
  a: AccountAnalysis,
  t: Collector,
  place: (start: number, end: number) => ExplainPlace,
): CriterionExplanation[] {
  const rubric = t.context!.rubric;
  if (!rubric) return [];
  return rubric.criteria.map((c) => {
    const result = a.result.criteria.find((x) => x.id === c.id)!;
    const paragraphs: ParagraphScore[] = [];
    for (const p of a.paragraphs) {
      const cited = p.references.some((r) => r.id === c.id);
      const n = p.block.paragraph;
      if (!cited && !result.paragraphs.includes(n)) continue;
      const score = p.ranked.find((r) => r.id === c.id)?.score ?? 0;
      const scores = t.rankings.get(p.sentences);
      const stems = new Set(scores?.terms.get(c.id) ?? []);
      // The ranker read the paragraph's content words (claims.ts): each shared word where it first comes, and signals by index.
      const content = contentWords(a.document.prose, p.sentences);
      const words: ExplainPlace[] = [];
      for (const w of content) if (stems.delete(w.stem)) words.push(place(w.start, w.end));
      const signals = (scores?.signals.get(c.id) ?? []).map((m) => place(content[m.from].start, content[m.to - 1].end));
      paragraphs.push({
        paragraph: n,
        at: place(p.block.start, p.block.end),
        cited,
        score: Math.round(score * 100) / 100,
        supports: score >= SUPPORT_MIN_SCORE,
        words,
        signals,
        stageBonus: scores?.bonus.get(c.id) ?? 0,
      });
    }
    return { id: c.id, text: c.text, status: result.status, paragraphs };
  });
}

function explainChecks(
  a: AccountAnalysis,
  ctx: RuleContext,
  place: (start: number, end: number) => ExplainPlace,
): CheckExplanation[] {
  const { checks, scans } = checksAndScans(ctx.rubric!, ctx);
  const st = ctx.statements;
  return checks.map((c: CompiledCheck) => {
    const sets: Array<[string, PhraseSet | undefined]> = [
      ['when', c.when],
      ['phrases', c.phrases],
      ['with', c.with],
      ['unless', c.unless],
      ['groups', c.groups],
    ];
    const found: CheckExplanation['found'] = [];
    const notCounted: CheckExplanation['notCounted'] = [];
    for (const [field, set] of sets) {
      if (!set) continue;
      const counted = new Set<PhraseMatch>();
      for (const h of scans.evidenceHits(set)) {
        counted.add(h.match);
        found.push({
          field,
          ...(field === 'groups' ? { group: h.match.phrase.tag } : {}),
          phrase: h.match.phrase.source,
          at: place(h.sentence.words[h.match.from].start, h.sentence.words[h.match.to - 1].end),
        });
      }
      for (const s of scans.sentences) {
        for (const m of scans.of(s).of(set)) {
          if (counted.has(m)) continue;
          const f = st.of(s);
          const reason: NotCountedReason | undefined = f.opinion
            ? 'opinion'
            : f.meta
              ? 'meta'
              : st.whyNotEvidenceAt(s, m.from);
          // An overlapping match of the same list is simply not a second match.
          if (!reason) continue;
          notCounted.push({
            field,
            ...(field === 'groups' ? { group: m.phrase.tag } : {}),
            phrase: m.phrase.source,
            at: place(s.words[m.from].start, s.words[m.to - 1].end),
            reason,
            why: REASONS[reason],
          });
        }
      }
    }
    const findings = a.result.findings
      .filter((f) => f.rule === c.check.id)
      .map((f) => {
        const start = a.document.lines.offset(f.range.start);
        return { at: place(start, a.document.lines.offset(f.range.end)), message: f.message };
      });
    return { id: c.check.id, kind: c.check.kind, scope: c.scope, found, notCounted, findings };
  });
}

/** The account's words between two offsets, on one line, shortened when long. */
function words(doc: AccountDocument, start: number, end: number): string {
  const t = doc.text.slice(start, end).replace(/\s+/g, ' ').trim();
  return t.length > 90 ? `${t.slice(0, 87).trimEnd()}…` : t;
}

function byPosition(places: ExplainPlace[]): ExplainPlace[] {
  const seen = new Set<string>();
  return places
    .filter((p) => {
      const k = `${p.line}:${p.column}:${p.words}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((p, q) => p.line - q.line || p.column - q.column);
}
