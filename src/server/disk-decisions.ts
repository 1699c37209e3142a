/** The assessor's decisions on disk, for the server on Node (src/node/assessments.ts, as the command line reads them). */
import { fileURLToPath } from 'node:url';
import { AssessmentsError, readDecisions } from '../node/assessments.js';
import type { DecisionsReader } from './report.js';

export const diskDecisions: DecisionsReader = (folder) => {
  if (!folder.startsWith('file:')) return [];
  try {
    return readDecisions(fileURLToPath(folder));
  } catch (e) {
    return { error: e instanceof AssessmentsError ? e.message : `${folder}: ${(e as Error).message}` };
  }
};
