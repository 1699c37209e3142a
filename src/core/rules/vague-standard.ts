/**
 * vague-standard: a standard, target or promise with nothing to measure it by ("good service",
 * "as soon as possible"). A sentence that also gives a timescale or quantity is left alone, and so
 * are quotations and headings. The fix swaps the phrase for a SMART template to fill in.
 */
import { SMART_TEMPLATES } from '../edits.js';
import type { Rule } from '../rule.js';
import { measurableSpans, vagueSpans, type VaguePhrase } from '../standards.js';

const CUSTOMER_WISH =
  /\b(?:want|wants|wanted|need|needs|needed|expect|expects|expected|would like|wish|wishes|wished)\b[^,;.]*$/i;

/** A phrase that opens its sentence as the subject of a general remark. */
const TOPIC = /^\s+(?:is|was|means|matters|can be|has to be|should be)\b/i;

export const vagueStandard: Rule = {
  id: 'vague-standard',
  severity: 'warning',
  summary: 'A standard or promise with nothing measurable in it, such as "good service" or "as soon as possible".',
  check(ctx) {
    const seen = new Set<number>();
    for (const s of ctx.doc.sentences) {
      if (s.block.kind === 'heading' || s.block.kind === 'quote') continue;
      // The phrases (offsets within the sentence) and whether it is timed depend on its text alone.
      const kept = ctx.keep(VAGUE, s, () => vagueIn(ctx.doc.prose.slice(s.start, s.end)));
      if (!kept.vague.length) continue;
      const vague = kept.vague.map((v) => ({ ...v, start: v.start + s.start, end: v.end + s.start }));
      const timed = kept.timed;
      let lastEnd = -1;
      for (const v of vague) {
        if (v.start < lastEnd || seen.has(v.start)) continue;
        if (v.kind === 'time' && timed) continue;
        // Words in quotation marks are somebody's words, not the learner's standard; and how fast a
        // customer wants something ("they want things fixed straight away") is their need, not a promise.
        // ("Customers want good service" stays flagged: the labelling guide counts it as a vague standard.)
        if (
          quoted(ctx.doc.prose, s.start, v.start) ||
          (v.kind === 'time' && CUSTOMER_WISH.test(ctx.doc.prose.slice(s.start, v.start)))
        )
          continue;
        // "Good customer service is really important": the topic of a sentence, not a promise.
        if (TOPIC.test(ctx.doc.prose.slice(v.end, s.end)) && /^\W*$/.test(ctx.doc.prose.slice(s.start, v.start)))
          continue;
        lastEnd = v.end;
        seen.add(v.start);
        const original = ctx.doc.text.slice(v.start, v.end);
        // "sorted it quickly": only the adverb is replaced, so the learner's verb stays.
        const adverb = /^as\b/i.test(original)
          ? null
          : /\b(?:quickly|straight away|right away|soon|promptly|fast|in the loop)$/i.exec(original);
        const editStart = adverb ? v.start + adverb.index : v.start;
        const template = adverb && /loop$/i.test(original) ? SMART_TEMPLATES.updates : SMART_TEMPLATES[v.kind];
        ctx.report({
          message: `“${original}” cannot be measured, so nobody can tell whether it was met. Give a timescale or target instead, for example “within 2 working days” or “answered within 5 rings”.`,
          start: v.start,
          end: v.end,
          data: { phrase: original, kind: v.kind },
          fixes: [
            {
              title: `Replace “${original}” with a measurable standard to fill in`,
              edits: [{ start: editStart, end: v.end, newText: template }],
            },
          ],
        });
      }
    }
  },
};

const VAGUE = {};

/** A sentence's vague phrases, offsets within it, and whether it also gives something measurable. */
function vagueIn(text: string): { vague: VaguePhrase[]; timed: boolean } {
  const vague = vagueSpans(text);
  return { vague, timed: vague.length > 0 && measurableSpans(text).length > 0 };
}

/** Whether an offset sits inside quotation marks opened earlier in the sentence. */
function quoted(prose: string, sentenceStart: number, at: number): boolean {
  const before = prose.slice(sentenceStart, at);
  const curly = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0);
  const straight = (before.match(/(?:^|[\s(])"/g)?.length ?? 0) - (before.match(/"(?=[\s.,;:!?)]|$)/g)?.length ?? 0);
  return curly > 0 || straight > 0;
}
