/** Where rubric phrases are looked for: the learner's own statements of what happened. */
import type { Sentence } from '../document.js';
import type { PhraseIndex, PhraseMatch, PhraseSet, Scan } from '../phrases.js';
import type { RuleContext } from '../rule.js';

export interface Hit {
  sentence: Sentence;
  match: PhraseMatch;
}

/** Prose sentences, without headings and quotations. */
export function proseSentences(ctx: RuleContext): Sentence[] {
  return ctx.doc.sentences.filter((s) => s.block.kind !== 'heading' && s.block.kind !== 'quote');
}

/** A sentence's scan, and which of its matches are evidence (worked out when first asked). */
interface Scanned {
  scan: Scan;
  evidence?: Array<readonly [number, PhraseMatch]>;
}

/** One scan of every prose sentence against a rubric's phrase index, shared by all its checks. */
export class SentenceScans {
  readonly sentences: Sentence[];
  private readonly scans = new Map<Sentence, Scanned>();

  constructor(
    private readonly ctx: RuleContext,
    readonly index: PhraseIndex,
  ) {
    this.sentences = proseSentences(ctx);
  }

  private scanned(s: Sentence): Scanned {
    let scanned = this.scans.get(s);
    if (!scanned) {
      // Kept by sentence: the scan and the evidence test read only the sentence's words and facts.
      scanned = this.ctx.keep<Scanned>(this.index, s, () => ({ scan: this.index.scan(s.words) }));
      this.scans.set(s, scanned);
    }
    return scanned;
  }

  of(s: Sentence): Scan {
    return this.scanned(s).scan;
  }

  private bySet: Hit[][] | undefined;

  /** Matches in sentences the learner states as fact: not negated, not hypothetical, not opinion. */
  evidenceHits(phrases: PhraseSet): Hit[] {
    if (!this.bySet) {
      // One pass over every sentence's matches, sorted into their sets.
      this.bySet = this.index.sets.map(() => []);
      for (const s of this.sentences) {
        const scanned = this.scanned(s);
        scanned.evidence ??= this.evidenceIn(s, scanned.scan);
        for (const [set, m] of scanned.evidence) this.bySet[set].push({ sentence: s, match: m });
      }
    }
    return this.bySet[this.index.position(phrases)];
  }

  /** The matches of a sentence that are evidence, with their sets' positions. */
  private evidenceIn(s: Sentence, scan: Scan): Array<readonly [number, PhraseMatch]> {
    const found = scan.all();
    const st = this.ctx.statements;
    if (!found.length || !st.isFactual(s)) return [];
    const out: Array<readonly [number, PhraseMatch]> = [];
    const ends = new Map<number, number>();
    for (const entry of found) {
      const [set, m] = entry;
      // Non-overlapping within a set, as matchAll gives.
      if (m.from < (ends.get(set) ?? -1)) continue;
      ends.set(set, m.to);
      if (st.isEvidenceAt(s, m.from)) out.push(entry);
    }
    return out;
  }
}

export function hitRange(h: Hit): { start: number; end: number } {
  return { start: h.sentence.words[h.match.from].start, end: h.sentence.words[h.match.to - 1].end };
}

/** Fills {found}, {missing}, {count} and {min} in a rubric check's message. */
export function fillMessage(
  template: string,
  values: { found?: string[]; missing?: string[]; count?: number; min?: number },
): string {
  const list = (xs: string[] | undefined) => {
    if (!xs || !xs.length) return 'none';
    return xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
  };
  return template
    .replace(/\{found\}/g, list(values.found))
    .replace(/\{missing\}/g, list(values.missing))
    .replace(/\{count\}/g, String(values.count ?? 0))
    .replace(/\{min\}/g, String(values.min ?? 0));
}
