// The hover's "Why?" and its explanation document (issue 9 part 4), findings stacked in one hover
// entry (issue 11), and Select Unit's order, fit or not. Everything waits on VS Code events.
'use strict';
const assert = require('node:assert/strict');
const h = require('../helpers.cjs');

/** Not a customer service account: no bundled unit fits it (test/fixtures/rubric-lint/accounts/sourdough.md). */
const SOURDOUGH = `# What I learnt making sourdough

On Saturday I fed my starter with rye flour and water, waited until it doubled, then mixed the dough with strong
white flour, salt and water. I stretched and folded it four times over two hours, shaped a boule and proved it
overnight in the fridge. The loaf baked in a cast-iron pot at 240 degrees for twenty minutes with the lid on.
`;

describe('Select Unit’s order', function () {
  it('an account its unit fits: best match first, as rubrics suggest ranks them, and the pick takes it', async function () {
    const rel = await h.copyFixture('accounts/weak.md', 'select-order');
    const { uri, doc } = await h.open(rel);
    await h.waitForDiagnostics(uri, (d) => d.length > 0, 'the account diagnostics');
    const { client } = await h.api();
    const units = await client.sendRequest('reflectLint/rankUnits', { uri: uri.toString() });
    assert.equal(units[0].match, 'best match', units.map((u) => `${u.id} ${u.score}`).join(', '));
    assert.ok(units.slice(1).every((u) => u.match !== 'best match'));
    assert.ok(units.every((u) => u.fits));
    assert.deepEqual(
      units.map((u) => u.score),
      [...units.map((u) => u.score)].sort((a, b) => b - a),
    );
    // Enter takes the first: the unit line is rewritten to it.
    const first = `---\nunit: ${units[0].id}\n---\n`;
    const changed = h.waitForText(doc, (t) => t.startsWith(first), `unit: ${units[0].id} written`);
    await h.runAcceptingQuickPick('reflectLint.selectUnit');
    await changed;
  });

  it('an account no unit fits: says so, closest first by its own fit, none called the best match', async function () {
    const rel = 'notes/sourdough.select.md';
    const uri = await h.writeText(rel, SOURDOUGH);
    const { doc } = await h.open(rel);
    const { client } = await h.api();
    const units = await client.sendRequest('reflectLint/rankUnits', { uri: uri.toString() });
    assert.ok(units.length >= 5, units.map((u) => u.id).join(', '));
    assert.match(units[0].match, /no unit fits this account/);
    assert.ok(units.every((u) => !u.fits && u.match !== 'best match'));
    assert.deepEqual(
      units.map((u) => u.score),
      [...units.map((u) => u.score)].sort((a, b) => b - a),
    );
    const changed = h.waitForText(doc, (t) => t.startsWith('---\n'), 'the front matter to be written');
    await h.runAcceptingQuickPick('reflectLint.selectUnit');
    assert.ok((await changed).startsWith(`---\nunit: ${units[0].id}\n---\n`));
  });
});
