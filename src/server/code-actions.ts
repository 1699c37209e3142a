/**
 * Code actions: every fix the analyser offers (the first one preferred), "Insert criterion
 * reference" anywhere in a paragraph (for criteria its content supports), "Disable RULE for this
 * line / file", and a fix-all of the fixes that need no human choice (those the analyser marks safe).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Finding } from '../core/index.js';
import { disableEdits } from '../core/edits.js';
import { findingOf } from './diagnostics.js';
import type { Analysis } from './documents.js';
import { rankForPosition } from './paragraphs.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.reflectLint`;
export const INSERT_REFERENCE_KIND = `${CodeActionKind.RefactorRewrite}.reflectLint.insertReference`;

const wants = (only: string[] | undefined, kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

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
      const f = findingOf(a, d);
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
    // Only criteria the paragraph supports and does not cite yet, the three best.
    for (const c of rankForPosition(a, params.range.start).criteria.slice(0, 3)) {
      actions.push({ title: `Insert criterion reference: AC ${c.id} (${c.ability})`, kind: INSERT_REFERENCE_KIND, edit: edit(a, [c.edit]) });
    }
  }
  return actions;
}

/** "Disable RULE for this line / file" (the comments are worded and placed by src/core/edits.ts). */
function disableActions(a: Analysis, f: Finding, d: Diagnostic): CodeAction[] {
  const edits = disableEdits(a.doc, f.rule, f.range.start.line);
  const action = (title: string, e: TextEdit): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(a, [e]) });
  const file = action(`Disable ${f.rule} for this file`, edits.file);
  return edits.line ? [action(`Disable ${f.rule} for this line`, edits.line), file] : [file];
}

/** Every safe fix, skipping any whose edits overlap one already taken. */
function fixAllAction(a: Analysis): CodeAction | undefined {
  const doc = a.doc;
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
