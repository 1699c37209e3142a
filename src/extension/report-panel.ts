/**
 * The assessor's report panel: one webview, reused, showing the mapping grid of an account, its learner's
 * accounts or the workspace's, by account or by learner. A cell opens the account at its evidence, a missing
 * one the criterion's text (criterion-sheet.ts); the grid follows the accounts as they change. The webview (media/report/) runs only its own script, under a
 * Content-Security-Policy with a nonce, loads nothing remote and reads files only from media/report/.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { AssessorDecision, DecisionValue } from '../core/portfolio.js';
import {
  ExportReportRequest,
  FeedbackRequest,
  PortfolioRequest,
  type ReportGrouping,
  type ReportScope,
  type ReportView,
} from '../shared/protocol.js';

/**
 * Adds an assessor's decision to the store in a portfolio folder (a URI); resolves with the file written,
 * or rejects with one line naming the file and the reason: report-panel-decisions.ts on the desktop,
 * decisions-fs.ts (vscode.workspace.fs) on the web. Without one the panel shows decisions but records none.
 */
export type DecisionRecorder = (folder: vscode.Uri, decision: AssessorDecision) => Promise<vscode.Uri>;

/** What the webview sends (media/report/report.js). */
export type PanelMessage =
  | { type: 'ready' }
  | { type: 'rendered'; serial: number; rows: number; units: number; by: ReportGrouping }
  | { type: 'open'; path: string; line: number }
  | { type: 'criterion'; unit: string; criterion: string }
  | { type: 'by'; by: ReportGrouping }
  | { type: 'export'; format: 'html' | 'csv' }
  | { type: 'feedback' }
  | {
      type: 'decide';
      path: string;
      learner: string;
      unit: string;
      criterion: string;
      decision: DecisionValue;
      comment: string;
    };

/** What the panel shows now, as the webview reported it after drawing it. */
export interface Rendered {
  /** How many grids the webview has drawn since the extension started. */
  count: number;
  /** Whether it is the grid sent last (not one a later refresh has replaced). */
  current: boolean;
  rows: number;
  units: number;
  by: ReportGrouping;
}

const TITLE = 'Mapping grid';
/** Changes to accounts arriving closer together than this are drawn once. */
const REFRESH_DELAY_MS = 300;

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private scope: ReportScope = { kind: 'workspace' };
  private by: ReportGrouping = 'account';
  private view: ReportView | undefined;
  /** The scope and grouping `view` was asked for: the ones shown, even if a newer request is under way. */
  private shown: { scope: ReportScope; by: ReportGrouping; serial: number } | undefined;
  /** Numbers the grids asked for, in order; the webview draws each once and says which it drew. */
  private serial = 0;
  /** A refresh asked for while the panel was hidden or a request was under way. */
  private stale = false;
  private loading: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly rendered = new vscode.EventEmitter<Rendered>();
  /** The grid the webview drew last. */
  lastRendered: Rendered | undefined;
  /** Fires each time the webview has drawn a grid (tests wait on it). */
  readonly onDidRender = this.rendered.event;
  private readonly disposables: vscode.Disposable[] = [this.rendered];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: BaseLanguageClient,
    private readonly recorder?: DecisionRecorder,
  ) {
    // Accounts that are not open change on disk (saved elsewhere, added, removed).
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    const changed = (uri: vscode.Uri) => this.accountsChanged(uri.toString());
    this.disposables.push(
      watcher,
      watcher.onDidChange(changed),
      watcher.onDidCreate(changed),
      watcher.onDidDelete(changed),
    );
  }

  /** The scope and grouping shown, and the panel itself (undefined when closed). */
  get state(): {
    scope: ReportScope;
    by: ReportGrouping;
    panel: vscode.WebviewPanel | undefined;
    view: ReportView | undefined;
  } {
    return { scope: this.scope, by: this.by, panel: this.panel, view: this.view };
  }

  /** Shows the grid for a scope, in the panel already open if there is one. */
  async show(scope: ReportScope, by: ReportGrouping = this.by): Promise<ReportView> {
    this.scope = scope;
    this.by = by;
    const panel = this.open();
    const view = await this.load();
    panel.reveal(undefined, true);
    return view;
  }

  /** An account was analysed again, or a Markdown file changed: draw the grid again, soon. */
  accountsChanged(uri?: string): void {
    if (!this.panel) return;
    if (uri && this.scope.kind === 'account' && this.scope.uri !== uri) return;
    this.stale = true;
    if (!this.panel.visible) return; // drawn when shown again
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Handles a message from the webview (public so the extension-host tests can send what a click sends). */
  async receive(message: PanelMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        // The page (re)loaded: shown again after being hidden, or it loaded after the grid was sent.
        if (this.view) await this.post();
        else if (!this.loading) await this.load();
        return;
      case 'rendered':
        this.lastRendered = {
          count: (this.lastRendered?.count ?? 0) + 1,
          current: message.serial === this.serial,
          rows: message.rows,
          units: message.units,
          by: message.by,
        };
        this.rendered.fire(this.lastRendered);
        return;
      case 'open':
        await this.openAt(message.path, message.line);
        return;
      case 'criterion':
        // A missing cell, or a criterion's heading: the criterion's text on a page of its own (criterion-sheet.ts).
        await vscode.commands.executeCommand(
          'reflectLint.showCriterionText',
          message.unit,
          message.criterion,
          otherColumn(this.panel?.viewColumn),
        );
        return;
      case 'by':
        this.by = message.by === 'learner' ? 'learner' : 'account';
        await this.load();
        return;
      case 'export':
        await this.export(message.format === 'csv' ? 'csv' : 'html');
        return;
      case 'feedback':
        await this.draftFeedback();
        return;
      case 'decide':
        await this.decide(message);
        return;
    }
  }

  /** Writes the grid as HTML or CSV to `target`, or where the assessor picks in a save dialog. Returns the file written. */
  async export(format: 'html' | 'csv', target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const name = `mapping-grid${this.view?.learner ? `-${this.view.learner}` : ''}.${format}`;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target ??= await vscode.window.showSaveDialog({
      title: `Export the mapping grid as ${format.toUpperCase()}`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format === 'csv' ? { 'CSV (spreadsheet)': ['csv'] } : { 'Web page': ['html', 'htm'] },
    });
    if (!target) return undefined;
    const { content } = await this.client.sendRequest(ExportReportRequest, { scope: this.scope, by: this.by, format });
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
    } catch (e) {
      void vscode.window.showErrorMessage(
        `Could not save the mapping grid to ${vscode.workspace.asRelativePath(target)}: ${(e as Error).message}`,
      );
      return undefined;
    }
    void vscode.window.showInformationMessage(`Mapping grid saved to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
  }

  /** Opens the feedback draft for the panel's accounts as a new, unsaved Markdown document for the assessor to edit. */
  async draftFeedback(scope: ReportScope = this.scope): Promise<vscode.TextDocument | undefined> {
    const { content, learners } = await this.client.sendRequest(FeedbackRequest, { scope });
    if (!learners.length) {
      void vscode.window.showInformationMessage('No reflective accounts here to draft feedback on.');
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(doc, { viewColumn: otherColumn(this.panel?.viewColumn), preview: false });
    return doc;
  }

  /** Records the assessor's decision on a criterion for a learner, in their portfolio folder, and draws the grid again. */
  async decide(m: Extract<PanelMessage, { type: 'decide' }>): Promise<vscode.Uri | undefined> {
    const folder = this.view?.portfolios[m.path];
    if (!this.recorder || !folder) {
      void vscode.window.showWarningMessage(
        'Decisions cannot be recorded here: record them with reflect-lint assess on the command line.',
      );
      return undefined;
    }
    const decision: AssessorDecision = {
      learner: m.learner,
      unit: m.unit,
      criterion: m.criterion,
      decision: m.decision,
      comment: m.comment.trim(),
      at: new Date().toISOString(),
    };
    let written: vscode.Uri;
    try {
      written = await this.recorder(vscode.Uri.parse(folder), decision);
    } catch (e) {
      void vscode.window.showErrorMessage((e as Error).message);
      return undefined;
    }
    await this.load();
    return written;
  }

  private open(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'report');
    const panel = vscode.window.createWebviewPanel(
      'reflectLint.report',
      TITLE,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [media],
        enableFindWidget: true,
      },
    );
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    panel.webview.html = this.html(panel.webview, media);
    const subscriptions = [
      panel.webview.onDidReceiveMessage((m: PanelMessage) => void this.receive(m)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) void this.refresh();
      }),
    ];
    panel.onDidDispose(() => {
      for (const s of subscriptions) s.dispose();
      clearTimeout(this.timer);
      this.panel = undefined;
      this.view = undefined;
      this.shown = undefined;
    });
    this.panel = panel;
    return panel;
  }

  private async refresh(): Promise<void> {
    if (!this.panel) return;
    if (this.loading) {
      this.stale = true;
      return;
    }
    await this.load();
  }

  /**
   * Asks the server for the grid and sends it to the webview. Requests run one after another, each with the
   * scope and grouping current when it starts, so a slow earlier answer never replaces a later one and the
   * grid is always drawn with the grouping it was made for.
   */
  private load(): Promise<ReportView> {
    this.stale = false;
    const serial = ++this.serial;
    const run = async (): Promise<ReportView> => {
      const asked = { scope: this.scope, by: this.by };
      const view = await this.client.sendRequest(PortfolioRequest, asked);
      this.view = view;
      this.shown = { ...asked, serial };
      await this.post();
      return view;
    };
    const loading = (this.loading ?? Promise.resolve()).then(run, run);
    const settled = loading.then(
      () => undefined,
      () => undefined,
    );
    this.loading = settled;
    void settled.then(() => {
      if (this.loading !== settled) return;
      this.loading = undefined;
      if (this.stale) void this.refresh();
    });
    return loading;
  }

  private async post(): Promise<void> {
    if (!this.panel || !this.view || !this.shown) return;
    const { scope, by, serial } = this.shown;
    this.panel.title = this.view.learner && scope.kind === 'learner' ? `${TITLE}: ${this.view.learner}` : TITLE;
    const canDecide = !!this.recorder && this.view.decisions === 'read';
    await this.panel.webview.postMessage({ type: 'render', serial, view: this.view, by, scope: scope.kind, canDecide });
  }

  /** Opens the account at a 1-based line, in the editor group beside the panel, and selects its paragraph. */
  private async openAt(path: string, line: number): Promise<void> {
    const uri = this.view?.uris[path];
    if (!uri) return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const start = Math.max(0, Math.min(line - 1, doc.lineCount - 1));
    let end = start;
    while (end + 1 < doc.lineCount && !doc.lineAt(end + 1).isEmptyOrWhitespace) end++;
    const selection = new vscode.Range(start, 0, end, doc.lineAt(end).text.length);
    const column =
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString())?.viewColumn ??
      otherColumn(this.panel?.viewColumn);
    await vscode.window.showTextDocument(doc, { viewColumn: column, selection, preserveFocus: false, preview: false });
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = makeNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css'));
    const csp = [
      `default-src 'none'`,
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`,
    ].join('; ');
    return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style}">
<title>${TITLE}</title>
</head>
<body>
<main id="report" aria-live="polite"><p class="note">Reading the accounts…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** An editor column that is not the panel's: the one to its left, or the first. */
function otherColumn(panel: vscode.ViewColumn | undefined): vscode.ViewColumn {
  if (!panel || panel <= vscode.ViewColumn.One) return vscode.ViewColumn.Beside;
  return panel - 1;
}

function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * "Generate Assessor Report": asks which accounts (this account, this learner's, the workspace's) and
 * shows them in the one report panel. Returns the panel, for the coverage notifications to refresh it.
 */
export function registerReportPanel(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
  recorder?: DecisionRecorder,
): ReportPanel {
  const panel = new ReportPanel(context.extensionUri, client, recorder);
  // The account the assessor was reading: the active editor is gone once the panel has the focus.
  let lastAccount = markdownUri(vscode.window.activeTextEditor);
  context.subscriptions.push(
    panel,
    vscode.window.onDidChangeActiveTextEditor((e) => (lastAccount = markdownUri(e) ?? lastAccount)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.toString() === lastAccount?.toString()) lastAccount = undefined;
    }),
    vscode.commands.registerCommand('reflectLint.generateReport', async (scope?: ReportScope, by?: ReportGrouping) => {
      scope ??= await pickScope(markdownUri(vscode.window.activeTextEditor) ?? lastAccount);
      if (!scope) return undefined;
      return panel.show(scope, by);
    }),
    // "Draft Feedback": for the account in the editor (its learner's accounts), else the workspace's learners.
    vscode.commands.registerCommand('reflectLint.draftFeedback', async (scope?: ReportScope) => {
      const account = markdownUri(vscode.window.activeTextEditor) ?? lastAccount;
      return panel.draftFeedback(
        scope ?? (account ? { kind: 'learner', uri: account.toString() } : { kind: 'workspace' }),
      );
    }),
    // For the tests and keyboard shortcuts: export without the dialog when given a file.
    vscode.commands.registerCommand(
      'reflectLint.exportReport',
      (format: 'html' | 'csv' = 'html', target?: vscode.Uri) => panel.export(format, target),
    ),
  );
  return panel;
}

async function pickScope(account: vscode.Uri | undefined): Promise<ReportScope | undefined> {
  if (!account) return { kind: 'workspace' };
  const name = account.path.split('/').pop();
  const choices: Array<vscode.QuickPickItem & { scope: ReportScope }> = [
    { label: 'This account', description: name, scope: { kind: 'account', uri: account.toString() } },
    {
      label: 'This learner',
      description: `every account of ${name}'s learner`,
      scope: { kind: 'learner', uri: account.toString() },
    },
    { label: 'Every account in the workspace', scope: { kind: 'workspace' } },
  ];
  return (await vscode.window.showQuickPick(choices, { title: 'Generate the assessor report for…' }))?.scope;
}

function markdownUri(editor: vscode.TextEditor | undefined): vscode.Uri | undefined {
  return editor?.document.languageId === 'markdown' ? editor.document.uri : undefined;
}
