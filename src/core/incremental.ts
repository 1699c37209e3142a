/**
 * Incremental analysis. A host keeps an AccountSession per open document and gives it each new text
 * (`update`) or the editor's changes (`applyEdits`). It returns exactly what analyzeAccount returns
 * for that text and those options, but does again only what the edit touches:
 *
 * - The text is parsed again only in the block the edit falls in, when the block stays one block of
 *   the same kind that starts the same way (no heading, list item, quote, fence, table row, HTML,
 *   thematic break, setext underline or blank line added or removed; see `patch`): the block's lines
 *   are parsed on their own and the blocks after it are shifted. Anything else parses the whole text.
 * - What the analyser works out per block is kept, keyed by the block's kind and its prose (its
 *   source text as the parse reads it; offsets are never part of it): each sentence's reading and
 *   facts (statements.ts, the block's present-tense-story flag included), its stages (stages.ts), the
 *   rubric's phrase scan, and each paragraph's ranking, keyed also by the stages it was given.
 * - Everything account-wide (examples, stages, criteria, rubric checks, every rule's findings) is
 *   worked out again from those on every update. Nothing is keyed by the whole text.
 */
import { analyseDocument, rankContent, type AccountAnalysis, type Reuse } from './analyze.js';
import { contentWords } from './claims.js';
import {
  parseAccount,
  readBlock,
  type AccountDocument,
  type Block,
  type HtmlComment,
  type Section,
  type Sentence,
} from './document.js';
import { LineIndex } from './positions.js';
import type { CriterionRanker, RankedCriterion } from './ranking.js';
import { Statements, type SentenceFacts } from './statements.js';
import { STAGES, type AnalyzeOptions, type Range } from './types.js';
import type { Word } from './words.js';

export type { AccountAnalysis } from './analyze.js';

/** A change as LSP's didChange sends it: a range of the text before it and its new text, or a whole new text. */
export interface ContentChange {
  range?: Range;
  text: string;
}

/** How the last update read the text: one block parsed again, the whole text, or no change. */
export type UpdateKind = 'block' | 'full' | 'unchanged';

/** What the analyser has worked out for one block's content, wherever that block stands. */
interface Entry {
  readonly id: number;
  /** The update that last used it; entries unused for two updates are dropped. */
  used: number;
  /** Work on the whole block, by key (RuleContext.keep). */
  readonly block: Map<object, unknown>;
  /** Work on each sentence, by the sentence's index in the block, then by key. */
  readonly sentences: Array<Map<object, unknown>>;
}

/** Keys of the work this file keeps itself. */
const FACTS = {};
const CONTENT = {};

/** Where each block and sentence of one document keeps its work: RuleContext.keep over the entries. */
class Slots {
  private readonly bySentence = new Map<Sentence, Map<object, unknown>>();

  constructor(private readonly entries: Map<Block, Entry>) {
    for (const [block, entry] of entries) {
      const { sentences } = block;
      for (let i = 0; i < sentences.length; i++) this.bySentence.set(sentences[i], (entry.sentences[i] ??= new Map()));
    }
  }

  entry(block: Block): Entry {
    return this.entries.get(block)!;
  }

  readonly keep = <T>(key: object, at: Sentence | Block, compute: () => T): T => {
    const kept = 'kind' in at ? this.entries.get(at)!.block : this.bySentence.get(at)!;
    let value = kept.get(key) as T | undefined;
    if (value === undefined) kept.set(key, (value = compute()));
    return value;
  };
}

/** Statements (statements.ts) that keep each sentence's facts with its block. */
class KeptStatements extends Statements {
  constructor(
    prose: string,
    private readonly slots: Slots,
  ) {
    super(prose);
  }

  private readonly known = new Map<Sentence, SentenceFacts>();

  override of(s: Sentence): SentenceFacts {
    let facts = this.known.get(s);
    if (!facts) this.known.set(s, (facts = this.slots.keep(FACTS, s, () => super.of(s))));
    return facts;
  }
}

const BLANK_LINE = /^[ \t]*$/;
/**
 * A line that remark reads as nothing but paragraph text wherever a top-level paragraph holds it: it
 * starts with a letter, digit, quotation mark or bracket (not a list number), holds no character that
 * opens inline syntax (\ ` * _ [ ] < > ! & ~), no table pipe, no tab, and does not end in white space.
 */
const PLAIN_LINE = /^(?!\d{1,9}[.)](?:[ \t]|$))[\p{L}\p{N}"'“‘(][^\\`*_[\]<>!&~|\t\r\n]*(?<![ \t])$/u;
const LINE_BREAK = /\r\n|\r|\n/;

/** Whether every line of a text is a PLAIN_LINE. */
export function plainLines(text: string): boolean {
  return text.split(LINE_BREAK).every((line) => PLAIN_LINE.test(line));
}

/** Whether some line of a text holds nothing but spaces and tabs. */
function hasBlankLine(text: string): boolean {
  return text.split(LINE_BREAK).some((line) => BLANK_LINE.test(line));
}

/** A word moved by `d`, its fields in the order words() gives them. */
function shiftWord(w: Word, d: number): Word {
  return {
    text: w.text,
    lower: w.lower,
    stem: w.stem,
    num: w.num,
    lex: w.lex,
    start: w.start + d,
    end: w.end + d,
    gap: w.gap,
  };
}

/** A copy of a block (its sentences and words) moved by `d`. */
function shiftBlock(b: Block, d: number): Block {
  const words = b.words.map((w) => shiftWord(w, d));
  const block: Block = {
    kind: b.kind,
    start: b.start + d,
    end: b.end + d,
    depth: b.depth,
    sentences: [],
    words,
    section: b.section,
    paragraph: b.paragraph,
  };
  let at = 0;
  // Sentences split a block's words in order, each word in one sentence.
  for (const s of b.sentences) {
    const n = s.words.length;
    block.sentences.push({ start: s.start + d, end: s.end + d, words: words.slice(at, at + n), block });
    at += n;
  }
  return block;
}

/** Moves a freshly parsed block (sentences and words) by `d`, in place. */
function moveBlock(b: Block, d: number): void {
  b.start += d;
  b.end += d;
  for (const w of b.words) {
    w.start += d;
    w.end += d;
  }
  for (const s of b.sentences) {
    s.start += d;
    s.end += d;
  }
}

/** Whether two parses read a block alike: kind, depth, top-level paragraph or not. */
function sameKind(a: Block, b: Block): boolean {
  return a.kind === b.kind && a.depth === b.depth && a.paragraph >= 0 === b.paragraph >= 0;
}

/**
 * A block's lines parsed on their own, if they read as that one block and nothing else: no front
 * matter, no link definition, no comment outside the block, nothing after it on its last line.
 */
function alone(lines: string): { doc: AccountDocument; block: Block } | undefined {
  const doc = parseAccount(lines);
  if (doc.blocks.length !== 1 || doc.definitions || doc.frontMatter) return undefined;
  const block = doc.blocks[0];
  if (!BLANK_LINE.test(lines.slice(block.end))) return undefined;
  if (doc.comments.some((c) => c.start < block.start || c.end > block.end)) return undefined;
  return { doc, block };
}

const CHUNK = 512;

/**
 * How many characters two texts share at their start (p) and, short of those, at their end (q).
 * Compared a chunk at a time first (string comparison is native), then a character at a time.
 */
function window(a: string, b: string): { p: number; q: number } {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p + CHUNK <= max && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  while (
    q + CHUNK <= max - p &&
    a.slice(a.length - q - CHUNK, a.length - q) === b.slice(b.length - q - CHUNK, b.length - q)
  )
    q += CHUNK;
  while (q < max - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  return { p, q };
}

interface Patched {
  doc: AccountDocument;
  /** The block parsed again, and its index. */
  block: Block;
  index: number;
}

/**
 * The account after an edit, parsed again only in the block the edit falls in, or undefined when
 * the whole text must be parsed. The block's lines (with any container prefix: "- ", "> ", "## ")
 * are parsed on their own, and that stands for the whole parse when:
 *
 * - the edit lies within the lines of one block, after its container prefix, and no other block
 *   shares those lines (a table row's cells do: a table is parsed again whole);
 * - those lines, before the edit, parse on their own to exactly that block with the same prose and
 *   comments (so no container before them reads them differently: a list item's second paragraph
 *   parses on its own as a plain paragraph and fails);
 * - after the edit they parse on their own to one block of the same kind and depth starting at the
 *   same column (a top-level paragraph: or at column 0 or 1), ending on the last line, with no blank line: so nothing opened or closed inside
 *   them (a fence, a quote, a list item, HTML, a setext underline, a thematic break) can change how
 *   the lines before or after read;
 * - the account holds no link definition (a "[label]: url" elsewhere changes how brackets read) and
 *   the edit leaves its front matter alone.
 */
function patch(old: AccountDocument, text: string, checked?: Block): Patched | undefined {
  const before = old.text;
  const fm = old.frontMatter;
  if (old.definitions) return undefined;
  // An opening fence with no closing one yet: a "---" or "..." line typed anywhere would close it.
  if (!fm && (before.startsWith('---') || text.startsWith('---'))) return undefined;

  // The window that changed: [p, oldEnd) of the old text, [p, oldEnd + delta) of the new.
  const { p, q } = window(before, text);
  const oldEnd = before.length - q;
  const delta = text.length - before.length;
  if (fm && p <= fm.end) return undefined;

  const { lines, blocks } = old;
  const from = lines.offset({ line: lines.position(p).line, character: 0 });
  const to = lines.lineEnd(lines.position(oldEnd).line);
  // The first block ending at or after the window's first line (blocks do not nest, so their ends are in order).
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].end < from) lo = mid + 1;
    else hi = mid;
  }
  const k = lo;
  const block = blocks[k];
  if (!block || block.start > to) return undefined;
  const start = lines.offset({ line: lines.position(block.start).line, character: 0 });
  const end = lines.lineEnd(lines.position(block.end).line);
  if (start > from || end < to || p < block.start || oldEnd > end) return undefined;
  if ((k > 0 && blocks[k - 1].end >= start) || (k + 1 < blocks.length && blocks[k + 1].start <= end)) return undefined;
  if (old.comments.some((c) => c.start < end && c.end > start && (c.start < block.start || c.end > block.end)))
    return undefined;

  const oldLines = before.slice(start, end);
  const newLines = text.slice(start, end + delta);
  // Lines starting "---" parse on their own as front matter; a blank line splits the block.
  if (
    (start > 0 && (oldLines.startsWith('---') || newLines.startsWith('---'))) ||
    hasBlankLine(newLines) ||
    hasBlankLine(oldLines)
  )
    return undefined;

  // The block's lines before the edit read alone as they read in the account. Skipped for the block
  // the last update parsed this way (it was checked then), and for a paragraph at the top level, which
  // no container holds: each of its lines went on the paragraph in the account, and would alone.
  if (block !== checked && block.kind !== 'paragraph') {
    const was = alone(oldLines);
    if (
      !was ||
      !sameKind(was.block, block) ||
      was.block.start + start !== block.start ||
      was.block.end + start !== block.end
    )
      return undefined;
    if (was.doc.prose !== old.prose.slice(start, end)) return undefined;
    const comments = old.comments.filter((c) => c.start >= start && c.start < end);
    if (
      comments.length !== was.doc.comments.length ||
      comments.some(
        (c, i) =>
          c.start !== was.doc.comments[i].start + start ||
          c.end !== was.doc.comments[i].end + start ||
          c.body !== was.doc.comments[i].body,
      )
    )
      return undefined;
  }
  let nb: Block;
  let prose: string;
  let found: HtmlComment[];
  if (block.kind === 'paragraph' && plainLines(newLines)) {
    // Plain lines (the common case of typing): one paragraph over them all, its prose their text, with
    // no parse at all (test/incremental.test.ts holds plainLines to remark's reading).
    nb = {
      kind: 'paragraph',
      start,
      end: end + delta,
      depth: undefined,
      sentences: [],
      words: [],
      section: block.section,
      paragraph: block.paragraph,
    };
    prose = old.prose.slice(0, start) + newLines + old.prose.slice(end);
    readBlock(prose, nb);
    found = [];
  } else {
    const now = alone(newLines);
    // It starts at the same column, so the lines after it read as before; a top-level paragraph may
    // start at column 0 or 1 instead (no container opened before it reaches that far in: a list item's
    // content starts at column 2 at least).
    if (!now || !sameKind(now.block, block)) return undefined;
    if (now.block.start + start !== block.start && !(block.kind === 'paragraph' && now.block.start <= 1))
      return undefined;
    nb = now.block;
    moveBlock(nb, start);
    nb.section = block.section;
    nb.paragraph = block.paragraph;
    prose = old.prose.slice(0, start) + now.doc.prose + old.prose.slice(end);
    found = now.doc.comments.map((c) => ({ start: c.start + start, end: c.end + start, body: c.body }));
  }
  const newBlocks = blocks.slice(0, k);
  newBlocks.push(nb);
  for (let j = k + 1; j < blocks.length; j++) newBlocks.push(delta ? shiftBlock(blocks[j], delta) : blocks[j]);

  const comments: HtmlComment[] = old.comments.filter((c) => c.end <= start);
  for (const c of found) comments.push(c);
  for (const c of old.comments)
    if (c.start >= end) comments.push(delta ? { start: c.start + delta, end: c.end + delta, body: c.body } : c);

  const headingAt = new Map<Block, number>();
  blocks.forEach((b, j) => b.kind === 'heading' && headingAt.set(b, j));
  const sections: Section[] = [];
  for (const sec of old.sections) {
    const heading = newBlocks[headingAt.get(sec.heading)!];
    const title = heading === nb ? prose.slice(nb.start, nb.end).replace(/\s+/g, ' ').trim() : sec.title;
    if (sections.length) sections[sections.length - 1].end = heading.start;
    sections.push({ heading, depth: sec.depth, title, start: heading.start, end: text.length });
  }
  const paragraphs: Block[] = [];
  const sentences: Sentence[] = [];
  for (const b of newBlocks) {
    if (b.paragraph >= 0) paragraphs.push(b);
    for (const s of b.sentences) sentences.push(s);
  }
  const doc: AccountDocument = {
    text,
    lines: new LineIndex(text),
    prose,
    blocks: newBlocks,
    paragraphs,
    sections,
    comments,
    sentences,
    definitions: 0,
  };
  if (fm) doc.frontMatter = fm;
  return { doc, block: nb, index: k };
}

/**
 * The analysis of one open document, kept between its edits. `update` and `applyEdits` return what
 * analyzeAccount(text, options) returns for the text as it then is, equal to it finding for finding.
 */
export class AccountSession {
  private options: AnalyzeOptions;
  private doc: AccountDocument | undefined;
  /** The entry of each block of `doc`. */
  private entryOf = new Map<Block, Entry>();
  /** The block the last update parsed on its own (so its lines are known to read alone). */
  private checked: Block | undefined;
  private readonly entries = new Map<string, Entry>();
  private readonly ranks = new Map<CriterionRanker, Map<string, { ranked: RankedCriterion[]; used: number }>>();
  private generation = 0;
  private nextId = 0;
  private last: AccountAnalysis | undefined;
  private kind: UpdateKind | undefined;

  constructor(options: AnalyzeOptions = {}) {
    this.options = options;
  }

  /** The text last analysed, if any. */
  get text(): string | undefined {
    return this.doc?.text;
  }

  /** The latest analysis, if any. */
  get analysis(): AccountAnalysis | undefined {
    return this.last;
  }

  /** How the last update read the text. */
  get lastUpdate(): UpdateKind | undefined {
    return this.kind;
  }

  /** How many blocks' work is kept (those of the last two versions of the text). */
  get keptBlocks(): number {
    return this.entries.size;
  }

  /** New options (a default unit, rubrics, severities): the next update uses them. What is kept per block stays. */
  configure(options: AnalyzeOptions): void {
    this.options = options;
  }

  /** Analyses the document's text as it now is. */
  update(text: string): AccountAnalysis {
    const gen = ++this.generation;
    const old = this.doc;
    let doc: AccountDocument;
    let entryOf: Map<Block, Entry>;
    if (old && old.text === text) {
      doc = old;
      entryOf = this.entryOf;
      for (const e of entryOf.values()) e.used = gen;
      this.kind = 'unchanged';
    } else {
      const patched = old ? patch(old, text, this.checked) : undefined;
      entryOf = new Map();
      if (patched && old) {
        doc = patched.doc;
        doc.blocks.forEach((b, j) => {
          const e = j === patched.index ? this.entryFor(doc, b) : this.entryOf.get(old.blocks[j])!;
          e.used = gen;
          entryOf.set(b, e);
        });
        this.checked = patched.block;
        this.kind = 'block';
      } else {
        doc = parseAccount(text);
        for (const b of doc.blocks) {
          const e = this.entryFor(doc, b);
          e.used = gen;
          entryOf.set(b, e);
        }
        this.checked = undefined;
        this.kind = 'full';
      }
    }
    this.doc = doc;
    this.entryOf = entryOf;
    this.last = analyseDocument(doc, this.options, this.reuse(doc, new Slots(entryOf), gen));
    this.evict(gen);
    return this.last;
  }

  /**
   * Applies changes as LSP's didChange gives them, in order, each range in the text as the changes
   * before it left it (a change without a range replaces the whole text), and analyses the result.
   */
  applyEdits(changes: readonly ContentChange[]): AccountAnalysis {
    let text = this.doc?.text ?? '';
    let lines = this.doc?.lines;
    for (const c of changes) {
      if (!c.range) text = c.text;
      else {
        lines ??= new LineIndex(text);
        const start = lines.offset(c.range.start);
        const end = Math.max(start, lines.offset(c.range.end));
        text = text.slice(0, start) + c.text + text.slice(end);
      }
      lines = undefined;
    }
    return this.update(text);
  }

  private entryFor(doc: AccountDocument, b: Block): Entry {
    // Its kind, source text and prose (what the parse read in that text): everything per-block work reads.
    const key = `${b.kind}\n${doc.text.slice(b.start, b.end)}\n${doc.prose.slice(b.start, b.end)}`;
    let e = this.entries.get(key);
    if (!e) {
      e = { id: this.nextId++, used: 0, block: new Map(), sentences: [] };
      this.entries.set(key, e);
    }
    return e;
  }

  private reuse(doc: AccountDocument, slots: Slots, gen: number): Reuse {
    const { keep } = slots;
    // Whether a sentence's words count as content for ranking (claims.ts): not a link sentence, not all placeholder.
    const contributes = (s: Sentence) => keep(CONTENT, s, () => contentWords(doc.prose, [s]).length > 0);
    return {
      statements: new KeptStatements(doc.prose, slots),
      keep,
      rank: (ranker, prose, sentences, bySentence) => {
        // What rankContent reads: the blocks' content, in order, and the stages of the sentences that count as content.
        let stages = 0;
        let key = '';
        let last: Block | undefined;
        for (const s of sentences) {
          if (s.block !== last) {
            last = s.block;
            key += `${slots.entry(s.block).id},`;
          }
          if (contributes(s)) for (const stage of bySentence.get(s) ?? []) stages |= 1 << STAGES.indexOf(stage);
        }
        key += stages;
        let cache = this.ranks.get(ranker);
        if (!cache) this.ranks.set(ranker, (cache = new Map()));
        let hit = cache.get(key);
        if (!hit) cache.set(key, (hit = { ranked: rankContent(ranker, prose, sentences, bySentence), used: gen }));
        hit.used = gen;
        return hit.ranked;
      },
    };
  }

  /** Drops what neither this update nor the one before used (so undoing an edit still finds its blocks). */
  private evict(gen: number): void {
    for (const [key, e] of this.entries) if (e.used < gen - 1) this.entries.delete(key);
    for (const [ranker, cache] of this.ranks) {
      for (const [key, r] of cache) if (r.used < gen - 1) cache.delete(key);
      if (!cache.size) this.ranks.delete(ranker);
    }
  }
}
