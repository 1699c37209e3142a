/**
 * A problem with a rubric file, in a form every edge can show on one line: where it is (a JSON path,
 * in words and as line:column of the file), what is wrong and how to put it right. Errors keep the
 * rubric from being used; warnings leave it loading, with a part of it unable to work as meant.
 */
import { findNodeAtLocation, parseTree, type Node, type ParseError, type ParseErrorCode } from 'jsonc-parser';

export type RubricPath = ReadonlyArray<string | number>;

export interface RubricProblem {
  severity: 'error' | 'warning';
  /** Where in the rubric: `['checks', 5, 'kind']`; empty for the file as a whole. */
  path: RubricPath;
  /** The path in words: "check 6 (`reconcile-methods`), field kind". */
  where: string;
  /** What is wrong, without a full stop. */
  message: string;
  /** How to put it right, without a full stop. */
  fix: string;
  /** 1-based line and column (UTF-16 units) in the file's text, once located (`locate`); else 1:1. */
  line: number;
  column: number;
  /** How many characters from there the offending part spans on its line (at least 1). */
  length: number;
}

export type Unlocated = Omit<RubricProblem, 'where' | 'line' | 'column' | 'length'>;

const ITEM_NAMES: Record<string, string> = {
  criteria: 'criterion',
  checks: 'check',
  keyTerms: 'key term',
  outcomes: 'learning outcome',
};
const PHRASE_LISTS = new Set(['signals', 'when', 'phrases', 'with', 'unless']);

function record(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** An item's name for the reader: a check's or criterion's id, a key term's term. */
function label(item: unknown, list: string): string {
  const o = record(item);
  const name = list === 'keyTerms' ? o?.term : o?.id;
  if (typeof name !== 'string' || !name) return '';
  return list === 'outcomes' ? ` (\`LO${name}\`)` : ` (\`${name}\`)`;
}

/** `['checks', 5, 'groups', 'email', 1]` → "check 6 (`reconcile-methods`), group `email`, phrase 2". */
export function pathInWords(value: unknown, path: RubricPath): string {
  if (!path.length) return 'the rubric';
  const parts: string[] = [];
  let at: unknown = value;
  let i = 0;
  const top = String(path[0]);
  if (ITEM_NAMES[top] && typeof path[1] === 'number') {
    const item = (at as Record<string, unknown[]>)[top]?.[path[1]];
    parts.push(`${ITEM_NAMES[top]} ${path[1] + 1}${label(item, top)}`);
    at = item;
    i = 2;
  } else if (top === 'severities' && path.length > 1) {
    parts.push(`severities, rule \`${String(path[1])}\``);
    return parts.join(', ');
  }
  while (i < path.length) {
    const key = path[i];
    const next = path[i + 1];
    if (key === 'groups' && next !== undefined) {
      parts.push(`group \`${String(next)}\``);
      at = record(record(at)?.groups)?.[String(next)];
      i += 2;
      continue;
    }
    if (typeof key === 'number') {
      parts.push(`${Array.isArray(at) && parts.at(-1)?.startsWith('group') ? 'phrase' : 'item'} ${key + 1}`);
      at = Array.isArray(at) ? at[key] : undefined;
      i += 1;
      continue;
    }
    if (typeof next === 'number') {
      const what = PHRASE_LISTS.has(key) || key === 'customerWords' ? 'phrase' : key === 'aliases' ? 'alias' : 'item';
      parts.push(`field ${key}, ${what} ${next + 1}`);
      at = (record(at)?.[key] as unknown[] | undefined)?.[next];
      i += 2;
      continue;
    }
    parts.push(`field ${key}`);
    at = record(at)?.[key];
    i += 1;
  }
  return parts.join(', ');
}

/** Line starts of a text, for offsets to line:column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** The node a path points at, or the deepest one of the path that exists; a field's key rather than its value. */
function nodeAt(root: Node, path: RubricPath): Node {
  for (let n = path.length; n > 0; n--) {
    const node = findNodeAtLocation(root, [...path.slice(0, n)]);
    if (!node) continue;
    // "field kind" is shown at `"kind"`, where the reader looks for it.
    if (typeof path[n - 1] === 'string' && node.parent?.type === 'property') return node.parent.children![0];
    return node;
  }
  return root;
}

/** A rubric file's text, without a byte-order mark (editors save one; JSON.parse refuses it). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Puts problems found in a parsed rubric where they are in its text: the path in words and line:column. */
export function locate(text: string, value: unknown, problems: readonly Unlocated[]): RubricProblem[] {
  const body = withoutBom(text);
  const root = parseTree(body, [], { disallowComments: true });
  const starts = lineStarts(body);
  return problems.map((p) => {
    const node = root ? nodeAt(root, p.path) : undefined;
    const offset = node?.offset ?? 0;
    const at = position(starts, offset);
    const lineEnd = (starts[at.line] ?? body.length + 1) - 1;
    const length = Math.max(1, Math.min(node?.length ?? 1, lineEnd - offset));
    return { ...p, where: pathInWords(value, p.path), ...at, length };
  });
}

/** Problems found without the text (a rubric given as a value): the path in words, at 1:1. */
export function unlocated(value: unknown, problems: readonly Unlocated[]): RubricProblem[] {
  return problems.map((p) => ({ ...p, where: pathInWords(value, p.path), line: 1, column: 1, length: 1 }));
}

// What each of jsonc-parser's errors means, and what to do, in words for a centre's staff.
const PARSE_ERRORS: Partial<Record<keyof typeof ParseErrorCodes, [string, string]>> = {
  InvalidSymbol: ['an unexpected character', 'remove it; text must be in double quotes'],
  InvalidNumberFormat: ['a number written wrongly', 'write it with digits only, such as 2'],
  PropertyNameExpected: [
    'a field name in double quotes was expected',
    'put field names in double quotes, and leave no comma after the last item',
  ],
  ValueExpected: [
    'a value was expected',
    'give a value (text in double quotes, a number, a list [ ] or an object { }), and leave no comma after the last item',
  ],
  ColonExpected: ['a colon is missing after a field name', 'write "field": value'],
  CommaExpected: ['a comma is missing', 'put a comma between items and between fields'],
  CloseBraceExpected: ['a closing } is missing', 'close each { with }'],
  CloseBracketExpected: ['a closing ] is missing', 'close each [ with ]'],
  EndOfFileExpected: ['there is more after the rubric’s last }', 'keep one rubric per file, and nothing after it'],
  InvalidCommentToken: ['JSON has no comments', 'remove the comment, or move it into a "description"'],
  UnexpectedEndOfComment: ['the file ends inside a comment', 'JSON has no comments: remove it'],
  UnexpectedEndOfString: ['a text is not closed', 'end each text with a double quote on the same line'],
  UnexpectedEndOfNumber: ['the file ends inside a number', 'finish the number'],
  InvalidUnicode: ['a \\u escape is written wrongly', 'write the character itself'],
  InvalidEscapeCharacter: [
    'a backslash escape that JSON does not have',
    'remove the backslash: phrases are plain words, not regular expressions',
  ],
  InvalidCharacter: ['a tab or line break inside a text', 'keep each text on one line, without tabs'],
};

// jsonc-parser's numeric codes by name (its enum is a const enum, so not imported as a value).
const ParseErrorCodes = {
  InvalidSymbol: 1,
  InvalidNumberFormat: 2,
  PropertyNameExpected: 3,
  ValueExpected: 4,
  ColonExpected: 5,
  CommaExpected: 6,
  CloseBraceExpected: 7,
  CloseBracketExpected: 8,
  EndOfFileExpected: 9,
  InvalidCommentToken: 10,
  UnexpectedEndOfComment: 11,
  UnexpectedEndOfString: 12,
  UnexpectedEndOfNumber: 13,
  InvalidUnicode: 14,
  InvalidEscapeCharacter: 15,
  InvalidCharacter: 16,
} as const satisfies Record<string, ParseErrorCode>;

const CODE_NAMES = new Map(Object.entries(ParseErrorCodes).map(([k, v]) => [v as number, k]));

/** Parses rubric text: its value, or the first JSON error as a located problem. A byte-order mark is accepted. */
export function parseRubricText(text: string): { value: unknown } | { problem: RubricProblem } {
  const body = withoutBom(text);
  if (!body.trim()) {
    return {
      problem: {
        severity: 'error',
        path: [],
        where: '',
        message: 'not valid JSON: the file is empty',
        fix: 'a rubric is a JSON object: start from a shipped rubric or from reflect-lint rubrics draft',
        line: 1,
        column: 1,
        length: 1,
      },
    };
  }
  const errors: ParseError[] = [];
  parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
  if (!errors.length) {
    try {
      return { value: JSON.parse(body) };
    } catch (e) {
      // jsonc-parser is more lenient than JSON in a few corners: JSON.parse has the last word.
      const at = /position (\d+)/.exec((e as Error).message);
      errors.push({ error: ParseErrorCodes.InvalidSymbol, offset: at ? Number(at[1]) : 0, length: 1 });
    }
  }
  const first = errors[0];
  // A comma after the last item, as JavaScript allows and JSON does not.
  const before = body.slice(0, first.offset).trimEnd();
  if (
    (first.error === ParseErrorCodes.ValueExpected || first.error === ParseErrorCodes.PropertyNameExpected) &&
    before.endsWith(',')
  ) {
    return {
      problem: {
        severity: 'error',
        path: [],
        where: '',
        message: 'not valid JSON: a comma after the last item',
        fix: 'remove the comma (JSON takes none before ] or })',
        ...position(lineStarts(body), before.length - 1),
        length: 1,
      },
    };
  }
  const [what, fix] = PARSE_ERRORS[CODE_NAMES.get(first.error) as keyof typeof ParseErrorCodes] ?? [
    'the text is not JSON',
    'check the quotes, commas and brackets',
  ];
  const at = position(lineStarts(body), Math.min(first.offset, body.length));
  return {
    problem: {
      severity: 'error',
      path: [],
      where: '',
      message: `not valid JSON: ${what}`,
      fix,
      ...at,
      length: Math.max(1, first.length),
    },
  };
}

/** A problem in words, without its place in the file: `WHERE: MESSAGE. Fix: FIX.` (no WHERE for the file as a whole). */
export function problemText(p: RubricProblem): string {
  return `${p.path.length ? `${p.where}: ` : ''}${p.message}. Fix: ${p.fix}.`;
}

/** One line for a person: `FILE:LINE:COL: warning: WHERE: MESSAGE. Fix: FIX.` */
export function problemLine(file: string, p: RubricProblem): string {
  return `${file}:${p.line}:${p.column}: ${p.severity}: ${problemText(p)}`;
}
