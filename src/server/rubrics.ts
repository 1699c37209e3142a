/**
 * The rubrics in effect: the bundled units plus a centre's own from the folders of
 * reflectLint.rubrics (relative to each workspace folder, or absolute). A broken file is kept
 * here with its problem, so its diagnostic can be cleared once it is mended.
 */
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { bundledRubrics, type Rubric } from '../core/index.js';
import { loadRubrics } from '../node/rubric-files.js';
import type { RubricSummary } from '../shared/protocol.js';
import { inside, uriToPath } from './paths.js';

export interface RubricProblem {
  file: string;
  reason: string;
}

export class WorkspaceRubrics {
  private all: Rubric[] = bundledRubrics();
  private origins = new Map<string, string>();
  private folders: string[] = [];
  private broken: RubricProblem[] = [];

  get rubrics(): Rubric[] {
    return this.all;
  }

  /** The files that could not be used, as of the last load. */
  get problems(): readonly RubricProblem[] {
    return this.broken;
  }

  /** Loads the rubric folders that exist (most workspaces have none); returns the files that were broken before the load. */
  load(workspaceFolders: readonly string[], settingFolders: readonly string[]): RubricProblem[] {
    const before = this.broken;
    this.folders = settingFolders.flatMap((dir) => (isAbsolute(dir) ? [dir] : workspaceFolders.map((f) => join(f, dir)))).filter(isFolder);
    const loaded = loadRubrics(this.folders);
    this.all = loaded.rubrics;
    this.origins = loaded.origin;
    this.broken = loaded.problems;
    return before;
  }

  /** Whether a changed file is in a rubric folder, or is a broken rubric file (which may have been moved out). */
  touches(uri: string): boolean {
    const path = uriToPath(uri);
    return !!path && (this.folders.some((d) => inside(d, path) !== undefined) || this.broken.some((p) => p.file === path));
  }

  summaries(): RubricSummary[] {
    return this.all.map((r) => ({ id: r.id, title: r.title, level: r.level, origin: this.origins.get(r.id) ?? 'bundled' }));
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
