/**
 * The assessor's desk from the command line, run as an assessor runs it (the built command, in a
 * separate process, on a portfolio folder in a temporary place): `report --by learner` in each
 * format (CSV parsed back, HTML parsed with parse5, JSON against its schema), `feedback`, and
 * `assess` with its decision store (atomic write, two writers at once, a corrupt file).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import portfolioSchema from '../src/format/portfolio.schema.json' with { type: 'json' };
import assessmentsSchema from '../src/node/assessments.schema.json' with { type: 'json' };
import { analyze, bundledRubrics, draftFeedback, type PortfolioAccount } from '../src/core/index.js';
import { readDecisions, recordDecision } from '../src/node/assessments.js';
import { parseCsv } from './csv.js';
import { runTsxScript } from './tsx-script.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'reflect-lint.cjs');
const FIX = join(root, 'test', 'fixtures', 'cli');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, errLines: r.stderr.split('\n').filter((l) => l.trim()) };
}

const read = (p: string) => readFileSync(p, 'utf8');
const body = (p: string) => read(p).replace(/^---\n[\s\S]*?\n---\n/, '');

/**
 * portfolio/amira-k: a strong account and one that cites AC 4 without showing it; portfolio/ben:
 * a weak one; portfolio/anything: an account whose front matter names its learner, Cara D.
 */
function makePortfolio(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reflect-desk-'));
  const files: Record<string, string> = {
    'portfolio/amira-k/boiler.md': read(join(FIX, 'portfolio', 'strong.md')),
    'portfolio/amira-k/school-order.md': read(join(FIX, 'claims.md')),
    'portfolio/ben/helping.md': read(join(FIX, 'portfolio', 'drafts', 'weak.md')),
    'portfolio/anything/cara.md': `---\nunit: customer-relations\nlearner: Cara D\n---\n${body(join(FIX, 'portfolio', 'strong.md'))}`,
    'portfolio/ben/notes.md': read(join(FIX, 'housing-repairs.md')),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

interface Grid {
  version: number;
  units: Array<{
    unit: string | null;
    title: string;
    criteria: Array<{ id: string; text: string }>;
    rows: Array<{
      learner: string;
      accounts: string[];
      criteria: Record<
        string,
        {
          status: string;
          where: Array<{ path: string; line: number; quote?: string }>;
          claimedIn?: Array<{ path: string; line: number; quote?: string }>;
          decision?: { decision: string; comment: string };
        }
      >;
      stages: Record<string, Array<{ path: string; line: number }>>;
      counts: Record<string, number>;
      readiness: string;
      reasons: string[];
    }>;
  }>;
}

function jsonGrid(args: string[], cwd: string): Grid {
  const r = cli(['report', '--format', 'json', ...args], cwd);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Grid;
}

describe('the assessor’s desk (reflect-lint report, feedback, assess)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = makePortfolio()));
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('report --by learner --format json', () => {
    it('follows its schema, a row per learner per unit, their evidence put together, 1-based lines', () => {
      const grid = jsonGrid(['--by', 'learner', 'portfolio'], dir);
      const validate = new Ajv({ allErrors: true }).compile(portfolioSchema);
      assert.ok(validate(grid), JSON.stringify(validate.errors));
      assert.deepEqual(
        grid.units.map((u) => u.unit),
        ['customer-relations', null],
      );
      const unit = grid.units[0];
      assert.deepEqual(
        unit.criteria.map((c) => c.id),
        ['1', '2', '3', '4', '5'],
      );
      const rows = Object.fromEntries(unit.rows.map((r) => [r.learner, r]));
      assert.deepEqual(new Set(Object.keys(rows)), new Set(['amira-k', 'ben', 'Cara D']));
      assert.deepEqual(rows['amira-k'].accounts, ['portfolio/amira-k/boiler.md', 'portfolio/amira-k/school-order.md']);
      // AC 4 is shown in the boiler account and only cited in the school order: evidenced, where shown.
      const boiler = analyze(read(join(dir, 'portfolio/amira-k/boiler.md')));
      const shown = boiler.criteria
        .find((c) => c.id === '4')!
        .paragraphs.map((p) => ({
          path: 'portfolio/amira-k/boiler.md',
          line: boiler.paragraphs[p].range.start.line + 1,
        }));
      // The school order's thin citation is still flagged, quoting how its paragraph begins.
      const school = analyze(read(join(dir, 'portfolio/amira-k/school-order.md')));
      const thin = school.criteria
        .find((c) => c.id === '4')!
        .claimedIn.map((p) => ({
          path: 'portfolio/amira-k/school-order.md',
          line: school.paragraphs[p].range.start.line + 1,
          quote: 'I work on the front desk three days a week and I enjoy the variety of the job.',
        }));
      assert.equal(thin.length, 1);
      assert.deepEqual(rows['amira-k'].criteria['4'], { status: 'evidenced', where: shown, claimedIn: thin });
      // AC 1 is shown in both: both places.
      assert.deepEqual([...new Set(rows['amira-k'].criteria['1'].where.map((w) => w.path))], rows['amira-k'].accounts);
      assert.equal(rows['amira-k'].readiness, 'ready');
      assert.equal(rows['Cara D'].readiness, 'ready');
      assert.equal(rows.ben.readiness, 'refer');
      assert.ok(
        rows.ben.reasons.some((r) => /^personal data to remove \(\d+ places?\)$/.test(r)),
        rows.ben.reasons.join('; '),
      );
      assert.ok(rows.ben.counts.personalData > 0 && rows.ben.counts.hypothetical > 0 && rows.ben.counts.vague > 0);
      // Ready first, then by name.
      assert.deepEqual(
        unit.rows.map((r) => r.learner),
        ['amira-k', 'Cara D', 'ben'],
      );
      // Ben's notes name no unit: their own group.
      assert.deepEqual(
        grid.units[1].rows.map((r) => [r.learner, r.accounts]),
        [['ben', ['portfolio/ben/notes.md']]],
      );
    });

    it('gives the same shape by account, one row per account with its learner', () => {
      const grid = jsonGrid(['portfolio'], dir);
      const rows = grid.units[0].rows;
      assert.equal(rows.length, 4);
      for (const r of rows) assert.equal(r.accounts.length, 1);
      const school = rows.find((r) => r.accounts[0].endsWith('school-order.md'))!;
      assert.equal(school.learner, 'amira-k');
      assert.equal(school.criteria['4'].status, 'claimed');
      assert.match(school.criteria['4'].where[0].quote!, /^I work on the front desk three days a week/);
      assert.equal(school.readiness, 'refer');
    });
  });

  describe('report formats', () => {
    it('writes CSV that reads back to the grid: a row per learner, statuses in words, summaries and readiness', () => {
      const grid = jsonGrid(['--by', 'learner', 'portfolio'], dir);
      const r = cli(['report', '--by', 'learner', '--format', 'csv', 'portfolio'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.endsWith('\r\n'));
      const [header, ...rows] = parseCsv(r.stdout);
      assert.deepEqual(header.slice(0, 3), ['learner', 'accounts', 'unit']);
      for (const h of [
        'AC 1',
        'AC 5',
        'identify-need',
        'improve',
        'criteria',
        'stages',
        'personal data',
        'readiness',
        'reasons',
      ])
        assert.ok(header.includes(h), h);
      const expected = grid.units.flatMap((u) => u.rows.map((row) => ({ u, row })));
      assert.equal(rows.length, expected.length);
      rows.forEach((cells, i) => {
        const { u, row } = expected[i];
        assert.equal(cells.length, header.length);
        assert.equal(cells[0], row.learner);
        assert.deepEqual(cells[1].split('; '), row.accounts);
        assert.equal(cells[2], u.unit ?? '');
        for (const c of u.criteria) {
          const cell = cells[header.indexOf(`AC ${c.id}`)];
          assert.equal(cell.split(' ')[0], row.criteria[c.id].status);
          // Every place, not the first few.
          assert.equal(
            cell.match(/\bL\d+/g)?.length ?? 0,
            row.criteria[c.id].where.length + (row.criteria[c.id].claimedIn?.length ?? 0),
            cell,
          );
        }
        for (const [stage, places] of Object.entries(row.stages))
          assert.equal(cells[header.indexOf(stage)].match(/\bL\d+/g)?.length ?? 0, places.length);
        if (!u.criteria.length) assert.equal(cells[header.indexOf('AC 1')], 'n/a');
        assert.equal(cells[header.indexOf('readiness')], row.readiness);
        assert.equal(cells[header.indexOf('reasons')], row.reasons.join('; '));
        assert.equal(cells[header.indexOf('stages')], `${Object.values(row.stages).filter((s) => s.length).length}/6`);
      });
    });

    it('writes Markdown with the summary columns and a readiness cell per learner', () => {
      const r = cli(['report', '--by', 'learner', 'portfolio'], dir);
      assert.equal(r.code, 0, r.stderr);
      const head = r.stdout.split('\n').find((l) => l.startsWith('| Learner |'))!;
      assert.ok(head, r.stdout);
      const cols = head.split(' | ');
      for (const c of [
        'Accounts',
        'AC 1',
        'Improve',
        'Criteria',
        'Stages',
        'Personal data',
        'Hypothetical',
        'Vague standards',
        'Unlinked paragraphs',
        'Readiness |',
      ])
        assert.ok(cols.includes(c), c);
      const amira = r.stdout
        .split('\n')
        .find((l) => l.startsWith('| amira-k |'))!
        .split(' | ');
      assert.equal(amira[cols.indexOf('Criteria')], '5/5');
      assert.equal(amira[cols.indexOf('Readiness |')], 'ready |');
      // Several accounts in a row: each place names its account.
      assert.match(amira[cols.indexOf('AC 1')], /^✓ evidenced boiler\.md L\d+, school-order\.md L\d+$/);
      assert.match(amira[cols.indexOf('AC 4')], /^✓ evidenced boiler\.md L\d+ · ! also claimed school-order\.md L8$/);
      const ben = r.stdout.split('\n').find((l) => l.startsWith('| ben |'))!;
      assert.match(ben, /\| refer: .*personal data to remove/);
    });

    it('writes one self-contained HTML page that a real parser reads: sticky header and first column, a legend of marks, tooltips quoting claims', () => {
      const r = cli(['report', '--format', 'html', 'portfolio'], dir);
      assert.equal(r.code, 0, r.stderr);
      const errors: string[] = [];
      const doc = parse(r.stdout, { onParseError: (e) => errors.push(e.code) });
      assert.deepEqual(errors, [], 'the HTML parses without errors');
      const all = elements(doc);
      assert.equal(all.filter((e) => e.tagName === 'script').length, 0);
      for (const e of all)
        for (const a of e.attrs)
          if (a.name === 'src' || a.name === 'href') assert.doesNotMatch(a.value, /^(?:https?:)?\/\//);
      const css = all
        .filter((e) => e.tagName === 'style')
        .map(textOf)
        .join('\n');
      assert.match(css, /thead th \{[^}]*position: sticky; top: 0/);
      assert.match(css, /tbody th \{[^}]*position: sticky; left: 0/);
      assert.match(css, /@media print \{[\s\S]*position: static/);
      // The legend: each status has a mark and a word besides its colour.
      const legend = all.find((e) => e.tagName === 'ul' && attr(e, 'class') === 'legend')!;
      const marks = elements(legend)
        .filter((e) => attr(e, 'class') === 'mark')
        .map(textOf);
      assert.deepEqual(marks, ['✓', '!', '?', '✗']);
      assert.equal(new Set(marks).size, 4);
      const table = all.filter((e) => e.tagName === 'table')[0];
      const headers = elements(table)
        .filter((e) => e.tagName === 'th' && attr(e, 'scope') === 'col')
        .map(textOf);
      assert.equal(headers[0], 'Account');
      const rows = elements(table)
        .filter((e) => e.tagName === 'tr')
        .slice(1);
      const school = rows.find((tr) => textOf(tr).includes('school-order.md'))!;
      const cells = school.childNodes.filter((n): n is Element => 'tagName' in n);
      const ac4 = cells[headers.indexOf('AC 4')];
      assert.equal(attr(ac4, 'class'), 'claimed');
      assert.match(textOf(ac4), /^! claimed/);
      assert.match(
        attr(ac4, 'title')!,
        /^AC 4: Follow your organisation's complaints procedure[^\n]*\nCited at L\d+ but not shown\. The paragraph begins: “I work on the front desk three days a week and I enjoy the variety of the job\.”$/,
      );
      const readiness = cells[headers.indexOf('Readiness')];
      assert.match(textOf(readiness), /refer/);
      assert.ok(elements(readiness).some((e) => e.tagName === 'li' && /AC 4: cited but not shown/.test(textOf(e))));
    });
  });

  describe('report --by learner --format html', () => {
    it('flags a thin citation inside an evidenced cell, amber, with its quote in the tooltip', () => {
      const r = cli(['report', '--by', 'learner', '--format', 'html', 'portfolio'], dir);
      const all = elements(parse(r.stdout));
      const table = all.find((e) => e.tagName === 'table')!;
      const headers = elements(table)
        .filter((e) => e.tagName === 'th' && attr(e, 'scope') === 'col')
        .map(textOf);
      assert.equal(headers[0], 'Learner');
      const amira = elements(table).find((e) => e.tagName === 'tr' && textOf(e).startsWith('amira-k'))!;
      const ac4 = amira.childNodes.filter((n): n is Element => 'tagName' in n)[headers.indexOf('AC 4')];
      assert.equal(attr(ac4, 'class'), 'evidenced');
      const also = elements(ac4).find((e) => attr(e, 'class') === 'also')!;
      assert.equal(textOf(also), '! also claimed school-order.md L8');
      assert.match(
        attr(ac4, 'title')!,
        /\nAlso cited at school-order\.md L8 but not shown\. The paragraph begins: “I work on the front desk/,
      );
    });
  });

  describe('feedback', () => {
    it('drafts the same text for the same accounts, addressed to the learner, with what is shown, what to add and what to remove', () => {
      const first = cli(['feedback', 'portfolio', '--learner', 'ben'], dir);
      assert.equal(first.code, 0, first.stderr);
      const again = cli(['feedback', 'portfolio/ben/helping.md', 'portfolio/ben/notes.md', '--learner', 'ben'], dir);
      assert.equal(again.stdout, first.stdout, 'deterministic');
      const text = first.stdout;
      assert.match(text, /^# Feedback for ben\n/);
      assert.match(text, /\nHello ben,\n/);
      assert.match(text, /### What to add\n\n- \*\*AC 1\*\* \(Identify clearly what customers need/);
      assert.match(
        text,
        /Nothing in your account shows this yet\. Add a paragraph about a time you did it and end it with “This demonstrates my ability to identify a customer's needs/,
      );
      assert.match(text, /### Make your standards measurable\n[\s\S]*- “good service” \(helping\.md, line \d+\)/);
      assert.match(
        text,
        /### Say what you did, not what you would do\n[\s\S]*- “I would try to sort it out” \(helping\.md, line \d+\)/,
      );
      assert.match(text, /### Personal data to remove\n[\s\S]*- a phone number \(helping\.md, line \d+\)/);
      // The phone number itself is not repeated in the draft.
      assert.doesNotMatch(text, /07\d{3} ?\d{6}/);
      assert.match(text, /## No unit named[\s\S]*Add `unit:`/);
    });

    it('quotes what a learner’s account shows, and what it only claims, from the account itself', () => {
      const r = cli(['feedback', 'portfolio/amira-k'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(
        r.stdout,
        /### What your accounts show well\n\n- \*\*AC 1\*\* \([^)]*\): you wrote “[^”]+” \((?:boiler|school-order)\.md, line \d+\)\./,
      );
      assert.match(
        r.stdout,
        /- \*\*AC 4\*\* \([^)]*\): you wrote “[^”]+” \(boiler\.md, line \d+\)\. You also cite it at school-order\.md, line 8, where the paragraph does not show it: say what you did there, or take that reference out\.\n/,
      );
      assert.match(r.stdout, /Your accounts cover all six stages of the service cycle/);
      assert.doesNotMatch(r.stdout, /### What to add/);
    });

    it('writes a draft per learner without --learner, and names the learners when the one asked for has no account', () => {
      const all = cli(['feedback', 'portfolio'], dir);
      assert.deepEqual(
        [...all.stdout.matchAll(/^# Feedback for (.+)$/gm)].map((m) => m[1]),
        ['amira-k', 'ben', 'Cara D'],
      );
      const none = cli(['feedback', 'portfolio', '--learner', 'zed'], dir);
      assert.equal(none.code, 2);
      assert.equal(none.stdout, '');
      assert.deepEqual(none.errLines, [
        'reflect-lint: no account here is by learner "zed" (learners: amira-k, ben, Cara D)',
      ]);
    });

    it('is the core’s pure builder, the same for the same input', () => {
      const path = 'portfolio/ben/helping.md';
      const text = read(join(dir, path));
      const account: PortfolioAccount = { path, text, ...analyze(text) };
      assert.equal(
        draftFeedback('ben', [account], bundledRubrics()),
        draftFeedback('ben', [{ ...account }], bundledRubrics()),
      );
    });
  });

  describe('assess and the decision store', () => {
    let store: string;
    beforeEach(() => {
      store = join(dir, 'portfolio', '.reflect-lint', 'assessments.json');
      rmSync(dirname(store), { recursive: true, force: true });
    });

    it('records a decision in <portfolio>/.reflect-lint/assessments.json, shown in the grid and winning in readiness', () => {
      const r = cli(
        [
          'assess',
          '--learner',
          'amira-k',
          '--unit',
          'customer-relations',
          '--criterion',
          '2',
          '--decision',
          'not-yet-met',
          '--comment',
          'Please add the date you agreed',
        ],
        dir,
      );
      assert.equal(r.code, 0, r.stderr);
      assert.match(
        r.stdout,
        /^Recorded for amira-k, customer-relations AC 2: not yet met \(portfolio\/\.reflect-lint\/assessments\.json\)\n$/,
      );
      const saved = JSON.parse(read(store)) as { decisions: Array<Record<string, string>> };
      assert.ok(new Ajv().compile(assessmentsSchema)(saved));
      assert.equal(saved.decisions.length, 1);
      assert.deepEqual(
        { ...saved.decisions[0], at: undefined },
        {
          learner: 'amira-k',
          unit: 'customer-relations',
          criterion: '2',
          decision: 'not-yet-met',
          comment: 'Please add the date you agreed',
          at: undefined,
        },
      );
      const row = jsonGrid(['--by', 'learner', 'portfolio'], dir).units[0].rows.find((x) => x.learner === 'amira-k')!;
      assert.equal(row.criteria['2'].status, 'evidenced');
      assert.equal(row.criteria['2'].decision?.decision, 'not-yet-met');
      assert.equal(row.readiness, 'refer');
      assert.deepEqual(row.reasons, ["AC 2: not yet met (assessor's decision)"]);
      const md = cli(['report', '--by', 'learner', 'portfolio'], dir).stdout;
      assert.match(md, /\| amira-k \|[^\n]*✓ evidenced [^|]* · assessor: not yet met \|/);
      const feedback = cli(['feedback', 'portfolio', '--learner', 'amira-k'], dir).stdout;
      assert.match(
        feedback,
        /- \*\*AC 2\*\* \([^)]*\): Your assessor has marked this criterion as not yet met: “Please add the date you agreed”/,
      );
      // The later decision wins.
      assert.equal(
        cli(
          [
            'assess',
            '--learner',
            'amira-k',
            '--unit',
            'customer-relations',
            '--criterion',
            'AC 2',
            '--decision',
            'met',
          ],
          dir,
        ).code,
        0,
      );
      assert.equal(
        jsonGrid(['--by', 'learner', 'portfolio'], dir).units[0].rows.find((x) => x.learner === 'amira-k')!.readiness,
        'ready',
      );
      assert.equal(JSON.parse(read(store)).decisions.length, 2, 'the earlier decision is kept');
    });

    it('checks the unit, the criterion and the decision before writing anything', () => {
      const cases: Array<[string[], RegExp]> = [
        [
          ['--unit', 'forklift', '--criterion', '1', '--decision', 'met'],
          /^reflect-lint: --unit forklift: unknown unit \(known: customer-relations/,
        ],
        [
          ['--unit', 'customer-relations', '--criterion', '9', '--decision', 'met'],
          /^reflect-lint: --criterion 9: customer-relations has no such criterion \(its criteria: 1, 2, 3, 4, 5\)$/,
        ],
        [
          ['--unit', 'customer-relations', '--criterion', '1', '--decision', 'maybe'],
          /^reflect-lint: unknown --decision "maybe" \(use met, not-yet-met, referred\)/,
        ],
        [['--unit', 'customer-relations', '--criterion', '1'], /^reflect-lint: assess needs --decision/],
      ];
      for (const [args, message] of cases) {
        const r = cli(['assess', '--learner', 'ben', ...args], dir);
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.errLines.length, 1, r.stderr);
        assert.match(r.errLines[0], message);
      }
      assert.equal(existsSync(store), false);
    });

    it('replaces the file whole (a new file renamed over the old), leaving no temporary file', () => {
      recordDecision(join(dir, 'portfolio'), {
        learner: 'ben',
        unit: 'customer-relations',
        criterion: '1',
        decision: 'referred',
        comment: '',
        at: '2026-12-02T01:00:00.000Z',
      });
      const before = read(store);
      // A second name for the old file: written in place, it would change too; replaced, it keeps the old text.
      linkSync(store, `${store}.before`);
      recordDecision(join(dir, 'portfolio'), {
        learner: 'ben',
        unit: 'customer-relations',
        criterion: '2',
        decision: 'met',
        comment: 'seen',
        at: '2026-12-02T01:01:00.000Z',
      });
      assert.equal(read(`${store}.before`), before);
      assert.deepEqual(
        readDecisions(join(dir, 'portfolio')).map((d) => d.criterion),
        ['1', '2'],
      );
      assert.deepEqual(readdirSync(dirname(store)).sort(), ['assessments.json', 'assessments.json.before']);
    });

    it('loses neither decision when two processes record at the same time', async () => {
      // Each process records its decisions as fast as it can, so their writes overlap many times over.
      const each = 150;
      const script = (learner: string) =>
        `import { recordDecision } from ${JSON.stringify(join(root, 'src', 'node', 'assessments.ts'))};
         for (let i = 1; i <= ${each}; i++) recordDecision('portfolio', { learner: '${learner}', unit: 'customer-relations', criterion: String(1 + (i % 5)), decision: 'met', comment: '${learner} ' + i, at: new Date().toISOString() });`;
      const child = (learner: string) => runTsxScript(script(learner), { cwd: dir });
      assert.deepEqual(await Promise.all([child('amira-k'), child('ben')]), [0, 0]);
      const comments = readDecisions(join(dir, 'portfolio'))
        .map((d) => d.comment)
        .sort();
      const expected = ['amira-k', 'ben']
        .flatMap((l) => Array.from({ length: each }, (_, i) => `${l} ${i + 1}`))
        .sort();
      assert.deepEqual(comments, expected);
      assert.deepEqual(readdirSync(dirname(store)), ['assessments.json'], 'no lock or temporary file left');
    });

    it('takes over a lock left by a process that has gone', () => {
      mkdirSync(dirname(store), { recursive: true });
      // The pid of a process that has exited.
      const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
        encoding: 'utf8',
      }).stdout;
      writeFileSync(`${store}.lock`, gone);
      const r = cli(
        ['assess', '--learner', 'ben', '--unit', 'customer-relations', '--criterion', '1', '--decision', 'met'],
        dir,
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(readDecisions(join(dir, 'portfolio')).length, 1);
    });

    it('reports a corrupt file in one line and never writes over it', () => {
      mkdirSync(dirname(store), { recursive: true });
      for (const corrupt of [
        '{ "version": 1, "decisions": [ { "learner": "ben"',
        JSON.stringify({ version: 1, decisions: [{ learner: 'ben', decision: 'maybe' }] }),
      ]) {
        writeFileSync(store, corrupt);
        const r = cli(
          ['assess', '--learner', 'ben', '--unit', 'customer-relations', '--criterion', '1', '--decision', 'met'],
          dir,
        );
        assert.equal(r.code, 2);
        assert.equal(r.errLines.length, 1, r.stderr);
        assert.match(
          r.errLines[0],
          /assessments\.json: is not (?:valid JSON|a decisions file) \(.+\); it is left as it is/,
        );
        assert.equal(read(store), corrupt, 'never overwritten');
        // The report still comes, without the decisions, and says why.
        const report = cli(['report', '--format', 'csv', 'portfolio'], dir);
        assert.equal(report.code, 2);
        assert.equal(report.errLines.length, 1);
        assert.match(report.errLines[0], /assessments\.json: is not/);
        assert.ok(parseCsv(report.stdout).length > 1);
      }
      assert.deepEqual(readdirSync(dirname(store)), ['assessments.json']);
    });
  });
});

function elements(node: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) out.push(n);
    const kids = 'content' in n && n.tagName === 'template' ? [] : 'childNodes' in n ? n.childNodes : [];
    for (const k of kids) walk(k as Node);
  };
  walk(node);
  return out;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map((n) => textOf(n as Node)).join('') : '';
}

function attr(e: Element, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}
