/** The grid as Markdown: a table per unit, the criteria's text under it, then the legend. */
import type { Portfolio } from '../core/index.js';
import {
  byText,
  criterionText,
  labelColumns,
  LEGEND,
  LINE_NOTE,
  readinessText,
  rowLabels,
  stageText,
  STATUS_MARK,
  summaryCells,
  SUMMARY_TITLES,
} from './cells.js';

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function formatPortfolioMarkdown(p: Portfolio): string {
  const out: string[] = ['# Mapping grid', '', byText(p.by), ''];
  for (const unit of p.units) {
    out.push(`## ${unit.title}`, '');
    const head = [
      ...labelColumns(p.by),
      ...unit.criteria.map((c) => `AC ${c.id}`),
      ...unit.stages.map((s) => s.title),
      ...SUMMARY_TITLES,
      'Readiness',
    ];
    out.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    for (const row of unit.rows) {
      const cells = [
        ...rowLabels(row, p.by),
        ...unit.criteria.map((c) => criterionText(row.criteria[c.id], row)),
        ...unit.stages.map((s) => stageText(row.stages[s.id], row)),
        ...summaryCells(row, unit),
        readinessText(row),
      ];
      out.push(`| ${cells.map(cell).join(' | ')} |`);
    }
    if (unit.criteria.length) out.push('', ...unit.criteria.map((c) => `- **AC ${c.id}**: ${c.text}`));
    out.push('');
  }
  out.push(LEGEND.map((l) => `${STATUS_MARK[l.status]} **${l.status}**: ${l.meaning}.`).join(' '), '', LINE_NOTE, '');
  return out.join('\n');
}
