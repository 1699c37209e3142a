/**
 * Finds a unit document's criteria and learning outcomes, in either layout centres hold: the
 * regulated specification's "Learning outcome 1 …" with criteria "1.1 …" (as lines, or as a Markdown
 * table), or a revision guide's list of marking points or assessment criteria, numbered 1..n in order.
 */
import { DOTTED, OUTCOME, type Layout, type Line, type Section } from './layout.js';
import { infinitiveOf, withoutLeadIn } from './ability.js';
import { verbOf } from '../language/lexicon.js';

export interface FoundCriterion {
  id: string;
  text: string;
  /** The learning outcome it belongs to, by id. */
  outcome?: string;
  line: number;
}

export interface FoundOutcome {
  id: string;
  text: string;
  line: number;
}

export interface FoundCriteria {
  criteria: FoundCriterion[];
  outcomes: FoundOutcome[];
  /** Where they were found, in words, for the report. */
  from: string;
}

const LEARNER_WILL =
  /^(?:the\s+)?(?:learner|candidate)s?\s+(?:will|can|must|should|is able to)\s*(?:be able to)?\s*[:\-–]?\s*/i;

function tidy(text: string): string {
  return text.replace(LEARNER_WILL, '').replace(/\s+/g, ' ').trim();
}

/** Criteria with dotted ids, and the outcomes above them, from lines and table rows. */
function regulated(layout: Layout): FoundCriteria {
  const criteria: FoundCriterion[] = [];
  const outcomes: FoundOutcome[] = [];
  let outcome: FoundOutcome | undefined;
  const inCriteriaSection = new Set<Line>();
  for (const s of layout.sections)
    if (s.kind === 'criteria' || s.kind === 'outcomes') for (const l of s.lines) inCriteriaSection.add(l);
  const addOutcome = (id: string, text: string, line: number) => {
    const known = outcomes.find((o) => o.id === id);
    if (known) {
      outcome = known;
      return;
    }
    outcome = { id, text: tidy(text), line };
    outcomes.push(outcome);
  };
  const addCriterion = (id: string, text: string, line: number, trusted: boolean) => {
    const t = tidy(text);
    if (!t || criteria.some((c) => c.id === id)) return;
    // A dotted line outside any criteria section or outcome is a numbered heading, not a criterion.
    if (!trusted && !outcome) return;
    criteria.push({ id, text: t, outcome: outcome?.id, line });
  };
  let header: string[] | undefined;
  for (const l of layout.lines) {
    if (l.kind === 'row' && l.cells) {
      rowCriteria(l, header, addOutcome, addCriterion);
      if (!l.cells.some((c) => /\d/.test(c))) header = l.cells.map((c) => c.toLowerCase());
      continue;
    }
    header = undefined;
    const o = OUTCOME.exec(l.text);
    if (o) {
      addOutcome(o[1], o[2], l.line);
      continue;
    }
    const d = l.kind !== 'heading' ? DOTTED.exec(l.text) : undefined;
    if (d) {
      if (!outcome || outcome.id !== d[1].split('.')[0]) {
        // "1.1" under "1. Understand …": the numbered line above was the outcome.
        const parent = layout.lines
          .filter(
            (x) =>
              x.line < l.line && x.kind === 'item' && new RegExp(`^${d[1].split('.')[0]}[.)]?\\s`).test(x.raw ?? ''),
          )
          .pop();
        if (parent) addOutcome(d[1].split('.')[0], parent.text, parent.line);
      }
      addCriterion(d[1], d[2], l.line, inCriteriaSection.has(l));
      continue;
    }
    // "1. Understand the role of …" in a criteria or outcomes section, before its "1.1" lines.
    const n = l.kind === 'item' && l.raw ? /^(\d{1,2})[.)]\s+(.*)$/.exec(l.raw) : null;
    if (
      n &&
      inCriteriaSection.has(l) &&
      layout.lines.some((x) => x.line > l.line && DOTTED.exec(x.text)?.[1].startsWith(`${n[1]}.`))
    )
      addOutcome(n[1], l.text, l.line);
  }
  return {
    criteria,
    outcomes: outcomes.filter((o) => criteria.some((c) => c.outcome === o.id)),
    from: 'the learning outcomes and their criteria',
  };
}

/** One table row: an outcome cell ("1 Understand …", "LO1 …"), criteria cells ("1.1 Describe …", or "1.1" then its text). */
function rowCriteria(
  l: Line,
  header: string[] | undefined,
  addOutcome: (id: string, text: string, line: number) => void,
  addCriterion: (id: string, text: string, line: number, trusted: boolean) => void,
): void {
  const cells = l.cells!;
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    const column = header?.[k] ?? '';
    const o =
      OUTCOME.exec(cell) ??
      (/outcome|^lo$/.test(column) || (k === 0 && !/criteri/.test(column))
        ? /^(\d{1,2})[.):]?\s+(\D.*)$/.exec(cell)
        : null);
    if (o && !DOTTED.test(cell)) {
      addOutcome(o[1], o[2], l.line);
      continue;
    }
    if (/^\d{1,2}$/.test(cell) && /outcome|^lo$/.test(column) && cells[k + 1] && !/^\d/.test(cells[k + 1])) {
      addOutcome(cell, cells[k + 1], l.line);
      k++;
      continue;
    }
    // Several criteria in one cell, one after another ("1.1 Describe … 1.2 Explain …").
    const pieces = cell.split(/\s+(?=(?:AC\s*)?\d{1,2}\.\d{1,2}\b)/);
    for (const piece of pieces) {
      const bare = /^(?:AC\s*)?(\d{1,2}(?:\.\d{1,2})+)\.?$/i.exec(piece);
      if (bare && cells[k + 1] && !DOTTED.test(cells[k + 1])) {
        addCriterion(bare[1], cells[k + 1], l.line, true);
        k++;
        continue;
      }
      const d = DOTTED.exec(piece);
      if (d) addCriterion(d[1], d[2], l.line, true);
    }
  }
}

/** Whether a plain line reads as a criterion: it opens with an assessor's lead-in or a verb. */
function readsAsCriterion(text: string): boolean {
  const rest = withoutLeadIn(text);
  if (rest !== text.trim()) return true;
  const first = rest.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (first.endsWith('ing')) return Boolean(infinitiveOf(first));
  const v = verbOf(first);
  return Boolean(v && v.infinitive === first && v.forms.includes('I'));
}

function itemsOf(section: Section): Line[] {
  const items = section.lines.filter((l) => l.kind === 'item');
  if (items.length) return items;
  return section.lines.filter((l) => l.kind === 'text' && readsAsCriterion(l.text));
}

/** Marking points first, then assessment criteria: the first such section with items. */
function listed(layout: Layout): FoundCriteria {
  const candidates = layout.sections.filter((s) => s.kind === 'criteria');
  candidates.sort((a, b) => Number(!/marking/i.test(a.heading)) - Number(!/marking/i.test(b.heading)));
  // Sections with bullets or numbers first: plain lines are criteria only where no section lists any.
  const ordered = [...candidates.filter((s) => s.lines.some((l) => l.kind === 'item')), ...candidates];
  for (const s of ordered) {
    const items = itemsOf(s);
    if (!items.length) continue;
    return {
      criteria: items.map((l, i) => ({ id: String(i + 1), text: tidy(l.text), line: l.line })),
      outcomes: [],
      from: `"${s.heading}" (line ${s.line})`,
    };
  }
  return { criteria: [], outcomes: [], from: '' };
}

export function findCriteria(layout: Layout): FoundCriteria {
  const dotted = regulated(layout);
  if (dotted.criteria.length) return dotted;
  return listed(layout);
}

/** The learning outcomes or objectives a revision guide lists without criteria under them. */
export function listedOutcomes(layout: Layout): FoundOutcome[] {
  const s = layout.sections.find((x) => x.kind === 'outcomes' && x.lines.some((l) => l.kind === 'item'));
  if (!s) return [];
  return s.lines
    .filter((l) => l.kind === 'item')
    .map((l, i) => ({ id: String(i + 1), text: tidy(l.text), line: l.line }));
}
