/** The hand-written word scanner must split text exactly as the regex it replaces. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wordSpans, wordSpansByRegex } from '../src/core/words.js';

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
