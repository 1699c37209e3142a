/**
 * The account as the analyser sees it: front matter, sections by heading, blocks (paragraphs,
 * list items, headings, quotes, table cells), sentences and words, each with exact offsets into
 * the original text. Code, inline code, HTML comments, link URLs and front matter are not prose:
 * they are blanked out of `prose`, a copy of the text of the same length, so offsets never shift.
 */
import { parse, postprocess, preprocess } from 'micromark';
import { parse as parseYaml } from 'yaml';
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

/** A block as the Markdown gives it, before its words are read. */
export interface BlockPlace {
  kind: BlockKind;
  start: number;
  end: number;
  depth?: number;
  topLevel: boolean;
}

/** What the Markdown of an account says, before words and sentences: its blocks, its prose, its comments. */
export interface MarkdownLayout {
  /** In document order. */
  blocks: BlockPlace[];
  prose: string;
  comments: HtmlComment[];
  definitions: number;
}

/**
 * Tokens that make a node of their own in mdast (mdast-util-from-markdown's openers): the text that
 * follows one starts a new text node. The value says whether prose inside it is kept: 'inherit' as its
 * parent, 'never' for code, HTML, images, link destinations and definitions.
 */
const NODE_TOKENS: Record<string, 'inherit' | 'never'> = {
  emphasis: 'inherit',
  strong: 'inherit',
  link: 'inherit',
  autolink: 'inherit',
  label: 'inherit',
  codeText: 'never',
  image: 'never',
  htmlText: 'never',
  htmlFlow: 'never',
  codeFenced: 'never',
  codeIndented: 'never',
  definition: 'never',
  thematicBreak: 'never',
  hardBreakEscape: 'never',
  hardBreakTrailing: 'never',
  referenceString: 'never',
  resourceDestinationString: 'never',
  resourceTitleString: 'never',
};

/** Tokens whose text mdast makes a text node of (or adds to the last one). */
const DATA_OPENS = new Set(['data', 'characterEscape', 'characterReference', 'autolinkProtocol', 'autolinkEmail']);
const DATA_CLOSES = new Set([
  'data',
  'characterEscapeValue',
  'characterReference',
  'autolinkProtocol',
  'autolinkEmail',
]);

/** Nodes in which mdast keeps a line ending as text (its canContainEols, with the label's fragment). */
const HOLDS_LINE_ENDINGS = new Set(['paragraph', 'atxHeading', 'setextHeading', 'emphasis', 'strong', 'label']);

interface Frame {
  type: string;
  keep: boolean;
  /** The text node the frame's last child is, if it is one: [start, end]. */
  text: [number, number] | undefined;
}

/**
 * Reads micromark's events straight into blocks, prose and comments, as walking the mdast tree
 * remark-parse builds from the same events would (test/document.test.ts holds the two equal), without
 * building the tree: a text node is a run of data with no other node between, so the prose kept is
 * every such run inside a paragraph or heading (the text of a link's label included; code, HTML,
 * images and link destinations not). A paragraph whose second line is a table's delimiter row is a
 * table: its cells are blocks of their own.
 */
export function readMarkdown(text: string, source: string): MarkdownLayout {
  const events = postprocess(
    parse()
      .document()
      .write(preprocess()(source, undefined, true)),
  );
  const blocks: BlockPlace[] = [];
  const comments: HtmlComment[] = [];
  const kept: Array<[number, number]> = [];
  let definitions = 0;
  // Containers, for a block's kind: blockquotes and lists open around it.
  let quotes = 0;
  let lists = 0;
  const frames: Frame[] = [{ type: 'root', keep: false, text: undefined }];
  let top = frames[0];
  let atHardBreak = false;
  let setextSlurp = false;
  // Where the open paragraph's kept prose and comments began, for a paragraph that turns out to be a table.
  let paragraphKept = 0;
  let paragraphComments = 0;
  let heading: BlockPlace | undefined;
  let html: string[] | undefined;

  const close = (frame: Frame) => {
    if (frame.text && frame.keep && frame.text[1] > frame.text[0]) kept.push(frame.text);
    frame.text = undefined;
  };
  const open = (type: string, keep: boolean) => {
    close(top);
    top = { type, keep, text: undefined };
    frames.push(top);
  };
  const shut = () => {
    close(top);
    frames.pop();
    top = frames[frames.length - 1];
  };
  const data = (start: number) => {
    if (!top.text) top.text = [start, start];
  };

  for (let i = 0; i < events.length; i++) {
    const [phase, token, context] = events[i];
    const type = token.type as string;
    const start = token.start.offset;
    const end = token.end.offset;
    if (phase === 'enter') {
      if (DATA_OPENS.has(type)) {
        data(start);
        continue;
      }
      const keep = NODE_TOKENS[type];
      if (keep !== undefined) {
        open(type, keep === 'inherit' && top.keep);
        if (type === 'htmlFlow' || type === 'htmlText') html = [];
        continue;
      }
      switch (type) {
        case 'paragraph':
          open(type, true);
          paragraphKept = kept.length;
          paragraphComments = comments.length;
          break;
        case 'atxHeading':
        case 'setextHeading':
          open(type, true);
          heading = { kind: 'heading', start, end, topLevel: quotes === 0 && lists === 0 };
          break;
        case 'blockQuote':
          quotes++;
          break;
        case 'listOrdered':
        case 'listUnordered':
          lists++;
          break;
      }
      continue;
    }
    // Exit.
    if (DATA_CLOSES.has(type)) {
      if (top.text) top.text[1] = end;
      if (html && type === 'data') html.push(context.sliceSerialize(token));
      continue;
    }
    switch (type) {
      case 'htmlFlowData':
      case 'htmlTextData':
        html?.push(context.sliceSerialize(token));
        continue;
      case 'lineEnding':
        if (atHardBreak) atHardBreak = false;
        else if (html) html.push(context.sliceSerialize(token));
        else if (!setextSlurp && HOLDS_LINE_ENDINGS.has(top.type)) {
          data(start);
          top.text![1] = end;
        }
        continue;
      case 'hardBreakEscape':
      case 'hardBreakTrailing':
        atHardBreak = true;
        shut();
        continue;
      case 'htmlFlow':
      case 'htmlText': {
        // A comment counts where mdast's walk reaches it: anywhere in the flow, or in the text of a paragraph or heading.
        const reached = type === 'htmlFlow' || frames[frames.length - 2].keep;
        const m = reached ? /^<!--([\s\S]*?)-->/.exec(html!.join('')) : null;
        if (m) comments.push({ start, end, body: m[1].trim() });
        html = undefined;
        shut();
        continue;
      }
      case 'definition':
        definitions++;
        shut();
        continue;
      case 'atxHeadingSequence':
        if (heading && heading.depth === undefined) heading.depth = end - start;
        continue;
      case 'setextHeadingText':
        setextSlurp = true;
        continue;
      case 'setextHeadingLineSequence':
        if (heading) heading.depth = source.charCodeAt(start) === 61 ? 1 : 2;
        continue;
      case 'atxHeading':
      case 'setextHeading':
        setextSlurp = false;
        shut();
        if (heading) blocks.push(heading);
        heading = undefined;
        continue;
      case 'paragraph': {
        shut();
        const cells = tableCells(text, start, end);
        if (cells) {
          kept.length = paragraphKept;
          comments.length = paragraphComments;
          for (const [s, e] of cells) {
            kept.push([s, e]);
            blocks.push({ kind: 'table-cell', start: s, end: e, topLevel: false });
          }
        } else {
          const kind = quotes > 0 ? 'quote' : lists > 0 ? 'list-item' : 'paragraph';
          blocks.push({ kind, start, end, topLevel: quotes === 0 && lists === 0 });
        }
        continue;
      }
      case 'blockQuote':
        quotes--;
        continue;
      case 'listOrdered':
      case 'listUnordered':
        lists--;
        continue;
    }
    if (NODE_TOKENS[type] !== undefined) shut();
  }
  return { blocks, prose: buildProse(text, kept), comments, definitions };
}

/** The cells of a paragraph that is a GFM table (its second line a delimiter row), or undefined. */
function tableCells(text: string, s: number, e: number): Array<[number, number]> | undefined {
  const rows = text.slice(s, e).split('\n');
  if (rows.length < 2 || !rows[0].includes('|') || !TABLE_DELIMITER.test(rows[1].replace(/\r$/, ''))) return undefined;
  const cells: Array<[number, number]> = [];
  let at = s;
  rows.forEach((row, r) => {
    if (r !== 1) {
      // Cells are the stretches between pipes (a pipe after a backslash is text).
      const re = /(?:\\\||[^|])+/g;
      for (let m = re.exec(row); m; m = re.exec(row)) {
        const cellStart = at + m.index + (m[0].length - m[0].trimStart().length);
        const cellEnd = at + m.index + m[0].trimEnd().length;
        if (cellEnd > cellStart) cells.push([cellStart, cellEnd]);
      }
    }
    at += row.length + 1;
  });
  return cells;
}

export function parseAccount(text: string): AccountDocument {
  const lines = new LineIndex(text);
  let source = text;
  const fm = text.startsWith('---') ? FRONT_MATTER.exec(text) : null;
  if (fm && fm.index === 0) {
    source = blank(fm[0]) + text.slice(fm[0].length);
  }
  const layout = readMarkdown(text, source);
  const doc: AccountDocument = {
    text,
    lines,
    prose: layout.prose,
    blocks: [],
    paragraphs: [],
    sections: [],
    comments: layout.comments,
    sentences: [],
    definitions: layout.definitions,
  };
  if (fm && fm.index === 0) doc.frontMatter = readFrontMatter(text, 0, fm[0].replace(/\r?\n$/, '').length, fm[1]);

  let section = -1;
  const pending = layout.blocks;
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

/** A line `key: value` whose value YAML reads as that very string (no quotes, comments, flow or special words). */
const PLAIN_LINE = /^([A-Za-z][\w-]*):[ \t]+([A-Za-z][\w.-]*(?: [\w.-]+)*)[ \t]*$/;
/** Plain words YAML 1.2 (the core schema, yaml's default) reads as booleans or null rather than strings. */
const YAML_WORDS = /^(?:true|false|null)$/i;

/**
 * The front matter as `parseYaml` reads it, when every line is a plain `key: value` of strings with no
 * key twice (the usual `unit: customer-relations`); else undefined, and YAML reads it. It saves the YAML
 * parser's time on every account (and loading it at all, for most).
 */
export function plainFrontMatter(value: string): Record<string, string> | undefined {
  const data: Record<string, string> = {};
  for (const line of value.split('\n')) {
    const m = PLAIN_LINE.exec(line);
    if (!m || YAML_WORDS.test(m[1]) || YAML_WORDS.test(m[2]) || Object.hasOwn(data, m[1])) return undefined;
    data[m[1]] = m[2];
  }
  return data;
}

function readFrontMatter(text: string, start: number, end: number, value: string): FrontMatter {
  const bodyStart = text.indexOf('\n', start) + 1;
  let data: Record<string, unknown> = {};
  let error: string | undefined;
  try {
    const parsed: unknown = plainFrontMatter(value) ?? parseYaml(value);
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
