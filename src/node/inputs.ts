/** Finding and reading accounts: files, folders, globs and `-` for standard input. */
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { byName, decodeAccount, isMarkdownFile, isSkippedFolder, MAX_BYTES } from '../shared/files.js';

export { decodeAccount, MAX_BYTES };

export interface Input {
  path: string;
  text?: string;
  /** Why the input could not be read. */
  error?: string;
}

/** Expands the paths given on the command line into account files, in a stable order. */
export function expandPaths(args: readonly string[], cwd = process.cwd()): Input[] {
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (!seen.has(path)) {
      seen.add(path);
      out.push({ path });
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add('-');
      continue;
    }
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found = markdownFiles(arg);
      if (!found.length) out.push({ path: arg, error: 'folder holds no Markdown files (.md)' });
      for (const f of found) add(f);
    } else if (stat) {
      add(arg);
    } else if (isDynamicPattern(arg)) {
      const matches = globSync(arg, { cwd, ignore: ['**/node_modules/**'], onlyFiles: true }).sort();
      if (!matches.length) out.push({ path: arg, error: 'no files match this pattern' });
      for (const m of matches) add(relative(cwd, join(cwd, m)) || m);
    } else {
      out.push({ path: arg, error: 'no such file or folder' });
    }
  }
  return out;
}

/**
 * Every Markdown file (.md, .markdown, .mdown, .mkd) below a folder, in a stable order, skipping
 * node_modules and hidden folders (the rules of src/shared/files.ts, which the server's walker over
 * the editor's files follows too): the walker for the command line and the language server on Node.
 */
export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => byName(a.name, b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!isSkippedFolder(e.name)) out.push(...markdownFiles(p));
    } else if (e.isFile() && isMarkdownFile(e.name)) out.push(p);
  }
  return out;
}

export function readInput(input: Input, stdin: () => Buffer): Input {
  if (input.error) return input;
  try {
    if (input.path === '-') return { path: '<stdin>', ...decodeAccount(stdin()) };
    const stat = statSync(input.path);
    if (stat.size > MAX_BYTES)
      return {
        path: input.path,
        error: `file is too large (${(stat.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_BYTES / 1024 / 1024} MB)`,
      };
    return { path: input.path, ...decodeAccount(readFileSync(input.path)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'is a folder'
            : (e as Error).message;
    return { path: input.path, error: `cannot read file (${reason})` };
  }
}
