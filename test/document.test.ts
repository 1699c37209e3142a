/**
 * The document model is read from micromark's events (src/core/document.ts readMarkdown). Here it is held
 * equal to a walk of the mdast tree remark-parse builds from the same text, the way the model was built
 * before: the same blocks, prose, comments and definitions, on every account of the repository and on
 * generated Markdown that mixes every construct of CommonMark.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { readMarkdown, type BlockPlace, type HtmlComment, type MarkdownLayout } from '../src/core/document.js';

const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const parser = unified().use(remarkParse);

/** The mdast walk: text nodes are prose, code, HTML, images and link destinations are not. */
function fromMdast(text: string): MarkdownLayout {
  const tree = parser.parse(text) as Root;
  const kept: Array<[number, number]> = [];
  const blocks: BlockPlace[] = [];
  const comments: HtmlComment[] = [];
  let definitions = 0;
  const copy = (start: number, end: number) => {
    if (end > start) kept.push([start, end]);
  };
  const comment = (node: Nodes) => {
    if (node.type !== 'html' || !node.position) return;
    const m = /^<!--([\s\S]*?)-->/.exec(node.value);
    if (m) comments.push({ start: node.position.start.offset!, end: node.position.end.offset!, body: m[1].trim() });
  };
  const inline = (node: Nodes) => {
    if (node.type === 'text') copy(node.position!.start.offset!, node.position!.end.offset!);
    else if (node.type === 'html') comment(node);
    else if (['inlineCode', 'image', 'imageReference', 'break'].includes(node.type)) return;
    else if ('children' in node) for (const child of (node as Parent).children) inline(child as Nodes);
  };
  const add = (node: Nodes, kind: BlockPlace['kind'], topLevel: boolean, depth?: number) => {
    inline(node);
    blocks.push({ kind, start: node.position!.start.offset!, end: node.position!.end.offset!, depth, topLevel });
  };
  const table = (node: Nodes): boolean => {
    const s = node.position!.start.offset!;
    const rows = text.slice(s, node.position!.end.offset!).split('\n');
    if (rows.length < 2 || !rows[0].includes('|') || !TABLE_DELIMITER.test(rows[1].replace(/\r$/, ''))) return false;
    let at = s;
    rows.forEach((row, r) => {
      if (r !== 1) {
        const re = /(?:\\\||[^|])+/g;
        for (let m = re.exec(row); m; m = re.exec(row)) {
          const cellStart = at + m.index + (m[0].length - m[0].trimStart().length);
          const cellEnd = at + m.index + m[0].trimEnd().length;
          if (cellEnd <= cellStart) continue;
          copy(cellStart, cellEnd);
          blocks.push({ kind: 'table-cell', start: cellStart, end: cellEnd, topLevel: false });
        }
      }
      at += row.length + 1;
    });
    return true;
  };
  const walk = (node: RootContent, context: 'root' | 'list' | 'quote') => {
    if (node.type === 'heading') add(node, 'heading', context === 'root', node.depth);
    else if (node.type === 'paragraph') {
      if (!table(node))
        add(node, context === 'root' ? 'paragraph' : context === 'list' ? 'list-item' : 'quote', context === 'root');
    } else if (node.type === 'html') comment(node);
    else if (node.type === 'list' || node.type === 'listItem')
      for (const child of node.children) walk(child as RootContent, context === 'quote' ? 'quote' : 'list');
    else if (node.type === 'blockquote') for (const child of node.children) walk(child, 'quote');
    else if (node.type === 'definition') definitions++;
  };
  for (const child of tree.children) walk(child, 'root');
  kept.sort((a, b) => a[0] - b[0]);
  const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');
  let prose = '';
  let at = 0;
  for (const [start, end] of kept) {
    if (start < at) continue;
    prose += blank(text.slice(at, start)) + text.slice(start, end);
    at = end;
  }
  prose += blank(text.slice(at));
  return { blocks, prose, comments, definitions };
}

function same(text: string) {
  const mine = readMarkdown(text, text);
  const theirs = fromMdast(text);
  const byStart = (list: BlockPlace[]) =>
    [...list].sort((a, b) => a.start - b.start).map((b) => ({ ...b, depth: b.depth ?? 0 }));
  assert.deepEqual(byStart(mine.blocks), byStart(theirs.blocks), `blocks of ${JSON.stringify(text)}`);
  assert.equal(mine.prose, theirs.prose, `prose of ${JSON.stringify(text)}`);
  assert.deepEqual(mine.comments, theirs.comments, `comments of ${JSON.stringify(text)}`);
  assert.equal(mine.definitions, theirs.definitions, `definitions of ${JSON.stringify(text)}`);
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? markdownFiles(path) : f.endsWith('.md') ? [path] : [];
  });
}

const pieces = [
  '# Title',
  '## Closing #',
  'Setext\n===',
  'Two line\nsetext\n---',
  '- item',
  '* item\n  continued',
  '1. numbered\n2. second',
  '- [link](http://x) in a list\n\n  second paragraph',
  '> quoted',
  '> quoted\ncontinued lazily',
  '> - list in a quote\n>   more',
  '- > quote in a list',
  '```\ncode\n```',
  '~~~js\nfenced\n~~~',
  '    indented code',
  '`code span`',
  '``two `ticks` ``',
  '<!-- a comment -->',
  '<!--\nmulti-line\ncomment -->',
  '> <!-- comment in a quote\n> still -->',
  'text <!-- inline comment --> more',
  '<div>\nhtml block\n</div>',
  'inline <span>html</span> here',
  '[label](http://example.com "title")',
  '[multi\nline label](url)',
  '[full][ref]',
  '[ref]',
  '[collapsed][]',
  '[ref]: http://example.com "Title"',
  '![alt *text*](img.png)',
  '![ref]',
  '<http://autolink.example>',
  '<someone@example.com>',
  '*emphasis* and **strong** and ***both***',
  '_under_ __score__',
  'hard break  \nnext line',
  'escape break\\\nnext line',
  '\\*not emphasis\\* \\[not a link\\]',
  '&amp; &copy; &#169; &#xA9; &nosuch;',
  '| a | b |\n|---|:-:|\n| c \\| d | e |',
  '| not | a table',
  '***',
  '- - -',
  'text\twith\ttabs',
  '\ttab indented',
  '  two spaces',
  '1) other list',
  '+ plus list\n\n+ loose',
  'A sentence. Another one!',
  'trailing spaces   ',
  'é ü — “quotes” 😀',
];

const generated = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pieces) }, fc.string({ maxLength: 12 })),
      fc.constantFrom('\n', '\n\n', ' ', '', '\r\n', '\n  ', '\n> ', '\n- ', '\n\t'),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.map(([p, sep]) => p + sep).join(''));

describe('document model from micromark events', () => {
  it('equals the mdast walk on every Markdown file of the repository', () => {
    const files = [
      ...markdownFiles(join(import.meta.dirname)),
      ...markdownFiles(join(import.meta.dirname, '..', 'examples')),
    ];
    assert.ok(files.length > 50);
    for (const f of files) same(readFileSync(f, 'utf8'));
  });

  it('equals the mdast walk on generated Markdown of every construct', () => {
    fc.assert(
      fc.property(generated, (text) => same(text)),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 3000) },
    );
  });

  it('equals the mdast walk on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => same(text)),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1000) },
    );
  });
});
