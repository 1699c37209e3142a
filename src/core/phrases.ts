/**
 * Phrase lists: the small pattern language that rubrics and rule lexicons share. A phrase is a
 * run of words matched on stems, case-insensitively; `*` stands for any one word and `#n` for
 * any number. Phrases are data: they are compiled into lookup tables, never into code or regexes.
 */
import { isNumberWord, normalise, stem, type Word } from './words.js';

type Token = { kind: 'word'; stem: string; lower: string } | { kind: 'any' } | { kind: 'number' };

export interface CompiledPhrase {
  source: string;
  tokens: Token[];
  /** Which group or label the phrase belongs to. */
  tag: string;
}

export interface PhraseMatch {
  phrase: CompiledPhrase;
  /** Index of the first and one past the last matched word. */
  from: number;
  to: number;
}

const PHRASE_WORD = /#n|\*|[\p{L}\p{N}]+(?:['’]\p{L}+)*(?:\.\d+\p{L}*)*/gu;

function compile(source: string, tag: string): CompiledPhrase | undefined {
  const tokens: Token[] = [];
  for (const m of source.matchAll(PHRASE_WORD)) {
    if (m[0] === '*') tokens.push({ kind: 'any' });
    else if (m[0] === '#n') tokens.push({ kind: 'number' });
    else {
      const lower = normalise(m[0]);
      tokens.push({ kind: 'word', stem: stem(lower), lower });
    }
  }
  return tokens.length ? { source, tokens, tag } : undefined;
}

function tokenMatches(t: Token, w: Word): boolean {
  if (t.kind === 'any') return true;
  if (t.kind === 'number') return isNumberWord(w);
  return w.stem === t.stem || w.lower === t.lower;
}

/**
 * Whether writing `outer` always writes `inner` too: inner's words appear in a row somewhere in outer's
 * (a `*` of inner takes any word; a `*` of outer could be any word, so only inner's `*` covers it).
 */
export function phraseHolds(outer: CompiledPhrase, inner: CompiledPhrase): boolean {
  const o = outer.tokens;
  const n = inner.tokens;
  for (let s = 0; s + n.length <= o.length; s++) if (n.every((t, k) => covers(t, o[s + k]))) return true;
  return false;
}

function covers(t: Token, w: Token): boolean {
  if (t.kind === 'any') return true;
  if (t.kind === 'number') return w.kind === 'number';
  return w.kind === 'word' && (w.stem === t.stem || w.lower === t.lower);
}

/** Whether two phrases match the same runs of words (the same words, by stem, and wildcards in the same places). */
export function samePhrase(a: CompiledPhrase, b: CompiledPhrase): boolean {
  return a.tokens.length === b.tokens.length && phraseHolds(a, b) && phraseHolds(b, a);
}

/** A set of phrases indexed by their first word's stem, so matching costs one lookup per word. */
export class PhraseSet {
  private readonly byStem = new Map<string, CompiledPhrase[]>();
  private readonly wild: CompiledPhrase[] = [];
  readonly phrases: CompiledPhrase[] = [];

  constructor(groups: Record<string, readonly string[]> | readonly string[]) {
    const entries: Array<[string, readonly string[]]> = Array.isArray(groups)
      ? [['', groups as readonly string[]]]
      : Object.entries(groups as Record<string, readonly string[]>);
    for (const [tag, list] of entries) {
      for (const source of list) {
        const p = compile(source, tag);
        if (!p) continue;
        this.phrases.push(p);
        const first = p.tokens[0];
        if (first.kind === 'word') {
          for (const key of new Set([first.stem, first.lower])) {
            const bucket = this.byStem.get(key);
            if (bucket) bucket.push(p);
            else this.byStem.set(key, [p]);
          }
        } else this.wild.push(p);
      }
    }
  }

  /** Every match in a run of words, longest first at each start, without overlaps. */
  matchAll(ws: readonly Word[], from = 0, to = ws.length): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    let i = from;
    while (i < to) {
      const m = this.matchAt(ws, i, to);
      if (m) {
        out.push(m);
        i = m.to;
      } else i++;
    }
    return out;
  }

  /** The longest phrase that starts at word i. */
  matchAt(ws: readonly Word[], i: number, to = ws.length): PhraseMatch | undefined {
    const w = ws[i];
    let best = this.longest(this.byStem.get(w.stem), ws, i, to, 0);
    if (w.lower !== w.stem) best = this.longest(this.byStem.get(w.lower), ws, i, to, best);
    if (this.wild.length) best = this.longest(this.wild, ws, i, to, best);
    if (!best) return undefined;
    const phrase = this.lastBest!;
    return { phrase, from: i, to: i + best };
  }

  private lastBest: CompiledPhrase | undefined;

  /** Length of the longest phrase in `list` matching at i, if longer than `best`; sets lastBest. */
  private longest(
    list: CompiledPhrase[] | undefined,
    ws: readonly Word[],
    i: number,
    to: number,
    best: number,
  ): number {
    if (!list) return best;
    for (let p = 0; p < list.length; p++) {
      const phrase = list[p];
      const n = phrase.tokens.length;
      if (n <= best || i + n > to) continue;
      let k = 0;
      while (k < n && tokenMatches(phrase.tokens[k], ws[i + k])) k++;
      if (k === n) {
        best = n;
        this.lastBest = phrase;
      }
    }
    return best;
  }
}

/** The matches of one run of words against every set of a PhraseIndex. */
export class Scan {
  constructor(
    private readonly index: PhraseIndex,
    /** Every match, as [set position, match], longest per set and start word, in word order. */
    private readonly found: Array<[number, PhraseMatch]>,
  ) {}

  /** Every match of a set, at most one (the longest) per start word. */
  of(set: PhraseSet): PhraseMatch[] {
    if (!this.found.length) return [];
    const at = this.index.position(set);
    const out: PhraseMatch[] = [];
    for (const [i, m] of this.found) if (i === at) out.push(m);
    return out;
  }

  has(set: PhraseSet): boolean {
    if (!this.found.length) return false;
    const at = this.index.position(set);
    return this.found.some(([i]) => i === at);
  }

  /** Every match with the position of its set in the index, in word order. */
  all(): ReadonlyArray<readonly [number, PhraseMatch]> {
    return this.found;
  }

  /** Non-overlapping matches, longest first at each start, as PhraseSet.matchAll gives. */
  matchAll(set: PhraseSet): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    let end = -1;
    for (const m of this.of(set)) {
      if (m.from < end) continue;
      out.push(m);
      end = m.to;
    }
    return out;
  }
}

/**
 * Many phrase sets matched in one pass over the words: each word costs one or two lookups
 * whatever the number of sets, which matters when a rubric and the stage cues hold dozens.
 */
export class PhraseIndex {
  private readonly byKey = new Map<string, Array<[number, CompiledPhrase]>>();
  /** Phrases starting with `*`, tried at every word. */
  private readonly wild: Array<[number, CompiledPhrase]> = [];
  /** Phrases starting with `#n`, tried only at numbers. */
  private readonly numbered: Array<[number, CompiledPhrase]> = [];
  private readonly positions = new Map<PhraseSet, number>();

  constructor(readonly sets: readonly PhraseSet[]) {
    sets.forEach((set, i) => {
      this.positions.set(set, i);
      for (const p of set.phrases) {
        const first = p.tokens[0];
        if (first.kind !== 'word') {
          (first.kind === 'number' ? this.numbered : this.wild).push([i, p]);
          continue;
        }
        for (const key of first.stem === first.lower ? [first.stem] : [first.stem, first.lower]) {
          const bucket = this.byKey.get(key);
          if (bucket) bucket.push([i, p]);
          else this.byKey.set(key, [[i, p]]);
        }
      }
    });
  }

  position(set: PhraseSet): number {
    const i = this.positions.get(set);
    if (i === undefined) throw new Error('phrase set is not in this index');
    return i;
  }

  scan(ws: readonly Word[]): Scan {
    const found: Array<[number, PhraseMatch]> = [];
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i];
      const before = found.length;
      this.consider(this.byKey.get(w.stem), ws, i, found, before);
      if (w.lower !== w.stem) this.consider(this.byKey.get(w.lower), ws, i, found, before);
      if (this.wild.length) this.consider(this.wild, ws, i, found, before);
      if (w.num && this.numbered.length) this.consider(this.numbered, ws, i, found, before);
    }
    return new Scan(this, found);
  }

  /** Adds the matches at word i, keeping only the longest per set (those from `since` on start at i). */
  private consider(
    list: Array<[number, CompiledPhrase]> | undefined,
    ws: readonly Word[],
    i: number,
    found: Array<[number, PhraseMatch]>,
    since: number,
  ): void {
    if (!list) return;
    outer: for (let k = 0; k < list.length; k++) {
      const [set, phrase] = list[k];
      const n = phrase.tokens.length;
      if (i + n > ws.length) continue;
      let j = 0;
      while (j < n && tokenMatches(phrase.tokens[j], ws[i + j])) j++;
      if (j < n) continue;
      for (let f = since; f < found.length; f++) {
        if (found[f][0] !== set) continue;
        if (n > found[f][1].to - i) found[f] = [set, { phrase, from: i, to: i + n }];
        continue outer;
      }
      found.push([set, { phrase, from: i, to: i + n }]);
    }
  }
}
