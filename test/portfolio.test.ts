/**
 * portfolio.ts: who an account is by, a learner's accounts put together per unit, the readiness
 * verdict and its reasons, the assessor's decisions winning, and the order of the rows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  bundledRubrics,
  type AnalysisResult,
  type CriterionResult,
  type Finding,
  type Rubric,
} from '../src/core/index.js';
import {
  buildPortfolio,
  learnerOf,
  portfolioFolderOf,
  rowSummary,
  UNNAMED_LEARNER,
  type PortfolioAccount,
} from '../src/core/portfolio.js';
import { firstSentence, sentencesOf } from '../src/core/quotes.js';

const UNIT: Rubric = {
  id: 'unit-a',
  title: 'Unit A',
  awardingBody: 'Test',
  level: 2,
  criteria: ['1', '2', '3'].map((id) => ({ id, text: `Criterion ${id}`, ability: `do ${id}`, signals: [] })),
  keyTerms: [],
  checks: [],
};

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 40 } });

/** An account of `lines` paragraphs (paragraph i on line 2i), with the given criterion results and findings. */
function account(
  path: string,
  criteria: Array<Partial<CriterionResult> & { id: string }>,
  options: { findings?: string[]; learner?: string; text?: string; stages?: number[] } = {},
): PortfolioAccount {
  const result: AnalysisResult = {
    rubric: UNIT.id,
    findings: (options.findings ?? []).map((rule): Finding => ({
      rule,
      severity: 'warning',
      message: rule,
      range: range(0),
    })),
    stages: {
      'identify-need': (options.stages ?? []).map(range),
      'agree-standards': [],
      deliver: [range(2)],
      monitor: [],
      evaluate: [],
      improve: [],
    },
    paragraphs: [0, 1, 2, 3].map((i) => ({ range: range(i * 2), criteria: [], suggestedCriteria: [] })),
    criteria: criteria.map((c) => ({ status: 'missing', paragraphs: [], claimedIn: [], ...c })),
  };
  return { path, ...result, learner: options.learner, text: options.text };
}

const all = (status: CriterionResult['status'], paragraphs = [0]) =>
  UNIT.criteria.map((c) => ({ id: c.id, status, paragraphs }));

describe('learnerOf', () => {
  it('takes learner: from the front matter first', () => {
    assert.equal(learnerOf('portfolio/amira-k/one.md', '---\nunit: x\nlearner: Amira K\n---\nText.'), 'Amira K');
    assert.equal(learnerOf('one.md', '---\nlearner: 1042\n---\n'), '1042');
  });
  it('else the folder below the nearest portfolio folder', () => {
    assert.equal(learnerOf('portfolio/amira-k/one.md'), 'amira-k');
    assert.equal(learnerOf('centre/Portfolios/ben/unit-1/one.md', 'No front matter.'), 'ben');
    assert.equal(learnerOf('C:\\work\\portfolio\\cara\\one.md'), 'cara');
  });
  it('else the folder below the folder given, else the account’s own folder', () => {
    assert.equal(learnerOf('cohort/dev/unit-1/one.md', undefined, 'cohort'), 'dev');
    assert.equal(learnerOf('cohort/dev/unit-1/one.md'), 'unit-1');
    assert.equal(learnerOf('cohort/one.md', undefined, 'cohort'), 'cohort');
    assert.equal(learnerOf('one.md'), UNNAMED_LEARNER);
    // An account straight inside a portfolio folder has no learner folder: its own folder names it.
    assert.equal(learnerOf('portfolio/one.md'), 'portfolio');
  });
});

describe('portfolioFolderOf', () => {
  it('is the portfolio folder, else the folder given, else the one above the learner’s', () => {
    assert.equal(portfolioFolderOf('work/portfolio/amira-k/one.md'), 'work/portfolio');
    assert.equal(portfolioFolderOf('/srv/portfolio/amira-k/unit/one.md'), '/srv/portfolio');
    assert.equal(portfolioFolderOf('cohort/dev/unit-1/one.md', 'cohort'), 'cohort');
    assert.equal(portfolioFolderOf('cohort/dev/one.md'), 'cohort');
    assert.equal(portfolioFolderOf('dev/one.md'), '.');
  });
});

describe('buildPortfolio', () => {
  it('gives one row per account by default, with the account’s learner', () => {
    const p = buildPortfolio(
      [account('portfolio/amy/a.md', all('evidenced')), account('portfolio/amy/b.md', all('missing'))],
      [UNIT],
    );
    assert.equal(p.version, 1);
    assert.equal(p.by, 'account');
    assert.deepEqual(
      p.units.map((u) => u.unit),
      ['unit-a'],
    );
    assert.deepEqual(
      p.units[0].rows.map((r) => [r.learner, r.accounts]),
      [
        ['amy', ['portfolio/amy/a.md']],
        ['amy', ['portfolio/amy/b.md']],
      ],
    );
  });

  it('puts a learner’s accounts together: the strongest status wins, with every place it stands', () => {
    const one = account(
      'portfolio/amy/a.md',
      [
        { id: '1', status: 'evidenced', paragraphs: [1] },
        { id: '2', status: 'claimed', claimedIn: [2] },
        { id: '3', status: 'suggested', paragraphs: [0] },
      ],
      { stages: [0] },
    );
    const two = account(
      'portfolio/amy/b.md',
      [
        { id: '1', status: 'evidenced', paragraphs: [0, 3] },
        { id: '2', status: 'evidenced', paragraphs: [1] },
        { id: '3', status: 'claimed', claimedIn: [3] },
      ],
      { stages: [4, 4] },
    );
    const [row] = buildPortfolio([one, two], [UNIT], { by: 'learner' }).units[0].rows;
    assert.deepEqual(row.accounts, ['portfolio/amy/a.md', 'portfolio/amy/b.md']);
    assert.deepEqual(row.criteria['1'], {
      status: 'evidenced',
      where: [
        { path: 'portfolio/amy/a.md', line: 3 },
        { path: 'portfolio/amy/b.md', line: 1 },
        { path: 'portfolio/amy/b.md', line: 7 },
      ],
    });
    // Shown in one account beats only cited in another.
    assert.deepEqual(row.criteria['2'], {
      status: 'evidenced',
      where: [{ path: 'portfolio/amy/b.md', line: 3 }],
      claimedIn: [{ path: 'portfolio/amy/a.md', line: 5 }],
    });
    // Cited (without the text, no quote) beats reads-like-evidence.
    assert.deepEqual(row.criteria['3'], { status: 'claimed', where: [{ path: 'portfolio/amy/b.md', line: 7 }] });
    assert.deepEqual(row.stages['identify-need'], [
      { path: 'portfolio/amy/a.md', line: 1 },
      { path: 'portfolio/amy/b.md', line: 5 },
    ]);
    assert.deepEqual(rowSummary(row, buildPortfolio([one, two], [UNIT], { by: 'learner' }).units[0]), {
      criteria: 2,
      of: 3,
      stages: 2,
    });
  });

  it('says ready only when every criterion is evidenced and there is no personal data, else refer with the reasons', () => {
    const rows = buildPortfolio(
      [
        account('portfolio/amy/a.md', all('evidenced'), {
          findings: ['vague-standard', 'vague-standard', 'hypothetical-language', 'missing-demonstrates-link'],
        }),
        account('portfolio/ben/a.md', all('evidenced'), { findings: ['personal-data'] }),
        account('portfolio/cat/a.md', [
          { id: '1', status: 'evidenced' },
          { id: '2', status: 'claimed', claimedIn: [1] },
          { id: '3', status: 'suggested' },
        ]),
        account('portfolio/dan/a.md', [
          { id: '1', status: 'evidenced' },
          { id: '2', status: 'evidenced' },
        ]),
      ],
      [UNIT],
      { by: 'learner' },
    ).units[0].rows;
    const by = Object.fromEntries(rows.map((r) => [r.learner, r]));
    assert.equal(by.amy.readiness, 'ready');
    assert.deepEqual(by.amy.reasons, []);
    assert.deepEqual(by.amy.counts, { personalData: 0, hypothetical: 1, vague: 2, unlinked: 1 });
    assert.equal(by.ben.readiness, 'refer');
    assert.deepEqual(by.ben.reasons, ['personal data to remove (1 place)']);
    assert.deepEqual(by.cat.reasons, [
      'AC 2: cited but not shown: the paragraph does not say what was done for it',
      'AC 3: reads like evidence but no paragraph cites it',
    ]);
    // A criterion the account's result does not list at all is missing.
    assert.deepEqual(by.dan.criteria['3'], { status: 'missing', where: [] });
    assert.deepEqual(by.dan.reasons, ['AC 3: no evidence yet']);
    // Ready first, then by name.
    assert.deepEqual(
      rows.map((r) => r.learner),
      ['amy', 'ben', 'cat', 'dan'],
    );
  });

  it('sorts by readiness, then name as people read it (numbers in order, case aside)', () => {
    const names = ['learner-10', 'Learner-2', 'learner-1', 'zoe'];
    const rows = buildPortfolio(
      names.map((n) => account(`portfolio/${n}/a.md`, n === 'zoe' ? all('evidenced') : all('missing'))),
      [UNIT],
      { by: 'learner' },
    ).units[0].rows;
    assert.deepEqual(
      rows.map((r) => r.learner),
      ['zoe', 'learner-1', 'Learner-2', 'learner-10'],
    );
  });

  it('lets the assessor’s latest decision win in the verdict, shown beside the status', () => {
    const accounts = [
      account('portfolio/amy/a.md', [
        { id: '1', status: 'evidenced' },
        { id: '2', status: 'claimed', claimedIn: [0] },
        { id: '3', status: 'missing' },
      ]),
    ];
    const at = '2026-12-02T01:00:00.000Z';
    const decisions = [
      { learner: 'amy', unit: 'unit-a', criterion: '2', decision: 'not-yet-met' as const, comment: 'first look', at },
      { learner: 'amy', unit: 'unit-a', criterion: '2', decision: 'met' as const, comment: 'seen the call log', at },
      { learner: 'amy', unit: 'unit-a', criterion: '3', decision: 'met' as const, comment: 'observed', at },
      { learner: 'amy', unit: 'unit-a', criterion: '1', decision: 'referred' as const, comment: 'IQA sample', at },
      { learner: 'someone-else', unit: 'unit-a', criterion: '1', decision: 'met' as const, comment: '', at },
    ];
    const [row] = buildPortfolio(accounts, [UNIT], { by: 'learner', decisions }).units[0].rows;
    assert.equal(row.criteria['2'].status, 'claimed');
    assert.deepEqual(row.criteria['2'].decision, { decision: 'met', comment: 'seen the call log', at });
    assert.deepEqual(row.reasons, ["AC 1: referred (assessor's decision)"]);
    const [after] = buildPortfolio(accounts, [UNIT], {
      by: 'learner',
      decisions: decisions.filter((d) => d.criterion !== '1'),
    }).units[0].rows;
    assert.equal(after.readiness, 'ready');
  });

  it('keeps accounts with no unit in their own group, referred for it', () => {
    const loose = { ...account('notes/a.md', []), rubric: null };
    const p = buildPortfolio([loose, account('portfolio/amy/a.md', all('evidenced'))], [UNIT], { by: 'learner' });
    assert.deepEqual(
      p.units.map((u) => u.unit),
      ['unit-a', null],
    );
    assert.deepEqual(p.units[1].criteria, []);
    assert.deepEqual(p.units[1].rows[0].reasons, ['no unit named, so there are no criteria to check']);
  });

  it('quotes the first sentence of the paragraph that cites a criterion it does not show', () => {
    const path = join('test', 'fixtures', 'cli', 'claims.md');
    const text = readFileSync(path, 'utf8');
    const result = analyze(text);
    const claimed = result.criteria.find((c) => c.status === 'claimed')!;
    assert.ok(claimed, 'the fixture has a claimed criterion');
    const unit = bundledRubrics().find((r) => r.id === result.rubric)!;
    const [row] = buildPortfolio([{ path, ...result, text }], [unit]).units[0].rows;
    const place = row.criteria[claimed.id].where[0];
    const paragraph = result.paragraphs[claimed.claimedIn[0]];
    assert.equal(place.line, paragraph.range.start.line + 1);
    const firstLine = text.split('\n')[paragraph.range.start.line];
    assert.ok(
      place.quote && firstLine.startsWith(place.quote.split(' ').slice(0, 4).join(' ')),
      `${place.quote} opens: ${firstLine}`,
    );
    assert.ok(/[.!?]$/.test(place.quote!) || place.quote!.endsWith('…'), place.quote);
  });
});

describe('quotes', () => {
  it('splits sentences, not at abbreviations', () => {
    assert.deepEqual(sentencesOf('I rang Mrs. Patel at 9am, e.g. before opening. She said yes! Done'), [
      'I rang Mrs. Patel at 9am, e.g. before opening.',
      'She said yes!',
      'Done',
    ]);
  });
  it('takes the Markdown marks out of a first sentence and shortens a long one', () => {
    const text = 'Intro\n\nI **rang** the [customer](http://x) back. Then more.\n';
    assert.equal(
      firstSentence(text, { start: { line: 2, character: 0 }, end: { line: 2, character: 60 } }),
      'I rang the customer back.',
    );
    const long = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ') + '.';
    assert.equal(
      firstSentence(long, { start: { line: 0, character: 0 }, end: { line: 0, character: long.length } }).split(' ')
        .length,
      31,
    );
  });
});
