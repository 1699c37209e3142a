/**
 * The VS Code client: starts the language server, shows coverage in the Criteria view and the
 * status bar, and runs the "Reflective Accounts: …" commands. The only module that imports vscode.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { CheckDocumentRequest, CoverageNotification, ListRubricsRequest, RankCriteriaRequest, ReportRequest, UnitEditRequest } from '../shared/protocol.js';
import { CriteriaView } from './criteria-view.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; view: CriteriaView }> {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'reflectLint' },
    diagnosticCollectionName: 'reflect-lint',
  };
  client = new LanguageClient('reflectLint', 'Reflective Accounts', serverOptions, clientOptions);
  const view = new CriteriaView();
  context.subscriptions.push(view, vscode.window.registerTreeDataProvider('reflectLint.criteria', view));
  client.onNotification(CoverageNotification, (coverage) => view.update(coverage));
  context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => view.forget(d.uri.toString())));

  const c = client;
  const command = (id: string, run: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  command('reflectLint.showCriteria', () => vscode.commands.executeCommand('reflectLint.criteria.focus'));
  command('reflectLint.checkDocument', async () => {
    const editor = markdownEditor();
    if (!editor) return;
    const coverage = await c.sendRequest(CheckDocumentRequest, { uri: editor.document.uri.toString() });
    view.update(coverage);
  });
  command('reflectLint.selectUnit', async () => {
    const editor = markdownEditor();
    if (!editor) return;
    const rubrics = await c.sendRequest(ListRubricsRequest);
    const pick = await vscode.window.showQuickPick(
      rubrics.map((r) => ({ label: r.id, description: `${r.title} · Level ${r.level}`, detail: r.origin === 'bundled' ? undefined : r.origin })),
      { title: 'Select the unit this account is evidence for', placeHolder: 'Unit' },
    );
    if (!pick) return;
    // The server words the edit (src/core/edits.ts): the unit line replaced, or added, or front matter added.
    await applyEdits(c, editor, await c.sendRequest(UnitEditRequest, { uri: editor.document.uri.toString(), unit: pick.label }));
  });
  command('reflectLint.insertCriterionReference', async () => {
    const editor = markdownEditor();
    if (!editor) return;
    const position = editor.selection.active;
    const ranked = await c.sendRequest(RankCriteriaRequest, { uri: editor.document.uri.toString(), line: position.line, character: position.character });
    if (!ranked.insertAt) {
      void vscode.window.showInformationMessage('Put the cursor in a paragraph of an account that names its unit, then try again.');
      return;
    }
    // The server offers only criteria the paragraph's content supports and does not cite yet.
    if (!ranked.criteria.length) {
      void vscode.window.showInformationMessage('This paragraph does not yet read like evidence for a criterion it does not already cite. Add what you did, then try again.');
      return;
    }
    const pick = await vscode.window.showQuickPick(
      ranked.criteria.map((x) => ({ label: `AC ${x.id}`, description: x.ability, detail: x.text, edit: x.edit })),
      { title: 'Insert a criterion reference (best match first)', matchOnDetail: true },
    );
    if (pick) await applyEdits(c, editor, [pick.edit]);
  });
  command('reflectLint.generateReport', async () => {
    const editor = markdownEditor(false);
    const choices = [
      ...(editor ? [{ label: 'This account', scope: 'document' as const }] : []),
      { label: 'Every account in the workspace', scope: 'workspace' as const },
    ];
    const pick = choices.length === 1 ? choices[0] : await vscode.window.showQuickPick(choices, { title: 'Generate the assessor report for…' });
    if (!pick) return;
    const uris = pick.scope === 'workspace' ? ('workspace' as const) : [editor!.document.uri.toString()];
    const report = await c.sendRequest(ReportRequest, { uris, format: 'html' });
    if (!report.accounts) {
      void vscode.window.showInformationMessage('No reflective accounts found. Accounts name their unit in front matter (unit: …) or sit in folders matching reflectLint.files.');
      return;
    }
    const panel = vscode.window.createWebviewPanel('reflectLint.report', 'Mapping grid', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false });
    // The report is static HTML: no scripts, no remote content.
    panel.webview.html = report.content.replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">`);
  });

  await client.start();
  return { client, view };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function markdownEditor(say = true): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor;
  if (say) void vscode.window.showInformationMessage('Open a Markdown reflective account first.');
  return undefined;
}

/** Applies edits the server made (worded by src/core/edits.ts) to the editor's document. */
async function applyEdits(client: LanguageClient, editor: vscode.TextEditor, edits: TextEdit[]): Promise<void> {
  const converted = await client.protocol2CodeConverter.asTextEdits(edits);
  await editor.edit((e) => {
    for (const edit of converted ?? []) e.replace(edit.range, edit.newText);
  });
}
