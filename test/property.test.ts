/** Property: analyze never throws, and every range it returns lies inside the document. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type Range } from '../src/core/index.js';
import { LineIndex } from '../src/core/positions.js';

const fragments = [
  '# Title',
  '## Example 1: a refund',
  '## Improve',
  '---\nunit: customer-relations\n---',
  '---\nunit: [broken\n---',
  '- a list item (AC 2)',
  '1. numbered',
  '> "a quote" – the customer',
  '```\ncode AC 9 good service\n```',
  '`inline code`',
  '<!-- reflect-lint-disable vague-standard -->',
  '<!-- reflect-lint-disable-next-line -->',
  '<!-- expect -->',
  '| a | b |\n|---|---|\n| good service | 07700 900123 |',
  'I asked open questions and summarised back (AC 1).',
  'Our SLA says within 2 working days, and we agreed by 4pm.',
  'I would give good service as soon as possible.',
  'Mrs Jane Smith rang on 07700 900456 from jane@example.com.',
  'This demonstrates my ability to listen.',
  'I checked the tracker the next day.',
  'I sent a survey and 9 out of 10 said yes.',
  'I recommended a change.',
  '😀 emoji 𝒳 surrogate pairs',
  '\r\n',
  '\n\n',
  '\t',
  '**bold *nested _emph_***',
  '[link](http://x "t")',
  '![img](a.png)',
  '<div>html</div>',
  'AC 1.2.3, AC4 and criterion 7',
  '    indented code',
  '\\*escaped\\*',
  '&amp; &#169;',
  '* * *',
];

const markdown = fc.oneof(
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...fragments), fc.string(), fc.string({ unit: 'grapheme' })),
        fc.constantFrom('\n', '\n\n', ' ', '', '\r\n', '\n  '),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.map(([text, sep]) => text + sep).join('')),
  fc.string({ unit: 'binary', maxLength: 400 }),
);

function inside(r: Range, lines: LineIndex, text: string) {
  const start = lines.offset(r.start);
  const end = lines.offset(r.end);
  assert.ok(r.start.line >= 0 && r.start.line < lines.lineCount, `start line ${r.start.line} outside`);
  assert.ok(r.end.line >= 0 && r.end.line < lines.lineCount, `end line ${r.end.line} outside`);
  assert.ok(r.start.character >= 0 && r.end.character >= 0);
  assert.ok(
    r.start.character <= lines.lineEnd(r.start.line) - lines.offset({ line: r.start.line, character: 0 }),
    'start character past line end',
  );
  assert.ok(
    r.end.character <= lines.lineEnd(r.end.line) - lines.offset({ line: r.end.line, character: 0 }),
    'end character past line end',
  );
  assert.ok(start <= end && end <= text.length, 'range reversed or past the end');
}

describe('analyze on arbitrary Markdown', () => {
  for (const rubric of [undefined, 'customer-relations', 'develop-relationships']) {
    it(`never throws and keeps every range inside the document (rubric ${rubric ?? 'none'})`, () => {
      fc.assert(
        fc.property(markdown, (text) => {
          const r = analyze(text, { rubric });
          const lines = new LineIndex(text);
          for (const f of r.findings) {
            inside(f.range, lines, text);
            for (const fix of f.fixes ?? []) for (const e of fix.edits) inside(e.range, lines, text);
          }
          for (const list of Object.values(r.stages)) for (const range of list) inside(range, lines, text);
          for (const p of r.paragraphs) inside(p.range, lines, text);
          for (const c of r.criteria) for (const p of c.paragraphs) assert.ok(p >= 0 && p < r.paragraphs.length);
        }),
        { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
      );
    });
  }
});
