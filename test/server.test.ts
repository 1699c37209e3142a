/**
 * The language server in-process, over JSON-RPC streams, as an editor drives it. Every wait is
 * on a message from the server (diagnostics, coverage), never on a fixed sleep.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js';
import { createConnection } from 'vscode-languageserver/node.js';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  Diagnostic,
  Hover,
  InitializeResult,
  PublishDiagnosticsParams,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../src/server/server.js';
import { diskFiles } from '../src/server/disk-files.js';
import { WARM_UP_ACCOUNT, type Timers } from '../src/server/documents.js';
import { DEFAULT_SETTINGS, readInitializationSettings, readSettings } from '../src/server/settings.js';
import { analyzeAccount, SUPPORT_MIN_SCORE } from '../src/core/index.js';
import { expandPaths } from '../src/node/inputs.js';
import { ListRubricsRequest, type Coverage, type RankedCriterionItem } from '../src/shared/protocol.js';

const ACCOUNT = `---
unit: customer-relations
---

# A missed bin collection

I work in customer services at a council and we log every call on the CRM.

A resident rang because her bin had been missed twice. I asked open questions and summarised back what she needed, and she confirmed it was right (AC 1).

Our SLA says missed bins are collected within two working days, and we agreed the crew would return by Thursday. We always give good service.

I logged the missed collection and emailed the crew supervisor with the address.

She gave me her email, jo.bloggs@example.com, so I could confirm.
`;

function waitFor<T>(
  list: () => T[] | undefined,
  test: (x: T) => boolean,
  what: string,
  waiters: Array<() => void>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 10_000);
    const check = () => {
      const hit = (list() ?? []).find(test);
      if (hit) {
        clearTimeout(timer);
        resolve(hit);
      } else waiters.push(check);
    };
    check();
  });
}

interface Harness {
  client: MessageConnection;
  root: string;
  settings: Record<string, unknown>;
  diagnostics: Map<string, PublishDiagnosticsParams[]>;
  coverage: Map<string, Coverage[]>;
  waitForDiagnostics(uri: string, test?: (d: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  waitForCoverage(uri: string, test?: (c: Coverage) => boolean): Promise<Coverage>;
  open(path: string, text: string, languageId?: string): Promise<string>;
  /** Resolves once the server has asked for the settings and had them. */
  configured: Promise<void>;
  /** The server's answer to initialize. */
  initialized: InitializeResult;
  /** Requests the server sent the client (other than workspace/configuration), in order. */
  requests: Array<{ method: string; params: any }>;
  waitForRequest(method: string): Promise<{ method: string; params: any }>;
  close(): void;
}

/** A clock that runs nothing until the test says so, and remembers every delay asked of it. */
class ManualClock implements Timers {
  readonly delays: number[] = [];
  private waiting: Array<{ id: number; ms: number; run: () => void }> = [];
  private next = 0;
  private readonly waiters: Array<() => void> = [];

  set(run: () => void, ms: number) {
    const id = ++this.next;
    this.waiting.push({ id, ms, run });
    this.delays.push(ms);
    this.waiters.splice(0).forEach((w) => w());
    return id;
  }

  clear(id: unknown) {
    this.waiting = this.waiting.filter((t) => t.id !== id);
  }

  /** The delay of the `index`th timer set, once it has been set. */
  delayAt(index: number): Promise<number> {
    const set = waitFor(
      () => (this.delays.length > index ? [{ ms: this.delays[index] }] : []),
      () => true,
      `timer ${index}`,
      this.waiters,
    );
    return set.then((t) => t.ms);
  }

  /** Runs every timer waiting now. */
  runAll() {
    for (const t of this.waiting.splice(0)) t.run();
  }
}

interface HarnessOptions {
  timers?: Timers;
  /** Whether the editor answers workspace/configuration (default: it does). */
  pullConfiguration?: boolean;
  initializationOptions?: unknown;
  /** The client's capabilities (default: configuration, and dynamic registration of file watchers). */
  capabilities?: Record<string, unknown>;
}

async function startHarness(
  settings: Record<string, unknown> = {},
  files: Record<string, string> = {},
  options: HarnessOptions = {},
): Promise<Harness> {
  const root = mkdtempSync(join(tmpdir(), 'reflect-lint-server-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const up = new PassThrough();
  const down = new PassThrough();
  startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), {
    timers: options.timers,
    disk: diskFiles,
  });
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  let settled = () => {};
  const configured = new Promise<void>((resolve) => (settled = resolve));
  const diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  const coverage = new Map<string, Coverage[]>();
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, [...(diagnostics.get(p.uri) ?? []), p]);
    wake();
  });
  client.onNotification('reflectLint/coverage', (c: Coverage) => {
    coverage.set(c.uri, [...(coverage.get(c.uri) ?? []), c]);
    wake();
  });
  const harness: Harness = {
    client,
    root,
    settings,
    diagnostics,
    coverage,
    configured,
    initialized: undefined as unknown as InitializeResult,
    requests: [],
    waitForRequest(method) {
      return waitFor(
        () => harness.requests,
        (r) => r.method === method,
        `a ${method} request`,
        waiters,
      );
    },
    waitForDiagnostics(uri, test = () => true) {
      return waitFor(() => diagnostics.get(uri), test, `diagnostics for ${uri}`, waiters);
    },
    waitForCoverage(uri, test = () => true) {
      return waitFor(() => coverage.get(uri), test, `coverage for ${uri}`, waiters);
    },
    async open(path, text, languageId = 'markdown') {
      const full = join(root, path);
      mkdirSync(join(full, '..'), { recursive: true });
      writeFileSync(full, text);
      const uri = pathToFileURL(full).href;
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    close() {
      // The streams stay open: the server may still be writing, and its "exit" would end the process.
      client.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
  client.onRequest('workspace/configuration', () => {
    setImmediate(settled);
    return [harness.settings];
  });
  client.onNotification('window/showMessage', (params: unknown) => {
    harness.requests.push({ method: 'window/showMessage', params });
    wake();
  });
  for (const method of [
    'client/registerCapability',
    'workspace/diagnostic/refresh',
    'workspace/applyEdit',
    'workspace/codeLens/refresh',
  ]) {
    client.onRequest(method, (params: unknown) => {
      harness.requests.push({ method, params });
      wake();
      return method === 'workspace/applyEdit' ? { applied: true } : null;
    });
  }
  client.listen();
  harness.initialized = await client.sendRequest<InitializeResult>('initialize', {
    processId: null,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'workspace' }],
    capabilities: options.capabilities ?? {
      workspace: {
        configuration: options.pullConfiguration ?? true,
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
    },
    initializationOptions: options.initializationOptions,
  });
  await client.sendNotification('initialized', {});
  return harness;
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), edits);
}

const ruleOf = (d: Diagnostic) => d.code;

/** Opens ACCOUNT once the settings are in effect (the server has had them and answered a request sent after), and runs its first check. */
async function openOnClock(h: Harness, clock: ManualClock): Promise<string> {
  await h.configured;
  await h.client.sendRequest('reflectLint/listRubrics');
  const uri = await h.open('accounts/bins.md', ACCOUNT);
  assert.equal(await clock.delayAt(0), 0, 'an opened account is checked at once');
  clock.runAll();
  await h.waitForDiagnostics(uri, (p) => p.version === 1);
  return uri;
}

describe('language server', function () {
  this.timeout(20_000);
  let h: Harness;
  afterEach(() => h?.close());

  it('publishes diagnostics for an account, with the rule as code and its page as the link', async () => {
    h = await startHarness();
    const uri = await h.open('notes/bins.md', ACCOUNT);
    const d = await h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const vague = d.diagnostics.find((x) => x.code === 'vague-standard');
    assert.ok(vague, `no vague-standard in ${d.diagnostics.map(ruleOf).join(', ')}`);
    assert.equal(
      ACCOUNT.split('\n')[vague.range.start.line].slice(vague.range.start.character, vague.range.end.character),
      'good service',
    );
    assert.match(vague.codeDescription!.href, /docs\/rules\/vague-standard\.md$/);
    assert.equal(vague.source, 'reflect-lint');
    const link = d.diagnostics.find((x) => x.code === 'missing-demonstrates-link');
    assert.ok(
      link?.relatedInformation?.some((r) => /^AC \d: /.test(r.message)),
      'the unlinked paragraph names its candidate criteria',
    );
  });

  it('stays silent on Markdown that is not an account, and checks it on request', async () => {
    h = await startHarness();
    const readme = await h.open('notes/README.md', '# Notes\n\nWe always give good service.\n');
    const quiet = await h.waitForCoverage(readme);
    assert.equal(quiet.analysed, false);
    assert.equal((h.diagnostics.get(readme) ?? []).flatMap((p) => p.diagnostics).length, 0);
    const coverage = await h.client.sendRequest<Coverage>('reflectLint/checkDocument', { uri: readme });
    assert.equal(coverage.analysed, true);
    const d = await h.waitForDiagnostics(readme, (p) => p.diagnostics.some((x) => x.code === 'vague-standard'));
    assert.ok(d.diagnostics.length > 0);
  });

  it('recognises accounts by the reflectiveAccounts.files globs', async () => {
    h = await startHarness({ files: ['**/my-evidence/*.md'] });
    const uri = await h.open('my-evidence/one.md', 'I always give good service.\n');
    const d = await h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.ok(d.diagnostics.some((x) => x.code === 'vague-standard'));
  });

  it('updates diagnostics after an edit, publishing only the newest version of quick edits', async () => {
    h = await startHarness();
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.some((x) => x.code === 'vague-standard'));
    const line = ACCOUNT.split('\n').findIndex((l) => l.includes('good service'));
    const character = ACCOUNT.split('\n')[line].indexOf(' We always give good service.');
    // Three edits in quick succession: the debounce means version 4 is analysed, not 2 or 3.
    for (const [version, text] of [
      [2, ' We'],
      [3, ' We always'],
      [4, ''],
    ] as const) {
      await h.client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [
          { range: { start: { line, character }, end: { line, character: ACCOUNT.split('\n')[line].length } }, text },
        ],
      });
    }
    const after = await h.waitForDiagnostics(uri, (p) => p.version === 4);
    assert.ok(!after.diagnostics.some((x) => x.code === 'vague-standard'), 'the vague standard is gone');
    assert.ok(
      !(h.diagnostics.get(uri) ?? []).some((p) => p.version === 2 || p.version === 3),
      'stale versions were not published',
    );
  });

  it('offers every fix with the best preferred, disable actions, and applies them to the right text', async () => {
    h = await startHarness();
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    const d = await h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const loggedLine = ACCOUNT.split('\n').findIndex((l) => l.startsWith('I logged the missed collection'));
    const link = d.diagnostics.find(
      (x) => x.code === 'missing-demonstrates-link' && x.range.start.line === loggedLine,
    )!;
    assert.ok(link, 'the paragraph about what was done is flagged');
    const actions = await h.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: link.range,
      context: { diagnostics: [link] },
    });
    const fixes = actions.filter((a) => a.title.startsWith('Add “This demonstrates'));
    assert.ok(fixes.length >= 1 && fixes.length <= 3);
    assert.equal(fixes[0].isPreferred, true);
    assert.ok(fixes.slice(1).every((f) => !f.isPreferred));
    const fixed = apply(ACCOUNT, fixes[0].edit!.changes![uri]);
    assert.match(
      fixed,
      /emailed the crew supervisor with the address\. This demonstrates my ability to .+ \(AC \d\)\.\n/,
    );
    assert.equal(
      fixed.replace(/ This demonstrates my ability to [^\n]+\(AC \d\)\./, ''),
      ACCOUNT,
      'nothing else changed',
    );

    const disable = actions.find((a) => a.title === 'Disable missing-demonstrates-link for this line')!;
    const disabled = apply(ACCOUNT, disable.edit!.changes![uri]);
    assert.match(
      disabled,
      /<!-- reflect-lint-disable-next-line missing-demonstrates-link -->\nI logged the missed collection/,
    );
    const fileWide = actions.find((a) => a.title === 'Disable missing-demonstrates-link for this file')!;
    assert.match(
      apply(ACCOUNT, fileWide.edit!.changes![uri]),
      /^---\nunit: customer-relations\n---\n<!-- reflect-lint-disable-file missing-demonstrates-link -->\n/,
    );
  });

  it('offers "Insert criterion reference" anywhere in a paragraph, best match first', async () => {
    h = await startHarness();
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    await h.waitForDiagnostics(uri);
    const line = ACCOUNT.split('\n').findIndex((l) => l.startsWith('Our SLA says'));
    const actions = await h.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 10 }, end: { line, character: 10 } },
      context: { diagnostics: [] },
    });
    const inserts = actions.filter((a) => a.title.startsWith('Insert criterion reference'));
    assert.ok(inserts.length > 0);
    assert.match(inserts[0].title, /AC 2/, 'a paragraph about an SLA and a timescale ranks AC 2 first');
    const edited = apply(ACCOUNT, inserts[0].edit!.changes![uri]);
    assert.ok(edited.includes('we agreed the crew would return by Thursday (AC 2).'));
    // The Insert Criterion Reference command applies the same edit, as the server gives it.
    const ranked = await h.client.sendRequest<{ criteria: RankedCriterionItem[] }>('reflectLint/rankCriteria', {
      uri,
      line,
      character: 10,
    });
    assert.equal(apply(ACCOUNT, [ranked.criteria[0].edit]), edited);
  });

  it('offers "Insert criterion reference" only for criteria the paragraph shows and does not cite yet', async () => {
    h = await startHarness();
    const text = `${ACCOUNT}\nThe office was quiet that week and the heating was broken. This demonstrates my ability to deal with complaints (AC 4).\n`;
    const uri = await h.open('accounts/bins.md', text);
    await h.waitForDiagnostics(uri);
    const lines = text.split('\n');
    const at = (start: string) => ({ line: lines.findIndex((l) => l.startsWith(start)), character: 5 });
    const rank = (position: { line: number; character: number }) =>
      h!.client.sendRequest<{ criteria: RankedCriterionItem[]; insertAt: unknown }>('reflectLint/rankCriteria', {
        uri,
        ...position,
      });
    const inserts = async (position: { line: number; character: number }) =>
      (
        await h!.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: position, end: position },
          context: { diagnostics: [] },
        })
      )
        .filter((a) => a.title.startsWith('Insert criterion reference'))
        .map((a) => /AC (\d+)/.exec(a.title)![1]);

    // The paragraph that cites AC 1 is never offered AC 1 again; what it is offered, it supports, best first.
    const cited = await rank(at('A resident rang'));
    assert.ok(!cited.criteria.some((c) => c.id === '1'));
    assert.ok(cited.criteria.every((c) => c.score >= SUPPORT_MIN_SCORE));
    assert.deepEqual(
      cited.criteria.map((c) => c.score),
      [...cited.criteria.map((c) => c.score)].sort((a, b) => b - a),
    );
    assert.deepEqual(
      await inserts(at('A resident rang')),
      cited.criteria.slice(0, 3).map((c) => c.id),
    );

    // A paragraph whose only link to a criterion is its own claim supports none: nothing is offered.
    const claim = await rank(at('The office was quiet'));
    assert.ok(claim.insertAt, 'the cursor is in a paragraph');
    assert.deepEqual(claim.criteria, []);
    assert.deepEqual(await inserts(at('The office was quiet')), []);

    // Its citation is a claim: the hover says so, and criterion-claimed is on it.
    const line = lines.findIndex((l) => l.startsWith('The office was quiet'));
    const hover = await h.client.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: lines[line].indexOf('AC 4') + 3 },
    });
    assert.match(
      (hover.contents as { value: string }).value,
      /This paragraph cites it but does not yet say what you did for it/,
    );
    const d = await h.waitForDiagnostics(uri);
    assert.ok(d.diagnostics.some((x) => x.code === 'criterion-claimed' && x.range.start.line === line));
  });

  it('fixes all safe problems together, and only those', async () => {
    h = await startHarness();
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const actions = await h.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.reflectLint'] },
    });
    assert.equal(actions.length, 1);
    const fixed = apply(ACCOUNT, actions[0].edit!.changes![uri]);
    assert.ok(!fixed.includes('jo.bloggs@example.com'));
    assert.ok(fixed.includes('good service'), 'a fix that needs a human choice is not applied');
  });

  it('explains key terms and criterion references on hover', async () => {
    h = await startHarness();
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    await h.waitForDiagnostics(uri);
    const lines = ACCOUNT.split('\n');
    const crmLine = lines.findIndex((l) => l.includes('CRM'));
    const term = await h.client.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: crmLine, character: lines[crmLine].indexOf('CRM') + 1 },
    });
    assert.match((term.contents as { value: string }).value, /^\*\*CRM\*\*/);
    assert.match((term.contents as { value: string }).value, /customer/i);
    const refLine = lines.findIndex((l) => l.includes('(AC 1)'));
    const ref = await h.client.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: refLine, character: lines[refLine].indexOf('AC 1') + 3 },
    });
    assert.match((ref.contents as { value: string }).value, /^\*\*AC 1\*\*/);
    assert.match((ref.contents as { value: string }).value, /Not evidenced anywhere else/);
    const plain = await h.client.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: refLine, character: 2 },
    });
    assert.equal(plain, null);
  });

  it('completes criteria after "AC " and unit ids in front matter', async () => {
    h = await startHarness();
    const text = ACCOUNT.replace('(AC 1)', '(AC ');
    const uri = await h.open('accounts/bins.md', text);
    await h.waitForDiagnostics(uri);
    const line = text.split('\n').findIndex((l) => l.includes('(AC '));
    const character = text.split('\n')[line].indexOf('(AC ') + 4;
    const items = await h.client.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character },
    });
    assert.deepEqual(items.map((i) => i.label).sort(), ['1', '2', '3', '4', '5']);
    // Ranked for the paragraph: open questions and summarising back are AC 1's.
    assert.equal(items[0].label, '1');
    assert.ok(items.every((i) => typeof i.detail === 'string' && i.detail.length > 0));
    const units = await h.client.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 6 },
    });
    assert.ok(units.some((i) => i.label === 'develop-relationships'));
    const none = await h.client.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 5, character: 3 },
    });
    assert.equal(none.length, 0);
  });

  it('shows a broken workspace rubric on its file, and keeps checking accounts with the good ones', async () => {
    const custom = JSON.parse(
      readFileSync(join(import.meta.dirname, 'fixtures', 'centre-rubrics', 'dog-grooming.json'), 'utf8'),
    );

    h = await startHarness(
      {},
      { 'rubrics/dog-grooming.json': JSON.stringify(custom), 'rubrics/broken.json': '{ "id": "broken", ' },
    );
    const broken = pathToFileURL(join(h.root, 'rubrics', 'broken.json')).href;
    const problem = await h.waitForDiagnostics(broken, (p) => p.diagnostics.length > 0);
    assert.match(problem.diagnostics[0].message, /cannot be used/);
    const uri = await h.open(
      'accounts/groom.md',
      '---\nunit: dog-grooming\n---\n\nI asked the owner about the trim and agreed a collection time of 3pm (AC 3).\n',
    );
    const d = await h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const unknown = d.diagnostics.find((x) => x.code === 'unknown-criterion');
    assert.ok(unknown, 'the custom rubric is in use: AC 3 is unknown to it');
    // Mending the file clears its diagnostic.
    writeFileSync(join(h.root, 'rubrics', 'broken.json'), JSON.stringify({ ...custom, id: 'mended' }));
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: broken, type: 2 }] });
    await h.waitForDiagnostics(broken, (p) => p.diagnostics.length === 0);
  });

  it('shows a workspace rubric that loads but cannot work as meant: a warning where the problem is, the rubric in use', async () => {
    const text = readFileSync(
      join(import.meta.dirname, 'fixtures', 'rubric-lint', 'rubrics', 'only-star.json'),
      'utf8',
    );
    h = await startHarness({}, { 'rubrics/only-star.json': text });
    const file = pathToFileURL(join(h.root, 'rubrics', 'only-star.json')).href;
    const shown = await h.waitForDiagnostics(file, (p) => p.diagnostics.length > 0);
    assert.equal(shown.diagnostics.length, 1);
    const [w] = shown.diagnostics;
    assert.equal(w.severity, 2);
    assert.equal(w.code, 'rubric-warning');
    // only-star.json:35:9, the phrase "*" of check 1.
    assert.deepEqual(w.range.start, { line: 34, character: 8 });
    assert.match(w.message, /^check 1 \(`anything`\), field phrases, phrase 1: "\*" matches any word.*\. Fix: /);
    const units = await h.client.sendRequest<Array<{ id: string }>>(ListRubricsRequest.method);
    assert.ok(
      units.some((u) => u.id === 'only-star'),
      'the rubric is in use',
    );
  });

  it('pauses on a document over the size limit, with a message', async () => {
    h = await startHarness({ maxFileSizeKB: 1 });
    const uri = await h.open(
      'accounts/big.md',
      `---\nunit: customer-relations\n---\n\n${'I always give good service. '.repeat(100)}\n`,
    );
    const d = await h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.equal(d.diagnostics.length, 1);
    assert.match(d.diagnostics[0].message, /paused/);
  });

  it('checks on save only, when reflectiveAccounts.run is onSave', async () => {
    h = await startHarness({ run: 'onSave' });
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    await h.waitForDiagnostics(uri, (p) => p.version === 1);
    await h.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: ACCOUNT.replace('good service', 'a reply within 2 working days') }],
    });
    await h.client.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const saved = await h.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(!saved.diagnostics.some((x) => x.code === 'vague-standard'));
    assert.equal((h.diagnostics.get(uri) ?? []).filter((p) => p.version === 2).length, 1, 'published once, on save');
  });

  it('waits reflectiveAccounts.debounceMs after typing, as workspace/configuration gives it', async () => {
    const clock = new ManualClock();
    h = await startHarness({ debounceMs: 1234 }, {}, { timers: clock });
    const uri = await openOnClock(h, clock);
    await h.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: ACCOUNT.replace('good service', 'a reply within 2 working days') }],
    });
    assert.equal(await clock.delayAt(1), 1234);
    await h.client.sendRequest('reflectLint/listRubrics');
    assert.ok(
      !(h.diagnostics.get(uri) ?? []).some((p) => p.version === 2),
      'nothing is checked before the delay is up',
    );
    clock.runAll();
    const after = await h.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(!after.diagnostics.some((x) => x.code === 'vague-standard'));
  });

  it('answers a request at once from the newest text, though the typing delay is not up', async () => {
    const clock = new ManualClock();
    h = await startHarness({ debounceMs: 60_000 }, {}, { timers: clock });
    const uri = await openOnClock(h, clock);
    const text = ACCOUNT.replace('(AC 1)', '(AC 4)');
    await h.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text }],
    });
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('(AC 4)'));
    const hover = await h.client.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: lines[line].indexOf('AC 4') + 3 },
    });
    assert.match((hover.contents as { value: string }).value, /^\*\*AC 4\*\*/);
    // The waiting check was made for the request, and shown with it.
    assert.ok(
      (h.diagnostics.get(uri) ?? []).some((p) => p.version === 2),
      'the diagnostics of version 2 are out',
    );
  });

  it('puts an unknown unit on the front matter, never on a `unit:` line in the body', async () => {
    h = await startHarness({ defaultUnit: 'forklift-safety' });
    const text =
      '---\ntitle: Notes\n---\n\n# Notes\n\nunit: the word at the start of a line\n\nI always give good service.\n';
    const uri = await h.open('accounts/notes.md', text);
    const d = await h.waitForDiagnostics(uri, (p) => p.diagnostics.some((x) => x.code === 'unknown-unit'));
    const unknown = d.diagnostics.find((x) => x.code === 'unknown-unit')!;
    assert.equal(unknown.range.start.line, 0);
    assert.match(unknown.message, /^This account names an unknown unit "forklift-safety"/);
    const named = await h.open('accounts/named.md', ACCOUNT.replace('unit: customer-relations', 'unit: dog-grooming'));
    const n = await h.waitForDiagnostics(named, (p) => p.diagnostics.some((x) => x.code === 'unknown-unit'));
    assert.deepEqual(n.diagnostics.find((x) => x.code === 'unknown-unit')!.range, {
      start: { line: 1, character: 0 },
      end: { line: 1, character: 'unit: dog-grooming'.length },
    });
  });

  it('writes the unit into the front matter for Select Unit', async () => {
    h = await startHarness();
    const note = '# Draft\n\nI rang the customer.\n';
    const uri = await h.open('notes/draft.md', note);
    const edits = await h.client.sendRequest<TextEdit[]>('reflectLint/unitEdit', { uri, unit: 'crm-principles' });
    assert.equal(apply(note, edits), `---\nunit: crm-principles\n---\n\n${note}`);
    const account = await h.open('accounts/bins.md', ACCOUNT);
    const replaced = await h.client.sendRequest<TextEdit[]>('reflectLint/unitEdit', {
      uri: account,
      unit: 'external-customers',
    });
    assert.equal(apply(ACCOUNT, replaced), ACCOUNT.replace('unit: customer-relations', 'unit: external-customers'));
  });

  it('finds the workspace’s accounts with the command line’s file walker: the same endings, hidden folders skipped', async () => {
    const named = '---\nunit: customer-relations\n---\n\nI always give good service.\n';
    h = await startHarness(
      {},
      {
        'portfolio/one.md': 'I always give good service.\n',
        'notes/two.mkd': named,
        'notes/three.markdown': named,
        'notes/four.mdown': named,
        'notes/README.md': '# Notes\n\nunit: not front matter\n',
        '.hidden/five.md': named,
        'node_modules/pkg/six.md': named,
      },
    );
    const report = await h.client.sendRequest<{ content: string; accounts: number }>('reflectLint/report', {
      uris: 'workspace',
      format: 'md',
    });
    assert.equal(report.accounts, 4, report.content);
    for (const f of ['portfolio/one.md', 'notes/two.mkd', 'notes/three.markdown', 'notes/four.mdown'])
      assert.ok(report.content.includes(f), `${f} is in the report`);
    const cli = expandPaths([h.root])
      .map((i) => relative(h.root, i.path))
      .sort();
    assert.deepEqual(cli, [
      'notes/README.md',
      'notes/four.mdown',
      'notes/three.markdown',
      'notes/two.mkd',
      'portfolio/one.md',
    ]);
  });

  it('sends coverage for the Criteria view and the status bar', async () => {
    h = await startHarness();
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    const c = await h.waitForCoverage(uri, (x) => x.analysed);
    assert.equal(c.rubric?.id, 'customer-relations');
    assert.deepEqual(
      c.criteria.map((x) => x.id),
      ['1', '2', '3', '4', '5'],
    );
    assert.equal(c.criteria[0].status, 'evidenced');
    assert.equal(
      c.criteria[0].paragraphs[0].line,
      ACCOUNT.split('\n').findIndex((l) => l.startsWith('A resident rang')),
    );
    assert.deepEqual(c.criteria[0].claimedIn, []);
    assert.equal(c.stages.length, 6);
    assert.equal(c.stages.find((s) => s.id === 'identify-need')?.present, true);
  });

  it('writes the mapping grid for the workspace', async () => {
    h = await startHarness({}, { 'accounts/one.md': ACCOUNT, 'notes/README.md': '# not an account\n' });
    const report = await h.client.sendRequest<{ content: string; accounts: number }>('reflectLint/report', {
      uris: 'workspace',
      format: 'html',
    });
    assert.equal(report.accounts, 1);
    assert.match(report.content, /<table>/);
    assert.match(report.content, /accounts\/one\.md/);
  });
});

/** Whether a promise has settled, asked after the server has answered a request sent later (so it has read the first). */
async function settledAfter(h: Harness, p: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void p.then(
    () => (settled = true),
    () => (settled = true),
  );
  await h.client.sendRequest('reflectLint/listRubrics');
  await Promise.resolve();
  return settled;
}

describe('language server with clients other than VS Code', function () {
  this.timeout(20_000);
  let h: Harness;
  afterEach(() => h?.close());

  it('registers configuration and file watching only with a client that declares dynamic registration for them', async () => {
    // Emacs eglot: configuration pulled, no dynamic registration declared.
    h = await startHarness(
      {},
      {},
      { capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } } },
    );
    await h.configured;
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      h.requests.filter((r) => r.method === 'client/registerCapability'),
      [],
      'nothing registered',
    );
    h.close();

    h = await startHarness(
      {},
      {},
      {
        capabilities: {
          workspace: {
            configuration: true,
            didChangeConfiguration: { dynamicRegistration: true },
            didChangeWatchedFiles: { dynamicRegistration: true },
          },
        },
      },
    );
    await h.waitForRequest('client/registerCapability');
    await h.configured;
    const uri2 = await h.open('accounts/bins.md', ACCOUNT);
    await h.waitForDiagnostics(uri2, (p) => p.diagnostics.length > 0);
    const registered = h.requests
      .filter((r) => r.method === 'client/registerCapability')
      .flatMap((r) => r.params.registrations.map((x: { method: string }) => x.method));
    assert.deepEqual(registered.sort(), ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
  });

  it('offers the quick fixes for a diagnostic echoed back without source or data, or without its code', async () => {
    h = await startHarness();
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    const d = await h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const vague = d.diagnostics.find((x) => x.code === 'vague-standard')!;
    const titles = async (diagnostic: Record<string, unknown>) =>
      (
        await h.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: vague.range,
          context: { diagnostics: [diagnostic] },
        })
      ).map((a) => a.title);
    const quickFixes = async (diagnostic: Record<string, unknown>) =>
      (await titles(diagnostic)).filter((t) => !t.startsWith('Insert criterion reference'));
    const full = await quickFixes(vague as unknown as Record<string, unknown>);
    assert.ok(
      full.some((t) => t.startsWith('Disable vague-standard')),
      full.join(' | '),
    );
    // As ALE sends it: range, severity, code and message only.
    assert.deepEqual(
      await quickFixes({ range: vague.range, severity: vague.severity, code: vague.code, message: vague.message }),
      full,
    );
    // Without a code, and with the end of the range lost (a client that counts columns its own way).
    const start = vague.range.start;
    assert.deepEqual(
      await quickFixes({
        range: { start, end: { line: start.line, character: start.character + 3 } },
        message: vague.message,
      }),
      full,
    );
    // Another tool's diagnostic with the same words is not ours.
    assert.deepEqual(
      await quickFixes({ range: vague.range, source: 'markdownlint', code: vague.code, message: vague.message }),
      [],
    );
  });

  it('accepts the Markdown language ids editors use, and Markdown files whatever the id', async () => {
    h = await startHarness();
    for (const [path, id] of [
      ['accounts/a.md', 'gfm'],
      ['accounts/b.md', 'pandoc'],
      ['accounts/c.md', 'markdown.pandoc'],
      ['notes/d.md', 'plaintext'],
    ] as const) {
      const text = path.startsWith('notes')
        ? `---\nunit: customer-relations\n---\n\nWe always give good service.\n`
        : 'We always give good service.\n';
      const uri = await h.open(path, text, id);
      const got = await h.waitForDiagnostics(uri);
      assert.ok(
        got.diagnostics.some((x) => x.code === 'vague-standard'),
        `${id} ${path}: ${got.diagnostics.map(ruleOf).join(', ')}`,
      );
    }
    const text = await h.open(
      'notes/e.txt',
      '---\nunit: customer-relations\n---\n\nWe always give good service.\n',
      'plaintext',
    );
    const none = await h.waitForCoverage(text);
    assert.equal(none.analysed, false, 'a plain-text file is not an account');
  });

  it('gives diagnostics by pull to a client that declares textDocument/diagnostic, and never pushes them too', async () => {
    const clock = new ManualClock();
    h = await startHarness(
      { debounceMs: 500 },
      {},
      {
        timers: clock,
        capabilities: {
          workspace: { configuration: true, diagnostics: { refreshSupport: true } },
          textDocument: { diagnostic: { dynamicRegistration: false } },
        },
      },
    );
    assert.deepEqual(h.initialized.capabilities.diagnosticProvider, {
      identifier: 'reflect-lint',
      interFileDependencies: false,
      workspaceDiagnostics: true,
    });
    await h.configured;
    await h.client.sendRequest('reflectLint/listRubrics');
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    const pull = (previousResultId?: string) =>
      h.client.sendRequest<any>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    // The first pull waits for the open's check.
    const first = pull();
    await clock.delayAt(0);
    clock.runAll();
    const report = await first;
    assert.equal(report.kind, 'full');
    assert.ok(report.items.some((x: Diagnostic) => x.code === 'vague-standard'));
    assert.equal((await pull(report.resultId)).kind, 'unchanged');

    // While the writer types, a pull waits for the pause (the typing delay), then has the new text's findings.
    await h.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: ACCOUNT.replace('good service', 'a reply within 2 working days') }],
    });
    assert.equal(await clock.delayAt(1), 500);
    const second = pull(report.resultId);
    assert.equal(await settledAfter(h, second), false, 'the pull waits for the typing delay');
    clock.runAll();
    const after = await second;
    assert.equal(after.kind, 'full');
    assert.ok(!after.items.some((x: Diagnostic) => x.code === 'vague-standard'));

    // New settings check every document again: the client is asked to pull again.
    h.settings.rules = { 'missing-demonstrates-link': 'off' };
    await h.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await clock.delayAt(2);
    clock.runAll();
    await h.waitForRequest('workspace/diagnostic/refresh');
    const refreshed = await pull(after.resultId);
    assert.equal(refreshed.kind, 'full');
    assert.ok(!refreshed.items.some((x: Diagnostic) => x.code === 'missing-demonstrates-link'));
    assert.equal(h.diagnostics.get(uri), undefined, 'no publishDiagnostics for a pulling client');
  });

  it('answers workspace/diagnostic with the open accounts, unchanged ones as such, and clears an account once it closes', async () => {
    h = await startHarness(
      {},
      { 'accounts/closed.md': ACCOUNT },
      {
        capabilities: {
          workspace: { configuration: true, diagnostics: { refreshSupport: true } },
          textDocument: { diagnostic: { dynamicRegistration: false } },
        },
      },
    );
    await h.configured;
    const account = await h.open('accounts/bins.md', ACCOUNT);
    const note = await h.open('notes/README.md', '# Notes\n\nWe always give good service.\n');
    // The document pull waits for the open's check, so after it the workspace pull has the account's findings.
    await h.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: account } });
    const pull = (previousResultIds: Array<{ uri: string; value: string }>) =>
      h.client.sendRequest<{ items: any[] }>('workspace/diagnostic', { previousResultIds });
    const first = await pull([]);
    assert.deepEqual(
      first.items.map((i) => [i.uri, i.kind, i.version]),
      [[account, 'full', 1]],
      'only the open account: not the note, not the closed account on disk',
    );
    assert.ok(first.items[0].items.some((d: Diagnostic) => d.code === 'vague-standard'));
    const had = [{ uri: account, value: first.items[0].resultId as string }];
    assert.deepEqual(
      (await pull(had)).items.map((i) => i.kind),
      ['unchanged'],
    );

    await h.client.sendNotification('textDocument/didClose', { textDocument: { uri: account } });
    const closed = await pull(had);
    assert.deepEqual(
      closed.items.map((i) => [i.uri, i.kind, i.items]),
      [[account, 'full', []]],
      'a closed account is cleared',
    );
    assert.deepEqual(
      (await pull([{ uri: account, value: closed.items[0].resultId }])).items.map((i) => i.kind),
      ['unchanged'],
      'and only once',
    );
    assert.equal(h.diagnostics.get(note), undefined, 'nothing pushed');
  });

  it('gives semantic tokens for criterion references and link sentences, only to a client that asks for them', async () => {
    const capabilities = {
      workspace: { configuration: true },
      textDocument: {
        semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
      },
    };
    h = await startHarness({}, {}, { capabilities });
    assert.equal(h.initialized.capabilities.semanticTokensProvider, undefined, 'off by default');
    h.close();
    h = await startHarness({}, {}, { initializationOptions: { semanticTokens: true } });
    assert.equal(
      h.initialized.capabilities.semanticTokensProvider,
      undefined,
      'not for a client without semantic tokens',
    );
    h.close();

    h = await startHarness({}, {}, { capabilities, initializationOptions: { semanticTokens: true } });
    const legend = h.initialized.capabilities.semanticTokensProvider!.legend;
    assert.deepEqual(legend.tokenTypes, ['criterionReference', 'demonstratesSentence']);
    const text = [
      '---',
      'unit: customer-relations',
      '---',
      '',
      'I asked open questions and wrote down what she needed (see AC 1 in the unit).',
      'This demonstrates my ability to agree standards',
      'with customers (AC 2 and 3).',
      '',
      '```',
      'AC 4 in a code block is not prose.',
      '```',
      '',
    ].join('\n');
    const uri = await h.open('accounts/tokens.md', text);
    await h.waitForDiagnostics(uri);
    const { data } = await h.client.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', {
      textDocument: { uri },
    });
    const lines = text.split('\n');
    const tokens: string[] = [];
    for (let i = 0, line = 0, character = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] ? data[i + 1] : character + data[i + 1];
      tokens.push(`${legend.tokenTypes[data[i + 3]]} ${line}:${lines[line].slice(character, character + data[i + 2])}`);
    }
    assert.deepEqual(tokens, [
      'criterionReference 4:AC 1',
      'demonstratesSentence 5:This demonstrates my ability to agree standards',
      'demonstratesSentence 6:with customers (',
      'criterionReference 6:AC 2',
      'demonstratesSentence 6:and',
      'criterionReference 6:3',
      'demonstratesSentence 6:).',
    ]);
  });

  it('runs Check This Document, the report, Select Unit and the unit list through workspace/executeCommand', async () => {
    h = await startHarness(
      {},
      { 'accounts/one.md': ACCOUNT },
      { capabilities: { workspace: { configuration: true, applyEdit: true } } },
    );
    assert.deepEqual(h.initialized.capabilities.executeCommandProvider?.commands, [
      'reflectLint.checkDocument',
      'reflectLint.report',
      'reflectLint.selectUnit',
      'reflectLint.listRubrics',
      'reflectLint.showNextSteps',
      'reflectLint.explain',
    ]);
    const run = <T>(command: string, ...args: unknown[]) =>
      h.client.sendRequest<T>('workspace/executeCommand', { command, arguments: args });
    const note = '# Notes\n\nWe always give good service.\n';
    const readme = await h.open('notes/README.md', note);
    await h.waitForCoverage(readme);
    const coverage = await run<Coverage>('reflectLint.checkDocument', readme);
    assert.equal(coverage.analysed, true);
    await h.waitForDiagnostics(readme, (p) => p.diagnostics.some((x) => x.code === 'vague-standard'));
    const units = await run<Array<{ id: string }>>('reflectLint.listRubrics');
    assert.ok(units.some((u) => u.id === 'crm-principles'));
    const report = await run<{ content: string; accounts: number }>('reflectLint.report');
    assert.equal(report.accounts, 1);
    assert.match(report.content, /^# Mapping grid/);
    const selected = await run<{ applied: boolean; edit: { changes: Record<string, TextEdit[]> } }>(
      'reflectLint.selectUnit',
      readme,
      'crm-principles',
    );
    assert.equal(selected.applied, true);
    const applied = h.requests.find((r) => r.method === 'workspace/applyEdit')!;
    assert.deepEqual(applied.params.edit, selected.edit);
    assert.equal(apply(note, selected.edit.changes[readme]), `---\nunit: crm-principles\n---\n\n${note}`);
    await assert.rejects(run('reflectLint.selectUnit', readme), /unit id/);
    // Why?, as `reflect-lint --explain` prints it, opened at a part.
    const why = await run<{ content: string; line: number; title: string }>('reflectLint.explain', readme, {
      kind: 'stage',
      id: 'monitor',
    });
    assert.match(why.content, /^Why README\.md reads as it does/);
    assert.equal(why.content.split('\n')[why.line], '  Monitor: not shown');
    assert.equal(why.title, 'Monitor');
    await assert.rejects(run('reflectLint.explain', readme, { kind: 'paragraph' }), /the part is/);
    await assert.rejects(run('reflectLint.explain', 'file:///nowhere.md'), /open document/);
  });

  it('lists no commands for a client that has its own of those names (the VS Code extension)', async () => {
    h = await startHarness({}, {}, { initializationOptions: { fileSystem: true, commands: false } });
    assert.equal(h.initialized.capabilities.executeCommandProvider, undefined);
  });

  it('keeps the settings given at start-up when didChangeConfiguration carries none', async () => {
    const initializationOptions = {
      settings: { reflectLint: { files: ['**/evidence/*.md'], defaultUnit: 'external-customers' } },
    };
    h = await startHarness({}, {}, { pullConfiguration: false, initializationOptions });
    const uri = await h.open('evidence/a.md', 'I met our standard (AC 7).\n');
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-criterion'));
    const seen = h.diagnostics.get(uri)!.length;
    await h.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const again = await h.waitForDiagnostics(uri, (p) => h.diagnostics.get(uri)!.indexOf(p) >= seen);
    assert.ok(
      again.diagnostics.some((d) => d.code === 'unknown-criterion'),
      'the unit and globs from the start-up settings still apply',
    );
    // Settings it does carry are read over the start-up ones, field by field.
    await h.client.sendNotification('workspace/didChangeConfiguration', {
      settings: { reflectiveAccounts: { rules: { 'unknown-criterion': 'off' } } },
    });
    const later = h.diagnostics.get(uri)!.length;
    const off = await h.waitForDiagnostics(uri, (p) => h.diagnostics.get(uri)!.indexOf(p) >= later);
    assert.ok(!off.diagnostics.some((d) => d.code === 'unknown-criterion'));
  });

  it('exits with code 0 when the editor closes its standard input', async () => {
    const { spawn } = await import('node:child_process');
    const server = spawn(
      process.execPath,
      [join(fileURLToPath(import.meta.url), '..', '..', 'dist', 'server.cjs'), '--stdio'],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    server.stdin.end();
    assert.equal(await exited, 0);
  });

  it('exits with code 0 when the editor’s process dies, though its standard input stays open; 1 for `exit` without `shutdown`', async () => {
    const { spawn } = await import('node:child_process');
    const started = (editorPid: number) => {
      const server = spawn(
        process.execPath,
        [join(fileURLToPath(import.meta.url), '..', '..', 'dist', 'server.cjs'), '--stdio'],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
      const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
      const client = createMessageConnection(
        new StreamMessageReader(server.stdout),
        new StreamMessageWriter(server.stdin),
      );
      client.listen();
      return {
        server,
        exited,
        client,
        ready: client.sendRequest<InitializeResult>('initialize', {
          processId: editorPid,
          rootUri: null,
          capabilities: {},
        }),
      };
    };
    // An "editor" that runs until it is killed; the test holds the server's standard input open throughout.
    const editor = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
    const editorGone = new Promise((resolve) => editor.on('exit', resolve));
    const orphan = started(editor.pid!);
    await orphan.ready;
    editor.kill('SIGKILL');
    await editorGone;
    assert.equal(await orphan.exited, 0);
    orphan.client.dispose();

    // The editor is alive and sends `exit` with no `shutdown` first: the protocol's code 1 stands.
    const rude = started(process.pid);
    await rude.ready;
    await rude.client.sendNotification('exit');
    assert.equal(await rude.exited, 1);
    rude.client.dispose();
  });

  it('speaks on standard input and output when started with no transport (`reflect-lint lsp`)', async () => {
    const { spawn } = await import('node:child_process');
    const server = spawn(
      process.execPath,
      [join(fileURLToPath(import.meta.url), '..', '..', 'bin', 'reflect-lint.cjs'), 'lsp'],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    const client = createMessageConnection(
      new StreamMessageReader(server.stdout),
      new StreamMessageWriter(server.stdin),
    );
    client.listen();
    const answer = await client.sendRequest<InitializeResult>('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {},
    });
    assert.equal(answer.serverInfo?.name, 'reflect-lint');
    client.dispose();
    server.stdin.end();
    assert.equal(await exited, 0);
  });
});

describe('language server in an editor without workspace/configuration', function () {
  this.timeout(20_000);
  it('uses the settings given as initialization options', async () => {
    const up = new PassThrough();
    const down = new PassThrough();
    startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)));
    const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    const published: PublishDiagnosticsParams[] = [];
    const arrived = new Promise<void>((resolve) =>
      client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        published.push(p);
        if (p.diagnostics.length) resolve();
      }),
    );
    client.onRequest('workspace/configuration', () => [null]);
    client.onRequest('client/registerCapability', () => null);
    client.listen();
    const root = mkdtempSync(join(tmpdir(), 'reflect-lint-nvim-'));
    try {
      await client.sendRequest('initialize', {
        processId: null,
        rootUri: pathToFileURL(root).href,
        capabilities: { workspace: { configuration: true } },
        initializationOptions: { settings: { files: ['**/evidence/*.md'], defaultUnit: 'external-customers' } },
      });
      await client.sendNotification('initialized', {});
      const uri = pathToFileURL(join(root, 'evidence', 'a.md')).href;
      await client.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: 'I met our standard (AC 7).\n' },
      });
      await arrived;
      assert.ok(
        published.flatMap((p) => p.diagnostics).some((d) => d.code === 'unknown-criterion'),
        'the default unit from the options applies',
      );
    } finally {
      client.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('takes reflectiveAccounts.debounceMs from the initialization options, 0 allowed', async () => {
    const clock = new ManualClock();
    const initializationOptions = { settings: { reflectLint: { debounceMs: 0, files: ['**/evidence/*.md'] } } };
    const h = await startHarness({}, {}, { timers: clock, pullConfiguration: false, initializationOptions });
    try {
      const uri = await h.open('evidence/a.md', 'I always give good service.\n');
      await clock.delayAt(0);
      clock.runAll();
      await h.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.some((x) => x.code === 'vague-standard'));
      await h.client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: 'I always reply within 2 hours.\n' }],
      });
      assert.equal(await clock.delayAt(1), 0);
    } finally {
      h.close();
    }
  });
});

describe('server settings', () => {
  it('reads debounceMs: a number of milliseconds, 0 allowed, else the default', () => {
    assert.equal(DEFAULT_SETTINGS.debounceMs, 250);
    assert.equal(readSettings({ debounceMs: 0 }).debounceMs, 0);
    assert.equal(readSettings({ debounceMs: 800 }).debounceMs, 800);
    for (const bad of [-1, '300', Number.NaN, Number.POSITIVE_INFINITY, null])
      assert.equal(readSettings({ debounceMs: bad }).debounceMs, 250, String(bad));
  });

  it('are each contributed in package.json with the server’s default, and listed in the README', () => {
    const root = join(fileURLToPath(import.meta.url), '..', '..');
    const properties = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes.configuration
      .properties as Record<string, { default: unknown }>;
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      assert.deepEqual(
        properties[`reflectiveAccounts.${key}`]?.default,
        value,
        `reflectiveAccounts.${key} in package.json`,
      );
      assert.ok(readme.includes(`\`${key}\``), `the README's settings list names ${key}`);
    }
    assert.deepEqual(
      Object.keys(properties).sort(),
      Object.keys(DEFAULT_SETTINGS)
        .map((k) => `reflectiveAccounts.${k}`)
        .sort(),
    );
  });

  it('reads initialization options as `settings.reflectiveAccounts` (or the old `settings.reflectLint`), or the fields directly under `settings`', () => {
    assert.equal(
      readInitializationSettings({
        settings: { reflectiveAccounts: { debounceMs: 40, defaultUnit: 'crm-principles' } },
      })?.defaultUnit,
      'crm-principles',
    );
    // The section's name before 0.2 still works; the new one wins where both are given.
    assert.equal(
      readInitializationSettings({ settings: { reflectLint: { defaultUnit: 'crm-principles' } } })?.defaultUnit,
      'crm-principles',
    );
    assert.equal(
      readInitializationSettings({
        settings: { reflectiveAccounts: { defaultUnit: 'external-customers' }, reflectLint: { defaultUnit: 'x' } },
      })?.defaultUnit,
      'external-customers',
    );
    assert.equal(readInitializationSettings({ settings: { reflectLint: { debounceMs: 40 } } })?.debounceMs, 40);
    assert.equal(readInitializationSettings({ settings: { debounceMs: 40 } })?.debounceMs, 40);
    assert.equal(readInitializationSettings({ debounceMs: 40 })?.debounceMs, 40);
    assert.equal(readInitializationSettings(undefined), undefined);
  });
});

describe('language server: what to add next', function () {
  this.timeout(20_000);
  let h: Harness | undefined;
  afterEach(() => h?.close());
  const MISSING = new Set(['cycle-stage-missing', 'criterion-not-evidenced']);
  const lensesOf = (uri: string) =>
    h!.client.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });

  it('puts the account’s summary in a CodeLens on its title line, in words, running showNextSteps', async () => {
    h = await startHarness();
    assert.deepEqual(h.initialized.capabilities.codeLensProvider, { resolveProvider: false });
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    const { diagnostics } = await h.waitForDiagnostics(uri);
    // The title's account-wide findings are one "What to add next:" diagnostic (src/server/diagnostics.ts).
    const toFix = diagnostics.filter(
      (d) => !MISSING.has(String(d.code)) && !d.message.startsWith('What to add next:'),
    ).length;
    assert.ok(toFix > 1);
    const coverage = await h.waitForCoverage(uri);
    const lenses = await lensesOf(uri);
    assert.equal(lenses.length, 1);
    const title = ACCOUNT.split('\n').indexOf('# A missed bin collection');
    assert.deepEqual(lenses[0].range.start, { line: title, character: 0 });
    const evidenced = coverage.criteria.filter((c) => c.status === 'evidenced').length;
    const stages = coverage.stages.filter((s) => s.present).length;
    assert.deepEqual(lenses[0].command, {
      title: `AC ${evidenced} of 5 · Cycle ${stages} of 6 · ${toFix} to fix`,
      command: 'reflectLint.showNextSteps',
      arguments: [uri],
    });
    assert.equal(coverage.summary?.text, lenses[0].command!.title);
    assert.equal(
      coverage.summary?.label,
      `${evidenced} of 5 criteria evidenced, ${stages} of 6 service-cycle stages shown, ${toFix} findings to fix.`,
    );
    assert.equal(coverage.learner, 'accounts');
  });

  it('shows no CodeLens with reflectiveAccounts.codeLens off, and asks the client to ask again when it changes', async () => {
    h = await startHarness(
      { codeLens: false },
      {},
      { capabilities: { workspace: { configuration: true, codeLens: { refreshSupport: true } } } },
    );
    await h.configured;
    await h.waitForRequest('workspace/codeLens/refresh');
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    await h.waitForDiagnostics(uri);
    assert.deepEqual(await lensesOf(uri), []);
    h.requests.length = 0;
    h.settings = {};
    await h.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // Sent once the new settings are in effect.
    await h.waitForRequest('workspace/codeLens/refresh');
    assert.equal((await lensesOf(uri)).length, 1);
  });

  it('sends What to add next with the coverage, and says it to a client that runs showNextSteps', async () => {
    h = await startHarness();
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    const coverage = await h.waitForCoverage(uri);
    assert.ok(coverage.nextSteps.some((s) => s.kind === 'stage'));
    assert.ok(coverage.nextSteps.some((s) => s.kind === 'criterion' && s.status === 'missing'));
    const steps = await h.client.sendRequest('workspace/executeCommand', {
      command: 'reflectLint.showNextSteps',
      arguments: [uri],
    });
    assert.deepEqual(steps, coverage.nextSteps);
    const shown = (await h.waitForRequest('window/showMessage')).params as { type: number; message: string };
    assert.equal(shown.type, 3);
    const lines = shown.message.split('\n');
    assert.equal(lines[0], 'What to add next:');
    assert.deepEqual(
      lines.slice(1),
      coverage.nextSteps.map((s) => `${s.title}: ${s.advice}`),
    );
    await assert.rejects(
      h.client.sendRequest('workspace/executeCommand', { command: 'reflectLint.showNextSteps', arguments: [] }),
      /open account/,
    );
  });

  it('gives the paragraph for a missing criterion at the end of the account, with its gaps as tab stops', async () => {
    h = await startHarness();
    const uri = await h.open('accounts/bins.md', ACCOUNT);
    await h.waitForCoverage(uri);
    type Answer = { edits: TextEdit[]; snippets: Array<{ range: TextEdit['range']; snippet: string }> } | null;
    const answer = await h.client.sendRequest<Answer>('reflectLint/criterionParagraph', { uri, id: '5' });
    assert.ok(answer);
    const after = apply(ACCOUNT, answer.edits);
    assert.ok(after.startsWith(ACCOUNT));
    assert.match(after.slice(ACCOUNT.length), /^\n## AC 5\n\n\[Say what happened: .*\(AC 5\)\.\n$/);
    assert.equal(answer.snippets.length, 1);
    assert.deepEqual(answer.snippets[0].range, answer.edits[0].range);
    assert.match(
      answer.snippets[0].snippet,
      /^\n## AC 5\n\n\$\{1:\[Say what happened: the customer, what they needed and when\.\]\} \$\{2:\[Say what you did/,
    );
    assert.equal(await h.client.sendRequest('reflectLint/criterionParagraph', { uri, id: '42' }), null);
    assert.equal(
      await h.client.sendRequest('reflectLint/criterionParagraph', { uri: `${uri}-not-open`, id: '5' }),
      null,
    );
  });
});

describe('the analyser warm-up', () => {
  it('runs the rules, the rubric and the ranking on its small account', () => {
    const { result, notices } = analyzeAccount(WARM_UP_ACCOUNT);
    assert.deepEqual(notices, []);
    assert.equal(result.rubric, 'customer-relations');
    const rules = new Set(result.findings.map((f) => f.rule));
    for (const rule of [
      'vague-standard',
      'personal-data',
      'hypothetical-language',
      'unfilled-placeholder',
      'unknown-criterion',
      'missing-demonstrates-link',
    ])
      assert.ok(rules.has(rule), `${rule} ran: ${[...rules].join(', ')}`);
    assert.ok(
      result.paragraphs.some((p) => p.suggestedCriteria.length > 0),
      'paragraphs were ranked',
    );
  });
});
