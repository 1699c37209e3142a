#!/usr/bin/env node
// Verifies docs/editors.md's editor configurations in the real editors, headless: Debian's Neovim 0.7
// (nvim/init.lua), Emacs 28 with eglot (emacs/init.el) and Vim 9 with ALE (vim/vimrc). Each editor
// opens an account (test/fixtures/editors/draft.md) in a workspace with no git (as portfolio/accounts/draft.md, no front matter, so it is
// an account only if the workspace folder is right and the default reflectiveAccounts.files globs are kept),
// waits for the server's diagnostics, prints them, asks for a hover on "CRM", gets the quick fixes
// as the editor itself sends the request, applies "Disable vague-standard for this line", runs one
// server command, and quits; then the server process must have exited. The server is the README's
// command, `reflect-lint lsp --stdio`, from a shim on PATH that runs this clone's bin/reflect-lint.cjs.
// Neovim also parses nvim/lsp-start.lua, the configuration for 0.8 and later, which 0.7 cannot run.
//
// Usage: node scripts/editors/run.mjs [--no-build] [nvim] [emacs] [vim]     (default: all three)
// Prints each editor's report and `N passed, N failed`; exit 1 if any failed, 2 if one is not installed.
// Install the editors with: apt-get install neovim emacs-nox elpa-eglot elpa-markdown-mode vim vim-ale

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const TIMEOUT_MS = 90_000;

/** The account each editor opens (copied into a folder with no git: the clone's own .git would give the root away). */
const ACCOUNT = readFileSync(path.join(REPO, 'test', 'fixtures', 'editors', 'draft.md'), 'utf8');

const EDITORS = {
  nvim: {
    bin: 'nvim',
    args: (file) => [
      '--headless',
      '-i',
      'NONE',
      '-u',
      path.join(HERE, 'nvim', 'init.lua'),
      file,
      '-c',
      `luafile ${path.join(HERE, 'nvim', 'check.lua')}`,
    ],
  },
  // Batch mode skips the package activation an interactive start does before init.el (markdown-mode's autoloads).
  emacs: {
    bin: 'emacs',
    args: (file) => [
      '--batch',
      '--no-init-file',
      '-f',
      'package-activate-all',
      '-l',
      path.join(HERE, 'emacs', 'init.el'),
      file,
      '-l',
      path.join(HERE, 'emacs', 'check.el'),
    ],
  },
  vim: {
    bin: 'vim',
    args: (file) => [
      '-N',
      '-i',
      'NONE',
      '-u',
      path.join(HERE, 'vim', 'vimrc'),
      '-es',
      '-c',
      `source ${path.join(HERE, 'vim', 'check.vim')}`,
      file,
    ],
  },
};

const argv = process.argv.slice(2);
const build = !argv.includes('--no-build');
const chosen = argv.filter((a) => !a.startsWith('--'));
for (const name of chosen) {
  if (!EDITORS[name]) {
    console.error(`unknown editor ${name}; choose from ${Object.keys(EDITORS).join(', ')}`);
    process.exit(2);
  }
}
const names = chosen.length ? chosen : Object.keys(EDITORS);

if (build) {
  const r = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`node esbuild.js failed:\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Resolves once `pid` has gone, or with false after `ms` (checked as the event loop turns). */
function gone(pid, ms) {
  return new Promise((resolve) => {
    const until = Date.now() + ms;
    const check = () => (!alive(pid) ? resolve(true) : Date.now() > until ? resolve(false) : setImmediate(check));
    check();
  });
}

function run(bin, args, env, cwd) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

let passed = 0;
let failed = 0;
for (const name of names) {
  const editor = EDITORS[name];
  if (spawnSync('sh', ['-c', `command -v ${editor.bin}`]).status !== 0) {
    console.error(
      `${editor.bin} is not installed (apt-get install neovim emacs-nox elpa-eglot elpa-markdown-mode vim vim-ale)`,
    );
    process.exit(2);
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), `reflect-lint-${name}-`));
  try {
    const portfolio = path.join(tmp, 'portfolio');
    mkdirSync(path.join(portfolio, 'accounts'), { recursive: true });
    const file = path.join(portfolio, 'accounts', 'draft.md');
    writeFileSync(file, ACCOUNT);
    mkdirSync(path.join(tmp, 'bin'));
    mkdirSync(path.join(tmp, 'home'));
    const shim = path.join(tmp, 'bin', 'reflect-lint');
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO, 'bin', 'reflect-lint.cjs')}" "$@"\n`);
    chmodSync(shim, 0o755);
    const env = {
      ...process.env,
      PATH: `${path.dirname(shim)}:${process.env.PATH}`,
      HOME: path.join(tmp, 'home'),
      XDG_CONFIG_HOME: path.join(tmp, 'home', '.config'),
      XDG_DATA_HOME: path.join(tmp, 'home', '.local', 'share'),
      XDG_STATE_HOME: path.join(tmp, 'home', '.local', 'state'),
      REFLECT_LINT_CHECK_OUT: path.join(tmp, 'out.txt'),
    };
    const t0 = performance.now();
    const r = await run(editor.bin, editor.args(file), env, tmp);
    let report = r.stdout;
    try {
      report += readFileSync(env.REFLECT_LINT_CHECK_OUT, 'utf8');
    } catch {
      // Only Vim writes its report to a file (Ex mode has no standard output of its own).
    }
    const lines = report.split('\n').filter(Boolean);
    const value = (tag) => lines.find((l) => l.startsWith(`${tag} `))?.slice(tag.length + 1);
    const problems = [];
    if (r.code !== 0) problems.push(`${editor.bin} exited with ${r.code ?? r.signal}`);
    if (value('ROOT') !== tmp) problems.push(`workspace folder ${value('ROOT')}, not ${tmp} (above portfolio/)`);
    if (!lines.some((l) => l.startsWith('DIAG ') && l.includes('vague-standard')))
      problems.push('no vague-standard diagnostic');
    if (!/CRM/.test(value('HOVER') ?? '')) problems.push('no hover on CRM');
    if (!lines.some((l) => l === 'ACTION Disable vague-standard for this line'))
      problems.push('no quick fix "Disable vague-standard for this line"');
    if (value('APPLIED') !== '<!-- reflect-lint-disable-next-line vague-standard -->')
      problems.push(`the fix was not applied (${value('APPLIED')})`);
    if (!/^reflectLint\.listRubrics: [1-9]\d* units$/.test(value('COMMAND') ?? ''))
      problems.push('the command reflectLint.listRubrics did not answer');
    const pid = Number(value('SERVER-PID'));
    if (!pid) problems.push('the server process id was not reported');
    else if (!(await gone(pid, 5000)))
      problems.push(`the server (pid ${pid}) was still running 5 s after ${editor.bin} quit`);
    if (readFileSync(file, 'utf8') !== ACCOUNT) problems.push('the account on disk changed (nothing was to be saved)');
    const ms = Math.round(performance.now() - t0);
    console.log(`\n${value('EDITOR') ?? name} (${ms} ms)\n${lines.map((l) => `  ${l}`).join('\n')}`);
    if (problems.length) {
      failed++;
      console.log(
        `  ✗ ${problems.join('; ')}\n${r.stderr
          .split('\n')
          .slice(-25)
          .map((l) => `    ${l}`)
          .join('\n')}`,
      );
    } else {
      passed++;
      console.log(`  ✔ diagnostics, hover, quick fix applied, command answered, server exited`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
if (names.includes('nvim')) {
  // Parsed, not run: vim.lsp.start and vim.fs came in Neovim 0.8.
  const config = path.join(HERE, 'nvim', 'lsp-start.lua');
  const check = `local ok, err = loadfile(${JSON.stringify(config)}) if not ok then io.stderr:write(err .. '\\n') vim.cmd('cquit 1') end`;
  const r = await run(
    'nvim',
    ['--headless', '-u', 'NONE', '-i', 'NONE', '-c', `lua ${check}`, '-c', 'qall!'],
    process.env,
    REPO,
  );
  console.log(`\nnvim/lsp-start.lua (Neovim 0.8+)`);
  if (r.code === 0) {
    passed++;
    console.log('  ✔ parses (not run: this Neovim is older than 0.8)');
  } else {
    failed++;
    console.log(`  ✗ does not parse: ${r.stderr.trim()}`);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
