/**
 * Checking the command's accounts, one input at a time, and writing the outcomes in input order.
 * The same `checkInput` runs on the main thread and in worker threads (workers.ts), so the output is
 * the same byte for byte however many threads checked it. Text and JSON are written as each file's
 * turn comes, so no more than a window of results is ever held; SARIF and the report need every
 * file at once and gather them.
 */
import { analyzeAccount, type FileResult, type Rubric } from '../core/index.js';
import { readInput, type Input } from '../node/inputs.js';
import { formatText } from './format-text.js';

/**
 * The version of every JSON output. 2: a criterion's status `referenced` became `evidenced` (cited
 * and shown) or `claimed` (cited, not shown), and each criterion lists `claimedIn`.
 */
export const JSON_VERSION = 2;

/** What to check each input with, and what to make of it: the same for every thread (structured-cloneable). */
export interface CheckJob {
  /** The unit for accounts whose front matter names none. */
  rubric?: string;
  rubrics: Rubric[];
  /** `text` and `json`: each file's output, ready to write; `result`: the whole result, for SARIF and the report. */
  render: 'text' | 'json' | 'result';
  colours: boolean;
}

/** One input, checked. */
export interface Outcome {
  /** Lines for standard error (each ending in a newline), or ''. */
  err: string;
  /** 2 for bad input or an unknown unit, 1 for a warning or an error found, else 0. */
  status: number;
  /** The file's text or JSON output. */
  out?: string;
  /** The file's result (render `result`). */
  file?: FileResult;
}

/** Reads (unless already read) and checks one input. */
export function checkInput(input: Input, job: CheckJob, stdin: () => Buffer): Outcome {
  const read = input.text !== undefined || input.error !== undefined ? input : readInput(input, stdin);
  if (read.error !== undefined || read.text === undefined) return { err: `${read.path}: ${read.error}\n`, status: 2 };
  const { result, notices } = analyzeAccount(read.text, { rubric: job.rubric, rubrics: job.rubrics });
  let err = '';
  let status = result.findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0;
  for (const n of notices) {
    err += `${read.path}: ${n.message}\n`;
    if (n.code === 'unknown-unit') status = 2;
  }
  const file: FileResult = { path: read.path, ...result };
  if (job.render === 'text') return { err, status, out: formatText([file], job.rubrics, { enabled: job.colours }) };
  if (job.render === 'json') return { err, status, out: nested(jsonFile(file)) };
  return { err, status, file };
}

/** A file as the JSON contract gives it. */
function jsonFile(f: FileResult) {
  return { path: f.path, rubric: f.rubric, findings: f.findings, stages: f.stages, paragraphs: f.paragraphs, criteria: f.criteria };
}

/** A file's JSON as it stands in the whole document, `{ "files": [ here ] }`: stringified at that depth, so indented as there. */
function nested(file: ReturnType<typeof jsonFile>): string {
  const wrapped = JSON.stringify({ files: [file] }, null, 2);
  return wrapped.slice(WRAP_START.length, wrapped.length - WRAP_END.length);
}
const WRAP_START = '{\n  "files": [\n';
const WRAP_END = '\n  ]\n}';

interface Out {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Output is passed on in pieces of about this many characters (fewer, larger writes), and before anything on standard error. */
const PIECE = 1 << 16;

/**
 * Writes outcomes as they are added, which must be in input order. JSON is written as one document,
 * exactly as `JSON.stringify({ version, files }, null, 2)` would write it, a file at a time.
 */
export class OrderedOutput {
  status = 0;
  /** The results, for render `result` only. */
  readonly files: FileResult[] = [];
  private written = 0;
  private pending = '';

  constructor(
    private readonly io: Out,
    private readonly render: CheckJob['render'],
  ) {}

  add(o: Outcome): void {
    if (o.err) {
      this.flush();
      this.io.err(o.err);
    }
    this.status = Math.max(this.status, o.status);
    if (o.file) this.files.push(o.file);
    if (o.out === undefined) return;
    if (this.render === 'json') this.pending += this.written ? ',\n' : `{\n  "version": ${JSON_VERSION},\n  "files": [\n`;
    this.pending += o.out;
    this.written++;
    if (this.pending.length >= PIECE) this.flush();
  }

  /** Closes the JSON document (or writes the empty one) and passes on what is left. */
  end(): void {
    if (this.render === 'json') this.pending += this.written ? '\n  ]\n}\n' : JSON.stringify({ version: JSON_VERSION, files: [] }, null, 2) + '\n';
    this.flush();
  }

  private flush(): void {
    if (!this.pending) return;
    this.io.out(this.pending);
    this.pending = '';
  }
}
