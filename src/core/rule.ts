/** What a rule is, and what it is given: the account, read once, and a way to report findings. */
import type { AccountDocument, Block, Sentence } from './document.js';
import type { CriterionReference } from './references.js';
import type { RankedCriterion } from './ranking.js';
import type { ModelAnalysis } from './models.js';
import type { CycleAnalysis } from './stages.js';
import type { Statements } from './statements.js';
import type { CriterionResult, Rubric, Severity } from './types.js';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface OffsetFix {
  title: string;
  edits: OffsetEdit[];
  safe?: boolean;
}

export interface Report {
  message: string;
  start: number;
  end: number;
  data?: Record<string, unknown>;
  fixes?: OffsetFix[];
}

/** A top-level paragraph with what the analyser knows about it. */
export interface ParagraphInfo {
  block: Block;
  /** The paragraph and the list that directly follows it (a lead-in line and its bullets). */
  blocks: Block[];
  sentences: Sentence[];
  references: CriterionReference[];
  /** Criteria ranked by content similarity, best first (empty without a rubric). */
  ranked: RankedCriterion[];
  /** The paragraph tells of something the learner did. */
  describesAction: boolean;
  /** The paragraph (or its list) still holds a template placeholder such as "[number]" (claims.ts). */
  unfilled: boolean;
}

export interface RuleContext {
  doc: AccountDocument;
  statements: Statements;
  rubric?: Rubric;
  cycle: CycleAnalysis;
  /** The unit's own reflective model (Gibbs, Kolb), when its rubric names one instead of the service cycle. */
  model?: ModelAnalysis;
  references: CriterionReference[];
  paragraphs: ParagraphInfo[];
  /** Each criterion of the rubric with its status (evidenced, claimed, suggested, missing), in the rubric's order. */
  criteria: CriterionResult[];
  report(finding: Report): void;
  /**
   * `compute()` for one sentence or block, which an incremental host (incremental.ts) keeps for as
   * long as the block's kind and text stay the same and reuses wherever the block then stands: so it
   * must depend on nothing else, give word indexes or offsets relative to the sentence or block, and
   * not return undefined. `key` names the work (a constant object per kind of work). A plain analysis
   * just computes it.
   */
  keep<T>(key: object, at: Sentence | Block, compute: () => T): T;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line: what the rule finds. */
  summary: string;
  /** Whether the rule needs a rubric to run. */
  needsRubric?: boolean;
  /** Its documentation page below DOCS_BASE, when not `<id>.md` (a rubric check's anchor on the checks page). */
  docs?: string;
  check(context: RuleContext): void;
}

export const DOCS_BASE = 'https://github.com/reflect-lint/reflect-lint/blob/main/docs/rules/';

/** A rule's documentation page: every finding's link, and SARIF's rule descriptors. */
export function ruleUrl(rule: Pick<Rule, 'id' | 'docs'>): string {
  return `${DOCS_BASE}${rule.docs ?? `${rule.id}.md`}`;
}
