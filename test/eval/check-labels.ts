// `node --import tsx test/eval/check-labels.ts DIR`: checks a labelled corpus is well formed (every
// substring found, paragraphs in step with the parser, criterion ids valid, stages and evidence agree).
// It prints no accuracy figures, so corpus authors can run it without seeing how the analyser scores.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledRubrics } from '../../src/core/bundled-rubrics.js';
import { STAGES } from '../../src/core/index.js';
import { evaluate, type AccountLabel } from './harness.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: check-labels.ts DIR');
  process.exit(2);
}
const problems: string[] = [];
const labels: Array<AccountLabel & { stage_evidence?: Record<string, string> }> = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
const rubrics = new Map(bundledRubrics().map((r) => [r.id, r]));
for (const l of labels) {
  const text = readFileSync(join(dir, 'accounts', l.file), 'utf8');
  const rubric = rubrics.get(l.rubric);
  if (!rubric) problems.push(`${l.file}: unknown rubric ${l.rubric}`);
  const ids = new Set(rubric?.criteria.map((c) => c.id) ?? []);
  for (const p of l.paragraphs) for (const c of p.best_criteria) if (!ids.has(c)) problems.push(`${l.file}: criterion ${c} not in ${l.rubric}`);
  for (const s of STAGES) {
    if (typeof l.stages[s] !== 'boolean') problems.push(`${l.file}: stage ${s} not labelled`);
    const ev = l.stage_evidence?.[s];
    if (l.stages[s] && !ev) problems.push(`${l.file}: ${s} true without stage_evidence`);
    if (!l.stages[s] && ev) problems.push(`${l.file}: ${s} false but has stage_evidence`);
    if (ev && !text.includes(ev)) problems.push(`${l.file}: stage_evidence for ${s} not found`);
  }
  for (const key of ['vague_standards', 'measurable_standards', 'personal_data', 'hypothetical'] as const) {
    for (const needle of l[key]) {
      const n = text.split(needle).length - 1;
      if (n !== 1) problems.push(`${l.file}: ${key} ${JSON.stringify(needle)} occurs ${n} times (want exactly 1)`);
    }
  }
}
try {
  evaluate(dir); // throws when a substring or a paragraph start is not where the labels say
} catch (e) {
  problems.push((e as Error).message);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`ok: ${labels.length} accounts`);
