/**
 * Reads a unit document (plain text or Markdown) into lines, sections and fields, tolerant of how
 * centres keep them: a byte-order mark, Windows line endings, headings with `#`, in bold, numbered or
 * in any case, bullets `-` `*` `+` `•` or `1.`, items wrapped over several lines, Markdown tables.
 */
import sections from './sections.json' with { type: 'json' };

export type LineKind = 'heading' | 'item' | 'text' | 'row';

export interface Line {
  kind: LineKind;
  /** The words of the line, markers and emphasis taken off; wrapped continuations joined on. */
  text: string;
  /** 1-based line number in the document, for the report. */
  line: number;
  /** A Markdown heading's depth (1 for `#`); 0 for a heading without `#`. */
  depth?: number;
  /** A Markdown table row's cells. */
  cells?: string[];
  /** The line as written, trimmed (before wrapped lines were joined on). */
  raw?: string;
  /** The item was written with a bullet or number, not as a plain line. */
  marked?: boolean;
}

export type SectionKind = keyof typeof sections.kinds;

export interface Section {
  /** What the heading names, if it is one reflect-lint knows. */
  kind: SectionKind | undefined;
  heading: string;
  line: number;
  lines: Line[];
}

/** The document as sections: lines before the first heading form a section with an empty heading. */
export interface Layout {
  lines: Line[];
  sections: Section[];
}

// Pictographs ("💡") and stray symbols that some exported documents put before an item's words.
const LEADING_SYMBOLS = /^[\p{Extended_Pictographic}\p{So}\uFE0F\u200D\s]+/u;
const BULLET = /^(?:[-*+•●▪◦‣·–—]|\d{1,2}[.)](?![\d.])|\(\d{1,2}\)|\(?[a-z][.)])\s+(.*)$/u;
// A dotted criterion id that opens a line: "1.1 Describe…", "AC 1.2: Explain…", "1.1. Describe…".
export const DOTTED = /^(?:AC\s*)?(\d{1,2}(?:\.\d{1,2})+)\.?(?:\s*[:.)\-–—]\s*|\s+)(\S.*)$/iu;
// A learning outcome that opens a line: "Learning outcome 2: Understand…", "LO2 Know…", "Outcome 2 -".
export const OUTCOME = /^(?:learning\s+outcome|outcome|LO)\s*(\d{1,2})\b\s*[:.)\-–—]?\s*(.*)$/iu;

/** Emphasis and inline code marks taken off: what the words say. */
export function plain(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|\s)[*_](\S)/g, '$1$2')
    .replace(/(\S)[*_](?=\s|[.,;:!?)]|$)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(LEADING_SYMBOLS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Heading words compared without case, numbering, punctuation or "&" against "and". */
export function headingKey(text: string): string {
  return plain(text)
    .toLowerCase()
    .replace(/^(?:section|part)\s+\d+\s*[:.\-–]?\s*/, '')
    .replace(/^\d{1,2}(?:\.\d{1,2})*[.):]?\s+/, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const KINDS = Object.entries(sections.kinds) as Array<[SectionKind, string[]]>;

/** The kind of section a heading names, or undefined. */
export function sectionKind(heading: string): SectionKind | undefined {
  const key = headingKey(heading);
  if (!key) return undefined;
  for (const [kind, names] of KINDS) if (names.includes(key)) return kind;
  return undefined;
}

/**
 * A plain line that stands as a heading without `#`: a short line in Title Case (every longer word
 * capitalised) or capitals, with no full stop, such as "Frequently Asked Questions".
 */
function looksLikeHeading(text: string): boolean {
  if (text.length > 60 || /[.,;]$/.test(text)) return false;
  const ws = text.replace(/[?:]$/, '').split(/\s+/);
  if (ws.length > 6 || !/^\p{Lu}/u.test(ws[0])) return false;
  return ws.every((w) => w.length < 4 || /^[\p{Lu}\d(]/u.test(w));
}

function cellsOf(row: string): string[] {
  const inner = row.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

/** Splits the document into classified lines, joining wrapped lines to the item or paragraph they continue. */
export function readLines(source: string): Line[] {
  const text = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00A0]/g, ' ');
  const out: Line[] = [];
  // The line the next plain line may continue (an item or a paragraph), until a blank line.
  let open: Line | undefined;
  let openIndent = 0;
  let inFence = false;
  let inComment = false;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    let trimmed = raw.trim();
    // HTML comments hold notes, not the unit's words.
    if (inComment || trimmed.startsWith('<!--')) {
      inComment = !trimmed.includes('-->');
      trimmed = trimmed.replace(/^.*-->/, '').trim();
      if (inComment || !trimmed) return;
    }
    if (/^(?:```|~~~)/.test(trimmed)) {
      inFence = !inFence;
      open = undefined;
      return;
    }
    if (!trimmed || /^(?:-{3,}|\*{3,}|_{3,}|={3,})$/.test(trimmed)) {
      open = undefined;
      return;
    }
    const md = /^(#{1,6})\s+(.*?)\s*#*$/.exec(trimmed);
    if (md) {
      out.push({ kind: 'heading', text: plain(md[2]), line, depth: md[1].length });
      open = undefined;
      return;
    }
    if (trimmed.startsWith('|') || (inFence === false && /^[^|]+\|[^|]+\|/.test(trimmed) && trimmed.includes(' | '))) {
      const cells = cellsOf(trimmed);
      open = undefined;
      if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) return; // the header's underline
      out.push({ kind: 'row', text: cells.map(plain).join(' | '), cells: cells.map(plain), line });
      return;
    }
    const bold = /^(?:\*\*|__)(.+?)(?:\*\*|__):?$/.exec(trimmed);
    const bullet = BULLET.exec(trimmed);
    const words = plain(bullet ? bullet[1] : trimmed);
    if (!words) return;
    // A numbered or bold line naming a known section is a heading, not an item.
    if (sectionKind(words) && (bold || !bullet || /^\d/.test(trimmed))) {
      out.push({ kind: 'heading', text: words.replace(/:$/, ''), line });
      open = undefined;
      return;
    }
    if (bullet || DOTTED.test(words) || OUTCOME.test(words)) {
      const item: Line = { kind: 'item', text: words, line, raw: trimmed, marked: Boolean(bullet) };
      out.push(item);
      open = item;
      openIndent = raw.length - raw.trimStart().length;
      return;
    }
    if (bold || (!open && looksLikeHeading(words))) {
      out.push({ kind: 'heading', text: words.replace(/:$/, ''), line });
      open = undefined;
      return;
    }
    // A wrapped line: indented under the item it continues, or going on in lower case, or after a
    // long line that stopped mid-sentence. A short line after a short line is a line of its own, and
    // so is a labelled fact ("Level: 2") after a long one ("Awarding body: … (centre-devised unit)").
    const indent = raw.length - raw.trimStart().length;
    if (
      open &&
      !labelledFact(words) &&
      (indent > openIndent || /^\p{Ll}/u.test(words) || (open.text.length > 60 && !/[.!?:]$/.test(open.text)))
    ) {
      open.text = `${open.text} ${words}`;
      return;
    }
    const para: Line = { kind: 'text', text: words, line };
    out.push(para);
    open = para;
    openIndent = indent;
  });
  return out;
}

export function readLayout(source: string): Layout {
  const lines = readLines(source);
  const out: Section[] = [{ kind: undefined, heading: '', line: 0, lines: [] }];
  for (const l of lines) {
    if (l.kind === 'heading') out.push({ kind: sectionKind(l.text), heading: l.text, line: l.line, lines: [] });
    else out[out.length - 1].lines.push(l);
  }
  return { lines, sections: out };
}

/** The unit's labelled facts ("Level: 3", "| Credit value | 4 |"), by field name. */
export interface Fields {
  title?: string;
  level?: string;
  credits?: string;
  hours?: string;
  reference?: string;
  awardingBody?: string;
  qualification?: string;
  aim?: string;
}

const FIELDS = Object.entries(sections.fields) as Array<[keyof Fields, string[]]>;

function fieldOf(label: string): keyof Fields | undefined {
  const key = headingKey(label);
  for (const [field, names] of FIELDS) if (names.includes(key)) return field;
  return undefined;
}

const LABELLED = /^([\p{L} ()]{2,40}?)\s*(?::|\s[-–—]\s)\s*(.+)$/u;

/** A line giving one of the unit's facts ("Level: 2"): the field and its value. */
function labelledFact(text: string): [keyof Fields, string] | undefined {
  const m = LABELLED.exec(text);
  const f = m && fieldOf(m[1]);
  return f ? [f, m[2].trim()] : undefined;
}

export function readFields(layout: Layout): Fields {
  const out: Fields = {};
  const set = (f: keyof Fields | undefined, value: string) => {
    const v = value.trim();
    if (f && v && out[f] === undefined) out[f] = v;
  };
  for (const l of layout.lines) {
    if (l.kind === 'row' && l.cells && l.cells.length >= 2) {
      set(fieldOf(l.cells[0]), l.cells.slice(1).filter(Boolean).join(' '));
      continue;
    }
    const fact = labelledFact(l.text);
    if (fact) set(...fact);
  }
  return out;
}
