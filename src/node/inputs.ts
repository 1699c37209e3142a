/** Finding and reading accounts: files, folders, globs and `-` for standard input. */
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

export const MAX_BYTES = 5 * 1024 * 1024;
const MARKDOWN = /\.(?:md|markdown|mdown|mkd)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);

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
 * node_modules and hidden folders: the one walker for the command line and the language server.
 */
export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) out.push(...markdownFiles(p));
    } else if (e.isFile() && MARKDOWN.test(e.name)) out.push(p);
  }
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as an account, or says in a few words why it cannot be one. */
export function decodeAccount(bytes: Uint8Array): { text?: string; error?: string } {
  if (bytes.length > MAX_BYTES) return { error: `file is too large (${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_BYTES / 1024 / 1024} MB)` };
  if (bytes.subarray(0, 8192).includes(0)) return { error: 'binary file, not a Markdown account' };
  try {
    let text = decoder.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { error: 'not valid UTF-8 text (save the file as UTF-8)' };
  }
}

export function readInput(input: Input, stdin: () => Buffer): Input {
  if (input.error) return input;
  try {
    if (input.path === '-') return { path: '<stdin>', ...decodeAccount(stdin()) };
    const stat = statSync(input.path);
    if (stat.size > MAX_BYTES) return { path: input.path, error: `file is too large (${(stat.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_BYTES / 1024 / 1024} MB)` };
    return { path: input.path, ...decodeAccount(readFileSync(input.path)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (e as Error).message;
    return { path: input.path, error: `cannot read file (${reason})` };
  }
}
