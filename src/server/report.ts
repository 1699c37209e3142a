/**
 * The assessor's report: which accounts a scope covers (some open accounts, one account and its learner's
 * others, the workspace's), read with an open document's unsaved text winning over its file, analysed, and
 * made into the portfolio grid (src/core/portfolio.ts) with the assessor's decisions, then rendered by
 * src/format or sent as data to the editor's report panel.
 */
import {
  buildPortfolio,
  draftFeedback,
  learnerOf,
  portfolioFolderOf,
  type AssessorDecision,
  type GroupBy,
  type PortfolioAccount,
  type Rubric,
} from '../core/index.js';
import { formatPortfolio } from '../format/index.js';
import { ASSESSMENTS_FILE, ASSESSMENTS_FOLDER, parseAssessments } from '../shared/assessments.js';
import type { ReportScope, ReportView } from '../shared/protocol.js';
import type { Accounts } from './accounts.js';
import type { Documents } from './documents.js';
import { childUri, uriKey } from './uris.js';
import type { WorkspaceFiles } from './workspace-files.js';

/** The rooms a report reads from. */
export interface ReportSources {
  documents: Documents;
  accounts: Accounts;
  files: WorkspaceFiles;
  rubrics: readonly Rubric[];
  /** Whether `files` can read the workspace at all (not so for an editor that serves no files): else decisions are not read. */
  canReadFiles: boolean;
}

interface Account extends PortfolioAccount {
  uri: string;
  learner: string;
  text: string;
}

/** Every account in the workspace, or the open documents named, with their current text, analysed. */
async function accountsOf(
  { documents, accounts, files }: ReportSources,
  uris: string[] | 'workspace',
): Promise<Account[]> {
  const out: Account[] = [];
  const add = (uri: string, text: string) => {
    const path = accounts.displayPath(uri);
    out.push({ uri, path, text, learner: learnerOf(path, text), ...documents.analyseText(text) });
  };
  if (uris === 'workspace') {
    const open = new Map(documents.all().map((d) => [uriKey(d.uri), d]));
    for (const { uri, text } of await accounts.inWorkspace(files)) {
      const current = open.get(uriKey(uri))?.getText() ?? text ?? (await files.readText(uri)).text;
      if (current !== undefined) add(uri, current);
    }
  } else {
    for (const uri of uris) {
      const doc = documents.get(uri);
      if (doc) add(uri, doc.getText());
    }
  }
  return out;
}

/** The accounts a scope covers. A learner's are the workspace's accounts of the named account's learner. */
async function inScope(sources: ReportSources, scope: ReportScope): Promise<Account[]> {
  if (scope.kind === 'account') return accountsOf(sources, [scope.uri]);
  const all = await accountsOf(sources, 'workspace');
  if (scope.kind === 'workspace') return all;
  const own = all.find((a) => uriKey(a.uri) === uriKey(scope.uri)) ?? (await accountsOf(sources, [scope.uri]))[0];
  if (!own) return [];
  const theirs = all.filter((a) => a.learner === own.learner);
  return theirs.includes(own) ? theirs : [own, ...theirs];
}

/** The portfolio folder of an account's URI (any scheme), where its assessor's decisions are kept. */
export function portfolioFolderUri(uri: string): string {
  const m = /^([a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?)([^?#]*)/i.exec(uri);
  if (!m) return uri;
  return m[1] + portfolioFolderOf(m[2]);
}

/**
 * The decisions stored in a portfolio folder (a URI), read through the workspace's files (on disk on Node,
 * through the editor's vscode.workspace.fs in a web worker), or a one-line reason they cannot be read.
 */
async function decisionsIn(sources: ReportSources, folder: string): Promise<AssessorDecision[] | { error: string }> {
  const { files, accounts } = sources;
  const store = childUri(childUri(folder, ASSESSMENTS_FOLDER), ASSESSMENTS_FILE);
  const name = accounts.displayPath(store);
  const entries = await files.list(childUri(folder, ASSESSMENTS_FOLDER));
  if (!entries?.some((e) => e.name === ASSESSMENTS_FILE)) return [];
  const { text, error } = await files.readText(store);
  if (text === undefined) return { error: `${name}: cannot be read (${error ?? 'no text'})` };
  try {
    return parseAssessments(text, name).decisions;
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The decisions of the accounts' portfolio folders, and a line for each store that cannot be read. */
async function decisionsFor(
  sources: ReportSources,
  accounts: readonly Account[],
): Promise<{ decisions: AssessorDecision[]; problems: string[]; folders: Record<string, string> }> {
  const folders = Object.fromEntries(accounts.map((a) => [a.path, portfolioFolderUri(a.uri)]));
  const decisions: AssessorDecision[] = [];
  const problems: string[] = [];
  if (!sources.canReadFiles) return { decisions, problems, folders };
  for (const folder of new Set(Object.values(folders))) {
    const read = await decisionsIn(sources, folder);
    if (Array.isArray(read)) decisions.push(...read);
    else problems.push(read.error);
  }
  return { decisions, problems, folders };
}

export async function mappingGrid(
  sources: ReportSources,
  uris: string[] | 'workspace',
  format: 'html' | 'md',
): Promise<{ content: string; accounts: number }> {
  const accounts = await accountsOf(sources, uris);
  const { decisions } = await decisionsFor(sources, accounts);
  return {
    content: formatPortfolio(buildPortfolio(accounts, sources.rubrics, { decisions }), format),
    accounts: accounts.length,
  };
}

/** The report panel's grid for a scope. */
export async function reportView(sources: ReportSources, scope: ReportScope, by: GroupBy): Promise<ReportView> {
  const accounts = await inScope(sources, scope);
  const { decisions, problems, folders } = await decisionsFor(sources, accounts);
  return {
    portfolio: buildPortfolio(accounts, sources.rubrics, { by, decisions }),
    uris: Object.fromEntries(accounts.map((a) => [a.path, a.uri])),
    portfolios: folders,
    learner: scope.kind === 'workspace' ? undefined : accounts[0]?.learner,
    accounts: accounts.length,
    decisions: sources.canReadFiles ? 'read' : 'unavailable',
    problems,
  };
}

/** The scope's grid as a file to save, rendered as the command line renders it. */
export async function exportReport(
  sources: ReportSources,
  scope: ReportScope,
  by: GroupBy,
  format: 'html' | 'csv',
): Promise<{ content: string; accounts: number }> {
  const accounts = await inScope(sources, scope);
  const { decisions } = await decisionsFor(sources, accounts);
  return {
    content: formatPortfolio(buildPortfolio(accounts, sources.rubrics, { by, decisions }), format),
    accounts: accounts.length,
  };
}

/** The assessor's feedback draft (src/core/feedback.ts) over the scope's accounts, a part per learner. */
export async function feedbackDraft(
  sources: ReportSources,
  scope: ReportScope,
): Promise<{ content: string; learners: string[] }> {
  const accounts = await inScope(sources, scope);
  const { decisions } = await decisionsFor(sources, accounts);
  const learners = [...new Set(accounts.map((a) => a.learner))].sort((a, b) =>
    a.localeCompare(b, 'en-GB', { numeric: true }),
  );
  const content = learners.map((l) => draftFeedback(l, accounts, sources.rubrics, { decisions })).join('\n');
  return { content, learners };
}
