/** Completion: criteria after `AC ` or `(AC `, and unit ids after `unit:` (or `rubric:`) in front matter. */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Rubric } from '../core/index.js';
import { frontMatterOf, UNIT_KEYS } from '../core/front-matter.js';

const UNIT_BEFORE_CURSOR = new RegExp(`^(?:${UNIT_KEYS.join('|')})\\s*:\\s*([\\w-]*)$`);

export function completions(doc: TextDocument, position: Position, rubric: Rubric | undefined, rubrics: readonly Rubric[]): CompletionItem[] {
  const before = doc.getText({ start: { line: position.line, character: 0 }, end: position });
  const fm = frontMatterOf(doc.getText());
  // Between the fences: the lines after the opening one, up to the closing one.
  if (fm && position.line > 0 && position.line < doc.positionAt(fm.end).line) {
    const m = UNIT_BEFORE_CURSOR.exec(before);
    if (!m) return [];
    return rubrics.map((r, i) => ({
      label: r.id,
      kind: CompletionItemKind.Module,
      detail: `${r.title} · Level ${r.level}`,
      documentation: r.description,
      sortText: String(i).padStart(3, '0'),
      textEdit: { range: { start: { line: position.line, character: position.character - m[1].length }, end: position }, newText: r.id },
    }));
  }
  if (!rubric) return [];
  const m = /(?:^|[\s(])AC\s?([\d.]*)$/.exec(before);
  if (!m) return [];
  return rubric.criteria.map((c, i) => ({
    label: c.id,
    kind: CompletionItemKind.Reference,
    detail: c.ability,
    documentation: { kind: 'markdown', value: `**AC ${c.id}** · ${rubric.title}\n\n${c.text}` },
    sortText: String(i).padStart(3, '0'),
    filterText: c.id,
    textEdit: { range: { start: { line: position.line, character: position.character - m[1].length }, end: position }, newText: c.id },
  }));
}
