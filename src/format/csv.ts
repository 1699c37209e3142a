/**
 * The grid as CSV (RFC 4180, CRLF line ends), for a spreadsheet: one header for every unit, a row
 * per learner or account; a criterion or stage the row's unit does not have says `n/a`. Words, not marks,
 * so a spreadsheet sorts and filters on them; every place, not the first few.
 */
import type { Portfolio } from '../core/index.js';
import { criterionText, labelColumns, rowLabels, stageText, summaryCells, SUMMARY_TITLES } from './cells.js';

function field(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatPortfolioCsv(p: Portfolio): string {
  const ids = [...new Set(p.units.flatMap((u) => u.criteria.map((c) => c.id)))].sort((a, b) =>
    a.localeCompare(b, undefined, { numeric: true }),
  );
  // Stage columns of every unit's model (the service cycle's, Gibbs', Kolb's), each once, in the order first met.
  const stageIds = [...new Set(p.units.flatMap((u) => u.stages.map((s) => s.id)))];
  const head = [
    ...labelColumns(p.by).map((h) => h.toLowerCase()),
    'unit',
    ...ids.map((id) => `AC ${id}`),
    ...stageIds,
    ...SUMMARY_TITLES.map((t) => t.toLowerCase()),
    'readiness',
    'reasons',
  ];
  const out = [head.map(field).join(',')];
  for (const unit of p.units) {
    const has = new Set(unit.criteria.map((c) => c.id));
    for (const row of unit.rows) {
      const cells = [
        ...rowLabels(row, p.by),
        unit.unit ?? '',
        ...ids.map((id) => (has.has(id) ? criterionText(row.criteria[id], row, false, Infinity) : 'n/a')),
        ...stageIds.map((id) => (row.stages[id] ? stageText(row.stages[id], row, false, Infinity) : 'n/a')),
        ...summaryCells(row, unit),
        row.readiness,
        row.reasons.join('; '),
      ];
      out.push(cells.map(field).join(','));
    }
  }
  return out.join('\r\n') + '\r\n';
}
