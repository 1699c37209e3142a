/**
 * Hover: a criterion reference shows the criterion and whether other paragraphs evidence it;
 * a key term of the account's rubric shows its definition and the criteria it bears on.
 */
import { findReferences, type KeyTerm, type Position, type Rubric } from '../core/index.js';
import type { Hover } from 'vscode-languageserver';
import type { Analysis } from './documents.js';

export function hover(a: Analysis, position: Position, glossary: readonly Rubric[] = []): Hover | null {
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
