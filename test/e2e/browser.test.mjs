// Browser end-to-end test: a learner's session in a real VS Code (code-server
// 4.100.3 = VS Code 1.100.3) with the packaged reflect-lint.vsix installed,
// driven through Chromium with Playwright. Run by scripts/e2e/run-browser-e2e.mjs,
// which builds and installs the .vsix, starts code-server on a scratch copy of
// test/e2e/workspace, opens the workbench and calls these steps in order (each
// builds on the one before). Every wait is on DOM state (locator waits,
// waitForFunction), bounded by the page's default timeout; none sleeps.
//
// Each step gets ctx = { page, workspace, shot(name), record(name, ms, detail), readyAt, log }.

import assert from 'node:assert/strict';
import { readFileSync, watch } from 'node:fs';
import path from 'node:path';
import { reportSteps } from './report-panel.steps.mjs';
import { walkthroughSteps } from './walkthrough.steps.mjs';
import { EDITOR, runCommand, textBox } from './workbench.mjs';

export const title = 'reflect-lint in the browser (code-server + Chromium)';

const ACCOUNT = 'accounts/sample.md';

/** Text of the visible editor lines, spaces normalised (Monaco renders some as U+00A0). */
function editorText(page) {
  return page
    .locator(`${EDITOR} .view-lines`)
    .first()
    .evaluate((el) => el.textContent.replace(/\u00a0/g, ' '));
}

/** Opens a workspace file by name through Quick Open (Ctrl+P) and waits for `text` in its editor. */
async function openFile(page, name, text) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: name }).waitFor();
  await page.locator(`${EDITOR} .view-lines`, { hasText: text }).waitFor();
}

/**
 * Every row of the open action menu (Ctrl+.), headers marked: the list is virtual, so it is scrolled
 * through and the rows collected by their position.
 */
async function menuRows(page) {
  return page.evaluate(async () => {
    const list = document.querySelector('.action-widget .monaco-list');
    const rows = new Map();
    const collect = () => {
      for (const row of list.querySelectorAll('.monaco-list-row')) {
        const index = Number(row.getAttribute('data-index'));
        const label = (row.getAttribute('aria-label') || row.textContent || '').trim();
        rows.set(index, {
          label,
          header: row.classList.contains('group-header') || row.classList.contains('separator'),
        });
      }
    };
    collect();
    const content = list.querySelector('.monaco-list-rows');
    const total = content ? content.scrollHeight : 0;
    for (let y = 0; y < total; y += 100) {
      list.querySelector('.monaco-list-rows').parentElement.scrollTop = y;
      await new Promise((r) => requestAnimationFrame(r));
      collect();
    }
    return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  });
}

const count = (text, needle) => text.split(needle).length - 1;

/** The file's text once `predicate` holds for it, waiting on file-system events (bounded). */
function fileText(file, predicate, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const read = () => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return '';
      }
    };
    const check = () => {
      const text = read();
      if (!predicate(text)) return;
      watcher.close();
      clearTimeout(timer);
      resolve(text);
    };
    const watcher = watch(path.dirname(file), check);
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${file} to be saved; it holds:\n${read()}`));
    }, timeoutMs);
    check();
  });
}

export const steps = [
  {
    name: 'opens the account from the Explorer and shows its first diagnostic',
    async run({ page, readyAt, record, log }) {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^accounts$/ }).click();
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'sample.md' }).click();
      await page.locator('.tabs-container .tab', { hasText: 'sample.md' }).waitFor();
      await page.locator(`${EDITOR} .view-lines`, { hasText: 'front counter' }).waitFor();
      const shownAt = performance.now();
      // The squiggles: the extension activated, its server analysed the account and VS Code drew the result.
      await page.locator(`${EDITOR} [class*="squiggly-"]`).first().waitFor();
      const now = performance.now();
      record(
        'workbench ready → first diagnostic shown in the editor (Explorer clicks, open, activation, analysis)',
        now - readyAt,
      );
      record('account text shown → first diagnostic shown', now - shownAt);
      log(`${await page.locator(`${EDITOR} [class*="squiggly-"]`).count()} squiggles drawn`);
    },
  },
  {
    name: 'the Problems panel (Ctrl+Shift+M) lists the account’s findings',
    async run({ page, shot }) {
      await page.locator(`${EDITOR} textarea`).first().focus();
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor();
      await panel.locator('.monaco-list-row', { hasText: 'What to add next:' }).first().waitFor();
      const text = (await panel.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /sample\.md/);
      assert.match(text, /does not link it to a criterion/);
      assert.doesNotMatch(text, /README/, 'the notes README is not an account');
      const rows = await panel.locator('.monaco-list-row').count();
      assert.ok(rows >= 5, `only ${rows} rows in the Problems panel`);
      await shot('problems.png');
      // The title's "What to add next" list is tall: the panel's filter finds a finding further down.
      const filter = page.getByPlaceholder(/^Filter \(e\.g\. text/);
      await filter.fill('good service');
      const finding = panel.locator('.monaco-list-row', { hasText: '“good service” cannot be measured' });
      await finding.first().waitFor();
      assert.match(
        (await finding.first().innerText()).replace(/\s+/g, ' '),
        /vague-standard/,
        'the rule id as the code',
      );
      await filter.fill('');
    },
  },
  {
    name: 'hovering the key term “CRM” shows its definition',
    async run({ page, shot }) {
      const box = await textBox(page, 'CRM');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover', { hasText: 'Customer relationship management' });
      await hover.first().waitFor({ state: 'visible' });
      // Fully faded in (for the screenshot): every ancestor at opacity 1.
      await page.waitForFunction(() => {
        const el = [...document.querySelectorAll('.monaco-hover')].find((e) =>
          e.textContent.includes('Customer relationship management'),
        );
        for (let n = el; n; n = n.parentElement) if (getComputedStyle(n).opacity !== '1') return false;
        return !!el;
      });
      const text = (await hover.first().innerText()).replace(/\s+/g, ' ');
      assert.match(text, /CRM/);
      assert.match(text, /how an organisation records and uses what it knows about its customers/);
      await shot('hover.png');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'Ctrl+. in a paragraph offers “Insert criterion reference”, which adds “(AC n)”',
    async run({ page, workspace, shot }) {
      const before = count(await editorText(page), '(AC');
      // Put the cursor in the paragraph (a click on one of its words).
      const box = await textBox(page, 'front counter');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.press('Control+.');
      const widget = page.locator('.action-widget');
      const insert = widget.locator('.monaco-list-row', { hasText: 'Insert criterion reference: AC' });
      await insert.first().waitFor();
      // The best match is listed first and highlighted: Enter applies it, as a learner would.
      const focused = widget.locator('.monaco-list-row.focused');
      const label = (await focused.getAttribute('aria-label')) ?? (await focused.innerText());
      assert.match(label, /^Insert criterion reference: AC /, `the highlighted action is “${label}”`);
      const id = /AC (\d+(?:\.\d+)*)/.exec(label)?.[1];
      await shot('code-action.png');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        ({ selector, before }) => {
          const el = document.querySelector(selector);
          return !!el && el.textContent.split('(AC').length - 1 > before;
        },
        { selector: `${EDITOR} .view-lines`, before },
      );
      assert.equal(count(await editorText(page), '(AC'), before + 1);
      // Save (VS Code in the browser also auto-saves after a second), and read what the learner's file now says.
      await page.keyboard.press('Control+S');
      const file = path.join(workspace, ACCOUNT);
      const saved = await fileText(file, (t) => t.includes('(AC ') && t.split('(AC').length > 2);
      assert.ok(
        saved.includes(`look after our business customers (AC ${id}).`),
        `the saved paragraph:\n${saved.split('\n').find((l) => l.includes('front counter'))}`,
      );
      await shot('after-insert.png');
    },
  },
  ...reportSteps,
  {
    name: 'Ctrl+. on a paragraph with many findings shows a short menu: one “Disable…” per rule, the preferred fix first',
    async run({ page, shot, record, log }) {
      await openFile(page, 'weak.md', 'leisure centre');
      await page.locator(`${EDITOR} [class*="squiggly-"]`).first().waitFor();
      // The cursor on a vague standard, which a hypothetical sentence and the paragraph's other findings surround:
      // only the findings under the cursor offer their fixes (a word no finding covers offers none).
      // One word, since the editor may wrap the phrase across two view lines (Markdown wraps by default).
      const box = await textBox(page, 'soon');
      await page.mouse.click(box.x + 4, box.y + box.height / 2);
      await page.keyboard.press('Control+.');
      const widget = page.locator('.action-widget');
      await widget.locator('.monaco-list-row').first().waitFor();
      const rows = await menuRows(page);
      const entries = rows.filter((r) => !r.header);
      const disables = entries.filter((r) => /^Disable /.test(r.label));
      log(`${entries.length} entries, ${disables.length} “Disable…”: ${entries.map((r) => r.label).join(' | ')}`);
      record(
        'quick-fix menu entries on the fixture paragraph (weak.md, cursor on “as soon as possible”)',
        entries.length,
        `${disables.length} “Disable…”`,
      );
      await shot('quick-fix-menu.png');
      const perRule = new Map();
      for (const d of disables) perRule.set(d.label, (perRule.get(d.label) ?? 0) + 1);
      assert.ok(
        [...perRule.values()].every((n) => n === 1),
        `a “Disable…” entry repeated: ${disables.map((d) => d.label).join(', ')}`,
      );
      assert.ok(
        !entries.some((r) => /Insert criterion reference: AC 4\b/.test(r.label)),
        'AC 4 is already cited in the paragraph',
      );
      assert.ok(entries.length >= 1 && entries.length <= 10, `${entries.length} entries`);
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'the preferred fix puts a SMART template in as a snippet: typing fills its first gap, Tab moves to the next',
    async run({ page, workspace, shot }) {
      const box = await textBox(page, 'soon');
      await page.mouse.click(box.x + 4, box.y + box.height / 2);
      await page.keyboard.press('Control+.');
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      await focused.waitFor();
      const label = (await focused.getAttribute('aria-label')) ?? (await focused.innerText());
      assert.match(label, /^Replace “as soon as possible” with a measurable standard/, `highlighted: “${label}”`);
      await page.keyboard.press('Enter');
      // Snippet mode: the gaps are tab stops (Monaco marks them), the first one selected.
      await page.locator(`${EDITOR} .view-lines`, { hasText: 'within [number] [hours / working days]' }).waitFor();
      await page.locator(`${EDITOR} .snippet-placeholder`).first().waitFor({ state: 'attached' });
      await shot('snippet-inserted.png');
      await page.keyboard.type('2');
      await page.locator(`${EDITOR} .view-lines`, { hasText: 'within 2 [hours / working days]' }).waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.type('working days');
      await page.locator(`${EDITOR} .view-lines`, { hasText: 'within 2 working days and give' }).waitFor();
      await shot('snippet-filled.png');
      await page.keyboard.press('Control+S');
      const saved = await fileText(path.join(workspace, 'accounts/weak.md'), (t) =>
        t.includes('within 2 working days'),
      );
      assert.match(saved, /sort problems out within 2 working days and give good service/);
      assert.doesNotMatch(saved, /\[number\]|\[hours \/ working days\]/, 'a gap left unfilled');
    },
  },
  {
    name: 'Developer: Show Running Extensions reports the extension’s activation time',
    optional: true,
    async run({ page, record }) {
      await runCommand(page, 'Developer: Show Running Extensions');
      const row = page.locator('.runtime-extensions-editor .monaco-list-row', {
        hasText: /Reflective Accounts|reflect-lint/,
      });
      await row.first().waitFor();
      const text = (await row.first().innerText()).replace(/\s+/g, ' ');
      const m = /(\d+)\s*ms/.exec(text);
      assert.ok(m, `no activation time in “${text}”`);
      record('extension activation (VS Code’s Running Extensions)', Number(m[1]), text.slice(0, 160));
    },
  },
  // Last: they edit an account and join the editor groups.
  ...walkthroughSteps,
  // After the walkthrough, which needs the editors as they are: the Settings editor stays open.
  {
    name: 'the Settings editor titles every setting “Reflective Accounts: …”, like their group',
    async run({ page, shot }) {
      await runCommand(page, 'Preferences: Open Settings (UI)');
      const search = page.locator('.settings-editor .suggest-input-container textarea').first();
      await search.waitFor();
      await search.fill('@ext:reflect-lint.reflect-lint');
      // The list updates after the query: wait for this extension's settings, not the editor's common ones.
      await page.waitForFunction(() => {
        const titles = [...document.querySelectorAll('.settings-editor .setting-item-title')];
        return (
          titles.length > 0 &&
          titles.every((t) => /Default Unit|Code Lens|Debounce|Files|Rubrics|Rules|Run|Max File/.test(t.textContent))
        );
      });
      const titles = (await page.locator('.settings-editor .setting-item-title').allInnerTexts()).map((t) =>
        t.split('\n')[0].trim(),
      );
      // The list is virtual (only those in view are drawn): every setting is counted, the drawn ones read.
      const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
      const declared = Object.keys(manifest.contributes.configuration.properties).length;
      await page
        .locator('.settings-editor .settings-count-widget', { hasText: `${declared} Settings Found` })
        .waitFor();
      assert.ok(titles.length >= 2, `only ${titles.length} settings drawn`);
      for (const t of titles) assert.match(t, /^Reflective Accounts: [A-Z]/, `a setting titled “${t}”`);
      await shot('settings.png');
    },
  },
];
