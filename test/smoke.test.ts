import assert from 'node:assert/strict';
import { analyze } from '../src/core/index.js';

describe('analyze', () => {
  it('returns every stage key even for an empty account', () => {
    const r = analyze('');
    assert.deepEqual(Object.keys(r.stages), [
      'identify-need',
      'agree-standards',
      'deliver',
      'monitor',
      'evaluate',
      'improve',
    ]);
    assert.equal(r.rubric, null);
  });
});

describe("the package's main entry", () => {
  it('gives the analyser to require() without loading the editor code', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const main = require('../dist/main.cjs') as typeof import('../src/package-main.js');
    const r = main.analyze('I always give good service.\n', { rubric: 'customer-relations' });
    assert.equal(r.rubric, 'customer-relations');
    assert.ok(r.findings.some((f) => f.rule === 'vague-standard'));
    assert.equal(typeof main.activate, 'function');
    assert.ok(
      !Object.keys(require.cache).some((k) => k.endsWith('extension.cjs')),
      'the extension bundle is not loaded',
    );
  });
});

describe('a rubric with dotted criterion ids', () => {
  const rubric = {
    id: 'handle-calls',
    title: 'Handle telephone calls',
    awardingBody: 'A centre',
    level: 2,
    criteria: [
      {
        id: '1.1',
        text: 'Answer calls promptly and in line with the organisation’s standard.',
        ability: 'answer calls to our standard',
        signals: ['answer the phone', 'within three rings'],
      },
      {
        id: '1.2',
        text: 'Take accurate messages.',
        ability: 'take accurate messages',
        signals: ['took a message', 'message'],
      },
      {
        id: '2.1',
        text: 'Transfer calls to the right person.',
        ability: 'transfer calls',
        signals: ['transferred the call'],
      },
    ],
    keyTerms: [],
    checks: [],
  };

  it('reads AC 1.2, AC1.2 and criterion 2.1 as references, and flags AC 2', async () => {
    const { checkRubric } = await import('../src/core/index.js');
    const checked = checkRubric(rubric);
    assert.ok(checked.ok, checked.ok ? '' : checked.reason);
    const text =
      'I took a message for the manager (AC 1.2). I transferred the call to finance, see criterion 2.1 and AC1.1. I also met AC 2.\n';
    const r = analyze(text, { rubric: 'handle-calls', rubrics: [checked.rubric] });
    // A paragraph lists every id it references, unknown ones too; only known ones count as evidence.
    assert.deepEqual(r.paragraphs[0].criteria.sort(), ['1.1', '1.2', '2', '2.1']);
    assert.deepEqual(
      r.criteria.map((c) => c.status),
      ['evidenced', 'evidenced', 'evidenced'],
    );
    const unknown = r.findings.filter((f) => f.rule === 'unknown-criterion');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].data?.criterion, '2');
  });
});
