/**
 * Which files are accounts and rubrics, and how an account's bytes become text: one set of rules
 * for the command line's walker (src/node/inputs.ts), the server on Node and the server in a web
 * worker. No Node API here: the web server runs it too.
 */

/** Accounts and rubrics over this size are refused. */
export const MAX_BYTES = 5 * 1024 * 1024;

const MARKDOWN = /\.(?:md|markdown|mdown|mkd)$/i;
const SKIP_FOLDERS = new Set(['node_modules', '.git']);

/** A Markdown file, by its name: .md, .markdown, .mdown, .mkd. */
export function isMarkdownFile(name: string): boolean {
  return MARKDOWN.test(name);
}

/** A folder the walkers never enter: node_modules, and hidden ones (.git, .vscode…). */
export function isSkippedFolder(name: string): boolean {
  return SKIP_FOLDERS.has(name) || name.startsWith('.');
}

/** A rubric in a rubric folder: a .json file that is not a schema. */
export function isRubricFile(name: string): boolean {
  return name.endsWith('.json') && !name.endsWith('.schema.json');
}

/** The order both walkers list a folder's entries in. */
export const byName = (a: string, b: string): number => a.localeCompare(b);

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as an account, or says in a few words why it cannot be one. */
export function decodeAccount(bytes: Uint8Array): { text?: string; error?: string } {
  if (bytes.length > MAX_BYTES)
    return {
      error: `file is too large (${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_BYTES / 1024 / 1024} MB)`,
    };
  if (bytes.subarray(0, 8192).includes(0)) return { error: 'binary file, not a Markdown account' };
  try {
    let text = decoder.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { error: 'not valid UTF-8 text (save the file as UTF-8)' };
  }
}
