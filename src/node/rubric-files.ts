/** Rubrics: the bundled ones, plus a centre's own from `--rubrics DIR` (or a single file). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { problemLine, problemText, RubricSet, type Rubric, type RubricProblem } from '../core/index.js';
import { isRubricFile } from '../shared/files.js';

/** One rubric file (or a folder that could not be read) and its problems, errors and warnings. */
export interface RubricFileReport {
  file: string;
  problems: RubricProblem[];
  /** Whether the file's text was read, so that its problems have a line and column. */
  read: boolean;
}

export interface LoadedRubrics {
  rubrics: Rubric[];
  /** Where each rubric came from. */
  origin: Map<string, string>;
  /** One line per rubric file that could not be used. */
  errors: string[];
  /** One line per warning of a file that was used: a part of it that cannot work as meant. */
  warnings: string[];
  /** Every file read, in order, with all its problems (`reflect-lint rubrics lint`). */
  files: RubricFileReport[];
}

/** A problem as one line: with line:column when the file was read. */
export function reportLine(report: RubricFileReport, p: RubricProblem): string {
  return report.read ? problemLine(report.file, p) : `${report.file}: ${p.severity}: ${problemText(p)}`;
}

function unreadable(file: string, message: string, fix: string): RubricFileReport {
  return {
    file,
    read: false,
    problems: [{ severity: 'error', path: [], where: '', message, fix, line: 1, column: 1, length: 1 }],
  };
}

export function loadRubrics(dirs: readonly string[]): LoadedRubrics {
  const set = new RubricSet();
  const errors: string[] = [];
  const warnings: string[] = [];
  const files: RubricFileReport[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = statSync(dir).isDirectory()
        ? readdirSync(dir)
            .filter(isRubricFile)
            .sort()
            .map((f) => join(dir, f))
        : [dir];
    } catch {
      const report = unreadable(dir, 'rubric folder not found', 'check the folder given to --rubrics');
      files.push(report);
      errors.push(`${dir}: rubric folder not found`);
      continue;
    }
    for (const file of names) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        files.push(unreadable(file, `cannot read rubric (${code})`, 'check the file exists and can be read'));
        errors.push(`${file}: cannot read rubric (${code})`);
        continue;
      }
      const result = set.add(file, text);
      const report: RubricFileReport = { file, read: true, problems: result.ok ? result.warnings : result.problems };
      files.push(report);
      if (!result.ok) errors.push(`${file}: invalid rubric: ${result.reason}`);
      else for (const w of result.warnings) warnings.push(reportLine(report, w));
    }
  }
  return { rubrics: set.rubrics, origin: set.origins, errors, warnings, files };
}
