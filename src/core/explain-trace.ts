/**
 * What the analyser tells an explanation while it decides, when one is asked for (`--explain`, the
 * editor's "Why?"). The analyser takes an optional trace and calls it at its own decisions, so an
 * explanation shows exactly what was decided; without one nothing is recorded or allocated.
 * explain.ts gathers these calls into the explanation a reader sees.
 */
import type { Sentence } from './document.js';
import type { PhraseMatch, Scan } from './phrases.js';
import type { Stage } from './types.js';

/** Why a whole sentence is not read for stages: a heading, a block quotation, an opinion, talk about the account, a link sentence, template text. */
export type SentenceSkip = 'heading' | 'quote' | 'opinion' | 'meta' | 'link-sentence' | 'placeholder';

export interface StageTrace {
  /** The sentence was not read for stages at all. */
  skipped(s: Sentence, reason: SentenceSkip): void;
  /** The sentence was read: its cue matches, the stages it showed, and the words telling of the service delivered. */
  read(s: Sentence, found: ReadonlySet<Stage>, scan: Scan, delivering: readonly number[]): void;
  /** A stage the sentence showed that the account-level rule did not keep (an improvement before any evaluation). */
  dropped(s: Sentence, stage: Stage): void;
}

/** What made a criterion's score for one paragraph's content (ranking.ts). */
export interface RankTrace {
  /** A word (its stem) the paragraph shares with the criterion's wording, and its weight. */
  term(id: string, stem: string, weight: number): void;
  /** The bonus for stages the criterion declares and the paragraph shows. */
  stageBonus(id: string, shared: number, weight: number): void;
  /** One of the criterion's signal phrases, found whole. */
  signal(id: string, match: PhraseMatch, weight: number): void;
}
