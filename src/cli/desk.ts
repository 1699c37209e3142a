/**
 * The assessor's desk on the command line: `report` (the grid, by account or by learner),
 * `feedback` (a draft per learner) and `assess` (record a decision). The accounts are checked as
 * for any command (check-files.ts); here they get their learner and their portfolio's decisions.
 */
import { statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import {
  buildPortfolio,
  DECISION_VALUES,
  draftFeedback,
  learnerOf,
  learnersOf,
  portfolioFolderOf,
  type AssessorDecision,
  type DecisionValue,
  type FileResult,
  type GroupBy,
  type PortfolioAccount,
  type Rubric,
} from '../core/index.js';
import { formatPortfolio, type GridFormat } from '../format/index.js';
import { AssessmentsError, readDecisions, recordDecision } from '../node/assessments.js';

export type DeskCommand = 'report' | 'feedback';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The accounts with their learner (learnerOf, each from the folder it was given in), and the
 * decisions stored in their portfolio folders; a store that cannot be read is an error line.
 */
export function deskAccounts(
  files: ReadonlyArray<FileResult & { text?: string }>,
  paths: readonly string[],
): { accounts: PortfolioAccount[]; decisions: AssessorDecision[]; errors: string[] } {
  const roots = paths.filter(isFolder).map((p) => normalize(p).replace(/[\\/]+$/, '') || '.');
  const rootOf = (path: string) =>
    roots
      .filter((r) => r === '.' || path.startsWith(r + sep) || path.startsWith(`${r}/`))
      .sort((a, b) => b.length - a.length)[0];
  const accounts = files.map((f) => ({ ...f, learner: learnerOf(f.path, f.text, rootOf(f.path)) }));
  const folders = [...new Set(files.map((f) => portfolioFolderOf(f.path, rootOf(f.path))))];
  const decisions: AssessorDecision[] = [];
  const errors: string[] = [];
  for (const folder of folders) {
    try {
      decisions.push(...readDecisions(folder));
    } catch (e) {
      if (!(e instanceof AssessmentsError)) throw e;
      errors.push(`reflect-lint: ${e.message}`);
    }
  }
  return { accounts, decisions, errors };
}

export function deskOutput(
  command: DeskCommand,
  files: ReadonlyArray<FileResult & { text?: string }>,
  paths: readonly string[],
  rubrics: readonly Rubric[],
  options: { format: string; by: GroupBy; learner?: string },
): { text?: string; errors: string[] } {
  const { accounts, decisions, errors } = deskAccounts(files, paths);
  if (command === 'report')
    return {
      text: formatPortfolio(
        buildPortfolio(accounts, rubrics, { by: options.by, decisions }),
        options.format as GridFormat,
      ),
      errors,
    };
  const learners = learnersOf(accounts, rubrics, { decisions });
  if (options.learner !== undefined && !learners.includes(options.learner)) {
    errors.push(
      `reflect-lint: no account here is by learner "${options.learner}" (${learners.length ? `learners: ${learners.join(', ')}` : 'no accounts'})`,
    );
    return { errors };
  }
  const drafts = (options.learner === undefined ? learners : [options.learner]).map((l) =>
    draftFeedback(l, accounts, rubrics, { decisions }),
  );
  return { text: drafts.length ? drafts.join('\n---\n\n') : undefined, errors };
}

interface AssessValues {
  learner?: string;
  unit?: string;
  criterion?: string;
  decision?: string;
  comment?: string;
  portfolio?: string;
}

/** `reflect-lint assess`: checks the decision against the unit, then records it. Exit 0, or 2 with one line. */
export function assessCommand(
  values: AssessValues,
  rubrics: readonly Rubric[],
  io: { out: (s: string) => void; err: (s: string) => void },
  usage: (message: string) => Error,
): number {
  for (const key of ['learner', 'unit', 'criterion', 'decision'] as const) {
    if (!values[key]?.trim()) throw usage(`assess needs --${key}`);
  }
  const unit = rubrics.find((r) => r.id === values.unit);
  if (!unit) {
    io.err(`reflect-lint: --unit ${values.unit}: unknown unit (known: ${rubrics.map((r) => r.id).join(', ')})\n`);
    return 2;
  }
  const criterion = values.criterion!.replace(/^\s*(?:AC|criterion)\s*/i, '').trim();
  if (!unit.criteria.some((c) => c.id === criterion)) {
    io.err(
      `reflect-lint: --criterion ${values.criterion}: ${unit.id} has no such criterion (its criteria: ${unit.criteria.map((c) => c.id).join(', ')})\n`,
    );
    return 2;
  }
  if (!DECISION_VALUES.includes(values.decision as DecisionValue))
    throw usage(`unknown --decision "${values.decision}" (use ${DECISION_VALUES.join(', ')})`);
  const portfolio = values.portfolio ?? (isFolder('portfolio') ? 'portfolio' : '.');
  if (!isFolder(portfolio)) {
    io.err(`reflect-lint: --portfolio ${portfolio}: no such folder\n`);
    return 2;
  }
  const decision: AssessorDecision = {
    learner: values.learner!.trim(),
    unit: unit.id,
    criterion,
    decision: values.decision as DecisionValue,
    comment: values.comment ?? '',
    at: new Date().toISOString(),
  };
  try {
    const path = recordDecision(portfolio, decision);
    io.out(
      `Recorded for ${decision.learner}, ${unit.id} AC ${criterion}: ${decision.decision.replace(/-/g, ' ')} (${join(path)})\n`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof AssessmentsError)) throw e;
    io.err(`reflect-lint: ${e.message}\n`);
    return 2;
  }
}
