/**
 * "Why?": which part of an account's explanation (src/core/explain.ts) a finding is about, and the
 * explanation itself as `reflect-lint --explain` prints it (src/format/explain.ts), opened at that part.
 * Answers reflectLint/explain and the reflectLint.explain command; the hover links to it.
 */
import { stageTitle, type Explanation, type Finding } from '../core/index.js';
import { explanationLines } from '../format/explain.js';
import type { ExplainAnswer, ExplainPart } from '../shared/protocol.js';
import type { Analysis } from './documents.js';

const KINDS: ReadonlySet<string> = new Set(['stage', 'criterion', 'check', 'skipped']);

/** Whether a value (from a client's command arguments) is an ExplainPart. */
export function isExplainPart(x: unknown): x is ExplainPart {
  const p = x as { kind?: unknown; id?: unknown } | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.kind === 'string' &&
    KINDS.has(p.kind) &&
    (p.id === undefined || typeof p.id === 'string')
  );
}

/**
 * The parts of the explanation that say why a finding was made: a stage not shown, a criterion not yet
 * evidenced (or the ones a paragraph reads closest to), a rubric check, the sentences left out. None
 * for findings the explanation does not cover (personal data, vague wording, hypothetical sentences).
 */
export function partsOf(f: Finding): ExplainPart[] {
  const d = (f.data ?? {}) as { check?: unknown; stage?: unknown; criterion?: unknown; suggestedCriteria?: unknown };
  if (typeof d.check === 'string') return [{ kind: 'check', id: d.check }];
  switch (f.rule) {
    case 'cycle-stage-missing':
      return typeof d.stage === 'string' ? [{ kind: 'stage', id: d.stage }] : [];
    case 'criterion-not-evidenced':
    case 'criterion-claimed':
      return typeof d.criterion === 'string' ? [{ kind: 'criterion', id: d.criterion }] : [];
    case 'missing-demonstrates-link':
      return Array.isArray(d.suggestedCriteria)
        ? d.suggestedCriteria
            .filter((id): id is string => typeof id === 'string')
            .map((id) => ({ kind: 'criterion', id }))
        : [];
    case 'unfilled-placeholder':
      return [{ kind: 'skipped' }];
    default:
      return [];
  }
}

/** A part in words, as a link names it: "Monitor", "AC 3", "check feedback-techniques". */
export function partTitle(p: ExplainPart): string {
  if (p.kind === 'stage') return stageTitle(p.id ?? '') ?? `stage ${p.id}`;
  if (p.kind === 'criterion') return `AC ${p.id}`;
  if (p.kind === 'check') return `check ${p.id}`;
  return 'sentences left out';
}

/** The key of a part among the explanation's anchors. */
const anchorOf = (p: ExplainPart) => (p.kind === 'skipped' ? 'skipped' : `${p.kind}:${p.id}`);

/** A document's name as the explanation's `file:line:col` places give it: its last path segment. */
export function fileName(uri: string): string {
  const last =
    uri
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? uri;
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri;
  }
}

/** The explanation of an analysis, opened at a part (its first line when the part has none). */
export function explainAnswer(a: Analysis, e: Explanation, part?: ExplainPart): ExplainAnswer {
  const { text, anchors } = explanationLines(fileName(a.uri), e, a.result.rubric);
  const line = part ? anchors[anchorOf(part)] : undefined;
  return { content: text, line: line ?? 0, title: part && line !== undefined ? partTitle(part) : 'the whole account' };
}
