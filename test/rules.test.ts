/**
 * Rule fixtures carry their own expectations. Each file in test/fixtures/rules/<rule>/ is an
 * account; `<!-- expect: RULE {"data":"subset"} -->` at the end of a line says a finding of RULE
 * starts on that line (`expect-next-line:` on a line of its own points at the next text line).
 * A fixture with no expectation for its folder's rule must produce none. `<!-- fixture: {"rubric": ID} -->`
 * picks a rubric. Every fix is applied and the account re-analysed: the finding must be gone,
 * the text outside the edit unchanged, and the fix must not be offered again.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Finding } from '../src/core/index.js';
import { LineIndex } from '../src/core/positions.js';

const dir = join(import.meta.dirname, 'fixtures', 'rules');

interface Expectation {
  line: number;
  rule: string;
  data?: Record<string, unknown>;
}

function expectations(text: string): { expected: Expectation[]; rubric?: string } {
  const lines = text.split(/\r?\n/);
  const expected: Expectation[] = [];
  let rubric: string | undefined;
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/<!--\s*(expect|expect-next-line|fixture):\s*([^\s{]+)?\s*(\{.*?\})?\s*-->/g)) {
      if (m[1] === 'fixture') {
        rubric = (JSON.parse(m[3] ?? m[2] ?? '{}') as { rubric?: string }).rubric;
        continue;
      }
      let target = i;
      if (m[1] === 'expect-next-line') {
        target = i + 1;
        while (target < lines.length && lines[target].trim() === '') target++;
      }
      expected.push({ line: target, rule: m[2]!, data: m[3] ? JSON.parse(m[3]) : undefined });
    }
  });
  return { expected, rubric };
}

function applyEdits(
  text: string,
  finding: Finding,
  fixIndex: number,
): { text: string; start: number; end: number; insertedLength: number } {
  const lines = new LineIndex(text);
  const edits = finding
    .fixes![fixIndex].edits.map((e) => ({
      start: lines.offset(e.range.start),
      end: lines.offset(e.range.end),
      newText: e.newText,
    }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  const first = edits[edits.length - 1];
  return { text: out, start: first.start, end: first.end, insertedLength: first.newText.length };
}

const same = (a: Finding, b: Finding) =>
  a.rule === b.rule && a.message === b.message && a.range.start.line === b.range.start.line;

for (const rule of readdirSync(dir).sort()) {
  describe(`rule ${rule}`, () => {
    for (const file of readdirSync(join(dir, rule))
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const text = readFileSync(join(dir, rule, file), 'utf8');
      const { expected, rubric } = expectations(text);
      const result = analyze(text, { rubric });
      // The folder's rule, and any other rule the fixture names (the inline-config fixtures name several).
      const checked = new Set([rule, ...expected.map((e) => e.rule)]);
      for (const id of checked) {
        const mine = expected.filter((e) => e.rule === id);
        const found = result.findings.filter((f) => f.rule === id);
        if (id !== rule && !mine.length) continue;

        it(`${file}: ${id === rule ? '' : `${id} `}${mine.length ? `finds ${mine.length} on line${mine.length > 1 ? 's' : ''} ${mine.map((e) => e.line + 1).join(', ')}` : 'finds nothing'}`, () => {
          const describe = (fs: Finding[]) =>
            fs.map((f) => `  line ${f.range.start.line + 1}: ${f.message} ${JSON.stringify(f.data ?? {})}`).join('\n');
          assert.deepEqual(
            found.map((f) => f.range.start.line).sort((a, b) => a - b),
            mine.map((e) => e.line).sort((a, b) => a - b),
            `findings of ${id} (1-based lines):\n${describe(found)}`,
          );
          for (const e of mine) {
            if (!e.data) continue;
            const match = found.find(
              (f) =>
                f.range.start.line === e.line &&
                Object.entries(e.data!).every(([k, v]) => JSON.stringify(f.data?.[k]) === JSON.stringify(v)),
            );
            assert.ok(
              match,
              `no finding on line ${e.line + 1} with data ${JSON.stringify(e.data)}:\n${describe(found)}`,
            );
          }
        });

        const withFixes = found.filter((f) => f.fixes?.length);
        if (withFixes.length) {
          it(`${file}: every fix removes its finding, touches only its range and is not offered again`, () => {
            for (const f of withFixes) {
              f.fixes!.forEach((fix, k) => {
                const applied = applyEdits(text, f, k);
                // Only the edited range changed.
                assert.equal(applied.text.slice(0, applied.start), text.slice(0, applied.start));
                assert.equal(applied.text.slice(applied.start + applied.insertedLength), text.slice(applied.end));
                const again = analyze(applied.text, { rubric }).findings.filter((x) => x.rule === id);
                assert.ok(
                  !again.some((x) => same(x, f) && x.fixes?.some((y) => y.title === fix.title)),
                  `fix "${fix.title}" left its finding on line ${f.range.start.line + 1}`,
                );
              });
            }
          });
        }
      }
    }
  });
}
