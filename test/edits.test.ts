/** The texts hosts insert, worded and placed by src/core/edits.ts: each fixture states the text after the edit. */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseAccount } from '../src/core/index.js';
import {
  citedIn,
  criterionParagraphEdit,
  disableEdits,
  linkSentence,
  referenceEdit,
  SMART_TEMPLATES,
  snippetOf,
  unitEdit,
} from '../src/core/edits.js';
import { bundledRubrics, placeholderSpans } from '../src/core/index.js';
import type { TextEdit } from '../src/core/types.js';

const apply = (text: string, edits: TextEdit[]) =>
  TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), edits);

describe('edits', () => {
  describe('the unit line', () => {
    const cases: Array<[string, string, string]> = [
      [
        'adds front matter when there is none',
        '# Draft\n\nI rang the customer.\n',
        '---\nunit: crm-principles\n---\n\n# Draft\n\nI rang the customer.\n',
      ],
      [
        'replaces the unit',
        '---\ntitle: Bins\nunit: customer-relations\n---\n\n# Bins\n',
        '---\ntitle: Bins\nunit: crm-principles\n---\n\n# Bins\n',
      ],
      [
        'replaces a `rubric:` line with `unit:`',
        '---\nrubric: customer-relations\n---\n',
        '---\nunit: crm-principles\n---\n',
      ],
      [
        'replaces an empty unit rather than adding a second',
        '---\nunit:\nrubric: customer-relations\n---\n',
        '---\nunit: crm-principles\nrubric: customer-relations\n---\n',
      ],
      [
        'adds the line to front matter that names no unit',
        '---\ntitle: Bins\n---\n\n# Bins\n',
        '---\nunit: crm-principles\ntitle: Bins\n---\n\n# Bins\n',
      ],
      [
        'keeps Windows line ends',
        '---\r\ntitle: Bins\r\n---\r\n',
        '---\r\nunit: crm-principles\r\ntitle: Bins\r\n---\r\n',
      ],
      [
        'leaves a `unit:` line in the body alone',
        '# Notes\n\nunit: six\n',
        '---\nunit: crm-principles\n---\n\n# Notes\n\nunit: six\n',
      ],
    ];
    for (const [what, before, after] of cases) {
      it(what, () => assert.equal(apply(before, [unitEdit(before, 'crm-principles')]), after));
    }
  });

  it('cites a criterion before the sentence’s full stop, closing quote or bracket', () => {
    const text = 'I rang her back within 2 hours. She said “thanks.” We agreed Thursday\n';
    const doc = parseAccount(text);
    const [first, second, third] = doc.sentences;
    assert.equal(
      apply(text, [referenceEdit(doc, first, '2')]),
      'I rang her back within 2 hours (AC 2). She said “thanks.” We agreed Thursday\n',
    );
    assert.equal(
      apply(text, [referenceEdit(doc, second, '3')]),
      'I rang her back within 2 hours. She said “thanks (AC 3).” We agreed Thursday\n',
    );
    assert.equal(
      apply(text, [referenceEdit(doc, third, '1.2')]),
      'I rang her back within 2 hours. She said “thanks.” We agreed Thursday (AC 1.2)\n',
    );
  });

  describe('the disable comments', () => {
    const text = '---\nunit: customer-relations\n---\n\nI always give good service.\nWe answer as soon as possible.\n';
    const doc = parseAccount(text);

    it('go above a line that starts a block, at the end of one inside a paragraph, and after the front matter', () => {
      const first = disableEdits(doc, 'vague-standard', 4);
      assert.equal(
        apply(text, [first.line!]),
        text.replace('\nI always', '\n<!-- reflect-lint-disable-next-line vague-standard -->\nI always'),
      );
      const second = disableEdits(doc, 'vague-standard', 5);
      assert.equal(
        apply(text, [second.line!]),
        text.replace('possible.', 'possible. <!-- reflect-lint-disable-line vague-standard -->'),
      );
      assert.equal(
        apply(text, [second.file]),
        text.replace('---\n\n', '---\n<!-- reflect-lint-disable-file vague-standard -->\n\n'),
      );
    });

    it('offer only the file-wide comment inside the front matter, where a comment would break the YAML', () => {
      const edits = disableEdits(doc, 'criterion-not-evidenced', 1);
      assert.equal(edits.line, undefined);
      assert.match(
        apply(text, [edits.file]),
        /^---\nunit: customer-relations\n---\n<!-- reflect-lint-disable-file criterion-not-evidenced -->\n/,
      );
    });

    it('keep Windows line ends', () => {
      const crlf = text.replace(/\n/g, '\r\n');
      const edits = disableEdits(parseAccount(crlf), 'vague-standard', 4);
      assert.equal(
        apply(crlf, [edits.line!]),
        crlf.replace('\r\nI always', '\r\n<!-- reflect-lint-disable-next-line vague-standard -->\r\nI always'),
      );
    });
  });

  describe('snippets', () => {
    const criterion = bundledRubrics().find((r) => r.id === 'customer-relations')!.criteria[1];

    it('make each “[…]” gap of a SMART template a tab stop holding the gap, the cursor ending after it', () => {
      assert.equal(snippetOf(SMART_TEMPLATES.time), 'within ${1:[number]} ${2:[hours / working days]}$0');
      assert.equal(
        snippetOf(SMART_TEMPLATES.quality),
        'a service that meets ${1:[a measurable standard, e.g. "replied within 2 working days"]}$0',
      );
    });

    it('make the ability of a link sentence a tab stop, to put in the learner’s own words', () => {
      assert.equal(
        snippetOf(` ${linkSentence(criterion)}`),
        ` This demonstrates my ability to \${1:${criterion.ability}} (AC 2).$0`,
      );
    });

    it('escape what a snippet would read as its own syntax, and give nothing for a text with no gap', () => {
      assert.equal(snippetOf('cost [amount in $] {total}'), 'cost ${1:[amount in \\$]} {total\\}$0');
      assert.equal(snippetOf(' (AC 2)'), undefined);
    });

    it('name the criteria an inserted text cites', () => {
      assert.deepEqual(citedIn(' (AC 2)'), ['2']);
      assert.deepEqual(citedIn(linkSentence({ ...criterion, id: '1.2' })), ['1.2']);
      assert.deepEqual(citedIn(SMART_TEMPLATES.time), []);
    });
  });

  describe('the paragraph for a missing criterion', () => {
    const criterion = bundledRubrics().find((r) => r.id === 'customer-relations')!.criteria[2];
    const cases: Array<[string, string]> = [
      ['after a text that ends with a line end', '# Bins\n\nI rang her.\n'],
      ['after a text with no final line end', '# Bins\n\nI rang her.'],
      ['after a text that ends with a blank line', '# Bins\n\nI rang her.\n\n'],
    ];
    for (const [what, text] of cases) {
      it(`goes at the end, after one blank line, ${what}`, () => {
        const after = apply(text, [criterionParagraphEdit(text, criterion)]);
        assert.equal(
          after,
          `${text.trimEnd()}\n\n## AC 3\n\n[Say what happened: the customer, what they needed and when.] [Say what you did, step by step.] [Say how it turned out.] ${linkSentence(criterion)}\n`,
        );
      });
    }

    it('leaves gaps that stay findings until filled, and nothing it says counts as evidence', () => {
      const text = criterionParagraphEdit('', criterion).newText;
      assert.equal(placeholderSpans(text).length, 3);
      const snippet = snippetOf(text)!;
      assert.match(
        snippet,
        /\$\{1:\[Say what happened[^}]*\]\} \$\{2:\[Say what you did, step by step\.\]\} \$\{3:\[Say how it turned out\.\]\} This demonstrates my ability to \$\{4:/,
      );
    });
  });
});
