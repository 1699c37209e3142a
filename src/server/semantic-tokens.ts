/**
 * Semantic tokens, for editors other than VS Code (which highlights the same things with its
 * TextMate grammar, syntaxes/reflect-lint.injection.json): criterion references (`AC 2`, `AC 1 and 3`)
 * and the sentences that link a paragraph to a criterion ("This demonstrates my ability to … (AC 4)."),
 * found as the analyser finds them. Offered only when the client asks with the initialization option
 * `semanticTokens: true` (off by default: most editors' Markdown highlighting is enough).
 *
 * The two token types are the project's own names; an editor maps them to colours (docs/editors.md).
 * Tokens never overlap (a reference inside a link sentence splits the sentence's token) and never
 * span lines, as clients without multiline or overlapping token support need.
 */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import { citationSpans, isLinkSentence } from '../core/index.js';
import type { Analysis } from './documents.js';

export const TOKEN_TYPES = ['criterionReference', 'demonstratesSentence'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] };

interface Span {
  start: number;
  end: number;
  type: TokenType;
}

/** The references' spans: the first of a list with its label (`AC 1`), the others by id alone (`3`). */
function referenceSpans(a: Analysis): Span[] {
  const spans: Span[] = [];
  let listStart = -1;
  for (const r of citationSpans(a.doc)) {
    spans.push({ start: r.fullStart === listStart ? r.start : r.fullStart, end: r.end, type: 'criterionReference' });
    listStart = r.fullStart;
  }
  return spans.sort((x, y) => x.start - y.start);
}

/** The link sentences, less the references inside them. */
function sentenceSpans(a: Analysis, references: readonly Span[]): Span[] {
  const { prose } = a.doc;
  const spans: Span[] = [];
  for (const s of a.doc.sentences) {
    const text = prose.slice(s.start, s.end);
    if (!isLinkSentence(text)) continue;
    let start = s.start + (text.length - text.trimStart().length);
    const end = s.end - (text.length - text.trimEnd().length);
    for (const r of references) {
      if (r.end <= start || r.start >= end) continue;
      if (r.start > start) spans.push({ start, end: r.start, type: 'demonstratesSentence' });
      start = Math.max(start, r.end);
    }
    if (start < end) spans.push({ start, end, type: 'demonstratesSentence' });
  }
  return spans;
}

/** The account's tokens, in document order, each within one line. */
export function semanticTokens(a: Analysis): SemanticTokens {
  const references = referenceSpans(a);
  const spans = [...references, ...sentenceSpans(a, references)].sort((x, y) => x.start - y.start);
  const builder = new SemanticTokensBuilder();
  const { text, lines } = a.doc;
  for (const span of spans) {
    for (let start = span.start; start < span.end;) {
      const lineEnd = text.slice(start, span.end).search(/\r?\n|\r/);
      const end = lineEnd < 0 ? span.end : start + lineEnd;
      // Whitespace at either end of a piece (a line's indent) is no part of the token.
      const piece = text.slice(start, end);
      const from = start + (piece.length - piece.trimStart().length);
      const to = end - (piece.length - piece.trimEnd().length);
      if (from < to) {
        const at = lines.position(from);
        builder.push(at.line, at.character, to - from, TOKEN_TYPES.indexOf(span.type), 0);
      }
      start = end + (text.startsWith('\r\n', end) ? 2 : 1);
    }
  }
  return builder.build();
}
