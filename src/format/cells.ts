/**
 * The grid's wording, shared by the Markdown, CSV and HTML renderers: what a cell says, the legend,
 * the columns. Every status has a mark and a word as well as a colour, so the grid reads the same
 * printed in black and white and to a reader who does not tell red from green.
 */
import {
  rowSummary,
  type CriterionStatus,
  type DecisionValue,
  type GroupBy,
  type Place,
  type PortfolioCell,
  type PortfolioRow,
  type PortfolioUnit,
} from '../core/index.js';

export const STATUS_MARK: Record<CriterionStatus, string> = {
  evidenced: '✓',
  claimed: '!',
  suggested: '?',
  missing: '✗',
};

export const DECISION_WORDS: Record<DecisionValue, string> = {
  met: 'met',
  'not-yet-met': 'not yet met',
  referred: 'referred',
};

/** The legend, in the order of strength. */
export const LEGEND: ReadonlyArray<{ status: CriterionStatus; meaning: string }> = [
  { status: 'evidenced', meaning: 'a paragraph cites the criterion and shows it' },
  { status: 'claimed', meaning: 'a paragraph cites the criterion but does not yet show it' },
  { status: 'suggested', meaning: 'a paragraph reads like evidence but cites no criterion' },
  { status: 'missing', meaning: 'nothing evidences it yet' },
];

export const LINE_NOTE =
  '“L12” is the line where the evidence starts; “a.md L12” names the account when a row holds several.';

/** The folder a row's accounts share ('' for none), left off their places. */
function sharedFolder(row: PortfolioRow): string {
  const folders = row.accounts.map((p) => p.replace(/\\/g, '/').replace(/[^/]*$/, ''));
  let shared = folders[0] ?? '';
  for (const f of folders) while (!f.startsWith(shared)) shared = shared.replace(/[^/]*\/$/, '');
  return shared;
}

/** Where a place is, as a row shows it: `L12` in a row of one account, else `a.md L12`. */
export function placeLabel(place: Place, row: PortfolioRow): string {
  if (row.accounts.length === 1) return `L${place.line}`;
  return `${place.path.replace(/\\/g, '/').slice(sharedFolder(row).length)} L${place.line}`;
}

/** Up to `max` places, then an ellipsis. */
export function placesText(places: readonly Place[], row: PortfolioRow, max = 4): string {
  return (
    places
      .slice(0, max)
      .map((p) => placeLabel(p, row))
      .join(', ') + (places.length > max ? ', …' : '')
  );
}

/**
 * What a criterion cell says: `✓ evidenced L12`, `! claimed L30`, `✗ missing`; then any citations that do not show
 * an evidenced criterion (`· ! also claimed L30`) and the assessor's decision.
 */
export function criterionText(cell: PortfolioCell, row: PortfolioRow, marks = true, max = 4): string {
  const places = placesText(cell.where, row, max);
  let text = `${marks ? STATUS_MARK[cell.status] + ' ' : ''}${cell.status}${places ? ` ${places}` : ''}`;
  if (cell.claimedIn)
    text += ` · ${marks ? STATUS_MARK.claimed + ' ' : ''}also claimed ${placesText(cell.claimedIn, row, max)}`;
  if (cell.decision) text += ` · assessor: ${DECISION_WORDS[cell.decision.decision]}`;
  return text;
}

/** What a stage cell says: `✓ L3, L9` or `✗ missing`. */
export function stageText(places: readonly Place[], row: PortfolioRow, marks = true, max = 4): string {
  const mark = marks ? `${STATUS_MARK[places.length ? 'evidenced' : 'missing']} ` : '';
  return places.length ? `${mark}${placesText(places, row, max)}` : `${mark}missing`;
}

/** The heading of the first column, and of the second (the other of learner and account). */
export function labelColumns(by: GroupBy): [string, string] {
  return by === 'learner' ? ['Learner', 'Accounts'] : ['Account', 'Learner'];
}

/** The first two cells of a row, as labelColumns names them. */
export function rowLabels(row: PortfolioRow, by: GroupBy): [string, string] {
  return by === 'learner' ? [row.learner, row.accounts.join('; ')] : [row.accounts[0], row.learner];
}

export const COUNT_COLUMNS = [
  { key: 'personalData', title: 'Personal data' },
  { key: 'hypothetical', title: 'Hypothetical' },
  { key: 'vague', title: 'Vague standards' },
  { key: 'unlinked', title: 'Unlinked paragraphs' },
] as const;

/** The summary cells after the criteria and stages: criteria n/N, stages n/6 (of the unit's model), the four counts. */
export function summaryCells(row: PortfolioRow, unit: PortfolioUnit): string[] {
  const s = rowSummary(row, unit);
  return [
    `${s.criteria}/${s.of}`,
    unit.stages.length ? `${s.stages}/${unit.stages.length}` : 'none',
    ...COUNT_COLUMNS.map((c) => String(row.counts[c.key])),
  ];
}

export const SUMMARY_TITLES = ['Criteria', 'Stages', ...COUNT_COLUMNS.map((c) => c.title)];

/** The readiness cell: `ready`, or `refer: reason; reason`. */
export function readinessText(row: PortfolioRow): string {
  return row.readiness === 'ready' ? 'ready' : `refer: ${row.reasons.join('; ')}`;
}

export function byText(by: GroupBy): string {
  return by === 'learner'
    ? 'One row per learner per unit: a criterion is evidenced when any of the learner’s accounts evidences it.'
    : 'One row per account.';
}
