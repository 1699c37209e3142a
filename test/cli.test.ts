/**
 * The built `reflect-lint` command, run as a user runs it: a separate process reading real files.
 * `npm test` builds dist/ first, so bin/reflect-lint.cjs is the code under test.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/main.js';
import { checkInput, OrderedOutput, type CheckJob } from '../src/cli/check-files.js';
import { formatText } from '../src/format/text.js';
import { workerPolicy } from '../src/cli/workers.js';
import { parseCsv } from './csv.js';
import { analyzeAccount, bundledRubrics, rubricRules, ruleUrl, rules } from '../src/core/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'reflect-lint.cjs');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

// Paths as the command is given them (relative to the repository, where it runs).
const FIX = 'test/fixtures/cli';
const STRONG = `${FIX}/portfolio/strong.md`;
const WEAK = `${FIX}/portfolio/drafts/weak.md`;
const UNKNOWN_UNIT = `${FIX}/unknown-unit.md`;
const HOUSING = `${FIX}/housing-repairs.md`;
/** Cites a criterion it does not show, and leaves a template's gaps unfilled. */
const CLAIMS = `${FIX}/claims.md`;

const STAGE_KEYS = ['identify-need', 'agree-standards', 'deliver', 'monitor', 'evaluate', 'improve'];
const BUNDLED = [
  'customer-relations',
  'crm-principles',
  'focus-l2-customer-relationships',
  'external-customers',
  'develop-relationships',
];
const SEVERITIES = ['error', 'warning', 'information', 'hint'];
// eslint-disable-next-line no-control-regex -- the terminal's colour codes
const ANSI = /\x1b\[/;
const STACK_FRAME = /^\s+at /m;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Non-empty lines of standard error. */
  errLines: string[];
}

function cli(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Result {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    input: options.input,
    env: options.env ?? { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    errLines: r.stderr.split(/\r?\n/).filter((l) => l.trim()),
  };
}

// ---- The JSON contract -------------------------------------------------------------------------

interface Pos {
  line: number;
  character: number;
}
interface Rng {
  start: Pos;
  end: Pos;
}
interface JFinding {
  rule: string;
  severity: string;
  message: string;
  range: Rng;
  data?: Record<string, unknown>;
  fixes?: Array<{ title: string; edits: Array<{ range: Rng; newText: string }> }>;
  url?: string;
}
interface JFile {
  path: string;
  rubric: string | null;
  findings: JFinding[];
  stages: Record<string, Rng[]>;
  paragraphs: Array<{ range: Rng; criteria: string[]; suggestedCriteria: string[] }>;
  criteria: Array<{ id: string; status: string; paragraphs: number[]; claimedIn: number[] }>;
}
interface JOutput {
  version: number;
  files: JFile[];
}

function json(args: string[], options?: Parameters<typeof cli>[1]): { result: Result; out: JOutput } {
  const result = cli(['--format', 'json', ...args], options);
  return { result, out: JSON.parse(result.stdout) as JOutput };
}

function assertRange(r: Rng, lines: string[], what: string): void {
  assert.equal(typeof r, 'object', `${what}: range`);
  for (const p of [r.start, r.end]) {
    assert.ok(
      Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length,
      `${what}: line ${p.line} out of the file`,
    );
    assert.ok(
      Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length,
      `${what}: character ${p.character} out of line ${p.line}`,
    );
  }
  assert.ok(
    r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
    `${what}: range ends before it starts`,
  );
}

/** The text a 0-based, UTF-16 range covers. */
function slice(text: string, r: Rng): string {
  const lines = text.split('\n');
  const offset = (p: Pos) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(offset(r.start), offset(r.end));
}

function assertContract(out: JOutput, texts: Map<string, string>): void {
  assert.equal(out.version, 2);
  assert.ok(Array.isArray(out.files));
  for (const f of out.files) {
    const text = texts.get(f.path);
    assert.ok(text !== undefined, `unexpected path ${f.path}`);
    const lines = text.split('\n');
    assert.ok(f.rubric === null || typeof f.rubric === 'string');
    assert.ok(Array.isArray(f.findings));
    for (const x of f.findings) {
      assert.equal(typeof x.rule, 'string');
      assert.match(x.rule, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(SEVERITIES.includes(x.severity), `severity ${x.severity}`);
      assert.equal(typeof x.message, 'string');
      assert.ok(x.message.length > 0 && !x.message.includes('\n'));
      assertRange(x.range, lines, `${f.path} ${x.rule}`);
      if (x.data !== undefined) assert.ok(x.data && typeof x.data === 'object' && !Array.isArray(x.data));
      if (x.fixes !== undefined) {
        assert.ok(Array.isArray(x.fixes) && x.fixes.length > 0);
        for (const fix of x.fixes) {
          assert.equal(typeof fix.title, 'string');
          assert.ok(Array.isArray(fix.edits) && fix.edits.length > 0);
          for (const e of fix.edits) {
            assertRange(e.range, lines, `${f.path} ${x.rule} fix`);
            assert.equal(typeof e.newText, 'string');
          }
        }
      }
    }
    assert.deepEqual(Object.keys(f.stages).sort(), [...STAGE_KEYS].sort());
    for (const k of STAGE_KEYS) {
      assert.ok(Array.isArray(f.stages[k]));
      for (const r of f.stages[k]) {
        assertRange(r, lines, `${f.path} stage ${k}`);
        assert.ok(slice(text, r).trim().length > 0, `stage ${k} evidence is empty`);
      }
    }
    assert.ok(Array.isArray(f.paragraphs));
    for (const p of f.paragraphs) {
      assertRange(p.range, lines, `${f.path} paragraph`);
      assert.ok(Array.isArray(p.criteria) && p.criteria.every((c) => typeof c === 'string'));
      assert.ok(Array.isArray(p.suggestedCriteria) && p.suggestedCriteria.every((c) => typeof c === 'string'));
    }
    assert.ok(Array.isArray(f.criteria));
    for (const c of f.criteria) {
      assert.equal(typeof c.id, 'string');
      assert.ok(['evidenced', 'claimed', 'suggested', 'missing'].includes(c.status), `status ${c.status}`);
      assert.ok(Array.isArray(c.paragraphs) && Array.isArray(c.claimedIn));
      for (const i of [...c.paragraphs, ...c.claimedIn])
        assert.ok(Number.isInteger(i) && i >= 0 && i < f.paragraphs.length, `paragraph index ${i}`);
      // Every paragraph that cites the criterion is either evidence for it or a claim of it, never both.
      const citing = f.paragraphs.flatMap((p, i) => (p.criteria.includes(c.id) ? [i] : []));
      if (c.status === 'evidenced')
        assert.deepEqual(
          [...c.paragraphs, ...c.claimedIn].sort((a, b) => a - b),
          citing,
        );
      if (c.status === 'claimed') assert.deepEqual(c.claimedIn, citing);
      if (c.status === 'suggested' || c.status === 'missing') assert.deepEqual([citing, c.claimedIn], [[], []]);
      if (c.status === 'missing') assert.deepEqual(c.paragraphs, []);
      if (c.status === 'evidenced' || c.status === 'suggested') assert.ok(c.paragraphs.length > 0);
      if (c.status === 'claimed') assert.ok(c.claimedIn.length > 0);
    }
    if (f.rubric === null) assert.deepEqual(f.criteria, []);
  }
}

const read = (p: string) => readFileSync(join(root, p), 'utf8');

// ---- Temporary files ---------------------------------------------------------------------------

let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'reflect-lint-cli-'));
});
after(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** A fresh folder under the temporary one. */
function tempDir(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A made-up unit with two criteria, for `--rubrics DIR`. */
const DOG_GROOMING = {
  $schema: 'https://reflect-lint.invalid/rubric.schema.json',
  id: 'dog-grooming-care',
  title: 'Care for dogs during grooming',
  awardingBody: 'A made-up awarding body',
  level: 2,
  criteria: [
    {
      id: '1',
      text: "Check the dog's coat and skin before grooming.",
      ability: "check a dog's coat and skin before grooming",
      signals: ['coat', 'skin', 'matted'],
    },
    {
      id: '2',
      text: 'Keep the dog calm and safe while grooming.',
      ability: 'keep a dog calm and safe while grooming',
      signals: ['calm', 'muzzle', 'treat'],
    },
  ],
  keyTerms: [{ term: 'matting', definition: 'Fur tangled into tight clumps.', criteria: ['1'] }],
  checks: [],
};

const GROOMING_ACCOUNT = `---
unit: dog-grooming-care
---
# Grooming a nervous spaniel

I checked the spaniel's coat for matted fur and sore skin before I started (AC 1).

I kept her calm with treats and short breaks while I clipped her nails (AC 2). I also trimmed her ears (AC 3).
`;

// ---- Tests -------------------------------------------------------------------------------------

describe('reflect-lint command', () => {
  describe('text format', () => {
    it('passes a strong account with exit 0 and a summary of all six stages and five criteria', () => {
      const r = cli([STRONG]);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0, r.stdout);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 1, `expected only the summary line, got:\n${r.stdout}`);
      assert.ok(lines[0].startsWith(`${STRONG}: `), lines[0]);
      assert.match(lines[0], /stages 6\/6(?! \(absent)/);
      assert.match(lines[0], /customer-relations: criteria evidenced 5\/5 \(AC 1, 2, 3, 4, 5\)/);
      assert.match(lines[0], /no findings/);
    });

    it('prints each finding as `file:line:col  severity  message  rule`, 1-based, matching the JSON', () => {
      const r = cli([WEAK]);
      assert.equal(r.code, 1);
      const { out } = json([WEAK]);
      const findings = out.files[0].findings;
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, findings.length + 1, 'one line per finding and a summary');
      const pattern = /^(.+):(\d+):(\d+) {2}(error|warning|information|hint) {2}(.+) {2}([a-z0-9-]+)$/;
      findings.forEach((f, i) => {
        const m = pattern.exec(lines[i]);
        assert.ok(m, `not in the text format: ${lines[i]}`);
        assert.equal(m[1], WEAK);
        assert.equal(Number(m[2]), f.range.start.line + 1);
        assert.equal(Number(m[3]), f.range.start.character + 1);
        assert.equal(m[4], f.severity);
        assert.equal(m[5], f.message);
        assert.equal(m[6], f.rule);
      });
    });

    it('puts the vague standard, the hypothetical and the phone number at their 1-based line and column', () => {
      const text = read(WEAK);
      const fileLines = text.split('\n');
      const at = (needle: string) => {
        const line = fileLines.findIndex((l) => l.includes(needle));
        assert.ok(line >= 0, needle);
        return `${WEAK}:${line + 1}:${fileLines[line].indexOf(needle) + 1}`;
      };
      const out = cli([WEAK]).stdout.split('\n');
      const has = (where: string, severity: string, rule: string) =>
        assert.ok(
          out.some((l) => l.startsWith(`${where}  ${severity}  `) && l.endsWith(`  ${rule}`)),
          `no ${rule} at ${where}:\n${out.join('\n')}`,
        );
      has(at('good service'), 'warning', 'vague-standard');
      has(at('as soon as possible'), 'warning', 'vague-standard');
      has(at('If a customer complained I would'), 'warning', 'hypothetical-language');
      has(at('07700 900123'), 'warning', 'personal-data');
      has(at('Jane Smith'), 'warning', 'personal-data');
    });

    it('ends each file with a summary line counting stages n/6 and criteria evidenced n/m', () => {
      const { out } = json([STRONG, WEAK, HOUSING]);
      const text = cli([STRONG, WEAK, HOUSING]).stdout;
      for (const f of out.files) {
        const summary = text.split('\n').find((l) => l.startsWith(`${f.path}: stages `));
        assert.ok(summary, `no summary for ${f.path}`);
        const present = STAGE_KEYS.filter((k) => f.stages[k].length).length;
        assert.ok(summary.includes(`stages ${present}/6`), summary);
        for (const k of STAGE_KEYS.filter((k) => !f.stages[k].length))
          assert.ok(summary.includes(k), `${summary} should name absent stage ${k}`);
        if (f.rubric) {
          const evidenced = f.criteria.filter((c) => c.status === 'evidenced').length;
          assert.ok(summary.includes(`${f.rubric}: criteria evidenced ${evidenced}/${f.criteria.length}`), summary);
        } else {
          assert.match(summary, /no unit rubric/);
        }
      }
      // The weak account evidences nothing and misses most of the cycle.
      const weak = out.files.find((f) => f.path === WEAK)!;
      assert.equal(weak.rubric, 'customer-relations');
      assert.ok(weak.criteria.every((c) => c.status !== 'evidenced'));
      assert.ok(STAGE_KEYS.filter((k) => weak.stages[k].length).length < 6);
    });
  });

  describe('JSON format', () => {
    it('matches the version 2 contract', () => {
      const { result, out } = json([STRONG, WEAK, HOUSING, UNKNOWN_UNIT]);
      assert.equal(result.code, 2, 'the unknown unit makes it 2');
      assertContract(out, new Map([STRONG, WEAK, HOUSING, UNKNOWN_UNIT].map((p) => [p, read(p)])));
      assert.deepEqual(
        out.files.map((f) => f.path),
        [STRONG, WEAK, HOUSING, UNKNOWN_UNIT],
      );
      assert.deepEqual(
        out.files.map((f) => f.rubric),
        ['customer-relations', 'customer-relations', null, null],
      );
      for (const f of out.files.filter((x) => x.rubric === 'customer-relations'))
        assert.deepEqual(
          f.criteria.map((c) => c.id),
          ['1', '2', '3', '4', '5'],
        );
    });

    it('gives 0-based UTF-16 ranges that cover the text each finding is about', () => {
      const { out } = json([WEAK]);
      const text = read(WEAK);
      const f = out.files[0];
      const vague = f.findings.filter((x) => x.rule === 'vague-standard');
      assert.deepEqual(vague.map((x) => slice(text, x.range)).sort(), ['as soon as possible', 'good service']);
      for (const x of vague) assert.equal(slice(text, x.range), x.data?.phrase);
      // "good service" follows an emoji (two UTF-16 units) and an accented letter on its line.
      const good = vague.find((x) => x.data?.phrase === 'good service')!;
      const line = text.split('\n')[good.range.start.line];
      assert.ok(line.includes('🏊'));
      assert.equal(good.range.start.character, line.indexOf('good service'));

      const hypothetical = f.findings.find((x) => x.rule === 'hypothetical-language');
      assert.ok(hypothetical);
      assert.equal(slice(text, hypothetical.range), hypothetical.data?.text);
      assert.match(slice(text, hypothetical.range), /^If a customer complained I would/);

      const personal = f.findings.filter((x) => x.rule === 'personal-data');
      assert.deepEqual(personal.map((x) => slice(text, x.range)).sort(), ['07700 900123', 'Jane Smith']);
      // Each fix edits exactly the text the finding points at.
      for (const x of [...personal, ...vague]) {
        assert.ok(x.fixes?.length, `${x.rule} has a fix`);
        for (const fix of x.fixes!)
          for (const e of fix.edits)
            assert.ok(slice(text, x.range).endsWith(slice(text, e.range)) && slice(text, e.range).length > 0);
      }
    });

    it('maps paragraphs and criteria to the text that references them', () => {
      const { out } = json([STRONG]);
      const text = read(STRONG);
      const f = out.files[0];
      assert.equal(f.findings.length, 0);
      assert.ok(f.paragraphs.length >= 5);
      for (const p of f.paragraphs) {
        const body = slice(text, p.range);
        assert.equal(p.range.start.character, 0, 'a paragraph starts at the start of its line');
        const cited = [...new Set([...body.matchAll(/\(AC (\d+)\)/g)].map((m) => m[1]))];
        assert.deepEqual(p.criteria, cited, body);
        assert.match(body, /\(AC \d+\)\.$/, 'the range runs to the end of the paragraph');
      }
      for (const c of f.criteria) {
        assert.equal(c.status, 'evidenced');
        const citing = f.paragraphs.flatMap((p, i) => (p.criteria.includes(c.id) ? [i] : []));
        assert.deepEqual(c.paragraphs, citing);
        assert.deepEqual(c.claimedIn, []);
      }
      for (const k of STAGE_KEYS) assert.ok(f.stages[k].length > 0, `stage ${k}`);
    });

    it('counts a citation as evidence only when its paragraph shows the criterion (version 2)', () => {
      const { out } = json([CLAIMS]);
      const text = read(CLAIMS);
      const f = out.files[0];
      const status = Object.fromEntries(f.criteria.map((c) => [c.id, c]));
      // Paragraph 0 tells how the learner found out what the customer needed, and cites AC 1.
      assert.deepEqual(status['1'], { id: '1', status: 'evidenced', paragraphs: [0], claimedIn: [] });
      // Paragraph 1 is about the learner's job; only its link sentence speaks of complaints.
      assert.deepEqual(status['4'], { id: '4', status: 'claimed', paragraphs: [], claimedIn: [1] });
      // Paragraph 2 is a template's frame with its gaps left in: it does not make AC 3 suggested.
      assert.equal(status['3'].status, 'missing');

      const claimed = f.findings.filter((x) => x.rule === 'criterion-claimed');
      assert.equal(claimed.length, 1);
      assert.equal(claimed[0].severity, 'information');
      assert.equal(slice(text, claimed[0].range), 'AC 4');
      assert.deepEqual(
        { ...claimed[0].data, supportedCriteria: undefined },
        { criterion: '4', paragraph: 1, supportedCriteria: undefined },
      );
      assert.match(
        claimed[0].message,
        /cites AC 4 but does not yet say what you did for it\. Add what you did: how you follow your organisation's complaints procedure/,
      );
      assert.equal(claimed[0].fixes, undefined, 'no fix deletes the claim');
      // Nothing else says the same thing about AC 4.
      assert.ok(!f.findings.some((x) => x.rule === 'criterion-not-evidenced' && x.data?.criterion === '4'));

      const gaps = f.findings.filter((x) => x.rule === 'unfilled-placeholder');
      assert.deepEqual(
        gaps.map((x) => slice(text, x.range)),
        ['[first way]', '[second way]', '[what you found]', '[your improvement]'],
      );
      assert.ok(
        gaps.every((x) => x.severity === 'warning' && x.data?.placeholder === slice(text, x.range) && !x.fixes),
      );

      const summary = cli([CLAIMS])
        .stdout.split('\n')
        .find((l) => l.startsWith(`${CLAIMS}: stages `))!;
      assert.match(summary, /criteria evidenced 1\/5 \(AC 1\), cited but not yet shown: AC 4/);
      const line = f.paragraphs[1].range.start.line + 1;
      const grid = cli(['report', CLAIMS])
        .stdout.split('\n')
        .find((l) => l.startsWith(`| ${CLAIMS} |`))!;
      assert.deepEqual(grid.split(' | ').slice(2, 7), [
        `✓ evidenced L${f.paragraphs[0].range.start.line + 1}`,
        '✗ missing',
        '✗ missing',
        `! claimed L${line}`,
        '✗ missing',
      ]);
      const html = cli(['report', '--format', 'html', CLAIMS]).stdout;
      // The claimed cell is amber with its mark and word, and its tooltip quotes how the citing paragraph begins.
      const opening = text.split('\n')[f.paragraphs[1].range.start.line].split('. ')[0];
      assert.match(
        html,
        new RegExp(
          `<td class="claimed" title="AC 4: [^"]*\nCited at L${line} but not shown\\. The paragraph begins: “${opening}\\.”"[^>]*>`,
        ),
      );
      assert.match(
        html,
        /class="legend">.*<span class="claimed">.*claimed<\/span> a paragraph cites the criterion but does not yet show it/,
      );
    });
  });

  describe('SARIF format', () => {
    it('is SARIF 2.1.0 with one result per finding and 1-based regions', () => {
      const r = cli(['--format', 'sarif', WEAK]);
      assert.equal(r.code, 1);
      const sarif = JSON.parse(r.stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif/i);
      assert.equal(sarif.runs.length, 1);
      const runOut = sarif.runs[0];
      assert.equal(runOut.tool.driver.name, 'reflect-lint');
      assert.equal(runOut.tool.driver.version, pkg.version);
      const findings = json([WEAK]).out.files[0].findings;
      assert.equal(runOut.results.length, findings.length);
      const level: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'none' };
      runOut.results.forEach((res: any, i: number) => {
        const f = findings[i];
        assert.equal(res.ruleId, f.rule);
        assert.equal(runOut.tool.driver.rules[res.ruleIndex].id, res.ruleId);
        assert.equal(res.level, level[f.severity]);
        assert.equal(res.message.text, f.message);
        const loc = res.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uri, WEAK);
        assert.deepEqual(loc.region, {
          startLine: f.range.start.line + 1,
          startColumn: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
        });
      });
      // Every rule the driver lists is used, and listed once.
      const ids = runOut.tool.driver.rules.map((x: { id: string }) => x.id);
      assert.equal(new Set(ids).size, ids.length);
      assert.deepEqual(new Set(ids), new Set(findings.map((f) => f.rule)));
    });

    it('describes each rule from the Rule objects the analyser runs: built-in rules and rubric checks alike', () => {
      const account = `${FIX}/claims.md`;
      const runOut = JSON.parse(cli(['--format', 'sarif', WEAK, account]).stdout).runs[0];
      const findings = json([WEAK, account]).out.files.flatMap((f) => f.findings);
      const all = [...rules, ...bundledRubrics().flatMap((r) => rubricRules(r))];
      const checks = new Set(bundledRubrics().flatMap((r) => r.checks.map((c) => c.id)));
      assert.ok(
        runOut.tool.driver.rules.some((d: { id: string }) => checks.has(d.id)),
        'the account has a rubric check finding',
      );
      for (const d of runOut.tool.driver.rules) {
        const rule = all.find((r) => r.id === d.id)!;
        assert.deepEqual(d, {
          id: rule.id,
          shortDescription: { text: rule.summary },
          helpUri: ruleUrl(rule),
          defaultConfiguration: {
            level: { error: 'error', warning: 'warning', information: 'note', hint: 'none' }[rule.severity],
          },
        });
        for (const f of findings.filter((x) => x.rule === d.id)) assert.equal(f.url, d.helpUri);
      }
    });

    it('has no results for the strong account, with exit 0', () => {
      const r = cli(['--format', 'sarif', STRONG]);
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.stdout).runs[0].results, []);
    });
  });

  describe('inputs', () => {
    it('reads standard input for `-`, checking it as it would the file', () => {
      const fromFile = json([WEAK]).out.files[0];
      const { result, out } = json(['-'], { input: read(WEAK) });
      assert.equal(result.code, 1);
      assert.equal(out.files.length, 1);
      assert.equal(out.files[0].path, '<stdin>');
      assert.deepEqual({ ...out.files[0], path: WEAK }, fromFile);
      const strong = cli(['-'], { input: read(STRONG) });
      assert.equal(strong.code, 0);
      assert.match(strong.stdout, /^<stdin>: stages 6\/6/);
    });

    it('checks every Markdown file in a folder and its subfolders, skipping other files', () => {
      const { result, out } = json([`${FIX}/portfolio`]);
      assert.equal(result.code, 1);
      assert.equal(result.stderr, '');
      assert.deepEqual(out.files.map((f) => f.path).sort(), [WEAK, STRONG].sort());
      assert.ok(
        readdirSync(join(root, FIX, 'portfolio')).includes('notes.txt'),
        'the folder holds a non-Markdown file too',
      );
    });

    it('expands a quoted glob itself', () => {
      const { result, out } = json([`${FIX}/**/*.md`]);
      const expected = [STRONG, WEAK, HOUSING, UNKNOWN_UNIT, CLAIMS];
      assert.deepEqual(out.files.map((f) => f.path).sort(), expected.sort());
      assert.equal(result.code, 2, 'unknown-unit.md is among them');
      const one = json([`${FIX}/portfolio/*.md`]).out;
      assert.deepEqual(
        one.files.map((f) => f.path),
        [STRONG],
      );
    });

    it('reports each bad input in one stderr line with its reason, exit 2, and still checks the good files', () => {
      const dir = tempDir('bad-inputs');
      const binary = join(dir, 'photo.md');
      writeFileSync(
        binary,
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      );
      const latin1 = join(dir, 'latin1.md');
      writeFileSync(
        latin1,
        Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from(' account\n\nI served a customer.\n')]),
      );
      const big = join(dir, 'huge.md');
      writeFileSync(big, Buffer.alloc(5 * 1024 * 1024 + 1024, 'a'));
      const empty = tempDir('no-markdown-here');
      const missing = join(dir, 'not-there.md');
      const bad: Array<[string, RegExp]> = [
        [binary, /binary/i],
        [latin1, /UTF-8/],
        [big, /too large|5 MB/i],
        [missing, /no such file/i],
        [empty, /no Markdown/i],
      ];
      for (const format of ['text', 'json']) {
        const r = cli(['--format', format, binary, STRONG, latin1, big, missing, empty, WEAK]);
        assert.equal(r.code, 2, format);
        assert.doesNotMatch(r.stderr, STACK_FRAME);
        assert.equal(r.errLines.length, bad.length, r.stderr);
        for (const [path, reason] of bad) {
          const line = r.errLines.filter((l) => l.includes(path));
          assert.equal(line.length, 1, `one line for ${path}:\n${r.stderr}`);
          assert.match(line[0], reason);
        }
        if (format === 'json') {
          assert.deepEqual(
            JSON.parse(r.stdout).files.map((f: JFile) => f.path),
            [STRONG, WEAK],
          );
        } else {
          assert.match(r.stdout, new RegExp(`^${STRONG.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: stages 6/6`, 'm'));
          assert.ok(r.stdout.includes(`${WEAK}: stages `));
          for (const [path] of bad) assert.ok(!r.stdout.includes(path), `${path} should not be on stdout`);
        }
      }
    });

    it('rejects invalid UTF-8 and binary data on standard input too', () => {
      const r = cli(['-'], { input: Buffer.from([0x49, 0x20, 0xff, 0xfe, 0x0a]) });
      assert.equal(r.code, 2);
      assert.equal(r.errLines.length, 1);
      assert.match(r.errLines[0], /^<stdin>: .*UTF-8/);
      assert.equal(r.stdout, '');
    });
  });

  describe('many files across worker threads', () => {
    const DEBUG_LINE = /^reflect-lint: \d+ inputs, \d+ worker threads? and the main thread\n/m;
    let dir: string;
    before(() => {
      // 60 accounts (every fixture, over and over, in two folders) with a binary and a Latin-1 file among them.
      dir = tempDir('many');
      const fixtures = [STRONG, WEAK, HOUSING, CLAIMS, UNKNOWN_UNIT].map((p) => read(p));
      for (let i = 0; i < 60; i++) {
        const sub = join(dir, i < 30 ? 'a' : 'b');
        mkdirSync(sub, { recursive: true });
        writeFileSync(join(sub, `account-${String(i).padStart(2, '0')}.md`), fixtures[i % fixtures.length]);
      }
      writeFileSync(join(dir, 'a', 'account-07-photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
      writeFileSync(
        join(dir, 'b', 'account-44-latin1.md'),
        Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      );
    });

    const runWith = (workers: string | undefined, args: string[], input?: string) => {
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', REFLECT_LINT_DEBUG: '1' };
      delete env.REFLECT_LINT_WORKERS;
      if (workers !== undefined) env.REFLECT_LINT_WORKERS = workers;
      return cli(args, { env, input });
    };

    for (const format of ['json', 'text']) {
      it(`writes the same ${format} output, byte for byte, on one thread and across workers`, () => {
        const args = ['--format', format, dir, '-'];
        const input = read(WEAK);
        const one = runWith('0', args, input);
        assert.doesNotMatch(one.stderr, DEBUG_LINE, 'REFLECT_LINT_WORKERS=0 keeps to one thread');
        assert.equal(one.code, 2, 'the binary and Latin-1 files and the unknown units');
        assert.equal(one.errLines.length, 2 + 12, one.stderr);
        if (format === 'json')
          assert.equal((JSON.parse(one.stdout) as JOutput).files.length, 60 + 1, 'every account and standard input');
        for (const workers of ['1', '3']) {
          const many = runWith(workers, args, input);
          assert.match(many.stderr, DEBUG_LINE, `REFLECT_LINT_WORKERS=${workers}`);
          assert.equal(many.stdout, one.stdout);
          assert.equal(many.stderr.replace(DEBUG_LINE, ''), one.stderr);
          assert.equal(many.code, one.code);
        }
      });
    }

    it('uses one worker per core but one from 50 files on three cores or more, unless told', () => {
      assert.equal(workerPolicy(60, {}, 8), 7);
      assert.equal(workerPolicy(50, {}, 3), 2);
      assert.equal(workerPolicy(49, {}, 8), 0, 'too few files');
      assert.equal(workerPolicy(1000, {}, 2), 0, 'two cores: V8 keeps the second busy');
      assert.equal(workerPolicy(1000, { REFLECT_LINT_WORKERS: '0' }, 8), 0);
      assert.equal(workerPolicy(5, { REFLECT_LINT_WORKERS: '2' }, 2), 2, 'forced, however few the files');
      assert.equal(
        workerPolicy(2, { REFLECT_LINT_WORKERS: '4' }, 8),
        1,
        'never more workers than inputs beyond the first',
      );
      assert.equal(workerPolicy(60, { REFLECT_LINT_WORKERS: 'many' }, 4), 3, 'a malformed value is ignored');
    });

    it('stops quietly when the reader of its output goes away, as `| head` does', async () => {
      const child = spawn(process.execPath, [bin, '--format', 'json', dir], {
        cwd: root,
        env: { ...process.env, NO_COLOR: '1' },
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      // A megabyte of JSON for 60 accounts: far more than a pipe holds, so the command is still writing.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.doesNotMatch(stderr, STACK_FRAME);
      assert.doesNotMatch(stderr, /EPIPE|internal error/);
      // Its own exit code: 2 when it had checked everything (a bad file is among them), 1 when stopped before the end.
      assert.ok(code === 1 || code === 2, `exit ${code}`);
    });

    it('streams each file as one JSON document, as JSON.stringify writes the whole, and text as formatText does', () => {
      const rubrics = bundledRubrics();
      const inputs = [STRONG, WEAK, CLAIMS].map((path) => ({ path, text: read(path) }));
      const files = inputs.map(({ path, text }) => ({ path, ...analyzeAccount(text, { rubrics }).result }));
      const expected = {
        json:
          JSON.stringify(
            {
              version: 2,
              files: files.map((f) => ({
                path: f.path,
                rubric: f.rubric,
                findings: f.findings,
                stages: f.stages,
                paragraphs: f.paragraphs,
                criteria: f.criteria,
              })),
            },
            null,
            2,
          ) + '\n',
        text: formatText(files, rubrics, { enabled: false }),
      };
      for (const render of ['json', 'text'] as const) {
        const job: CheckJob = { rubrics, render, colours: false };
        for (const some of [inputs, []]) {
          let out = '';
          const output = new OrderedOutput({ out: (s) => (out += s), err: () => {} }, render);
          for (const input of some) output.add(checkInput(input, job, () => Buffer.alloc(0)));
          output.end();
          if (some.length) assert.equal(out, expected[render]);
          else assert.equal(out, render === 'json' ? JSON.stringify({ version: 2, files: [] }, null, 2) + '\n' : '');
        }
      }
    });
  });

  describe('rubric choice', () => {
    it('uses --rubric for an account whose front matter names no unit', () => {
      const without = json([HOUSING]).out.files[0];
      assert.equal(without.rubric, null);
      const { result, out } = json(['--rubric', 'external-customers', HOUSING]);
      assert.equal(result.stderr, '');
      assert.equal(out.files[0].rubric, 'external-customers');
      assert.equal(out.files[0].criteria.length, 3);
    });

    it('says an unknown --rubric is unknown in one line, exit 2, and still runs the general rules', () => {
      const r = cli(['--rubric', 'plumbing-level-9', HOUSING]);
      assert.equal(r.code, 2);
      assert.equal(r.errLines.length, 1, r.stderr);
      assert.match(r.errLines[0], /plumbing-level-9/);
      assert.match(r.errLines[0], /unknown rubric/);
      assert.doesNotMatch(r.stderr, STACK_FRAME);
      assert.match(r.stdout, new RegExp(`${HOUSING}: stages \\d/6[^·]*· no unit rubric`));
    });

    it('checks an account naming an unknown unit with the general rules, exit 2', () => {
      const r = cli([UNKNOWN_UNIT]);
      assert.equal(r.code, 2);
      assert.equal(r.errLines.length, 1, r.stderr);
      assert.ok(r.errLines[0].startsWith(`${UNKNOWN_UNIT}: `), r.errLines[0]);
      assert.match(r.errLines[0], /unknown unit "forklift-safety"/);
      const { out } = json([UNKNOWN_UNIT]);
      assert.equal(out.files[0].rubric, null);
      const rules = new Set(out.files[0].findings.map((f) => f.rule));
      assert.ok(rules.has('vague-standard') && rules.has('hypothetical-language'), [...rules].join());
      assert.ok(!rules.has('criterion-not-evidenced'), 'no rubric rule runs without a rubric');
      assert.match(r.stdout, /no unit rubric/);
    });

    it('adds a valid rubric from --rubrics DIR that accounts then name in front matter', () => {
      const dir = tempDir('custom-rubrics');
      writeFileSync(join(dir, 'dog-grooming-care.json'), JSON.stringify(DOG_GROOMING, null, 2));
      const account = join(tempDir('grooming'), 'spaniel.md');
      writeFileSync(account, GROOMING_ACCOUNT);

      // Without the folder the unit is unknown.
      const before = cli([account]);
      assert.equal(before.code, 2);
      assert.match(before.stderr, /unknown unit "dog-grooming-care"/);

      const { result, out } = json(['--rubrics', dir, account]);
      assert.equal(result.stderr, '');
      const f = out.files[0];
      assert.equal(f.rubric, 'dog-grooming-care');
      assert.deepEqual(
        f.criteria.map((c) => [c.id, c.status]),
        [
          ['1', 'evidenced'],
          ['2', 'evidenced'],
        ],
      );
      // AC 3 is not a criterion of this unit.
      const unknown = f.findings.filter((x) => x.rule === 'unknown-criterion');
      assert.equal(unknown.length, 1);
      assert.equal(unknown[0].severity, 'error');
      assert.equal(slice(GROOMING_ACCOUNT, unknown[0].range), '3');
      assert.equal(result.code, 1);
      assert.match(cli(['--rubrics', dir, account]).stdout, /dog-grooming-care: criteria evidenced 2\/2 \(AC 1, 2\)/);

      const list = cli(['--rubrics', dir, 'rubrics']);
      assert.equal(list.code, 0);
      const line = list.stdout.split('\n').find((l) => l.startsWith('dog-grooming-care'));
      assert.ok(line, list.stdout);
      assert.match(line, /2 criteria/);
    });

    it('reports a malformed rubric in --rubrics DIR in one line naming the file, and uses the others', () => {
      const dir = tempDir('mixed-rubrics');
      writeFileSync(join(dir, 'dog-grooming-care.json'), JSON.stringify(DOG_GROOMING));
      writeFileSync(join(dir, 'half-written.json'), JSON.stringify(DOG_GROOMING).slice(0, 120));
      const account = join(tempDir('grooming-2'), 'spaniel.md');
      writeFileSync(account, GROOMING_ACCOUNT);
      const { result, out } = json(['--rubrics', dir, account, STRONG]);
      assert.equal(result.code, 2);
      assert.equal(result.errLines.length, 1, result.stderr);
      assert.match(result.errLines[0], /half-written\.json/);
      assert.match(result.errLines[0], /JSON/);
      assert.doesNotMatch(result.stderr, STACK_FRAME);
      assert.deepEqual(
        out.files.map((f) => f.rubric),
        ['dog-grooming-care', 'customer-relations'],
      );

      const list = cli(['--rubrics', dir, 'rubrics']);
      assert.equal(list.code, 2);
      assert.equal(list.errLines.length, 1);
      const ids = list.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/)[0]);
      assert.deepEqual(ids, [...BUNDLED, 'dog-grooming-care']);
    });

    it('says a missing --rubrics folder is missing, in one line', () => {
      const r = cli(['--rubrics', join(tmp, 'no-such-folder'), STRONG]);
      assert.equal(r.code, 2);
      assert.equal(r.errLines.length, 1);
      assert.match(r.errLines[0], /no-such-folder/);
      assert.match(r.stdout, /stages 6\/6/);
    });
  });

  describe('report', () => {
    const accounts = [STRONG, WEAK, HOUSING];

    it('writes a Markdown mapping grid with a column per criterion and stage and a row per account', () => {
      const r = cli(['report', ...accounts]);
      assert.equal(r.code, 0, 'a report with findings still succeeds');
      assert.equal(r.stderr, '');
      const rows = r.stdout.split('\n').filter((l) => l.startsWith('| '));
      const header = rows.find((l) => l.includes('AC 1'));
      assert.ok(header, r.stdout);
      for (const h of [
        'AC 1',
        'AC 2',
        'AC 3',
        'AC 4',
        'AC 5',
        'Identify need',
        'Agree standards',
        'Deliver',
        'Monitor',
        'Evaluate',
        'Improve',
      ])
        assert.ok(header.includes(h), h);
      for (const a of accounts) assert.equal(rows.filter((l) => l.startsWith(`| ${a} |`)).length, 1, a);
      // The strong account's criterion cells give the first line of each citing paragraph.
      const strong = json([STRONG]).out.files[0];
      const cells = rows
        .find((l) => l.startsWith(`| ${STRONG} |`))!
        .split(' | ')
        .slice(2, 7);
      strong.criteria.forEach((c, i) => {
        const lines = c.paragraphs.map((p) => `L${strong.paragraphs[p].range.start.line + 1}`);
        assert.equal(cells[i], `✓ evidenced ${lines.join(', ')}`);
      });
      assert.match(
        rows.find((l) => l.startsWith(`| ${WEAK} |`))!,
        /missing/,
      );
    });

    it('writes one self-contained HTML file with a print stylesheet', () => {
      const r = cli(['report', '--format', 'html', ...accounts]);
      assert.equal(r.code, 0);
      const html = r.stdout;
      assert.match(html, /^<!doctype html>/i);
      assert.match(html, /<\/html>\s*$/);
      assert.match(html, /<style[^>]*>[\s\S]*@media print[\s\S]*<\/style>/);
      const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]);
      for (const ref of refs) assert.doesNotMatch(ref, /^(?:https?:)?\/\//i, `external reference ${ref}`);
      assert.doesNotMatch(html, /<link\b[^>]*stylesheet/i);
      assert.doesNotMatch(html, /url\(\s*["']?(?:https?:)?\/\//i);
      for (const a of accounts) assert.ok(html.includes(a), a);
      assert.match(html, /<table/);
    });

    it('writes CSV with a header of criterion and stage columns and one row per account', () => {
      const r = cli(['report', '--format', 'csv', ...accounts]);
      assert.equal(r.code, 0);
      const table = parseCsv(r.stdout);
      const [header, ...rows] = table;
      assert.equal(header[0], 'account');
      for (const c of ['AC 1', 'AC 2', 'AC 3', 'AC 4', 'AC 5']) assert.ok(header.includes(c), c);
      for (const s of STAGE_KEYS) assert.ok(header.includes(s), s);
      assert.equal(rows.length, accounts.length);
      assert.deepEqual(
        rows.map((row) => row[0]),
        accounts,
      );
      for (const row of rows) assert.equal(row.length, header.length);
      const weak = rows[1];
      assert.equal(weak[header.indexOf('AC 1')], 'missing');
      const strong = rows[0];
      for (const s of STAGE_KEYS) assert.match(strong[header.indexOf(s)], /^L\d+/, s);
      // An account with no unit has no criterion cells to fill.
      assert.equal(rows[2][header.indexOf('AC 1')], 'n/a');
    });

    it('gives exit 2 for a report with a bad input, still reporting the others', () => {
      const r = cli(['report', '--format', 'csv', STRONG, join(tmp, 'gone.md')]);
      assert.equal(r.code, 2);
      assert.equal(r.errLines.length, 1);
      assert.match(r.errLines[0], /gone\.md/);
      assert.equal(parseCsv(r.stdout).length, 2);
    });
  });

  describe('rubrics', () => {
    it('lists the five bundled rubrics', () => {
      const r = cli(['rubrics']);
      assert.equal(r.code, 0);
      assert.equal(r.stderr, '');
      const ids = r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/)[0]);
      assert.deepEqual([...ids].sort(), [...BUNDLED].sort());
      const asJson = JSON.parse(cli(['rubrics', '--format', 'json']).stdout);
      assert.deepEqual(asJson.rubrics.map((x: { id: string }) => x.id).sort(), [...BUNDLED].sort());
    });

    it('suggests customer-relations first for a housing repairs account about surveys, standards and complaints', () => {
      const r = cli(['rubrics', 'suggest', HOUSING]);
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.trim().split('\n');
      const ranked = lines.map((l) => {
        const m = /^(\d+(?:\.\d+)?)\s+(\S+)/.exec(l);
        assert.ok(m, l);
        return { score: Number(m[1]), id: m[2] };
      });
      assert.equal(ranked[0].id, 'customer-relations');
      assert.deepEqual(ranked.map((x) => x.id).sort(), [...BUNDLED].sort());
      for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1].score >= ranked[i].score, 'best first');
      assert.ok(ranked[0].score > ranked[1].score, 'a clear winner');
      const asJson = JSON.parse(cli(['rubrics', 'suggest', HOUSING, '--format', 'json']).stdout);
      assert.equal(asJson.rubrics[0].id, 'customer-relations');
    });
  });

  describe('colour', () => {
    it('writes no ANSI escapes when output is piped, even without NO_COLOR', () => {
      const env = { ...process.env };
      delete env.NO_COLOR;
      delete env.FORCE_COLOR;
      const r = cli([WEAK, STRONG], { env });
      assert.ok(r.stdout.length > 0);
      assert.doesNotMatch(r.stdout, ANSI);
      assert.doesNotMatch(r.stderr, ANSI);
      assert.doesNotMatch(cli(['rubrics'], { env }).stdout, ANSI);
    });

    it('writes no ANSI escapes when NO_COLOR is set', () => {
      const r = cli([WEAK]);
      assert.doesNotMatch(r.stdout, ANSI);
    });

    it('colours a terminal only when neither NO_COLOR nor --no-color says otherwise', () => {
      const capture = (argv: string[], env: NodeJS.ProcessEnv) => {
        let out = '';
        const code = run(argv, {
          out: (s) => (out += s),
          err: () => {},
          stdin: () => Buffer.alloc(0),
          isTTY: true,
          env,
        });
        return { code, out };
      };
      const path = join(root, WEAK);
      assert.match(capture([path], {}).out, ANSI, 'a terminal gets colour');
      assert.doesNotMatch(capture([path], { NO_COLOR: '1' }).out, ANSI);
      assert.doesNotMatch(capture(['--no-color', path], {}).out, ANSI);
    });
  });

  describe('usage', () => {
    it('prints help with exit 0', () => {
      const r = cli(['--help']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /Usage/);
      assert.match(r.stdout, /--format/);
      assert.equal(r.stderr, '');
      assert.equal(cli(['-h']).stdout, r.stdout);
    });

    it('prints the version', () => {
      const r = cli(['--version']);
      assert.equal(r.code, 0);
      assert.equal(r.stdout.trim(), pkg.version);
    });

    it('rejects an unknown option with exit 2 and a one-line message', () => {
      const r = cli(['--frobnicate', STRONG]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.doesNotMatch(r.stderr, STACK_FRAME);
      assert.equal(r.errLines.length, 1, `expected one line, got:\n${r.stderr}`);
      assert.match(r.errLines[0], /--frobnicate/);
    });

    it('rejects an unknown format and a missing account with exit 2 and no stack trace', () => {
      const cases: Array<[string[], RegExp]> = [
        [['--format', 'xml', STRONG], /unknown format "xml"/],
        [['report', '--format', 'pdf', STRONG], /unknown format "pdf"/],
        [[], /no account/],
      ];
      for (const [args, message] of cases) {
        const r = cli(args);
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.stdout, '');
        assert.ok(r.errLines.length >= 1);
        assert.doesNotMatch(r.stderr, STACK_FRAME);
        assert.match(r.errLines[0], message);
      }
    });
  });
});
