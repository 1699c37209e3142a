/**
 * The rubrics in effect: the bundled units plus a centre's own from the folders of
 * reflectiveAccounts.rubrics (relative to each workspace folder, or absolute paths on disk), read through
 * a WorkspaceFiles, so on the web too. The files taken, in their order, and a same-id rubric
 * replacing a bundled one, are as the command line's --rubrics (both load through the core's RubricSet).
 * A broken file, or one with warnings, is kept here with its problems, so its diagnostics can be
 * cleared once it is mended.
 */
import { bundledRubrics, RubricSet, type Rubric, type RubricProblem as Problem } from '../core/index.js';
import { isRubricFile } from '../shared/files.js';
import type { RubricSummary } from '../shared/protocol.js';
import { childUri, fileUri, inside, isAbsolutePath, joinUri, pathOf, schemeOf, uriKey } from './uris.js';
import type { WorkspaceFiles } from './workspace-files.js';

/** A rubric file with problems: not used (with the reason), or used with warnings. */
export interface RubricProblem {
  uri: string;
  /** Why the file is not used; absent when it is used and only has warnings. */
  reason?: string;
  /** Its errors and warnings, each with its line and column in the file (none when it could not be read). */
  problems: readonly Problem[];
}

export class WorkspaceRubrics {
  private all: Rubric[] = bundledRubrics();
  private origins = new Map<string, string>();
  private folders: string[] = [];
  private broken: RubricProblem[] = [];

  get rubrics(): Rubric[] {
    return this.all;
  }

  /** The files that could not be used, or have warnings, as of the last load. */
  get problems(): readonly RubricProblem[] {
    return this.broken;
  }

  /** Loads the rubric folders that exist (most workspaces have none); returns the files that were broken before the load. */
  async load(
    files: WorkspaceFiles,
    workspaceFolders: readonly string[],
    settingFolders: readonly string[],
  ): Promise<RubricProblem[]> {
    const candidates = settingFolders.flatMap((dir) =>
      isAbsolutePath(dir) ? [fileUri(dir)] : workspaceFolders.map((f) => joinUri(f, dir)),
    );
    const set = new RubricSet();
    const problems: RubricProblem[] = [];
    const folders: string[] = [];
    for (const folder of candidates) {
      const entries = await files.list(folder);
      if (!entries) continue;
      folders.push(folder);
      const names = entries
        .filter((e) => e.type === 'file' && isRubricFile(e.name))
        .map((e) => e.name)
        .sort();
      for (const name of names) {
        const uri = childUri(folder, name);
        const { text, error } = await files.readText(uri);
        if (text === undefined) {
          problems.push({ uri, reason: `cannot read rubric (${error})`, problems: [] });
          continue;
        }
        const result = set.add(schemeOf(uri) === 'file' ? pathOf(uri) : uri, text);
        if (!result.ok) problems.push({ uri, reason: `invalid rubric: ${result.reason}`, problems: result.problems });
        else if (result.warnings.length) problems.push({ uri, problems: result.warnings });
      }
    }
    const before = this.broken;
    this.all = set.rubrics;
    this.origins = set.origins;
    this.folders = folders;
    this.broken = problems;
    return before;
  }

  /** Whether a changed file is in a rubric folder, or is a broken rubric file (which may have been moved out). */
  touches(uri: string): boolean {
    return (
      this.folders.some((d) => inside(d, uri) !== undefined) || this.broken.some((p) => uriKey(p.uri) === uriKey(uri))
    );
  }

  summaries(): RubricSummary[] {
    return this.all.map((r) => ({
      id: r.id,
      title: r.title,
      level: r.level,
      origin: this.origins.get(r.id) ?? 'bundled',
    }));
  }
}
