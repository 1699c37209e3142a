/**
 * The decision store through any file system (src/shared/assessments.ts), as the extension records decisions
 * through vscode.workspace.fs on the web: the same file as the command line's, validated as its schema says,
 * written whole (a temporary file renamed over it), never over a file that cannot be read, and with two
 * writers at once (two windows, or a window and `reflect-lint assess`) losing neither's decisions.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { link, mkdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import schema from '../src/node/assessments.schema.json' with { type: 'json' };
import { readDecisions } from '../src/node/assessments.js';
import {
  assessmentsProblem,
  AssessmentsError,
  readDecisionsThrough,
  recordDecisionThrough,
  type StoreFiles,
} from '../src/shared/assessments.js';
import type { AssessorDecision } from '../src/core/index.js';
import { runTsxScript } from './tsx-script.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STORE = '/portfolio/.reflect-lint/assessments.json';

function decision(criterion: string, comment = ''): AssessorDecision {
  return {
    learner: 'ben',
    unit: 'customer-relations',
    criterion,
    decision: 'met',
    comment,
    at: '2026-12-02T09:00:00Z',
  };
}

/**
 * Files in memory, every operation a turn of the event loop apart (as an editor's file system is), so that
 * two writers started together interleave; `fail` makes a named operation throw once.
 */
class MemoryFiles implements StoreFiles {
  readonly files = new Map<string, { text: string; at: number }>();
  readonly folders = new Set<string>();
  fail: { op: 'write' | 'rename'; match: RegExp } | undefined;
  private async turn(): Promise<void> {
    await new Promise((r) => setImmediate(r));
  }
  private check(op: 'write' | 'rename', file: string): void {
    if (this.fail?.op === op && this.fail.match.test(file)) {
      this.fail = undefined;
      throw new Error(`no space left (${op})`);
    }
  }
  join = (folder: string, name: string) => `${folder}/${name}`;
  label = (file: string) => file.slice(1);
  async read(file: string) {
    await this.turn();
    return this.files.get(file)?.text;
  }
  async write(file: string, text: string) {
    await this.turn();
    this.check('write', file);
    this.files.set(file, { text, at: Date.now() });
  }
  async rename(from: string, to: string, overwrite: boolean) {
    await this.turn();
    this.check('rename', to);
    const f = this.files.get(from);
    if (!f) throw new Error(`${from} not found`);
    if (!overwrite && this.files.has(to)) throw new Error(`${to} exists`);
    this.files.delete(from);
    this.files.set(to, f);
  }
  async delete(file: string) {
    await this.turn();
    if (!this.files.delete(file)) throw new Error(`${file} not found`);
  }
  async age(file: string) {
    await this.turn();
    const f = this.files.get(file);
    return f ? Date.now() - f.at : undefined;
  }
  async createFolder(folder: string) {
    await this.turn();
    this.folders.add(folder);
  }
  pause = () => this.turn();
  names(): string[] {
    return [...this.files.keys()].sort();
  }
}

describe('the decision store through any file system', () => {
  it('agrees with assessments.schema.json on what a decisions file is', () => {
    const valid = new Ajv().compile(schema);
    const good = decision('1', 'seen');
    const cases: unknown[] = [
      { version: 1, decisions: [] },
      { version: 1, decisions: [good, { ...good, decision: 'referred' }, { ...good, decision: 'not-yet-met' }] },
      { version: 1, decisions: [{ ...good, at: '2026-12-02T09:00' }] },
      null,
      [],
      'text',
      {},
      { version: 1 },
      { decisions: [] },
      { version: 2, decisions: [] },
      { version: '1', decisions: [] },
      { version: 1, decisions: {} },
      { version: 1, decisions: [], more: true },
      { version: 1, decisions: [null] },
      { version: 1, decisions: [[]] },
      { version: 1, decisions: [{ ...good, decision: 'maybe' }] },
      { version: 1, decisions: [{ ...good, learner: '' }] },
      { version: 1, decisions: [{ ...good, unit: '' }] },
      { version: 1, decisions: [{ ...good, criterion: '' }] },
      { version: 1, decisions: [{ ...good, comment: '' }] },
      { version: 1, decisions: [{ ...good, comment: 3 }] },
      { version: 1, decisions: [{ ...good, at: 'yesterday' }] },
      { version: 1, decisions: [{ ...good, at: '2026-12-02' }] },
      { version: 1, decisions: [{ ...good, extra: 1 }] },
      ...['learner', 'unit', 'criterion', 'decision', 'comment', 'at'].map((k) => ({
        version: 1,
        decisions: [Object.fromEntries(Object.entries(good).filter(([key]) => key !== k))],
      })),
      { version: 1, decisions: [good, { ...good, criterion: 7 }] },
    ];
    for (const data of cases)
      assert.equal(
        assessmentsProblem(data) === undefined,
        valid(data),
        `${JSON.stringify(data)}: ${assessmentsProblem(data)}`,
      );
  });

  it('records decisions in .reflect-lint/assessments.json, adding each, leaving no temporary or lock file', async () => {
    const files = new MemoryFiles();
    assert.deepEqual(await readDecisionsThrough(files, '/portfolio'), [], 'no file yet: no decisions');
    assert.equal(await recordDecisionThrough(files, '/portfolio', decision('1')), STORE);
    await recordDecisionThrough(files, '/portfolio', decision('2', 'seen the log'));
    assert.ok(files.folders.has('/portfolio/.reflect-lint'));
    assert.deepEqual(files.names(), [STORE]);
    const stored = JSON.parse(files.files.get(STORE)!.text);
    assert.equal(stored.version, 1);
    assert.deepEqual(stored.decisions, [decision('1'), decision('2', 'seen the log')]);
    assert.deepEqual(await readDecisionsThrough(files, '/portfolio'), stored.decisions);
  });

  it('loses neither decision when two windows record at the same time', async () => {
    const files = new MemoryFiles();
    const each = 20;
    const writer = async (name: string) => {
      for (let i = 1; i <= each; i++) await recordDecisionThrough(files, '/portfolio', decision('1', `${name} ${i}`));
    };
    await Promise.all([writer('one'), writer('two'), writer('three')]);
    const comments = (await readDecisionsThrough(files, '/portfolio')).map((d) => d.comment).sort();
    const expected = ['one', 'two', 'three'].flatMap((n) => Array.from({ length: each }, (_, i) => `${n} ${i + 1}`));
    assert.deepEqual(comments, expected.sort());
    assert.deepEqual(files.names(), [STORE], 'no lock or temporary file left');
  });

  it('never writes over a file that cannot be read, and says why in one line', async () => {
    for (const corrupt of [
      '{ "version": 1, "decisions": [ { "learner": "ben"',
      JSON.stringify({ version: 1, decisions: [{ learner: 'ben', decision: 'maybe' }] }),
    ]) {
      const files = new MemoryFiles();
      files.files.set(STORE, { text: corrupt, at: Date.now() });
      for (const attempt of [
        () => recordDecisionThrough(files, '/portfolio', decision('1')),
        () => readDecisionsThrough(files, '/portfolio'),
      ])
        await assert.rejects(attempt, (e: Error) => {
          assert.ok(e instanceof AssessmentsError);
          assert.match(
            e.message,
            /^portfolio\/\.reflect-lint\/assessments\.json: is not (?:valid JSON|a decisions file) \(.+\); it is left as it is/,
          );
          assert.doesNotMatch(e.message, /\n/);
          return true;
        });
      assert.equal(files.files.get(STORE)!.text, corrupt, 'never overwritten');
      assert.deepEqual(files.names(), [STORE], 'the lock is let go');
    }
  });

  it('keeps the old file whole when writing the new one fails, and removes the temporary file', async () => {
    const files = new MemoryFiles();
    await recordDecisionThrough(files, '/portfolio', decision('1'));
    const before = files.files.get(STORE)!.text;
    for (const op of ['write', 'rename'] as const) {
      files.fail = { op, match: op === 'write' ? /assessments\.json\.(?!lock).*\.tmp$/ : /assessments\.json$/ };
      await assert.rejects(
        recordDecisionThrough(files, '/portfolio', decision('2')),
        /assessments\.json: cannot be written \(no space left/,
      );
      assert.equal(files.files.get(STORE)!.text, before);
      assert.deepEqual(files.names(), [STORE]);
    }
  });

  it('waits for a lock held by another writer, and takes over one left behind', async () => {
    const files = new MemoryFiles();
    files.files.set(`${STORE}.lock`, { text: '4242', at: Date.now() });
    let pauses = 0;
    // The other writer finishes while this one waits.
    files.pause = async () => {
      if (++pauses === 3) files.files.delete(`${STORE}.lock`);
      await new Promise((r) => setImmediate(r));
    };
    await recordDecisionThrough(files, '/portfolio', decision('1'));
    assert.ok(pauses >= 3, 'it waited');
    assert.equal((await readDecisionsThrough(files, '/portfolio')).length, 1);

    // A lock as old as a writer that has gone.
    files.files.set(`${STORE}.lock`, { text: 'web 2026-12-01T00:00:00Z', at: Date.now() - 60_000 });
    await recordDecisionThrough(files, '/portfolio', decision('2'));
    assert.equal((await readDecisionsThrough(files, '/portfolio')).length, 2);
    assert.deepEqual(files.names(), [STORE]);
  });

  it('refuses a decision that is not valid before writing anything', async () => {
    const files = new MemoryFiles();
    await assert.rejects(
      recordDecisionThrough(files, '/portfolio', { ...decision('1'), decision: 'maybe' as 'met' }),
      /the decision is not valid \(decision must be one of met, not-yet-met, referred\)$/,
    );
    assert.deepEqual(files.names(), []);
  });

  describe('on disk, beside `reflect-lint assess`', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'reflect-store-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    /** Files on disk through promises; the rename that must not overwrite is a hard link (fails if the name exists), then unlink. */
    const disk: StoreFiles = {
      join: (folder, name) => join(folder, name),
      label: (file) => file,
      read: (file) =>
        readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') return undefined;
          throw e;
        }),
      write: (file, text) => writeFile(file, text),
      async rename(from, to, overwrite) {
        if (overwrite) return (await import('node:fs/promises')).rename(from, to);
        await link(from, to);
        await unlink(from);
      },
      delete: (file) => rm(file),
      age: (file) =>
        stat(file).then(
          (s) => Date.now() - s.mtimeMs,
          () => undefined,
        ),
      createFolder: async (folder) => void (await mkdir(folder, { recursive: true })),
      pause: (ms) => new Promise((r) => setTimeout(r, ms)),
    };

    it('loses neither the window’s decisions nor the command line’s, written at the same time', async function () {
      this.timeout(60_000);
      const each = 100;
      const portfolio = join(dir, 'portfolio');
      // The command line records its first decision, says so, and records the rest only once the window has
      // recorded one of its own (it looks in the store between short waits), so the two are sure to overlap.
      const script = `import { readDecisions, recordDecision } from ${JSON.stringify(join(root, 'src', 'node', 'assessments.ts'))};
        const record = (i) => recordDecision(${JSON.stringify(portfolio)}, { learner: 'ben', unit: 'customer-relations', criterion: '1', decision: 'met', comment: 'cli ' + i, at: new Date().toISOString() });
        record(1);
        process.stdout.write('recording\\n');
        const pause = new Int32Array(new SharedArrayBuffer(4));
        for (const end = Date.now() + 30000; Date.now() < end && !readDecisions(${JSON.stringify(portfolio)}).some((d) => d.comment.startsWith('window')); ) Atomics.wait(pause, 0, 0, 2);
        for (let i = 2; i <= ${each}; i++) record(i);`;
      let started!: () => void;
      const recording = new Promise<void>((r) => (started = r));
      const cli = runTsxScript(script, { stdout: 'pipe' }, (p) => p.stdout?.on('data', () => started()));
      const window = (async () => {
        await recording;
        for (let i = 1; i <= each; i++) await recordDecisionThrough(disk, portfolio, decision('1', `window ${i}`));
      })();
      const [code] = await Promise.all([cli, window]);
      assert.equal(code, 0);
      const order = readDecisions(portfolio).map((d) => d.comment.split(' ')[0]);
      assert.ok(order.indexOf('window') < order.lastIndexOf('cli'), 'the two wrote at the same time');
      const comments = readDecisions(portfolio)
        .map((d) => d.comment)
        .sort();
      const expected = ['cli', 'window'].flatMap((n) => Array.from({ length: each }, (_, i) => `${n} ${i + 1}`));
      assert.deepEqual(comments, expected.sort());
      assert.deepEqual(readdirSync(join(portfolio, '.reflect-lint')), ['assessments.json']);
      assert.equal(JSON.parse(readFileSync(join(portfolio, '.reflect-lint', 'assessments.json'), 'utf8')).version, 1);
    });
  });
});
