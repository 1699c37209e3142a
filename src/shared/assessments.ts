/**
 * The assessor's decision store, `<portfolio>/.reflect-lint/assessments.json` (schema:
 * src/node/assessments.schema.json), wherever the portfolio lives: what a valid file is, and adding a
 * decision through any file system that can write, rename and delete (vscode.workspace.fs in the
 * extension, on the desktop or the web). No Node API here. The command line and the desktop extension
 * write files on this computer with src/node/assessments.ts, which holds the same rules with Node's
 * exclusive create and fsync; both take the same lock file, so they never lose each other's decisions.
 *
 * A decision is added, never edited, and the last for a learner, unit and criterion counts. A file that
 * cannot be read (not JSON, not the schema) is reported in one line and never written over.
 */
import { DECISION_VALUES, type AssessorDecision } from '../core/portfolio.js';

export const ASSESSMENTS_FOLDER = '.reflect-lint';
export const ASSESSMENTS_FILE = 'assessments.json';

export interface AssessmentsFile {
  version: 1;
  decisions: AssessorDecision[];
}

/** A decision store that cannot be read or written: the message names the file and the reason. */
export class AssessmentsError extends Error {}

const FIELDS = ['learner', 'unit', 'criterion', 'decision', 'comment', 'at'] as const;
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why data is not a decisions file, in the words of the schema's first broken rule ("/decisions/0/decision
 * must be one of met, not-yet-met, referred"), or undefined when it is one. Kept equal to the JSON schema by
 * test/assessments.test.ts, which checks both on the same files.
 */
export function assessmentsProblem(data: unknown): string | undefined {
  if (!isObject(data)) return 'the file must be an object';
  for (const key of ['version', 'decisions']) if (!(key in data)) return `the file must have property '${key}'`;
  const extra = Object.keys(data).find((k) => k !== 'version' && k !== 'decisions');
  if (extra) return `the file must not have property '${extra}'`;
  if (data.version !== 1) return '/version must be 1';
  if (!Array.isArray(data.decisions)) return '/decisions must be an array';
  for (const [i, d] of data.decisions.entries()) {
    const at = `/decisions/${i}`;
    if (!isObject(d)) return `${at} must be an object`;
    const missing = FIELDS.find((k) => !(k in d));
    if (missing) return `${at} must have property '${missing}'`;
    const other = Object.keys(d).find((k) => !(FIELDS as readonly string[]).includes(k));
    if (other) return `${at} must not have property '${other}'`;
    for (const k of ['learner', 'unit', 'criterion', 'comment', 'at'] as const) {
      if (typeof d[k] !== 'string') return `${at}/${k} must be a string`;
      if (k !== 'comment' && k !== 'at' && !(d[k] as string).length) return `${at}/${k} must not be empty`;
    }
    if (!(DECISION_VALUES as readonly unknown[]).includes(d.decision))
      return `${at}/decision must be one of ${DECISION_VALUES.join(', ')}`;
    if (!AT.test(d.at as string)) return `${at}/at must be a date and time (2026-03-12T09:30…)`;
  }
  return undefined;
}

/** Why one decision could not be stored, or undefined. */
export function decisionProblem(decision: AssessorDecision): string | undefined {
  return assessmentsProblem({ version: 1, decisions: [decision] })?.replace('/decisions/0/', '');
}

/** A store's text read as one; `name` (how the file is shown) starts each message. Throws AssessmentsError. */
export function parseAssessments(text: string, name: string): AssessmentsFile {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new AssessmentsError(
      `${name}: is not valid JSON (${(e as Error).message.split('\n')[0]}); it is left as it is, mend or move it to record decisions`,
    );
  }
  const problem = assessmentsProblem(data);
  if (problem)
    throw new AssessmentsError(
      `${name}: is not a decisions file (${problem}); it is left as it is, mend or move it to record decisions`,
    );
  return data as AssessmentsFile;
}

/** The store's text after adding a decision. */
export function storeText(store: AssessmentsFile): string {
  return JSON.stringify(store, null, 2) + '\n';
}

/** How long a writer waits for another to finish before giving up, and when a lock counts as left behind. */
export const LOCK_WAIT_MS = 10_000;
export const LOCK_STALE_MS = 30_000;

/**
 * The file operations the store needs, on whatever names the host gives files (URIs in the extension).
 * Operations reject with an Error whose message says why.
 */
export interface StoreFiles {
  /** A file or folder inside a folder. */
  join(folder: string, name: string): string;
  /** How a file is named in a message. */
  label(file: string): string;
  /** A file's text; undefined when there is no such file. */
  read(file: string): Promise<string | undefined>;
  /** Writes a file whole, making it or replacing it. */
  write(file: string, text: string): Promise<void>;
  /** Renames a file; with `overwrite` false it fails when `to` exists. */
  rename(from: string, to: string, overwrite: boolean): Promise<void>;
  delete(file: string): Promise<void>;
  /** How long ago a file was last changed, in milliseconds; undefined when there is no such file. */
  age(file: string): Promise<number | undefined>;
  /** Makes a folder and any folders above it that are missing (nothing when it exists). */
  createFolder(folder: string): Promise<void>;
  /** Resolves after about `ms` milliseconds (a writer holds the lock for a few). */
  pause(ms: number): Promise<void>;
}

/** A name no other writer picks: temporary files and lock tickets. */
function ticket(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `${Date.now().toString(36)}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Takes `<store>.lock`, the lock the command line takes too. A file system like vscode.workspace.fs has no
 * exclusive create, so the lock is a ticket written beside it and renamed onto it without overwriting: one
 * writer's rename succeeds, the others' fail while it exists. A lock older than LOCK_STALE_MS was left by
 * a writer that has gone, and is taken over.
 */
async function takeLock(files: StoreFiles, store: string): Promise<() => Promise<void>> {
  const lock = `${store}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let vanished = 0;
  for (let attempt = 0; ; attempt++) {
    const mine = `${lock}.${ticket()}.tmp`;
    await files.write(mine, `web ${new Date().toISOString()}`);
    try {
      await files.rename(mine, lock, false);
      return () => files.delete(lock);
    } catch (e) {
      await files.delete(mine).catch(() => undefined);
      const age = await files.age(lock);
      if (age === undefined) {
        // Released between our rename and the look (a busy writer takes and releases it many times a second), or a
        // rename that fails for another reason, which fails every time: so give up only when it keeps failing.
        if (++vanished > 3 && Date.now() > deadline)
          throw new AssessmentsError(`${files.label(lock)}: cannot be made (${(e as Error).message})`);
        if (vanished > 3) await files.pause(Math.min(50, 2 + vanished));
        continue;
      }
      if (age > LOCK_STALE_MS) {
        await files.delete(lock).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline)
        throw new AssessmentsError(
          `${files.label(store)}: another reflect-lint is still recording a decision (${files.label(lock)}); try again, or remove the lock if none is running`,
        );
      await files.pause(Math.min(50, 2 + attempt * 2));
    }
  }
}

/** The decisions stored for a portfolio folder: none when there is no file yet. Throws AssessmentsError. */
export async function readDecisionsThrough(files: StoreFiles, portfolio: string): Promise<AssessorDecision[]> {
  const store = files.join(files.join(portfolio, ASSESSMENTS_FOLDER), ASSESSMENTS_FILE);
  return (await readStore(files, store))?.decisions ?? [];
}

async function readStore(files: StoreFiles, store: string): Promise<AssessmentsFile | undefined> {
  let text: string | undefined;
  try {
    text = await files.read(store);
  } catch (e) {
    throw new AssessmentsError(`${files.label(store)}: cannot be read (${(e as Error).message})`);
  }
  return text === undefined ? undefined : parseAssessments(text, files.label(store));
}

/**
 * Adds a decision to a portfolio's store and returns the file's name. Under the lock: read the store
 * (never written over if it cannot be read), add the decision, write the whole file to a temporary file
 * beside it and rename that over the store, so the store is always the old file or the new one, whole.
 * Throws AssessmentsError.
 */
export async function recordDecisionThrough(
  files: StoreFiles,
  portfolio: string,
  decision: AssessorDecision,
): Promise<string> {
  const problem = decisionProblem(decision);
  if (problem) throw new AssessmentsError(`the decision is not valid (${problem})`);
  const folder = files.join(portfolio, ASSESSMENTS_FOLDER);
  try {
    await files.createFolder(folder);
  } catch (e) {
    throw new AssessmentsError(`${files.label(folder)}: cannot be made (${(e as Error).message})`);
  }
  const store = files.join(folder, ASSESSMENTS_FILE);
  const release = await takeLock(files, store);
  try {
    const current = (await readStore(files, store)) ?? { version: 1, decisions: [] };
    current.decisions.push(decision);
    const temp = `${store}.${ticket()}.tmp`;
    try {
      await files.write(temp, storeText(current));
      await files.rename(temp, store, true);
    } catch (e) {
      await files.delete(temp).catch(() => undefined);
      throw new AssessmentsError(`${files.label(store)}: cannot be written (${(e as Error).message})`);
    }
  } finally {
    await release().catch(() => undefined);
  }
  return store;
}
