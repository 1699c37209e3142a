/**
 * An explanation (src/core/explain.ts) in plain words, for `--explain` and the editor's "Why?": per
 * stage, criterion and rubric check, what matched where as `file:line:col "words"`, and what was left out and why.
 */
import type { Explanation, ExplainPlace } from '../core/explain.js';

const MAX_LISTED = 8;

/** Which of a check's lists a phrase is from: `when "…"`, `group "…", phrase "…"`. */
function source(f: { field: string; group?: string; phrase: string }): string {
  return f.group !== undefined ? `group "${f.group}", phrase "${f.phrase}"` : `${f.field} "${f.phrase}"`;
}

export function formatExplanation(path: string, e: Explanation, unit: string | null): string {
  return explanationLines(path, e, unit).text;
}

/**
 * Where each part of an explanation starts in its text (0-based line), so an editor can open it at the
 * part a finding is about: `stage:monitor`, `criterion:3`, `check:feedback-techniques`, `skipped`.
 */
export type ExplanationAnchors = Record<string, number>;

/** The explanation's text, and the line each stage, criterion, check and the skipped sentences start on. */
export function explanationLines(
  path: string,
  e: Explanation,
  unit: string | null,
): { text: string; anchors: ExplanationAnchors } {
  const at = (p: ExplainPlace) => `${path}:${p.line}:${p.column}`;
  const quoted = (p: ExplainPlace) => `${at(p)} "${p.words}"`;
  const words = (ps: readonly ExplainPlace[]) => ps.map((p) => `"${p.words}" (${p.line}:${p.column})`).join(', ');
  const out: string[] = [];
  const anchors: ExplanationAnchors = {};
  const mark = (key: string) => (anchors[key] = out.length);
  const more = (n: number, indent: string) => {
    if (n > MAX_LISTED) out.push(`${indent}… and ${n - MAX_LISTED} more`);
  };

  out.push(`Why ${path} reads as it does${unit ? ` against ${unit}` : ' (no unit: only the general rules ran)'}`);
  out.push('');
  out.push(`Stages of ${e.modelTitle}`);
  for (const s of e.stages) {
    mark(`stage:${s.stage}`);
    out.push(`  ${s.title}: ${s.present ? 'shown' : 'not shown'}`);
    for (const ev of s.evidence.slice(0, MAX_LISTED)) {
      const cue = ev.cues.length ? ` (cue lists: ${ev.cues.join(', ')})` : '';
      out.push(
        `    ${at(ev.sentence)}  shown by ${ev.matched.length ? words(ev.matched) : 'the sentence as a whole'}${cue}`,
      );
      out.push(`      in "${ev.sentence.words}"`);
    }
    more(s.evidence.length, '    ');
    for (const n of s.notCounted.slice(0, MAX_LISTED)) {
      const what = n.matched.length ? words(n.matched) : `"${n.sentence.words}"`;
      out.push(`    ${at(n.sentence)}  not counted: ${what}: ${n.why}`);
    }
    more(s.notCounted.length, '    ');
  }

  out.push('');
  mark('skipped');
  out.push('Sentences not read as evidence');
  if (!e.skipped.length) out.push('  none');
  for (const k of e.skipped) out.push(`  ${quoted(k.sentence)}: ${k.why}`);

  if (e.criteria.length) {
    out.push('');
    out.push(
      `Criteria (a paragraph's content must score at least ${e.supportMinimum} for its citation to count as evidence)`,
    );
    for (const c of e.criteria) {
      mark(`criterion:${c.id}`);
      out.push(`  AC ${c.id} (${c.status}): ${c.text}`);
      if (!c.paragraphs.length) out.push('    no paragraph cites it or reads like evidence for it');
      for (const p of c.paragraphs) {
        const verdict = p.cited
          ? p.supports
            ? 'cites it and shows it'
            : 'cites it but does not show it (a claim)'
          : 'does not cite it but reads like evidence for it';
        out.push(`    ${at(p.at)}  paragraph ${verdict}: scores ${p.score.toFixed(2)}`);
        if (p.words.length)
          out.push(`      words it shares with the criterion: ${words(p.words.slice(0, MAX_LISTED))}`);
        if (p.signals.length) out.push(`      signal phrases: ${words(p.signals)}`);
        if (p.stageBonus) out.push(`      plus ${p.stageBonus} for showing a stage the criterion names`);
        if (!p.words.length && !p.signals.length) out.push('      nothing it tells shares a word with the criterion');
      }
    }
  }

  if (e.checks.length) {
    out.push('');
    out.push('Rubric checks');
    for (const c of e.checks) {
      mark(`check:${c.id}`);
      out.push(
        `  ${c.id} (${c.kind}, ${c.scope}): ${c.findings.length ? `${c.findings.length} finding${c.findings.length > 1 ? 's' : ''}` : 'no finding'}`,
      );
      for (const f of c.found.slice(0, MAX_LISTED)) out.push(`    ${at(f.at)}  found "${f.at.words}" (${source(f)})`);
      more(c.found.length, '    ');
      for (const n of c.notCounted.slice(0, MAX_LISTED))
        out.push(`    ${at(n.at)}  not counted: "${n.at.words}" (${source(n)}): ${n.why}`);
      more(c.notCounted.length, '    ');
      for (const f of c.findings) out.push(`    ${at(f.at)}  finding: ${f.message}`);
      if (!c.found.length && !c.notCounted.length) out.push('    none of its phrases is in the account');
    }
  }
  return { text: out.join('\n') + '\n', anchors };
}
