/**
 * The `reflect-lint` command line. Bad input never stops the run: each problem is one line on
 * standard error naming the file and the reason, the other files are still checked, and the exit
 * code is 2. Otherwise it is 1 when any finding is a warning or an error, else 0.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { RUBRIC_FIT_MIN, suggestRubrics, type Rubric } from '../core/index.js';
import { GRID_FORMATS, JSON_VERSION, formatSarif, paint } from '../format/index.js';
import { checkInput, OrderedOutput, type CheckJob } from './check-files.js';
import { assessCommand, deskOutput, type DeskCommand } from './desk.js';
import { expandPaths, readInput } from '../node/inputs.js';
import { loadRubrics, reportLine, type LoadedRubrics } from '../node/rubric-files.js';
import { checkInWorkers, serveIfWorker, workerCount } from './workers.js';
import { draftCommand } from './rubrics-draft.js';
import { startLanguageServer } from './lsp.js';

const USAGE = `Usage:
  reflect-lint [--rubric ID] [--rubrics DIR] [--format text|json|sarif] [--explain] PATH...
  reflect-lint report PATH... [--by account|learner] [--format md|html|csv|json]
  reflect-lint feedback PATH... [--learner NAME]
  reflect-lint assess --learner NAME --unit ID --criterion ID --decision met|not-yet-met|referred
                      [--comment TEXT] [--portfolio DIR]
  reflect-lint rubrics [--rubrics DIR]
  reflect-lint rubrics suggest FILE [--rubrics DIR]
  reflect-lint rubrics lint [--rubrics DIR] [FILE...]   what in a centre's rubric files is wrong, and the fix
  reflect-lint rubrics draft UNIT-DOCUMENT [--id ID] [-o FILE]   a draft rubric from a unit document
  reflect-lint lsp --stdio          the language server, for editors other than VS Code

PATH is a Markdown account, a folder of them, a glob ("portfolio/**/*.md") or - for standard input.
The unit comes from the account's front matter (unit: ID), else --rubric.

Options:
  --rubric ID       unit rubric for accounts whose front matter names none
  --rubrics DIR     also load rubric JSON files from DIR (repeatable)
  --format FORMAT   text (default), json or sarif; for report: md (default), html, csv or json
  --explain         also say why: per stage, criterion and check, what matched where and what was left out
  --by WHAT         report: a row per account (default) or per learner, their accounts together
  --learner NAME    feedback: only this learner's draft; assess: whose decision it is
  --portfolio DIR   assess: the portfolio folder (default: ./portfolio if there is one, else .)
  --no-color        plain output (also when NO_COLOR is set or output is not a terminal)
  -h, --help        show this help
  -v, --version     show the version

Exit: 0 no warnings or errors, 1 findings, 2 usage or input error.`;

/** Every subcommand of `rubrics`, as USAGE shows them (an unknown one is answered with this list). */
const RUBRICS_COMMANDS = ['suggest FILE', 'lint', 'draft UNIT-DOCUMENT'];

class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => Buffer;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs the command and returns its exit code (-1: the language server runs on). With many accounts
 * the check runs across worker threads and the code comes as a promise, once every file is written.
 */
export function run(argv: string[], io: Io): number | Promise<number> {
  if (argv[0] === 'lsp') {
    // The language server, for any LSP editor: `reflect-lint lsp --stdio`. It speaks on stdio until the editor closes it.
    startLanguageServer(argv.slice(1));
    return -1;
  }
  // Its own options (--id, -o): parsed by the command itself.
  if (argv[0] === 'rubrics' && argv[1] === 'draft') return draftCommand(argv.slice(2), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        rubric: { type: 'string' },
        rubrics: { type: 'string', multiple: true },
        format: { type: 'string', short: 'f' },
        by: { type: 'string' },
        learner: { type: 'string' },
        unit: { type: 'string' },
        criterion: { type: 'string' },
        decision: { type: 'string' },
        comment: { type: 'string' },
        portfolio: { type: 'string' },
        'no-color': { type: 'boolean' },
        explain: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    io.err(
      `reflect-lint: ${(e as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '')} (see --help)\n`,
    );
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    io.out(`${pkg.version}\n`);
    return 0;
  }
  const colours = { enabled: io.isTTY && !values['no-color'] && !io.env.NO_COLOR };
  try {
    const [command, ...rest] = positionals;
    if (command === 'rubrics' && rest[0] === 'lint') return lintCommand(rest.slice(1), io);
    const loaded = loadRubrics(values.rubrics ?? []);
    let status = 0;
    for (const e of loaded.errors) {
      io.err(`reflect-lint: ${e}\n`);
      status = 2;
    }
    // A rubric that loads but has a part that cannot work: said, and the run goes on as before.
    for (const w of loaded.warnings) io.err(`reflect-lint: ${w}\n`);
    if (command === 'rubrics') return Math.max(status, rubricsCommand(rest, loaded.rubrics, loaded.origin, io));
    if (command === 'assess') {
      if (rest.length) throw new UsageError(`assess takes no paths (use --portfolio DIR)`);
      return Math.max(
        status,
        assessCommand(values, loaded.rubrics, io, (m) => new UsageError(m)),
      );
    }
    const desk: DeskCommand | undefined = command === 'report' || command === 'feedback' ? command : undefined;
    const isReport = desk !== undefined;
    const paths = isReport ? rest : positionals;
    const format = values.format ?? (desk ? 'md' : 'text');
    const allowed: readonly string[] =
      desk === 'report' ? GRID_FORMATS : desk === 'feedback' ? ['md'] : ['text', 'json', 'sarif'];
    if (!allowed.includes(format)) throw new UsageError(`unknown format "${format}" (use ${allowed.join(', ')})`);
    const by = values.by ?? 'account';
    if (values.by !== undefined && desk !== 'report') throw new UsageError('--by goes with report');
    if (by !== 'account' && by !== 'learner') throw new UsageError(`unknown --by "${by}" (use account or learner)`);
    if (values.learner !== undefined && desk !== 'feedback')
      throw new UsageError('--learner goes with feedback and assess');
    if (!paths.length) throw new UsageError('no account given');
    if (values.explain && (desk || format === 'sarif'))
      throw new UsageError('--explain goes with the text and json formats of the check');
    let rubric = values.rubric;
    if (rubric && !loaded.rubrics.some((r) => r.id === rubric)) {
      io.err(
        `reflect-lint: --rubric ${rubric}: unknown rubric (known: ${loaded.rubrics.map((r) => r.id).join(', ')}); only the general rules run\n`,
      );
      status = 2;
      // Said once here, not again for every account.
      rubric = undefined;
    }
    const job: CheckJob = {
      rubric,
      rubrics: loaded.rubrics,
      render: isReport ? 'account' : format === 'sarif' ? 'result' : (format as 'text' | 'json'),
      colours: colours.enabled,
      ...(values.explain ? { explain: true } : {}),
    };
    const output = new OrderedOutput(io, job.render);
    const end = () => {
      output.end();
      let code = Math.max(status, output.status);
      if (desk) {
        const made = deskOutput(desk, output.files, paths, loaded.rubrics, { format, by, learner: values.learner });
        for (const e of made.errors) io.err(`${e}\n`);
        if (made.text !== undefined) io.out(made.text);
        if (made.errors.length) code = 2;
        return code === 2 ? 2 : 0;
      }
      if (format === 'sarif') io.out(formatSarif(output.files, loaded.rubrics, pkg.version));
      return code;
    };
    const inputs = expandPaths(paths);
    const workers = workerCount(inputs.length, io.env);
    if (workers > 0) {
      if (io.env.REFLECT_LINT_DEBUG)
        io.err(
          `reflect-lint: ${inputs.length} inputs, ${workers} worker thread${workers > 1 ? 's' : ''} and the main thread\n`,
        );
      return checkInWorkers(inputs, job, workers, io.stdin, (o) => output.add(o)).then(end);
    }
    for (const input of inputs) output.add(checkInput(input, job, io.stdin));
    return end();
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`reflect-lint: ${e.message} (see --help)\n`);
      return 2;
    }
    throw e;
  }

  /**
   * `rubrics lint`: every problem of the rubric files given (by --rubrics DIR or as files; else the
   * folder ./rubrics, as the editor's reflectiveAccounts.rubrics default), one line each on stdout.
   * Exit 2 when a file cannot be used, 1 when one has warnings, else 0.
   */
  function lintCommand(files: string[], io: Io): number {
    let sources = [...(values.rubrics ?? []), ...files];
    if (!sources.length) {
      if (!isFolder('rubrics')) throw new UsageError('rubrics lint takes --rubrics DIR or rubric files');
      sources = ['rubrics'];
    }
    const loaded: LoadedRubrics = loadRubrics(sources);
    const all = loaded.files.flatMap((f) => f.problems.map((p) => ({ f, p })));
    const errors = all.filter((x) => x.p.severity === 'error').length;
    const warnings = all.length - errors;
    if (values.format === 'json') {
      const out = {
        version: JSON_VERSION,
        files: loaded.files.map((f) => ({ file: f.file, problems: f.problems })),
        errors,
        warnings,
      };
      io.out(JSON.stringify(out, null, 2) + '\n');
    } else {
      for (const { f, p } of all) io.out(`${reportLine(f, p)}\n`);
      const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
      io.out(
        `${count(loaded.files.length, 'rubric file')} checked: ${all.length ? `${count(errors, 'error')}, ${count(warnings, 'warning')}` : 'no problems'}\n`,
      );
    }
    return errors ? 2 : warnings ? 1 : 0;
  }

  function rubricsCommand(args: string[], rubrics: Rubric[], origin: Map<string, string>, io: Io): number {
    if (args[0] === 'suggest') {
      if (args.length !== 2) throw new UsageError('rubrics suggest takes one account file');
      const read = readInput(expandPaths([args[1]])[0], io.stdin);
      if (read.error !== undefined || read.text === undefined) {
        io.err(`${read.path}: ${read.error}\n`);
        return 2;
      }
      const { ranked, shown, closest, fits } = suggestRubrics(read.text, rubrics);
      if (values.format === 'json') {
        const out = { version: JSON_VERSION, path: read.path, fits, fitMin: RUBRIC_FIT_MIN, rubrics: ranked };
        io.out(JSON.stringify(out, null, 2) + '\n');
      } else for (const r of shown) io.out(`${(fits ? r.score : r.fit).toFixed(2)}  ${r.id.padEnd(34)} ${r.title}\n`);
      if (!fits) {
        const best = closest
          ? ` (the closest, ${closest.id}, fits ${closest.fit.toFixed(2)}; a unit that fits scores ${RUBRIC_FIT_MIN.toFixed(2)} or more)`
          : '';
        io.err(
          `reflect-lint: ${read.path}: no loaded rubric fits this account${best}. Add its unit's rubric with --rubrics DIR, or draft one with: reflect-lint rubrics draft UNIT-DOCUMENT\n`,
        );
        return 1;
      }
      return 0;
    }
    if (args.length)
      throw new UsageError(
        `unknown rubrics command "${args[0]}" (use rubrics to list the units, or ${RUBRICS_COMMANDS.map((c) => `rubrics ${c}`).join(', ')})`,
      );
    if (values.format === 'json') {
      io.out(
        JSON.stringify(
          {
            version: JSON_VERSION,
            rubrics: rubrics.map((r) => ({
              id: r.id,
              title: r.title,
              awardingBody: r.awardingBody,
              level: r.level,
              criteria: r.criteria.length,
              origin: origin.get(r.id),
            })),
          },
          null,
          2,
        ) + '\n',
      );
      return 0;
    }
    for (const r of rubrics) {
      io.out(
        `${paint(colours, 'bold', r.id.padEnd(34))} ${r.title} · Level ${r.level} · ${r.criteria.length} criteria · ${origin.get(r.id) === 'bundled' ? 'bundled' : origin.get(r.id)}\n`,
      );
    }
    return 0;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// Run when bundled as the command (or as a worker thread of it, workers.ts); tests import run() directly too.
if (!serveIfWorker()) {
  if (typeof require !== 'undefined' && require.main === module) main();
  else if (process.argv[1] && /reflect-lint(?:\.cjs)?$|cli\.cjs$/.test(process.argv[1])) main();
}

function main() {
  // The reader went away (`reflect-lint rubrics suggest FILE | head -1`): write nothing more to it, finish the
  // run and end with its usual exit code, with no stack trace. Any other write error is a bug.
  const closed = { stdout: false, stderr: false };
  // The language server owns its standard streams.
  for (const name of process.argv[2] === 'lsp' ? [] : (['stdout', 'stderr'] as const)) {
    process[name].on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
      closed[name] = true;
    });
  }
  const done = (code: number) => {
    if (code >= 0) process.exitCode = code;
  };
  const failed = (e: unknown) => {
    // A bug, not a user error: say so in one line, with the detail for a bug report.
    if (!closed.stderr) {
      process.stderr.write(`reflect-lint: internal error: ${(e as Error).message}\n`);
      if (process.env.REFLECT_LINT_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    }
    done(2);
  };
  try {
    const code = run(process.argv.slice(2), {
      out: (s) => void (closed.stdout || process.stdout.write(s)),
      err: (s) => void (closed.stderr || process.stderr.write(s)),
      stdin: () => readFileSync(0),
      isTTY: Boolean(process.stdout.isTTY),
      env: process.env,
    });
    if (typeof code === 'number') done(code);
    else code.then(done, failed);
  } catch (e) {
    failed(e);
  }
}
