/**
 * Code actions: every fix the analyser offers (the first one preferred), "Insert criterion
 * reference" anywhere in a paragraph (for criteria its content supports), "Disable RULE for this
 * line / file", and a fix-all of the fixes that need no human choice (those the analyser marks safe).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver/node.js';
import type { Finding } from '../core/index.js';
import { documentOf, rankForPosition } from './paragraphs.js';
import type { Analysis } from './server.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.reflectLint`;
export const INSERT_REFERENCE_KIND = `${CodeActionKind.RefactorRewrite}.reflectLint.insertReference`;

const wants = (only: string[] | undefined, kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

function findingFor(a: Analysis, d: Diagnostic): Finding | undefined {
  if (d.source !== 'reflect-lint') return undefined;
  const data = d.data as { index?: number; version?: number } | undefined;
  const byIndex = data?.index !== undefined && data.version === a.version ? a.result.findings[data.index] : undefined;
  if (byIndex && byIndex.rule === d.code) return byIndex;
  return a.result.findings.find(
    (f) => f.rule === d.code && f.range.start.line === d.range.start.line && f.range.start.character === d.range.start.character && f.message === d.message,
  );
}

function edit(a: Analysis, edits: TextEdit[]) {
  return { changes: { [a.uri]: edits } };
}

export function codeActions(a: Analysis, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];

  if (only && (wants(only, FIX_ALL_KIND) || only.includes(CodeActionKind.SourceFixAll) || only.includes(CodeActionKind.Source))) {
    const fixAll = fixAllAction(a);
    if (fixAll) actions.push(fixAll);
    if (only.every((k) => k.startsWith(CodeActionKind.Source))) return actions;
  }

  if (wants(only, CodeActionKind.QuickFix)) {
    const seenRules = new Set<string>();
    for (const d of params.context.diagnostics) {
      const f = findingFor(a, d);
      if (!f) continue;
      f.fixes?.forEach((fix, k) => {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: k === 0, edit: edit(a, fix.edits) });
      });
      if (!seenRules.has(f.rule)) {
        seenRules.add(f.rule);
        actions.push(...disableActions(a, f, d));
      }
    }
  }

  if (wants(only, INSERT_REFERENCE_KIND) && a.rubric) {
    const ranked = rankForPosition(a, params.range.start);
    if (ranked.insertAt) {
      // Only criteria the paragraph supports and does not cite yet, the three best.
      for (const c of ranked.criteria.slice(0, 3)) {
        actions.push({
          title: `Insert criterion reference: AC ${c.id} (${c.ability})`,
          kind: INSERT_REFERENCE_KIND,
          edit: edit(a, [{ range: { start: ranked.insertAt, end: ranked.insertAt }, newText: ` (AC ${c.id})` }]),
        });
      }
    }
  }
  return actions;
}

/** Inserts the inline comment on its own line above, unless that would split a paragraph. */
function disableActions(a: Analysis, f: Finding, d: Diagnostic): CodeAction[] {
  const doc = documentOf(a);
  const line = f.range.start.line;
  const lineStart = doc.lines.offset({ line, character: 0 });
  const lineText = a.text.slice(lineStart, doc.lines.lineEnd(line));
  const indent = /^\s*/.exec(lineText)![0];
  const previous = line > 0 ? a.text.slice(doc.lines.offset({ line: line - 1, character: 0 }), doc.lines.lineEnd(line - 1)) : '';
  const startsBlock = line === 0 || previous.trim() === '' || /^\s*(?:[-*+]|\d+[.)])\s/.test(lineText) || /^\s*#/.test(lineText);
  const eol = a.text.includes('\r\n') ? '\r\n' : '\n';
  const lineEdit: TextEdit = startsBlock
    ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- reflect-lint-disable-next-line ${f.rule} -->${eol}` }
    : { range: { start: { line, character: lineText.length }, end: { line, character: lineText.length } }, newText: ` <!-- reflect-lint-disable-line ${f.rule} -->` };
  // After the front matter, else at the top.
  const fileLine = doc.frontMatter ? doc.lines.position(doc.frontMatter.end).line + 1 : 0;
  const fileEdit: TextEdit = { range: { start: { line: fileLine, character: 0 }, end: { line: fileLine, character: 0 } }, newText: `<!-- reflect-lint-disable-file ${f.rule} -->${eol}` };
  const fileAction: CodeAction = { title: `Disable ${f.rule} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(a, [fileEdit]) };
  // A comment inside the front matter would break its YAML: there, only the file-wide comment is offered.
  if (doc.frontMatter && line < fileLine) return [fileAction];
  return [{ title: `Disable ${f.rule} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(a, [lineEdit]) }, fileAction];
}

/** Every safe fix, skipping any whose edits overlap one already taken. */
function fixAllAction(a: Analysis): CodeAction | undefined {
  const doc = documentOf(a);
  const taken: Array<[number, number]> = [];
  const edits: TextEdit[] = [];
  for (const f of a.result.findings) {
    const fix = f.fixes?.find((x) => x.safe);
    if (!fix) continue;
    const spans = fix.edits.map((e) => [doc.lines.offset(e.range.start), doc.lines.offset(e.range.end)] as [number, number]);
    if (spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e))) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
  }
  return edits.length ? { title: 'Fix all safe reflect-lint problems', kind: FIX_ALL_KIND, edit: edit(a, edits) } : undefined;
}
