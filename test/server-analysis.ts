/** An account analysed as the language server holds it, for tests of the server's readers (code actions, completion, hover). */
import { analyzeAccount, bundledRubrics, type Rubric } from '../src/core/index.js';
import type { Analysis } from '../src/server/documents.js';

export function serverAnalysis(text: string, uri: string, rubrics: Rubric[] = bundledRubrics()): Analysis {
  const { result, notices, document, paragraphs } = analyzeAccount(text, { rubrics });
  return {
    uri,
    version: 1,
    text,
    rubric: rubrics.find((r) => r.id === result.rubric),
    result,
    notices,
    doc: document,
    paragraphs,
  };
}
