/**
 * Edits whose text has gaps to fill in (a SMART template, a link sentence, a paragraph prompt), as
 * the client can take them: the plain text always (every client applies it; its "[…]" gaps stay
 * findings until filled), and the snippet with tab stops that src/core/edits.ts makes of it for a
 * client that takes one. An LSP 3.18 client that declares `workspace.workspaceEdit.snippetEditSupport`
 * gets snippet text edits in `documentChanges`; the VS Code extension (which says
 * `initializationOptions.snippets`) gets them in the action's `data`, which it turns into a
 * vscode.SnippetTextEdit (its language client predates snippet text edits).
 */
import type { WorkspaceEdit } from 'vscode-languageserver';
import { escapeSnippet, snippetOf } from '../core/edits.js';
import type { Range, TextEdit } from '../core/types.js';

export type SnippetSupport = 'lsp' | 'data';

/** What the VS Code extension reads from a code action's `data`. */
export interface SnippetData {
  snippets: Array<{ range: Range; snippet: string }>;
}

export function withSnippets(
  a: { uri: string; version: number },
  edits: TextEdit[],
  support: SnippetSupport | undefined,
): { edit: WorkspaceEdit; data?: SnippetData } {
  const plain = { changes: { [a.uri]: edits } };
  const snippets = edits.map((e) => snippetOf(e.newText));
  if (!support || !snippets.some((s) => s !== undefined)) return { edit: plain };
  if (support === 'data') {
    return {
      edit: plain,
      data: { snippets: edits.map((e, i) => ({ range: e.range, snippet: snippets[i] ?? escapeSnippet(e.newText) })) },
    };
  }
  const snippetEdits = edits.map((e, i) =>
    snippets[i] === undefined ? e : { range: e.range, snippet: { kind: 'snippet', value: snippets[i] } },
  );
  return {
    edit: {
      documentChanges: [{ textDocument: { uri: a.uri, version: a.version }, edits: snippetEdits as TextEdit[] }],
    },
  };
}
