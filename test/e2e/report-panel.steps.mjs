// The assessor's steps in the browser (appended to browser.test.mjs's steps, so both the Node and the web
// worker extension host run them): Generate Assessor Report from the command palette, the grid in the report
// panel's webview, a click on a cell's line, and the account open at that line. Every wait is on DOM state.

import assert from 'node:assert/strict';

/** The report panel's page: VS Code puts a webview's document in an iframe inside an iframe. */
function reportFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
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
      await shot('report-panel.png');

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
];
