/** Completion: criteria after `AC ` or `(AC `, and unit ids after `unit:` in front matter. */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Rubric } from '../core/index.js';

export function completions(doc: TextDocument, position: Position, rubric: Rubric | undefined, rubrics: readonly Rubric[]): CompletionItem[] {
  const before = doc.getText({ start: { line: position.line, character: 0 }, end: position });
  if (inFrontMatter(doc, position.line)) {
    const m = /^(unit|rubric)\s*:\s*([\w-]*)$/.exec(before);
    if (!m) return [];
    return rubrics.map((r, i) => ({
      label: r.id,
      kind: CompletionItemKind.Module,
      detail: `${r.title} · Level ${r.level}`,
      documentation: r.description,
      sortText: String(i).padStart(3, '0'),
      textEdit: { range: { start: { line: position.line, character: position.character - m[2].length }, end: position }, newText: r.id },
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

function inFrontMatter(doc: TextDocument, line: number): boolean {
  if (doc.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }) !== '---' || line === 0) return false;
  for (let i = 1; i < Math.min(doc.lineCount, 200); i++) {
    const text = doc.getText({ start: { line: i, character: 0 }, end: { line: i, character: 4 } }).trimEnd();
    if (text === '---' || text === '...') return line < i;
  }
  return false;
}
