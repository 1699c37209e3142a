/**
 * Everything the server shows as an LSP diagnostic is made here: findings (rule id as code, its page
 * as codeDescription, criterion text as related information), notices, the paused note, and a
 * rubric file's problem. And back again: which finding a diagnostic shows, for code actions.
 */
import type {
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  PublishDiagnosticsParams,
} from 'vscode-languageserver';
import type { Finding, Severity } from '../core/index.js';
import type { Notice } from '../core/front-matter.js';
import type { Analysis, Check } from './documents.js';
import type { RubricProblem } from './rubrics.js';
import { problemText, type RubricProblem as Problem } from '../core/index.js';

export const SOURCE = 'reflect-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

/** What to publish for a check: nothing for a document that is not an account. */
export function diagnosticsOf(check: Check): PublishDiagnosticsParams {
  const { uri, version } = check;
  if (check.kind === 'not-account') return { uri, version, diagnostics: [] };
  if (check.kind === 'paused') {
    return {
      uri,
      version,
      diagnostics: [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 3,
          source: SOURCE,
          message: check.note,
        },
      ],
    };
  }
  const a = check.analysis;
  return {
    uri,
    version,
    diagnostics: [
      ...a.result.findings.map((f, index) => findingDiagnostic(a, f, index)),
      ...a.notices.map(noticeDiagnostic),
    ],
  };
}

function criteriaOf(f: Finding): string[] {
  const d = (f.data ?? {}) as { criterion?: unknown; suggestedCriteria?: unknown; criteria?: unknown };
  const ids = [
    d.criterion,
    ...(Array.isArray(d.suggestedCriteria) ? d.suggestedCriteria : []),
    ...(Array.isArray(d.criteria) ? d.criteria : []),
  ];
  return [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
}

function findingDiagnostic(a: Analysis, f: Finding, index: number): Diagnostic {
  const related: DiagnosticRelatedInformation[] = [];
  for (const id of criteriaOf(f)) {
    const c = a.rubric?.criteria.find((x) => x.id === id);
    if (c) related.push({ location: { uri: a.uri, range: f.range }, message: `AC ${c.id}: ${c.text}` });
  }
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.rule,
    ...(f.url ? { codeDescription: { href: f.url } } : {}),
    message: f.message,
    ...(related.length ? { relatedInformation: related } : {}),
    data: { index, version: a.version },
  };
}

/** Messages as compared across clients: some re-wrap or trim them. */
const words = (message: string) => message.replace(/\s+/g, ' ').trim();

/**
 * The finding a diagnostic of this analysis shows, however the client echoes it back: by the index
 * it carries when it is of this analysis; else (ALE, Sublime LSP and older clients drop `source` and
 * `data`, some drop `code`) by rule and message with the same range, else the same start, else on a
 * line the finding covers. A diagnostic whose source is another tool's is never one of ours.
 */
export function findingOf(a: Analysis, d: Diagnostic): Finding | undefined {
  if (d.source !== undefined && d.source !== null && d.source !== SOURCE) return undefined;
  const code = d.code === undefined || d.code === null ? undefined : String(d.code);
  const data = d.data as { index?: number; version?: number } | undefined;
  const byIndex = data?.index !== undefined && data.version === a.version ? a.result.findings[data.index] : undefined;
  if (byIndex && (code === undefined || byIndex.rule === code)) return byIndex;
  const message = words(d.message);
  const same = a.result.findings.filter((f) => (code === undefined || f.rule === code) && words(f.message) === message);
  const at = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line === q.line && p.character === q.character;
  return (
    same.find((f) => at(f.range.start, d.range.start) && at(f.range.end, d.range.end)) ??
    same.find((f) => at(f.range.start, d.range.start)) ??
    same.find((f) => f.range.start.line <= d.range.start.line && d.range.start.line <= f.range.end.line)
  );
}

function noticeDiagnostic(n: Notice): Diagnostic {
  const unknownUnit = n.code === 'unknown-unit';
  return {
    range: n.range,
    severity: unknownUnit ? 1 : 2,
    source: SOURCE,
    code: n.code,
    message: unknownUnit ? `This account names an ${n.message}.` : `The front matter could not be read: ${n.message}.`,
  };
}

/** What to publish on rubric files: each problem on its file, and nothing on a file mended since `before`. */
export function rubricFileDiagnostics(
  now: readonly RubricProblem[],
  before: readonly RubricProblem[],
): PublishDiagnosticsParams[] {
  const shown = new Set(now.map((p) => p.uri));
  return [
    ...now.map((p) => ({ uri: p.uri, diagnostics: rubricDiagnostics(p) })),
    ...before.filter((p) => !shown.has(p.uri)).map((p) => ({ uri: p.uri, diagnostics: [] })),
  ];
}

/**
 * A rubric file's problems, shown on the file where each is: a file that cannot be used has one error
 * (its first problem, with what that means for accounts); a file in use has a warning per part of it
 * that cannot work as meant.
 */
function rubricDiagnostics({ reason, problems }: RubricProblem): Diagnostic[] {
  const at = (p: Problem | undefined) => {
    const line = p ? p.line - 1 : 0;
    const character = p ? p.column - 1 : 0;
    return { start: { line, character }, end: { line, character: character + (p?.length ?? 1) } };
  };
  if (reason !== undefined) {
    const first = problems.find((p) => p.severity === 'error');
    return [
      {
        range: at(first),
        severity: 1,
        source: SOURCE,
        code: 'invalid-rubric',
        message: `This rubric cannot be used: ${reason.replace(/^invalid rubric: /, '')}. Accounts that name it are checked with the general rules only.`,
      },
    ];
  }
  return problems.map((p) => ({
    range: at(p),
    severity: 2,
    source: SOURCE,
    code: 'rubric-warning',
    message: problemText(p),
  }));
}
