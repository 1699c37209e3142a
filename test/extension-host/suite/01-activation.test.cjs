// Activation: the extension starts on its own when a Markdown account opens
// (activationEvents: onLanguage:markdown) and its first diagnostics arrive.
// Runs first (files run in name order): nothing has opened Markdown before it.
'use strict';
const assert = require('node:assert/strict');
const h = require('../helpers.cjs');

describe('activation', function () {
  it('is loaded but not active before any Markdown document opens', function () {
    const ext = h.extension();
    assert.equal(ext.packageJSON.name, 'reflect-lint');
    assert.equal(ext.isActive, false, 'activated before any Markdown document was opened');
  });

  it('activates on a Markdown account and publishes its diagnostics', async function () {
    const ext = h.extension();
    const t0 = performance.now();
    const { uri } = await h.open('accounts/sample.md');
    // Not ext.activate(): the document alone must start the extension.
    const diagnostics = await h.waitForDiagnostics(uri, (d) => d.length > 0, 'the first diagnostics');
    h.record(
      'open account → first diagnostics (cold: activation, server start, first analysis)',
      performance.now() - t0,
    );
    assert.equal(ext.isActive, true);
    const exports = ext.exports;
    assert.ok(exports && exports.client && exports.view, 'activate() should return { client, view }');
    assert.equal(exports.client.isRunning(), true, 'the language client is not running');
    assert.ok(
      diagnostics.some((d) => h.codeOf(d) === 'vague-standard'),
      `no vague-standard diagnostic:\n    ${h.describeDiagnostics(diagnostics)}`,
    );
  });
});
