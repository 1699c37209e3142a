/**
 * `reflect-lint rubrics draft UNIT-DOCUMENT [--id ID] [-o FILE]`: a draft rubric from a unit
 * document, as JSON on standard output or in FILE, and on standard error what was found and what
 * the author must still check. The drafting is the core's (src/core/draft); this is only the I/O.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { draftJson, draftRubric } from '../core/draft/index.js';
import { readInput } from '../node/inputs.js';

export const DRAFT_USAGE = `Usage: reflect-lint rubrics draft UNIT-DOCUMENT [--id ID] [-o FILE] [--force]

Drafts a rubric from a unit document (plain text or Markdown: a revision guide's marking points or
assessment criteria, or a specification's learning outcomes with criteria 1.1, 1.2…). The rubric is
printed, or written to FILE; what was found and what you must still check go to standard error.

Options:
  --id ID          the unit id accounts will name (unit: ID); else one made from the title
  -o, --output FILE  write the rubric to FILE (not replacing an existing file unless --force)
  --force          replace FILE if it exists
  -h, --help       show this help

Exit: 0 drafted, 2 usage or input error (or nothing in the document reads as a criterion).`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => Buffer;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function draftCommand(argv: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        id: { type: 'string' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(
      `reflect-lint: ${(e as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '')} (see rubrics draft --help)\n`,
    );
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`${DRAFT_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(`reflect-lint: rubrics draft takes one unit document (see rubrics draft --help)\n`);
    return 2;
  }
  if (values.id !== undefined && (!ID.test(values.id) || values.id.length > 64)) {
    io.err(
      `reflect-lint: --id ${JSON.stringify(values.id)}: an id is lower-case letters, digits and single hyphens, at most 64 characters, such as handle-customer-bookings\n`,
    );
    return 2;
  }
  if (values.output && existsSync(values.output) && !values.force) {
    io.err(`reflect-lint: ${values.output}: already exists; choose another name, or add --force to replace it\n`);
    return 2;
  }
  const read = readInput({ path: positionals[0] }, io.stdin);
  if (read.error !== undefined || read.text === undefined) {
    io.err(`${read.path}: ${read.error ?? 'cannot read file'}\n`);
    return 2;
  }
  const draft = draftRubric(read.text, {
    id: values.id,
    source: read.path === '<stdin>' ? undefined : basename(read.path),
  });
  const r = draft.report;
  const lines = [`${read.path}: drafted rubric "${draft.rubric.id}"`, ...r.found.map((f) => `  found: ${f}`)];
  if (r.check.length) lines.push('  still to check:', ...r.check.map((c) => `  - ${c}`));
  if (!draft.valid.ok) {
    io.err(`${lines.join('\n')}\n${read.path}: no rubric written: ${draft.valid.reason}\n`);
    return 2;
  }
  const json = draftJson(draft);
  if (values.output) {
    // Written beside its final name, then renamed: a half-written rubric never replaces a good one.
    const temp = join(dirname(values.output), `.${basename(values.output)}.${process.pid}.tmp`);
    try {
      writeFileSync(temp, json);
      renameSync(temp, values.output);
    } catch (e) {
      io.err(
        `reflect-lint: ${values.output}: cannot write the rubric (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`,
      );
      return 2;
    }
    lines.push(
      `  written to ${values.output}; load it with --rubrics ${dirname(values.output) === '.' ? values.output : dirname(values.output)}`,
    );
  } else io.out(json);
  io.err(`${lines.join('\n')}\n`);
  return 0;
}
