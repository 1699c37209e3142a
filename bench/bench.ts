/**
 * `npm run bench [-- --quick]`: the speed figures of the issue "Speed", each printed next to its target
 * and marked met or not met. It asserts nothing: speed targets are not tests.
 *
 * This machine is shared and its load drifts, so every figure is a ratio of two things measured side by
 * side in one run, given as the median and the spread (p25–p75) over several runs. CPU-bound work is
 * interleaved run by run (a, b, c, then b, c, a, …), never measured in separate blocks, so a change of
 * load falls on both sides of a ratio alike. Where a target is in seconds or megabytes, that figure is
 * printed too, with the ratio beside it that says how much of it the machine's mood explains.
 *
 * 1. analyze() of a 6,000-word account / remark-parse of the same text (targets ≤ 1.5, then ≤ 1.25).
 * 2. The CLI on 1,000 accounts: wall time, CPU time and peak RSS, each against a bare `node -e ""` start in the
 *    same rounds (targets ≤ 3 s, ≤ 200 MB), on one thread and with worker threads (which is the default
 *    depends on the cores: src/cli/workers.ts).
 * 3. The language server's cold start: spawn `node dist/server.cjs --stdio` with the Node flags the extension starts
 *    it with (src/server/node-flags.ts; bench/server-session.ts), initialize, initialized,
 *    didOpen of the 6,000-word account, until its first publishDiagnostics (target ≤ 0.35 s), against
 *    one remark-parse of that text measured between the sessions.
 * 4. The server's RSS after 200 incremental didChange edits of that account (target ≤ 100 MB).
 * 5. Edit → diagnostics p95 through the same real stdio session (each edit's publishDiagnostics awaited)
 *    / one full remark-parse of the text as it then is, parsed here between the edits (target ≤ 0.5);
 *    beside it, the analyser's own share: an AccountSession update in this process against a parse
 *    of the same text, run by run (bench/incremental.ts).
 *
 * --quick: fewer runs, for a rough look while working.
 * --only 1,3: only those parts (1, 2, 3 for 3–5, 6), to look at one figure while working on it.
 * --cli-before FILE: also run another build of the command (a bin or bundle, say the one before a change) on
 *   the same 1,000 accounts in the same rounds, for a before/after side by side.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { lint as markdownlint } from 'markdownlint/sync';
import { account, sources } from './account.js';
import { editFigures } from './incremental.js';
import { workerPolicy } from '../src/cli/workers.js';
import { serverSession, type Session } from './server-session.js';
import { SERVER_NODE_FLAGS } from '../src/server/node-flags.js';

// The built bundle, as users run it (not the TypeScript sources through a loader).
const { analyze } = createRequire(import.meta.url)('../dist/core.cjs') as typeof import('../src/core/index.js');

const quick = process.argv.includes('--quick');
const cliBefore = process.argv.includes('--cli-before')
  ? process.argv[process.argv.indexOf('--cli-before') + 1]
  : undefined;
const only = process.argv.includes('--only')
  ? new Set(process.argv[process.argv.indexOf('--only') + 1].split(',').map(Number))
  : undefined;
const section = (n: number) => !only || only.has(n);
const root = join(import.meta.dirname, '..');
const cliBin = join(root, 'bin', 'reflect-lint.cjs');
const peakRssPreload = join(import.meta.dirname, 'peak-rss.cjs');

// ---- Statistics and printing ------------------------------------------------------------------

interface Spread {
  median: number;
  p25: number;
  p75: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75) };
}

const ratios = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x / b[i]);
const median = (values: readonly number[]) => spread(values).median;

function fmt(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** One figure: its median, its spread, and each target (judged on the median) met or not. */
function row(label: string, s: Spread, unit: string, targets: number[] = [], runs?: number): void {
  const value = `${fmt(s.median)}${unit}`.padStart(9);
  const range = `(${fmt(s.p25)}–${fmt(s.p75)})`.padEnd(15);
  const verdicts = targets.map((t) => `≤ ${t}${unit}: ${s.median <= t ? 'met' : 'NOT MET'}`).join('; ');
  console.log(
    `  ${label.padEnd(52)} ${value} ${range}${verdicts ? ` target ${verdicts}` : ''}${runs ? `  [${runs} runs]` : ''}`,
  );
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * Times each function once per round, rotating which goes first, for `rounds` rounds after `warmup`
 * untimed ones. The heap is collected before each timed call (run with --expose-gc) so that no
 * function pays for the garbage another left. Returns each function's times, round by round.
 */
function interleaved<K extends string>(
  fns: Record<K, () => unknown>,
  rounds: number,
  warmup: number,
): Record<K, number[]> {
  const names = Object.keys(fns) as K[];
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < warmup + rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      gc();
      const t = performance.now();
      fns[name]();
      const dt = performance.now() - t;
      if (r >= warmup) times[name].push(dt);
    }
  }
  return times;
}

const parser = unified().use(remarkParse);
const parse = (text: string) => parser.parse(text);

/** The median of a few remark-parses of `text`, timed now (used between server measurements). */
function parseMs(text: string, n = 5): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    gc();
    const t = performance.now();
    parse(text);
    times.push(performance.now() - t);
  }
  return median(times);
}

const text = account(6000);
const words = text.split(/\s+/).filter(Boolean).length;
const load = () => `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;
console.log(
  `reflect-lint bench${quick ? ' (--quick)' : ''}: medians with p25–p75 over the runs; ${words}-word account (${(text.length / 1024).toFixed(0)} KB); ${load()}\n`,
);

// ---- 1. Full analysis against one parse ---------------------------------------------------------

if (section(1)) {
  const rounds = quick ? 15 : 40;
  const times = interleaved(
    {
      parse: () => parse(text),
      analyze: () => analyze(text),
      // markdownlint, every default rule, on the same text: not a target, a reference point for what a mature
      // Markdown linter (micromark's tokens, ~50 rules) costs over one parse on this machine in this run.
      markdownlint: () => markdownlint({ strings: { account: text } }),
    },
    rounds,
    10,
  );
  console.log(`1. Full analysis / one remark-parse (remark-parse ${fmt(median(times.parse))} ms here)`);
  row('analyze / remark-parse', spread(ratios(times.analyze, times.parse)), '×', [1.5, 1.25], rounds);
  row(
    'markdownlint / remark-parse (reference, no target)',
    spread(ratios(times.markdownlint, times.parse)),
    '×',
    [],
    rounds,
  );
  console.log();
}

// ---- 2. The command line on 1,000 accounts ------------------------------------------------------

interface ProcessRun {
  seconds: number;
  peakMB: number;
  /** CPU seconds, every thread's: what the run cost, whatever else the machine was doing. */
  cpuSeconds: number;
  status: number | null;
  stdoutFile: string;
}

/** Runs node with the peak-RSS preload, standard output to a file; wall time from spawn to exit. */
function runNode(args: string[], env: NodeJS.ProcessEnv, dir: string): ProcessRun {
  const rssFile = join(dir, 'peak-rss');
  const stdoutFile = join(dir, 'stdout');
  const out = openSync(stdoutFile, 'w');
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', peakRssPreload, ...args], {
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, ...env, BENCH_PEAK_RSS_FILE: rssFile },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t) / 1000;
  closeSync(out);
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`node ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  const [kb, micros] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { seconds, peakMB: kb / 1024, cpuSeconds: micros / 1e6, status: r.status, stdoutFile };
}

if (section(2)) {
  const dir = mkdtempSync(join(tmpdir(), 'reflect-lint-bench-'));
  const accounts = join(dir, 'accounts');
  try {
    mkdirSync(accounts);
    for (let i = 0; i < 1000; i++)
      writeFileSync(
        join(accounts, `account-${String(i).padStart(4, '0')}.md`),
        `---\nunit: customer-relations\n---\n\n${sources[i % sources.length]}`,
      );
    // One thread and workers (one per core but one, at least one) side by side; the default is one of them.
    const n = String(Math.max(1, availableParallelism() - 1));
    const threaded = `json, ${n} worker${n === '1' ? '' : 's'}`;
    const byDefault = workerPolicy(1000, {}, availableParallelism()) ? threaded : 'json, one thread';
    const variants = {
      'json, one thread': { args: [cliBin, '--format', 'json', accounts], env: { REFLECT_LINT_WORKERS: '0' } },
      [threaded]: { args: [cliBin, '--format', 'json', accounts], env: { REFLECT_LINT_WORKERS: n } },
      'text, default': { args: [cliBin, accounts], env: {} },
      'node -e ""': { args: ['-e', ''], env: {} },
    } as Record<string, { args: readonly string[]; env: NodeJS.ProcessEnv }>;
    if (cliBefore) variants['json, --cli-before'] = { args: [cliBefore, '--format', 'json', accounts], env: {} };
    type Variant = keyof typeof variants;
    const names = Object.keys(variants) as Variant[];
    const runs = Object.fromEntries(names.map((n) => [n, [] as ProcessRun[]])) as Record<Variant, ProcessRun[]>;
    const rounds = quick ? 1 : 3;
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + k) % names.length];
        const run = runNode([...variants[name].args], variants[name].env, dir);
        if (name.startsWith('json') && r === 0) {
          const files = (JSON.parse(readFileSync(run.stdoutFile, 'utf8')) as { files: unknown[] }).files.length;
          if (files !== 1000) throw new Error(`${name}: ${files} files in the JSON output, not 1,000`);
        }
        runs[name].push(run);
      }
    }
    const bare = runs['node -e ""'];
    console.log(
      `2. CLI, 1,000 accounts (bare node start ${fmt(median(bare.map((b) => b.seconds * 1000)))} ms, ${fmt(median(bare.map((b) => b.peakMB)))} MB here; the default here: ${byDefault.slice(6)})`,
    );
    for (const name of names.filter((n) => n !== 'node -e ""')) {
      const mine = runs[name];
      row(`${name}: wall seconds`, spread(mine.map((m) => m.seconds)), ' s', [3], rounds);
      row(
        `${name}: wall / bare node start`,
        spread(
          ratios(
            mine.map((m) => m.seconds),
            bare.map((b) => b.seconds),
          ),
        ),
        '×',
        [],
        rounds,
      );
      row(`${name}: CPU seconds (all threads)`, spread(mine.map((m) => m.cpuSeconds)), ' s', [], rounds);
      row(`${name}: peak RSS`, spread(mine.map((m) => m.peakMB)), ' MB', [200], rounds);
      row(
        `${name}: peak RSS / bare node`,
        spread(
          ratios(
            mine.map((m) => m.peakMB),
            bare.map((b) => b.peakMB),
          ),
        ),
        '×',
        [],
        rounds,
      );
    }
    const one = runs['json, one thread'];
    row(
      `${threaded} wall / one thread wall`,
      spread(
        ratios(
          runs[threaded].map((m) => m.seconds),
          one.map((m) => m.seconds),
        ),
      ),
      '×',
      [],
      rounds,
    );
    row(
      `${threaded} peak RSS / one thread peak`,
      spread(
        ratios(
          runs[threaded].map((m) => m.peakMB),
          one.map((m) => m.peakMB),
        ),
      ),
      '×',
      [],
      rounds,
    );
    if (cliBefore) {
      const before = runs['json, --cli-before'];
      row(
        `${byDefault} (default) wall / --cli-before wall`,
        spread(
          ratios(
            runs[byDefault].map((m) => m.seconds),
            before.map((m) => m.seconds),
          ),
        ),
        '×',
        [],
        rounds,
      );
      row(
        `${byDefault} (default) peak RSS / --cli-before`,
        spread(
          ratios(
            runs[byDefault].map((m) => m.peakMB),
            before.map((m) => m.peakMB),
          ),
        ),
        '×',
        [],
        rounds,
      );
    }
    console.log();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- 3–5. The language server over stdio ---------------------------------------------------------

if (section(3)) {
  const editSessions = quick ? 1 : 3;
  const coldOnly = quick ? 2 : 4;
  const sessions: Session[] = [];
  const coldParse: number[] = [];
  // Cold-only sessions between the editing ones (0, 200, 0, 200, …): more cold starts for little time.
  // Each editing session is paired with one on Node's default flags, so that what the flags change (memory, and
  // the time an edit takes) is measured side by side.
  const order: Array<{ edits: number; flags?: readonly string[] }> = [];
  for (let cold = coldOnly, edit = editSessions; cold + edit > 0;) {
    if (cold > 0 && (order.length % 3 === 0 || edit === 0)) {
      order.push({ edits: 0 });
      cold--;
    } else {
      const pair = [{ edits: 200 }, { edits: 200, flags: [] }];
      order.push(...(edit % 2 ? pair : pair.reverse()));
      edit--;
    }
  }
  const plain: Session[] = [];
  for (const { edits, flags } of order) {
    const session = await serverSession(text, edits, (t) => parseMs(t, 1), flags);
    if (flags) plain.push(session);
    else {
      sessions.push(session);
      // One parse of the text the server opened, timed between sessions (the server is gone).
      coldParse.push(parseMs(text));
    }
  }
  const cold = sessions.map((s) => s.coldMs);
  const edited = sessions.filter((s) => s.editMs.length);
  console.log(
    `3–5. Language server over stdio, node ${SERVER_NODE_FLAGS.join(' ')} (remark-parse of the account ${fmt(median(coldParse))} ms here)`,
  );
  row('cold start → first diagnostics', spread(cold.map((ms) => ms / 1000)), ' s', [0.35], cold.length);
  row('cold start / one remark-parse', spread(ratios(cold, coldParse)), '×', [], cold.length);
  row('server RSS after 200 edits', spread(edited.map((s) => s.rssMB!)), ' MB', [100], edited.length);
  const p95Of = (s: Session) =>
    quantile(
      [...s.editMs].sort((a, b) => a - b),
      0.95,
    );
  const p95 = edited.map(p95Of);
  row('edit → diagnostics p95, ms', spread(p95), ' ms', [], edited.length);
  row(
    'edit → diagnostics p95 / one remark-parse',
    spread(edited.map((s, i) => p95[i] / median(s.editParseMs))),
    '×',
    [0.5],
    edited.length,
  );
  row('Node defaults (reference): RSS after 200 edits', spread(plain.map((s) => s.rssMB!)), ' MB', [], plain.length);
  row(
    'Node defaults (reference): edit p95 / one parse',
    spread(plain.map((s) => p95Of(s) / median(s.editParseMs))),
    '×',
    [],
    plain.length,
  );
  // The analyser alone, in this process (bench/incremental.ts): what of the edit figure is the analysis.
  const rounds = quick ? 40 : 120;
  const alone = editFigures(text, rounds).ratios.paragraph;
  const blocks = Array.from({ length: 4 }, (_, k) => alone.filter((_, i) => i % 4 === k));
  row(
    'analyser alone: paragraph edit p95 / one parse',
    spread(
      blocks.map((b) =>
        quantile(
          [...b].sort((x, y) => x - y),
          0.95,
        ),
      ),
    ),
    '×',
    [0.5],
    rounds,
  );
  if (!edited.every((s) => s.debounceSetting)) {
    const fastest = Math.min(...edited.flatMap((s) => s.editMs));
    console.log(
      `  note: this server has no reflectiveAccounts.debounceMs setting yet, so every edit figure includes its typing delay (fastest edit ${fmt(fastest)} ms).`,
    );
  }
}
if (section(6)) await (await import('./report.js')).reportFigures({ quick, cliBin }); // 6. the assessor's desk
console.log(`\n${load()} at the end`);
