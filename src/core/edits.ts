/**
 * The texts a host inserts into an account, worded and placed here, so the language server and the
 * editor only apply edits: a criterion reference, the inline comments that disable a rule, and the
 * unit line of the front matter. (The rules' own fixes, such as the "This demonstrates…" link
 * sentence and the SMART templates, come with their findings.)
 */
import type { AccountDocument } from './document.js';
import { frontMatterOf } from './front-matter.js';
import { LineIndex } from './positions.js';
import type { TextEdit } from './types.js';

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
  const file: TextEdit = { range: { start: { line: fileLine, character: 0 }, end: { line: fileLine, character: 0 } }, newText: `<!-- reflect-lint-disable-file ${rule} -->${eol}` };
  if (doc.frontMatter && line < fileLine) return { file };
  const lineText = text.slice(lines.offset({ line, character: 0 }), lines.lineEnd(line));
  const previous = line > 0 ? text.slice(lines.offset({ line: line - 1, character: 0 }), lines.lineEnd(line - 1)) : '';
  const startsBlock = line === 0 || previous.trim() === '' || /^\s*(?:[-*+]|\d+[.)])\s/.test(lineText) || /^\s*#/.test(lineText);
  const indent = /^\s*/.exec(lineText)![0];
  const above: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- reflect-lint-disable-next-line ${rule} -->${eol}` };
  const after: TextEdit = { range: { start: { line, character: lineText.length }, end: { line, character: lineText.length } }, newText: ` <!-- reflect-lint-disable-line ${rule} -->` };
  return { line: startsBlock ? above : after, file };
}

/** Writes `unit: ID` into a text's front matter: over the line that names a unit, else as a new line, else in new front matter. */
export function unitEdit(text: string, id: string): TextEdit {
  const fm = frontMatterOf(text);
  const eol = endOfLine(text);
  if (!fm) return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `---${eol}unit: ${id}${eol}---${eol}${eol}` };
  // The `unit:` line if there is one (else `rubric:`), whatever its value: writing a second would repeat the key.
  const named = fm.valueRange('unit') ?? fm.valueRange('rubric');
  if (!named) return { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: `unit: ${id}${eol}` };
  const end = new LineIndex(text).position(named.end);
  return { range: { start: { line: end.line, character: 0 }, end }, newText: `unit: ${id}` };
}
