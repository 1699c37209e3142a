/**
 * Workspace folders and documents as URIs of any scheme (file:, vscode-vfs: on github.dev,
 * vscode-remote: in a browser workbench…): the server compares and joins them as text, with no Node
 * API, so the same code runs on Node and in a web worker.
 */
import type { InitializeParams } from 'vscode-languageserver';

const URI = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)/;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A URI's scheme, authority and decoded path, as two clients would agree on it: `file:///c%3A/x`
 * and `file:///C:/x` are one file, and a folder's trailing slash does not count.
 */
function parts(uri: string): { scheme: string; authority: string; path: string } | undefined {
  const m = URI.exec(uri);
  if (!m) return undefined;
  let path = decode(m[3]).replace(/\\/g, '/');
  path = path.replace(/^\/([a-zA-Z]):/, (_, drive: string) => `/${drive.toLowerCase()}:`);
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return { scheme: m[1].toLowerCase(), authority: decode(m[2] ?? '').toLowerCase(), path };
}

/** One text per resource, whatever encoding the client gave its URI: for maps and comparisons. */
export function uriKey(uri: string): string {
  const p = parts(uri);
  return p ? `${p.scheme}://${p.authority}${p.path}` : uri;
}

export function schemeOf(uri: string): string {
  return parts(uri)?.scheme ?? '';
}

/** The decoded path of a URI (`/home/me/accounts/a.md`). */
export function pathOf(uri: string): string {
  return parts(uri)?.path ?? uri;
}

/** The last segment of a URI's path: the file's name. */
export function nameOf(uri: string): string {
  const path = pathOf(uri);
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `uri`'s path relative to `folder`'s, with forward slashes, when it lies inside it. */
export function inside(folder: string, uri: string): string | undefined {
  const f = parts(folder);
  const u = parts(uri);
  if (!f || !u || f.scheme !== u.scheme || f.authority !== u.authority) return undefined;
  if (u.path === f.path) return '';
  const base = f.path.endsWith('/') ? f.path : `${f.path}/`;
  return u.path.startsWith(base) ? u.path.slice(base.length) : undefined;
}

const encodeSegment = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A child of a folder URI, by a name as a folder listing gives it. */
export function childUri(folder: string, name: string): string {
  return `${folder.replace(/\/+$/, '')}/${encodeSegment(name)}`;
}

/** A relative path (`rubrics`, `./centre/rubrics`, `../shared`) resolved against a folder URI. */
export function joinUri(folder: string, relative: string): string {
  const m = URI.exec(folder);
  if (!m) return folder;
  const head = folder.slice(0, m[0].length - m[3].length);
  const segments = m[3].split('/').filter((s, i) => s !== '' || i === 0);
  for (const s of relative.replace(/\\/g, '/').split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (segments.length > 1) segments.pop();
    } else segments.push(encodeSegment(s));
  }
  return `${head}${segments.join('/') || '/'}${folder.slice(m[0].length)}`;
}

/** Whether a setting's folder is an absolute path on disk (`/srv/rubrics`, `C:\\rubrics`) rather than relative to the workspace. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** The file: URI of an absolute path on disk. */
export function fileUri(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const withRoot = /^[a-zA-Z]:/.test(slashed) ? `/${slashed}` : slashed;
  return `file://${withRoot
    .split('/')
    .map((s, i) => (i === 1 && /^[a-zA-Z]:$/.test(s) ? s : encodeSegment(s)))
    .join('/')}`;
}

/** The workspace folders, or the root from older clients: as URIs, whatever their scheme. */
export function workspaceFolders(params: InitializeParams): string[] {
  const folders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (folders.length) return folders;
  if (params.rootUri) return [params.rootUri];
  // rootPath is deprecated but some clients (older Vim and Emacs packages) send only it.
  return params.rootPath ? [fileUri(params.rootPath)] : [];
}
