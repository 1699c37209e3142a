/**
 * The rubrics in effect: the bundled units, then a centre's files in the order given. A file whose
 * rubric has the id of one loaded before replaces it, with a warning that says which. The command
 * line (src/node/rubric-files.ts) and the language server (src/server/rubrics.ts) both load through
 * this, so a file means the same on every edge.
 */
import { bundledRubrics } from './bundled-rubrics.js';
import { readRubric, type RubricResult } from './rubric.js';
import { locate } from './rubric-problems.js';
import type { Rubric } from './types.js';

export const BUNDLED = 'bundled';

export class RubricSet {
  readonly rubrics: Rubric[] = [...bundledRubrics()];
  /** Where each rubric came from: a file, or BUNDLED. */
  readonly origins = new Map<string, string>(this.rubrics.map((r) => [r.id, BUNDLED]));

  /** Reads one rubric file: a usable rubric is added (replacing one of the same id) and its warnings returned. */
  add(file: string, text: string): RubricResult {
    const result = readRubric(text);
    if (!result.ok) return result;
    const { rubric } = result;
    const at = this.rubrics.findIndex((r) => r.id === rubric.id);
    const before = at >= 0 ? this.rubrics[at] : undefined;
    const origin = this.origins.get(rubric.id);
    // A copy of the shipped rubric (as in a checkout of reflect-lint itself) replaces nothing.
    const copy = origin === BUNDLED && JSON.stringify(before) === JSON.stringify(rubric);
    if (before && !copy) {
      const message =
        origin === BUNDLED
          ? `the id "${rubric.id}" is the shipped rubric "${before.title}" (Level ${before.level}), which this file replaces: accounts naming ${rubric.id} are checked against this file`
          : `the id "${rubric.id}" is also the id of ${origin}, which this file replaces`;
      const fix =
        origin === BUNDLED
          ? 'keep the id only if you mean to replace the shipped rubric; otherwise give this unit its own id'
          : 'give one of the two files another id, or remove the older one';
      result.warnings.push(...locate(text, rubric, [{ severity: 'warning', path: ['id'], message, fix }]));
      result.warnings.sort((a, b) => a.line - b.line || a.column - b.column);
    }
    if (before) this.rubrics.splice(at, 1, rubric);
    else this.rubrics.push(rubric);
    this.origins.set(rubric.id, file);
    return result;
  }
}
