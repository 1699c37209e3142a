import assert from 'node:assert/strict';
import { analyze } from '../src/core/index.js';

describe('analyze', () => {
  it('returns every stage key even for an empty account', () => {
    const r = analyze('');
    assert.deepEqual(Object.keys(r.stages), ['identify-need', 'agree-standards', 'deliver', 'monitor', 'evaluate', 'improve']);
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
    assert.ok(!Object.keys(require.cache).some((k) => k.endsWith('extension.cjs')), 'the extension bundle is not loaded');
  });
});
