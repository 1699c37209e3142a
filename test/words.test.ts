/** The hand-written word scanner must split text exactly as the regex it replaces; accents do not part words. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PhraseSet } from '../src/core/phrases.js';
import { normalise, words, wordSpans, wordSpansByRegex } from '../src/core/words.js';

describe('word scanner', () => {
  const cases = [
    "I didn't ring at 9.20am; she’d gone.",
    'Follow-up call, 1.2.3 and 3.5kg',
    'naïve café—Zoë’s “quote”',
    'x.5 .5 5. a’ ’b',
    '𝒜lpha 😀 ok',
    '',
  ];
  for (const text of cases) {
    it(`splits ${JSON.stringify(text)} as the regex does`, () =>
      assert.deepEqual(wordSpans(text), wordSpansByRegex(text)));
  }
  it('splits any text as the regex does (property)', () => {
    const alphabet = fc.constantFrom(..."aZ9 .’'-é😀\n,ß1".split(''), '😀', '𝒜');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        (text) => {
          assert.deepEqual(wordSpans(text), wordSpansByRegex(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('splits the sample account as the regex does', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../examples/sample-account.md', import.meta.url), 'utf8');
    assert.deepEqual(wordSpans(text), wordSpansByRegex(text));
  });
});

describe('accented and unaccented spellings', () => {
  it('normalise drops accents, so "café" and "cafe" are one word', () => {
    assert.equal(normalise('Café'), 'cafe');
    assert.equal(normalise('naïve'), 'naive');
    assert.equal(normalise('Zoë’s'), 'zoe');
    assert.equal(normalise('RÉSUMÉ'), 'resume');
    // Letters that are not a letter plus a mark stay as they are.
    assert.equal(normalise('straße'), 'straße');
  });
  for (const [phrase, text] of [
    ['café', 'I took the order in the cafe.'],
    ['cafe', 'I took the order in the café.'],
    ['crème brûlée', 'She asked for the creme brulee.'],
    ['creme brulee', 'She asked for the crème brûlée.'],
  ]) {
    it(`the phrase "${phrase}" matches "${text}"`, () => {
      const found = new PhraseSet([phrase]).matchAll(words(text));
      assert.equal(found.length, 1);
    });
  }
  it('an accent is not a word of its own: "café" is one word with the same stem as "cafe"', () => {
    const [accented] = words('café');
    const [plain] = words('cafe');
    assert.equal(accented.text, 'café');
    assert.equal(accented.stem, plain.stem);
  });
});
