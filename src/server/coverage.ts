/** The coverage of an account: each criterion's status and evidence, and the stages of its unit's reflective model. */
import { accountSummary, cycleViewOf, nextSteps, stagesShown } from '../core/next-steps.js';
import type { Coverage } from '../shared/protocol.js';
import type { Analysis, Check } from './documents.js';

/** What the Criteria view shows for a check: nothing for a document that is not an account, the note for a paused one. */
export function coverageOf(check: Check, learner?: string): Coverage {
  if (check.kind === 'analysed') return { ...analysedCoverage(check.analysis), ...(learner ? { learner } : {}) };
  return {
    uri: check.uri,
    analysed: false,
    rubric: null,
    criteria: [],
    stages: [],
    nextSteps: [],
    summary: null,
    ...(check.kind === 'paused' ? { note: check.note } : {}),
  };
}

function analysedCoverage(a: Analysis): Coverage {
  const view = cycleViewOf(a.rubric);
  const shown = view ? stagesShown(a.result, view) : {};
  const lines = a.text.split('\n');
  const preview = (line: number) => {
    const t = (lines[line] ?? '').trim();
    return t.length > 60 ? `${t.slice(0, 57)}…` : t;
  };
  const at = (paragraph: number) => {
    const line = a.result.paragraphs[paragraph].range.start.line;
    return { line, preview: preview(line) };
  };
  return {
    uri: a.uri,
    analysed: true,
    rubric: a.rubric ? { id: a.rubric.id, title: a.rubric.title } : null,
    criteria: a.result.criteria.map((c) => {
      const criterion = a.rubric?.criteria.find((x) => x.id === c.id);
      return {
        id: c.id,
        text: criterion?.text ?? '',
        ability: criterion?.ability ?? '',
        status: c.status,
        paragraphs: c.paragraphs.map(at),
        claimedIn: c.claimedIn.map(at),
      };
    }),
    stages: (view?.stages ?? []).map((s) => ({
      id: s.id,
      title: s.title,
      present: (shown[s.id]?.length ?? 0) > 0,
      lines: [...new Set((shown[s.id] ?? []).map((r) => r.start.line))],
    })),
    ...(view
      ? { cycle: { title: view.id === 'service' ? 'Service cycle' : capitalise(view.title), short: view.short } }
      : {}),
    nextSteps: nextSteps(a.result, a.rubric),
    summary: accountSummary(a.result, a.rubric),
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
