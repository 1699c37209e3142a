/**
 * Completion: criteria after `AC ` or `(AC `, ranked for the paragraph the cursor is in (best first,
 * those it already cites last and marked), and unit ids after `unit:` (or `rubric:`) in front matter.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { supportedCriteria, type Position, type Rubric } from '../core/index.js';
import { frontMatterOf, UNIT_KEYS } from '../core/front-matter.js';
import type { Analysis } from './documents.js';
import { rankedAt } from './paragraphs.js';

const UNIT_BEFORE_CURSOR = new RegExp(`^(?:${UNIT_KEYS.join('|')})\\s*:\\s*([\\w-]*)$`);

export function completions(
  doc: TextDocument,
  position: Position,
  a: Analysis | undefined,
  rubrics: readonly Rubric[],
): CompletionItem[] {
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
      textEdit: {
        range: { start: { line: position.line, character: position.character - m[1].length }, end: position },
        newText: r.id,
      },
    }));
  }
  const rubric = a?.rubric;
  if (!a || !rubric) return [];
  const m = /(?:^|[\s(])AC\s?([\d.]*)$/.exec(before);
  if (!m) return [];
  // Ranked for this paragraph: what its content supports first, best first; what it already cites last.
  const at = rankedAt(a, position);
  const supported = new Set(at ? supportedCriteria(at.ranked).map((r) => r.id) : []);
  const rank = new Map((at?.ranked ?? []).map((r, i) => [r.id, i]));
  const place = (id: string) =>
    (at?.cited.has(id) ? 2 : supported.has(id) ? 0 : 1) * 1000 +
    (rank.get(id) ?? rubric.criteria.findIndex((c) => c.id === id));
  const ordered = [...rubric.criteria].sort((x, y) => place(x.id) - place(y.id));
  return ordered.map((c, i) => {
    const cited = at?.cited.has(c.id) ?? false;
    const note = cited
      ? 'already cited in this paragraph'
      : supported.has(c.id)
        ? i === 0
          ? 'best match for this paragraph'
          : 'this paragraph shows it'
        : '';
    return {
      label: c.id,
      labelDetails: { description: note ? `${note} · ${c.ability}` : c.ability },
      kind: CompletionItemKind.Reference,
      detail: c.ability,
      documentation: {
        kind: 'markdown',
        value: `**AC ${c.id}** · ${rubric.title}${note ? ` · ${note}` : ''}\n\n${c.text}`,
      },
      sortText: String(i).padStart(3, '0'),
      filterText: c.id,
      preselect: i === 0 && !cited,
      textEdit: {
        range: { start: { line: position.line, character: position.character - m[1].length }, end: position },
        newText: c.id,
      },
    };
  });
}
