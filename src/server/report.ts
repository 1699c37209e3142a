/** The assessor's mapping grid for some open accounts, or every account in the workspace: an open document's unsaved text wins over its file. */
import { pathToFileURL } from 'node:url';
import { formatReport, type FileResult, type Rubric } from '../core/index.js';
import type { Accounts } from './accounts.js';
import type { Documents } from './documents.js';
import { uriToPath } from './paths.js';

export function mappingGrid(
  documents: Documents,
  accounts: Accounts,
  rubrics: readonly Rubric[],
  uris: string[] | 'workspace',
  format: 'html' | 'md',
): { content: string; accounts: number } {
  const files: FileResult[] = [];
  const add = (path: string, text: string) => files.push({ path: accounts.displayPath(path), ...documents.analyseText(text) });
  if (uris === 'workspace') {
    for (const { path, text } of accounts.inWorkspace()) {
      const current = documents.get(pathToFileURL(path).href)?.getText() ?? text ?? accounts.read(path);
      if (current !== undefined) add(path, current);
    }
  } else {
    for (const uri of uris) {
      const doc = documents.get(uri);
      if (doc) add(uriToPath(uri) ?? uri, doc.getText());
    }
  }
  return { content: formatReport(files, [...rubrics], format), accounts: files.length };
}
