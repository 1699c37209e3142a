/**
 * `reflect-lint --explain`, end to end: the built command on fixture accounts that carry their
 * expectations (`<!-- explain-next-line: {...} -->` for the line below, `<!-- explain: {...} -->` for
 * the account), checked in the JSON `explain` object and in the text. And the trace changes nothing:
 * an explained analysis gives exactly the result of a plain one, on every labelled account.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analyzeAccount,
  explainAccount,
  REASONS,
  STAGE_TITLES,
  type Explanation,
  type Stage,
} from '../src/core/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'reflect-lint.cjs');
const FIX = 'test/fixtures/explain';

interface Expectation {
  line: number;
  stage?: string;
  evidence?: string;
  notCounted?: string;
  words?: string;
  skipped?: string;
  criterion?: string;
  cited?: boolean;
  supports?: boolean;
  word?: string;
  check?: string;
  found?: string;
  present?: string[];
  absent?: string[];
}

/** The fixture's expectations, each with the 1-based line it is about (0 for the whole account). */
function expectations(text: string): Expectation[] {
  const lines = text.split('\n');
  const out: Expectation[] = [];
  lines.forEach((l, i) => {
    const m = /^<!-- explain(-next-line)?: (\{.*\}) -->$/.exec(l);
    if (!m) return;
    let target = 0;
    if (m[1]) {
      target = i + 1;
      while (lines[target]?.startsWith('<!--')) target++;
      target++;
    }
    out.push({ line: target, ...(JSON.parse(m[2]) as Omit<Expectation, 'line'>) });
  });
  return out;
}

function command(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixtures = readdirSync(join(root, FIX)).filter((f) => f.endsWith('.md'));

describe('reflect-lint --explain', () => {
  it('has fixtures with expectations', () => {
    assert.ok(fixtures.length >= 1);
    for (const f of fixtures) assert.ok(expectations(readFileSync(join(root, FIX, f), 'utf8')).length >= 5, f);
  });

  for (const f of fixtures) {
    const path = `${FIX}/${f}`;
    const expected = expectations(readFileSync(join(root, path), 'utf8'));

    it(`${f}: the JSON explain object says what matched where and why the rest did not count`, () => {
      const r = command(['--explain', '--format', 'json', path]);
      assert.equal(r.stderr, '');
      const file = (
        JSON.parse(r.stdout) as {
          version: number;
          files: Array<{ explain: Explanation; stages: Record<string, unknown[]> }>;
        }
      ).files[0];
      const e = file.explain;
      for (const x of expected) {
        const what = JSON.stringify(x);
        if (x.present) for (const s of x.present) assert.ok(e.stages.find((y) => y.stage === s)?.present, what);
        if (x.absent) for (const s of x.absent) assert.equal(e.stages.find((y) => y.stage === s)?.present, false, what);
        if (x.stage) {
          const stage = e.stages.find((y) => y.stage === x.stage)!;
          if (x.evidence)
            assert.ok(
              stage.evidence.some((ev) => ev.matched.some((m) => m.line === x.line && m.words === x.evidence)),
              `${what}\n${JSON.stringify(stage.evidence)}`,
            );
          if (x.notCounted)
            assert.ok(
              stage.notCounted.some(
                (n) => n.reason === x.notCounted && n.matched.some((m) => m.line === x.line && m.words === x.words),
              ),
              `${what}\n${JSON.stringify(stage.notCounted)}`,
            );
        }
        if (x.skipped)
          assert.ok(
            e.skipped.some((k) => k.reason === x.skipped && k.sentence.line === x.line),
            what,
          );
        if (x.criterion) {
          const c = e.criteria.find((y) => y.id === x.criterion)!;
          const p = c.paragraphs.find((y) => y.at.line === x.line);
          assert.ok(p, `${what}\n${JSON.stringify(c)}`);
          assert.equal(p.cited, x.cited, what);
          assert.equal(p.supports, x.supports, what);
          assert.equal(p.supports, p.score >= e.supportMinimum, what);
          if (x.word)
            assert.ok(
              p.words.some((w) => w.words === x.word && w.line === x.line),
              what,
            );
        }
        if (x.check) {
          const c = e.checks.find((y) => y.id === x.check)!;
          if (x.found)
            assert.ok(
              c.found.some((h) => h.at.line === x.line && h.at.words === x.found),
              what,
            );
          if (x.notCounted)
            assert.ok(
              c.notCounted.some((n) => n.reason === x.notCounted && n.at.line === x.line && n.at.words === x.words),
              `${what}\n${JSON.stringify(c.notCounted)}`,
            );
        }
      }
      // Every stage the contract's `stages` lists has its evidence explained, sentence for sentence.
      for (const s of e.stages) assert.equal(s.evidence.length, file.stages[s.stage].length, s.stage);
    });

    it(`${f}: the text says the same after the findings, as file:line:col and the words`, () => {
      const r = command(['--explain', path]);
      assert.equal(r.stderr, '');
      const lines = r.stdout.split('\n');
      const start = lines.findIndex((l) => l.startsWith(`Why ${path}`));
      assert.ok(start > 0, 'the explanation follows the findings and the summary');
      const at = (line: number, ...parts: string[]) =>
        lines.slice(start).some((l) => l.trim().startsWith(`${path}:${line}:`) && parts.every((p) => l.includes(p)));
      for (const x of expected) {
        const what = JSON.stringify(x);
        if (x.evidence) assert.ok(at(x.line, 'shown by', `"${x.evidence}"`), what);
        if (x.notCounted)
          assert.ok(at(x.line, 'not counted', `"${x.words}"`, REASONS[x.notCounted as keyof typeof REASONS]), what);
        if (x.skipped) assert.ok(at(x.line, REASONS[x.skipped as keyof typeof REASONS]), what);
        if (x.criterion) assert.ok(at(x.line, x.supports ? 'shows it' : 'does not show it'), what);
        if (x.found) assert.ok(at(x.line, `found "${x.found}"`), what);
        for (const s of x.present ?? [])
          assert.ok(lines.includes(`  ${STAGE_TITLES[s as Stage]}: shown`), `${what}: ${s}`);
        for (const s of x.absent ?? [])
          assert.ok(lines.includes(`  ${STAGE_TITLES[s as Stage]}: not shown`), `${what}: ${s}`);
      }
    });
  }

  it('refuses formats it cannot explain, in one line', () => {
    const r = command(['--explain', '--format', 'sarif', `${FIX}/${fixtures[0]}`]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^reflect-lint: --explain goes with the text and json formats/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  it('without --explain the JSON has no explain object', () => {
    const r = command(['--format', 'json', `${FIX}/${fixtures[0]}`]);
    assert.equal((JSON.parse(r.stdout) as { files: Array<Record<string, unknown>> }).files[0].explain, undefined);
  });

  it('the trace changes no decision: an explained analysis gives the plain result on every labelled account', () => {
    let n = 0;
    for (const dir of ['test/corpus', 'test/corpus-2', 'test/corpus-3', '../shared/eval-dev']) {
      const accounts = join(root, dir, 'accounts');
      let names: string[];
      try {
        names = readdirSync(accounts).filter((x) => x.endsWith('.md'));
      } catch {
        continue;
      }
      const labels = JSON.parse(readFileSync(join(root, dir, 'labels.json'), 'utf8')) as Array<{
        file: string;
        rubric?: string;
      }>;
      for (const name of names) {
        const text = readFileSync(join(accounts, name), 'utf8');
        const rubric = labels.find((l) => l.file === name)?.rubric;
        const plain = analyzeAccount(text, { rubric }).result;
        const { analysis, explanation } = explainAccount(text, { rubric });
        assert.deepEqual(analysis.result, plain, name);
        for (const s of explanation.stages)
          assert.equal(s.evidence.length, plain.stages[s.stage as Stage].length, `${name} ${s.stage}`);
        n++;
      }
    }
    assert.ok(n >= 30, `${n} accounts`);
  });
});
