/**
 * Every text inserted into an account is worded and placed here: a criterion reference, the
 * "This demonstrates…" link sentence, the SMART templates, the prompt for a paragraph a missing
 * criterion needs, the inline comments that disable a rule, and the unit line of the front matter.
 * Rules put them in their fixes; the language server and the editor only apply edits. A template's
 * gaps are "[…]" placeholders (an unfilled one is an unfilled-placeholder finding and never counts as
 * evidence); `snippetOf` gives the same text as a snippet whose gaps are tab stops, for editors that take one.
 */
import { placeholderSpans } from './claims.js';
import type { AccountDocument } from './document.js';
import { frontMatterOf } from './front-matter.js';
import { LineIndex } from './positions.js';
import type { Criterion, TextEdit } from './types.js';

interface Span {
  start: number;
  end: number;
}

/** A criterion reference as inserted after a sentence's words: " (AC 2)". */
export function referenceText(id: string): string {
  return ` (AC ${id})`;
}

/** Where a reference goes in a sentence: before its full stop (and any closing quote or bracket), else at its end. */
export function referenceOffset(text: string, sentence: Span): number {
  const stop = /[.!?]+["”’)]*$/.exec(text.slice(sentence.start, sentence.end));
  return stop ? sentence.start + stop.index : sentence.end;
}

/** The edit that cites criterion `id` at the end of a sentence. */
export function referenceEdit(doc: AccountDocument, sentence: Span, id: string): TextEdit {
  const at = doc.lines.position(referenceOffset(doc.text, sentence));
  return { range: { start: at, end: at }, newText: referenceText(id) };
}

/** The criterion ids an inserted text cites ("(AC 2)", "AC 2 instead"): so no host offers one a paragraph already cites. */
export function citedIn(text: string): string[] {
  return [...text.matchAll(/\bAC (\d+(?:\.\d+)*)/g)].map((m) => m[1]);
}

const LINK_OPENING = 'This demonstrates my ability to ';

/** The sentence that links a paragraph to a criterion: "This demonstrates my ability to … (AC n)." */
export function linkSentence(c: Criterion): string {
  return `${LINK_OPENING}${c.ability} (AC ${c.id}).`;
}

/** The SMART templates that replace a vague standard, by the kind of phrase replaced. */
export const SMART_TEMPLATES = {
  time: 'within [number] [hours / working days]',
  quality: 'a service that meets [a measurable standard, e.g. "replied within 2 working days"]',
  /** For "kept them in the loop": how often they were updated. */
  updates: 'updated every [number] [days / weeks]',
} as const;

/**
 * What to write for a criterion nothing evidences yet: a heading and a paragraph to fill in, ending
 * with its link sentence. Inserted at the end of the account (`eol` is the text's line ending).
 */
export function criterionParagraph(c: Criterion, eol = '\n'): string {
  return `## AC ${c.id}${eol}${eol}[Say what happened: the customer, what they needed and when.] [Say what you did, step by step.] [Say how it turned out.] ${linkSentence(c)}${eol}`;
}

/** The edit that adds `criterionParagraph` at the end of a text, after a blank line. */
export function criterionParagraphEdit(text: string, c: Criterion): TextEdit {
  const eol = endOfLine(text);
  const end = new LineIndex(text).position(text.length);
  const gap = text.length === 0 ? '' : text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : `${eol}${eol}`;
  return { range: { start: end, end }, newText: `${gap}${criterionParagraph(c, eol)}` };
}

/** Text as it reads in a snippet: `$`, `}` and `\\` escaped. */
export const escapeSnippet = (text: string) => text.replace(/[$}\\]/g, (ch) => `\\${ch}`);

/**
 * An inserted text as a snippet (LSP and VS Code syntax): each "[…]" gap a tab stop holding the gap
 * (so leaving it leaves the placeholder, still a finding), and the ability of a link sentence a tab
 * stop too, to put in the learner's own words; the cursor ends after the text. Undefined when the
 * text has nothing to fill in.
 */
export function snippetOf(text: string): string | undefined {
  const stops: Array<{ start: number; end: number }> = [...placeholderSpans(text)];
  const link = text.indexOf(LINK_OPENING);
  if (link >= 0) {
    const start = link + LINK_OPENING.length;
    const end = text.indexOf(' (AC ', start);
    if (end > start && !stops.some((s) => s.start < end && start < s.end)) stops.push({ start, end });
  }
  if (!stops.length) return undefined;
  stops.sort((x, y) => x.start - y.start);
  let out = '';
  let at = 0;
  stops.forEach((s, i) => {
    out += `${escapeSnippet(text.slice(at, s.start))}\${${i + 1}:${escapeSnippet(text.slice(s.start, s.end))}}`;
    at = s.end;
  });
  return `${out}${escapeSnippet(text.slice(at))}$0`;
}

function endOfLine(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * The inline comments that turn `rule` off: for the line of a finding (on its own line above when
 * that starts a block, else at the end of the line, so no paragraph is split), and for the file
 * (after the front matter). Inside the front matter only the file's: a comment there would break its YAML.
 */
export function disableEdits(doc: AccountDocument, rule: string, line: number): { line?: TextEdit; file: TextEdit } {
  const { lines, text } = doc;
  const eol = endOfLine(text);
  const fileLine = doc.frontMatter ? lines.position(doc.frontMatter.end).line + 1 : 0;
  const file: TextEdit = {
    range: { start: { line: fileLine, character: 0 }, end: { line: fileLine, character: 0 } },
    newText: `<!-- reflect-lint-disable-file ${rule} -->${eol}`,
  };
  if (doc.frontMatter && line < fileLine) return { file };
  const lineText = text.slice(lines.offset({ line, character: 0 }), lines.lineEnd(line));
  const previous = line > 0 ? text.slice(lines.offset({ line: line - 1, character: 0 }), lines.lineEnd(line - 1)) : '';
  const startsBlock =
    line === 0 || previous.trim() === '' || /^\s*(?:[-*+]|\d+[.)])\s/.test(lineText) || /^\s*#/.test(lineText);
  const indent = /^\s*/.exec(lineText)![0];
  const above: TextEdit = {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}<!-- reflect-lint-disable-next-line ${rule} -->${eol}`,
  };
  const after: TextEdit = {
    range: { start: { line, character: lineText.length }, end: { line, character: lineText.length } },
    newText: ` <!-- reflect-lint-disable-line ${rule} -->`,
  };
  return { line: startsBlock ? above : after, file };
}

/** Writes `unit: ID` into a text's front matter: over the line that names a unit, else as a new line, else in new front matter. */
export function unitEdit(text: string, id: string): TextEdit {
  const fm = frontMatterOf(text);
  const eol = endOfLine(text);
  if (!fm)
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      newText: `---${eol}unit: ${id}${eol}---${eol}${eol}`,
    };
  // The `unit:` line if there is one (else `rubric:`), whatever its value: writing a second would repeat the key.
  const named = fm.valueRange('unit') ?? fm.valueRange('rubric');
  if (!named)
    return {
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      newText: `unit: ${id}${eol}`,
    };
  const end = new LineIndex(text).position(named.end);
  return { range: { start: { line: end.line, character: 0 }, end }, newText: `unit: ${id}` };
}
