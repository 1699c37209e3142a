/**
 * What the server reads of the workspace (accounts for the workspace report, rubric folders),
 * wherever the files are: on disk when the server runs on Node (src/server/disk-files.ts), else
 * through the editor (the reflectLint/fs/* requests, which the VS Code extension answers with
 * vscode.workspace.fs). No Node API here: the server in a web worker runs it.
 */
import type { Connection } from 'vscode-languageserver';
import { ReadDirectoryRequest, ReadFileRequest } from '../shared/protocol.js';
import { byName, decodeAccount, isMarkdownFile, isSkippedFolder } from '../shared/files.js';
import { childUri, schemeOf } from './uris.js';

export interface FileEntry {
  name: string;
  /** Symbolic links are neither files nor folders here, as Node's directory listing has them. */
  type: 'file' | 'folder' | 'other';
}

export interface WorkspaceFiles {
  /** A folder's entries; undefined when it is not a folder that can be read. */
  list(folder: string): Promise<FileEntry[] | undefined>;
  /** A file's text, decoded as an account is (UTF-8, not binary, at most 5 MB), or why it cannot be read. */
  readText(uri: string): Promise<{ text?: string; error?: string }>;
  /** Every Markdown file below a folder, when the host has a walker of its own (the command line's, on disk). */
  markdownFiles?(folder: string): Promise<string[]>;
}

/** A host that can read nothing: bundled rubrics and open documents only. */
export const NO_FILES: WorkspaceFiles = {
  list: async () => undefined,
  readText: async () => ({ error: 'cannot read files here' }),
};

/**
 * Every Markdown file below a folder, in the command line's order and with its rules
 * (src/shared/files.ts: the same endings, node_modules and hidden folders skipped).
 */
export async function markdownFilesIn(files: WorkspaceFiles, folder: string): Promise<string[]> {
  if (files.markdownFiles) return files.markdownFiles(folder);
  const out: string[] = [];
  const entries = await files.list(folder);
  for (const e of (entries ?? []).sort((a, b) => byName(a.name, b.name))) {
    const uri = childUri(folder, e.name);
    if (e.type === 'folder') {
      if (!isSkippedFolder(e.name)) out.push(...(await markdownFilesIn(files, uri)));
    } else if (e.type === 'file' && isMarkdownFile(e.name)) out.push(uri);
  }
  return out;
}

const FILE = 1;
const FOLDER = 2;
const SYMBOLIC_LINK = 64;

/** The workspace's files as the editor reads them, through the reflectLint/fs/* requests. */
export function clientFiles(connection: Connection): WorkspaceFiles {
  return {
    async list(folder) {
      const entries = await connection.sendRequest(ReadDirectoryRequest, { uri: folder }).catch(() => null);
      if (!entries) return undefined;
      return entries.map(([name, type]) => ({
        name,
        type: type & SYMBOLIC_LINK ? 'other' : type === FOLDER ? 'folder' : type === FILE ? 'file' : 'other',
      }));
    },
    async readText(uri) {
      const answer = await connection.sendRequest(ReadFileRequest, { uri }).catch((e: Error) => ({ error: e.message }));
      if ('error' in answer) return { error: `cannot read file (${answer.error})` };
      return decodeAccount(Uint8Array.from(answer.bytes));
    },
  };
}

/** Files on disk from `disk` (when the server runs on Node), every other scheme through `client` (when the editor answers). */
export function filesByScheme(disk: WorkspaceFiles | undefined, client: WorkspaceFiles | undefined): WorkspaceFiles {
  const pick = (uri: string) => (schemeOf(uri) === 'file' && disk ? disk : client) ?? NO_FILES;
  return {
    list: (folder) => pick(folder).list(folder),
    readText: (uri) => pick(uri).readText(uri),
    markdownFiles: (folder) => markdownFilesIn(pick(folder), folder),
  };
}
