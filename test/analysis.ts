/** An analysis as the server keeps one (src/server/documents.ts), made from a text, for tests of the server's parts. */
import { analyzeAccount, bundledRubrics, type Rubric } from '../src/core/index.js';
import type { Analysis } from '../src/server/documents.js';

export function analysisOf(
  text: string,
  uri = 'file:///accounts/weak.md',
  rubrics: Rubric[] = bundledRubrics(),
): Analysis {
  const { result, notices, document, paragraphs } = analyzeAccount(text, { rubrics });
  const rubric = rubrics.find((r) => r.id === result.rubric);
  return { uri, version: 1, text, rubric, result, notices, doc: document, paragraphs };
}
