/**
 * `reflect-lint rubrics lint` and the warnings every edge shows when a rubric loads (issue 9, part 2):
 * each fixture of test/fixtures/rubric-lint/rubrics carries its expected problems in its `$comment`
 * ("LINE:COL severity: where: message"), and the command's exit codes and one-line output.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PhraseSet, phraseHolds } from '../src/core/phrases.js';
import { readRubric } from '../src/core/rubric.js';
import { RubricSet } from '../src/core/rubric-set.js';
import collisions from '../src/core/lexicon/stem-collisions.json' with { type: 'json' };
import { stem } from '../src/core/words.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'reflect-lint.cjs');
const CASES = 'test/fixtures/rubric-lint/rubrics';
const MALFORMED = 'test/fixtures/rubrics-malformed';
const LINE = /^(\S+\.json):(\d+):(\d+): (error|warning): .+\. Fix: .+\.$/;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fixture's expectations: the `$comment` entries that start with LINE:COL. */
function expectations(text: string): string[] {
  const comment = (JSON.parse(text.replace(/^\uFEFF/, '')) as { $comment?: string[] }).$comment ?? [];
  return comment.filter((c) => /^\d+:\d+ /.test(c));
}

const cases = readdirSync(join(root, CASES))
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('rubric lint fixtures', () => {
  it('cover each warning, a clean rubric and a byte-order mark', () => {
    for (const name of [
      'clean.json',
      'byte-order-mark.json',
      'regex-alternatives.json',
      'regex-star-in-word.json',
      'regex-signs.json',
      'only-star.json',
      'min-over-groups.json',
      'ignored-field.json',
      'unknown-placeholder.json',
      'trigger-holds-group.json',
      'stem-collision.json',
      'groups-share-phrase.json',
      'replaces-shipped.json',
    ])
      assert.ok(cases.includes(name), name);
  });
  for (const file of cases) {
    it(`${file}: loads, with exactly the problems its $comment expects, where they are`, () => {
      const text = readFileSync(join(root, CASES, file), 'utf8');
      const result = new RubricSet().add(file, text);
      assert.ok(result.ok, result.ok ? '' : result.reason);
      const got = result.warnings.map(
        (p) => `${p.line}:${p.column} ${p.severity}: ${p.path.length ? `${p.where}: ` : ''}${p.message}`,
      );
      assert.deepEqual(got, expectations(text));
      // Each names the line where its path is.
      const lines = text.split('\n');
      for (const p of result.warnings) {
        const key = p.path.at(-1);
        const at = lines[p.line - 1].slice(p.column - 1);
        if (typeof key === 'string') assert.ok(at.startsWith(`"${key}"`), `${p.where} at ${at}`);
        else assert.ok(at.startsWith('"'), `${p.where} at ${at}`);
      }
    });
  }
});

describe('rubric errors say what was wrong and what was expected', () => {
  const reason = (file: string) => {
    const r = readRubric(readFileSync(join(root, MALFORMED, file), 'utf8'));
    assert.equal(r.ok, false, file);
    return r.ok ? '' : r.reason;
  };
  it('a misspelt kind echoes the value and the allowed ones, nearest first', () => {
    const r = reason('misspelt-check-kind.json');
    assert.match(r, /field kind: "existance" is not a check kind/);
    assert.match(r, /did you mean "existence"\? use one of existence, count-distinct, conditional or co-occurrence/);
  });
  it('an id with the wrong form says the allowed form, with a suggestion', () =>
    assert.match(reason('bad-rubric-id.json'), /lower-case letters and digits.*"window-cleaning"/));
  it('an empty criteria list says a rubric needs at least one criterion', () =>
    assert.match(reason('empty-criteria.json'), /a rubric needs at least one criterion/));
  it('bad JSON gives the line and column', () => {
    assert.match(reason('trailing-comma.json'), /not valid JSON: a comma after the last item \(line 41, column 24\)/);
    assert.match(reason('truncated.json'), /not valid JSON: .*\(line 9, column 15\)/);
  });
  it('a check id equal to a general rule id is refused at load', () =>
    assert.match(reason('check-id-rule-id.json'), /"personal-data" is the id of a general rule/));
  it('a byte-order mark is accepted, and positions count from after it', () => {
    const text = readFileSync(join(root, CASES, 'byte-order-mark.json'), 'utf8');
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.ok(readRubric(text).ok);
    const broken = readRubric('\uFEFF{\n  "id": 3\n}');
    const id = broken.ok ? undefined : broken.problems.find((p) => p.path[0] === 'id');
    assert.deepEqual([id?.line, id?.column], [2, 3]);
  });
});

describe('a trigger that holds a group phrase', () => {
  const one = (s: string) => new PhraseSet([s]).phrases[0];
  it('is found wherever in the trigger the phrase stands, not only at its start', () => {
    assert.ok(phraseHolds(one('took the order'), one('order')));
    assert.ok(phraseHolds(one('took the order'), one('the orders')));
    assert.ok(phraseHolds(one('took the order'), one('took')));
    assert.ok(phraseHolds(one('took the order'), one('the *')));
  });
  it('is not found where the trigger only could be filled with it', () => {
    assert.ok(!phraseHolds(one('took * order'), one('the')));
    assert.ok(!phraseHolds(one('took the order'), one('order form')));
  });
  it('is warned about only when the groups it holds meet min by themselves', () => {
    const rubric = (min: number) =>
      JSON.stringify({
        ...JSON.parse(readFileSync(join(root, CASES, 'clean.json'), 'utf8')),
        checks: [
          {
            id: 'order-details',
            kind: 'conditional',
            message: 'Say what you checked.',
            when: ['took the order'],
            groups: { order: ['order'], allergies: ['allergy'] },
            min,
          },
        ],
      });
    const warnings = (min: number) => {
      const r = readRubric(rubric(min));
      return r.ok ? r.warnings.map((w) => w.message) : [r.reason];
    };
    assert.equal(warnings(1).length, 1);
    assert.deepEqual(warnings(2), []);
  });
});

describe('the stemmer collisions list', () => {
  it('holds words that still share one stem each', () => {
    for (const words of collisions.collisions) {
      assert.ok(words.length >= 2, words.join());
      assert.equal(new Set(words.map(stem)).size, 1, `${words.join(', ')}: ${words.map(stem).join(', ')}`);
    }
  });
  it('names every pair docs/rubrics.md lists', () => {
    const docs = readFileSync(join(root, 'docs', 'rubrics.md'), 'utf8');
    for (const words of collisions.collisions) assert.ok(docs.includes(words.join('/')), words.join('/'));
  });
});

describe('reflect-lint rubrics lint', () => {
  it('exits 1 on warnings, one line each naming the file, the line:column, the place in words and the fix', () => {
    const r = cli(['rubrics', 'lint', '--rubrics', CASES]);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    const summary = lines.pop()!;
    const want = cases.flatMap((f) => expectations(readFileSync(join(root, CASES, f), 'utf8')));
    assert.equal(lines.length, want.length, r.stdout);
    for (const l of lines) assert.match(l, LINE);
    assert.ok(
      lines.some((l) => l.startsWith(`${CASES}/ignored-field.json:37:7: warning: check 1 (\`vague\`), field min:`)),
    );
    assert.equal(summary, `${cases.length} rubric files checked: 0 errors, ${want.length} warnings`);
  });
  it('exits 2 when a file cannot be used, with every error of it', () => {
    const r = cli(['rubrics', 'lint', `${MALFORMED}/unknown-check-kind.json`, `${CASES}/clean.json`]);
    assert.equal(r.code, 2);
    const lines = r.stdout.trim().split('\n');
    assert.match(
      lines[0],
      /^test\/fixtures\/rubrics-malformed\/unknown-check-kind\.json:38:7: error: check 1 \(`ladder-safety`\), field kind: "regex" is not a check kind\. Fix: use one of /,
    );
    assert.equal(lines.at(-1), '2 rubric files checked: 1 error, 0 warnings');
  });
  it('exits 0 and says so when nothing is wrong', () => {
    const r = cli(['rubrics', 'lint', `${CASES}/clean.json`, `${CASES}/byte-order-mark.json`]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '2 rubric files checked: no problems\n');
  });
  it('gives the problems as JSON with --format json', () => {
    const r = cli(['rubrics', 'lint', '--format', 'json', `${CASES}/only-star.json`]);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.warnings, 1);
    assert.deepEqual(out.files[0].problems[0].path, ['checks', 0, 'phrases', 0]);
  });
  it('says where to look when given nothing and there is no rubrics folder', () => {
    const r = spawnSync(process.execPath, [bin, 'rubrics', 'lint'], { cwd: join(root, 'test'), encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /rubrics lint takes --rubrics DIR or rubric files/);
  });
});

describe('load-time warnings on the other commands', () => {
  it('are written to stderr, one line each, without changing the exit code', () => {
    const account = 'test/fixtures/cli/housing-repairs.md';
    const plain = cli([account]);
    const warned = cli(['--rubrics', `${CASES}/only-star.json`, account]);
    assert.equal(warned.code, plain.code);
    assert.equal(warned.stdout, plain.stdout);
    const lines = warned.stderr.trim().split('\n');
    assert.equal(lines.length, 1, warned.stderr);
    assert.match(lines[0], /^reflect-lint: test\/fixtures\/rubric-lint\/rubrics\/only-star\.json:35:9: warning: /);
  });
});
