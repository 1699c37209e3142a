/**
 * `node esbuild.js && node --expose-gc --import tsx bench/incremental.ts [--quick]`: what one edit costs
 * the analyser through an AccountSession (src/core/incremental.ts), as a ratio to one full remark-parse
 * of the same text, on the 6,000-word account of bench/bench.ts. It asserts nothing.
 *
 * Each run makes one edit and times, side by side, session.update(the edited text) and one remark-parse
 * of that text, in turn first (the machine is shared and its load drifts, so only ratios measured run by
 * run are figures), each from a collected heap. The edit goes to three sessions in the same state, each
 * update timed next to its own parse: the first pair gives the plain ratio, and the least of the three
 * timings of each side a second one, with what other processes' load adds to either side taken out. The target of the issue "Speed" is on the first line:
 * p95 ≤ 0.5 for a one-character edit in the middle of a paragraph. The other lines are for reference:
 * a character typed in a list item, and an edit that adds block syntax (a blank line splitting a
 * paragraph), which parses the whole text again.
 *
 * bench/bench.ts can print the same figures: `import { editFigures } from './incremental.js'` and
 * `editFigures(text, rounds)` returns each kind's ratios, run by run (`ratios`, and `leastRatios`).
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { account } from './account.js';

// The built bundle, as users run it (not the TypeScript sources through a loader).
const core = createRequire(import.meta.url)('../dist/core.cjs') as typeof import('../src/core/index.js');

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const parser = unified().use(remarkParse);

/** A small deterministic generator, so that every run of the script makes the same edits. */
function random(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type EditKind = 'paragraph' | 'list item' | 'block syntax';

/** An edit of `kind` at a random place of the account as the session last read it: the new text. */
function edit(
  kind: EditKind,
  session: InstanceType<typeof core.AccountSession>,
  rand: () => number,
  run: number,
): string {
  const doc = session.analysis!.document;
  const text = doc.text;
  const blocks = doc.blocks.filter(
    (b) => (kind === 'list item' ? b.kind === 'list-item' : b.kind === 'paragraph') && b.end - b.start >= 40,
  );
  const b = blocks[Math.floor(rand() * blocks.length)];
  // Somewhere in the middle half of the block.
  const at = b.start + Math.floor((b.end - b.start) * (0.25 + rand() / 2));
  if (kind === 'block syntax') {
    // A paragraph split in two at a space, or two joined again.
    const space = text.indexOf(' ', at);
    return text.slice(0, space) + '\n\n' + text.slice(space + 1);
  }
  // Typing a letter, then deleting one, so the account keeps its length.
  return run % 2 === 0 ? text.slice(0, at) + 'e' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
}

export interface EditFigures {
  /** Per kind of edit, run by run: session.update time / one remark-parse time, each timed once. */
  ratios: Record<EditKind, number[]>;
  /** The same with each side the least of `repeats` timings (identical sessions given the same edit): what load on the machine adds taken out. */
  leastRatios: Record<EditKind, number[]>;
  /** Per kind, run by run, the milliseconds of each side (timed once). */
  editMs: Record<EditKind, number[]>;
  parseMs: Record<EditKind, number[]>;
  /** How many of the updates parsed only the edited block. */
  blockOnly: Record<EditKind, number>;
}

/**
 * Runs `rounds` edits of each kind (after `warmup` untimed ones) on `text`. Each edit goes to `repeats`
 * sessions kept in the same state, each update timed next to a remark-parse of the same text, in turn first.
 */
export function editFigures(text: string, rounds: number, { warmup = 20, repeats = 3 } = {}): EditFigures {
  const kinds: EditKind[] = ['paragraph', 'list item', 'block syntax'];
  const empty = () => Object.fromEntries(kinds.map((k) => [k, [] as number[]])) as Record<EditKind, number[]>;
  const figures: EditFigures = {
    ratios: empty(),
    leastRatios: empty(),
    editMs: empty(),
    parseMs: empty(),
    blockOnly: { paragraph: 0, 'list item': 0, 'block syntax': 0 },
  };
  for (const kind of kinds) {
    const sessions = Array.from({ length: repeats }, () => new core.AccountSession());
    for (const s of sessions) s.update(text);
    const rand = random(7);
    for (let r = 0; r < warmup + rounds; r++) {
      // Block syntax edits go back to the account as it was, so each splits one paragraph of it.
      if (kind === 'block syntax' && r % 2 === 1) for (const s of sessions) s.update(text);
      const next = edit(kind, sessions[0], rand, r);
      const editMs: number[] = [];
      const parseMs: number[] = [];
      for (let k = 0; k < repeats; k++) {
        const timeEdit = () => {
          gc();
          const t = performance.now();
          sessions[k].update(next);
          editMs.push(performance.now() - t);
        };
        const timeParse = () => {
          gc();
          const t = performance.now();
          parser.parse(next);
          parseMs.push(performance.now() - t);
        };
        if ((r + k) % 2 === 0) {
          timeEdit();
          timeParse();
        } else {
          timeParse();
          timeEdit();
        }
      }
      if (r < warmup) continue;
      figures.ratios[kind].push(editMs[0] / parseMs[0]);
      figures.leastRatios[kind].push(Math.min(...editMs) / Math.min(...parseMs));
      figures.editMs[kind].push(editMs[0]);
      figures.parseMs[kind].push(parseMs[0]);
      if (sessions[0].lastUpdate === 'block') figures.blockOnly[kind]++;
    }
  }
  return figures;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.ceil(at)] - sorted[lo]) * (at - lo);
}

const fmt = (x: number) => (x >= 10 ? x.toFixed(1) : x.toFixed(3));

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const text = account(6000);
  const rounds = quick ? 40 : 200;
  if (!(globalThis as { gc?: unknown }).gc)
    console.log('(run with --expose-gc: each side is timed from a collected heap)');
  const figures = editFigures(text, rounds);
  const words = text.split(/\s+/).filter(Boolean).length;
  console.log(
    `Edit → analysis through AccountSession / one remark-parse, ${words}-word account, ${rounds} runs each, interleaved run by run`,
  );
  for (const kind of Object.keys(figures.ratios) as EditKind[]) {
    const line = (label: string, ratios: number[], extra: string) => {
      const p95 = quantile(ratios, 0.95);
      const target = kind === 'paragraph' ? `  target p95 ≤ 0.5: ${p95 <= 0.5 ? 'met' : 'NOT MET'}` : '';
      console.log(`  ${label.padEnd(34)} p50 ${fmt(quantile(ratios, 0.5))}  p95 ${fmt(p95)}${extra}${target}`);
    };
    line(
      `${kind} edit`,
      figures.ratios[kind],
      `  (update p50 ${fmt(quantile(figures.editMs[kind], 0.5))} ms, parse p50 ${fmt(quantile(figures.parseMs[kind], 0.5))} ms; ${figures.blockOnly[kind]}/${figures.ratios[kind].length} parsed the block alone)`,
    );
    line(`${kind} edit, least of 3 each side`, figures.leastRatios[kind], '');
  }
}
