/** The workspace's files on disk, for the server on Node: the command line's walker and reader. */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { markdownFiles, readInput } from '../node/inputs.js';
import type { WorkspaceFiles } from './workspace-files.js';

const NO_STDIN = () => Buffer.alloc(0);

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export const diskFiles: WorkspaceFiles = {
  async list(folder) {
    const path = pathOf(folder);
    if (!path) return undefined;
    try {
      return readdirSync(path, { withFileTypes: true }).map((e) => ({
        name: e.name,
        type: e.isDirectory() ? 'folder' : e.isFile() ? 'file' : 'other',
      }));
    } catch {
      return undefined;
    }
  },
  async readText(uri) {
    const path = pathOf(uri);
    if (!path) return { error: 'not a file on disk' };
    const { text, error } = readInput({ path }, NO_STDIN);
    return { text, error };
  },
  async markdownFiles(folder) {
    const path = pathOf(folder);
    return path ? markdownFiles(path).map((p) => pathToFileURL(p).href) : [];
  },
};
