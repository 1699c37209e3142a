/** Ranked choices: criteria after "(AC " ranked for the paragraph, and units ranked for the account (Select Unit). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bundledRubrics, rankRubrics, RUBRIC_FIT_MIN, suggestRubrics } from '../src/core/index.js';
import { completions } from '../src/server/completion.js';
import type { Analysis } from '../src/server/documents.js';
import { rankForPosition } from '../src/server/paragraphs.js';
import { matchWords, NONE_FITS, rankUnits } from '../src/server/units.js';
import { serverAnalysis } from './server-analysis.js';

const WEAK = readFileSync(join(import.meta.dirname, 'extension-host', 'workspace', 'accounts', 'weak.md'), 'utf8');
const rubrics = bundledRubrics();
/** An account about other work: no bundled unit fits it (as `rubrics suggest` says, test/rubric-lint-cli.test.ts). */
const OFF_TOPIC = readFileSync(
  join(import.meta.dirname, 'fixtures', 'rubric-lint', 'accounts', 'sourdough.md'),
  'utf8',
);
const summaries = rubrics.map((r) => ({ id: r.id, title: r.title, level: r.level, origin: 'bundled' }));

function open(text: string): { a: Analysis; doc: TextDocument } {
  const a = serverAnalysis(text, 'file:///w.md', rubrics);
  return { a, doc: TextDocument.create(a.uri, 'markdown', 1, text) };
}

describe('completion after “(AC ”', () => {
  it('ranks the criteria for the paragraph, the best first and preselected, as Insert Criterion Reference does', () => {
    const text = WEAK.replace('the same afternoon.', 'the same afternoon (AC ');
    const { a, doc } = open(text);
    const at = doc.positionAt(text.indexOf('(AC ') + 4);
    const items = completions(doc, at, a, rubrics);
    assert.equal(items.length, 5);
    assert.deepEqual(
      items.map((i) => i.sortText),
      [...items.map((i) => i.sortText!)].sort(),
    );
    const best = rankForPosition(a, at).criteria[0];
    assert.equal(items[0].label, best.id);
    assert.equal(items[0].preselect, true);
    assert.match(items[0].labelDetails!.description!, /^best match for this paragraph · /);
    assert.match((items[0].documentation as { value: string }).value, new RegExp(`\\*\\*AC ${best.id}\\*\\*`));
  });

  it('puts the criteria the paragraph already cites last, marked', () => {
    const text = WEAK.replace('I work on reception', '(AC I work on reception');
    const { a, doc } = open(text);
    const at = doc.positionAt(text.indexOf('(AC ') + 4);
    const items = completions(doc, at, a, rubrics);
    assert.equal(items[items.length - 1].label, '4');
    assert.match(items[items.length - 1].labelDetails!.description!, /^already cited in this paragraph/);
    assert.ok(!items.slice(0, -1).some((i) => /already cited/.test(i.labelDetails!.description!)));
  });
});

describe('Select Unit’s order', () => {
  it('follows rubrics suggest, best first, with the score in words', () => {
    const units = rankUnits(
      WEAK,
      rubrics,
      rubrics.map((r) => ({ id: r.id, title: r.title, level: r.level, origin: 'bundled' })),
    );
    assert.deepEqual(
      units.map((u) => u.id),
      rankRubrics(WEAK, rubrics).map((r) => r.id),
    );
    assert.equal(units[0].match, 'best match');
    assert.ok(units.slice(1).every((u) => u.match !== 'best match'));
  });

  it('says so when no unit fits (the fit below RUBRIC_FIT_MIN, as rubrics suggest), closest first by its own fit', () => {
    const { fits, shown } = suggestRubrics(OFF_TOPIC, rubrics);
    assert.equal(fits, false);
    const units = rankUnits(OFF_TOPIC, rubrics, summaries);
    assert.deepEqual(
      units.map((u) => u.id),
      shown.map((r) => r.id),
    );
    assert.equal(units[0].match, NONE_FITS);
    assert.ok(units.every((u) => u.match !== 'best match' && !u.fits));
    // The unscaled fit, never the closest scaled to 1.
    assert.ok(units[0].score < RUBRIC_FIT_MIN, `closest fit ${units[0].score}`);
    assert.deepEqual(
      units.map((u) => u.score),
      [...units.map((u) => u.score)].sort((a, b) => b - a),
    );
  });

  it('says a unit fits when one does: the same answer as rubrics suggest', () => {
    assert.equal(suggestRubrics(WEAK, rubrics).fits, true);
    assert.ok(rankUnits(WEAK, rubrics, summaries).every((u) => u.fits));
  });

  it('calls nothing the best match in an empty account', () => {
    const units = rankUnits(
      '',
      rubrics,
      rubrics.map((r) => ({ id: r.id, title: r.title, level: r.level, origin: 'bundled' })),
    );
    assert.ok(units.every((u) => u.match === 'nothing written yet to compare'));
  });

  it('words a score', () => {
    assert.deepEqual(
      [matchWords(1, true), matchWords(0.8, false), matchWords(0.5, false), matchWords(0.1, false)],
      ['best match', 'close match', 'some match', 'little in common'],
    );
  });
});
