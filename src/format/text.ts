/** The text format: `file:line:col  severity  message  rule`, then one summary line per file. */
import { cycleViewOf, stagesShown, type FileResult, type Rubric, type Severity } from '../core/index.js';

export interface Colours {
  enabled: boolean;
}

const SGR: Record<string, string> = {
  red: '31',
  yellow: '33',
  blue: '34',
  grey: '90',
  bold: '1',
  green: '32',
  cyan: '36',
};

export function paint(c: Colours, colour: keyof typeof SGR, text: string): string {
  return c.enabled ? `\x1b[${SGR[colour]}m${text}\x1b[0m` : text;
}

const SEVERITY_COLOUR: Record<Severity, keyof typeof SGR> = {
  error: 'red',
  warning: 'yellow',
  information: 'blue',
  hint: 'grey',
};

export function formatText(files: readonly FileResult[], rubrics: readonly Rubric[], c: Colours): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const f of file.findings) {
      const where = `${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(
        `${paint(c, 'bold', where)}  ${paint(c, SEVERITY_COLOUR[f.severity], f.severity)}  ${f.message}  ${paint(c, 'grey', f.rule)}`,
      );
    }
    lines.push(summary(file, rubrics, c));
  }
  return lines.join('\n') + '\n';
}

export function summary(file: FileResult, rubrics: readonly Rubric[], c: Colours): string {
  const rubric = file.rubric ? rubrics.find((r) => r.id === file.rubric) : undefined;
  // The service cycle's stages, or those of the unit's own model ("Gibbs stages 5/6"); none for "cycle": "none".
  const view = cycleViewOf(rubric);
  let stages = 'no reflective model';
  if (view) {
    const shown = stagesShown(file, view);
    const absent = view.stages.filter((s) => !shown[s.id]?.length).map((s) => s.id);
    const label = view.id === 'service' ? 'stages' : `${view.short} stages`;
    stages = `${label} ${view.stages.length - absent.length}/${view.stages.length}${absent.length ? ` (absent: ${absent.join(', ')})` : ''}`;
  }
  let criteria = 'no unit rubric (only general rules ran)';
  if (file.rubric) {
    const evidenced = file.criteria.filter((x) => x.status === 'evidenced').map((x) => x.id);
    const claimed = file.criteria.filter((x) => x.status === 'claimed').map((x) => x.id);
    const total = rubric?.criteria.length ?? file.criteria.length;
    criteria = `${file.rubric}: criteria evidenced ${evidenced.length}/${total}${evidenced.length ? ` (AC ${evidenced.join(', ')})` : ''}`;
    if (claimed.length) criteria += `, cited but not yet shown: AC ${claimed.join(', ')}`;
  }
  const counts = (['error', 'warning', 'information', 'hint'] as const)
    .map((s) => [s, file.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n)
    .map(([s, n]) => `${n} ${s === 'information' ? 'info' : s}${n > 1 && s !== 'information' ? 's' : ''}`);
  return `${paint(c, 'cyan', file.path)}: ${stages} · ${criteria} · ${counts.length ? counts.join(', ') : paint(c, 'green', 'no findings')}`;
}
