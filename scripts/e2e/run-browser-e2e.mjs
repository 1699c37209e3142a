#!/usr/bin/env node
// Browser end-to-end run: packages the extension (npm run package →
// reflect-lint.vsix), installs it into a fresh extensions dir, starts
// code-server (VS Code 1.100.3) on a scratch copy of test/e2e/workspace and
// drives Chromium through the steps in test/e2e/browser.test.mjs, as a learner
// would. Screenshots go to test-results/. Prints each step, the measured
// figures, and exits non-zero if a step failed. Always stops code-server and
// the browser and removes the scratch folder.
//
// Usage (--help lists the options):
//   node scripts/e2e/run-browser-e2e.mjs [--no-package] [--keep]
// Exit: 0 every step passed, 1 a step failed or the run did not complete, 2 bad usage.

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, installVsix, launchChromium, startCodeServer, waitForWorkbench } from './code-server.mjs';
import {
  colours,
  copyWorkspace,
  createLog,
  ensureCodeServer,
  parseRunnerArgs,
  printMetrics,
  runInScratch,
  runStep,
} from './common.mjs';

const STEP_TIMEOUT_MS = 30_000;
const VSIX = path.join(REPO_ROOT, 'reflect-lint.vsix');
const FIXTURE = path.join(REPO_ROOT, 'test', 'e2e', 'workspace');
const RESULTS = path.join(REPO_ROOT, 'test-results');

const opts = parseRunnerArgs('run-browser-e2e.mjs', {
  'no-package': { type: 'boolean', help: 'install the existing reflect-lint.vsix instead of building it' },
  keep: { type: 'boolean', help: 'keep the scratch folder (workspace, user data, logs)' },
});
const { log, since } = createLog('browser-e2e');
const { green, red, grey } = colours;

await runInScratch('browser-e2e', { keep: opts.keep, log, since }, async (tmp) => {
  let cs;
  let browser;
  const metrics = [];
  try {
    ensureCodeServer(log);
    if (!opts['no-package']) {
      log('packaging: npm run package');
      runStep('npm', ['run', 'package', '--silent'], 'npm run package', { quiet: true });
    }
    if (!existsSync(VSIX)) throw new Error(`${VSIX} not found (run without --no-package)`);
    const extensionsDir = path.join(tmp, 'extensions');
    await installVsix(VSIX, extensionsDir);
    log(`installed ${path.basename(VSIX)} into a fresh extensions dir`);

    const workspace = copyWorkspace(FIXTURE, tmp);
    cs = await startCodeServer({ workspace, extensionsDir, userDataDir: path.join(tmp, 'user-data') });
    log(`code-server at ${cs.baseUrl}`);

    const { title, steps } = await import(new URL('../../test/e2e/browser.test.mjs', import.meta.url).href);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
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
      // options: Playwright's (a clip, or a locator to shoot only that element).
      shot: async (name, { of, ...options } = {}) => {
        await (of ?? page).screenshot({ path: path.join(RESULTS, name), ...options });
        console.log(grey(`      screenshot test-results/${name}`));
      },
      record: (name, value, detail) => metrics.push({ name, value: Math.round(value), detail }),
    };

    console.log(`\n  ${title}\n`);
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const failures = [];
    for (const step of steps) {
      if (failed && !step.optional) {
        skipped++;
        console.log(`    - ${step.name} ${grey('(skipped: an earlier step failed)')}`);
        continue;
      }
      const start = performance.now();
      try {
        await step.run(ctx);
        passed++;
        console.log(`    ${green('✔')} ${step.name} ${grey(`(${Math.round(performance.now() - start)}ms)`)}`);
      } catch (e) {
        const shotName = `failure-${steps.indexOf(step) + 1}.png`;
        await page.screenshot({ path: path.join(RESULTS, shotName) }).catch(() => {});
        if (step.optional) {
          skipped++;
          console.log(
            `    - ${step.name} ${grey(`(not measured: ${String(e.message).split('\n')[0]}; see test-results/${shotName})`)}`,
          );
          continue;
        }
        failed++;
        failures.push({ step, e, shotName });
        console.log(`    ${red(`${failed}) ${step.name}`)}`);
      }
    }
    console.log(
      `\n  ${green(`${passed} passing`)}${failed ? `\n  ${red(`${failed} failing`)}` : ''}${skipped ? `\n  ${skipped} skipped` : ''}`,
    );
    failures.forEach(({ step, e, shotName }, i) => {
      console.log(
        `\n  ${i + 1}) ${step.name}:\n     ${red(
          String(e.stack || e)
            .split('\n')
            .slice(0, 8)
            .join('\n     '),
        )}\n     screenshot: test-results/${shotName}`,
      );
    });
    printMetrics(metrics);
    console.log('');
    if (failed) console.log(grey(`code-server output (tail):\n${cs.output().slice(-2000)}`));
    return failed ? 1 : 0;
  } catch (e) {
    if (cs) console.error(`code-server output (tail):\n${cs.output().slice(-3000)}`);
    throw e;
  } finally {
    await browser?.close().catch(() => {});
    await cs?.stop().catch(() => {});
  }
});
