/** Findings → LSP diagnostics: rule id as code, its page as codeDescription, criterion text as related information. */
import type { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver/node.js';
import type { Finding, Severity } from '../core/index.js';
import type { Analysis } from './server.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

function criteriaOf(f: Finding): string[] {
  const d = (f.data ?? {}) as { criterion?: unknown; suggestedCriteria?: unknown; criteria?: unknown };
  const ids = [d.criterion, ...(Array.isArray(d.suggestedCriteria) ? d.suggestedCriteria : []), ...(Array.isArray(d.criteria) ? d.criteria : [])];
  return [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
}

export function toDiagnostics(a: Analysis): Diagnostic[] {
  return a.result.findings.map((f, index) => {
    const related: DiagnosticRelatedInformation[] = [];
    for (const id of criteriaOf(f)) {
      const c = a.rubric?.criteria.find((x) => x.id === id);
      if (c) related.push({ location: { uri: a.uri, range: f.range }, message: `AC ${c.id}: ${c.text}` });
    }
    return {
      range: f.range,
      severity: SEVERITY[f.severity],
      source: 'reflect-lint',
      code: f.rule,
      ...(f.url ? { codeDescription: { href: f.url } } : {}),
      message: f.message,
      ...(related.length ? { relatedInformation: related } : {}),
      data: { index, version: a.version },
    };
  });
}
