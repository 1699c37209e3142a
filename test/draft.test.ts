/**
 * Drafting a rubric from a unit document (src/core/draft, `reflect-lint rubrics draft`): the seeds
 * draft to the shipped rubrics' criteria, the regulated-layout documents in test/fixtures/units to
 * what their .expected.json files say, every draft validates, and an unedited draft ranks criteria
 * on ../shared/eval-dev nearly as well as the hand-written rubric (test/eval/harness.ts's top-1).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main.js';
import { abilityOf } from '../src/core/draft/ability.js';
import { countCheck, mistakeCheck } from '../src/core/draft/checks.js';
import { draftForEditor, draftRubric, type Draft } from '../src/core/draft/index.js';
import { analyze, bundledRubrics, checkRubric, type Rubric } from '../src/core/index.js';
import { rubricWarnings } from '../src/core/rubric-warnings.js';
import { evaluate } from './eval/harness.js';

const root = join(import.meta.dirname, '..');
const SEEDS = join(root, '..', 'shared', 'seeds');
const EVAL_DEV = join(root, '..', 'shared', 'eval-dev');
const UNITS = join(root, 'test', 'fixtures', 'units');

function seedOf(rubric: Rubric): string {
  return readFileSync(join(SEEDS, rubric.source!), 'utf8');
}

function valid(d: Draft): void {
  assert.deepEqual(d.valid, { ok: true });
  // The real validator, on the JSON as written to a file.
  const again = checkRubric(JSON.parse(JSON.stringify(d.rubric)));
  assert.ok(again.ok, again.ok ? '' : again.reason);
}

describe('rubrics draft: the seeds', () => {
  for (const shipped of bundledRubrics()) {
    it(`${shipped.source} drafts to ${shipped.id}'s criteria (count, order, ids) and validates`, () => {
      const d = draftRubric(seedOf(shipped), { id: shipped.id, source: shipped.source });
      valid(d);
      assert.deepEqual(
        d.rubric.criteria.map((c) => c.id),
        shipped.criteria.map((c) => c.id),
      );
      for (const c of d.rubric.criteria) {
        assert.ok(
          c.signals.length > 0 && c.ability.length <= 200 && !/[.]$/.test(c.ability) && /^\p{Ll}/u.test(c.ability),
          `criterion ${c.id}: ${c.ability}`,
        );
      }
      assert.equal(d.rubric.id, shipped.id);
    });
  }

  it('takes the level, awarding body and qualification where the seed states them', () => {
    const focus = bundledRubrics().find((r) => r.id === 'focus-l2-customer-relationships')!;
    const d = draftRubric(seedOf(focus));
    assert.equal(d.rubric.level, 2);
    assert.equal(d.rubric.awardingBody, 'Focus Awards Limited');
    assert.equal(d.rubric.title, 'Principles of customer relationships');
    assert.match(d.rubric.qualification ?? '', /Level 2 Diploma in Business Administration/);
  });

  it('keeps the service cycle (no `cycle`) for a unit document that names no other reflective model', () => {
    for (const shipped of bundledRubrics()) assert.equal(draftRubric(seedOf(shipped)).rubric.cycle, undefined);
  });

  it('says "not stated" for a level the document does not give, and asks the author to check it', () => {
    const d = draftRubric(seedOf(bundledRubrics().find((r) => r.id === 'customer-relations')!));
    assert.equal(d.rubric.level, 'not stated');
    assert.ok(d.report.check.some((c) => /level/.test(c)));
  });

  it('drafts rubrics that `rubrics lint` has no warning for (a signal it would warn of is left out)', () => {
    const documents = [
      ...bundledRubrics().map(seedOf),
      ...readdirSync(UNITS)
        .filter((f) => /\.(?:txt|md)$/.test(f))
        .map((f) => readFileSync(join(UNITS, f), 'utf8')),
      ...['reflect-improve-customer-service', 'learn-from-experience-admin'].map((u) =>
        readFileSync(join(root, 'test', 'corpus-models', 'units', `${u}.md`), 'utf8'),
      ),
    ];
    for (const text of documents) {
      const d = draftRubric(text);
      assert.deepEqual(
        rubricWarnings(d.rubric as unknown as Rubric).map((w) => `${w.path.join('.')}: ${w.message}`),
        [],
        d.rubric.title,
      );
    }
    // "person" would also count "personal": the criterion keeps "right person" but not "person" alone.
    const d = draftRubric(readFileSync(join(UNITS, 'handle-telephone-calls.md'), 'utf8'));
    assert.ok(d.rubric.criteria[2].signals.includes('right person'));
    assert.ok(!d.rubric.criteria[2].signals.includes('person'));
  });

  it("gives a key term's definition as a sentence, though the document writes it after a colon in lower case", () => {
    const d = draftRubric(readFileSync(join(UNITS, 'handle-telephone-calls.md'), 'utf8'));
    assert.equal(d.rubric.keyTerms[2].definition, 'Passing a live call to another extension.');
  });

  it('drafts the checks the seeds word mechanically', () => {
    const byId = (id: string) => draftRubric(seedOf(bundledRubrics().find((r) => r.id === id)!)).rubric.checks;
    const cr = byId('customer-relations');
    const count = cr.find((c) => c.kind === 'count-distinct')!;
    assert.equal(count.min, 2);
    assert.deepEqual(Object.keys(count.groups!), ['surveys', 'interviews']);
    assert.deepEqual(count.criteria, ['3']);
    const vague = cr.find((c) => c.kind === 'existence')!;
    assert.deepEqual(vague.phrases, ['good service']);
    const types = cr.find((c) => c.kind === 'co-occurrence')!;
    assert.deepEqual([types.phrases, types.with], [['internal customers'], ['external customers']]);
    const needs = cr.find((c) => c.kind === 'conditional' && c.when!.includes('customer needs'))!;
    assert.ok(needs.groups!.confirming, JSON.stringify(needs));
    const crm = byId('crm-principles').find((c) => c.kind === 'count-distinct')!;
    assert.equal(crm.min, 3);
    assert.deepEqual(Object.keys(crm.groups!), ['quality', 'cost', 'speed', 'accuracy']);
  });
});

describe('rubrics draft: regulated-layout unit documents', () => {
  const docs = readdirSync(UNITS).filter((f) => /\.(?:txt|md)$/.test(f));
  assert.ok(docs.length >= 2);
  for (const file of docs) {
    const expected = JSON.parse(readFileSync(join(UNITS, file.replace(/\.\w+$/, '.expected.json')), 'utf8')) as {
      title: string;
      level: number;
      awardingBody?: string;
      reference?: string;
      criteria: string[];
      outcomes: Record<string, string[]>;
      keyTerms: string[];
      checks: Record<string, number>;
      wrapped?: Record<string, string>;
    };
    it(`${file}: title, level, criteria, outcomes, key terms and checks as its .expected.json says`, () => {
      const d = draftRubric(readFileSync(join(UNITS, file), 'utf8'), { source: file });
      valid(d);
      assert.equal(d.rubric.title, expected.title);
      assert.equal(d.rubric.level, expected.level);
      if (expected.awardingBody) assert.equal(d.rubric.awardingBody, expected.awardingBody);
      if (expected.reference) assert.match(d.rubric.source ?? '', new RegExp(expected.reference.replace(/\//g, '\\/')));
      assert.deepEqual(
        d.rubric.criteria.map((c) => c.id),
        expected.criteria,
      );
      assert.deepEqual(Object.fromEntries(d.outcomes.map((o) => [o.id, o.criteria])), expected.outcomes);
      assert.deepEqual(
        d.rubric.keyTerms.map((k) => k.term),
        expected.keyTerms,
      );
      const kinds: Record<string, number> = {};
      for (const c of d.rubric.checks) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
      assert.deepEqual(kinds, expected.checks);
      for (const [id, tail] of Object.entries(expected.wrapped ?? {}))
        assert.ok(
          d.rubric.criteria.find((c) => c.id === id)!.text.includes(tail),
          `criterion ${id} joins its wrapped line`,
        );
    });
  }
});

describe('rubrics draft: tolerant reading', () => {
  const bookings = readFileSync(join(UNITS, 'handle-customer-bookings.txt'), 'utf8');
  const seed = seedOf(bundledRubrics().find((r) => r.id === 'customer-relations')!);
  const shape = (d: Draft) => ({
    criteria: d.rubric.criteria.map((c) => [c.id, c.text]),
    keyTerms: d.rubric.keyTerms.map((k) => k.term),
    checks: d.rubric.checks.map((c) => c.id),
  });

  it('reads Windows line endings and a byte-order mark as the same document', () => {
    assert.deepEqual(shape(draftRubric(`\uFEFF${bookings.replace(/\n/g, '\r\n')}`)), shape(draftRubric(bookings)));
    assert.deepEqual(shape(draftRubric(`\uFEFF${seed.replace(/\n/g, '\r\n')}`)), shape(draftRubric(seed)));
  });

  it('reads headings in capitals, numbered or as Markdown, and bullets •, * or 1.', () => {
    const variants = [
      seed
        .replace(/^Examiner Marking Points$/m, 'EXAMINER MARKING POINTS')
        .replace(/^Key Concepts & Core Principles$/m, '3. key concepts and core principles')
        .replace(/^- /gm, '• '),
      seed.replace(/^([A-Z][^\n-]{3,60})$/gm, '## $1').replace(/^- /gm, '* '),
      seed.replace(/^Examiner Marking Points$/m, '**Examiner marking points:**'),
    ];
    for (const v of variants) assert.deepEqual(shape(draftRubric(v)), shape(draftRubric(seed)));
    let n = 0;
    const numbered = seed.replace(/^- Award/gm, () => `${++n}. Award`);
    assert.deepEqual(shape(draftRubric(numbered)).criteria, shape(draftRubric(seed)).criteria);
  });

  it('joins a bullet wrapped over two lines', () => {
    const wrapped = seed.replace(
      'using active listening, questioning techniques,',
      'using active listening,\n  questioning techniques,',
    );
    assert.deepEqual(shape(draftRubric(wrapped)).criteria, shape(draftRubric(seed)).criteria);
  });

  it('reads each labelled fact on its own line, after a long one that could have wrapped', () => {
    const d = draftRubric(
      '# Greet visitors\n\nAwarding body: Riverside Training Centre (centre-devised unit, 2026 edition)\nLevel: 2\nQualification: Centre award in reception\n\n## Assessment criteria\n\n1. Greet each visitor within one minute.\n',
    );
    assert.equal(d.rubric.awardingBody, 'Riverside Training Centre (centre-devised unit, 2026 edition)');
    assert.equal(d.rubric.level, 2);
    assert.equal(d.rubric.qualification, 'Centre award in reception');
  });

  it('drafts nothing from a document with no criteria, and says what it looked for', () => {
    const d = draftRubric('Some notes\n\nNothing here reads as a criterion.\n');
    assert.equal(d.valid.ok, false);
    assert.ok(d.report.check.some((c) => /criteria: none found/.test(c)));
  });

  it('is deterministic', () => {
    assert.equal(JSON.stringify(draftRubric(seed)), JSON.stringify(draftRubric(seed)));
  });
});

describe('rubrics draft: ability phrases and checks from wording', () => {
  it('turns the assessor\'s wording into what completes "This demonstrates my ability to …"', () => {
    assert.equal(
      abilityOf('Award credit for demonstrating a clear identification of customer needs.'),
      'identify clearly customer needs',
    );
    assert.equal(
      abilityOf('Award credit for explaining how to log and escalate customer complaints'),
      'explain how to log and escalate customer complaints',
    );
    assert.equal(
      abilityOf("Expect evidence of applying your organisation's quality standards."),
      "apply my organisation's quality standards",
    );
    assert.equal(
      abilityOf('Describe the booking systems used in own organisation'),
      'describe the booking systems used in my own organisation',
    );
    assert.equal(
      abilityOf(
        'Award credit for showing the use of at least two techniques (e.g., surveys, interviews) and analysing results',
      ),
      'use at least two techniques and analyse results',
    );
  });

  it('"at least N (e.g. a, b, c)" gives a count-distinct check, and fewer examples than N give none', () => {
    const r = countCheck(
      'Deal with at least two kinds of change (e.g. a new date, an extra guest, a different room)',
      '3.1',
    );
    assert.ok(r && 'check' in r);
    assert.equal(r.check.min, 2);
    assert.deepEqual(r.check.groups, {
      'new date': ['new date'],
      'extra guest': ['extra guest'],
      'different room': ['different room'],
    });
    const short = countCheck('Use at least three methods (e.g. surveys, calls)', '2');
    assert.ok(short && 'problem' in short);
  });

  it('"confusing X with Y", "X but not Y" and "vague … like \'…\'" give their checks; other mistakes none', () => {
    assert.equal(mistakeCheck('Confusing customer needs with organisational wants')?.check.kind, 'co-occurrence');
    const c = mistakeCheck('Collecting customer feedback but not analysing it')!.check;
    assert.equal(c.kind, 'conditional');
    assert.deepEqual(c.when, ['collecting customer feedback', 'customer feedback']);
    assert.deepEqual(c.groups, { analysing: ['analysing'] });
    assert.deepEqual(mistakeCheck("Relying on vague descriptions like 'good service' or 'quickly'")?.check.phrases, [
      'good service',
      'quickly',
    ]);
    assert.equal(mistakeCheck('Failing to document customer interactions properly'), undefined);
  });
});

describe('rubrics draft: criterion suggestion with an unedited draft (eval-dev top-1)', () => {
  // Each seed's draft in place of its hand-written rubric, measured by the eval harness on that unit's accounts.
  const shipped = bundledRubrics();
  const drafts = shipped.map((r) => draftRubric(seedOf(r), { id: r.id, source: r.source }).rubric as unknown as Rubric);
  const rows: string[] = [];
  const measured: Array<{ id: string; hand: number; draft: number; total: number }> = [];
  before(function () {
    assert.ok(existsSync(join(EVAL_DEV, 'labels.json')), `labelled set not found at ${EVAL_DEV}`);
    for (let i = 0; i < shipped.length; i++) {
      const h = evaluate(EVAL_DEV, { unit: shipped[i].id });
      const d = evaluate(EVAL_DEV, { unit: shipped[i].id, rubrics: shipped.map((r, k) => (k === i ? drafts[i] : r)) });
      measured.push({ id: shipped[i].id, hand: h.top1.correct, draft: d.top1.correct, total: h.top1.total });
    }
    const sum = (k: 'hand' | 'draft' | 'total') => measured.reduce((n, m) => n + m[k], 0);
    for (const m of [...measured, { id: 'all five', hand: sum('hand'), draft: sum('draft'), total: sum('total') }])
      rows.push(
        `${m.id.padEnd(34)} hand-written ${(m.hand / m.total).toFixed(2)}  draft ${(m.draft / m.total).toFixed(2)}  (${m.hand} and ${m.draft} of ${m.total})`,
      );
    console.log(rows.map((r) => `      ${r}`).join('\n'));
  });

  // The issue asks each unedited draft to come within 0.10 top-1 of its hand-written rubric. Counted in whole
  // paragraphs (10 × the paragraphs lost ≤ the paragraphs labelled), so 0.80 against 0.90 holds and rounding
  // cannot decide it. Measured when this was set (draft/hand-written): 0.90/0.90, 0.75/0.83, 0.91/1.00, 0.90/0.90,
  // 0.88/0.88; 0.86/0.90 over the five (0.74/0.73 on the held-out test/corpus* sets: a change was kept
  // only if it did not lose there, but their paragraphs were not read).
  it("docs/rubrics.md's table gives these figures", () => {
    const docs = readFileSync(join(root, 'docs', 'rubrics.md'), 'utf8');
    const shown = (n: number, of: number) => `${(n / of).toFixed(2)} \\(${n} of ${of}\\)`;
    for (const m of measured)
      assert.match(
        docs,
        new RegExp(`\\(\`${m.id}\`\\) \\|.*\\| ${shown(m.hand, m.total)} \\| ${shown(m.draft, m.total)} \\|`),
        m.id,
      );
  });

  for (const [i, r] of shipped.entries())
    it(`${r.id}: the draft's top-1 is within 0.10 of the hand-written rubric's`, () => {
      const m = measured[i];
      assert.ok(m.total > 0, `no labelled paragraphs for ${r.id}`);
      assert.ok((m.hand - m.draft) * 10 <= m.total, rows.join('\n'));
    });
});

describe('rubrics draft: criterion suggestion on a regulated-layout unit (test/fixtures/units/labelled)', () => {
  // A rubric an assessor wrote by hand for handle-customer-bookings.txt and six labelled paragraphs (README there).
  const dir = join(UNITS, 'labelled');
  const id = 'handle-customer-bookings';
  const hand = JSON.parse(readFileSync(join(dir, `${id}.rubric.json`), 'utf8')) as Rubric;
  const draft = draftRubric(readFileSync(join(UNITS, `${id}.txt`), 'utf8'), { id }).rubric as unknown as Rubric;
  let h: ReturnType<typeof evaluate>;
  let d: ReturnType<typeof evaluate>;
  before(() => {
    h = evaluate(dir, { unit: id, rubrics: [...bundledRubrics(), hand] });
    d = evaluate(dir, { unit: id, rubrics: [...bundledRubrics(), draft] });
  });

  it("the hand-written rubric validates and has the draft's criteria", () => {
    assert.ok(checkRubric(hand).ok);
    assert.deepEqual(
      hand.criteria.map((c) => c.id),
      draft.criteria.map((c) => c.id),
    );
  });

  // Measured when set: hand-written 6 of 6, draft 3 of 6 (1.00 and 0.50). Not within 0.10: the draft puts
  // "asked which dates… found one free" under 1.3 (the information a customer needs), a changed court under
  // 2.3 and the booking systems under 3.1 ("room"). The same author wrote the rubric and the paragraphs, which
  // flatters the hand-written one; six paragraphs are too few to tune the drafter on. This floor holds the
  // measured figure, so a change that loses a paragraph here fails.
  it('ranks a labelled criterion first for the paragraphs it measured (draft 3 of 6, hand-written 6 of 6)', () => {
    console.log(
      `      ${id.padEnd(34)} hand-written ${(h.top1.correct / h.top1.total).toFixed(2)}  draft ${(d.top1.correct / d.top1.total).toFixed(2)}  (${h.top1.correct} and ${d.top1.correct} of ${h.top1.total})`,
    );
    assert.equal(h.top1.total, 6);
    const docs = readFileSync(join(root, 'docs', 'rubrics.md'), 'utf8');
    const shown = (n: number) => `${(n / 6).toFixed(2)} (${n} of 6)`;
    assert.ok(docs.includes(`| ${shown(h.top1.correct)} | ${shown(d.top1.correct)} |`), 'docs/rubrics.md table');
    assert.ok(d.top1.correct >= 3, d.top1.misses.join('\n'));
    assert.ok(h.top1.correct >= 5, h.top1.misses.join('\n'));
  });
});

describe('rubrics draft: the units of test/corpus-models (regulated layout, hand-written rubrics, labelled accounts)', () => {
  // Measured only: that corpus is for measuring, not for tuning on (its README). Its two units ask for
  // Gibbs' and Kolb's cycles; the drafter's learner words are mostly for customer service topics, and the
  // criteria of a reflective model ("Describe a situation…", "Explain your thoughts and feelings…") are worded
  // generally, so an unedited draft is far behind there. Measured when set: reflect-improve-customer-service
  // hand-written 25 of 33, draft 15 of 33; learn-from-experience-admin 18 of 23 and 11 of 23. Floors at those.
  const dir = join(root, 'test', 'corpus-models');
  for (const [id, floor] of [
    ['reflect-improve-customer-service', 15],
    ['learn-from-experience-admin', 11],
  ] as const) {
    it(`${id}: criteria and outcomes as the hand-written rubric's; top-1 of the unedited draft at least ${floor}`, () => {
      const hand = JSON.parse(readFileSync(join(dir, 'rubrics', `${id}.json`), 'utf8')) as Rubric;
      const d = draftRubric(readFileSync(join(dir, 'units', `${id}.md`), 'utf8'), { id });
      valid(d);
      assert.equal(d.rubric.cycle, hand.cycle, 'the reflective model the document names');
      assert.deepEqual(
        d.rubric.criteria.map((c) => c.id),
        hand.criteria.map((c) => c.id),
      );
      assert.deepEqual(
        d.rubric.outcomes?.map((o) => [o.id, o.criteria]),
        hand.outcomes?.map((o) => [o.id, o.criteria]),
      );
      const h = evaluate(dir, { unit: id, rubrics: [...bundledRubrics(), hand] });
      const e = evaluate(dir, { unit: id, rubrics: [...bundledRubrics(), d.rubric as unknown as Rubric] });
      console.log(
        `      ${id.padEnd(34)} hand-written ${(h.top1.correct / h.top1.total).toFixed(2)}  draft ${(e.top1.correct / e.top1.total).toFixed(2)}  (${h.top1.correct} and ${e.top1.correct} of ${h.top1.total})`,
      );
      assert.ok(e.top1.correct >= floor, e.top1.misses.join('\n'));
      const shown = (n: number) => `${(n / h.top1.total).toFixed(2)} (${n} of ${h.top1.total})`;
      const docs = readFileSync(join(root, 'docs', 'rubrics.md'), 'utf8');
      assert.ok(docs.includes(`| ${shown(h.top1.correct)} | ${shown(e.top1.correct)} |`), 'docs/rubrics.md table');
    });
  }
});

describe('rubrics draft for the editor (reflectLint/draftRubric)', () => {
  it("gives the rubric file's text without $schema (validated by its name), and the report", () => {
    const d = draftForEditor(readFileSync(join(UNITS, 'handle-customer-bookings.txt'), 'utf8'), 'bookings.txt');
    assert.ok(d.json);
    const rubric = JSON.parse(d.json);
    assert.equal(rubric.$schema, undefined);
    assert.ok(checkRubric(rubric).ok);
    assert.equal(d.criteria, rubric.criteria.length);
    assert.equal(d.id, rubric.id);
    assert.match(rubric.source, /^bookings\.txt/);
    assert.ok(d.found.length > 0 && d.check.length > 0);
  });

  it('gives no text, and the reason, for a document with no criteria', () => {
    const d = draftForEditor('# Notes\n\nNothing to assess here.\n');
    assert.equal(d.json, null);
    assert.ok(d.problem);
    assert.ok(d.check.some((c) => /criteria: none found/.test(c)));
  });
});

describe('reflect-lint rubrics draft', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'reflect-lint-draft-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function cli(args: string[]) {
    let out = '';
    let err = '';
    const code = run(args, {
      out: (s) => (out += s),
      err: (s) => (err += s),
      stdin: () => Buffer.from(''),
      isTTY: false,
      env: {},
    });
    return { code, out, err };
  }

  it('prints a rubric that validates, and reports what it found and what to check on standard error', () => {
    const r = cli(['rubrics', 'draft', join(UNITS, 'resolve-service-problems.md'), '--id', 'resolve-problems']);
    assert.equal(r.code, 0, r.err);
    const rubric = JSON.parse(r.out);
    assert.equal(rubric.id, 'resolve-problems');
    assert.ok(checkRubric(rubric).ok);
    assert.match(r.err, /drafted rubric "resolve-problems"/);
    assert.match(r.err, /found: 7 criteria \(1\.1, 1\.2, 2\.1, 2\.2, 2\.3, 3\.1, 3\.2\)/);
    assert.match(r.err, /still to check:/);
  });

  it('writes the rubric to -o FILE, and will not replace a file there without --force', () => {
    const file = join(dir, 'bookings.json');
    const first = cli(['rubrics', 'draft', join(UNITS, 'handle-customer-bookings.txt'), '-o', file]);
    assert.equal(first.code, 0, first.err);
    assert.equal(first.out, '');
    assert.ok(checkRubric(JSON.parse(readFileSync(file, 'utf8'))).ok);
    writeFileSync(file, 'my own edits');
    const again = cli(['rubrics', 'draft', join(UNITS, 'handle-customer-bookings.txt'), '-o', file]);
    assert.equal(again.code, 2);
    assert.match(again.err, /already exists/);
    assert.equal(readFileSync(file, 'utf8'), 'my own edits');
    assert.equal(cli(['rubrics', 'draft', join(UNITS, 'handle-customer-bookings.txt'), '-o', file, '--force']).code, 0);
    assert.ok(checkRubric(JSON.parse(readFileSync(file, 'utf8'))).ok);
  });

  it("gives the reports docs/rubrics.md shows as the command's real output", () => {
    const docs = readFileSync(join(root, 'docs', 'rubrics.md'), 'utf8').replace(/\r\n/g, '\n');
    for (const [file, id, out] of [
      ['handle-customer-bookings.txt', 'handle-customer-bookings', 'rubrics'],
      ['handle-telephone-calls.md', 'handle-telephone-calls', 'centre-rubrics'],
    ]) {
      mkdirSync(join(dir, out), { recursive: true });
      const r = cli(['rubrics', 'draft', join(UNITS, file), '--id', id, '-o', join(dir, out, `${id}.json`), '--force']);
      assert.equal(r.code, 0, r.err);
      const shown = r.err.split(`${UNITS}/`).join('').split(`${dir}/`).join('');
      assert.ok(docs.includes(`\`\`\`text\n${shown}\`\`\``), `docs/rubrics.md should show:\n${shown}`);
    }
  });

  it("gives the header and criterion 2 docs/rubrics.md's worked example shows as drafted", () => {
    const docs = readFileSync(join(root, 'docs', 'rubrics.md'), 'utf8').replace(/\r\n/g, '\n');
    const d = draftRubric(readFileSync(join(UNITS, 'handle-telephone-calls.md'), 'utf8'), {
      id: 'handle-telephone-calls',
      source: 'handle-telephone-calls.md',
    });
    const j = (v: unknown) =>
      Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v);
    const { criteria, keyTerms: _k, checks: _c, ...header } = d.rubric;
    const head = Object.entries(header).map(([k, v]) => `${JSON.stringify(k)}: ${j(v)},`);
    assert.ok(docs.includes(`\`\`\`json\n${head.join('\n')}\n\`\`\``), head.join('\n'));
    const c2 = Object.entries(criteria[1]).map(([k, v]) => `  ${JSON.stringify(k)}: ${j(v)}`);
    assert.ok(docs.includes(`\`\`\`json\n{\n${c2.join(',\n')}\n}\n\`\`\``), c2.join('\n'));
  });

  it("gives, for the worked example's account, the one finding of the unedited draft's checks docs/rubrics.md says", () => {
    const docs = readFileSync(join(root, 'docs', 'rubrics.md'), 'utf8').replace(/\r\n/g, '\n');
    const account = /`accounts\/sam-switchboard\.md`:\n\n```markdown\n([\s\S]*?)```/.exec(docs)![1];
    const draft = draftRubric(readFileSync(join(UNITS, 'handle-telephone-calls.md'), 'utf8'), {
      id: 'handle-telephone-calls',
    }).rubric as unknown as Rubric;
    const ids = new Set(draft.checks.map((c) => c.id));
    const own = analyze(account, { rubrics: [...bundledRubrics(), draft] }).findings.filter((f) => ids.has(f.rule));
    assert.deepEqual(
      own.map((f) => f.rule),
      ['details'],
    );
    assert.match(own[0].message, /your account shows 1\b/);
    assert.match(docs, /`details` counts 1 of the 4 details/);
  });

  it('gives one line and exit 2 for a missing file, a bad id, or a document with no criteria', () => {
    const missing = cli(['rubrics', 'draft', join(dir, 'nope.txt')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.txt: cannot read file \(no such file\)/);
    const badId = cli(['rubrics', 'draft', join(UNITS, 'handle-customer-bookings.txt'), '--id', 'Bad Id']);
    assert.equal(badId.code, 2);
    assert.match(badId.err, /lower-case letters, digits and single hyphens/);
    const empty = join(dir, 'notes.md');
    writeFileSync(empty, '# Notes\n\nNothing to assess here.\n');
    const none = cli(['rubrics', 'draft', empty]);
    assert.equal(none.code, 2);
    assert.equal(none.out, '');
    assert.match(none.err, /no rubric written/);
  });
});
