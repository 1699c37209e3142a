/**
 * claims.ts: link sentences and template placeholders, the two things that say what a paragraph
 * is for without being evidence of it.
 */
import assert from 'node:assert/strict';
import { contentWords, isLinkSentence, placeholderSpans } from '../src/core/claims.js';
import { parseAccount } from '../src/core/document.js';

describe('isLinkSentence', () => {
  const links = [
    'This demonstrates my ability to take payments securely (AC 4).',
    'This shows I can follow the complaints procedure.',
    'This shows that I am able to agree timescales (AC 2).',
    'This proves my understanding of confidentiality.',
    'I think this shows mutual respect (AC 5).',
    'So overall this demonstrates the skills I have developed in my role.',
    'This shows active listening and empathy (AC 4).',
    'This table is for AC1 because it shows who my internal and external customers are.',
    'This example covers AC 2 and AC 3.',
    'All of this is evidence of how I build relationships.',
    'Which shows I can keep to a deadline.',
    '(AC 1)',
    'AC2, AC3.',
    '“This demonstrates my ability to listen” (AC 7).',
  ];
  for (const s of links) it(`is true for ${JSON.stringify(s)}`, () => assert.equal(isLinkSentence(s), true));

  const content = [
    'I rang her back within 2 working days (AC 2).',
    'This showed me that the form was wrong.',
    'This has been in place since July and there have been no layout complaints since (AC3).',
    'It covers the cost of the replacement.',
    'I rang the courier, which shows how busy the morning was.',
    'The tracker shows the van left at 9am.',
    'It is now a goal in the plan (AC 4, AC 8).',
    'She said that was exactly it (AC 1).',
    'I explained that this demonstrates nothing on its own.',
    '',
  ];
  for (const s of content) it(`is false for ${JSON.stringify(s)}`, () => assert.equal(isLinkSentence(s), false));
});

describe('placeholderSpans', () => {
  const found = (text: string) => placeholderSpans(text).map((s) => text.slice(s.start, s.end));

  it('finds the gaps a template leaves', () => {
    assert.deepEqual(
      found('I agreed [a measurable standard, e.g. "replied within 2 working days"] and rang after [number] hours.'),
      ['[a measurable standard, e.g. "replied within 2 working days"]', '[number]'],
    );
    assert.deepEqual(found('People like [insert example of internal customer] need the info.'), [
      '[insert example of internal customer]',
    ]);
    assert.deepEqual(found('Escaped: \\[insert example\\].'), ['\\[insert example\\]']);
  });

  it('adds base to every offset', () => {
    assert.deepEqual(placeholderSpans('on [date]', 100), [{ start: 103, end: 109 }]);
  });

  it('leaves Markdown links, images, task boxes and other brackets alone', () => {
    assert.deepEqual(
      found('See [our policy](policy.pdf), [the notes][notes], ![a photo](photo.png) and\n[notes]: notes.md'),
      [],
    );
    assert.deepEqual(found('- [x] Order found\n- [ ] Follow-up call\n- [X] Done'), []);
    assert.deepEqual(
      found(
        'A citation [1], a footnote [^1], [sic], […], [...], a criterion [AC 2], [name removed], [redacted], [2, 3]',
      ),
      [],
    );
  });

  it('does not reach across lines or nested brackets', () => {
    assert.deepEqual(found('[an unclosed gap\non two lines]'), []);
    assert.deepEqual(found('[outer [inner] text]'), ['[inner]']);
  });
});

describe('contentWords', () => {
  it('keeps what a paragraph tells, without its link sentence or placeholders', () => {
    const doc = parseAccount(
      'I rang the customer after [number] hours and booked a van. This demonstrates my ability to keep to timescales (AC 2).\n',
    );
    const block = doc.blocks[0];
    const kept = contentWords(doc.prose, block.sentences).map((w) => w.lower);
    assert.deepEqual(kept, ['i', 'rang', 'the', 'customer', 'after', 'hours', 'and', 'booked', 'a', 'van']);
  });

  it('finds a placeholder that holds a full stop across its sentences', () => {
    const doc = parseAccount('I said [what you said. Give the date.] to her.\n');
    const kept = contentWords(doc.prose, doc.blocks[0].sentences).map((w) => w.lower);
    assert.deepEqual(kept, ['i', 'said', 'to', 'her']);
  });
});
