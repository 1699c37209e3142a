#!/usr/bin/env node
// Smoke test of the browser end-to-end chain: code-server (real VS Code
// 1.100.3) on 127.0.0.1 + Debian Chromium driven by playwright-core.
// Opens hello.md from the Explorer, opens the Problems panel, and writes
// test-results/smoke.png. Exits 0 on success, 1 on failure; always stops
// code-server and the browser.
//
// Usage: node scripts/e2e/smoke.mjs   (after bash scripts/e2e/install-code-server.sh)

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, startCodeServer, launchChromium, waitForWorkbench } from './code-server.mjs';

const STEP_TIMEOUT_MS = 30_000;
const t0 = performance.now();
const since = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;
const log = (m) => console.log(`[smoke ${since()}] ${m}`);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'reflect-lint-smoke-'));
const workspace = path.join(tmp, 'workspace');
mkdirSync(workspace);
writeFileSync(path.join(workspace, 'hello.md'), '# Hello\n\nThis is a smoke test document.\n');
const resultsDir = path.join(REPO_ROOT, 'test-results');
const screenshot = path.join(resultsDir, 'smoke.png');

let cs;
let browser;
let page;
let exitCode = 1;
try {
  log('starting code-server');
  cs = await startCodeServer({
    workspace,
    extensionsDir: path.join(tmp, 'extensions'),
    userDataDir: path.join(tmp, 'user-data'),
  });
  log(`code-server answers at ${cs.baseUrl}`);

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await page.goto(cs.url);
  await waitForWorkbench(page);
  log('workbench ready');

  // Open hello.md from the Explorer.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'hello.md' }).click();
  const tab = page.locator('.tabs-container .tab', { hasText: 'hello.md' });
  await tab.waitFor();
  await page.locator('.editor-instance .view-lines', { hasText: 'smoke test document' }).waitFor();
  log('hello.md open in an editor');

  // Problems panel.
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor();
  const problems = (await page.locator('.markers-panel').innerText()).trim().replace(/\s+/g, ' ');
  log(`Problems panel open: "${problems.slice(0, 200)}"`);

  mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: screenshot });
  log(`screenshot: ${path.relative(process.cwd(), screenshot) || screenshot}`);
  exitCode = 0;
} catch (e) {
  console.error(`[smoke ${since()}] FAILED: ${e.stack || e}`);
  if (page) {
    try {
      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'smoke-failure.png') });
      console.error(`[smoke] failure screenshot: ${path.join(resultsDir, 'smoke-failure.png')}`);
    } catch {
      /* page may be gone */
    }
  }
  if (cs) console.error(`[smoke] code-server output (tail):\n${cs.output().slice(-3000)}`);
} finally {
  await browser?.close().catch(() => {});
  await cs?.stop().catch(() => {});
  rmSync(tmp, { recursive: true, force: true });
  log(`${exitCode === 0 ? 'passed' : 'failed'} in ${since()}`);
}
process.exit(exitCode);
