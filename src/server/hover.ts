/**
 * Hover: a criterion reference shows the criterion and whether other paragraphs evidence it;
 * a key term of the account's rubric shows its definition and the criteria it bears on.
 */
import { findReferences, type Position } from '../core/index.js';
import type { Hover } from 'vscode-languageserver/node.js';
import { documentOf } from './paragraphs.js';
import type { Analysis } from './server.js';

export function hover(a: Analysis, position: Position): Hover | null {
  const rubric = a.rubric;
  if (!rubric) return null;
  const doc = documentOf(a);
  const offset = doc.lines.offset(position);

  const ref = findReferences(doc).find((r) => r.fullStart <= offset && offset <= r.end);
  if (ref) {
    const c = rubric.criteria.find((x) => x.id === ref.id);
    const range = { start: doc.lines.position(ref.fullStart), end: doc.lines.position(ref.end) };
    if (!c) {
      return { range, contents: { kind: 'markdown', value: `**AC ${ref.id}** is not a criterion of *${rubric.title}*. Its criteria are ${rubric.criteria.map((x) => `AC ${x.id}`).join(', ')}.` } };
    }
    const status = a.result.criteria.find((x) => x.id === c.id);
    const here = a.result.paragraphs.findIndex((p) => p.range.start.line <= position.line && position.line <= p.range.end.line);
    const elsewhere = (status?.status === 'referenced' ? status.paragraphs : []).filter((p) => p !== here).map((p) => a.result.paragraphs[p].range.start.line + 1);
    const where = elsewhere.length ? `Also evidenced at line${elsewhere.length > 1 ? 's' : ''} ${elsewhere.join(', ')}.` : 'Not evidenced anywhere else in this account.';
    return { range, contents: { kind: 'markdown', value: `**AC ${c.id}** · ${rubric.title}\n\n${c.text}\n\n${where}` } };
  }

  // Key terms: the longest term or alias covering the position, on whole words, in prose only.
  if (doc.prose[offset] === ' ' && doc.prose[offset - 1] === ' ') return null;
  const lineStart = doc.lines.offset({ line: position.line, character: 0 });
  const line = doc.prose.slice(lineStart, doc.lines.lineEnd(position.line));
  let best: { term: (typeof rubric.keyTerms)[number]; start: number; end: number } | undefined;
  for (const term of rubric.keyTerms) {
    for (const name of [term.term, ...(term.aliases ?? [])]) {
      const acronym = name.length <= 6 && name === name.toUpperCase();
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?(?![\\p{L}\\p{N}])`, acronym ? 'gu' : 'giu');
      for (const m of line.matchAll(re)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (start <= position.character && position.character <= end && (!best || end - start > best.end - best.start)) best = { term, start, end };
      }
    }
  }
  if (!best) return null;
  const t = best.term;
  const criteria = (t.criteria ?? []).map((id) => `AC ${id}`).join(', ');
  const aliases = t.aliases?.length ? ` (${t.aliases.join(', ')})` : '';
  return {
    range: { start: { line: position.line, character: best.start }, end: { line: position.line, character: best.end } },
    contents: { kind: 'markdown', value: `**${t.term}**${aliases}\n\n${t.definition}${criteria ? `\n\nBears on ${criteria} of *${rubric.title}*.` : ''}` },
  };
}
