/**
 * The language server as VS Code for the Web runs it: the built worker bundle (dist/web/server.js,
 * made by `node esbuild.js`) in a bare context with no require, process, Buffer or fs, speaking LSP
 * over the worker's postMessage. It reads the workspace only through the reflectLint/fs/* requests,
 * answered here from an in-memory workspace on a non-file scheme (as github.dev's vscode-vfs:).
 * Every wait is on a message from the server.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const BUNDLE = join(import.meta.dirname, '..', 'dist', 'web', 'server.js');
const ROOT = 'vscode-test-web://mount/portfolio';

/** A centre's own unit (the same file the server and web e2e tests use). */
const RUBRIC = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'centre-rubrics', 'dog-grooming.json'), 'utf8'),
);

/** The workspace the "editor" serves: path under ROOT → text. */
const FILES: Record<string, string> = {
  'rubrics/dog-grooming.json': JSON.stringify(RUBRIC),
  'rubrics/broken.json': '{ "id": "broken", ',
  'accounts/closed.md': '---\nunit: customer-relations\n---\n\nI always give good service.\n',
  'notes/README.md': '# Notes\n',
};

interface Message {
  id?: number | string;
  method?: string;
  params?: any;
  result?: any;
  error?: any;
}

function entries(uri: string): Array<[string, number]> | null {
  const dir = uri.slice(ROOT.length).replace(/^\//, '');
  const prefix = dir ? `${dir}/` : '';
  const names = new Map<string, number>();
  for (const path of Object.keys(FILES)) {
    if (!path.startsWith(prefix)) continue;
    const [first, ...rest] = path.slice(prefix.length).split('/');
    names.set(first, rest.length ? 2 : 1);
  }
  return names.size ? [...names] : null;
}

/** The worker bundle in a fresh context, and a client that answers its requests. */
function startWorker() {
  const received: Message[] = [];
  const waiters: Array<() => void> = [];
  const fsRequests: string[] = [];
  const context = vm.createContext({ TextDecoder, TextEncoder, setTimeout, clearTimeout, console, URL });
  const global = context as Record<string, any>;
  global.self = context;
  global.addEventListener = () => {};
  const deliver = (m: Message) => setTimeout(() => global.onmessage({ data: m }), 0);
  global.postMessage = (m: Message) => {
    if (m.method && m.id !== undefined) {
      // A request from the server: answer it as VS Code's client would.
      fsRequests.push(m.method);
      let result: unknown = null;
      if (m.method === 'workspace/configuration') result = [{}];
      else if (m.method === 'reflectLint/fs/readDirectory') result = entries(m.params.uri);
      else if (m.method === 'reflectLint/fs/readFile') {
        const text = FILES[m.params.uri.slice(ROOT.length + 1)];
        result = text === undefined ? { error: 'FileNotFound' } : { bytes: Array.from(new TextEncoder().encode(text)) };
      }
      deliver({ id: m.id, result });
      return;
    }
    received.push(m);
    waiters.splice(0).forEach((w) => w());
  };
  vm.runInContext(readFileSync(BUNDLE, 'utf8'), context, { filename: BUNDLE });

  let next = 0;
  const waitFor = (test: (m: Message) => boolean, what: string) =>
    new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 10_000);
      const check = () => {
        const hit = received.find(test);
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        } else waiters.push(check);
      };
      check();
    });
  return {
    context,
    fsRequests,
    notify: (method: string, params: unknown) => deliver({ method, params }),
    async request(method: string, params: unknown) {
      const id = ++next;
      deliver({ id, method, params });
      const answer = await waitFor((m) => m.id === id && !m.method, `the answer to ${method}`);
      if (answer.error) throw new Error(answer.error.message);
      return answer.result;
    },
    diagnostics: (uri: string, test: (d: any[]) => boolean = () => true) =>
      waitFor(
        (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && test(m.params.diagnostics),
        `diagnostics for ${uri}`,
      ).then((m) => m.params.diagnostics as any[]),
  };
}

describe('the language server in a web worker (dist/web/server.js)', function () {
  this.timeout(20_000);

  it('has no Node globals to lean on', () => {
    const code = readFileSync(BUNDLE, 'utf8');
    assert.doesNotMatch(code, /\brequire\(["']/, 'the worker bundle requires nothing');
  });

  it('checks an account, reads rubric folders and the workspace through the client, and writes the report', async () => {
    const w = startWorker();
    const init = await w.request('initialize', {
      processId: null,
      rootUri: ROOT,
      workspaceFolders: [{ uri: ROOT, name: 'portfolio' }],
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { fileSystem: true },
    });
    assert.equal(init.serverInfo.name, 'reflect-lint');
    w.notify('initialized', {});
    assert.equal(typeof (w.context as Record<string, unknown>).process, 'undefined');

    // The broken rubric file, read through the client, shows its problem.
    const broken = await w.diagnostics(`${ROOT}/rubrics/broken.json`, (d) => d.length > 0);
    assert.match(broken[0].message, /cannot be used/);

    // An open account on the workspace's scheme: the bundled unit and the workspace's own both work.
    const bundled = `${ROOT}/accounts/bins.md`;
    w.notify('textDocument/didOpen', {
      textDocument: {
        uri: bundled,
        languageId: 'markdown',
        version: 1,
        text: '---\nunit: customer-relations\n---\n\nWe always give good service (AC 9).\n',
      },
    });
    const d = await w.diagnostics(bundled, (x) => x.length > 0);
    const vague = d.find((x) => x.code === 'vague-standard');
    assert.ok(vague, `no vague-standard in ${d.map((x) => x.code).join(', ')}`);
    assert.equal(vague.range.start.line, 4);
    assert.ok(d.some((x) => x.code === 'unknown-criterion'));

    const groom = `${ROOT}/accounts/groom.md`;
    w.notify('textDocument/didOpen', {
      textDocument: {
        uri: groom,
        languageId: 'markdown',
        version: 1,
        text: '---\nunit: dog-grooming\n---\n\nI asked the owner about the trim and agreed a collection time of 3pm (AC 3).\n',
      },
    });
    const g = await w.diagnostics(groom, (x) => x.length > 0);
    assert.ok(
      g.some((x) => x.code === 'unknown-criterion'),
      'the workspace rubric is in use: AC 3 is unknown to it',
    );
    assert.ok(!g.some((x) => x.code === 'unknown-unit'));

    // The workspace report walks the folders and reads the closed account through the client.
    const report = await w.request('reflectLint/report', { uris: 'workspace', format: 'md' });
    assert.equal(report.accounts, 1, report.content);
    assert.match(report.content, /accounts\/closed\.md/);
    assert.doesNotMatch(report.content, /README/);
    assert.ok(
      w.fsRequests.includes('reflectLint/fs/readFile') && w.fsRequests.includes('reflectLint/fs/readDirectory'),
    );
  });
});
