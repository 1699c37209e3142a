/**
 * docs/editors.md shows each editor's configuration, and those configurations are the files in
 * scripts/editors/ that scripts/editors/run.mjs runs in the real editors (Neovim 0.7, Emacs, Vim) or
 * parses: this fails when the page and the files drift apart, when a configuration replaces the
 * default reflectiveAccounts.files or starts the server some other way, and when the page forgets a command.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { ServerCommands } from '../src/shared/protocol.js';

const ROOT = join(import.meta.dirname, '..');
const page = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8');
const file = (name: string) => readFileSync(join(ROOT, 'scripts', 'editors', name), 'utf8');
/** Sublime Text's settings files are JSON with `//` comments on lines of their own. */
const sublimeJson = (name: string) => JSON.parse(file(name).replace(/^\s*\/\/.*$/gm, ''));

const CONFIGURATIONS: Array<[string, string]> = [
  ['nvim/lsp-start.lua', 'lua'],
  ['nvim/init.lua', 'lua'],
  ['emacs/init.el', 'elisp'],
  ['vim/vimrc', 'vim'],
  ['helix/languages.toml', 'toml'],
  ['sublime/LSP.sublime-settings', 'jsonc'],
  ['sublime/reflect-lint.sublime-commands', 'jsonc'],
];

describe('docs/editors.md', () => {
  for (const [name, fence] of CONFIGURATIONS) {
    it(`shows scripts/editors/${name} as it is`, () => {
      assert.ok(
        page.includes(`\`\`\`${fence}\n${file(name).trimEnd()}\n\`\`\``),
        `docs/editors.md does not show scripts/editors/${name} verbatim`,
      );
    });
  }

  it('keeps the default reflectiveAccounts.files in every configuration, and each starts `reflect-lint lsp --stdio`', () => {
    const starts: Record<string, RegExp> = {
      lua: /cmd = \{ 'reflect-lint', 'lsp', '--stdio' \}/,
      elisp: /\("reflect-lint" "lsp" "--stdio"\)/,
      vim: /'executable': 'reflect-lint',\n\\ {3}'command': '%e lsp --stdio'/,
      toml: /command = "reflect-lint"\nargs = \["lsp", "--stdio"\]/,
      jsonc: /"command": \["reflect-lint", "lsp", "--stdio"\]/,
    };
    for (const [name, fence] of CONFIGURATIONS.filter(([n]) => !n.endsWith('.sublime-commands'))) {
      // `files = …` (Lua, TOML), `:files` (Emacs), `'files':` (Vim), `"reflectiveAccounts.files":` (Sublime Text).
      assert.doesNotMatch(
        file(name),
        /\bfiles\s*=|:files\b|'files'\s*:|"(?:reflectiveAccounts\.)?files"\s*:/,
        `${name} sets reflectiveAccounts.files`,
      );
      assert.match(file(name), starts[fence], `${name} does not start reflect-lint lsp --stdio`);
    }
  });

  it('gives Helix a server for Markdown and its settings under reflectiveAccounts', () => {
    const helix = parseToml(file('helix/languages.toml')) as any;
    const server = helix['language-server']['reflect-lint'];
    assert.deepEqual([server.command, server.args], ['reflect-lint', ['lsp', '--stdio']]);
    assert.equal(typeof server.config.reflectiveAccounts, 'object');
    const markdown = helix.language.find((l: { name: string }) => l.name === 'markdown');
    assert.ok(markdown['language-servers'].includes('reflect-lint'));
  });

  it('gives Sublime Text a client for Markdown, semantic token colours, and commands naming the server’s', () => {
    const settings = sublimeJson('sublime/LSP.sublime-settings');
    const client = settings.clients['reflect-lint'];
    assert.equal(client.selector, 'text.html.markdown');
    assert.deepEqual(Object.keys(client.semantic_tokens).sort(), ['criterionReference', 'demonstratesSentence']);
    assert.equal(client.initializationOptions.semanticTokens, true);
    for (const key of Object.keys(client.settings)) assert.match(key, /^reflectiveAccounts\.[a-zA-Z]+$/);
    const commands = sublimeJson('sublime/reflect-lint.sublime-commands') as Array<{
      args: { session_name: string; command_name: string };
    }>;
    for (const c of commands) {
      assert.equal(c.args.session_name, 'reflect-lint');
      assert.ok((Object.values(ServerCommands) as string[]).includes(c.args.command_name), c.args.command_name);
    }
  });

  it('lists every command the server offers, and the README points to the page', () => {
    for (const command of Object.values(ServerCommands))
      assert.ok(page.includes(`| \`${command}\` |`), `${command} is not in the commands table`);
    assert.ok(readFileSync(join(ROOT, 'README.md'), 'utf8').includes('](docs/editors.md)'));
  });

  it('says how to choose a unit and switch a rule off in each editor', () => {
    const table = page.slice(
      page.indexOf('## Choosing a unit and switching a rule off'),
      page.indexOf('## What any client gets'),
    );
    for (const editor of ['Neovim', 'Emacs', 'Vim', 'Helix', 'Sublime Text']) {
      const row = table.split('\n').find((l) => l.startsWith(`| ${editor} |`));
      assert.ok(row, `no row for ${editor}`);
      assert.match(row, /defaultUnit/);
      assert.match(row, /personal-data.*off/);
    }
  });
});
