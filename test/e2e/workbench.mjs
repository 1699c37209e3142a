// What the browser steps do to VS Code's workbench in more than one step file: find a word on screen,
// run a command from the palette. Imported by browser.test.mjs and the step files it appends.

import assert from 'node:assert/strict';

export const EDITOR = '.editor-instance .monaco-editor';

/** Screen box of the first occurrence of `needle` in the editor's rendered lines (one text node). */
export async function textBox(page, needle) {
  const box = await page.evaluate(
    ({ selector, needle }) => {
      const root = document.querySelector(selector);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent.replace(/\u00a0/g, ' ').indexOf(needle);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + needle.length);
        const b = r.getBoundingClientRect();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }
      return null;
    },
    { selector: `${EDITOR} .view-lines`, needle },
  );
  assert.ok(box, `“${needle}” is not rendered in the editor`);
  return box;
}

/** Runs a command from the command palette (F1) by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}
