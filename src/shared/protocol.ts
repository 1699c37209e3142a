/**
 * Custom messages between the extension (client) and the language server, declared once.
 * Each says which way it goes. Everything else is plain LSP.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { EditorDraft } from '../core/draft/index.js';
import type { AccountSummary, NextStep } from '../core/next-steps.js';
import type { GroupBy, Portfolio } from '../core/portfolio.js';
import type { CriterionStatus, Position, Range, TextEdit } from '../core/types.js';

export interface CoverageCriterion {
  id: string;
  text: string;
  /** What it asks the learner to be able to do ("monitor my service"), as the rubric says it. */
  ability: string;
  status: CriterionStatus;
  /** Where each evidencing paragraph starts (for `claimed`, `suggested` and `missing`: each paragraph that reads like evidence without citing it), with its first words. */
  paragraphs: Array<{ line: number; preview: string }>;
  /** Where each paragraph that cites the criterion without showing it starts. */
  claimedIn: Array<{ line: number; preview: string }>;
}

export interface CoverageStage {
  id: string;
  title: string;
  present: boolean;
  lines: number[];
}

/** What the Criteria view and the status bar show for one account. */
export interface Coverage {
  uri: string;
  /** Whether the document is being analysed at all. */
  analysed: boolean;
  rubric: { id: string; title: string } | null;
  criteria: CoverageCriterion[];
  stages: CoverageStage[];
  /** The reflective model the stages are of: "Service cycle" / "Cycle", "Gibbs' reflective cycle" / "Gibbs"; absent when the unit reads none (no stages). */
  cycle?: { title: string; short: string };
  /** "What to add next": each stage not shown and criterion not evidenced, with what would count (src/core/next-steps.ts). Empty when not analysed. */
  nextSteps: NextStep[];
  /** Criteria evidenced, stages shown and findings to fix, in words (the CodeLens's text); null when not analysed. */
  summary: AccountSummary | null;
  /** Whose account it is (front matter `learner:`, else its folder under a portfolio root), for the learner's portfolio node. */
  learner?: string;
  /** Set when analysis paused (too large) or the document is not an account. */
  note?: string;
}

/** server → client: the coverage of a document changed. */
export const CoverageNotification = new NotificationType<Coverage>('reflectLint/coverage');

/** client → server: analyse this document even though it is not recognised as an account. */
export const CheckDocumentRequest = new RequestType<{ uri: string }, Coverage, void>('reflectLint/checkDocument');

export interface RubricSummary {
  id: string;
  title: string;
  level: number | 'not stated';
  origin: string;
}

/** client → server: the rubrics available (bundled and workspace). */
export const ListRubricsRequest = new RequestType0<RubricSummary[], void>('reflectLint/listRubrics');

export interface RankedUnit extends RubricSummary {
  /**
   * How well the account's content matches the unit, 0 to 1 (as `reflect-lint rubrics suggest`):
   * relative to the best (1) when a unit fits; each unit's own fit when none does.
   */
  score: number;
  /** Whether any loaded unit fits the account at all (its fit reaches RUBRIC_FIT_MIN); the same on every entry. */
  fits: boolean;
  /** The score in words: "best match", "close match", "some match", "little in common", or that none fits. */
  match: string;
}

/** client → server: the units ranked for a document's content, best first (for Select Unit). */
export const RankUnitsRequest = new RequestType<{ uri: string }, RankedUnit[], void>('reflectLint/rankUnits');

export interface RankedCriterionItem {
  id: string;
  text: string;
  ability: string;
  score: number;
  /** The edit that cites the criterion at the end of the sentence (worded by src/core/edits.ts). */
  edit: TextEdit;
}

export interface RankedCriteria {
  criteria: RankedCriterionItem[];
  /** Where a reference goes; null when the position is not in a paragraph of an account that names its unit. */
  insertAt: Position | null;
}

/**
 * client → server: the criteria the paragraph at a position supports and does not cite yet, best
 * first (empty when it supports none), and where a reference goes.
 */
export const RankCriteriaRequest = new RequestType<
  { uri: string; line: number; character: number },
  RankedCriteria,
  void
>('reflectLint/rankCriteria');

/**
 * client → server: the edit that adds a paragraph for criterion `id` at the end of the account (a heading
 * and gaps to fill in, worded by src/core/edits.ts), with its snippet form (tab stops on the gaps);
 * null when the document is not an account of a unit with that criterion.
 */
export const CriterionParagraphRequest = new RequestType<
  { uri: string; id: string },
  { edits: TextEdit[]; snippets: Array<{ range: Range; snippet: string }> } | null,
  void
>('reflectLint/criterionParagraph');

/** client → server: the edits that write `unit: ID` into a document's front matter (adding front matter if it has none). */
export const UnitEditRequest = new RequestType<{ uri: string; unit: string }, TextEdit[], void>('reflectLint/unitEdit');

/**
 * client → server: a draft rubric from a unit document's text (src/core/draft), as a rubric file's JSON,
 * with what was found and what the author must still check; `json` null and `problem` set when nothing
 * in it reads as a criterion. The text is sent because a unit document need not be Markdown the server syncs.
 */
export const DraftRubricRequest = new RequestType<{ text: string; source?: string }, EditorDraft, void>(
  'reflectLint/draftRubric',
);

/** client → server: the assessor's mapping grid for some accounts, or every account in the workspace. */
export const ReportRequest = new RequestType<
  { uris: string[] | 'workspace'; format: 'html' | 'md' },
  { content: string; accounts: number },
  void
>('reflectLint/report');

/** Which accounts the assessor's report panel covers: one account, every account of that account's learner, or the workspace's. */
export type ReportScope = { kind: 'account'; uri: string } | { kind: 'learner'; uri: string } | { kind: 'workspace' };

/** One row per account, or one per learner (their accounts' evidence together). */
export type ReportGrouping = GroupBy;

/** What the report panel shows: the grid, each path's URI (to open it at a line), and what the scope covers. */
export interface ReportView {
  portfolio: Portfolio;
  /** Path as the grid names it → the account's URI. */
  uris: Record<string, string>;
  /** Path → the URI of the portfolio folder whose `.reflect-lint/assessments.json` holds its learner's decisions. */
  portfolios: Record<string, string>;
  /** The account's learner, for the `learner` and `account` scopes. */
  learner?: string;
  accounts: number;
  /** Whether the assessor's decisions were read: `unavailable` when the server can read no files (an editor that serves it none). */
  decisions: 'read' | 'unavailable';
  /** A line for each decision store that cannot be read (it is left as it is). */
  problems: string[];
}

/** client → server: the grid of the report panel. */
export const PortfolioRequest = new RequestType<{ scope: ReportScope; by: ReportGrouping }, ReportView, void>(
  'reflectLint/portfolio',
);

/**
 * client → server: a criterion of a unit on a page of its own (Markdown: its text, the sentence that links
 * a paragraph to it, its stages and key terms), where the report's "missing" cells lead; null when the unit
 * or the criterion is not known.
 */
export const CriterionSheetRequest = new RequestType<{ unit: string; criterion: string }, string | null, void>(
  'reflectLint/criterionSheet',
);

/** client → server: the assessor's feedback draft (Markdown) over the scope's accounts, a part per learner. */
export const FeedbackRequest = new RequestType<{ scope: ReportScope }, { content: string; learners: string[] }, void>(
  'reflectLint/feedback',
);

/** client → server: the same grid as a file to save (HTML or CSV), rendered as the command line renders it. */
export const ExportReportRequest = new RequestType<
  { scope: ReportScope; by: ReportGrouping; format: 'html' | 'csv' },
  { content: string; accounts: number },
  void
>('reflectLint/exportReport');

/**
 * server → client, only to a client that says it answers them (`initializationOptions.fileSystem`):
 * the workspace's files where the server cannot read them itself (in a web worker, on a virtual file
 * system). A folder's entries as `[name, type]`, type as in `vscode.FileType` (1 file, 2 folder, 64
 * a symbolic link, combined), or null when it is not a folder that can be read.
 */
export const ReadDirectoryRequest = new RequestType<{ uri: string }, Array<[string, number]> | null, void>(
  'reflectLint/fs/readDirectory',
);

/** server → client: a file's bytes, or why it cannot be read. */
export const ReadFileRequest = new RequestType<{ uri: string }, { bytes: number[] } | { error: string }, void>(
  'reflectLint/fs/readFile',
);

/** A part of an account's explanation (src/core/explain.ts), as a finding's "Why?" points to it. */
export interface ExplainPart {
  kind: 'stage' | 'criterion' | 'check' | 'skipped';
  /** The stage's id, the criterion's id ("3") or the check's id; none for `skipped`. */
  id?: string;
}

/** The explanation of an account, as `reflect-lint --explain` prints it, opened at a part. */
export interface ExplainAnswer {
  /** The whole explanation, in plain text. */
  content: string;
  /** The 0-based line of `content` where the part asked for starts (0 when none was asked or it has none). */
  line: number;
  /** What the part is, in words ("AC 3", "Monitor", "check feedback-techniques"). */
  title: string;
}

/**
 * client → server: why an open account reads as it does (the same as `reflect-lint --explain`), from its
 * current text and the settings in effect, opened at one part; null when the document is not an account being checked.
 */
export const ExplainRequest = new RequestType<{ uri: string; part?: ExplainPart }, ExplainAnswer | null, void>(
  'reflectLint/explain',
);

/**
 * Commands any LSP client can run with workspace/executeCommand (listed in the server's
 * executeCommandProvider, unless the client says `initializationOptions.commands: false` because it
 * has commands of these names itself, as the VS Code extension does). Arguments are positional.
 */
export const ServerCommands = {
  /** `[uri]`: check the document even though it is not recognised as an account; returns its Coverage. */
  checkDocument: 'reflectLint.checkDocument',
  /** `[uris?: string[] | "workspace", format?: "md" | "html"]`: the mapping grid, `{ content, accounts }` (default: the workspace, Markdown). */
  report: 'reflectLint.report',
  /** `[uri, unit]`: writes `unit: ID` into the front matter (through workspace/applyEdit when the client can); returns `{ applied, edit }`. */
  selectUnit: 'reflectLint.selectUnit',
  /** `[]`: the units available, bundled and the workspace's: RubricSummary[]. */
  listRubrics: 'reflectLint.listRubrics',
  /** `[uri]`: "What to add next" for an open account (the CodeLens runs it): NextStep[], also shown in a message. */
  showNextSteps: 'reflectLint.showNextSteps',
  /** `[uri, part?: ExplainPart]`: why the account reads as it does, as `reflect-lint --explain` prints it: ExplainAnswer, or null. */
  explain: 'reflectLint.explain',
} as const;
