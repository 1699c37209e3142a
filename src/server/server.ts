/**
 * The reflect-lint language server: hosts the analyser for any LSP editor. It decides which
 * Markdown documents are reflective accounts, analyses them as they change (debounced, newest
 * version wins), and answers code actions, hover, completion and the custom requests in
 * src/shared/protocol.ts. Everything runs locally; the only files it reads are rubrics and,
 * for the workspace report, the workspace's own accounts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeAccount, formatReport, type AccountDocument, type AnalysisResult, type FileResult, type ParagraphInfo, type Rubric } from '../core/index.js';
import { decodeAccount } from '../node/inputs.js';
import { loadRubrics } from '../node/rubric-files.js';
import { CheckDocumentRequest, CoverageNotification, ListRubricsRequest, RankCriteriaRequest, ReportRequest, type Coverage } from '../shared/protocol.js';
import { codeActions, FIX_ALL_KIND } from './code-actions.js';
import { completions } from './completion.js';
import { coverageOf, emptyCoverage } from './coverage.js';
import { toDiagnostics } from './diagnostics.js';
import { hover } from './hover.js';
import { rankForPosition } from './paragraphs.js';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings.js';

/** The analysis of one document version, kept for code actions, hover and the views. */
export interface Analysis {
  uri: string;
  version: number;
  text: string;
  rubric?: Rubric;
  result: AnalysisResult;
  /** The account as parsed for this analysis, reused by hover and code actions. */
  doc: AccountDocument;
  /** What the analysis knows of each paragraph (its references and ranked criteria), reused by code actions. */
  paragraphs: ParagraphInfo[];
}

const DEBOUNCE_MS = 250;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: Settings = DEFAULT_SETTINGS;
  /** Settings given at start-up, kept when the editor has none to give through workspace/configuration. */
  let initialSettings: Settings = DEFAULT_SETTINGS;
  let folders: string[] = [];
  let rubrics: Rubric[] = [];
  let origins = new Map<string, string>();
  let canPullConfiguration = false;
  /** Rubric files with problems, so their diagnostics can be cleared once mended. */
  let brokenRubricFiles = new Set<string>();
  const analyses = new Map<string, Analysis>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Documents the user asked to check though they are not recognised as accounts. */
  const forced = new Set<string>();
  /** The version of each document as last opened or saved, for checking on save only. */
  const savedVersions = new Map<string, number>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (!folders.length && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) folders = [root];
    }
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    // Editors without workspace/configuration can pass settings as initialization options.
    if (params.initializationOptions && typeof params.initializationOptions === 'object') {
      settings = initialSettings = readSettings((params.initializationOptions as { settings?: unknown }).settings ?? params.initializationOptions);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '(', ':'] },
      },
      serverInfo: { name: 'reflect-lint' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    }
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.json' }] }).catch(() => undefined);
    await reloadSettings();
  });

  async function reloadSettings() {
    if (canPullConfiguration) {
      try {
        const [value] = await connection.workspace.getConfiguration([{ section: 'reflectLint' }]);
        settings = value && typeof value === 'object' ? readSettings(value) : initialSettings;
      } catch {
        settings = initialSettings;
      }
    }
    reloadRubrics();
  }

  function rubricFolders(): string[] {
    const out: string[] = [];
    for (const dir of settings.rubrics) {
      if (isAbsolute(dir)) out.push(dir);
      else for (const f of folders) out.push(join(f, dir));
    }
    // A folder that does not exist is normal (most workspaces have none): only existing ones load.
    return out.filter((d) => {
      try {
        return statSync(d).isDirectory();
      } catch {
        return false;
      }
    });
  }

  function reloadRubrics() {
    const loaded = loadRubrics(rubricFolders());
    rubrics = loaded.rubrics;
    origins = loaded.origin;
    const nowBroken = new Set<string>();
    for (const p of loaded.problems) {
      const uri = pathToFileURL(p.file).href;
      nowBroken.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [rubricDiagnostic(p.file, p.reason)] });
    }
    for (const uri of brokenRubricFiles) if (!nowBroken.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    brokenRubricFiles = nowBroken;
    for (const doc of documents.all()) schedule(doc, 0);
  }

  function isAccount(doc: TextDocument): boolean {
    if (forced.has(doc.uri)) return true;
    if (doc.languageId !== 'markdown') return false;
    if (namesUnit(doc.getText({ start: { line: 0, character: 0 }, end: { line: 60, character: 0 } }))) return true;
    const path = uriToPath(doc.uri);
    if (!path) return false;
    const match = accountGlobs();
    return folders.some((f) => {
      const rel = relative(f, path);
      return !rel.startsWith('..') && !isAbsolute(rel) && match(rel.split('\\').join('/'));
    });
  }

  /** The matcher for reflectLint.files, compiled once per setting rather than on every check. */
  let globs: { files: string[]; match: (path: string) => boolean } | undefined;
  function accountGlobs(): (path: string) => boolean {
    if (globs?.files !== settings.files) globs = { files: settings.files, match: picomatch(settings.files, { dot: true }) };
    return globs.match;
  }

  function schedule(doc: TextDocument, delay = DEBOUNCE_MS) {
    const pending = timers.get(doc.uri);
    if (pending) clearTimeout(pending);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        validate(doc.uri);
      }, delay),
    );
  }

  /**
   * Analyses a document. `publish` false keeps the result for code actions and hover without
   * showing it: with reflectLint.run onSave, unsaved text is never published.
   */
  function validate(uri: string, publish = true): Analysis | undefined {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    if (!isAccount(doc)) {
      if (analyses.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      void connection.sendNotification(CoverageNotification, emptyCoverage(uri, false));
      return undefined;
    }
    const text = doc.getText();
    const limit = settings.maxFileSizeKB * 1024;
    if (text.length > limit) {
      analyses.delete(uri);
      const note = `Reflective account checks are paused: this file is larger than ${settings.maxFileSizeKB} KB (setting reflectLint.maxFileSizeKB).`;
      void connection.sendDiagnostics({
        uri,
        version: doc.version,
        diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'reflect-lint', message: note }],
      });
      void connection.sendNotification(CoverageNotification, { ...emptyCoverage(uri, false), note });
      return undefined;
    }
    const { result, notices, document, paragraphs } = analyzeAccount(text, { rubric: settings.defaultUnit || undefined, rubrics, severities: settings.rules });
    // A newer version arrived while this one was analysed: its own run will publish.
    if (documents.get(uri)?.version !== doc.version) return undefined;
    const rubric = rubrics.find((r) => r.id === result.rubric);
    const analysis: Analysis = { uri, version: doc.version, text, rubric, result, doc: document, paragraphs };
    analyses.set(uri, analysis);
    if (!publish) return analysis;
    const diagnostics: Diagnostic[] = toDiagnostics(analysis);
    for (const n of notices) diagnostics.push(noticeDiagnostic(text, n));
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    void connection.sendNotification(CoverageNotification, coverageOf(analysis));
    return analysis;
  }

  /** The current analysis of a document, analysing now if the last one is stale. */
  function current(uri: string): Analysis | undefined {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const a = analyses.get(uri);
    if (a && a.version === doc.version) return a;
    const unsaved = settings.run === 'onSave' && savedVersions.get(uri) !== doc.version;
    if (unsaved) return validate(uri, false);
    const pending = timers.get(uri);
    if (pending) {
      clearTimeout(pending);
      timers.delete(uri);
    }
    return validate(uri);
  }

  documents.onDidOpen((e) => {
    savedVersions.set(e.document.uri, e.document.version);
    schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    if (settings.run === 'onType') schedule(e.document);
  });
  documents.onDidSave((e) => {
    savedVersions.set(e.document.uri, e.document.version);
    if (settings.run === 'onSave') schedule(e.document, 0);
  });
  documents.onDidClose((e) => {
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    analyses.delete(e.document.uri);
    forced.delete(e.document.uri);
    savedVersions.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (!canPullConfiguration) settings = readSettings((change.settings as { reflectLint?: unknown } | undefined)?.reflectLint);
    await reloadSettings();
  });

  connection.onDidChangeWatchedFiles((change) => {
    const dirs = rubricFolders();
    const touches = change.changes.some((c) => {
      const path = uriToPath(c.uri);
      return !!path && (dirs.some((d) => !relative(d, path).startsWith('..')) || brokenRubricFiles.has(c.uri));
    });
    if (touches) reloadRubrics();
  });

  connection.onCodeAction((params) => {
    const a = current(params.textDocument.uri);
    return a ? codeActions(a, params) : [];
  });

  connection.onHover((params) => {
    const a = current(params.textDocument.uri);
    return a ? hover(a, params.position, rubrics) : null;
  });

  connection.onCompletion((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const a = current(params.textDocument.uri);
    return completions(doc, params.position, a?.rubric, rubrics);
  });

  connection.onRequest(CheckDocumentRequest, ({ uri }): Coverage => {
    forced.add(uri);
    const a = current(uri) ?? validate(uri);
    return a ? coverageOf(a) : emptyCoverage(uri, false);
  });

  connection.onRequest(ListRubricsRequest, () =>
    rubrics.map((r) => ({ id: r.id, title: r.title, level: r.level, origin: origins.get(r.id) === 'bundled' ? 'bundled' : (origins.get(r.id) ?? 'bundled') })),
  );

  connection.onRequest(RankCriteriaRequest, ({ uri, line, character }) => {
    const a = current(uri);
    if (!a) return { criteria: [], insertAt: null, needsStop: false };
    return rankForPosition(a, { line, character });
  });

  connection.onRequest(ReportRequest, ({ uris, format }) => {
    const files: FileResult[] = [];
    const add = (path: string, text: string) => {
      const { result } = analyzeAccount(text, { rubric: settings.defaultUnit || undefined, rubrics, severities: settings.rules });
      const base = folders.find((f) => !relative(f, path).startsWith('..'));
      files.push({ path: base ? relative(base, path) : path, ...result });
    };
    if (uris === 'workspace') {
      for (const { path, text } of workspaceAccounts()) {
        const open = documents.get(pathToFileURL(path).href);
        const current = open ? open.getText() : (text ?? readAccountFile(path));
        if (current !== undefined) add(path, current);
      }
    } else {
      for (const uri of uris) {
        const doc = documents.get(uri);
        const path = uriToPath(uri) ?? uri;
        if (doc) add(path, doc.getText());
      }
    }
    return { content: formatReport(files, rubrics, format), accounts: files.length };
  });

  /**
   * Every Markdown file in the workspace that is an account (by the file globs or by front matter).
   * A file read to look at its front matter comes back with its text, so it is not read twice.
   */
  function workspaceAccounts(): Array<{ path: string; text?: string }> {
    const match = accountGlobs();
    const out: Array<{ path: string; text?: string }> = [];
    for (const folder of folders) {
      for (const path of markdownFiles(folder, 0)) {
        if (match(relative(folder, path).split('\\').join('/'))) {
          out.push({ path });
          continue;
        }
        const text = readAccountFile(path);
        if (text !== undefined && namesUnit(text)) out.push({ path, text });
      }
    }
    return out;
  }

  documents.listen(connection);
  connection.listen();
}

/** Whether the text opens with front matter that names a unit (`unit:` or `rubric:`); only the lines before the closing `---` count. */
function namesUnit(text: string): boolean {
  const fm = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return !!fm && /^(?:unit|rubric)[ \t]*:[ \t]*\S/m.test(fm[1]);
}

function markdownFiles(dir: string, depth: number): string[] {
  if (depth > 8) return [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p, depth + 1));
    else if (e.isFile() && /\.(?:md|markdown)$/i.test(e.name)) out.push(p);
  }
  return out;
}

function readAccountFile(path: string): string | undefined {
  try {
    return decodeAccount(readFileSync(path)).text;
  } catch {
    return undefined;
  }
}

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** A problem with a rubric file, shown on the file: at the offending position when JSON says where. */
function rubricDiagnostic(file: string, reason: string): Diagnostic {
  let line = 0;
  let character = 0;
  const at = /position (\d+)/.exec(reason);
  if (at) {
    try {
      const text = readFileSync(file, 'utf8');
      const before = text.slice(0, Number(at[1]));
      line = before.split('\n').length - 1;
      character = before.length - before.lastIndexOf('\n') - 1;
    } catch {
      // The file vanished: report at its start.
    }
  }
  return {
    range: { start: { line, character }, end: { line, character: character + 1 } },
    severity: 1,
    source: 'reflect-lint',
    code: 'invalid-rubric',
    message: `This rubric cannot be used: ${reason.replace(/^invalid rubric: /, '')}. Accounts that name it are checked with the general rules only.`,
  };
}

/** A notice from the analyser (an unknown unit, unreadable front matter), on the front matter. */
function noticeDiagnostic(text: string, notice: string): Diagnostic {
  const m = /^(?:unit|rubric)\s*:.*$/m.exec(text);
  const line = m ? text.slice(0, m.index).split('\n').length - 1 : 0;
  const length = m ? m[0].length : 0;
  return {
    range: { start: { line, character: 0 }, end: { line, character: length } },
    severity: notice.startsWith('unknown unit') ? 1 : 2,
    source: 'reflect-lint',
    code: notice.startsWith('unknown unit') ? 'unknown-unit' : 'front-matter',
    message: notice.startsWith('unknown unit') ? `This account names an ${notice}.` : `The front matter could not be read: ${notice}.`,
  };
}
