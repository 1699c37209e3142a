/**
 * The assessor's decisions through vscode.workspace.fs (src/shared/assessments.ts): how the report panel
 * records them in VS Code for the Web, and on the desktop in folders that are not on this computer.
 * workspace.fs has no exclusive create and no flush: the lock is a ticket renamed onto the lock file without
 * overwriting, and the new store is a temporary file renamed over the old one (README, VS Code for the Web).
 */
import * as vscode from 'vscode';
import type { AssessorDecision } from '../core/portfolio.js';
import { recordDecisionThrough, type StoreFiles } from '../shared/assessments.js';

const missing = (e: unknown) => e instanceof vscode.FileSystemError && e.code === 'FileNotFound';

/** The store's file operations on URIs (as strings), through vscode.workspace.fs. */
export const workspaceStoreFiles: StoreFiles = {
  join: (folder, name) => vscode.Uri.joinPath(vscode.Uri.parse(folder), name).toString(),
  label: (file) => vscode.workspace.asRelativePath(vscode.Uri.parse(file)),
  async read(file) {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(file)));
    } catch (e) {
      if (missing(e)) return undefined;
      throw e;
    }
  },
  write: (file, text) =>
    Promise.resolve(vscode.workspace.fs.writeFile(vscode.Uri.parse(file), new TextEncoder().encode(text))),
  rename: (from, to, overwrite) =>
    Promise.resolve(vscode.workspace.fs.rename(vscode.Uri.parse(from), vscode.Uri.parse(to), { overwrite })),
  delete: (file) => Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.parse(file), { useTrash: false })),
  async age(file) {
    try {
      return Date.now() - (await vscode.workspace.fs.stat(vscode.Uri.parse(file))).mtime;
    } catch (e) {
      if (missing(e)) return undefined;
      throw e;
    }
  },
  createFolder: (folder) => Promise.resolve(vscode.workspace.fs.createDirectory(vscode.Uri.parse(folder))),
  pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Adds a decision to the store in a portfolio folder through vscode.workspace.fs; resolves with the file written. */
export async function recordDecisionThroughEditor(folder: vscode.Uri, decision: AssessorDecision): Promise<vscode.Uri> {
  return vscode.Uri.parse(await recordDecisionThrough(workspaceStoreFiles, folder.toString(), decision));
}
