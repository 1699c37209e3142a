/**
 * The grid as one self-contained HTML file: no scripts, no remote resources. The header row and the
 * first column stay in view while the grid scrolls; red, amber and green cells also carry a mark and
 * a word (and a border style), so the grid reads printed in black and white and to colour-blind
 * readers; a claimed cell's tooltip quotes the first sentence of the paragraph that cites it.
 */
import type { Portfolio, PortfolioCell, PortfolioRow, PortfolioUnit } from '../core/index.js';
import {
  byText,
  criterionText,
  DECISION_WORDS,
  LEGEND,
  LINE_NOTE,
  placeLabel,
  placesText,
  STATUS_MARK,
  summaryCells,
  SUMMARY_TITLES,
} from './cells.js';
import type { Place } from '../core/index.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function mark(status: keyof typeof STATUS_MARK): string {
  return `<span class="mark" aria-hidden="true">${STATUS_MARK[status]}</span>`;
}

/** A criterion cell's tooltip: the criterion, for a claim where it is cited and how the paragraph begins, the decision's comment. */
function tooltip(id: string, text: string, cell: PortfolioCell, row: PortfolioRow): string {
  const lines = [`AC ${id}: ${text}`];
  if (cell.status !== 'claimed' && cell.where.length > 4)
    lines.push(`${cell.status[0].toUpperCase()}${cell.status.slice(1)} at ${placesText(cell.where, row, Infinity)}`);
  const thin = cell.status === 'claimed' ? cell.where : (cell.claimedIn ?? []);
  for (const p of thin)
    lines.push(
      `${cell.status === 'claimed' ? 'Cited' : 'Also cited'} at ${placeLabel(p, row)} but not shown${p.quote ? `. The paragraph begins: “${p.quote}”` : ''}`,
    );
  if (cell.decision)
    lines.push(
      `Assessor: ${DECISION_WORDS[cell.decision.decision]}${cell.decision.at ? ` (${cell.decision.at.slice(0, 10)})` : ''}${cell.decision.comment ? `: ${cell.decision.comment}` : ''}`,
    );
  return lines.join('\n');
}

/** Places as the cell lists them: each kept on one line, up to four, then an ellipsis. */
function placesHtml(places: readonly Place[], row: PortfolioRow, max = 4): string {
  if (!places.length) return '';
  const shown = places.slice(0, max).map((p) => `<span class="place">${esc(placeLabel(p, row))}</span>`);
  return ` <span class="where">${shown.join(', ')}${places.length > max ? ', …' : ''}</span>`;
}

function criterionCell(unit: PortfolioUnit, id: string, row: PortfolioRow): string {
  const cell = row.criteria[id];
  const c = unit.criteria.find((x) => x.id === id)!;
  const also = cell.claimedIn
    ? `<span class="also">${mark('claimed')} also claimed${placesHtml(cell.claimedIn, row)}</span>`
    : '';
  const decision = cell.decision
    ? `<span class="decision ${cell.decision.decision}">assessor: ${DECISION_WORDS[cell.decision.decision]}</span>`
    : '';
  return `<td class="${cell.status}" title="${esc(tooltip(id, c.text, cell, row))}" aria-label="${esc(`AC ${id}: ${criterionText(cell, row, false)}`)}">${mark(cell.status)} ${cell.status}${placesHtml(cell.where, row)}${also}${decision}</td>`;
}

function stageCell(
  title: string,
  places: PortfolioRow['stages'][keyof PortfolioRow['stages']],
  row: PortfolioRow,
): string {
  const status = places.length ? 'evidenced' : 'missing';
  const where = placesText(places, row, Infinity);
  return `<td class="${status} stage" title="${esc(`${title}: ${places.length ? where : 'missing'}`)}">${mark(status)} ${places.length ? placesHtml(places, row) : 'missing'}</td>`;
}

function rowHeader(row: PortfolioRow, by: Portfolio['by']): string {
  if (by === 'account')
    return `<th scope="row">${esc(row.accounts[0])}<span class="sub">learner: ${esc(row.learner)}</span></th>`;
  return `<th scope="row">${esc(row.learner)}<ul class="accounts">${row.accounts.map((a) => `<li>${esc(a)}</li>`).join('')}</ul></th>`;
}

function readinessCell(row: PortfolioRow): string {
  if (row.readiness === 'ready')
    return `<td class="evidenced readiness">${mark('evidenced')} <strong>ready</strong></td>`;
  return `<td class="missing readiness">${mark('missing')} <strong>refer</strong><ul>${row.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></td>`;
}

function section(unit: PortfolioUnit, index: number, by: Portfolio['by']): string {
  const id = `unit-${index}`;
  const head = [
    `<th scope="col">${by === 'learner' ? 'Learner' : 'Account'}</th>`,
    ...unit.criteria.map((c) => `<th scope="col" title="${esc(c.text)}">AC ${esc(c.id)}</th>`),
    ...unit.stages.map((s) => `<th scope="col" class="stage">${s.title}</th>`),
    ...SUMMARY_TITLES.map((t) => `<th scope="col" class="summary">${t}</th>`),
    '<th scope="col">Readiness</th>',
  ].join('');
  const body = unit.rows
    .map((row) => {
      const cells = [
        rowHeader(row, by),
        ...unit.criteria.map((c) => criterionCell(unit, c.id, row)),
        ...unit.stages.map((s) => stageCell(s.title, row.stages[s.id], row)),
        ...summaryCells(row, unit).map((s) => `<td class="summary">${s}</td>`),
        readinessCell(row),
      ];
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const key = unit.criteria.length
    ? `<dl>${unit.criteria.map((c) => `<dt>AC ${esc(c.id)}</dt><dd>${esc(c.text)}</dd>`).join('')}</dl>`
    : '';
  return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(unit.title)}</h2>
<div class="grid" role="region" aria-labelledby="${id}" tabindex="0">
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
${key}</section>`;
}

export function formatPortfolioHtml(p: Portfolio, generated = new Date()): string {
  const legend = LEGEND.map(
    (l) => `<li><span class="${l.status}">${mark(l.status)} ${l.status}</span> ${esc(l.meaning)}</li>`,
  ).join('');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mapping grid – reflect-lint</title>
<style>
  body { font: 14px/1.4 system-ui, "Segoe UI", Arial, sans-serif; color: #1b1b1b; background: #fff; margin: 1.5rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
  p.meta { color: #444; margin: 0 0 .75rem; }
  .grid { overflow: auto; max-height: calc(100vh - 6rem); border: 1px solid #999; }
  .grid:focus { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  table { border-collapse: separate; border-spacing: 0; }
  th, td { border-right: 1px solid #bbb; border-bottom: 1px solid #bbb; padding: .35rem .5rem; text-align: left; vertical-align: top; }
  thead th { position: sticky; top: 0; z-index: 2; background: #e9e9e9; white-space: nowrap; }
  thead th.stage { background: #e3eaf5; }
  tbody th { position: sticky; left: 0; z-index: 1; background: #fff; font-weight: 600; min-width: 12em; max-width: 22em; overflow-wrap: anywhere; }
  thead th:first-child { left: 0; z-index: 3; }
  .sub, .accounts { display: block; font-weight: 400; font-size: .85em; color: #444; margin: .2rem 0 0; padding: 0; list-style: none; }
  .where { display: block; font-size: .85em; }
  .place { white-space: nowrap; }
  .also { display: block; font-size: .85em; margin-top: .2rem; padding: 0 .2rem; background: #ffdca8; color: #6b3a00; border-left: 3px dashed #b45309; }
  td { min-width: 6em; }
  .decision { display: block; font-size: .85em; font-weight: 600; border-top: 1px solid currentColor; margin-top: .2rem; }
  .mark { font-weight: 700; }
  td.readiness ul { margin: .2rem 0 0; padding-left: 1.1em; font-weight: 400; min-width: 16em; }
  .evidenced { background: #dcf2dc; color: #14532d; border-left: 4px solid #2e7d32; }
  .claimed { background: #ffdca8; color: #6b3a00; border-left: 4px dashed #b45309; }
  .suggested { background: #fff3c4; color: #594400; border-left: 4px dotted #a16207; }
  .missing { background: #fbdcdc; color: #8a1c1c; border-left: 4px double #b91c1c; font-weight: 600; }
  td.summary { text-align: right; font-variant-numeric: tabular-nums; }
  ul.legend { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
  ul.legend span { display: inline-block; padding: 0 .4rem; margin-right: .3rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 1rem 0 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  @page { size: A4 landscape; margin: 10mm; }
  @media print {
    body { margin: 0; font-size: 8pt; }
    .grid { overflow: visible; max-height: none; border: 0; }
    thead th, tbody th { position: static; }
    th, td { padding: .15rem .25rem; }
    tbody th { min-width: 8em; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    td, th, span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }
</style>
</head>
<body>
<h1>Mapping grid</h1>
<p class="meta">Made by reflect-lint on ${generated.toISOString().slice(0, 10)}. ${esc(byText(p.by))} ${esc(LINE_NOTE)} Hover over a cell for the criterion, and for a claim the words of the paragraph that cites it.</p>
<ul class="legend">${legend}<li><span class="decision">assessor: met</span> the assessor’s decision, which wins in the readiness verdict</li></ul>
${p.units.map((u, i) => section(u, i, p.by)).join('\n')}
</body>
</html>
`;
}
