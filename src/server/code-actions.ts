/**
 * Code actions, kept short (a paragraph in Markdown is one long line, so everything on it would
 * otherwise crowd one menu): the fixes of the diagnostics under the cursor, the preferred one first;
 * one "Disable RULE…" per rule (a choice of this line or this file, where the client can ask; else
 * the two entries); "Insert criterion reference" for criteria the paragraph supports; and a fix-all
 * of the fixes that need no human choice (those the analyser marks safe). Nothing offered cites a
 * criterion the paragraph already cites.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { Finding } from '../core/index.js';
import { disableEdits, citedIn } from '../core/edits.js';
import type { Position } from '../core/types.js';
import { findingsOf } from './diagnostics.js';
import type { Analysis } from './documents.js';
import { blockAt, rankForPosition } from './paragraphs.js';
import { withSnippets, type SnippetSupport } from './snippets.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.reflectLint`;
export const INSERT_REFERENCE_KIND = `${CodeActionKind.RefactorRewrite}.reflectLint.insertReference`;
/** The client command that asks "this line or this file?" and applies the chosen edit (src/extension/client.ts). */
export const DISABLE_RULE_COMMAND = 'reflectLint.disableRule';

export interface CodeActionOptions {
  /** The client has DISABLE_RULE_COMMAND: one entry per rule instead of two. */
  disableChoice?: boolean;
  /** How the client takes snippet edits, if it does. */
  snippets?: SnippetSupport;
}

const wants = (only: string[] | undefined, kind: string) =>
  !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

function edit(a: Analysis, edits: TextEdit[]) {
  return { changes: { [a.uri]: edits } };
}

const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character <= q.character);
const touches = (r: Range, s: Range) => before(r.start, s.end) && before(s.start, r.end);

export function codeActions(a: Analysis, params: CodeActionParams, options: CodeActionOptions = {}): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];

  if (
    only &&
    (wants(only, FIX_ALL_KIND) || only.includes(CodeActionKind.SourceFixAll) || only.includes(CodeActionKind.Source))
  ) {
    const fixAll = fixAllAction(a);
    if (fixAll) actions.push(fixAll);
    if (only.every((k) => k.startsWith(CodeActionKind.Source))) return actions;
  }

  // Criteria the paragraph at the cursor already cites are never offered again, by a fix or an insert.
  const block = blockAt(a, params.range.start);
  const paragraph = block && a.paragraphs.find((p) => p.blocks.includes(block));
  const cited = new Set((paragraph?.references ?? []).map((r) => r.id));
  const fresh = (edits: TextEdit[]) => !edits.some((e) => citedIn(e.newText).some((id) => cited.has(id)));

  if (wants(only, CodeActionKind.QuickFix)) {
    // Only the diagnostics under the cursor (a client may send every one on the line), the narrowest first:
    // its first fix is the preferred one.
    const under = params.context.diagnostics
      .filter((d) => touches(d.range, params.range))
      .flatMap((d) => findingsOf(a, d).map((f) => ({ d, f })))
      .sort((x, y) => span(a, x.f.range) - span(a, y.f.range));
    const fixes: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const seenRules = new Set<string>();
    const seenTitles = new Set<string>();
    for (const { d, f } of under) {
      for (const fix of f.fixes ?? []) {
        if (seenTitles.has(fix.title) || !fresh(fix.edits)) continue;
        seenTitles.add(fix.title);
        fixes.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fixes.length === 0,
          ...withSnippets(a, fix.edits, options.snippets),
        });
      }
      if (!seenRules.has(f.rule)) {
        seenRules.add(f.rule);
        disables.push(...disableActions(a, f, d, options.disableChoice === true));
      }
    }
    actions.push(...fixes, ...disables);
  }

  if (wants(only, INSERT_REFERENCE_KIND) && a.rubric) {
    // Only criteria the paragraph supports and does not cite yet, the three best.
    for (const c of rankForPosition(a, params.range.start).criteria.slice(0, 3)) {
      if (!fresh([c.edit])) continue;
      actions.push({
        title: `Insert criterion reference: AC ${c.id} (${c.ability})`,
        kind: INSERT_REFERENCE_KIND,
        edit: edit(a, [c.edit]),
      });
    }
  }
  return actions;
}

/** How many characters a range covers, so the finding most specific to the cursor comes first. */
function span(a: Analysis, r: Range): number {
  return a.doc.lines.offset(r.end) - a.doc.lines.offset(r.start);
}

/**
 * "Disable RULE…", which asks whether for this line or this file, where the client has the command
 * and both can go in; else "Disable RULE for this line" and "… for this file" (the comments are worded and placed by
 * src/core/edits.ts).
 */
function disableActions(a: Analysis, f: Finding, d: Diagnostic, choice: boolean): CodeAction[] {
  const edits = disableEdits(a.doc, f.rule, f.range.start.line);
  // Only the file's comment can go in (a finding in the front matter): nothing to choose.
  if (choice && edits.line) {
    const title = `Disable ${f.rule}…`;
    return [
      {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title, command: DISABLE_RULE_COMMAND, arguments: [a.uri, f.rule, edits] },
      },
    ];
  }
  const action = (title: string, e: TextEdit): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: edit(a, [e]),
  });
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
    const spans = fix.edits.map(
      (e) => [doc.lines.offset(e.range.start), doc.lines.offset(e.range.end)] as [number, number],
    );
    if (spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e))) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
  }
  return edits.length
    ? { title: 'Fix all safe reflect-lint problems', kind: FIX_ALL_KIND, edit: edit(a, edits) }
    : undefined;
}
