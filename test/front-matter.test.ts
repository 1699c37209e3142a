/** Which unit an account names, decided once (src/core/front-matter.ts), and the notices about it. */
import assert from 'node:assert/strict';
import { analyzeAccount, parseAccount } from '../src/core/index.js';
import { frontMatterOf, unitOf } from '../src/core/front-matter.js';
import { plainFrontMatter } from '../src/core/document.js';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';

const BODY = '\n# Notes\n\nI rang the customer back within 2 hours.\n';

describe('front matter', () => {
  it('names a unit with `unit:` or `rubric:`, trimmed, the first present winning', () => {
    assert.equal(unitOf(`---\nunit: customer-relations\n---\n${BODY}`)?.id, 'customer-relations');
    assert.equal(unitOf(`---\nrubric: crm-principles\n---\n${BODY}`)?.id, 'crm-principles');
    assert.equal(
      unitOf(`---\nunit: "  external-customers "\nrubric: crm-principles\n---\n${BODY}`)?.id,
      'external-customers',
    );
    assert.equal(unitOf(`---\nunit: 301\n---\n${BODY}`)?.id, '301');
    assert.equal(unitOf(`---\r\nunit: crm-principles\r\n...\r\n${BODY}`)?.id, 'crm-principles');
  });

  it('names no unit with an empty value, a list, no front matter or no closing fence', () => {
    for (const text of [
      `---\nunit: ""\n---\n${BODY}`,
      `---\nunit: [a, b]\n---\n${BODY}`,
      `---\nunit:\n---\n${BODY}`,
      BODY,
      `---\nunit: crm-principles\n${BODY}`,
      `\n---\nunit: crm-principles\n---\n${BODY}`,
    ]) {
      assert.equal(unitOf(text), undefined, JSON.stringify(text));
    }
  });

  it('does not read a `unit:` line in the body, after the front matter has closed', () => {
    const text = `---\ntitle: My notes\n---\n\n# Notes\n\nunit: the word at the start of a line\n`;
    assert.equal(unitOf(text), undefined);
    assert.equal(unitOf(parseAccount(text)), undefined);
    // An unknown default unit is reported at the start, not on the body's `unit:` line.
    const { notices } = analyzeAccount(text, { rubric: 'forklift-safety' });
    assert.deepEqual(
      notices.map((n) => [n.code, n.range.start.line]),
      [['unknown-unit', 0]],
    );
  });

  it('says where the unit is named: the offsets of its value', () => {
    const text = `---\ntitle: Bins\nunit:   customer-relations  \n---\n${BODY}`;
    const named = unitOf(text)!;
    assert.equal(text.slice(named.start, named.end), 'customer-relations');
    assert.equal(named.key, 'unit');
  });

  it('reads the front matter of a text exactly as the analyser reads it', () => {
    const texts = [
      `---\nunit: customer-relations\n---\n${BODY}`,
      `---\r\nunit: crm-principles\r\ntitle: x\r\n---\r\n${BODY}`,
      `---\nunit: a\n...\n${BODY}---\nunit: b\n---\n`,
      `---\n---\n${BODY}`,
      `---   \nunit: a\n---   \n${BODY}`,
      `---\nunit: a\n---`,
      `---\nunit: a\n----\nmore: b\n---\n${BODY}`,
      `---\nunit: [unclosed\n---\n${BODY}`,
      `---\njust a line\n---\n${BODY}`,
      `----\nunit: a\n---\n${BODY}`,
      `---\nunit: a\n${BODY}`,
      `---\nunit: a\r---\r${BODY}`,
      BODY,
    ];
    for (const text of texts) {
      const full = parseAccount(text).frontMatter;
      const quick = frontMatterOf(text);
      const shape = (fm: typeof full) =>
        fm && { start: fm.start, end: fm.end, data: fm.data, error: fm.error, unit: fm.valueRange('unit') };
      assert.deepEqual(shape(quick), shape(full), JSON.stringify(text));
    }
  });
});

describe('notices', () => {
  it('are objects with a code, a message and a range: an unknown unit on its own line', () => {
    const text = `---\ntitle: Bins\nunit: forklift-safety\n---\n${BODY}`;
    const { notices, result } = analyzeAccount(text);
    assert.equal(result.rubric, null);
    assert.equal(notices.length, 1);
    assert.equal(notices[0].code, 'unknown-unit');
    assert.match(
      notices[0].message,
      /^unknown unit "forklift-safety" \(known: .*customer-relations.*\); only the general rules ran$/,
    );
    assert.deepEqual(notices[0].range, {
      start: { line: 2, character: 0 },
      end: { line: 2, character: 'unit: forklift-safety'.length },
    });
  });

  it('say when the front matter cannot be read, on its opening fence', () => {
    const { notices } = analyzeAccount(`---\nunit: [unclosed\n---\n${BODY}`);
    assert.deepEqual(
      notices.map((n) => n.code),
      ['front-matter'],
    );
    assert.match(notices[0].message, /not valid YAML/);
    assert.deepEqual(notices[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
  });

  it('are none for a known unit, or none named', () => {
    assert.deepEqual(analyzeAccount(`---\nunit: customer-relations\n---\n${BODY}`).notices, []);
    assert.deepEqual(analyzeAccount(BODY).notices, []);
  });

  it('reads plain `key: value` lines as YAML does, and leaves the rest to YAML', () => {
    const piece = fc.constantFrom(
      'unit',
      'learner',
      'rubric',
      'customer-relations',
      'Amira K',
      'true',
      'False',
      'NULL',
      'null',
      'yes',
      'no',
      '301',
      '1e3',
      '.inf',
      'a.b',
      'x_y',
      '#c',
      ' # note',
      '"q"',
      "'q'",
      '~',
      '[a]',
      '{a: 1}',
      ': ',
      ':',
      '-',
      ' - ',
      '  ',
      '\t',
      '\r',
      '&a',
      '*a',
      '!!str',
      '|',
      '>',
      '?',
      '%',
      '@',
      'é',
      '__proto__',
      'constructor',
      'key: value',
    );
    const line = fc.oneof(
      fc
        .tuple(
          fc.array(piece, { minLength: 1, maxLength: 3 }),
          fc.constantFrom(': ', ':', ':  ', ': \t'),
          fc.array(piece, { maxLength: 4 }),
        )
        .map(([k, sep, v]) => k.join('') + sep + v.join('')),
      fc.array(piece, { maxLength: 5 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const value = lines.join('\n');
        const plain = plainFrontMatter(value);
        if (plain === undefined) return;
        assert.deepEqual(plain, parseYaml(value), JSON.stringify(value));
      }),
      { numRuns: 3000 },
    );
    assert.deepEqual(plainFrontMatter('unit: customer-relations\nlearner: Amira K'), {
      unit: 'customer-relations',
      learner: 'Amira K',
    });
    for (const yamlOnly of [
      'unit: true',
      'unit: "x"',
      'unit: x\nunit: y',
      'unit: x # c',
      'unit:',
      'unit: x\r',
      'a: b: c',
    ])
      assert.equal(plainFrontMatter(yamlOnly), undefined, yamlOnly);
  });
});
