/**
 * "Why?" (issue 9 part 4): the hover's link on a finding runs `reflectLint.explain(accountUri, part)`,
 * which opens the account's explanation, the same text as `reflect-lint --explain`, as a read-only
 * document beside the account, at the part the finding is about. The text comes from the language
 * server (reflectLint/explain), from the account as it is now; one document per account, refreshed
 * each time it is asked for.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ExplainRequest, type ExplainPart } from '../shared/protocol.js';

export const EXPLAIN_SCHEME = 'reflect-lint-explain';

/** The explanation's address: its tab shows "weak.md (why)"; the query holds the account's URI. */
export function explanationUri(account: vscode.Uri): vscode.Uri {
  const name = account.path.split('/').pop() || 'account';
  return vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${name} (why)`, query: account.toString() });
}

export function registerExplain(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  /** The latest text of each explanation shown, so the document reads what was asked for. */
  const texts = new Map<string, string>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const kept = texts.get(uri.toString());
      if (kept !== undefined) return kept;
      const answer = await client.sendRequest(ExplainRequest, { uri: uri.query });
      return answer?.content ?? `${uri.query} is not an account being checked, so there is nothing to explain.\n`;
    },
  };
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, provider),
    vscode.commands.registerCommand('reflectLint.explain', async (account?: unknown, part?: ExplainPart) => {
      const target =
        typeof account === 'string'
          ? vscode.Uri.parse(account)
          : account instanceof vscode.Uri
            ? account
            : vscode.window.activeTextEditor?.document.uri;
      if (!target) return undefined;
      const answer = await client.sendRequest(ExplainRequest, { uri: target.toString(), part });
      if (!answer) {
        void vscode.window.showInformationMessage('This document is not being checked as a reflective account.');
        return undefined;
      }
      const uri = explanationUri(target);
      const fresh = texts.get(uri.toString()) !== answer.content;
      texts.set(uri.toString(), answer.content);
      if (fresh) changed.fire(uri);
      const doc = await vscode.workspace.openTextDocument(uri);
      // Beside the account, so both can be read together; the part the finding is about at the top.
      const besideAccount = vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.toString() === target.toString(),
      );
      const editor = await vscode.window.showTextDocument(doc, {
        viewColumn: besideAccount ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
        preview: true,
        preserveFocus: false,
      });
      const at = new vscode.Position(Math.min(answer.line, doc.lineCount - 1), 0);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
      return { uri: uri.toString(), line: answer.line, title: answer.title };
    }),
  );
}
