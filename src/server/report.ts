/** The assessor's mapping grid for some open accounts, or every account in the workspace: an open document's unsaved text wins over its file. */
import { buildPortfolio, type PortfolioAccount, type Rubric } from '../core/index.js';
import { formatPortfolio } from '../format/index.js';
import type { Accounts } from './accounts.js';
import type { Documents } from './documents.js';
import { uriKey } from './uris.js';
import type { WorkspaceFiles } from './workspace-files.js';

export async function mappingGrid(
  documents: Documents,
  accounts: Accounts,
  files: WorkspaceFiles,
  rubrics: readonly Rubric[],
  uris: string[] | 'workspace',
  format: 'html' | 'md',
): Promise<{ content: string; accounts: number }> {
  const results: PortfolioAccount[] = [];
  const add = (uri: string, text: string) => results.push({ path: accounts.displayPath(uri), ...documents.analyseText(text), text });
  if (uris === 'workspace') {
    const open = new Map(documents.all().map((d) => [uriKey(d.uri), d]));
    for (const { uri, text } of await accounts.inWorkspace(files)) {
      const current = open.get(uriKey(uri))?.getText() ?? text ?? (await files.readText(uri)).text;
      if (current !== undefined) add(uri, current);
    }
  } else {
    for (const uri of uris) {
      const doc = documents.get(uri);
      if (doc) add(uri, doc.getText());
    }
  }
  return { content: formatPortfolio(buildPortfolio(results, rubrics), format), accounts: results.length };
}
