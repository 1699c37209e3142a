#!/usr/bin/env node
// VS Code for the Web end-to-end run: the packaged reflect-lint.vsix in the *web worker* extension
// host of a real VS Code (code-server 4.100.3 = VS Code 1.100.3) in Chromium, its language server in
// a web worker (dist/web/server.js), no Node process of ours anywhere.
//
// code-server runs extensions in its Node extension host by default; the user setting
// `remote.extensionKind: { "reflect-lint.reflect-lint": ["web"] }` makes the workbench run this one
// in the browser's web worker extension host instead, from its "browser" entry, as vscode.dev and
// github.dev do. The steps are the learner's session of test/e2e/browser.test.mjs (open the account,
// the Problems panel, a hover, a quick fix that inserts a criterion reference and is saved), plus a
// check that no dist/server.cjs process was started. Screenshots: test-results/web-*.png.
//
// Usage:
//   node scripts/e2e/run-web-e2e.mjs [--no-package] [--keep]
//     --no-package  install the existing reflect-lint.vsix instead of building it
//     --keep        keep the scratch folder (workspace, user data, logs)
// Exit: 0 when every step passed, 1 otherwise.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, installVsix, launchChromium, startCodeServer, waitForWorkbench } from './code-server.mjs';
import {
  colours,
  copyWorkspace,
  createLog,
  ensureCodeServer,
  parseRunnerArgs,
  runInScratch,
  runStep,
} from './common.mjs';

const STEP_TIMEOUT_MS = 30_000;
const EXTENSION_ID = 'reflect-lint.reflect-lint';
const VSIX = path.join(REPO_ROOT, 'reflect-lint.vsix');
const FIXTURE = path.join(REPO_ROOT, 'test', 'e2e', 'workspace');
const RESULTS = path.join(REPO_ROOT, 'test-results');

const opts = parseRunnerArgs('run-web-e2e.mjs', {
  'no-package': { type: 'boolean', help: 'install the existing reflect-lint.vsix instead of building it' },
  keep: { type: 'boolean', help: 'keep the scratch folder (workspace, user data, logs)' },
});
const { log, since } = createLog('web-e2e');
const { green, red, grey } = colours;

/** Command lines of the processes running the Node language server of the extension installed in `extensionsDir`. */
function nodeServers(extensionsDir) {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(`${extensionsDir}/`) && l.includes('dist/server.cjs'));
}

/** A centre's own unit, in the workspace's rubrics/ folder: the web server can only read it through vscode.workspace.fs. */
const CENTRE_RUBRIC = path.join(
  import.meta.dirname,
  '..',
  '..',
  'test',
  'fixtures',
  'centre-rubrics',
  'dog-grooming.json',
);

await runInScratch('web-e2e', { keep: opts.keep, log, since }, async (tmp) => {
  let cs;
  let browser;
  try {
    ensureCodeServer(log);
    if (!opts['no-package']) {
      log('packaging: npm run package');
      runStep('npm', ['run', 'package', '--silent'], 'npm run package', { quiet: true });
    }
    if (!existsSync(VSIX)) throw new Error(`${VSIX} not found (run without --no-package)`);
    const extensionsDir = path.join(tmp, 'extensions');
    await installVsix(VSIX, extensionsDir);
    log('installed reflect-lint.vsix into a fresh extensions dir');

    const workspace = copyWorkspace(FIXTURE, tmp);
    mkdirSync(path.join(workspace, 'rubrics'));
    copyFileSync(CENTRE_RUBRIC, path.join(workspace, 'rubrics', 'dog-grooming.json'));
    writeFileSync(
      path.join(workspace, 'accounts', 'groom.md'),
      '---\nunit: dog-grooming\n---\n\nI asked the owner about the trim and agreed a collection time of 3pm (AC 3).\n',
    );
    cs = await startCodeServer({
      workspace,
      extensionsDir,
      userDataDir: path.join(tmp, 'user-data'),
      settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] }, 'files.autoSave': 'off' },
    });
    log(`code-server at ${cs.baseUrl}`);

    const { steps } = await import(new URL('../../test/e2e/browser.test.mjs', import.meta.url).href);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const errors = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /reflect-lint|reflectLint|Reflective Accounts/i.test(m.text())) errors.push(m.text());
    });
    await page.goto(cs.url);
    await waitForWorkbench(page);
    const readyAt = performance.now();
    log('workbench ready');

    mkdirSync(RESULTS, { recursive: true });
    const ctx = {
      page,
      workspace,
      readyAt,
      log: (m) => console.log(grey(`      ${m}`)),
      shot: async (name, { of, ...options } = {}) => {
        await (of ?? page).screenshot({ path: path.join(RESULTS, `web-${name}`), ...options });
        console.log(grey(`      screenshot test-results/web-${name}`));
      },
      record: (name, value) => console.log(grey(`      ${name}: ${Math.round(value)} ms`)),
    };
    const webSteps = [
      steps[0],
      {
        name: 'the extension runs in the web worker extension host: no Node language server was started',
        async run() {
          const ours = nodeServers(extensionsDir);
          assert.deepEqual(ours, [], `a Node process runs the installed extension's code:\n${ours.join('\n')}`);
          assert.deepEqual(errors, [], 'the extension logged errors in the browser');
        },
      },
      ...steps.slice(1).filter((s) => !s.optional),
      {
        name: 'an account naming the centre’s own unit (rubrics/, read through vscode.workspace.fs) is checked against it',
        async run({ page, shot }) {
          await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'groom.md' }).click();
          await page.locator('.tabs-container .tab', { hasText: 'groom.md' }).waitFor();
          const row = page.locator('.markers-panel .monaco-list-row', {
            hasText: '“Dog grooming customer care” has no criterion 3',
          });
          await row.first().waitFor();
          await shot('centre-rubric.png');
        },
      },
    ];

    console.log('\n  reflect-lint in VS Code for the Web (web worker extension host, code-server + Chromium)\n');
    let passed = 0;
    let failed = 0;
    for (const step of webSteps) {
      const start = performance.now();
      if (failed) {
        console.log(`    - ${step.name} ${grey('(skipped: an earlier step failed)')}`);
        continue;
      }
      try {
        await step.run(ctx);
        passed++;
        console.log(`    ${green('✔')} ${step.name} ${grey(`(${Math.round(performance.now() - start)}ms)`)}`);
      } catch (e) {
        failed++;
        const shot = `web-failure-${webSteps.indexOf(step) + 1}.png`;
        await page.screenshot({ path: path.join(RESULTS, shot) }).catch(() => {});
        console.log(
          `    ${red(`✗ ${step.name}`)}\n      ${String(e.stack || e)
            .split('\n')
            .slice(0, 6)
            .join('\n      ')}\n      screenshot: test-results/${shot}`,
        );
      }
    }
    console.log(`\n${passed} passed, ${failed} failed\n`);
    if (failed) console.log(grey(`code-server output (tail):\n${cs.output().slice(-2000)}`));
    return failed ? 1 : 0;
  } finally {
    await browser?.close().catch(() => {});
    await cs?.stop().catch(() => {});
  }
});
