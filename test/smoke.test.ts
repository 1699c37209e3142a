import assert from 'node:assert/strict';
import { analyze } from '../src/core/index.js';

describe('analyze', () => {
  it('returns every stage key even for an empty account', () => {
    const r = analyze('');
    assert.deepEqual(Object.keys(r.stages), ['identify-need', 'agree-standards', 'deliver', 'monitor', 'evaluate', 'improve']);
    assert.equal(r.rubric, null);
  });
});
