// Entry point for --extensionTestsPath / the payload "extensionTestsPath":
// VS Code's extension host require()s this file and awaits run().
// Runs the mocha suite in ./test and writes the results as JSON to the file
// named by REFLECT_LINT_E2E_TESTS_RESULT (if set).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { runMocha } = require('./extension.js');

async function run() {
  const out = process.env.REFLECT_LINT_E2E_TESTS_RESULT;
  const mochaDir = process.env.REFLECT_LINT_E2E_MOCHA;
  const files = fs.readdirSync(path.join(__dirname, 'test')).filter((f) => /\.test\.c?js$/.test(f)).map((f) => path.join(__dirname, 'test', f));
  const result = { via: 'extensionTestsPath', startedAt: new Date().toISOString(), pid: process.pid };
  try {
    result.mocha = await runMocha(mochaDir, files);
    result.ok = result.mocha.failures === 0;
  } catch (e) {
    result.ok = false;
    result.error = String((e && e.stack) || e);
  }
  if (out) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(`${out}.tmp`, JSON.stringify(result, null, 2));
    fs.renameSync(`${out}.tmp`, out);
  }
  if (!result.ok) throw new Error(`${result.mocha ? result.mocha.failures : '?'} test(s) failed`);
}

module.exports = { run };
