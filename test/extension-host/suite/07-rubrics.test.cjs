// A centre's own rubrics in the workspace's rubrics/ folder: a broken one gets
// a diagnostic on its file, and accounts keep working (also with the centre's
// valid rubric next to it).
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

describe('workspace rubrics', function () {
  it('a broken rubric JSON gets a diagnostic on that file', async function () {
    await h.api();
    const uri = h.uriOf('rubrics/broken.json');
    const [d] = await h.waitForDiagnostics(uri, (list) => list.length > 0, 'the broken rubric’s diagnostic');
    assert.equal(h.codeOf(d), 'invalid-rubric');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /^This rubric cannot be used: not valid JSON/);
    // At the offending position (the stray comma's line), not at the file start.
    assert.equal(d.range.start.line, 4);
  });

  it('accounts keep working: bundled units and the centre’s valid rubric', async function () {
    const sample = await h.open('accounts/sample.md');
    await h.waitForDiagnostics(
      sample.uri,
      (d) => d.some((x) => h.codeOf(x) === 'vague-standard'),
      'the sample account’s findings',
    );
    const tel = await h.open('accounts/telephone.md');
    const list = await h.waitForDiagnostics(tel.uri, (d) => d.length > 0, 'the centre-unit account’s findings');
    assert.ok(
      !list.some((x) => h.codeOf(x) === 'unknown-unit'),
      `the centre's rubric was not loaded:\n    ${h.describeDiagnostics(list)}`,
    );
    const c = await h.waitForCoverage(
      (x) => x.uri === tel.uri.toString() && x.analysed,
      'the centre-unit account’s coverage',
    );
    assert.equal(c.rubric?.id, 'centre-telephone');
    assert.deepEqual(
      c.criteria.map((x) => x.id),
      ['1', '2'],
    );
    const { client } = await h.api();
    const rubrics = await client.sendRequest('reflectLint/listRubrics');
    assert.ok(rubrics.some((r) => r.id === 'centre-telephone' && r.origin.endsWith('centre-telephone.json')));
    assert.ok(!rubrics.some((r) => r.id === 'broken-unit'));
  });

  it('a rubric file added broken, then mended, gains and loses its diagnostic', async function () {
    await h.api();
    const good = await h.readText('rubrics/centre-telephone.json');
    const rel = 'rubrics/late.json';
    const uri = await h.writeText(
      rel,
      good.replace('"centre-telephone"', '"late-unit"').replace('"level": 2', '"level": 12'),
    );
    const [d] = await h.waitForDiagnostics(
      uri,
      (list) => list.length > 0,
      'a diagnostic on the new, invalid rubric (file watcher)',
    );
    assert.match(d.message, /level/);
    await h.writeText(rel, good.replace('"centre-telephone"', '"late-unit"'));
    await h.waitForDiagnostics(uri, (list) => list.length === 0, 'the diagnostic to go once the rubric is mended');
    const { client } = await h.api();
    const rubrics = await client.sendRequest('reflectLint/listRubrics');
    assert.ok(
      rubrics.some((r) => r.id === 'late-unit'),
      'the mended rubric should load',
    );
  });
});
