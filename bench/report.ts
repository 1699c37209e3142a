/**
 * The assessor's desk in `npm run bench`: `reflect-lint report --by learner` over 1,000 accounts from
 * 100 learners (target ≤ 5 s), run as an assessor runs it, a separate process on a portfolio folder.
 * The accounts are the labelled corpora's (test/corpus*), each under its unit, ten to a learner
 * (portfolio/learner-NNN/). Like the other sections, each variant's runs are interleaved with the
 * others' and a bare node start, so a change of load falls on all alike. Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { formatPortfolio } from '../src/format/index.js';
import type { PortfolioAccount } from '../src/core/index.js';

// The built core, as the command runs it.
const core = createRequire(import.meta.url)('../dist/core.cjs') as typeof import('../src/core/index.js');

const root = join(import.meta.dirname, '..');

/** The corpora's accounts with their unit in the front matter (from each corpus's labels.json). */
function corpusAccounts(): string[] {
  const out: string[] = [];
  for (const corpus of readdirSync(join(root, 'test'))
    .filter((d) => /^corpus(?:-\d+)?$/.test(d))
    .sort()) {
    const labels = JSON.parse(readFileSync(join(root, 'test', corpus, 'labels.json'), 'utf8')) as Array<{
      file: string;
      rubric: string;
    }>;
    for (const l of labels) {
      const text = readFileSync(join(root, 'test', corpus, 'accounts', l.file), 'utf8').replace(
        /^---[\s\S]*?---\n/,
        '',
      );
      out.push(`---\nunit: ${l.rubric}\n---\n${text}`);
    }
  }
  return out;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function reportFigures(options: { quick: boolean; cliBin: string }): void {
  const dir = mkdtempSync(join(tmpdir(), 'reflect-lint-bench-report-'));
  try {
    const sources = corpusAccounts();
    for (let i = 0; i < 1000; i++) {
      const learner = join(dir, 'portfolio', `learner-${String(Math.floor(i / 10) + 1).padStart(3, '0')}`);
      if (i % 10 === 0) mkdirSync(learner, { recursive: true });
      writeFileSync(join(learner, `account-${(i % 10) + 1}.md`), sources[(i * 7) % sources.length]);
    }
    const variants: Record<string, string[]> = {
      'report --by learner --format html': [
        options.cliBin,
        'report',
        '--by',
        'learner',
        '--format',
        'html',
        'portfolio',
      ],
      'report --by learner --format json': [
        options.cliBin,
        'report',
        '--by',
        'learner',
        '--format',
        'json',
        'portfolio',
      ],
      'report (by account, md)': [options.cliBin, 'report', 'portfolio'],
      'node -e ""': ['-e', ''],
    };
    const names = Object.keys(variants);
    const seconds = Object.fromEntries(names.map((n) => [n, [] as number[]]));
    const rounds = options.quick ? 1 : 3;
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + k) % names.length];
        const t = performance.now();
        const run = spawnSync(process.execPath, variants[name], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
        seconds[name].push((performance.now() - t) / 1000);
        if (run.status !== 0) throw new Error(`${name} exited ${run.status}: ${run.stderr.slice(0, 300)}`);
        if (name.includes('json') && r === 0) {
          const grid = JSON.parse(run.stdout) as {
            units: Array<{ rows: Array<{ learner: string; accounts: string[] }> }>;
          };
          const rows = grid.units.flatMap((u) => u.rows);
          const learners = new Set(rows.map((x) => x.learner)).size;
          const accounts = rows.reduce((n, x) => n + x.accounts.length, 0);
          if (learners !== 100 || accounts !== 1000)
            throw new Error(`${name}: ${learners} learners and ${accounts} accounts in the grid, not 100 and 1,000`);
        }
      }
    }
    // The grid's own share, in this process: the portfolio model and the HTML page over the 1,000 results
    // (each corpus account analysed once, its result reused under each of its paths), against their analysis.
    const analysed = sources.map((text) => ({ text, result: core.analyze(text) }));
    const accounts: PortfolioAccount[] = Array.from({ length: 1000 }, (_, i) => {
      const { text, result } = analysed[(i * 7) % analysed.length];
      return {
        path: `portfolio/learner-${String(Math.floor(i / 10) + 1).padStart(3, '0')}/account-${(i % 10) + 1}.md`,
        text,
        ...result,
      };
    });
    const gridMs: number[] = [];
    const analyseMs: number[] = [];
    for (let r = 0; r < rounds + 1; r++) {
      let t = performance.now();
      formatPortfolio(core.buildPortfolio(accounts, core.bundledRubrics(), { by: 'learner' }), 'html');
      if (r) gridMs.push(performance.now() - t);
      t = performance.now();
      for (const a of analysed) core.analyze(a.text);
      if (r) analyseMs.push(((performance.now() - t) * 1000) / analysed.length);
    }
    const bare = median(seconds['node -e ""']);
    console.log(
      `\n6. The assessor's desk: 1,000 accounts from 100 learners, ${sources.length} corpus accounts under their units (bare node start ${(bare * 1000).toFixed(0)} ms here)`,
    );
    for (const name of names.filter((n) => n !== 'node -e ""')) {
      const s = seconds[name];
      const m = median(s);
      const target = name.includes('--by learner') ? `  target ≤ 5 s: ${m <= 5 ? 'met' : 'NOT MET'}` : '';
      console.log(
        `  ${`${name}: wall seconds`.padEnd(52)} ${`${m.toFixed(2)} s`.padStart(9)} (${Math.min(...s).toFixed(2)}–${Math.max(...s).toFixed(2)})${target}  [${rounds} runs]`,
      );
    }
    const grid = median(gridMs);
    const analysis = median(analyseMs);
    console.log(
      `  ${'grid alone (model + HTML, 100 learners), ms'.padEnd(52)} ${`${grid.toFixed(0)} ms`.padStart(9)}  [${rounds} runs]`,
    );
    console.log(
      `  ${'grid alone / analysing the 1,000 accounts'.padEnd(52)} ${`${((grid / analysis) * 100).toFixed(1)} %`.padStart(9)}  (analysis ${(analysis / 1000).toFixed(1)} s in this process)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: `node --import tsx bench/report.ts [--quick]` (after a build).
if (process.argv[1] === import.meta.filename)
  reportFigures({ quick: process.argv.includes('--quick'), cliBin: join(root, 'bin', 'reflect-lint.cjs') });
