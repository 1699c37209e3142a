// The "Reflective Accounts" Output channel (src/extension/log.ts): a log channel that records activation,
// the rubrics loaded (bundled, the workspace's own and the broken file) and the language server's state.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

/** Resolves with the first logged line that matches, whether it was written already or is still to come. */
function logged(log, pattern, what) {
  const found = log.recent.find((l) => pattern.test(l));
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no ${what} in the log:\n    ${log.recent.join('\n    ')}`));
    }, 15_000);
    const sub = log.onDidLog((line) => {
      if (!pattern.test(line)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(line);
    });
  });
}

describe('the Reflective Accounts Output channel', function () {
  it('is a log channel named after the extension, so VS Code’s log level applies', async function () {
    const { log } = await h.api();
    assert.equal(log.channel.name, 'Reflective Accounts');
    assert.equal(typeof log.channel.logLevel, 'number', 'a LogOutputChannel has a log level');
    assert.ok(Object.values(vscode.LogLevel).includes(log.channel.logLevel));
  });

  it('records activation, the server running and the rubrics loaded, with the broken file and its reason', async function () {
    const { log } = await h.api();
    await logged(
      log,
      /^info: Reflective Accounts \S+ activating \(the language server as a Node process/,
      'activation',
    );
    await logged(log, /^info: Language server running$/, 'server start');
    const rubrics = await logged(log, /^info: Rubrics loaded: /, 'rubrics-loaded line');
    assert.match(rubrics, /5 bundled \(customer-relations, crm-principles, /);
    assert.match(rubrics, /1 from the workspace \(centre-telephone \(.*centre-telephone\.json\)\)/);
    assert.match(rubrics, /1 file not used$/);
    // The server's warning keeps its level through the language client (log.ts forClient).
    await logged(log, /^warn: Rubric not used: \S*broken\.json: invalid rubric: /, 'the broken rubric');
  });
});
