/**
 * The VS Code client, the same on the desktop and on the web: shows coverage in the Criteria view
 * and the status bar, runs the "Reflective Accounts: …" commands, and answers the server's
 * reflectLint/fs/* requests with vscode.workspace.fs. extension.ts (Node) and browser.ts (web worker)
 * only make the language client and its server.
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import type { Range, TextEdit } from 'vscode-languageserver-protocol';
import {
  CheckDocumentRequest,
  CoverageNotification,
  CriterionParagraphRequest,
  PortfolioRequest,
  RankUnitsRequest,
  RankCriteriaRequest,
  ReadDirectoryRequest,
  ReadFileRequest,
  UnitEditRequest,
} from '../shared/protocol.js';
import { CriteriaView, criterionOf, VIEW_COMMANDS, type CriterionRef, type Node } from './criteria-view.js';
import { registerCriterionSheet } from './criterion-sheet.js';
import { registerDraftRubric } from './draft-rubric.js';
import { registerExplain } from './explain.js';
import { ExtensionLog } from './log.js';
import { registerReportPanel, type DecisionRecorder, type ReportPanel } from './report-panel.js';
import { migrateSettings } from './settings-migration.js';

/**
 * Where accounts live: on disk, unsaved, and on the file systems of VS Code for the Web
 * (vscode-vfs: on github.dev, vscode-remote: in a browser workbench on a server, vscode-test-web:).
 * Not git: or other views of old versions.
 */
const SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'];

export const CLIENT_OPTIONS: LanguageClientOptions = {
  documentSelector: SCHEMES.map((scheme) => ({ language: 'markdown', scheme })),
  synchronize: { configurationSection: 'reflectiveAccounts' },
  diagnosticCollectionName: 'reflect-lint',
  // fileSystem: the server may ask for the workspace's files through reflectLint/fs/* (answered below).
  // commands: false: this extension has its own commands of the server's command names, with pickers;
  // listed in executeCommandProvider, the language client would register them again and fail.
  // snippets: code actions carry snippet forms of their edits (made into SnippetTextEdits below).
  // disableChoice: one "Disable RULE…" per rule, which asks "this line or this file?" (reflectLint.disableRule).
  // explainLinks: a finding's hover links "Why?" to reflectLint.explain (explain.ts), the only command its Markdown may run.
  initializationOptions: { fileSystem: true, commands: false, snippets: true, disableChoice: true, explainLinks: true },
  markdown: { isTrusted: { enabledCommands: ['reflectLint.explain'] } },
  middleware: {
    async provideCodeActions(document, range, context, token, next) {
      const actions = await next(document, range, context, token);
      return actions?.map((a) => withSnippetEdits(document.uri, a));
    },
  },
};

/** The client's options with its Output channel: the extension's "Reflective Accounts" log (log.ts). */
export function clientOptions(log: ExtensionLog): LanguageClientOptions {
  return { ...CLIENT_OPTIONS, outputChannel: log.forClient() };
}

/** Where the extension runs, for the log's first line. */
export type Host = 'desktop' | 'web';

/** Opens the extension's log and writes its first line; the client is made with clientOptions(log) after it. */
export function openLog(context: vscode.ExtensionContext, host: Host): ExtensionLog {
  const log = new ExtensionLog();
  context.subscriptions.push(log);
  const version = (context.extension.packageJSON as { version?: string }).version ?? 'unknown';
  log.info(
    `Reflective Accounts ${version} activating (${host === 'web' ? 'VS Code for the Web: the language server in a web worker' : 'the language server as a Node process'}; VS Code ${vscode.version})`,
  );
  return log;
}

/**
 * A code action whose edit has gaps to fill in (a SMART template, a link sentence) as a snippet with
 * tab stops: the server sends the snippet form in the action's data (src/server/snippets.ts), since
 * this language client predates LSP's snippet text edits. VS Code applies it as a snippet in the
 * active editor, as plain text elsewhere.
 */
function withSnippetEdits(
  uri: vscode.Uri,
  action: vscode.Command | vscode.CodeAction,
): vscode.Command | vscode.CodeAction {
  const data = (action as { data?: { snippets?: Array<{ range: Range; snippet: string }> } }).data;
  if (!(action instanceof vscode.CodeAction) || !Array.isArray(data?.snippets)) return action;
  action.edit = snippetEdit(uri, data.snippets);
  return action;
}

/** The server's snippet forms of its edits (src/server/snippets.ts) as a WorkspaceEdit of SnippetTextEdits. */
function snippetEdit(uri: vscode.Uri, snippets: Array<{ range: Range; snippet: string }>): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const range = (r: Range) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  edit.set(
    uri,
    snippets.map((s) => new vscode.SnippetTextEdit(range(s.range), new vscode.SnippetString(s.snippet))),
  );
  return edit;
}

/** Wires the view, the commands and the file requests to a language client, and starts it. */
export async function startClient(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
  log: ExtensionLog,
  recordDecision?: DecisionRecorder,
): Promise<{ client: BaseLanguageClient; view: CriteriaView; report: ReportPanel; log: ExtensionLog }> {
  // The learner's portfolio node: the report's grid of every account of the open account's learner.
  const view = new CriteriaView((uri) =>
    client.sendRequest(PortfolioRequest, { scope: { kind: 'learner', uri }, by: 'learner' }),
  );
  context.subscriptions.push(view);
  const report = registerReportPanel(context, client, recordDecision);
  registerDraftRubric(context, client);
  registerExplain(context, client);
  registerCriterionSheet(context, client);
  client.onNotification(CoverageNotification, (coverage) => {
    view.update(coverage);
    report.accountsChanged(coverage.uri);
  });
  context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => view.forget(d.uri.toString())));

  const command = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  command('reflectLint.showCriteria', () => vscode.commands.executeCommand('reflectLint.criteria.focus'));
  // The CodeLens above an account's title (from the server) runs this with the account's URI.
  command('reflectLint.showNextSteps', () => view.showNextSteps());
  registerCriterionActions(context, client);
  command('reflectLint.checkDocument', async () => {
    const editor = markdownEditor();
    if (!editor) return;
    const coverage = await client.sendRequest(CheckDocumentRequest, { uri: editor.document.uri.toString() });
    view.update(coverage);
  });
  command('reflectLint.selectUnit', async () => {
    const editor = markdownEditor();
    if (!editor) return;
    // Best match for what the account says first, as `reflect-lint rubrics suggest` ranks them, the score in words.
    const units = await client.sendRequest(RankUnitsRequest, { uri: editor.document.uri.toString() });
    const pick = await vscode.window.showQuickPick(
      units.map((r) => ({
        label: r.id,
        description: `${r.match} · ${r.title} · Level ${r.level}`,
        detail: r.origin === 'bundled' ? undefined : r.origin,
      })),
      {
        title:
          units.length && !units[0].fits && units[0].score > 0
            ? 'No unit fits this account well (closest first): pick one, or draft a rubric from its unit document'
            : 'Select the unit this account is evidence for (best match first)',
        placeHolder: 'Unit',
      },
    );
    if (!pick) return;
    // The server words the edit (src/core/edits.ts): the unit line replaced, or added, or front matter added.
    await applyEdits(
      client,
      editor,
      await client.sendRequest(UnitEditRequest, { uri: editor.document.uri.toString(), unit: pick.label }),
    );
  });
  command('reflectLint.insertCriterionReference', async () => {
    const editor = markdownEditor();
    if (!editor) return;
    const position = editor.selection.active;
    const ranked = await client.sendRequest(RankCriteriaRequest, {
      uri: editor.document.uri.toString(),
      line: position.line,
      character: position.character,
    });
    if (!ranked.insertAt) {
      void vscode.window.showInformationMessage(
        'Put the cursor in a paragraph of an account that names its unit, then try again.',
      );
      return;
    }
    // The server offers only criteria the paragraph's content supports and does not cite yet.
    if (!ranked.criteria.length) {
      void vscode.window.showInformationMessage(
        'This paragraph does not yet read like evidence for a criterion it does not already cite. Add what you did, then try again.',
      );
      return;
    }
    const pick = await vscode.window.showQuickPick(
      ranked.criteria.map((x) => ({ label: `AC ${x.id}`, description: x.ability, detail: x.text, edit: x.edit })),
      { title: 'Insert a criterion reference (best match first)', matchOnDetail: true },
    );
    if (pick) await applyEdits(client, editor, [pick.edit]);
  });
  // From the code action "Disable RULE…": the server gives both edits (src/core/edits.ts words them); the learner picks one.
  command('reflectLint.disableRule', async (uri, rule, edits) => {
    const choice = edits as { line?: TextEdit; file: TextEdit };
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    if (!editor || typeof rule !== 'string' || !choice?.file) return;
    const items = [
      ...(choice.line
        ? [{ label: 'On this line only', description: `a comment turns ${rule} off for this line`, edit: choice.line }]
        : []),
      {
        label: 'In this whole file',
        description: `a comment at the top turns ${rule} off for the file`,
        edit: choice.file,
      },
    ];
    const pick =
      items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: `Turn off ${rule}` });
    if (pick) await applyEdits(client, editor, [pick.edit]);
  });

  client.onRequest(ReadDirectoryRequest, async ({ uri }) => {
    try {
      return await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri));
    } catch {
      return null;
    }
  });
  client.onRequest(ReadFileRequest, async ({ uri }) => {
    try {
      return { bytes: Array.from(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  });

  logServerState(client, log);
  // Before the server first asks for them: settings written under their old names count.
  await migrateSettings(context, log);
  try {
    await client.start();
  } catch (e) {
    log.error(`The language server did not start: ${(e as Error).message}`);
    throw e;
  }
  return { client, view, report, log };
}

/** A criterion from the view: the node itself (a context menu passes it) or the reference a click passes. */
function criterionArg(arg: unknown): CriterionRef | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  if ('kind' in arg) return criterionOf(arg as Node);
  const ref = arg as Partial<CriterionRef>;
  return typeof ref.uri === 'string' && typeof ref.id === 'string' ? (ref as CriterionRef) : undefined;
}

/**
 * What the Criteria view's items do for a criterion: clicking a missing one offers "Add a paragraph for AC n"
 * (and the criterion's text); the context menu has both.
 */
function registerCriterionActions(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const command = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  const addParagraph = async (c: CriterionRef): Promise<boolean> => {
    const answer = await client.sendRequest(CriterionParagraphRequest, { uri: c.uri, id: c.id });
    if (!answer) {
      void vscode.window.showInformationMessage(`AC ${c.id} is not a criterion of this account’s unit.`);
      return false;
    }
    const uri = vscode.Uri.parse(c.uri);
    // In the account's editor, so the snippet's tab stops are there to fill in.
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const edit = answer.snippets.length
      ? snippetEdit(uri, answer.snippets)
      : await client.protocol2CodeConverter.asWorkspaceEdit({ changes: { [c.uri]: answer.edits } });
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return applied;
  };
  // The criterion's page (its text, what it asks, the link sentence: src/extension/criterion-sheet.ts).
  const showText = (c: CriterionRef) => vscode.commands.executeCommand('reflectLint.showCriterionText', c.unit, c.id);
  command(VIEW_COMMANDS.addCriterionParagraph, (arg) => {
    const c = criterionArg(arg);
    return c ? addParagraph(c) : false;
  });
  command(VIEW_COMMANDS.showCriterionText, (arg) => {
    const c = criterionArg(arg);
    return c ? showText(c) : undefined;
  });
  command(VIEW_COMMANDS.criterionActions, async (arg) => {
    const c = criterionArg(arg);
    if (!c) return undefined;
    const items = [
      {
        label: `Add a paragraph for AC ${c.id}`,
        detail: 'A heading and prompts to fill in, at the end of the account',
        run: () => addParagraph(c),
      },
      { label: 'Show criterion text', detail: c.text, run: () => showText(c) },
    ];
    const pick = await vscode.window.showQuickPick(items, { title: `AC ${c.id} (${c.status})` });
    return pick?.run();
  });
}

/** The server starting, running and stopping: a restart after a crash shows as stopped, then starting again. */
function logServerState(client: BaseLanguageClient, log: ExtensionLog): void {
  let runs = 0;
  client.onDidChangeState(({ newState }) => {
    if (newState === State.Starting) log.info(runs ? 'Language server restarting' : 'Language server starting');
    else if (newState === State.Running) log.info(runs++ ? 'Language server restarted' : 'Language server running');
    else log.warn('Language server stopped');
  });
}

function markdownEditor(say = true): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor;
  if (say) void vscode.window.showInformationMessage('Open a Markdown reflective account first.');
  return undefined;
}

/** Applies edits the server made (worded by src/core/edits.ts) to the editor's document. */
async function applyEdits(client: BaseLanguageClient, editor: vscode.TextEditor, edits: TextEdit[]): Promise<void> {
  const converted = await client.protocol2CodeConverter.asTextEdits(edits);
  await editor.edit((e) => {
    for (const edit of converted ?? []) e.replace(edit.range, edit.newText);
  });
}
