/**
 * The assessor's mapping grid: one row per account, a column per criterion and per cycle stage,
 * each cell naming the lines where it is evidenced, where it is only claimed (cited, but the
 * paragraph does not show it), or that it is missing. Accounts are grouped by unit, since each
 * unit has its own criteria.
 */
import { STAGES, STAGE_TITLES, type FileResult, type Rubric, type Stage } from './types.js';

export type ReportFormat = 'md' | 'html' | 'csv';

type CellState = 'evidenced' | 'claimed' | 'suggested' | 'missing';
interface Cell {
  state: CellState;
  lines: number[];
}
interface Group {
  rubric?: Rubric;
  files: FileResult[];
}

function groups(files: readonly FileResult[], rubrics: readonly Rubric[]): Group[] {
  const out: Group[] = [];
  for (const f of files) {
    const rubric = rubrics.find((r) => r.id === f.rubric);
    let g = out.find((x) => x.rubric === rubric);
    if (!g) out.push((g = { rubric, files: [] }));
    g.files.push(f);
  }
  return out;
}

function criterionCell(file: FileResult, id: string): Cell {
  const c = file.criteria.find((x) => x.id === id);
  if (!c) return { state: 'missing', lines: [] };
  // A claimed criterion's cell names the lines that cite it, so the assessor can read the claim.
  const lines = (c.status === 'claimed' ? c.claimedIn : c.paragraphs).map((p) => file.paragraphs[p].range.start.line + 1);
  return { state: c.status, lines };
}

function stageCell(file: FileResult, stage: Stage): Cell {
  const lines = [...new Set(file.stages[stage].map((r) => r.start.line + 1))];
  return { state: lines.length ? 'evidenced' : 'missing', lines };
}

function cellText(cell: Cell): string {
  const lines = cell.lines.slice(0, 4).map((l) => `L${l}`).join(', ') + (cell.lines.length > 4 ? ', …' : '');
  if (cell.state === 'missing') return 'missing';
  if (cell.state === 'suggested') return `suggested ${lines}`;
  if (cell.state === 'claimed') return `claimed, ${lines}`;
  return lines;
}

function rows(g: Group): Array<{ file: FileResult; criteria: Cell[]; stages: Cell[] }> {
  return g.files.map((file) => ({
    file,
    criteria: (g.rubric?.criteria ?? []).map((c) => criterionCell(file, c.id)),
    stages: STAGES.map((s) => stageCell(file, s)),
  }));
}

function groupTitle(g: Group): string {
  return g.rubric ? `${g.rubric.title} (${g.rubric.id}, Level ${g.rubric.level})` : 'No unit named (cycle stages only)';
}

export function formatReport(files: readonly FileResult[], rubrics: readonly Rubric[], format: ReportFormat, generated = new Date()): string {
  const gs = groups(files, rubrics);
  if (format === 'csv') return csv(gs);
  if (format === 'html') return html(gs, generated);
  return markdown(gs);
}

function markdown(gs: Group[]): string {
  const out: string[] = ['# Mapping grid', ''];
  for (const g of gs) {
    out.push(`## ${groupTitle(g)}`, '');
    const criteria = g.rubric?.criteria ?? [];
    const head = ['Account', ...criteria.map((c) => `AC ${c.id}`), ...STAGES.map((s) => STAGE_TITLES[s])];
    out.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    for (const r of rows(g)) {
      const cells = [r.file.path.replace(/\|/g, '\\|'), ...r.criteria.map(cellText), ...r.stages.map(cellText)];
      out.push(`| ${cells.join(' | ')} |`);
    }
    if (criteria.length) {
      out.push('', ...criteria.map((c) => `- **AC ${c.id}**: ${c.text}`));
    }
    out.push('');
  }
  out.push(
    '“L12” is the line where the evidence starts; “claimed” means a paragraph names the criterion but does not yet show it; “suggested” means a paragraph reads like evidence but does not name the criterion.',
    '',
  );
  return out.join('\n');
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(gs: Group[]): string {
  const allCriteria = [...new Set(gs.flatMap((g) => (g.rubric?.criteria ?? []).map((c) => c.id)))].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const head = ['account', 'unit', ...allCriteria.map((id) => `AC ${id}`), ...STAGES];
  const out = [head.map(csvField).join(',')];
  for (const g of gs) {
    for (const r of rows(g)) {
      const byId = new Map((g.rubric?.criteria ?? []).map((c, i) => [c.id, r.criteria[i]]));
      const cells = [r.file.path, g.rubric?.id ?? '', ...allCriteria.map((id) => (byId.has(id) ? cellText(byId.get(id)!) : 'n/a')), ...r.stages.map(cellText)];
      out.push(cells.map(csvField).join(','));
    }
  }
  return out.join('\r\n') + '\r\n';
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function htmlCell(cell: Cell): string {
  return `<td class="${cell.state}">${esc(cellText(cell))}</td>`;
}

function html(gs: Group[], generated: Date): string {
  const sections = gs.map((g) => {
    const criteria = g.rubric?.criteria ?? [];
    const head = criteria.map((c) => `<th scope="col" title="${esc(c.text)}">AC ${esc(c.id)}</th>`).join('') + STAGES.map((s) => `<th scope="col" class="stage">${STAGE_TITLES[s]}</th>`).join('');
    const body = rows(g)
      .map((r) => `<tr><th scope="row">${esc(r.file.path)}</th>${r.criteria.map(htmlCell).join('')}${r.stages.map(htmlCell).join('')}</tr>`)
      .join('\n');
    const key = criteria.length ? `<dl>${criteria.map((c) => `<dt>AC ${esc(c.id)}</dt><dd>${esc(c.text)}</dd>`).join('')}</dl>` : '';
    return `<section><h2>${esc(groupTitle(g))}</h2>\n<table><thead><tr><th scope="col">Account</th>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>\n${key}</section>`;
  });
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mapping grid – reflect-lint</title>
<style>
  body { font: 14px/1.4 system-ui, "Segoe UI", Arial, sans-serif; color: #1b1b1b; margin: 2rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
  p.meta { color: #555; margin: 0 0 1rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #bbb; padding: .35rem .5rem; text-align: left; vertical-align: top; }
  thead th { background: #eee; }
  th.stage { background: #e8eef7; }
  tbody th { font-weight: 600; min-width: 14em; overflow-wrap: anywhere; }
  td.evidenced { background: #e3f4e1; }
  td.suggested { background: #fff4cc; }
  td.claimed { background: #ffd59e; color: #6b3a00; }
  td.missing { background: #fbe3e3; color: #8a1c1c; font-weight: 600; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 1rem 0 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  .legend span { display: inline-block; padding: 0 .4rem; margin-right: .5rem; border: 1px solid #bbb; }
  @page { size: A4 landscape; margin: 12mm; }
  @media print {
    body { margin: 0; font-size: 9pt; }
    th, td { padding: .2rem .3rem; }
    tbody th { min-width: 10em; }
    section { break-inside: avoid; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }
</style>
</head>
<body>
<h1>Mapping grid</h1>
<p class="meta">Made by reflect-lint on ${generated.toISOString().slice(0, 10)}. “L12” is the line where the evidence starts.</p>
<p class="legend"><span class="evidenced" style="background:#e3f4e1">evidenced</span><span style="background:#ffd59e;color:#6b3a00">claimed: names the criterion but does not yet show it</span><span style="background:#fff4cc">suggested: reads like evidence but names no criterion</span><span style="background:#fbe3e3">missing</span></p>
${sections.join('\n')}
</body>
</html>
`;
}
