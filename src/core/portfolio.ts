/**
 * The assessor's grid as data: for each unit, one row per learner (their accounts' evidence put
 * together) or per account, a cell per criterion (status and every place it stands), the stages,
 * counts of what needs the learner's attention, and a readiness verdict with its reasons. Every
 * renderer (src/format) and the editor's panel draw this one model; `--format json` writes it as it is.
 * Lines are 1-based here, as people read them.
 */
import { frontMatterOf } from './front-matter.js';
import { LineIndex } from './positions.js';
import { cycleViewOf, stagesShown, type CycleView } from './next-steps.js';
import { firstSentence } from './quotes.js';
import type { CriterionResult, CriterionStatus, FileResult, Rubric } from './types.js';

/** The version of the portfolio JSON (`report --format json`). */
export const PORTFOLIO_VERSION = 1;

export type GroupBy = 'learner' | 'account';

/** A place in an account: its path and 1-based line. `quote`: for a claim, the first sentence of the citing paragraph. */
export interface Place {
  path: string;
  line: number;
  quote?: string;
}

export type DecisionValue = 'met' | 'not-yet-met' | 'referred';
export const DECISION_VALUES: readonly DecisionValue[] = ['met', 'not-yet-met', 'referred'];

/** An assessor's decision on one criterion for one learner, as the decision store holds it. */
export interface AssessorDecision {
  learner: string;
  unit: string;
  criterion: string;
  decision: DecisionValue;
  comment: string;
  /** When it was recorded (ISO 8601). */
  at: string;
}

export interface PortfolioCell {
  status: CriterionStatus;
  /** For `evidenced` the evidencing paragraphs, for `claimed` the citing ones, for `suggested` those that read like evidence. */
  where: Place[];
  /** With `evidenced`: other paragraphs that cite the criterion without showing it, each quoted. Absent when none. */
  claimedIn?: Place[];
  /** The assessor's latest decision, which wins over `status` in the readiness verdict. */
  decision?: Pick<AssessorDecision, 'decision' | 'comment' | 'at'>;
}

export interface PortfolioCounts {
  personalData: number;
  hypothetical: number;
  vague: number;
  unlinked: number;
}

export type Readiness = 'ready' | 'refer';

export interface PortfolioRow {
  learner: string;
  accounts: string[];
  criteria: Record<string, PortfolioCell>;
  /** By the unit's stage ids (PortfolioUnit.stages). */
  stages: Record<string, Place[]>;
  counts: PortfolioCounts;
  readiness: Readiness;
  reasons: string[];
}

export interface PortfolioUnit {
  /** The unit's id; null for accounts that name no unit (or one no rubric has). */
  unit: string | null;
  title: string;
  criteria: Array<{ id: string; text: string }>;
  /** The stages of the unit's reflective model, in order: the service cycle's unless its rubric names Gibbs or Kolb; none for `"cycle": "none"`. */
  stages: Array<{ id: string; title: string }>;
  rows: PortfolioRow[];
}

/** The grid. `by` says what a row is; it is not written in the JSON, whose rows say it by their `accounts`. */
export interface Portfolio {
  version: typeof PORTFOLIO_VERSION;
  by: GroupBy;
  units: PortfolioUnit[];
}

/** An account for the grid: its result, and optionally its learner (else learnerOf) and text (for quotes). */
export interface PortfolioAccount extends FileResult {
  learner?: string;
  text?: string;
}

export interface PortfolioOptions {
  by?: GroupBy;
  /** Decisions in the order recorded: the last for a learner, unit and criterion wins. */
  decisions?: readonly AssessorDecision[];
  /** The folder the accounts were given in, for learnerOf. */
  root?: string;
}

/** Folder names that hold one folder per learner. */
export const PORTFOLIO_FOLDERS = ['portfolio', 'portfolios'];

/** The learner of an account with no `learner:` and no folder to name one (standard input, a loose file). */
export const UNNAMED_LEARNER = '(learner not named)';

const FINDING_COUNTS: Record<keyof PortfolioCounts, string> = {
  personalData: 'personal-data',
  hypothetical: 'hypothetical-language',
  vague: 'vague-standard',
  unlinked: 'missing-demonstrates-link',
};

/** Which status wins when a learner's accounts disagree: shown beats cited beats read-like-evidence beats nothing. */
const STRENGTH: Record<CriterionStatus, number> = { evidenced: 3, claimed: 2, suggested: 1, missing: 0 };

function segments(path: string): string[] {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s && s !== '.');
}

/** Index of the nearest folder named like a portfolio with a learner's folder and then the account below it. */
function portfolioIndex(parts: readonly string[]): number {
  for (let i = parts.length - 3; i >= 0; i--) if (PORTFOLIO_FOLDERS.includes(parts[i].toLowerCase())) return i;
  return -1;
}

function isUnder(parts: readonly string[], root: readonly string[]): boolean {
  return parts.length > root.length && root.every((s, i) => parts[i] === s);
}

const LEARNER_LINE = /^[ \t]*["']?learner["']?[ \t]*:/m;

/** Where a front matter block could end: its closing fence, else 0 (no front matter). */
function frontMatterEnd(text: string): number {
  if (!/^---[ \t]*\r?\n/.test(text)) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(text.slice(3));
  return close ? close.index + 3 : 0;
}

/**
 * Who an account is by: front matter `learner: <name or id>`; else the folder just below the
 * portfolio root: the nearest folder above the account named `portfolio` (or `portfolios`), else
 * `root` (the folder the accounts were given in), else the account's own folder's name.
 */
export function learnerOf(path: string, text?: string, root?: string): string {
  // Read the front matter (a YAML parse) only when a line of it can name the learner.
  const named =
    text !== undefined && LEARNER_LINE.test(text.slice(0, frontMatterEnd(text)))
      ? frontMatterOf(text)?.data.learner
      : undefined;
  if (typeof named === 'string' && named.trim()) return named.trim();
  if (typeof named === 'number') return String(named);
  const parts = segments(path);
  const at = portfolioIndex(parts);
  if (at >= 0) return parts[at + 1];
  const r = root === undefined ? undefined : segments(root);
  if (r && isUnder(parts, r) && parts.length >= r.length + 2) return parts[r.length];
  return parts.length >= 2 ? parts[parts.length - 2] : UNNAMED_LEARNER;
}

/**
 * The portfolio folder of an account, where its assessor's decisions are kept: the nearest folder
 * above it named `portfolio` (or `portfolios`) with the learner's folder between; else `root`
 * when the account is below it; else the folder above the account's own ('.' for the current one).
 */
export function portfolioFolderOf(path: string, root?: string): string {
  const absolute = /^[\\/]/.test(path) ? '/' : '';
  const parts = segments(path);
  const at = portfolioIndex(parts);
  if (at >= 0) return absolute + parts.slice(0, at + 1).join('/');
  if (root !== undefined && isUnder(parts, segments(root))) return root;
  const above = parts.slice(0, -2).join('/');
  return above ? absolute + above : absolute || '.';
}

/** The key of a decision, for its latest value. */
export function decisionKey(d: Pick<AssessorDecision, 'learner' | 'unit' | 'criterion'>): string {
  return JSON.stringify([d.learner, d.unit, d.criterion]);
}

/** Whether a criterion counts as met for the verdict: the assessor's decision, else the tool's status. */
export function isMet(cell: PortfolioCell): boolean {
  return cell.decision ? cell.decision.decision === 'met' : cell.status === 'evidenced';
}

/** Criteria met (isMet) and stages present of a row, for the summary columns: `n/N` and `n/6`. */
export function rowSummary(row: PortfolioRow, unit: PortfolioUnit): { criteria: number; of: number; stages: number } {
  return {
    criteria: unit.criteria.filter((c) => isMet(row.criteria[c.id])).length,
    of: unit.criteria.length,
    stages: unit.stages.filter((s) => row.stages[s.id]?.length).length,
  };
}

/** Builds the grid from checked accounts. Units in the order of `rubrics`, then accounts naming none. */
export function buildPortfolio(
  accounts: readonly PortfolioAccount[],
  rubrics: readonly Rubric[],
  options: PortfolioOptions = {},
): Portfolio {
  const by = options.by ?? 'account';
  const latest = new Map<string, AssessorDecision>();
  for (const d of options.decisions ?? []) latest.set(decisionKey(d), d);
  const byUnit = new Map<string | null, PortfolioAccount[]>();
  for (const a of accounts) {
    const list = byUnit.get(a.rubric) ?? [];
    if (!list.length) byUnit.set(a.rubric, list);
    list.push(a);
  }
  const order = (id: string | null) => (id === null ? Infinity : rubrics.findIndex((r) => r.id === id) >>> 0);
  const units = [...byUnit.keys()].sort((a, b) => order(a) - order(b) || String(a).localeCompare(String(b)));
  return {
    version: PORTFOLIO_VERSION,
    by,
    units: units.map((id) => {
      const rubric = rubrics.find((r) => r.id === id);
      const criteria = (rubric?.criteria ?? []).map((c) => ({ id: c.id, text: c.text }));
      const rows = new Map<string, { learner: string; accounts: PortfolioAccount[] }>();
      for (const a of byUnit.get(id)!) {
        const learner = a.learner ?? learnerOf(a.path, a.text, options.root);
        const key = by === 'learner' ? learner : `${learner}\u0000${a.path}`;
        const row = rows.get(key) ?? { learner, accounts: [] };
        if (!row.accounts.length) rows.set(key, row);
        row.accounts.push(a);
      }
      const title = rubric
        ? `${rubric.title} (${rubric.id}, Level ${rubric.level})`
        : 'No unit named (cycle stages only)';
      const view = cycleViewOf(rubric);
      const stages = (view?.stages ?? []).map((s) => ({ id: s.id, title: s.title }));
      const built = [...rows.values()].map((r) => rowOf(r.learner, r.accounts, id, criteria, view, latest));
      return { unit: id, title, criteria, stages, rows: built.sort(byReadinessThenName) };
    }),
  };
}

const NAME_ORDER = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

function byReadinessThenName(a: PortfolioRow, b: PortfolioRow): number {
  return (
    (a.readiness === b.readiness ? 0 : a.readiness === 'ready' ? -1 : 1) ||
    NAME_ORDER.compare(a.learner, b.learner) ||
    NAME_ORDER.compare(a.accounts[0], b.accounts[0])
  );
}

function rowOf(
  learner: string,
  accounts: readonly PortfolioAccount[],
  unit: string | null,
  criteria: ReadonlyArray<{ id: string }>,
  view: CycleView | undefined,
  decisions: ReadonlyMap<string, AssessorDecision>,
): PortfolioRow {
  const places = new Places(accounts);
  const cells: Record<string, PortfolioCell> = {};
  for (const { id } of criteria) {
    const cell: PortfolioCell = { status: 'missing', where: [] };
    for (const [i, a] of accounts.entries()) {
      const c = a.criteria.find((x) => x.id === id);
      if (!c || c.status === 'missing') continue;
      if (STRENGTH[c.status] > STRENGTH[cell.status]) Object.assign(cell, { status: c.status, where: [] });
      if (c.status === cell.status) cell.where.push(...places.of(i, c));
    }
    if (cell.status === 'evidenced') {
      // Citations that do not show it, though others do: the assessor sees them too.
      const thin = accounts.flatMap((a, i) => places.at(i, a.criteria.find((x) => x.id === id)?.claimedIn ?? [], true));
      if (thin.length) cell.claimedIn = thin;
    }
    const d = unit === null ? undefined : decisions.get(decisionKey({ learner, unit, criterion: id }));
    if (d) cell.decision = { decision: d.decision, comment: d.comment, at: d.at };
    cells[id] = cell;
  }
  const stages: Record<string, Place[]> = {};
  for (const s of view?.stages ?? []) {
    stages[s.id] = accounts.flatMap((a) =>
      [...new Set((stagesShown(a, view!)[s.id] ?? []).map((r) => r.start.line + 1))].map((line) => ({
        path: a.path,
        line,
      })),
    );
  }
  const counts = {} as PortfolioCounts;
  for (const [key, rule] of Object.entries(FINDING_COUNTS) as Array<[keyof PortfolioCounts, string]>) {
    counts[key] = accounts.reduce((n, a) => n + a.findings.filter((f) => f.rule === rule).length, 0);
  }
  const reasons = reasonsFor(unit, criteria, cells, counts);
  return {
    learner,
    accounts: accounts.map((a) => a.path),
    criteria: cells,
    stages,
    counts,
    readiness: reasons.length ? 'refer' : 'ready',
    reasons,
  };
}

/** The 1-based places of a criterion's paragraphs in one account, quoting the citing paragraph of a claim. */
class Places {
  private readonly lines = new Map<number, LineIndex>();

  constructor(private readonly accounts: readonly PortfolioAccount[]) {}

  /** The places a criterion's status rests on: for a claim, the citing paragraphs, quoted. */
  of(i: number, c: CriterionResult): Place[] {
    return c.status === 'claimed' ? this.at(i, c.claimedIn, true) : this.at(i, c.paragraphs, false);
  }

  at(i: number, paragraphs: readonly number[], quote: boolean): Place[] {
    const a = this.accounts[i];
    return paragraphs.map((p) => {
      const range = a.paragraphs[p].range;
      const place: Place = { path: a.path, line: range.start.line + 1 };
      if (quote && a.text !== undefined) {
        let lines = this.lines.get(i);
        if (!lines) this.lines.set(i, (lines = new LineIndex(a.text)));
        place.quote = firstSentence(a.text, range, lines);
      }
      return place;
    });
  }
}

const WHY: Record<Exclude<CriterionStatus, 'evidenced'>, string> = {
  claimed: 'cited but not shown: the paragraph does not say what was done for it',
  suggested: 'reads like evidence but no paragraph cites it',
  missing: 'no evidence yet',
};

/** Why a row is not ready, in the assessor's words; empty when it is. */
function reasonsFor(
  unit: string | null,
  criteria: ReadonlyArray<{ id: string }>,
  cells: Record<string, PortfolioCell>,
  counts: PortfolioCounts,
): string[] {
  const reasons: string[] = [];
  if (unit === null) reasons.push('no unit named, so there are no criteria to check');
  for (const { id } of criteria) {
    const cell = cells[id];
    if (cell.decision) {
      if (cell.decision.decision !== 'met')
        reasons.push(
          `AC ${id}: ${cell.decision.decision === 'referred' ? 'referred' : 'not yet met'} (assessor's decision)`,
        );
    } else if (cell.status !== 'evidenced') reasons.push(`AC ${id}: ${WHY[cell.status]}`);
  }
  if (counts.personalData)
    reasons.push(`personal data to remove (${counts.personalData} ${counts.personalData === 1 ? 'place' : 'places'})`);
  return reasons;
}
