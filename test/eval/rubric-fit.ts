// `npx tsx test/eval/rubric-fit.ts`: how well accounts fit their own unit and the others (rankRubrics' `fit`),
// the figures behind RUBRIC_FIT_MIN. The seeds fit their unit's rubric; each labelled account, its labelled unit.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { bundledRubrics, rankRubrics, RUBRIC_FIT_MIN } from '../../src/core/index.js';

const SEEDS = '../shared/seeds';
const SEED_UNITS = [
  'customer-relations',
  'crm-principles',
  'focus-l2-customer-relationships',
  'external-customers',
  'develop-relationships',
];
const rubrics = bundledRubrics();
const groups = new Map<string, Array<{ text: string; unit: string }>>();
if (existsSync(SEEDS))
  groups.set(
    'seeds',
    readdirSync(SEEDS)
      .sort()
      .map((f, i) => ({ text: readFileSync(`${SEEDS}/${f}`, 'utf8'), unit: SEED_UNITS[i] })),
  );
for (const [name, dir] of [
  ['eval-dev', '../shared/eval-dev'],
  ...[1, 2, 3, 4, 5, 6].map((n) => [`held-out`, n === 1 ? 'test/corpus' : `test/corpus-${n}`]),
]) {
  if (!existsSync(`${dir}/labels.json`)) continue;
  const labels = JSON.parse(readFileSync(`${dir}/labels.json`, 'utf8')) as Array<{ file: string; rubric: string }>;
  const list = groups.get(name) ?? [];
  for (const l of labels) list.push({ text: readFileSync(`${dir}/accounts/${l.file}`, 'utf8'), unit: l.rubric });
  groups.set(name, list);
}
const range = (xs: number[]) =>
  `${xs.length}: ${Math.min(...xs).toFixed(3)}-${Math.max(...xs).toFixed(3)}, ${xs.filter((x) => x < RUBRIC_FIT_MIN).length} below ${RUBRIC_FIT_MIN}`;
for (const [name, items] of groups) {
  const right: number[] = [];
  const wrong: number[] = [];
  for (const { text, unit } of items)
    for (const r of rankRubrics(text, rubrics)) (r.id === unit ? right : wrong).push(r.fit);
  console.log(`${name}: own unit ${range(right)}; other units ${range(wrong)}`);
}
