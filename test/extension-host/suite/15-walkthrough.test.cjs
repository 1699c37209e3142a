// The first-use walkthrough (package.json contributes.walkthroughs): its four steps in the order a learner takes
// them, each with a picture that is in the extension (media/walkthrough/, a screenshot of the real extension
// made by the browser tier), words for a screen reader, and a link to a command the extension has.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers.cjs');

const walkthroughs = () => h.extension().packageJSON.contributes.walkthroughs ?? [];

async function exists(relative) {
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(h.extension().extensionUri, relative));
    return stat.type === vscode.FileType.File && stat.size > 0;
  } catch {
    return false;
  }
}

describe('the first-use walkthrough', function () {
  it('takes a learner through choosing a unit, a first paragraph, the Criteria view and a reference', function () {
    const [walkthrough, ...others] = walkthroughs();
    assert.ok(walkthrough, 'a walkthrough is contributed');
    assert.deepEqual(others, []);
    assert.equal(walkthrough.id, 'firstAccount');
    assert.ok(walkthrough.title && walkthrough.description);
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['chooseUnit', 'firstParagraph', 'criteriaView', 'insertReference'],
    );
  });

  it('has every picture and Markdown file it names, each picture described in words', async function () {
    for (const step of walkthroughs().flatMap((w) => w.steps)) {
      const media = step.media ?? {};
      const files = [media.image, media.markdown, media.svg].flatMap((m) =>
        typeof m === 'string' ? [m] : m && typeof m === 'object' ? Object.values(m) : [],
      );
      assert.ok(files.length, `${step.id} shows something`);
      for (const file of files) assert.ok(await exists(file), `${step.id}: ${file} is in the extension`);
      if (media.image) assert.ok(media.altText && media.altText.length > 20, `${step.id}: the picture is described`);
    }
  });

  it('links each step to a command the extension registers, and completes on it', async function () {
    await h.api(); // its commands exist once it has activated, whichever test runs first
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthroughs().flatMap((w) => w.steps)) {
      const linked = [...step.description.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(linked.length, `${step.id} has a command link`);
      for (const id of linked) assert.ok(commands.has(id), `${step.id}: ${id} is registered`);
      for (const event of step.completionEvents ?? []) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command) assert.ok(commands.has(command), `${step.id}: ${event}`);
        const view = /^onView:(.+)$/.exec(event)?.[1];
        if (view)
          assert.ok(
            h.extension().packageJSON.contributes.views.explorer.some((v) => v.id === view),
            `${step.id}: ${event}`,
          );
      }
    }
  });

  it('opens with Welcome: Open Walkthrough', async function () {
    // The walkthrough opens in the Welcome page's tab: a new tab, or the Welcome tab already there, made active.
    const showing = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .some((t) => t.isActive && /welcome|walkthrough|first reflective account/i.test(t.label)) || undefined;
    const opened = h.waitFor(vscode.window.tabGroups.onDidChangeTabs, showing, 'the walkthrough’s tab');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${h.EXTENSION_ID}#firstAccount`, false);
    if (!showing()) await opened;
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
