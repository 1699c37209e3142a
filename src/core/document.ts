/**
 * The account as the analyser sees it: front matter, sections by heading, blocks (paragraphs,
 * list items, headings, quotes, table cells), sentences and words, each with exact offsets into
 * the original text. Code, inline code, HTML comments, link URLs and front matter are not prose:
 * they are blanked out of `prose`, a copy of the text of the same length, so offsets never shift.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { parse as parseYaml } from 'yaml';
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { LineIndex } from './positions.js';
import { words, type Word } from './words.js';

export type BlockKind = 'paragraph' | 'list-item' | 'heading' | 'quote' | 'table-cell';

export interface Sentence {
  start: number;
  end: number;
  words: Word[];
  block: Block;
}

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading depth, for headings. */
  depth?: number;
  sentences: Sentence[];
  words: Word[];
  /** Index into `sections`; -1 before the first heading. */
  section: number;
  /** Index into `paragraphs`, for top-level prose paragraphs; otherwise -1. */
  paragraph: number;
}

export interface Section {
  heading: Block;
  depth: number;
  title: string;
  start: number;
  end: number;
}

export interface FrontMatter {
  start: number;
  end: number;
  data: Record<string, unknown>;
  /** Set when the YAML could not be read. */
  error?: string;
  /** Offsets of a value by key, for findings and edits. */
  valueRange(key: string): { start: number; end: number } | undefined;
}

export interface HtmlComment {
  start: number;
  end: number;
  body: string;
}

export interface AccountDocument {
  text: string;
  lines: LineIndex;
  /** The text with everything that is not prose replaced by spaces (line breaks kept). */
  prose: string;
  frontMatter?: FrontMatter;
  blocks: Block[];
  /** Top-level prose paragraphs, in order (the `paragraphs` of the JSON output). */
  paragraphs: Block[];
  sections: Section[];
  comments: HtmlComment[];
  sentences: Sentence[];
  /** How many link reference definitions ("[label]: url") the account holds: they decide how brackets elsewhere read. */
  definitions: number;
}

let processor: Processor<Root> | undefined;

/**
 * Plain remark-parse only. Front matter is found here and blanked before parsing, and GFM tables
 * are recognised from their delimiter row below: remark-frontmatter and remark-gfm would do the
 * same but double the parse time of every account.
 */
function parser(): Processor<Root> {
  processor ??= unified().use(remarkParse).freeze() as unknown as Processor<Root>;
  return processor;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'st',
  'e.g',
  'eg',
  'i.e',
  'ie',
  'etc',
  'no',
  'approx',
  'vs',
  'ref',
  'tel',
  'dept',
  'prof',
  'ave',
  'rd',
]);

export function parseAccount(text: string): AccountDocument {
  const lines = new LineIndex(text);
  let source = text;
  const fm = text.startsWith('---') ? FRONT_MATTER.exec(text) : null;
  if (fm && fm.index === 0) {
    source = blank(fm[0]) + text.slice(fm[0].length);
  }
  const tree = parser().parse(source) as Root;
  // Prose is built from the stretches of text that are prose, with blanks (line breaks kept) between.
  const kept: Array<[number, number]> = [];
  const doc: AccountDocument = {
    text,
    lines,
    prose: '',
    blocks: [],
    paragraphs: [],
    sections: [],
    comments: [],
    sentences: [],
    definitions: 0,
  };
  const pending: Array<{ kind: BlockKind; start: number; end: number; depth?: number; topLevel: boolean }> = [];

  const copy = (start: number, end: number) => {
    if (end > start) kept.push([start, end]);
  };
  const inline = (node: Nodes) => {
    switch (node.type) {
      case 'text': {
        const s = node.position?.start.offset;
        const e = node.position?.end.offset;
        if (s !== undefined && e !== undefined) copy(s, e);
        return;
      }
      case 'html':
        comment(node);
        return;
      case 'inlineCode':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
      case 'break':
        return;
      default:
        if ('children' in node) for (const child of (node as Parent).children) inline(child as Nodes);
    }
  };
  const comment = (node: Nodes) => {
    if (node.type !== 'html' || !node.position) return;
    const m = /^<!--([\s\S]*?)-->/.exec(node.value);
    if (m) doc.comments.push({ start: node.position.start.offset!, end: node.position.end.offset!, body: m[1].trim() });
  };
  const addBlock = (node: Nodes, kind: BlockKind, topLevel: boolean, depth?: number) => {
    if (!node.position) return;
    inline(node);
    pending.push({ kind, start: node.position.start.offset!, end: node.position.end.offset!, depth, topLevel });
  };
  if (fm && fm.index === 0) doc.frontMatter = readFrontMatter(text, 0, fm[0].replace(/\r?\n$/, '').length, fm[1]);
  const table = (node: Nodes): boolean => {
    const s = node.position!.start.offset!;
    const e = node.position!.end.offset!;
    const rows = text.slice(s, e).split('\n');
    if (rows.length < 2 || !rows[0].includes('|') || !TABLE_DELIMITER.test(rows[1].replace(/\r$/, ''))) return false;
    let at = s;
    rows.forEach((row, r) => {
      if (r !== 1) {
        // Cells are the stretches between pipes (a pipe after a backslash is text).
        const re = /(?:\\\||[^|])+/g;
        for (let m = re.exec(row); m; m = re.exec(row)) {
          const cellStart = at + m.index + (m[0].length - m[0].trimStart().length);
          const cellEnd = at + m.index + m[0].trimEnd().length;
          if (cellEnd <= cellStart) continue;
          copy(cellStart, cellEnd);
          pending.push({ kind: 'table-cell', start: cellStart, end: cellEnd, topLevel: false });
        }
      }
      at += row.length + 1;
    });
    return true;
  };
  const walk = (node: RootContent, context: 'root' | 'list' | 'quote') => {
    switch (node.type) {
      case 'heading':
        addBlock(node, 'heading', context === 'root', node.depth);
        return;
      case 'paragraph':
        if (table(node)) return;
        addBlock(
          node,
          context === 'root' ? 'paragraph' : context === 'list' ? 'list-item' : 'quote',
          context === 'root',
        );
        return;
      case 'html':
        comment(node);
        return;
      case 'list':
      case 'listItem':
        for (const child of node.children) walk(child as RootContent, context === 'quote' ? 'quote' : 'list');
        return;
      case 'blockquote':
        for (const child of node.children) walk(child, 'quote');
        return;
      case 'definition':
        doc.definitions++;
        return;
      case 'code':
      case 'thematicBreak':
        return;
      default:
        if ('children' in node) for (const child of (node as Parent).children) walk(child as RootContent, context);
    }
  };
  for (const child of tree.children) walk(child, 'root');
  doc.prose = buildProse(text, kept);

  let section = -1;
  pending.sort((a, b) => a.start - b.start);
  for (const p of pending) {
    const block: Block = {
      kind: p.kind,
      start: p.start,
      end: p.end,
      depth: p.depth,
      sentences: [],
      words: [],
      section,
      paragraph: -1,
    };
    if (p.kind === 'heading') {
      section = doc.sections.length;
      block.section = section;
      const title = doc.prose.slice(p.start, p.end).replace(/\s+/g, ' ').trim();
      doc.sections.push({ heading: block, depth: p.depth ?? 1, title, start: p.start, end: text.length });
      if (section > 0) doc.sections[section - 1].end = p.start;
    }
    if (p.kind === 'paragraph' && p.topLevel) {
      block.paragraph = doc.paragraphs.length;
      doc.paragraphs.push(block);
    }
    readBlock(doc.prose, block);
    doc.blocks.push(block);
    for (const s of block.sentences) doc.sentences.push(s);
  }
  return doc;
}

function buildProse(text: string, kept: Array<[number, number]>): string {
  kept.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of kept) {
    if (start < at) continue;
    if (start > at) parts.push(blank(text.slice(at, start)));
    parts.push(text.slice(start, end));
    at = end;
  }
  if (at < text.length) parts.push(blank(text.slice(at)));
  return parts.join('');
}

/** Fills in a block's words and sentences from the account's prose. */
export function readBlock(prose: string, block: Block): void {
  block.words = words(prose.slice(block.start, block.end), block.start);
  block.sentences = splitSentences(prose, block);
}

function splitSentences(prose: string, block: Block): Sentence[] {
  const out: Sentence[] = [];
  const ws = block.words;
  let first = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    const next = ws[i + 1];
    const between = prose.slice(w.end, next ? next.start : block.end);
    const stop = /^[)"'’”]*[.!?]/.test(between) || /^[^\n]*\n\s*\n/.test(between);
    if (!next || (stop && !ABBREVIATIONS.has(w.lower) && !/^[a-z]$/.test(w.lower))) {
      // A sentence ends at the final punctuation (and closing quote) after its last word.
      const tail = /^[)"'’”]*[.!?]+[)"'’”]*/.exec(between);
      const end = w.end + (tail ? tail[0].length : 0);
      const start = ws[first].start;
      out.push({ start, end, words: ws.slice(first, i + 1), block });
      first = i + 1;
    }
  }
  return out;
}

function readFrontMatter(text: string, start: number, end: number, value: string): FrontMatter {
  const bodyStart = text.indexOf('\n', start) + 1;
  let data: Record<string, unknown> = {};
  let error: string | undefined;
  try {
    const parsed: unknown = parseYaml(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
    else if (parsed != null) error = 'the front matter is not a list of "key: value" lines';
  } catch (e) {
    error = `the front matter is not valid YAML (${(e as Error).message.split('\n')[0]})`;
  }
  return {
    start,
    end,
    data,
    error,
    valueRange(key: string) {
      const re = new RegExp(`^${key}[ \\t]*:[ \\t]*(.*?)[ \\t]*$`, 'm');
      const m = re.exec(value);
      if (!m) return undefined;
      const lineStart = bodyStart + m.index;
      const valueStart =
        lineStart +
        m[0].indexOf(':') +
        1 +
        (m[0].slice(m[0].indexOf(':') + 1).length - m[0].slice(m[0].indexOf(':') + 1).trimStart().length);
      return { start: valueStart, end: valueStart + m[1].length };
    },
  };
}
