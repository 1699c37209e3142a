/**
 * Checking the command's accounts, one input at a time, and writing the outcomes in input order.
 * The same `checkInput` runs on the main thread and in worker threads (workers.ts), so the output is
 * the same byte for byte however many threads checked it. Text and JSON are written as each file's
 * turn comes, so no more than a window of results is ever held; SARIF and the report need every
 * file at once and gather them.
 */
import { analyzeAccount, explainAccount, type Explanation, type FileResult, type Rubric } from '../core/index.js';
import { readInput, type Input } from '../node/inputs.js';
import { FILES_BETWEEN, FILES_CLOSE, FILES_OPEN, nestedFileJson, NO_FILES } from '../format/json.js';
import { formatText } from '../format/text.js';
import { formatExplanation } from '../format/explain.js';

/** What to check each input with, and what to make of it: the same for every thread (structured-cloneable). */
export interface CheckJob {
  /** The unit for accounts whose front matter names none. */
  rubric?: string;
  rubrics: Rubric[];
  /** `text` and `json`: each file's output, ready to write; `result`: the whole result, for SARIF; `account`: the result and the text, for the report and feedback. */
  render: 'text' | 'json' | 'result' | 'account';
  colours: boolean;
  /** `--explain`: each file's explanation after its findings (text), or as its `explain` object (JSON). */
  explain?: boolean;
}

/** One input, checked. */
export interface Outcome {
  /** Lines for standard error (each ending in a newline), or ''. */
  err: string;
  /** 2 for bad input or an unknown unit, 1 for a warning or an error found, else 0. */
  status: number;
  /** The file's text or JSON output. */
  out?: string;
  /** The file's result (render `result` and `account`). */
  file?: FileResult;
  /** The file's text (render `account`), for quotations. */
  text?: string;
}

/** Reads (unless already read) and checks one input. */
export function checkInput(input: Input, job: CheckJob, stdin: () => Buffer): Outcome {
  const read = input.text !== undefined || input.error !== undefined ? input : readInput(input, stdin);
  if (read.error !== undefined || read.text === undefined) return { err: `${read.path}: ${read.error}\n`, status: 2 };
  const options = { rubric: job.rubric, rubrics: job.rubrics };
  let explanation: Explanation | undefined;
  let analysis;
  if (job.explain) ({ analysis, explanation } = explainAccount(read.text, options));
  else analysis = analyzeAccount(read.text, options);
  const { result, notices } = analysis;
  let err = '';
  let status = result.findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0;
  for (const n of notices) {
    err += `${read.path}: ${n.message}\n`;
    if (n.code === 'unknown-unit') status = 2;
  }
  const file: FileResult = { path: read.path, ...result };
  if (job.render === 'text') {
    const text = formatText([file], job.rubrics, { enabled: job.colours });
    return {
      err,
      status,
      out: explanation ? `${text}\n${formatExplanation(file.path, explanation, file.rubric)}` : text,
    };
  }
  if (job.render === 'json') return { err, status, out: nestedFileJson(file, explanation) };
  return { err, status, file, text: job.render === 'account' ? read.text : undefined };
}

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
  /** The results, for render `result` and `account`, with their text for `account`. */
  readonly files: Array<FileResult & { text?: string }> = [];
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
    if (o.file) this.files.push(o.text === undefined ? o.file : { ...o.file, text: o.text });
    if (o.out === undefined) return;
    if (this.render === 'json') this.pending += this.written ? FILES_BETWEEN : FILES_OPEN;
    this.pending += o.out;
    this.written++;
    if (this.pending.length >= PIECE) this.flush();
  }

  /** Closes the JSON document (or writes the empty one) and passes on what is left. */
  end(): void {
    if (this.render === 'json') this.pending += this.written ? FILES_CLOSE : NO_FILES;
    this.flush();
  }

  private flush(): void {
    if (!this.pending) return;
    this.io.out(this.pending);
    this.pending = '';
  }
}
