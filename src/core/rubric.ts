/**
 * Rubrics are data. Untrusted rubric JSON passes through `readRubric`, which returns a valid
 * rubric or a one-line reason; nothing in a rubric is ever executed.
 */
import type { ErrorObject } from 'ajv';
// rubrics/rubric.schema.json compiled at build time (scripts/build-rubric-validator.mjs): no schema is
// compiled, and Ajv itself is not loaded, when a rubric is checked.
import { validate as generated } from './rubric-validator.generated.js';
import { rules } from './rules/index.js';
import type { Rubric } from './types.js';

const RULE_IDS = new Set(rules.map((r) => r.id));

const validateSchema = generated as unknown as { (data: unknown): boolean; errors?: ErrorObject[] | null };

function validate(value: unknown): ErrorObject[] {
  return validateSchema(value) ? [] : [...(validateSchema.errors ?? [])];
}

export type RubricResult = { ok: true; rubric: Rubric } | { ok: false; reason: string };

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.replace(/^\//, '').replace(/\//g, '.') : 'the rubric';
  switch (e.keyword) {
    case 'required':
      return `${where} is missing "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties':
      return `${where} has an unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'enum':
      return `${where} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      return `${where} has the wrong form (${JSON.stringify((e.data as string | undefined) ?? '')})`;
    default:
      return `${where} ${e.message ?? 'is not valid'}`;
  }
}

/** Checks a parsed rubric: the schema, then what a schema cannot say (unique ids, known references). */
export function checkRubric(value: unknown): RubricResult {
  const errors = validate(value).filter((e) => e.keyword !== 'if');
  if (errors.length) {
    // The most specific message first: a nested error says more than its parent's.
    errors.sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    return { ok: false, reason: describe(errors[0]) + more };
  }
  const rubric = value as Rubric;
  const ids = new Set<string>();
  for (const c of rubric.criteria) {
    if (ids.has(c.id)) return { ok: false, reason: `criterion id "${c.id}" is used twice` };
    ids.add(c.id);
  }
  const outcomeIds = new Set<string>();
  for (const o of rubric.outcomes ?? []) {
    if (outcomeIds.has(o.id)) return { ok: false, reason: `learning outcome "${o.id}" is listed twice` };
    outcomeIds.add(o.id);
    for (const id of o.criteria) {
      if (!ids.has(id))
        return {
          ok: false,
          reason: `learning outcome ${o.id} names criterion "${id}", which the rubric does not have`,
        };
    }
  }
  for (const id of Object.keys(rubric.severities ?? {})) {
    if (!RULE_IDS.has(id))
      return {
        ok: false,
        reason: `severities names "${id}", which is not a general rule (the rules are ${[...RULE_IDS].join(', ')})`,
      };
  }
  const checkIds = new Set<string>();
  for (const check of rubric.checks) {
    if (checkIds.has(check.id)) return { ok: false, reason: `check id "${check.id}" is used twice` };
    // Findings of the check and of the rule would merge under one id, and one setting would turn off both.
    if (RULE_IDS.has(check.id))
      return { ok: false, reason: `check id "${check.id}" is the id of a general rule; give the check another id` };
    checkIds.add(check.id);
    for (const id of [...(check.criteria ?? []), ...(check.whenCriteria ?? [])]) {
      if (!ids.has(id))
        return { ok: false, reason: `check "${check.id}" names criterion "${id}", which the rubric does not have` };
    }
  }
  for (const term of rubric.keyTerms) {
    for (const id of term.criteria ?? []) {
      if (!ids.has(id))
        return { ok: false, reason: `key term "${term.term}" names criterion "${id}", which the rubric does not have` };
    }
  }
  return { ok: true, rubric };
}

/** Parses and checks rubric JSON text. */
export function readRubric(text: string): RubricResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${(e as Error).message.split('\n')[0]})` };
  }
  return checkRubric(value);
}
