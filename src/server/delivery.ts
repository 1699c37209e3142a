/**
 * How a document's diagnostics reach the editor: pushed (textDocument/publishDiagnostics) to most
 * clients, pulled (textDocument/diagnostic) by those that say they can; never both to one client.
 *
 * A pull answers with what the last check showed. When a check is waiting for the writer to pause,
 * the answer waits for it (or for the client to cancel, as it does when the writer types again), so
 * a pulling editor sees findings when the writer pauses, as a pushed one does, and typing does not
 * make the server analyse every keystroke. A check that runs with nobody waiting (new settings or
 * rubrics, Check This Document) asks the client to pull again (workspace/diagnostic/refresh).
 */
import type {
  CancellationToken,
  Connection,
  DocumentDiagnosticReport,
  PreviousResultId,
  PublishDiagnosticsParams,
  WorkspaceDiagnosticReport,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';

/** The result id of an empty report for a document that is no longer an open account. */
const GONE = 'gone';

export class DiagnosticsDelivery {
  private readonly shown = new Map<string, { resultId: string; params: PublishDiagnosticsParams }>();
  private readonly answered = new Map<string, string>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private next = 0;
  private refreshing = false;
  /** Whether the client has pulled workspace/diagnostic: it learns of a check nobody waited for by a refresh. */
  private workspacePulled = false;

  /** `pull`: the client pulls; `canRefresh`: it can be asked to pull again. */
  constructor(
    private readonly connection: Connection,
    readonly pull: boolean,
    private readonly canRefresh: boolean,
  ) {}

  /** What a check of a document found. */
  show(params: PublishDiagnosticsParams): void {
    if (!this.pull) {
      void this.connection.sendDiagnostics(params);
      return;
    }
    // Every check is news to the client, even with the same findings (an editor may wait for it).
    const resultId = String(++this.next);
    this.shown.set(params.uri, { resultId, params });
    const waiters = this.waiting.get(params.uri);
    if (waiters?.length) {
      this.waiting.delete(params.uri);
      waiters.forEach((w) => w());
    } else if (this.answered.has(params.uri) || this.workspacePulled) this.refresh();
  }

  /** Diagnostics of a file that is not a document the client pulls for (a rubric file): always pushed. */
  push(params: PublishDiagnosticsParams): void {
    void this.connection.sendDiagnostics(params);
  }

  /**
   * Answers textDocument/diagnostic: after the waiting check, if there is one (`pending`), from what
   * was last shown, or from `checkNow` for a document not checked yet.
   */
  async answer(
    uri: string,
    previousResultId: string | undefined,
    pending: boolean,
    checkNow: () => PublishDiagnosticsParams | undefined,
    token: CancellationToken,
  ): Promise<DocumentDiagnosticReport> {
    if (pending && !token.isCancellationRequested) {
      await new Promise<void>((resolve) => {
        const list = this.waiting.get(uri) ?? [];
        list.push(resolve);
        this.waiting.set(uri, list);
        token.onCancellationRequested(() => resolve());
      });
    }
    let kept = this.shown.get(uri);
    if (!kept) {
      const params = checkNow();
      if (!params) return { kind: 'full', items: [] };
      kept = { resultId: String(++this.next), params };
      this.shown.set(uri, kept);
    }
    this.answered.set(uri, kept.resultId);
    if (previousResultId === kept.resultId) return { kind: 'unchanged', resultId: kept.resultId };
    return { kind: 'full', resultId: kept.resultId, items: kept.params.diagnostics };
  }

  /**
   * Answers workspace/diagnostic: the open accounts (`accounts`), each with what its last check showed
   * ("unchanged" when the client has that already; one not shown yet comes with a later pull, after a
   * refresh), and an empty report, once, for a document the client has from us that is no longer an
   * open account. The workspace's closed accounts are in the report, not here.
   */
  workspace(
    accounts: ReadonlyArray<{ uri: string; version: number }>,
    previous: readonly PreviousResultId[],
  ): WorkspaceDiagnosticReport {
    this.workspacePulled = true;
    const had = new Map(previous.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const open = new Set<string>();
    for (const { uri, version } of accounts) {
      const kept = this.shown.get(uri);
      if (!kept) continue;
      open.add(uri);
      this.answered.set(uri, kept.resultId);
      if (had.get(uri) === kept.resultId) items.push({ kind: 'unchanged', uri, version, resultId: kept.resultId });
      else items.push({ kind: 'full', uri, version, resultId: kept.resultId, items: kept.params.diagnostics });
    }
    for (const [uri, value] of had) {
      if (open.has(uri) || accounts.some((a) => a.uri === uri)) continue;
      items.push(
        value === GONE
          ? { kind: 'unchanged', uri, version: null, resultId: GONE }
          : { kind: 'full', uri, version: null, resultId: GONE, items: [] },
      );
    }
    return { items };
  }

  /** A document closed: a pulling client drops its diagnostics itself, a pushed one is told to. */
  closed(uri: string): void {
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.shown.delete(uri);
    this.answered.delete(uri);
    const waiters = this.waiting.get(uri);
    this.waiting.delete(uri);
    waiters?.forEach((w) => w());
  }

  /** One refresh for a burst of checks (new settings check every open document). */
  private refresh(): void {
    if (!this.canRefresh || this.refreshing) return;
    this.refreshing = true;
    setTimeout(() => {
      this.refreshing = false;
      // Typed void, but it is the request's promise: a client that fails it is not an error here.
      void Promise.resolve(this.connection.languages.diagnostics.refresh() as unknown).catch(() => undefined);
    }, 0);
  }
}
