/**
 * The rubrics shipped in rubrics/ and the guard in front of untrusted rubric JSON: the schema, then
 * checkRubric's extra rules, and the one-line reasons readRubric and the command give.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import * as esbuild from 'esbuild';
import { bundledRubrics } from '../src/core/bundled-rubrics.js';
import { checkRubric, readRubric } from '../src/core/rubric.js';
import type { Rubric } from '../src/core/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rubricsDir = join(root, 'rubrics');
const malformedDir = join(root, 'test', 'fixtures', 'rubrics-malformed');
const bin = join(root, 'bin', 'reflect-lint.cjs');

const EXPECTED_COUNTS: Record<string, number> = {
  'customer-relations': 5,
  'crm-principles': 5,
  'focus-l2-customer-relationships': 4,
  'external-customers': 3,
  'develop-relationships': 8,
};

const schema = JSON.parse(readFileSync(join(rubricsDir, 'rubric.schema.json'), 'utf8'));
const shippedFiles = readdirSync(rubricsDir)
  .filter((f) => f.endsWith('.json') && f !== 'rubric.schema.json')
  .sort();
const shipped = shippedFiles.map((file) => ({
  file,
  value: JSON.parse(readFileSync(join(rubricsDir, file), 'utf8')) as Rubric,
}));

/** Every term and alias of every shipped rubric, lower case. */
function allTerms(): string[] {
  return shipped
    .flatMap(({ value }) => value.keyTerms.flatMap((k) => [k.term, ...(k.aliases ?? [])]))
    .map((t) => t.toLowerCase());
}

describe('shipped rubrics', () => {
  it('are the five units, one file each', () => {
    assert.deepEqual(shipped.map((r) => r.value.id).sort(), Object.keys(EXPECTED_COUNTS).sort());
    assert.equal(shippedFiles.length, 5);
  });

  for (const { file, value } of shipped) {
    describe(file, () => {
      it('is valid against rubrics/rubric.schema.json', () => {
        const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
        const ok = validate(value);
        assert.ok(ok, JSON.stringify(validate.errors, null, 2));
      });

      it('passes checkRubric', () => {
        const result = checkRubric(value);
        assert.ok(result.ok, result.ok ? '' : result.reason);
        assert.equal(result.rubric.id, value.id);
      });

      it('passes readRubric from its file text', () => {
        const result = readRubric(readFileSync(join(rubricsDir, file), 'utf8'));
        assert.ok(result.ok, result.ok ? '' : result.reason);
      });

      it('has the unit\'s criteria, numbered "1" to "n"', () => {
        const n = EXPECTED_COUNTS[value.id];
        assert.ok(n, `unexpected rubric ${value.id}`);
        assert.deepEqual(
          value.criteria.map((c) => c.id),
          Array.from({ length: n }, (_, i) => String(i + 1)),
        );
        for (const c of value.criteria) {
          assert.ok(c.signals.length > 0, `AC ${c.id} has signals`);
          assert.doesNotMatch(c.ability, /\.$/, `AC ${c.id}: ability completes a sentence, without a full stop`);
        }
      });
    });
  }

  it('are all bundled into the analyser (none silently dropped)', () => {
    assert.deepEqual(
      bundledRubrics()
        .map((r) => r.id)
        .sort(),
      Object.keys(EXPECTED_COUNTS).sort(),
    );
    for (const r of bundledRubrics()) assert.equal(r.criteria.length, EXPECTED_COUNTS[r.id]);
  });

  it('define CRM, SLA, SERVQUAL and internal customer as key terms', () => {
    const terms = allTerms();
    for (const wanted of ['crm', 'sla', 'servqual', 'internal customer'])
      assert.ok(terms.includes(wanted), `no key term "${wanted}"`);
    // A term some other unit would need but none of these define is not there by accident.
    assert.ok(!terms.includes('forklift'));
  });

  it('the schema itself compiles in strict mode', () => {
    assert.doesNotThrow(() =>
      new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false }).compile(schema),
    );
  });
});

describe('the rubric validator compiled at build time', () => {
  it('is up to date with rubrics/rubric.schema.json', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-rubric-validator.mjs'), '--check'], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
  });

  it('leaves Ajv out of the analyser: no schema is compiled at run time', async () => {
    const out = await esbuild.build({
      entryPoints: [join(root, 'src', 'core', 'index.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      metafile: true,
      logLevel: 'silent',
    });
    const ajv = Object.keys(out.metafile!.inputs).filter((i) => i.includes('node_modules/ajv/'));
    assert.deepEqual(ajv, []);
  });

  const base = shipped[0].value;
  const withTitle = (title: string) => checkRubric({ ...base, title });
  const withStages = (stages: string[]) =>
    checkRubric({ ...base, criteria: [{ ...base.criteria[0], stages }, ...base.criteria.slice(1)] });

  it('counts a length in characters, not UTF-16 units, as the schema says', () => {
    // 200 emoji are 400 UTF-16 units: within a 200-character title.
    assert.ok(withTitle('😀'.repeat(200)).ok);
    const long = withTitle('😀'.repeat(201));
    assert.equal(long.ok, false);
    assert.equal(long.ok ? '' : long.reason, 'field title: this is longer than 200 characters; shorten it');
  });

  it('rejects a stage listed twice for one criterion, and takes two different ones', () => {
    assert.ok(withStages(['deliver', 'monitor']).ok);
    const twice = withStages(['deliver', 'deliver']);
    assert.equal(
      twice.ok ? '' : twice.reason,
      'criterion 1 (`1`), field stages: items 1 and 2 are the same; list each once',
    );
  });
});

/** The rubric every malformed fixture was made from, with one thing broken in each. */
const BASE = {
  id: 'window-cleaning',
  title: 'Clean windows for domestic customers',
  awardingBody: 'Made-up awarding body',
  level: 2,
  criteria: [
    {
      id: '1',
      text: 'Agree with the customer which windows to clean.',
      ability: 'agree the work with a customer',
      signals: ['agreed', 'which windows'],
    },
    {
      id: '2',
      text: 'Leave the property clean and safe.',
      ability: 'leave a property clean and safe',
      signals: ['tidied', 'dust sheet'],
    },
  ],
  keyTerms: [{ term: 'SLA', definition: 'Service level agreement.', criteria: ['1'] }],
  checks: [
    {
      id: 'ladder-safety',
      kind: 'existence',
      message: 'Say how you used the ladder safely.',
      phrases: ['wobbly ladder'],
    },
  ],
};

describe('malformed rubrics', () => {
  const expected = JSON.parse(readFileSync(join(malformedDir, 'expected.json'), 'utf8')) as Record<string, string>;
  const fixtures = readdirSync(malformedDir)
    .filter((f) => f !== 'expected.json')
    .sort();

  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'reflect-lint-rubrics-'));
  });
  after(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('are at least 12 .json fixtures, each with an expected reason', () => {
    assert.ok(fixtures.length >= 12, `${fixtures.length} fixtures`);
    for (const f of fixtures) assert.match(f, /\.json$/);
    assert.deepEqual(Object.keys(expected).sort(), fixtures);
  });

  it('were made from a rubric that is itself accepted', () => {
    const result = readRubric(JSON.stringify(BASE));
    assert.ok(result.ok, result.ok ? '' : result.reason);
  });

  for (const file of readdirSync(malformedDir)
    .filter((f) => f !== 'expected.json')
    .sort()) {
    describe(file, () => {
      const text = readFileSync(join(malformedDir, file), 'utf8');

      it('is rejected by readRubric with a one-line reason naming the problem', () => {
        const result = readRubric(text);
        assert.equal(result.ok, false, `${file} was accepted`);
        if (result.ok) return;
        assert.equal(typeof result.reason, 'string');
        assert.ok(result.reason.length > 0);
        assert.ok(!/[\r\n]/.test(result.reason), `reason spans lines: ${JSON.stringify(result.reason)}`);
        const want = expected[file];
        assert.ok(
          result.reason.includes(want),
          `reason ${JSON.stringify(result.reason)} lacks ${JSON.stringify(want)}`,
        );
      });

      it('is rejected by the command with one stderr line naming the file', () => {
        const dir = join(tmp, file.replace(/\.json$/, ''));
        mkdirSync(dir);
        copyFileSync(join(malformedDir, file), join(dir, file));
        const r = spawnSync(process.execPath, [bin, '--rubrics', dir, 'rubrics'], {
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        });
        assert.equal(r.status, 2);
        const lines = r.stderr.split(/\r?\n/).filter((l) => l.trim());
        assert.equal(lines.length, 1, r.stderr);
        assert.ok(lines[0].includes(file), lines[0]);
        assert.ok(lines[0].includes(expected[file]), `${lines[0]} lacks ${expected[file]}`);
        assert.doesNotMatch(r.stderr, /^\s+at /m);
        // The bundled rubrics still load.
        assert.equal(r.stdout.trim().split('\n').length, Object.keys(EXPECTED_COUNTS).length);
      });
    });
  }
});
