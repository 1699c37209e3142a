/**
 * Hover: a criterion reference shows the criterion and whether other paragraphs evidence it;
 * a key term of the account's rubric shows its definition and the criteria it bears on; and on a
 * finding, for clients that run command links, "Why?" opens the explanation of what was decided there.
 */
import { findReferences, type KeyTerm, type Position, type Rubric } from '../core/index.js';
import type { Hover, Range } from 'vscode-languageserver';
import type { ExplainPart } from '../shared/protocol.js';
import { findingGroups } from './diagnostics.js';
import type { Analysis } from './documents.js';
import { partsOf, partTitle } from './explain.js';

export interface HoverOptions {
  /** The client runs `command:` links to EXPLAIN_COMMAND (VS Code does): a finding's hover offers "Why?". */
  explainLinks?: boolean;
}

/** The command a "Why?" link runs: the client opens the explanation (src/extension/explain.ts). */
export const EXPLAIN_COMMAND = 'reflectLint.explain';

/** What the server hovers at a position: a criterion reference or a key term, and "Why?" for the findings there. */
export function hover(
  a: Analysis,
  position: Position,
  glossary: readonly Rubric[] = [],
  options: HoverOptions = {},
): Hover | null {
  const found = what(a, position, glossary);
  const why = options.explainLinks ? whyAt(a, position) : undefined;
  if (!why) return found;
  if (!found) return { range: why.range, contents: { kind: 'markdown', value: why.value } };
  const value = typeof found.contents === 'object' && 'value' in found.contents ? found.contents.value : '';
  return { ...found, contents: { kind: 'markdown', value: `${value}\n\n---\n\n${why.value}` } };
}

const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character <= q.character);

/**
 * "Why?" links for the findings at a position, one per part of the explanation they are about, in
 * the order of the diagnostics (findingGroups), each part once; the range is the narrowest finding's.
 */
function whyAt(a: Analysis, position: Position): { value: string; range: Range } | undefined {
  const here = findingGroups(a)
    .flat()
    .map((i) => a.result.findings[i])
    .filter((f) => before(f.range.start, position) && before(position, f.range.end));
  const parts = new Map<string, ExplainPart>();
  for (const f of here) for (const p of partsOf(f)) parts.set(`${p.kind}:${p.id ?? ''}`, p);
  if (!parts.size) return undefined;
  const span = (r: Range) => a.doc.lines.offset(r.end) - a.doc.lines.offset(r.start);
  const range = here.map((f) => f.range).sort((x, y) => span(x) - span(y))[0];
  const link = (label: string, p: ExplainPart) =>
    `[${label}](command:${EXPLAIN_COMMAND}?${encodeURIComponent(JSON.stringify([a.uri, p]))} "Why: ${partTitle(p)}")`;
  const list = [...parts.values()];
  const value =
    list.length === 1
      ? `${link('Why?', list[0])} See what was found, and what did not count, for ${partTitle(list[0])}.`
      : `Why? See what was found, and what did not count, for ${list.map((p) => link(partTitle(p), p)).join(' · ')}.`;
  return { value, range };
}

function what(a: Analysis, position: Position, glossary: readonly Rubric[]): Hover | null {
  const rubric = a.rubric;
  const doc = a.doc;
  const offset = doc.lines.offset(position);

  const refs = rubric
    ? findReferences(doc, undefined, rubric).filter((r) => r.fullStart <= offset && offset <= r.end)
    : [];
  const ref = refs[0];
  const cited = ref?.via
    ? refs.flatMap((r) => rubric?.criteria.find((x) => x.id === r.id && r.via === ref.via) ?? [])
    : [];
  if (ref?.via && rubric && cited.length) {
    // A range or an outcome: what it cites, one criterion a line.
    const outcome = ref.written === 'outcome' ? rubric.outcomes?.find((o) => `LO${o.id}` === ref.via) : undefined;
    const lines = cited.map((c) => `- **AC ${c.id}** ${c.text}`);
    return {
      range: { start: doc.lines.position(ref.fullStart), end: doc.lines.position(ref.end) },
      contents: {
        kind: 'markdown',
        value: `**${ref.via}** · ${rubric.title}\n\n${outcome ? `${outcome.text}\n\n` : ''}${lines.join('\n')}`,
      },
    };
  }
  if (ref && rubric) {
    const c = rubric.criteria.find((x) => x.id === ref.id);
    const range = { start: doc.lines.position(ref.fullStart), end: doc.lines.position(ref.end) };
    if (!c) {
      return {
        range,
        contents: {
          kind: 'markdown',
          value: `**AC ${ref.id}** is not a criterion of *${rubric.title}*. Its criteria are ${rubric.criteria.map((x) => `AC ${x.id}`).join(', ')}.`,
        },
      };
    }
    const status = a.result.criteria.find((x) => x.id === c.id);
    // The paragraph the reference belongs to (a lead-in line's list counts with it).
    const here = a.paragraphs.find((p) => p.blocks.includes(ref.block))?.block.paragraph ?? -1;
    const elsewhere = (status?.status === 'evidenced' ? status.paragraphs : [])
      .filter((p) => p !== here)
      .map((p) => a.result.paragraphs[p].range.start.line + 1);
    // A citation is a claim: say whether this paragraph's content backs it.
    const claimedHere = here >= 0 && (status?.claimedIn.includes(here) ?? false);
    const shown = claimedHere ? 'This paragraph cites it but does not yet say what you did for it. ' : '';
    const where = elsewhere.length
      ? `Also evidenced at line${elsewhere.length > 1 ? 's' : ''} ${elsewhere.join(', ')}.`
      : 'Not evidenced anywhere else in this account.';
    return {
      range,
      contents: { kind: 'markdown', value: `**AC ${c.id}** · ${rubric.title}\n\n${c.text}\n\n${shown}${where}` },
    };
  }

  // Key terms: the longest term or alias covering the position, on whole words, in prose only.
  if (doc.prose[offset] === ' ' && doc.prose[offset - 1] === ' ') return null;
  const lineStart = doc.lines.offset({ line: position.line, character: 0 });
  const line = doc.prose.slice(lineStart, doc.lines.lineEnd(position.line));
  // The account's own unit first; other units' glossaries explain terms it does not define.
  const sources = [...(rubric ? [rubric] : []), ...glossary.filter((r) => r !== rubric)];
  for (const source of sources) {
    const best = termAt(source.keyTerms, line, position.character);
    if (!best) continue;
    const t = best.term;
    const criteria = source === rubric ? (t.criteria ?? []).map((id) => `AC ${id}`).join(', ') : '';
    const aliases = t.aliases?.length ? ` (${t.aliases.join(', ')})` : '';
    const footer = criteria
      ? `\n\nBears on ${criteria} of *${source.title}*.`
      : source === rubric
        ? ''
        : `\n\nFrom the glossary of *${source.title}*.`;
    return {
      range: {
        start: { line: position.line, character: best.start },
        end: { line: position.line, character: best.end },
      },
      contents: { kind: 'markdown', value: `**${t.term}**${aliases}\n\n${t.definition}${footer}` },
    };
  }
  return null;
}

function termAt(
  terms: readonly KeyTerm[],
  line: string,
  character: number,
): { term: KeyTerm; start: number; end: number } | undefined {
  let best: { term: KeyTerm; start: number; end: number } | undefined;
  for (const term of terms) {
    for (const name of [term.term, ...(term.aliases ?? [])]) {
      const acronym = name.length <= 6 && name === name.toUpperCase();
      const re = new RegExp(
        `(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?(?![\\p{L}\\p{N}])`,
        acronym ? 'gu' : 'giu',
      );
      for (const m of line.matchAll(re)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (start <= character && character <= end && (!best || end - start > best.end - best.start))
          best = { term, start, end };
      }
    }
  }
  return best;
}
