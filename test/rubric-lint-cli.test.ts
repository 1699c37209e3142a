/**
 * The built command's robustness (issue 9, part 5): a closed pipe on either stream, `rubrics suggest`
 * when no loaded rubric fits, and the `rubrics` subcommands named when one is misspelt.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUBRIC_FIT_MIN } from '../src/core/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'reflect-lint.cjs');
const STACK_FRAME = /^\s+at /m;
const OFF_TOPIC = 'test/fixtures/rubric-lint/accounts/sourdough.md';
const HOUSING = 'test/fixtures/cli/housing-repairs.md';
const PORTFOLIO = 'test/fixtures/cli/portfolio';

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the command with the reading end of stdout, stderr or both closed before it writes a byte. */
async function closedPipe(args: string[], which: 'stdout' | 'stderr' | 'both', env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1', ...env } });
  let stderr = '';
  if (which === 'stderr') child.stdout.resume();
  else child.stdout.destroy();
  if (which === 'stdout') child.stderr.on('data', (d) => (stderr += d));
  else child.stderr.destroy();
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, stderr };
}

describe('reflect-lint writing to a closed pipe', () => {
  const commands: Array<{ args: string[]; env?: NodeJS.ProcessEnv }> = [
    { args: ['rubrics', 'suggest', HOUSING] },
    { args: ['rubrics', 'suggest', OFF_TOPIC] },
    { args: ['rubrics', '--format', 'json'] },
    { args: ['rubrics', 'draft', 'test/fixtures/units/handle-customer-bookings.txt'] },
    { args: ['--format', 'sarif', PORTFOLIO] },
    { args: ['report', PORTFOLIO, '--format', 'html'] },
    { args: ['feedback', PORTFOLIO] },
    { args: ['--help'] },
    { args: [HOUSING, 'test/fixtures/cli/no-such-account.md'] },
    { args: ['rubrics', 'nonsense'] },
    // Across worker threads the output is written as the files come back, after the first writes failed.
    {
      args: ['--format', 'json', 'test/corpus', 'test/corpus-2', 'no-such-folder'],
      env: { REFLECT_LINT_WORKERS: '2' },
    },
  ];
  for (const { args, env } of commands) {
    for (const which of ['stdout', 'stderr'] as const) {
      it(`reflect-lint ${args.join(' ')}, ${which} closed: its usual exit code, no stack trace`, async () => {
        const usual = cli(args, env).code;
        const r = await closedPipe(args, which, env);
        assert.equal(r.code, usual);
        assert.doesNotMatch(r.stderr, STACK_FRAME);
        assert.doesNotMatch(r.stderr, /EPIPE|internal error/);
      });
    }
  }
});

describe('reflect-lint rubrics suggest', () => {
  it('says plainly when no loaded rubric fits, and shows the unscaled fit instead of 1.00', () => {
    const r = cli(['rubrics', 'suggest', OFF_TOPIC]);
    assert.equal(r.code, 1);
    const err = r.stderr.trim().split('\n');
    assert.equal(err.length, 1, r.stderr);
    assert.match(err[0], new RegExp(`${OFF_TOPIC}: no loaded rubric fits this account .*--rubrics DIR.*rubrics draft`));
    const scores = r.stdout
      .trim()
      .split('\n')
      .map((l) => Number(/^(\d\.\d\d) /.exec(l)?.[1]));
    assert.equal(scores.length, 5);
    for (const s of scores) assert.ok(s < RUBRIC_FIT_MIN, `${s}`);
    const json = JSON.parse(cli(['rubrics', 'suggest', OFF_TOPIC, '--format', 'json']).stdout);
    assert.equal(json.fits, false);
    assert.ok(json.rubrics.every((x: { fit: number }) => x.fit < json.fitMin));
  });

  it('ranks as before, relative to the best, when a rubric fits', () => {
    const r = cli(['rubrics', 'suggest', HOUSING]);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^1\.00 {2}customer-relations /);
    const json = JSON.parse(cli(['rubrics', 'suggest', HOUSING, '--format', 'json']).stdout);
    assert.equal(json.fits, true);
    assert.ok(json.rubrics[0].fit >= RUBRIC_FIT_MIN);
  });
});

describe('reflect-lint rubrics with an unknown subcommand', () => {
  it('names every rubrics subcommand of the usage text', () => {
    const usage = cli(['--help']).stdout;
    const subcommands = [...usage.matchAll(/^ {2}reflect-lint rubrics (\w+)/gm)].map((m) => m[1]);
    assert.ok(subcommands.length >= 2, usage);
    const r = cli(['rubrics', 'sugest', HOUSING]);
    assert.equal(r.code, 2);
    for (const s of subcommands) assert.match(r.stderr, new RegExp(`rubrics ${s}\\b`), s);
  });
});
