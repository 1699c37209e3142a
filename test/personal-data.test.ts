/** Personal data goes in one edit: the whole address, the name with its title, the number with its extension. */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../src/core/index.js';

/** The text after the first fix of every personal-data finding (each applied on its own). */
function fixed(text: string): string[] {
  return analyze(text, {})
    .findings.filter((f) => f.rule === 'personal-data')
    .map((f) =>
      TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), f.fixes![f.fixes!.length - 1].edits),
    );
}

describe('personal-data fixes', () => {
  const cases: Array<[string, string, string]> = [
    [
      'an address from the flat to the postcode',
      'She lives at Flat 3, 12 Station Road, Barking IG11 7XQ and was in.\n',
      'She lives at the customer’s address and was in.\n',
    ],
    [
      'an address with its town and no postcode',
      'I posted it to 4 Mill Lane, Leeds.\n',
      'I posted it to the customer’s address.\n',
    ],
    [
      'a postcode with its town',
      'The van went to Barking IG11 7XQ in the end.\n',
      'The van went to the customer’s address in the end.\n',
    ],
    [
      'a phone number with its extension',
      'Her number is 020 7946 0321 ext. 204.\n',
      'Her number is their phone number.\n',
    ],
    [
      'a phone number with its area code in brackets',
      'Ring (020) 7946 0321 today.\n',
      'Ring their phone number today.\n',
    ],
    ['a name with its title', 'I spoke to Mrs. Janet Pryce about it.\n', 'I spoke to the customer about it.\n'],
  ];
  for (const [what, before, after] of cases) {
    it(`replace ${what} in one edit`, () => assert.deepEqual(fixed(before), [after]));
  }

  it('leave counts, dates and times alone', () => {
    assert.deepEqual(fixed('Our survey went to 120 tenants in March 2024 and 85% replied by 10.30am.\n'), []);
  });
});
