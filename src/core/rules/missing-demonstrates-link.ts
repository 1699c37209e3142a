/**
 * missing-demonstrates-link: a paragraph tells of the learner's own actions but links them to no
 * criterion, or a "This demonstrates…" sentence names no criterion. Background, job descriptions,
 * opinions and hypotheticals are left alone. Fixes insert the link for the three best-matching
 * criteria, best first.
 */
import { linkSentence, referenceOffset, referenceText } from '../edits.js';
import type { OffsetFix, ParagraphInfo, Rule } from '../rule.js';
import { supportedCriteria } from '../ranking.js';
import type { Criterion } from '../types.js';

// "This demonstrates…" (and "This shows my ability to…") claims a criterion; "I think this shows" is opinion.
const DEMONSTRATES =
  /\b(?:this|that|which|these|it)\s+(?:demonstrates|evidences|is evidence|(?:shows|proves) (?:my ability|that I can|I can|that I am able|I am able))\b/i;

const CLAIMS = {};

function candidates(byId: ReadonlyMap<string, Criterion>, p: ParagraphInfo): Criterion[] {
  // Only criteria the paragraph's content supports: a link to any other would be a bare claim.
  return byId.size
    ? supportedCriteria(p.ranked)
        .slice(0, 3)
        .map((r) => byId.get(r.id)!)
    : [];
}

export const missingDemonstratesLink: Rule = {
  id: 'missing-demonstrates-link',
  severity: 'warning',
  summary:
    'A paragraph about what you did is not linked to a criterion with "This demonstrates my ability to … (AC n)".',
  check(ctx) {
    const byId = new Map((ctx.rubric?.criteria ?? []).map((c) => [c.id, c]));
    for (const p of ctx.paragraphs) {
      if (p.references.length) continue;
      const text = ctx.doc.text;
      const options = candidates(byId, p);
      const claim = p.sentences.find((s) =>
        ctx.keep(CLAIMS, s, () => DEMONSTRATES.test(ctx.doc.prose.slice(s.start, s.end))),
      );
      if (claim) {
        // The reference goes just before the sentence's full stop.
        const at = referenceOffset(text, claim);
        ctx.report({
          message:
            'This sentence says what it demonstrates but names no criterion. Add the criterion it evidences, for example “(AC 2)”, so the assessor can map it.',
          start: claim.start,
          end: claim.end,
          data: { kind: 'unlinked-claim', suggestedCriteria: options.map((c) => c.id) },
          fixes: options.map((c) => ({
            title: `Add (AC ${c.id}): ${c.ability}`,
            edits: [{ start: at, end: at, newText: referenceText(c.id) }],
          })),
        });
        continue;
      }
      if (!p.describesAction) continue;
      // A paragraph may hold no words of its own (a lone "|") when its list tells the action.
      const first = p.block.sentences[0] ?? p.sentences[0];
      const last = p.block.sentences[p.block.sentences.length - 1] ?? first;
      if (!first) continue;
      const end = p.block.end;
      const joiner = /[.!?]["”’)]*$/.test(text.slice(p.block.start, end)) ? ' ' : '. ';
      const fixes: OffsetFix[] = options.map((c) => ({
        title: `Add “This demonstrates my ability to ${c.ability} (AC ${c.id})”`,
        edits: [{ start: end, end, newText: joiner + linkSentence(c) }],
      }));
      const hint = options.length ? ` It reads closest to AC ${options[0].id}.` : '';
      ctx.report({
        message: `This paragraph describes what you did but does not link it to a criterion. End it with “This demonstrates my ability to … (AC n)” so the assessor can see what it evidences.${hint}`,
        start: first.start,
        end: first === last ? last.end : first.end,
        data: { kind: 'unlinked-paragraph', paragraph: p.block.paragraph, suggestedCriteria: options.map((c) => c.id) },
        fixes,
      });
    }
  },
};
