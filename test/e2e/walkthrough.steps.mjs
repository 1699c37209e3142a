// The pictures of the first-use walkthrough (package.json contributes.walkthroughs), taken of the real extension
// as a learner meets it: Select Unit's list, a paragraph with a finding's hover, the Criteria view, and the
// criteria offered after "(AC ". Appended to browser.test.mjs's steps (last: the account is edited here).
// Screenshots: walkthrough-*.png; media/walkthrough/ holds small copies (scripts/e2e/update-screenshots.mjs).

import assert from 'node:assert/strict';
import { EDITOR, runCommand, textBox } from './workbench.mjs';

/** The screen box of `needle` in the editor, once a line showing it is rendered. */
async function wordBox(page, needle) {
  await page.locator(`${EDITOR} .view-line span`, { hasText: needle }).first().waitFor();
  return textBox(page, needle);
}

/** A rectangle around an element and some of what surrounds it, inside the window. */
async function around(page, locator, margin) {
  const b = await locator.boundingBox();
  assert.ok(b, 'the element is on the screen');
  const size = page.viewportSize();
  const x = Math.max(0, b.x - margin.x);
  const y = Math.max(0, b.y - margin.y);
  return {
    x,
    y,
    width: Math.min(size.width, b.x + b.width + margin.x) - x,
    height: Math.min(size.height, b.y + b.height + margin.y) - y,
  };
}

async function openAccount(page) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'weak.md' }).click();
  await page.locator('.tabs-container .tab.active', { hasText: 'weak.md' }).first().waitFor();
  await page.locator(`${EDITOR} .view-lines`, { hasText: 'leisure centre' }).first().waitFor();
  await page.locator(`${EDITOR} [class*="squiggly-"]`).first().waitFor();
}

export const walkthroughSteps = [
  {
    name: 'walkthrough picture 1: Select Unit lists the units, the closest first',
    async run({ page, shot }) {
      // The other editors away (the report panel, drafts), so that the pictures show the learner's view.
      await runCommand(page, 'View: Join All Editor Groups');
      await openAccount(page);
      await runCommand(page, 'Reflective Accounts: Select Unit');
      // The units, ranked for what the account says (its first row the closest).
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'customer-relations' }).first().waitFor();
      const widget = page.locator('.quick-input-widget');
      await shot('walkthrough-select-unit.png', { clip: await around(page, widget, { x: 40, y: 60 }) });
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'walkthrough picture 2: a paragraph, a finding underlined and its hover saying why',
    async run({ page, shot }) {
      // "good service": the snippet step before this one has filled in the paragraph's "as soon as possible".
      const box = await wordBox(page, 'good service');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover', { hasText: 'measured' });
      await hover.first().waitFor({ state: 'visible' });
      await page.waitForFunction(() => {
        const el = [...document.querySelectorAll('.monaco-hover')].find((e) => e.textContent.includes('measured'));
        for (let n = el; n; n = n.parentElement) if (getComputedStyle(n).opacity !== '1') return false;
        return !!el;
      });
      const editor = page.locator('.part.editor');
      const b = await editor.boundingBox();
      await shot('walkthrough-first-paragraph.png', {
        clip: { x: b.x, y: b.y, width: Math.min(b.width, 900), height: Math.min(b.height, 520) },
      });
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'walkthrough picture 3: the Criteria view shows the criteria and the stages, covered or not',
    async run({ page, shot }) {
      // The workspace's files folded away, so that the Criteria view has the Explorer's height.
      await page
        .locator('.pane-header', { hasText: /^Workspace/i })
        .first()
        .click();
      await runCommand(page, 'Reflective Accounts: Show Criteria');
      const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Criteria/i }) });
      await view.locator('.monaco-list-row', { hasText: 'What to add next' }).first().waitFor();
      await view.locator('.monaco-list-row', { hasText: /AC \d/ }).first().waitFor();
      const sidebar = page.locator('.part.sidebar');
      const b = await sidebar.boundingBox();
      const v = await view.boundingBox();
      await shot('walkthrough-criteria-view.png', {
        clip: { x: b.x, y: v.y, width: b.width, height: Math.min(v.height, b.y + b.height - v.y) },
      });
      // The workspace's files unfolded again, for the steps that open a file from the Explorer after these.
      await page
        .locator('.pane-header', { hasText: /^Workspace/i })
        .first()
        .click();
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    },
  },
  {
    name: 'walkthrough picture 4: after “(AC ” the criteria that fit the paragraph are offered, the best first',
    async run({ page, shot }) {
      const box = await wordBox(page, 'the same afternoon.');
      // The cursor after the paragraph's last full stop, then what a learner types.
      await page.mouse.click(box.x + box.width - 6, box.y + box.height / 2);
      await page.keyboard.press('End');
      await page.keyboard.type(' (AC ');
      const suggest = page.locator('.suggest-widget');
      await suggest.locator('.monaco-list-row').first().waitFor();
      await shot('walkthrough-insert-reference.png', { clip: await around(page, suggest, { x: 260, y: 80 }) });
      await page.keyboard.press('Escape');
      // Back as it was: the file is not left changed by the pictures.
      for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
    },
  },
];
