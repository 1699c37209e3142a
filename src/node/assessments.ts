/**
 * The assessor's decisions, kept as plain JSON in the portfolio folder:
 * `<portfolio>/.reflect-lint/assessments.json` (schema: assessments.schema.json), never in a
 * learner's account. A decision is added, never edited, and the last for a learner, unit and
 * criterion counts. Writing is safe against the two ways a decision could be lost:
 * - two writers at once (two windows, two terminals): a lock file made with O_EXCL ('wx') lets one
 *   writer at a time read the file, add its decision and write it back, so neither overwrites the
 *   other's; a lock left by a process that has gone is taken over;
 * - a crash or a full disk mid-write: the new file is written beside the old one, flushed, then
 *   renamed over it, so the file is always either the old one or the new one, whole.
 * A file that cannot be read (not JSON, or not the schema) is reported in one line and never
 * written over: the decisions in it are the assessor's, and only they can say how to mend it.
 * What a valid file is, and the same store through vscode.workspace.fs (VS Code for the Web), are in
 * src/shared/assessments.ts; both take the same lock file.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { AssessorDecision } from '../core/index.js';
import {
  ASSESSMENTS_FILE,
  ASSESSMENTS_FOLDER,
  AssessmentsError,
  decisionProblem,
  LOCK_STALE_MS,
  LOCK_WAIT_MS,
  parseAssessments,
  storeText,
  type AssessmentsFile,
} from '../shared/assessments.js';

export { ASSESSMENTS_FILE, ASSESSMENTS_FOLDER, AssessmentsError };

export function assessmentsPath(portfolio: string): string {
  return join(portfolio, ASSESSMENTS_FOLDER, ASSESSMENTS_FILE);
}

/** The decisions stored for a portfolio folder: none when there is no file yet. Throws AssessmentsError when it cannot be read. */
export function readDecisions(portfolio: string): AssessorDecision[] {
  return readStore(assessmentsPath(portfolio))?.decisions ?? [];
}

function readStore(path: string): AssessmentsFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AssessmentsError(
      `${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  return parseAssessments(text, path);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Waits a few milliseconds without spinning (a writer holds the lock for about a millisecond). */
function wait(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

function holderGone(lock: string): boolean {
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 0);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ESRCH') return true;
      }
    }
    return Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS;
  } catch {
    // Gone already, or not yet written by its maker: try again.
    return false;
  }
}

function withLock<T>(file: string, work: () => T): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let fd: number | undefined;
  for (let attempt = 0; fd === undefined; attempt++) {
    try {
      fd = openSync(lock, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new AssessmentsError(`${lock}: cannot be made (${(e as NodeJS.ErrnoException).code})`);
      if (holderGone(lock)) {
        try {
          unlinkSync(lock);
        } catch {
          // Another writer took it over first.
        }
        continue;
      }
      if (Date.now() > deadline)
        throw new AssessmentsError(
          `${file}: another reflect-lint is still recording a decision (${lock}); try again, or remove the lock if none is running`,
        );
      wait(Math.min(50, 2 + attempt * 2));
    }
  }
  try {
    writeSync(fd, String(process.pid));
    return work();
  } finally {
    closeSync(fd);
    unlinkSync(lock);
  }
}

/** Writes a file whole or not at all: a temporary file beside it, flushed, then renamed over it. */
function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (e) {
    unlinkSync(temp);
    throw e;
  }
}

/** Adds a decision to a portfolio's store and returns the file's path. Throws AssessmentsError. */
export function recordDecision(portfolio: string, decision: AssessorDecision): string {
  const folder = join(portfolio, ASSESSMENTS_FOLDER);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (e) {
    throw new AssessmentsError(`${folder}: cannot be made (${(e as NodeJS.ErrnoException).code})`);
  }
  const problem = decisionProblem(decision);
  if (problem) throw new AssessmentsError(`the decision is not valid (${problem})`);
  const path = assessmentsPath(portfolio);
  withLock(path, () => {
    const store = readStore(path) ?? { version: 1, decisions: [] };
    store.decisions.push(decision);
    writeAtomically(path, storeText(store));
  });
  return path;
}
