/**
 * The reflect-lint language server: wires LSP and the custom requests of src/shared/protocol.ts to
 * the rooms that do the work. documents.ts holds each open document's text, analysis and settings;
 * accounts.ts decides which documents are accounts; diagnostics.ts makes every diagnostic;
 * rubrics.ts loads the workspace's rubrics. Everything runs locally; the only files read are rubrics
 * and, for the workspace report, the workspace's own accounts, through a WorkspaceFiles: on disk when
 * the Node entry (main.ts) gives one, else through the editor (workspace-files.ts). No Node API here:
 * the web worker entry (browser-main.ts) runs this file too.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { draftForEditor } from '../core/draft/index.js';
import { criterionSheet } from '../core/criterion-sheet.js';
import { criterionParagraphEdit, unitEdit } from '../core/edits.js';
import { problemLine } from '../core/index.js';
import { nextSteps } from '../core/next-steps.js';
import { learnerOf } from '../core/portfolio.js';
import {
  CheckDocumentRequest,
  CoverageNotification,
  CriterionParagraphRequest,
  CriterionSheetRequest,
  DraftRubricRequest,
  ExplainRequest,
  ExportReportRequest,
  FeedbackRequest,
  ListRubricsRequest,
  RankUnitsRequest,
  PortfolioRequest,
  RankCriteriaRequest,
  ReportRequest,
  ServerCommands,
  UnitEditRequest,
} from '../shared/protocol.js';
import { Accounts } from './accounts.js';
import { codeActions, FIX_ALL_KIND, type CodeActionOptions } from './code-actions.js';
import { codeLenses, nextStepsMessage } from './code-lens.js';
import { completions } from './completion.js';
import { coverageOf } from './coverage.js';
import { DiagnosticsDelivery } from './delivery.js';
import { diagnosticsOf, rubricFileDiagnostics } from './diagnostics.js';
import { Documents, type Check, type Timers } from './documents.js';
import { explainAnswer, isExplainPart } from './explain.js';
import { hover } from './hover.js';
import { rankForPosition } from './paragraphs.js';
import { withSnippets } from './snippets.js';
import { rankUnits } from './units.js';
import { LEGEND, semanticTokens } from './semantic-tokens.js';
import { workspaceFolders } from './uris.js';
import { clientFiles, filesByScheme, type WorkspaceFiles } from './workspace-files.js';
import { exportReport, feedbackDraft, mappingGrid, reportView, type ReportSources } from './report.js';
import { WorkspaceRubrics } from './rubrics.js';
import {
  OLD_SETTINGS_SECTION,
  readInitializationSettings,
  readSettings,
  settingsSection,
  SETTINGS_SECTION,
  type Settings,
} from './settings.js';

export interface StartOptions {
  /** The clock the typing delay runs on (Node's timers unless a test gives its own). */
  timers?: Timers;
  /** The workspace's files on disk (the Node entry gives them); other schemes, and all files without it, are read through the editor when it says it can. */
  disk?: WorkspaceFiles;
  /** Told the editor's process id, when initialize names one (the Node entry watches it to exit cleanly when the editor dies). */
  editorProcess?: (pid: number) => void;
}

/**
 * The rubrics in effect, in the editor's log (VS Code: the "Reflective Accounts" Output channel): the bundled
 * units, a centre's own and where each came from, and each file that could not be used, with its reason.
 */
function logRubrics(connection: Connection, rubrics: WorkspaceRubrics): void {
  const all = rubrics.summaries();
  const bundled = all.filter((r) => r.origin === 'bundled').map((r) => r.id);
  const centre = all.filter((r) => r.origin !== 'bundled').map((r) => `${r.id} (${r.origin})`);
  const unused = rubrics.problems.filter((p) => p.reason !== undefined);
  connection.console.info(
    `Rubrics loaded: ${bundled.length} bundled (${bundled.join(', ') || 'none'}); ` +
      `${centre.length} from the workspace${centre.length ? ` (${centre.join(', ')})` : ''}; ` +
      `${unused.length} ${unused.length === 1 ? 'file' : 'files'} not used`,
  );
  for (const p of rubrics.problems) {
    if (p.reason !== undefined) connection.console.warn(`Rubric not used: ${p.uri}: ${p.reason}`);
    else for (const w of p.problems) connection.console.warn(`Rubric warning: ${problemLine(p.uri, w)}`);
  }
}

export function startServer(connection: Connection, options: StartOptions = {}): void {
  const accounts = new Accounts();
  const documents = new Documents(accounts, options.timers);
  const rubrics = new WorkspaceRubrics();
  let folders: string[] = [];
  let canPullConfiguration = false;
  /** Dynamic registrations the client declared it accepts (registering others makes some editors warn). */
  let canRegisterConfiguration = false;
  let canRegisterWatchers = false;
  let canApplyEdit = false;
  /** Whether the client re-asks for code lenses when told to (workspace/codeLens/refresh), as after a setting changes. */
  let canRefreshLenses = false;
  /** What the client takes in code actions: snippet edits, the choice of line or file for "Disable…". */
  let actionOptions: CodeActionOptions = {};
  /** The client runs the hover's `command:reflectLint.explain` links ("Why?"). */
  let explainLinks = false;
  /** Push to most clients; pull for those that declare textDocument/diagnostic (set at initialize). */
  let delivery = new DiagnosticsDelivery(connection, false, false);
  let files: WorkspaceFiles = filesByScheme(options.disk, undefined);
  let clientServesFiles = false;
  /** Configurations applied one after another, in the order they were asked for. */
  let configuring = Promise.resolve();
  /** Whether the first settings (pulled after initialized) are in effect: documents are checked only then. */
  let configured = false;
  /** Settings given at start-up, kept when the editor has none to give through workspace/configuration. */
  let initialSettings: Settings = documents.settings;

  /** Checks a document and shows what was found: its diagnostics and its coverage. */
  function publish(uri: string) {
    const check = documents.check(uri);
    if (!check) return;
    delivery.show(diagnosticsOf(check));
    void connection.sendNotification(CoverageNotification, coverageOf(check, learnerFor(check)));
  }

  /** The learner of an analysed account, as the report groups it (src/core/portfolio.ts). */
  function learnerFor(check: Check): string | undefined {
    return check.kind === 'analysed' ? learnerOf(accounts.displayPath(check.uri), check.analysis.text) : undefined;
  }

  /** Check This Document: the document is an account from now on; its check is made and shown at once. */
  function checkAsked(uri: string) {
    accounts.ask(uri);
    documents.forgetCheck(uri);
    publish(uri);
    const check = documents.check(uri);
    return coverageOf(check ?? { kind: 'not-account', uri, version: 0 }, check && learnerFor(check));
  }

  /** Select Unit: the edit that writes the unit into the document's front matter. */
  function unitEdits(uri: string, unit: string) {
    const doc = documents.get(uri);
    return doc ? [unitEdit(doc.getText(), unit)] : [];
  }

  /** The analysis a request answers from: a check waiting for the typing delay is made (and shown) now. */
  function current(uri: string) {
    documents.flush(uri);
    return documents.analysis(uri);
  }

  /** Applies settings (once those asked for before are in effect): rubric folders are read, and every open document checked afresh. */
  function configure(settings: () => Settings | Promise<Settings>): Promise<void> {
    configuring = configuring
      .then(async () => {
        const s = await settings();
        const wasBroken = await rubrics.load(files, folders, s.rubrics);
        logRubrics(connection, rubrics);
        accounts.configure(folders, s.files);
        documents.configure(s, rubrics.rubrics);
        for (const params of rubricFileDiagnostics(rubrics.problems, wasBroken)) delivery.push(params);
        configured = true;
        for (const doc of documents.all()) documents.schedule(doc.uri, 0, () => publish(doc.uri));
        if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      })
      .catch((e: Error) => {
        connection.console.error(`reflect-lint: settings not applied: ${e.stack ?? e.message}`);
        if (configured) return;
        // Checked with the settings given at start-up rather than never.
        configured = true;
        for (const doc of documents.all()) documents.schedule(doc.uri, 0, () => publish(doc.uri));
        if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      });
    return configuring;
  }

  /** The settings as the editor gives them through workspace/configuration, else those given at start-up. */
  async function pulledSettings(): Promise<Settings> {
    try {
      // The section under its name since 0.2, else under its old one, for an editor configured before.
      const [value, old] = await connection.workspace.getConfiguration([
        { section: SETTINGS_SECTION },
        { section: OLD_SETTINGS_SECTION },
      ]);
      const given = value && typeof value === 'object' ? value : old;
      return given && typeof given === 'object' ? readSettings(given, initialSettings) : initialSettings;
    } catch {
      return initialSettings;
    }
  }

  connection.onInitialize((params): InitializeResult => {
    folders = workspaceFolders(params);
    if (typeof params.processId === 'number') options.editorProcess?.(params.processId);
    const client = params.capabilities;
    canPullConfiguration = !!client.workspace?.configuration;
    canRegisterConfiguration = canPullConfiguration && !!client.workspace?.didChangeConfiguration?.dynamicRegistration;
    canRegisterWatchers = !!client.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canApplyEdit = !!client.workspace?.applyEdit;
    canRefreshLenses = !!client.workspace?.codeLens?.refreshSupport;
    const pull = !!client.textDocument?.diagnostic;
    delivery = new DiagnosticsDelivery(connection, pull, !!client.workspace?.diagnostics?.refreshSupport);
    const init = (params.initializationOptions ?? {}) as {
      commands?: unknown;
      semanticTokens?: unknown;
      snippets?: unknown;
      disableChoice?: unknown;
      explainLinks?: unknown;
    };
    explainLinks = init.explainLinks === true;
    const lspSnippets = !!(client.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)
      ?.snippetEditSupport;
    actionOptions = {
      disableChoice: init.disableChoice === true,
      snippets: lspSnippets ? 'lsp' : init.snippets === true ? 'data' : undefined,
    };
    // The VS Code extension answers reflectLint/fs/* (vscode.workspace.fs), so files off disk can be read too.
    clientServesFiles =
      (params.initializationOptions as { fileSystem?: unknown } | null | undefined)?.fileSystem === true;
    files = filesByScheme(options.disk, clientServesFiles ? clientFiles(connection) : undefined);
    // Editors without workspace/configuration can pass settings as initialization options.
    initialSettings = readInitializationSettings(params.initializationOptions) ?? initialSettings;
    accounts.configure(folders, initialSettings.files);
    documents.configure(initialSettings, rubrics.rubrics);
    // While the editor reads the answer, run the analyser once so the first account is checked by warm code.
    setTimeout(() => documents.warmUp(), 0);
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: {
        codeActionKinds: [
          CodeActionKind.QuickFix,
          CodeActionKind.RefactorRewrite,
          FIX_ALL_KIND,
          CodeActionKind.SourceFixAll,
        ],
      },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: [' ', '(', ':'] },
    };
    // workspace/diagnostic answers for the open accounts only: the workspace's other accounts are in the report.
    if (pull)
      capabilities.diagnosticProvider = {
        identifier: 'reflect-lint',
        interFileDependencies: false,
        workspaceDiagnostics: true,
      };
    // Semantic tokens only when asked for (VS Code has the grammar; most editors' Markdown colours are enough).
    if (init.semanticTokens === true && client.textDocument?.semanticTokens)
      capabilities.semanticTokensProvider = { legend: LEGEND, full: true };
    if (init.commands !== false) capabilities.executeCommandProvider = { commands: Object.values(ServerCommands) };
    return { capabilities, serverInfo: { name: 'reflect-lint' } };
  });

  connection.onInitialized(() => {
    if (canRegisterConfiguration)
      void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    // Rubric files: reloaded when they change (clients that cannot watch files reload them with new settings).
    if (canRegisterWatchers)
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.json' }] })
        .catch(() => undefined);
    void configure(() => (canPullConfiguration ? pulledSettings() : initialSettings));
  });

  connection.onDidChangeConfiguration((change) => {
    // Settings in effect: the defaults, then initialization options, then what workspace/configuration
    // answers, or else what this notification carries; a notification that carries none keeps them.
    const pushed = settingsSection(change.settings);
    void configure(() =>
      canPullConfiguration
        ? pulledSettings()
        : pushed && typeof pushed === 'object'
          ? readSettings(pushed, initialSettings)
          : documents.settings,
    );
  });

  connection.onDidChangeWatchedFiles((change) => {
    if (change.changes.some((c) => rubrics.touches(c.uri))) void configure(() => documents.settings);
  });

  documents.open.onDidOpen(({ document }) => {
    documents.saved(document.uri, document.version);
    // Before the first settings are in effect, their arrival checks every open document.
    if (configured) documents.schedule(document.uri, 0, () => publish(document.uri));
  });
  documents.open.onDidChangeContent(({ document }) => {
    // TextDocuments reports an open as a change too: an opened document is checked at once (above), not after the typing delay.
    if (!configured || !documents.isUnsaved(document.uri)) return;
    if (documents.settings.run === 'onType')
      documents.schedule(document.uri, documents.settings.debounceMs, () => publish(document.uri));
  });
  documents.open.onDidSave(({ document }) => {
    documents.saved(document.uri, document.version);
    if (configured && documents.settings.run === 'onSave')
      documents.schedule(document.uri, 0, () => publish(document.uri));
  });
  documents.open.onDidClose(({ document }) => {
    documents.closed(document.uri);
    accounts.forget(document.uri);
    delivery.closed(document.uri);
  });

  connection.languages.diagnostics.on((params, token) => {
    const uri = params.textDocument.uri;
    return delivery.answer(
      uri,
      params.previousResultId,
      !configured || documents.isScheduled(uri),
      () => {
        const check = documents.check(uri);
        return check && diagnosticsOf(check);
      },
      token,
    );
  });

  connection.languages.diagnostics.onWorkspace((params) => {
    const open = configured ? documents.all().filter((doc) => accounts.isAccount(doc)) : [];
    return delivery.workspace(open, params.previousResultIds);
  });

  connection.onCodeAction((params) => {
    const a = current(params.textDocument.uri);
    return a ? codeActions(a, params, actionOptions) : [];
  });

  connection.onCodeLens((params) => {
    if (!documents.settings.codeLens) return [];
    const a = current(params.textDocument.uri);
    return a ? codeLenses(a) : [];
  });

  connection.onHover((params) => {
    const a = current(params.textDocument.uri);
    return a ? hover(a, params.position, rubrics.rubrics, { explainLinks }) : null;
  });

  connection.languages.semanticTokens.on((params) => {
    const a = current(params.textDocument.uri);
    return a ? semanticTokens(a) : { data: [] };
  });

  connection.onCompletion((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? completions(doc, params.position, current(doc.uri), rubrics.rubrics) : [];
  });

  connection.onRequest(CheckDocumentRequest, ({ uri }) => checkAsked(uri));

  connection.onRequest(ListRubricsRequest, () => rubrics.summaries());

  connection.onRequest(RankUnitsRequest, ({ uri }) =>
    rankUnits(documents.get(uri)?.getText() ?? '', rubrics.rubrics, rubrics.summaries()),
  );

  connection.onRequest(RankCriteriaRequest, ({ uri, line, character }) => {
    const a = current(uri);
    return a ? rankForPosition(a, { line, character }) : { criteria: [], insertAt: null };
  });

  /** Why?: the account's explanation from its current text, opened at a part. */
  function explained(uri: string, part?: unknown) {
    const a = current(uri);
    return a ? explainAnswer(a, documents.explain(a), isExplainPart(part) ? part : undefined) : null;
  }
  connection.onRequest(ExplainRequest, ({ uri, part }) => explained(uri, part));

  connection.onRequest(UnitEditRequest, ({ uri, unit }) => unitEdits(uri, unit));

  // "Add a paragraph for AC n": the prompt src/core/edits.ts words, at the end of the account, with its snippet form.
  connection.onRequest(CriterionParagraphRequest, ({ uri, id }) => {
    const a = current(uri);
    const criterion = a?.rubric?.criteria.find((c) => c.id === id);
    if (!a || !criterion) return null;
    const edits = [criterionParagraphEdit(a.text, criterion)];
    return { edits, snippets: withSnippets(a, edits, 'data').data?.snippets ?? [] };
  });

  connection.onRequest(DraftRubricRequest, ({ text, source }) => draftForEditor(text, source));

  const reportSources = (): ReportSources => ({
    documents,
    accounts,
    files,
    rubrics: rubrics.rubrics,
    // The assessor's decisions are read through `files` too: on disk on Node, else through the editor.
    canReadFiles: !!options.disk || clientServesFiles,
  });
  connection.onRequest(ReportRequest, ({ uris, format }) => mappingGrid(reportSources(), uris, format));
  connection.onRequest(PortfolioRequest, ({ scope, by }) => reportView(reportSources(), scope, by));
  connection.onRequest(ExportReportRequest, ({ scope, by, format }) =>
    exportReport(reportSources(), scope, by, format),
  );
  connection.onRequest(FeedbackRequest, ({ scope }) => feedbackDraft(reportSources(), scope));
  connection.onRequest(CriterionSheetRequest, ({ unit, criterion }) => {
    const rubric = rubrics.rubrics.find((r) => r.id === unit);
    return (rubric && criterionSheet(rubric, criterion)) ?? null;
  });

  // The same for any client, through workspace/executeCommand (src/shared/protocol.ts, ServerCommands).
  connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    const text = (i: number) => (typeof args[i] === 'string' ? (args[i] as string) : undefined);
    const bad = (what: string) => new ResponseError(-32602, `${command}: ${what}`);
    switch (command) {
      case ServerCommands.checkDocument: {
        const uri = text(0);
        if (!uri || !documents.get(uri)) throw bad('give the URI of an open document');
        return checkAsked(uri);
      }
      case ServerCommands.report: {
        const scope = Array.isArray(args[0])
          ? (args[0] as unknown[]).filter((u): u is string => typeof u === 'string')
          : 'workspace';
        return mappingGrid(reportSources(), scope, text(1) === 'html' ? 'html' : 'md');
      }
      case ServerCommands.selectUnit: {
        const uri = text(0);
        const unit = text(1);
        if (!uri || !documents.get(uri) || !unit)
          throw bad('give the URI of an open document and a unit id (see reflectLint.listRubrics)');
        const edit = { changes: { [uri]: unitEdits(uri, unit) } };
        const applied = canApplyEdit
          ? (await connection.workspace.applyEdit({ label: `Unit: ${unit}`, edit }).catch(() => ({ applied: false })))
              .applied
          : false;
        return { applied, edit };
      }
      case ServerCommands.listRubrics:
        return rubrics.summaries();
      case ServerCommands.showNextSteps: {
        const uri = text(0);
        const a = uri ? current(uri) : undefined;
        if (!uri || !a) throw bad('give the URI of an open account');
        const steps = nextSteps(a.result, a.rubric);
        // A notification: the list needs no answer, and every client shows one.
        void connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Info,
          message: nextStepsMessage(steps),
        });
        return steps;
      }
      case ServerCommands.explain: {
        const uri = text(0);
        if (!uri || !documents.get(uri))
          throw bad('give the URI of an open document (and a part, as the hover links give it)');
        if (args[1] !== undefined && !isExplainPart(args[1]))
          throw bad('the part is { kind: "stage" | "criterion" | "check" | "skipped", id? }');
        return explained(uri, args[1]);
      }
      default:
        throw bad('unknown command');
    }
  });

  documents.open.listen(connection);
  connection.listen();
}
