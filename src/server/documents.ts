/**
 * Each open document's state: its text and version, the settings and rubrics it is checked with,
 * its latest check (not an account, paused, or analysed) and the check waiting for the writer to
 * pause. Nothing here talks to the editor: server.ts shows what this file holds.
 */
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  AccountSession,
  analyzeAccount,
  bundledRubrics,
  explainAccount,
  type AccountDocument,
  type Explanation,
  type AnalysisResult,
  type ParagraphInfo,
  type Rubric,
} from '../core/index.js';
import type { Notice } from '../core/front-matter.js';
import type { Accounts } from './accounts.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';

/** The analysis of one document version, kept for code actions, hover and the views. */
export interface Analysis {
  uri: string;
  version: number;
  text: string;
  rubric?: Rubric;
  result: AnalysisResult;
  /** What the writer should be told about the account as a whole (an unknown unit, unreadable front matter). */
  notices: Notice[];
  /** The account as parsed for this analysis, reused by hover and code actions. */
  doc: AccountDocument;
  /** What the analysis knows of each paragraph (its references and ranked criteria), reused by code actions. */
  paragraphs: ParagraphInfo[];
}

/** What checking one version of a document found. */
export type Check =
  | { kind: 'not-account'; uri: string; version: number }
  | { kind: 'paused'; uri: string; version: number; note: string }
  | { kind: 'analysed'; uri: string; version: number; analysis: Analysis };

/** The clock pending checks wait on (Node's timers; a test may pass its own). */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const NODE_TIMERS: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** A small account that runs every part of the analyser once, so the first real analysis runs warm code. */
export const WARM_UP_ACCOUNT = `---
unit: customer-relations
---

# Warming up

I work on the front desk of a council office. A resident rang because her bin was missed, so I asked open questions and summarised back what she needed (AC 1).

We agreed the crew would return within two working days, and I said we always give good service.

- I logged the call on the CRM and emailed jo.bloggs@example.com.
- I rang 07700 900123 the next day to check the bin had gone.

Next time I would check the [number] of missed bins first. This demonstrates my ability to agree standards (AC 9).

| Stage | What I did |
| --- | --- |
| Monitor | I checked the round sheet every morning. |
`;

export class Documents {
  /** The open documents' text and versions, kept in step with the editor. */
  readonly open = new TextDocuments(TextDocument);
  private current: Settings = DEFAULT_SETTINGS;
  private rubrics: Rubric[] = bundledRubrics();
  /** Bumped whenever something a check depends on, other than the text, changes. */
  private generation = 0;
  private readonly checks = new Map<string, { generation: number; check: Check }>();
  /** The version of each document as last opened or saved, for checking on save only. */
  private readonly savedVersions = new Map<string, number>();
  private readonly pending = new Map<string, { handle: unknown; run: () => void }>();
  /**
   * Each open account's incremental analysis: an edit re-reads only the block it falls in, and what
   * is worked out per block is kept between edits (src/core/incremental.ts). Dropped on close.
   */
  private readonly sessions = new Map<string, { generation: number; session: AccountSession }>();

  constructor(
    private readonly accounts: Accounts,
    private readonly timers: Timers = NODE_TIMERS,
  ) {}

  get settings(): Settings {
    return this.current;
  }

  /** New settings or rubrics: every document is checked afresh when next asked. */
  configure(settings: Settings, rubrics: Rubric[]): void {
    this.current = settings;
    this.rubrics = rubrics;
    this.generation++;
  }

  /** Something outside its text changed whether a document is an account (Check This Document): check it afresh. */
  forgetCheck(uri: string): void {
    this.checks.delete(uri);
  }

  get(uri: string): TextDocument | undefined {
    return this.open.get(uri);
  }

  all(): TextDocument[] {
    return this.open.all();
  }

  /** The check of a document's current version, made now if the last one is out of date. */
  check(uri: string): Check | undefined {
    const doc = this.open.get(uri);
    if (!doc) return undefined;
    const kept = this.checks.get(uri);
    if (kept && kept.generation === this.generation && kept.check.version === doc.version) return kept.check;
    const check = this.make(doc);
    this.checks.set(uri, { generation: this.generation, check });
    return check;
  }

  /** The analysis of a document's current version, if it is an account being checked. */
  analysis(uri: string): Analysis | undefined {
    const check = this.check(uri);
    return check?.kind === 'analysed' ? check.analysis : undefined;
  }

  /** Analyses a text with the settings and rubrics in effect (for accounts that are not open). */
  analyseText(text: string): AnalysisResult {
    return analyzeAccount(text, this.options()).result;
  }

  /** Why an analysed text reads as it does: analysed again, with the same settings and rubrics, recording its decisions. */
  explain(a: Analysis): Explanation {
    return explainAccount(a.text, this.options()).explanation;
  }

  /** Runs the analyser once on a small account, so that the first real analysis is not its first run. */
  warmUp(): void {
    analyzeAccount(WARM_UP_ACCOUNT, { rubrics: bundledRubrics() });
  }

  saved(uri: string, version: number): void {
    this.savedVersions.set(uri, version);
  }

  /** Whether the document has changed since it was opened or last saved. */
  isUnsaved(uri: string): boolean {
    const doc = this.open.get(uri);
    return !!doc && this.savedVersions.get(uri) !== doc.version;
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.checks.delete(uri);
    this.sessions.delete(uri);
    this.savedVersions.delete(uri);
  }

  /** Runs `run` after `delay` ms unless the document is scheduled again first. */
  schedule(uri: string, delay: number, run: () => void): void {
    this.cancel(uri);
    const handle = this.timers.set(() => {
      this.pending.delete(uri);
      run();
    }, delay);
    this.pending.set(uri, { handle, run });
  }

  /** Whether a check of the document is waiting (for the typing delay, or to run at once). */
  isScheduled(uri: string): boolean {
    return this.pending.has(uri);
  }

  /** Runs the document's scheduled work now, if any is waiting. */
  flush(uri: string): void {
    const waiting = this.pending.get(uri);
    if (!waiting) return;
    this.cancel(uri);
    waiting.run();
  }

  private cancel(uri: string): void {
    const waiting = this.pending.get(uri);
    if (waiting) this.timers.clear(waiting.handle);
    this.pending.delete(uri);
  }

  private options() {
    return { rubric: this.current.defaultUnit || undefined, rubrics: this.rubrics, severities: this.current.rules };
  }

  /** The document's analysis session, given the settings and rubrics now in effect. */
  private sessionOf(uri: string): AccountSession {
    let kept = this.sessions.get(uri);
    if (!kept)
      this.sessions.set(uri, (kept = { generation: this.generation, session: new AccountSession(this.options()) }));
    else if (kept.generation !== this.generation) {
      kept.session.configure(this.options());
      kept.generation = this.generation;
    }
    return kept.session;
  }

  private make(doc: TextDocument): Check {
    const { uri, version } = doc;
    if (!this.accounts.isAccount(doc)) {
      this.sessions.delete(uri);
      return { kind: 'not-account', uri, version };
    }
    const text = doc.getText();
    if (text.length > this.current.maxFileSizeKB * 1024) {
      const note = `Reflective account checks are paused: this file is larger than ${this.current.maxFileSizeKB} KB (setting reflectiveAccounts.maxFileSizeKB).`;
      this.sessions.delete(uri);
      return { kind: 'paused', uri, version, note };
    }
    const { result, notices, document, paragraphs } = this.sessionOf(uri).update(text);
    const rubric = this.rubrics.find((r) => r.id === result.rubric);
    return {
      kind: 'analysed',
      uri,
      version,
      analysis: { uri, version, text, rubric, result, notices, doc: document, paragraphs },
    };
  }
}
