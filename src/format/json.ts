/**
 * The JSON outputs. The check's (`--format json`, version 2): each file's JSON is stringified at the
 * depth it stands at in the whole document, so the command can write it a file at a time and still
 * give exactly what `JSON.stringify({ version, files }, null, 2)` would. The portfolio's
 * (`report --format json`, version 1): the grid model as it is, without its `by`.
 */
import type { Explanation, FileResult, Portfolio } from '../core/index.js';

/**
 * The version of the check's JSON outputs. 2: a criterion's status `referenced` became `evidenced`
 * (cited and shown) or `claimed` (cited, not shown), and each criterion lists `claimedIn`.
 */
export const JSON_VERSION = 2;

/** A file as the check's JSON contract gives it. */
export function jsonFile(f: FileResult) {
  return {
    path: f.path,
    rubric: f.rubric,
    findings: f.findings,
    stages: f.stages,
    ...(f.model ? { model: f.model } : {}),
    paragraphs: f.paragraphs,
    criteria: f.criteria,
  };
}

const WRAP_START = '{\n  "files": [\n';
const WRAP_END = '\n  ]\n}';

/**
 * A file's JSON as it stands in the whole document, `{ "files": [ here ] }`: stringified at that depth, so indented as there.
 * With `--explain`, the file's `explain` object follows: outside the version-2 contract (README).
 */
export function nestedFileJson(f: FileResult, explain?: Explanation): string {
  const wrapped = JSON.stringify({ files: [explain ? { ...jsonFile(f), explain } : jsonFile(f)] }, null, 2);
  return wrapped.slice(WRAP_START.length, wrapped.length - WRAP_END.length);
}

/** What comes before the first file, between two files, and after the last. */
export const FILES_OPEN = `{\n  "version": ${JSON_VERSION},\n  "files": [\n`;
export const FILES_BETWEEN = ',\n';
export const FILES_CLOSE = '\n  ]\n}\n';
export const NO_FILES = JSON.stringify({ version: JSON_VERSION, files: [] }, null, 2) + '\n';

/** The portfolio JSON: `{ version: 1, units: [...] }`, the contract of the README. */
export function formatPortfolioJson(p: Portfolio): string {
  return JSON.stringify({ version: p.version, units: p.units }, null, 2) + '\n';
}
