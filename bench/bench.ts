/**
 * `npm run bench`: prints ratios, asserts nothing (speed targets are not tests).
 * 1. Full analyze() of a 6,000-word account against remark-parse alone on the same text, in one
 *    process, median of 30 runs each after warm-up, heap collected before each block. Target ≤ 1.5 (markdownlint is about 1.8).
 * 2. 1,000 accounts through the built CLI in one run. Target under 5 s.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { createRequire } from 'node:module';

// The built bundle, as users run it (not the TypeScript sources through a loader).
const { analyze } = createRequire(import.meta.url)('../dist/core.cjs') as typeof import('../src/core/index.js');

const root = join(import.meta.dirname, '..');
const sources = [join(root, 'test', 'corpus', 'accounts'), join(root, 'examples')].flatMap((d) =>
  readdirSync(d).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(d, f), 'utf8').replace(/^---[\s\S]*?---\n/, '')),
);

function account(words: number): string {
  const parts: string[] = ['---\nunit: customer-relations\n---\n'];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const s = sources[i % sources.length].replace(/^# /gm, '## ');
    parts.push(`## Example ${i + 1}\n\n${s.replace(/^#+ .*$/gm, '')}`);
    count += s.split(/\s+/).filter(Boolean).length;
  }
  return parts.join('\n\n');
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * Median of each function's runs, measured in separate blocks after a shared warm-up; the heap is
 * collected before each block (run with --expose-gc), so neither side pays for the other's garbage.
 */
function medians(fns: Array<() => void>, runs = 30, warmup = 10): number[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  return fns.map((fn) => {
    gc();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      fn();
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
  });
}

const text = account(6000);
const words = text.split(/\s+/).filter(Boolean).length;
const parser = unified().use(remarkParse);
const [parse, full] = medians([() => parser.parse(text), () => analyze(text)]);
console.log(`analyze vs remark-parse on one ${words}-word account (${(text.length / 1024).toFixed(0)} KB), median of 30 runs each:`);
console.log(`  remark-parse alone  ${parse.toFixed(1)} ms`);
console.log(`  analyze (all rules) ${full.toFixed(1)} ms`);
console.log(`  ratio               ${(full / parse).toFixed(2)}  (target ≤ 1.5; markdownlint ≈ 1.8)`);

const dir = mkdtempSync(join(tmpdir(), 'reflect-lint-bench-'));
try {
  for (let i = 0; i < 1000; i++) writeFileSync(join(dir, `account-${String(i).padStart(4, '0')}.md`), `---\nunit: customer-relations\n---\n\n${sources[i % sources.length]}`);
  const bin = join(root, 'bin', 'reflect-lint.cjs');
  const t = performance.now();
  const run = spawnSync(process.execPath, [bin, '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t) / 1000;
  const files = JSON.parse(run.stdout).files.length;
  console.log(`1,000 accounts through the CLI: ${seconds.toFixed(2)} s for ${files} files (${(files / seconds).toFixed(0)} accounts/s; target under 5 s), exit ${run.status}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
