/**
 * Rubrics are data. Untrusted rubric JSON passes through `readRubric`, which returns a valid
 * rubric with the warnings about parts of it that cannot work (rubric-warnings.ts), or a one-line
 * reason it cannot be used; nothing in a rubric is ever executed. Every problem also comes with its
 * place in the file and a fix (rubric-problems.ts), for `reflect-lint rubrics lint` and the editor.
 */
import type { ErrorObject } from 'ajv';
// rubrics/rubric.schema.json compiled at build time (scripts/build-rubric-validator.mjs): no schema is
// compiled, and Ajv itself is not loaded, when a rubric is checked.
import { validate as generated } from './rubric-validator.generated.js';
import {
  locate,
  parseRubricText,
  unlocated,
  type RubricPath,
  type RubricProblem,
  type Unlocated,
} from './rubric-problems.js';
import { slug } from './draft/checks.js';
import { rubricWarnings } from './rubric-warnings.js';
import { rules } from './rules/index.js';
import type { Rubric } from './types.js';

export type { RubricPath, RubricProblem } from './rubric-problems.js';
export { problemLine, problemText } from './rubric-problems.js';

const RULE_IDS = new Set(rules.map((r) => r.id));

const validateSchema = generated as unknown as { (data: unknown): boolean; errors?: ErrorObject[] | null };

export type RubricResult =
  { ok: true; rubric: Rubric; warnings: RubricProblem[] } | { ok: false; reason: string; problems: RubricProblem[] };

const ID_FORM = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** What a field must look like, by the schema's pattern for it. */
const FORMS: Record<string, { what: string; fix: (value: string) => string }> = {
  [ID_FORM]: {
    what: 'id',
    fix: (v) =>
      `use lower-case letters and digits, with single hyphens between words (such as "${slug(v) || 'my-unit'}")`,
  },
  '^[0-9]+(\\.[0-9]+)*$': {
    what: 'criterion id',
    fix: () => 'use the number accounts cite after AC: digits, or digits with dots between (such as "3" or "1.2")',
  },
  '^[0-9]+$': { what: 'learning outcome id', fix: () => 'use the number accounts cite after LO (such as "2")' },
};

/** What a phrase with a character the schema refuses should be instead. */
function phraseForm(v: string): { message: string; fix: string } {
  if (v.includes('\\')) {
    const plain = v
      .replace(/\\[sbW][+*?]?(?![a-z])/g, ' ')
      .replace(/\\/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return {
      message: `the phrase ${JSON.stringify(v)} holds a backslash: phrases are plain words, not regular expressions`,
      fix: `write the words with spaces between${plain ? ` (such as ${JSON.stringify(plain)})` : ''}`,
    };
  }
  return {
    message: `the phrase ${JSON.stringify(v)} holds < > { or }, which phrases cannot hold`,
    fix: 'write plain words (`*` stands for any one word, `#n` for any number)',
  };
}

const TYPE_WORDS: Record<string, string> = {
  array: 'a list in [ ]',
  object: 'an object in { }',
  string: 'text in double quotes',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

/** The name of the kind of value an enum field takes, for "… is not a check kind". */
function enumName(path: RubricPath): string {
  const last = path.at(-1);
  if (last === 'kind') return 'check kind';
  if (typeof last === 'number' && path.at(-2) === 'stages') return 'stage';
  if (last === 'cycle') return 'reflective model';
  if (last === 'scope') return 'scope';
  return 'severity';
}

/** Close spellings first: "existance" suggests "existence". */
function closest(value: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestCost = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const o of options) {
    const cost = editDistance(value.toLowerCase(), o.toLowerCase());
    if (cost < bestCost) [best, bestCost] = [o, cost];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

function oneOf(options: readonly string[]): string {
  return options.length === 1 ? options[0] : `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`;
}

function pathOf(instancePath: string): Array<string | number> {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const error = (path: RubricPath, message: string, fix: string): Unlocated => ({
  severity: 'error',
  path,
  message,
  fix,
});

/** A schema error in words: what was wrong and what was expected. */
function describe(e: ErrorObject): Unlocated {
  const path = pathOf(e.instancePath);
  const params = e.params as Record<string, unknown>;
  const data = e.data;
  const schema = (e.parentSchema ?? {}) as { properties?: Record<string, unknown>; description?: string };
  switch (e.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const kind = (data as { kind?: unknown } | undefined)?.kind;
      const needs =
        path[0] === 'checks' && typeof kind === 'string'
          ? `: ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} check needs it`
          : '';
      return error(path, `"${missing}" is missing${needs}`, `add "${missing}" (see docs/rubrics.md)`);
    }
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const known = Object.keys(schema.properties ?? {}).filter((k) => !k.startsWith('$'));
      const near = closest(field, known);
      return error(
        [...path, field],
        `"${field}" is not a field of ${path.length ? 'this part of a rubric' : 'a rubric'}`,
        near
          ? `did you mean "${near}"? (the fields are ${oneOf(known)})`
          : `remove it (the fields are ${oneOf(known)})`,
      );
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const name = enumName(path);
      const near = typeof data === 'string' ? closest(data, allowed) : undefined;
      return error(
        path,
        `${JSON.stringify(data)} is not a ${name}`,
        `${near ? `did you mean "${near}"? ` : ''}use one of ${oneOf(allowed)}`,
      );
    }
    case 'pattern': {
      const value = String(data);
      if (path.at(-2) === 'severities' || path.at(-1) === 'severities') break;
      const form = FORMS[String(params.pattern)];
      if (form) return error(path, `the ${form.what} ${JSON.stringify(value)} has the wrong form`, form.fix(value));
      const p = phraseForm(value);
      return error(path, p.message, p.fix);
    }
    case 'minItems':
      if (path.length === 1 && path[0] === 'criteria')
        return error(path, 'a rubric needs at least one criterion', 'add the unit’s assessment criteria to "criteria"');
      if (path.at(-1) === 'criteria')
        return error(path, 'a learning outcome needs at least one criterion', 'name its criteria by their ids');
      return error(path, 'the list is empty', 'add a phrase, or remove the field');
    case 'type': {
      const want = TYPE_WORDS[String(params.type)] ?? String(params.type);
      if (!path.length) return error(path, `the rubric must be ${want}`, 'start from a shipped rubric');
      return error(path, `this must be ${want}`, `write it as ${want}`);
    }
    case 'maxLength':
      return error(path, `this is longer than ${String(params.limit)} characters`, 'shorten it');
    case 'minLength':
      return error(path, 'this is empty', 'write it, or remove the field if it may be left out');
    case 'maxItems':
      return error(path, `the list has more than ${String(params.limit)} items`, 'shorten it');
    case 'uniqueItems':
      return error(path, `items ${Number(params.j) + 1} and ${Number(params.i) + 1} are the same`, 'list each once');
    case 'minimum':
    case 'maximum':
      return error(
        path,
        `${JSON.stringify(data)} is ${e.keyword === 'minimum' ? 'below' : 'above'} ${String(params.limit)}`,
        `use ${String(params.limit)} or ${e.keyword === 'minimum' ? 'more' : 'less'}`,
      );
    case 'anyOf':
      if (path.length === 1 && path[0] === 'level')
        return error(
          path,
          `level ${JSON.stringify(data)} is not an RQF level`,
          'use a whole number from 1 to 8, or "not stated"',
        );
      break;
  }
  return error(
    path,
    `${e.message ?? 'is not valid'}`,
    schema.description ? `it is: ${schema.description}` : 'see docs/rubrics.md',
  );
}

/** The schema's errors, one per place: a level's anyOf speaks for its branches; `if` is only a signpost. */
function schemaProblems(value: unknown): Unlocated[] {
  if (validateSchema(value)) return [];
  const errors = (validateSchema.errors ?? []).filter((e) => e.keyword !== 'if');
  const anyOf = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const out: Unlocated[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (anyOf.has(e.instancePath) && e.keyword !== 'anyOf') continue;
    // The severities' property-name error repeats its pattern error.
    if (e.keyword === 'propertyNames') continue;
    const p = describe(e);
    const key = `${JSON.stringify(p.path)} ${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** What a schema cannot say: unique ids, known references, check ids apart from the rules'. */
function referenceProblems(rubric: Rubric): Unlocated[] {
  const out: Unlocated[] = [];
  const ids = new Set<string>();
  rubric.criteria.forEach((c, i) => {
    if (ids.has(c.id))
      out.push(error(['criteria', i, 'id'], `the id "${c.id}" is used twice`, 'give each criterion its own id'));
    ids.add(c.id);
  });
  const missing = (path: RubricPath, id: string) =>
    out.push(error(path, `criterion "${id}" is not in the rubric`, `use one of its criteria: ${oneOf([...ids])}`));
  const outcomeIds = new Set<string>();
  (rubric.outcomes ?? []).forEach((o, i) => {
    if (outcomeIds.has(o.id))
      out.push(error(['outcomes', i, 'id'], `learning outcome ${o.id} is listed twice`, 'list each outcome once'));
    outcomeIds.add(o.id);
    o.criteria.forEach((id, j) => {
      if (!ids.has(id)) missing(['outcomes', i, 'criteria', j], id);
    });
  });
  for (const id of Object.keys(rubric.severities ?? {})) {
    if (!RULE_IDS.has(id))
      out.push(error(['severities', id], `"${id}" is not a general rule`, `use one of ${oneOf([...RULE_IDS])}`));
  }
  const checkIds = new Set<string>();
  rubric.checks.forEach((check, i) => {
    if (checkIds.has(check.id))
      out.push(error(['checks', i, 'id'], `the id "${check.id}" is used twice`, 'give each check its own id'));
    // Findings of the check and of the rule would merge under one id, and one setting would turn off both.
    if (RULE_IDS.has(check.id))
      out.push(
        error(
          ['checks', i, 'id'],
          `"${check.id}" is the id of a general rule, so the check's findings and settings would merge with the rule's`,
          `give the check another id (such as "${rubric.id}-${check.id}")`,
        ),
      );
    checkIds.add(check.id);
    for (const field of ['criteria', 'whenCriteria'] as const)
      check[field]?.forEach((id, j) => {
        if (!ids.has(id)) missing(['checks', i, field, j], id);
      });
  });
  rubric.keyTerms.forEach((term, i) =>
    term.criteria?.forEach((id, j) => {
      if (!ids.has(id)) missing(['keyTerms', i, 'criteria', j], id);
    }),
  );
  return out;
}

/** Every problem of a parsed rubric: errors first (schema, then references), else the warnings. */
function problemsOf(value: unknown): Unlocated[] {
  const schema = schemaProblems(value);
  if (schema.length) return schema;
  const references = referenceProblems(value as Rubric);
  if (references.length) return references;
  return rubricWarnings(value as Rubric);
}

function result(value: unknown, problems: RubricProblem[], located: boolean): RubricResult {
  const errors = problems.filter((p) => p.severity === 'error');
  if (!errors.length) return { ok: true, rubric: value as Rubric, warnings: problems };
  return { ok: false, reason: reasonOf(errors, located), problems };
}

/** One line for the errors: the first, where it is, and how many more. */
function reasonOf(errors: readonly RubricProblem[], located: boolean): string {
  const [first] = errors;
  const at = first.path.length ? `${first.where}: ` : '';
  const line = located ? ` (line ${first.line}, column ${first.column})` : '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return `${at}${first.message}${line}; ${first.fix}${more}`;
}

/** Checks a parsed rubric: the schema, then what a schema cannot say (unique ids, known references), then what cannot work. */
export function checkRubric(value: unknown): RubricResult {
  return result(value, unlocated(value, problemsOf(value)), false);
}

/** Parses and checks rubric JSON text (a byte-order mark is accepted); problems carry their line and column. */
export function readRubric(text: string): RubricResult {
  const parsed = parseRubricText(text);
  if ('problem' in parsed) return { ok: false, reason: reasonOf([parsed.problem], true), problems: [parsed.problem] };
  const problems = locate(text, parsed.value, problemsOf(parsed.value));
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return result(parsed.value, problems, true);
}
