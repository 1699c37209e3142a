/** Rubrics: the bundled ones, plus a centre's own from `--rubrics DIR` (or a single file). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundledRubrics, readRubric, type Rubric } from '../core/index.js';
import { isRubricFile } from '../shared/files.js';

export interface LoadedRubrics {
  rubrics: Rubric[];
  /** Where each rubric came from. */
  origin: Map<string, string>;
  /** One line per rubric file that could not be used. */
  errors: string[];
  /** The same problems, by file, for an editor to show on the rubric file itself. */
  problems: Array<{ file: string; reason: string }>;
}

export function loadRubrics(dirs: readonly string[]): LoadedRubrics {
  const rubrics = [...bundledRubrics()];
  const origin = new Map(rubrics.map((r) => [r.id, 'bundled']));
  const errors: string[] = [];
  const problems: Array<{ file: string; reason: string }> = [];
  const fail = (file: string, reason: string) => {
    errors.push(`${file}: ${reason}`);
    problems.push({ file, reason });
  };
  for (const dir of dirs) {
    let files: string[];
    try {
      files = statSync(dir).isDirectory()
        ? readdirSync(dir)
            .filter(isRubricFile)
            .sort()
            .map((f) => join(dir, f))
        : [dir];
    } catch {
      fail(dir, 'rubric folder not found');
      continue;
    }
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        fail(file, `cannot read rubric (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        continue;
      }
      const result = readRubric(text);
      if (!result.ok) {
        fail(file, `invalid rubric: ${result.reason}`);
        continue;
      }
      // A centre's rubric with a bundled rubric's id replaces it.
      const at = rubrics.findIndex((r) => r.id === result.rubric.id);
      if (at >= 0) rubrics.splice(at, 1, result.rubric);
      else rubrics.push(result.rubric);
      origin.set(result.rubric.id, file);
    }
  }
  return { rubrics, origin, errors, problems };
}
