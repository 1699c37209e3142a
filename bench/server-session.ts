/**
 * One real language-server session over stdio, for bench/bench.ts: the server spawned as the VS Code
 * extension starts it (the same Node flags, src/server/node-flags.ts), the account opened, then typed
 * into one character per incremental didChange, each edit's publishDiagnostics awaited.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { SERVER_NODE_FLAGS } from '../src/server/node-flags.js';

const serverBundle = join(import.meta.dirname, '..', 'dist', 'server.cjs');

export interface Session {
  coldMs: number;
  /** Milliseconds from each didChange to the publishDiagnostics of its version. */
  editMs: number[];
  /** One remark-parse of the text after each edit, timed here once its diagnostics had arrived. */
  editParseMs: number[];
  rssMB?: number;
  /** Whether the server took the typing delay of 0 (reflectiveAccounts.debounceMs) rather than its own. */
  debounceSetting: boolean;
}

/** The server's resident set now, from /proc (Linux), else from ps. */
function rssMB(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux
  }
  return Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim()) / 1024;
}

/** Prose lines (not headings, lists, tables, quotes or front matter) to type at the end of, spread over the account. */
function typingLines(lines: string[]): number[] {
  const end = lines.indexOf('---', 1);
  const prose = lines
    .map((l, i) => i)
    .filter((i) => i > end && lines[i].length > 60 && /^[A-Z]/.test(lines[i]) && /[.!?]$/.test(lines[i]));
  return Array.from({ length: 8 }, (_, k) => prose[Math.floor(((k + 0.5) * prose.length) / 8)]);
}

/**
 * One real session: spawn the server, initialize with a typing delay of 0, open the account, wait for its
 * first diagnostics; then type `edits` characters, one incremental didChange each, awaiting each edit's
 * diagnostics (a sentence at the end of a paragraph, moving to another paragraph after each sentence).
 */
export async function serverSession(
  text: string,
  edits: number,
  parseMs: (text: string) => number,
  nodeFlags: readonly string[] = SERVER_NODE_FLAGS,
): Promise<Session> {
  const folder = mkdtempSync(join(tmpdir(), 'reflect-lint-bench-lsp-'));
  const uri = pathToFileURL(join(folder, 'account.md')).href;
  // debounceMs 0: measure the analysis, not the typing delay. Given both ways the server may read it (the
  // reflectiveAccounts section through workspace/configuration, or initialization options), in both shapes.
  const reflectiveAccounts = { debounceMs: 0 };
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, serverBundle, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting: Array<{ version: number; resolve: (t: number) => void }> = [];
  let latest = -1;
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    if (p.uri !== uri) return;
    const now = performance.now();
    latest = Math.max(latest, p.version ?? latest);
    for (let i = waiting.length - 1; i >= 0; i--)
      if (p.version === undefined || p.version >= waiting[i].version) waiting.splice(i, 1)[0].resolve(now);
  });
  conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
    p.items.map((item) => (item.section === 'reflectiveAccounts' ? reflectiveAccounts : null)),
  );
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification(() => undefined);
  conn.listen();
  const diagnosticsOf = (version: number) =>
    new Promise<number>((resolve, reject) => {
      if (latest >= version) return resolve(performance.now());
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within 60 s`)), 60_000);
      waiting.push({ version, resolve: (t) => (clearTimeout(timer), resolve(t)) });
    });
  try {
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: { settings: { ...reflectiveAccounts, reflectiveAccounts } },
    });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    const coldMs = (await diagnosticsOf(1)) - t0;

    const lines = text.split('\n');
    const targets = typingLines(lines);
    const sentence = ' I rang her back the next morning to check.';
    const editMs: number[] = [];
    const editParseMs: number[] = [];
    for (let e = 0; e < edits; e++) {
      const line = targets[Math.floor(e / sentence.length) % targets.length];
      const ch = sentence[e % sentence.length];
      const at = { line, character: lines[line].length };
      lines[line] += ch;
      const version = e + 2;
      const t = performance.now();
      await conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: at, end: at }, text: ch }],
      });
      editMs.push((await diagnosticsOf(version)) - t);
      // The server is idle now: one parse of the same text here, interleaved edit by edit.
      editParseMs.push(parseMs(lines.join('\n')));
    }
    const rss = edits ? rssMB(child.pid!) : undefined;
    return {
      coldMs,
      editMs,
      editParseMs,
      rssMB: rss,
      debounceSetting: readFileSync(serverBundle, 'utf8').includes('debounceMs'),
    };
  } finally {
    conn.dispose();
    child.kill();
    rmSync(folder, { recursive: true, force: true });
  }
}
