// The assessor's steps in the browser (appended to browser.test.mjs's steps, so both the Node and the web
// worker extension host run them): Generate Assessor Report from the command palette, the grid in the report
// panel's webview, a click on a cell's line and the account open at that line, a missing cell's criterion
// text, a decision recorded (through vscode.workspace.fs on the web) and the feedback draft. Every wait is on
// DOM state. Screenshots: report-panel.png, report-link.png, criterion-text.png, report-decision.png,
// feedback-draft.png (docs/images/ holds copies of two: scripts/e2e/update-screenshots.mjs).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The report panel's page: VS Code puts a webview's document in an iframe inside an iframe. */
function reportFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** The editor group that holds the report panel (for a screenshot of the panel alone). */
function panelGroup(page) {
  return page.locator('.editor-group-container', {
    has: page.locator('.tabs-container .tab', { hasText: 'Mapping grid' }),
  });
}

export const reportSteps = [
  {
    name: 'the assessor opens the report for this account, clicks a cell’s line and lands on that line',
    async run({ page, shot, record }) {
      // Back to the account's editor, so that "This account" is offered first.
      await page.locator('.tabs-container .tab', { hasText: 'sample.md' }).click();
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill('>Reflective Accounts: Generate Assessor Report');
      await page
        .locator('.quick-input-widget .monaco-list-row', { hasText: 'Generate Assessor Report' })
        .first()
        .waitFor();
      const asked = performance.now();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'This account' }).first().waitFor();
      await page.keyboard.press('Enter');

      const grid = reportFrame(page);
      // AC 1 is evidenced by the paragraph at line 9 of the fixture account.
      const link = grid.locator('td.status-evidenced a.place', { hasText: 'L9' }).first();
      await link.waitFor();
      record('Generate Assessor Report → grid drawn in the panel', performance.now() - asked);
      const text = (await grid.locator('table.grid').first().innerText()).replace(/\s+/g, ' ');
      assert.match(text, /accounts\/sample\.md/);
      assert.match(text, /missing/, 'a missing criterion is shown as missing');
      // The criteria's text under the grid, where a missing cell's link goes.
      const key = (await grid.locator('dl.key').first().innerText()).replace(/\s+/g, ' ');
      assert.match(key, /^AC 1 Identify clearly what customers need/);
      assert.equal(
        await page.locator('.tabs-container .tab', { hasText: 'Mapping grid' }).count(),
        1,
        'one report tab',
      );
      await shot('report-panel.png', { of: panelGroup(page) });

      await link.click();
      // The account's editor has the focus, the paragraph selected: the status bar says where the cursor is.
      const selection = page.locator('#status\\.editor\\.selection');
      await page.waitForFunction(() =>
        /Ln 9,.*selected/.test(document.getElementById('status.editor.selection')?.textContent ?? ''),
      );
      assert.match(await selection.innerText(), /Ln 9,/);
      assert.equal(
        await page.locator('.tabs-container .tab.active', { hasText: 'sample.md' }).count(),
        1,
        'the account’s tab is active',
      );
      await shot('report-link.png');
    },
  },
  {
    name: 'a missing cell opens the criterion’s text beside the panel',
    async run({ page, shot }) {
      const grid = reportFrame(page);
      const missing = grid.locator('td.status-missing a.criterion').first();
      const title = await missing.getAttribute('title');
      const id = /AC (\d+(?:\.\d+)*)/.exec(title ?? '')?.[1];
      assert.ok(id, `the missing cell names its criterion: ${title}`);
      await missing.click();
      await page.locator('.tabs-container .tab.active', { hasText: `AC-${id}.md` }).waitFor();
      await page
        .locator('.editor-instance .monaco-editor .view-lines', { hasText: 'What the criterion asks' })
        .waitFor();
      assert.equal(
        await page.locator('.tabs-container .tab', { hasText: 'Mapping grid' }).count(),
        1,
        'the panel is still open beside it',
      );
      await shot('criterion-text.png');
    },
  },
  {
    name: 'the assessor records a decision on a criterion; it is shown in the grid and stored in .reflect-lint/assessments.json',
    async run({ page, shot, workspace }) {
      const grid = reportFrame(page);
      const decide = grid.locator('td.status-missing button.decide').first();
      const criterion = await decide.getAttribute('data-criterion');
      await decide.click();
      const dialog = grid.locator('dialog#decide');
      await dialog.waitFor();
      await dialog.locator('input[name="decision"][value="met"]').check();
      await dialog.locator('textarea').fill('Observed at the counter on 12 March.');
      await dialog.locator('button[value="save"]').click();
      // The grid is drawn again from the store once the decision is written.
      await grid.locator('.decision-met', { hasText: 'Assessor: met' }).first().waitFor();
      // accounts/sample.md's portfolio folder is the workspace (the folder above its learner's folder).
      const store = JSON.parse(readFileSync(path.join(workspace, '.reflect-lint', 'assessments.json'), 'utf8'));
      assert.equal(store.version, 1);
      const last = store.decisions.at(-1);
      assert.deepEqual(
        { ...last, at: undefined },
        {
          learner: 'accounts',
          unit: 'customer-relations',
          criterion,
          decision: 'met',
          comment: 'Observed at the counter on 12 March.',
          at: undefined,
        },
      );
      assert.match(last.at, /^\d{4}-\d{2}-\d{2}T/);
      await shot('report-decision.png', { of: panelGroup(page) });
    },
  },
  {
    name: '“Draft Feedback” in the panel opens the learner’s feedback draft as a new Markdown document',
    async run({ page, shot }) {
      await reportFrame(page).locator('button[data-feedback]').click();
      await page.locator('.tabs-container .tab.active', { hasText: /Feedback for|Untitled/ }).waitFor();
      const lines = page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'Feedback for' });
      await lines.first().waitFor();
      await shot('feedback-draft.png');
    },
  },
];
