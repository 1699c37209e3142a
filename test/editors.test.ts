/**
 * The README's Neovim, Emacs and Vim configurations are the files scripts/editors/run.mjs runs in
 * the real editors: this fails when the two drift apart.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('the README’s editor configurations', () => {
  for (const [file, fence] of [['nvim/init.lua', 'lua'], ['emacs/init.el', 'elisp'], ['vim/vimrc', 'vim']]) {
    it(`shows scripts/editors/${file} as it is verified`, () => {
      const text = readFileSync(join(ROOT, 'scripts', 'editors', file), 'utf8').trimEnd();
      assert.ok(readme.includes(`\`\`\`${fence}\n${text}\n\`\`\``), `README.md does not show scripts/editors/${file} verbatim`);
    });
  }

  it('keeps the defaults: no configuration replaces reflectLint.files, and each starts `reflect-lint lsp --stdio`', () => {
    for (const file of ['nvim/init.lua', 'emacs/init.el', 'vim/vimrc']) {
      const text = readFileSync(join(ROOT, 'scripts', 'editors', file), 'utf8');
      assert.doesNotMatch(text, /\bfiles\s*[=:]/, `${file} sets reflectLint.files`);
      const starts = /reflect-lint['"],?\s*['"]lsp['"],?\s*['"]--stdio/.test(text) || (/'executable': 'reflect-lint'/.test(text) && /'command': '%e lsp --stdio'/.test(text));
      assert.ok(starts, `${file} does not start reflect-lint lsp --stdio`);
    }
  });
});
