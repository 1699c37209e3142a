/** Workspace folders and file URIs as paths on disk. */
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver/node.js';

/** The path of a `file:` URI; none for other schemes (untitled, virtual file systems). */
export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The workspace folders on disk, or the root folder from older clients. */
export function workspaceFolders(params: InitializeParams): string[] {
  const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  const root = params.rootUri ? uriToPath(params.rootUri) : undefined;
  return folders.length ? folders : root ? [root] : [];
}

/** `path` relative to `folder` with forward slashes, when it lies inside it. */
export function inside(folder: string, path: string): string | undefined {
  const rel = relative(folder, path);
  return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split('\\').join('/');
}
