/**
 * Citations of ranges and learning outcomes (issue 9, part 3): "AC 3.1-3.5", "AC 3.1–3.3 and 4.2",
 * "AC 2 to 4", "LO4", "learning outcome 4". Each expands to the rubric's criteria, and every reader
 * of references (criterion status, criterion-claimed, unknown-criterion, Insert Reference,
 * completion, hover, the portfolio grid) gets the expanded ids, with offsets on what was written.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Position } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../src/core/analyze.js';
import { parseAccount as readAccount } from '../src/core/document.js';
import { bundledRubrics } from '../src/core/index.js';
import { criteriaInRange, findReferences } from '../src/core/references.js';
import type { Rubric } from '../src/core/types.js';
import { codeActions } from '../src/server/code-actions.js';
import { completions } from '../src/server/completion.js';
import { diagnosticsOf } from '../src/server/diagnostics.js';
import type { Analysis } from '../src/server/documents.js';
import { hover } from '../src/server/hover.js';
import { serverAnalysis } from './server-analysis.js';

const criterion = (id: string, what: string) => ({
  id,
  text: `Show that you can ${what}.`,
  ability: what,
  signals: [what],
});

const UNIT: Rubric = {
  id: 'bookings',
  title: 'Handle bookings',
  awardingBody: 'Made-up awarding body',
  level: 2,
  criteria: [
    criterion('3.1', 'take a booking'),
    criterion('3.2', 'confirm a booking'),
    criterion('3.3', 'change a booking'),
    criterion('3.4', 'cancel a booking'),
    criterion('3.5', 'refund a deposit'),
    criterion('4.1', 'handle a complaint'),
    criterion('4.2', 'record a complaint'),
  ],
  outcomes: [
    { id: '3', text: 'Be able to manage bookings.', criteria: ['3.1', '3.2', '3.3', '3.4', '3.5'] },
    { id: '4', text: 'Be able to handle complaints.', criteria: ['4.1', '4.2'] },
  ],
  keyTerms: [],
  checks: [],
};

/** `null`: no rubric. */
function refs(text: string, rubric: Rubric | null = UNIT) {
  const doc = readAccount(text);
  return findReferences(doc, undefined, rubric ?? undefined).map((r) => ({
    id: r.id,
    written: doc.prose.slice(r.start, r.end),
    how: r.written,
  }));
}
const ids = (text: string, rubric: Rubric | null = UNIT) => refs(text, rubric).map((r) => r.id);

describe('ranges and learning outcomes in references', () => {
  it('expands a range written with a hyphen, an en dash, an em dash or "to" to the rubric’s criteria in it', () => {
    for (const range of ['3.1-3.5', '3.1 - 3.5', '3.1–3.5', '3.1—3.5', '3.1 to 3.5'])
      assert.deepEqual(ids(`I booked the room (AC ${range}).`), ['3.1', '3.2', '3.3', '3.4', '3.5'], range);
  });

  it('reads a list of ranges and ids: "AC 3.1–3.3 and 4.2"', () => {
    assert.deepEqual(ids('I did this (AC 3.1–3.3 and 4.2).'), ['3.1', '3.2', '3.3', '4.2']);
    assert.deepEqual(ids('I did this (AC 3.4, AC 4.1-4.2).'), ['3.4', '4.1', '4.2']);
  });

  it('keeps the offsets on what was written: an id alone on itself, a range’s ids on the range', () => {
    assert.deepEqual(refs('I did this (AC 3.1–3.2 and 4.2).'), [
      { id: '3.1', written: '3.1–3.2', how: 'range' },
      { id: '3.2', written: '3.1–3.2', how: 'range' },
      { id: '4.2', written: '4.2', how: 'id' },
    ]);
  });

  it('takes only the ids the rubric has; with no rubric, the ids as written', () => {
    assert.deepEqual(ids('I did this (AC 3.4-3.9).'), ['3.4', '3.5']);
    assert.deepEqual(ids('I did this (AC 3.1-3.5).', null), ['3.1', '3.5']);
    // A range holding none of the unit's criteria keeps its ends, so that unknown-criterion can say so.
    assert.deepEqual(ids('I did this (AC 7-9).'), ['7', '9']);
  });

  it('reads "AC 3.1-4" as 3.1 to 3.4, a backwards range as the same span, and "AC 3-4" as all of 3.x and 4.x', () => {
    assert.deepEqual(ids('I did this (AC 3.1-4).'), ['3.1', '3.2', '3.3', '3.4']);
    assert.deepEqual(ids('I did this (AC 3.3-3.1).'), ['3.1', '3.2', '3.3']);
    assert.deepEqual(criteriaInRange('3', '4', ['2.1', '3.1', '3.2', '4.1', '5.1']), ['3.1', '3.2', '4.1']);
  });

  it('expands "LO4", "LO 4", "learning outcome 4" and "LOs 3 and 4" to the outcome’s criteria', () => {
    for (const text of ['I did this (LO4).', 'I did this (LO 4).', 'This covers learning outcome 4.'])
      assert.deepEqual(refs(text), [
        { id: '4.1', written: '4', how: 'outcome' },
        { id: '4.2', written: '4', how: 'outcome' },
      ]);
    assert.deepEqual(ids('I did this (LOs 3 and 4).'), ['3.1', '3.2', '3.3', '3.4', '3.5', '4.1', '4.2']);
    assert.deepEqual(ids('I did this (LO4, AC 3.2).'), ['4.1', '4.2', '3.2']);
  });

  it('without listed outcomes, reads LO4 as the criteria numbered 4.x; with no rubric, as nothing', () => {
    const { outcomes: _, ...unlisted } = UNIT;
    assert.deepEqual(ids('I did this (LO4).', unlisted), ['4.1', '4.2']);
    assert.deepEqual(ids('I did this (LO4).', null), []);
    assert.deepEqual(ids('I did this (LO9).'), []);
  });

  it('leaves alone what is not a citation', () => {
    assert.deepEqual(ids('The lobby opens at 4 and closes at 10. Hello 4.'), []);
    assert.deepEqual(ids('I booked 3 rooms (AC 3.1) from 2-4 May.'), ['3.1']);
  });
});

function account(body: string): string {
  return `---\nunit: bookings\n---\n\n# A booking\n\n${body}\n`;
}

describe('an analysis with ranges and outcomes', () => {
  const DID =
    'Last week a guest rang to book a room. I took the booking, confirmed the booking by email and later changed the booking when her dates moved';

  it('counts every criterion of a cited range or outcome as cited, in results and the portfolio’s where', () => {
    const result = analyze(account(`${DID} (AC 3.1-3.3).`), { rubrics: [UNIT] });
    assert.deepEqual(result.paragraphs[0].criteria, ['3.1', '3.2', '3.3']);
    const outcome = analyze(account(`${DID} (LO4).`), { rubrics: [UNIT] });
    assert.deepEqual(outcome.paragraphs[0].criteria, ['4.1', '4.2']);
    for (const id of ['4.1', '4.2']) assert.deepEqual(outcome.criteria.find((c) => c.id === id)!.claimedIn, [0], id);
  });

  it('criterion-claimed: one finding on what was written, naming the criteria not shown, with no fix', () => {
    const text = account(`${DID} (LO4).`);
    const claimed = analyze(text, { rubrics: [UNIT] }).findings.filter((f) => f.rule === 'criterion-claimed');
    assert.equal(claimed.length, 1);
    assert.match(claimed[0].message, /cites LO4, which includes AC 4\.1 and 4\.2, but does not yet say what you did/);
    assert.equal(claimed[0].fixes, undefined);
    const doc = readAccount(text);
    const start = doc.lines.offset(claimed[0].range.start);
    assert.equal(text.slice(start, doc.lines.offset(claimed[0].range.end)), 'LO4');
  });

  it('unknown-criterion: a range of the unit’s criteria is not reported; ends outside the unit are, with no fix', () => {
    const known = analyze(account(`${DID} (AC 3.1-3.3).`), { rubrics: [UNIT] });
    assert.ok(!known.findings.some((f) => f.rule === 'unknown-criterion'));
    const unknown = analyze(account(`${DID} (AC 7-9 and 8).`), { rubrics: [UNIT] }).findings.filter(
      (f) => f.rule === 'unknown-criterion',
    );
    assert.deepEqual(
      unknown.map((f) => [f.data?.criterion, (f.fixes ?? []).length > 0]),
      [
        ['7', false],
        ['9', false],
        ['8', true],
      ],
    );
  });
});

// The server's readers, on the weak fixture account (unit customer-relations, criteria 1 to 5).
const WEAK = readFileSync(join(import.meta.dirname, 'extension-host', 'workspace', 'accounts', 'weak.md'), 'utf8');
const rubrics = bundledRubrics();

function open(text: string): { a: Analysis; doc: TextDocument } {
  const a = serverAnalysis(text, 'file:///w.md', rubrics);
  return { a, doc: TextDocument.create(a.uri, 'markdown', 1, text) };
}

describe('the editor’s readers of a range', () => {
  it('Insert Reference never offers a criterion the range already cites', () => {
    const offered = (text: string) => {
      const { a, doc } = open(text);
      const position: Position = doc.positionAt(text.indexOf('swimming lessons') + 2);
      const diagnostics = diagnosticsOf({ kind: 'analysed', uri: a.uri, version: 1, analysis: a }).diagnostics.filter(
        (d) => d.range.start.line === position.line,
      );
      const actions: CodeAction[] = codeActions(
        a,
        { textDocument: { uri: a.uri }, range: { start: position, end: position }, context: { diagnostics } },
        { disableChoice: true },
      );
      return actions.map((x) => x.title).filter((t) => /\bAC \d/.test(t));
    };
    // Without the range the paragraph is offered some of 1 to 3; with "AC 1-3" none of them.
    assert.ok(offered(WEAK.replace('(AC 4)', '')).some((t) => /\bAC [123]\b/.test(t)));
    const titles = offered(WEAK.replace('(AC 4)', '(AC 1-4)'));
    assert.ok(!titles.some((t) => /\bAC [1234]\b/.test(t)), titles.join(' | '));
  });

  it('completion marks every criterion of the range as already cited', () => {
    const text = WEAK.replace('(AC 4)', '(AC 2–4)').replace('I work on reception', '(AC I work on reception');
    const { a, doc } = open(text);
    const items = completions(doc, doc.positionAt(text.indexOf('(AC I') + 4), a, rubrics);
    const marked = items.filter((i) => /^already cited/.test(i.labelDetails!.description!)).map((i) => i.label);
    assert.deepEqual(marked.sort(), ['2', '3', '4']);
  });

  it('hover on a range lists the criteria it cites', () => {
    const text = WEAK.replace('(AC 4)', '(AC 2-3)');
    const { a, doc } = open(text);
    const shown = hover(a, doc.positionAt(text.indexOf('AC 2-3') + 1));
    const value = (shown?.contents as { value: string }).value;
    assert.match(value, /^\*\*AC 2-3\*\*/);
    assert.match(value, /- \*\*AC 2\*\*/);
    assert.match(value, /- \*\*AC 3\*\*/);
  });
});
