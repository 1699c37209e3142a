/**
 * A criterion's page (its text, the sentence that links a paragraph to it, its stages and key terms), shown
 * as a read-only Markdown document: where the report's "missing" cells and criterion headings lead. The text
 * comes from the language server (src/core/criterion-sheet.ts), which holds the rubrics in effect.
 * `reflectLint.showCriterionText(unit, criterion, column?)` opens it; the command is not in the palette.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CriterionSheetRequest } from '../shared/protocol.js';

export const CRITERION_SCHEME = 'reflect-lint-criterion';

/** The page's address: reflect-lint-criterion:/customer-relations/AC-3.md (the name is what its tab shows). */
export function criterionSheetUri(unit: string, criterion: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: CRITERION_SCHEME,
    path: `/${encodeURIComponent(unit)}/AC-${encodeURIComponent(criterion)}.md`,
  });
}

function parse(uri: vscode.Uri): { unit: string; criterion: string } | undefined {
  const m = /^\/([^/]+)\/AC-([^/]+)\.md$/.exec(uri.path);
  return m ? { unit: decodeURIComponent(m[1]), criterion: decodeURIComponent(m[2]) } : undefined;
}

export function registerCriterionSheet(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const asked = parse(uri);
      if (!asked) return `# Not a criterion\n\n${uri.toString(true)} does not name a unit and a criterion.\n`;
      const sheet = await client.sendRequest(CriterionSheetRequest, asked);
      return (
        sheet ??
        `# AC ${asked.criterion}\n\nThe unit \`${asked.unit}\` or its AC ${asked.criterion} is not among the rubrics in effect.\n`
      );
    },
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(CRITERION_SCHEME, provider),
    vscode.commands.registerCommand(
      'reflectLint.showCriterionText',
      async (unit: string, criterion: string, column: vscode.ViewColumn = vscode.ViewColumn.Active) => {
        const doc = await vscode.workspace.openTextDocument(criterionSheetUri(unit, criterion));
        return vscode.window.showTextDocument(doc, { viewColumn: column, preview: true, preserveFocus: false });
      },
    ),
  );
}
