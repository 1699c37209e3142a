/** Shared shapes of the analyser. Positions follow LSP: 0-based lines, UTF-16 characters. */

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  range: Range;
  newText: string;
}
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without a human choice (fix-all). */ safe?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  data?: Record<string, unknown>;
  fixes?: Fix[];
  /** Link to the rule's documentation page, stamped by the registry. */
  url?: string;
}

export const STAGES = ['identify-need', 'agree-standards', 'deliver', 'monitor', 'evaluate', 'improve'] as const;
export type Stage = (typeof STAGES)[number];

/** Stage names as headings and columns show them. */
export const STAGE_TITLES: Record<Stage, string> = {
  'identify-need': 'Identify need',
  'agree-standards': 'Agree standards',
  deliver: 'Deliver',
  monitor: 'Monitor',
  evaluate: 'Evaluate',
  improve: 'Improve',
};

/** A unit's assessment criterion, as held in a rubric file. */
export interface Criterion {
  id: string;
  text: string;
  /** Completes "This demonstrates my ability to …" for the inserted link. */
  ability: string;
  /** Words and phrases that show the criterion is evidenced (matched on stems). */
  signals: string[];
  stages?: Stage[];
}

export interface KeyTerm {
  term: string;
  aliases?: string[];
  definition: string;
  criteria?: string[];
}

/** A rubric check: data that names a check kind implemented in src/core/checks. */
export interface RubricCheck {
  id: string;
  kind: 'existence' | 'count-distinct' | 'conditional' | 'co-occurrence';
  severity?: Severity;
  message: string;
  criteria?: string[];
  /** Phrases that make the check apply (any of them, in evidence). Absent: always applies. */
  when?: string[];
  /** The check also applies when the account references one of these criteria. */
  whenCriteria?: string[];
  /** existence: phrases to report. co-occurrence: first set. */
  phrases?: string[];
  /** co-occurrence: second set that must occur in the same sentence. */
  with?: string[];
  /** co-occurrence / existence: a sentence holding one of these is left alone. */
  unless?: string[];
  /** count-distinct / conditional: named groups of phrases. */
  groups?: Record<string, string[]>;
  /** count-distinct / conditional: how many groups must be present. */
  min?: number;
  /** Where the phrases must be found together; absent: the whole account. */
  scope?: CheckScope;
}

export type CheckScope = 'sentence' | 'paragraph' | 'account';

/** The reflective model an account is read against: the service cycle unless the rubric names another. */
export type CycleModel = 'service' | 'gibbs' | 'kolb' | 'none';

/** A learning outcome: the criteria it groups, cited together as `LO2`. */
export interface LearningOutcome {
  id: string;
  text: string;
  criteria: string[];
}

export interface Rubric {
  id: string;
  title: string;
  awardingBody: string;
  /** RQF level, or "not stated" when the unit document gives none. */
  level: number | 'not stated';
  qualification?: string;
  description?: string;
  source?: string;
  /** Absent: the service cycle. */
  cycle?: CycleModel;
  /** The unit's words for the customer: `customer` in a check's phrases matches each of them too. */
  customerWords?: string[];
  /** Severities of general rules for this unit (a user's own setting still wins). */
  severities?: Record<string, Severity | 'off'>;
  criteria: Criterion[];
  outcomes?: LearningOutcome[];
  keyTerms: KeyTerm[];
  checks: RubricCheck[];
}

export interface StageEvidence {
  range: Range;
  offset: number;
  end: number;
}

export interface ModelResult {
  id: 'gibbs' | 'kolb';
  stages: Record<string, Range[]>;
}

export interface ParagraphResult {
  range: Range;
  criteria: string[];
  suggestedCriteria: string[];
}

/**
 * `evidenced`: a paragraph that cites the criterion also shows it. `claimed`: cited, but no citing
 * paragraph's content supports it. `suggested`: not cited, but a paragraph about what the learner did
 * reads like evidence for it. `missing`: none of these.
 */
export type CriterionStatus = 'evidenced' | 'claimed' | 'suggested' | 'missing';

export interface CriterionResult {
  id: string;
  status: CriterionStatus;
  /** Paragraphs that evidence it (cite it and support it); for `claimed`, `suggested` and `missing`, those that read like evidence for it without citing it. */
  paragraphs: number[];
  /** Paragraphs that cite it but whose content does not support it. */
  claimedIn: number[];
}

export interface AnalysisResult {
  rubric: string | null;
  findings: Finding[];
  stages: Record<Stage, Range[]>;
  /**
   * For a unit read against Gibbs' or Kolb's cycle (its rubric's `cycle`): that model's stages, in
   * its order, each with the sentences that show it. Absent for the service cycle and for `none`.
   */
  model?: ModelResult;
  paragraphs: ParagraphResult[];
  criteria: CriterionResult[];
}

/** An account's result with the path it was read from: what every edge and renderer holds. */
export interface FileResult extends AnalysisResult {
  path: string;
}

export interface AnalyzeOptions {
  /** Rubric id to use when the account's front matter names none. */
  rubric?: string;
  /** Rubrics available; defaults to the rubrics shipped with reflect-lint. */
  rubrics?: Rubric[];
  /** Per-rule severity overrides; 'off' disables the rule. */
  severities?: Record<string, Severity | 'off'>;
}
