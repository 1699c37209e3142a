/**
 * Everything the server shows as an LSP diagnostic is made here: findings (rule id as code, its page
 * as codeDescription, criterion text as related information; several at one place as one entry, so
 * a hover does not stack them), notices, the paused note, and a rubric file's problem. And back
 * again: which findings a diagnostic shows, for code actions.
 */
import type {
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  PublishDiagnosticsParams,
} from 'vscode-languageserver';
import type { Finding, Severity } from '../core/index.js';
import { accountAnchor } from '../core/next-steps.js';
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
    diagnostics: [...findingGroups(a).map((g) => groupDiagnostic(a, g)), ...a.notices.map(noticeDiagnostic)],
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

/**
 * The findings one diagnostic shows, by index, so a hover does not stack copies of one message:
 * findings of one rule at one range together; and every finding about a whole part of the account
 * (those on a heading line as a whole: the account's title, an example's heading, else the front
 * matter's unit line), whatever its rule, as one "What to add next" list. In the order found.
 */
export function findingGroups(a: Analysis): number[][] {
  const anchor = accountAnchor(a.doc);
  const whole = new Set([
    `${anchor.start}:${anchor.end}`,
    ...a.doc.blocks.filter((b) => b.kind === 'heading').map((b) => `${b.start}:${b.end}`),
  ]);
  const groups = new Map<string, number[]>();
  a.result.findings.forEach((f, index) => {
    const range = `${a.doc.lines.offset(f.range.start)}:${a.doc.lines.offset(f.range.end)}`;
    const key = whole.has(range) ? `part ${range}` : `${f.rule} ${range}`;
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return [...groups.values()];
}

/** The heading of a list of what a part of the account still needs (several findings at a heading). */
export const WHAT_TO_ADD_NEXT = 'What to add next:';

/**
 * One diagnostic for a group of findings: a finding as it is; several as one message, each finding's
 * message kept whole on its own line (a "What to add next" list when their rules differ), the most
 * severe severity, and every criterion's text. Their rule is the code when they share one.
 */
function groupDiagnostic(a: Analysis, indices: number[]): Diagnostic {
  const members = indices.map((i) => a.result.findings[i]);
  const f = members[0];
  const related: DiagnosticRelatedInformation[] = [];
  for (const id of new Set(members.flatMap(criteriaOf))) {
    const c = a.rubric?.criteria.find((x) => x.id === id);
    if (c) related.push({ location: { uri: a.uri, range: f.range }, message: `AC ${c.id}: ${c.text}` });
  }
  const rules = [...new Set(members.map((m) => m.rule))];
  const one = rules.length === 1 ? f : undefined;
  return {
    range: f.range,
    severity: Math.min(...members.map((m) => SEVERITY[m.severity])) as DiagnosticSeverity,
    source: SOURCE,
    ...(one ? { code: one.rule, ...(one.url ? { codeDescription: { href: one.url } } : {}) } : {}),
    message: groupMessage(members),
    ...(related.length ? { relatedInformation: related } : {}),
    data: { index: indices[0], indices, version: a.version, rules },
  };
}

function groupMessage(members: readonly Finding[]): string {
  const messages = [...new Set(members.map((m) => m.message))];
  if (messages.length === 1) return messages[0];
  const list = messages.map((m) => `• ${m}`).join('\n');
  return new Set(members.map((m) => m.rule)).size > 1 ? `${WHAT_TO_ADD_NEXT}\n${list}` : list;
}

/** Messages as compared across clients: some re-wrap or trim them. */
const words = (message: string) => message.replace(/\s+/g, ' ').trim();

/**
 * The findings a diagnostic of this analysis shows, however the client echoes it back: by the
 * indices it carries when it is of this analysis; else (ALE, Sublime LSP and older clients drop
 * `source` and `data`, some drop `code`) the group with its message and range, else by rule and
 * message with the same range, else the same start, else on a line the finding covers. A
 * diagnostic whose source is another tool's is never one of ours.
 */
export function findingsOf(a: Analysis, d: Diagnostic): Finding[] {
  if (d.source !== undefined && d.source !== null && d.source !== SOURCE) return [];
  const code = d.code === undefined || d.code === null ? undefined : String(d.code);
  const data = d.data as { index?: number; indices?: number[]; version?: number } | undefined;
  if (data?.version === a.version) {
    const indices = Array.isArray(data.indices) ? data.indices : data.index !== undefined ? [data.index] : [];
    const byIndex = indices.map((i) => a.result.findings[i]).filter((f): f is Finding => !!f);
    if (byIndex.length && (code === undefined || byIndex.every((f) => f.rule === code))) return byIndex;
  }
  const message = words(d.message);
  const at = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line === q.line && p.character === q.character;
  const group = findingGroups(a)
    .map((g) => g.map((i) => a.result.findings[i]))
    .find((g) => g.length > 1 && at(g[0].range.start, d.range.start) && words(groupMessage(g)) === message);
  if (group && (code === undefined || group.every((f) => f.rule === code))) return group;
  const same = a.result.findings.filter((f) => (code === undefined || f.rule === code) && words(f.message) === message);
  const one =
    same.find((f) => at(f.range.start, d.range.start) && at(f.range.end, d.range.end)) ??
    same.find((f) => at(f.range.start, d.range.start)) ??
    same.find((f) => f.range.start.line <= d.range.start.line && d.range.start.line <= f.range.end.line);
  return one ? [one] : [];
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
