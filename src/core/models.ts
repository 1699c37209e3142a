/**
 * Reflective models other than the service cycle: Gibbs' reflective cycle (description, feelings,
 * evaluation, analysis, conclusion, action plan) and Kolb's learning cycle (experience, reflection,
 * conceptualisation, experimentation). A rubric names one with `"cycle"`. The stages and their cues
 * are data (lexicon/models.json); what this file holds is how a cue is read, as for the service
 * cycle: headings, block quotations, link sentences and template text never count, and each cue
 * says whose words count and whether a plan or a negation still does.
 */
import type { AccountDocument, Block, Sentence } from './document.js';
import { isLinkSentence, placeholderSpans } from './claims.js';
import data from './lexicon/models.json' with { type: 'json' };
import { verbOf } from './language/lexicon.js';
import { PhraseIndex, PhraseSet, type PhraseMatch, type Scan } from './phrases.js';
import type { Example } from './stages.js';
import type { Predicate } from './language/clauses.js';
import type { NotEvidence, Statements } from './statements.js';
import type { SentenceSkip } from './explain-trace.js';

/**
 * How a cue's words are read:
 * - `occasion`: the sentence tells of something the learner did on an occasion (phrases not needed);
 * - `learner`: the learner (I or we) is the one the words are about, stated as so ("I felt nervous";
 *   not "she felt ignored", "I didn't feel nervous", "I would have felt");
 * - `judgement`: a judgement of how it went, negative ones too ("it did not go well"), not in quotation marks;
 * - `reflection`: looking back or drawing a lesson; what could or should have been done counts, a negation does not;
 * - `plan`: the learner's plan for next time: future, "would", "want to" or present; not past, not negated;
 * - `tried`: the learner trying something out, done or planned;
 * - `opinion`: the words count only in the learner's opinion ("I think it went wrong because…").
 */
export type CueReading = 'occasion' | 'learner' | 'judgement' | 'reflection' | 'plan' | 'tried' | 'opinion';

interface CueData {
  reading: string;
  phrases?: string[];
  with?: string[];
  without?: string[];
}
interface StageData {
  id: string;
  title: string;
  name: string;
  advice: string;
  headings: string[];
  unless?: string[];
  cues: CueData[];
  context?: string;
}
interface ModelData {
  title: string;
  short: string;
  aboutModel: string[];
  stages: StageData[];
}

export interface ModelCue {
  reading: CueReading;
  phrases?: PhraseSet;
  /** Words that must also be in the sentence, outside the cue's own. */
  with?: PhraseSet;
  /** Words that keep the cue from counting in the sentence ("because" after "I felt" explains a feeling, not what happened). */
  without?: PhraseSet;
}

/**
 * How a sentence under a heading (or a list's lead-in line, "My action plan:") that names the stage
 * shows it without cue words: `any` sentence of the learner's own account; a `plan` for next time;
 * something `tried`. Learners who write a heading per stage rarely repeat the stage's words below it.
 */
export type ContextReading = 'any' | 'plan' | 'tried';

export interface ModelStage {
  id: string;
  /** "Feelings", as a heading or column shows it. */
  title: string;
  /** As a sentence names it: "This account does not yet show how you felt." */
  name: string;
  /** What would show the stage, said to the learner. */
  advice: string;
  /** Words of a heading that names the stage. */
  headings: PhraseSet;
  unless?: PhraseSet;
  cues: ModelCue[];
  context?: ContextReading;
}

export interface ReflectiveModel {
  id: ModelId;
  /** "Gibbs' reflective cycle". */
  title: string;
  /** "Gibbs", for a short label ("Gibbs 4 of 6"). */
  short: string;
  stages: ModelStage[];
  /** Words of a sentence about the model itself ("I have written this using Kolb's learning cycle"), not evidence of a stage. */
  aboutModel: PhraseSet;
  index: PhraseIndex;
}

export type ModelId = 'gibbs' | 'kolb';

const READINGS = new Set<CueReading>(['occasion', 'learner', 'judgement', 'reflection', 'plan', 'tried', 'opinion']);
const CONTEXTS = new Set<ContextReading>(['any', 'plan', 'tried']);

function compileModel(id: ModelId, m: ModelData): ReflectiveModel {
  const sets: PhraseSet[] = [];
  const set = (list: readonly string[] | undefined) => {
    if (!list) return undefined;
    const ps = new PhraseSet(list);
    sets.push(ps);
    return ps;
  };
  const stages = m.stages.map((s) => {
    if (s.context !== undefined && !CONTEXTS.has(s.context as ContextReading))
      throw new Error(`lexicon/models.json: ${id} stage ${s.id}: unknown context "${s.context}"`);
    return {
      id: s.id,
      title: s.title,
      name: s.name,
      advice: s.advice,
      headings: new PhraseSet(s.headings),
      unless: set(s.unless),
      cues: s.cues.map((c) => {
        if (!READINGS.has(c.reading as CueReading))
          throw new Error(`lexicon/models.json: ${id} stage ${s.id}: unknown reading "${c.reading}"`);
        return {
          reading: c.reading as CueReading,
          phrases: set(c.phrases),
          with: set(c.with),
          without: set(c.without),
        };
      }),
      ...(s.context ? { context: s.context as ContextReading } : {}),
    };
  });
  const aboutModel = set(m.aboutModel)!;
  return { id, title: m.title, short: m.short, stages, aboutModel, index: new PhraseIndex(sets) };
}

/** The built-in models other than the service cycle, by the id a rubric's `cycle` names. */
export const MODELS: Readonly<Record<ModelId, ReflectiveModel>> = {
  gibbs: compileModel('gibbs', data.gibbs),
  kolb: compileModel('kolb', data.kolb),
};

export function modelOf(cycle: string | undefined): ReflectiveModel | undefined {
  return cycle === 'gibbs' || cycle === 'kolb' ? MODELS[cycle] : undefined;
}

/** Why a cue's words were found but not counted. */
export type CueRejection = NotEvidence | 'not-the-learner' | 'past' | 'not-an-opinion' | 'incomplete';

/** What one sentence shows of a model's stages, with the words that made each and those not counted. */
export interface ModelReading {
  skipped?: SentenceSkip;
  /** Stage id → the cue matches that showed it (empty for an `occasion` cue, which needs no words). */
  found: Map<string, PhraseMatch[]>;
  /** Stages the sentence shows when under a heading or lead-in naming them (ModelStage.context), by its own reading. */
  inContext: string[];
  rejected: Array<{ stage: string; match: PhraseMatch; reason: CueRejection }>;
}

/** Whether a cue matched at `m` counts under its reading, or why not. */
function judge(reading: CueReading, s: Sentence, st: Statements, m: PhraseMatch): CueRejection | undefined {
  const why = st.whyNotEvidenceAt(s, m.from);
  if (why === 'quoted') return why;
  const p = st.predicateAt(s, m.from);
  switch (reading) {
    case 'occasion':
    case 'judgement':
      return undefined;
    case 'learner': {
      if (why) return why;
      // "I didn't really think about how I felt": a feeling told inside a negated clause is not stated.
      const { predicateOf, predicates } = st.of(s).reading;
      const k = predicateOf[m.from];
      const governing = k > 0 ? predicates[k - 1] : undefined;
      if (p?.embedded && governing?.polarity === 'negative') return 'negated';
      return p?.actor === 'other' ? 'not-the-learner' : undefined;
    }
    case 'reflection':
      return why === 'negated' ? why : undefined;
    case 'plan': {
      if (why === 'negated') return why;
      // The clauses the learner (or nobody: "Ask for ID first") is the subject of; "next time" may stand in none of them.
      const preds = st.of(s).reading.predicates;
      const own = preds.filter((q) => q.actor !== 'other');
      if (preds.length && !own.length) return 'not-the-learner';
      // "The next time he came in, I had it ready" tells of the past: no plan.
      const past = (q: Predicate) => (q.tense === 'past' || q.tense === 'past-perfect') && q.modality === 'none';
      return own.length && own.every(past) ? 'past' : undefined;
    }
    case 'tried':
      if (why === 'negated') return why;
      return p?.actor === 'other' ? 'not-the-learner' : undefined;
    case 'opinion':
      return st.of(s).opinion ? undefined : 'not-an-opinion';
  }
}

/** The stages of `model` one sentence shows, and why the cue words it holds for others did not count. */
export function readModelSentence(
  model: ReflectiveModel,
  s: Sentence,
  doc: AccountDocument,
  st: Statements,
): ModelReading {
  const found = new Map<string, PhraseMatch[]>();
  const inContext: string[] = [];
  const rejected: ModelReading['rejected'] = [];
  const skip = (skipped: SentenceSkip): ModelReading => ({ skipped, found, inContext, rejected });
  if (s.block.kind === 'heading' || s.block.kind === 'quote') return skip(s.block.kind);
  if (st.of(s).meta) return skip('meta');
  const text = doc.prose.slice(s.start, s.end);
  if (isLinkSentence(text)) return skip('link-sentence');
  if (placeholderSpans(text, 0).length) return skip('placeholder');
  const scan = model.index.scan(s.words);
  if (scan.has(model.aboutModel)) return skip('meta');
  for (const stage of model.stages) {
    const unless = stage.unless ? scan.of(stage.unless) : [];
    const excused = (m: PhraseMatch) => unless.some((u) => m.from < u.to && u.from < m.to);
    const counted: PhraseMatch[] = [];
    let shown = false;
    for (const cue of stage.cues) {
      if (cue.reading === 'occasion' && !cue.phrases) {
        if (st.tellsOfAction(s)) shown = true;
        continue;
      }
      const matches = cue.phrases ? scan.matchAll(cue.phrases).filter((m) => !excused(m)) : [];
      const complete = (!cue.with || hasWith(scan, cue.with, matches)) && !(cue.without && scan.has(cue.without));
      for (const m of matches) {
        const reason = complete ? judge(cue.reading, s, st, m) : 'incomplete';
        if (reason) rejected.push({ stage: stage.id, match: m, reason });
        else counted.push(m);
      }
    }
    if (counted.length) shown = true;
    if (shown) found.set(stage.id, counted);
    else if (stage.context && holdsInContext(stage.context, s, st)) inContext.push(stage.id);
  }
  return { found, inContext, rejected };
}

/** Whether the sentence's own clauses read as its stage's context asks: any, a plan (not past, not hedged), something tried. */
function holdsInContext(context: ContextReading, s: Sentence, st: Statements): boolean {
  if (context === 'any') return true;
  // A list's bare "Ask for the passcode first", "Read the handbook by Friday": an instruction to oneself is a plan.
  const first = s.words[0] ? verbOf(s.words[0].lower) : undefined;
  if (context === 'plan' && first && first.infinitive === s.words[0].lower && first.forms.includes('I')) return true;
  return st.of(s).reading.predicates.some((p) => {
    if (p.actor === 'other' || p.polarity === 'negative' || p.modality === 'hedge' || p.condition) return false;
    if (st.whyNotEvidenceAt(s, p.verb) === 'quoted') return false;
    // A plan: "I will…", "I would…", or a list's bare "Read the handbook by Friday"; not "I think I handled it".
    const planned = p.tense === 'future' || p.tense === 'modal' || p.modality === 'hypothetical';
    if (context === 'plan') return planned || (p.tense === 'present' && p.actor === 'none');
    // Something tried: done ("I used this in March") or planned for certain ("I will try"), not "I would probably try".
    return p.modality !== 'hypothetical' && p.modality !== 'counterfactual';
  });
}

/**
 * The stages named by the heading each block stands under, or by the lead-in line of the list it is in
 * ("My action plan:"). Worked out per analysis, not kept per sentence: it depends on other blocks.
 */
function stagesNamedAbove(model: ReflectiveModel, doc: AccountDocument): Map<Block, Set<string>> {
  const named = new Map<Block, Set<string>>();
  const naming = (b: Block) =>
    new Set(model.stages.filter((x) => x.headings.matchAll(b.words).length).map((x) => x.id));
  let heading = new Set<string>();
  let leadIn: Set<string> | undefined;
  let previous: Block | undefined;
  for (const b of doc.blocks) {
    const label = inlineLabel(model, doc, b);
    if (label) {
      named.set(b, label);
      previous = b;
      continue;
    }
    if (b.kind === 'heading' || boldLine(doc, b)) {
      heading = naming(b);
      leadIn = undefined;
    } else if (b.kind === 'list-item') {
      if (previous && previous.kind !== 'list-item')
        leadIn = doc.prose.slice(previous.start, previous.end).trimEnd().endsWith(':') ? naming(previous) : undefined;
      const both = leadIn?.size ? new Set([...heading, ...leadIn]) : heading;
      if (both.size) named.set(b, both);
    } else if (heading.size) named.set(b, heading);
    previous = b;
  }
  return named;
}

/** A paragraph that is only a short bold or italic line ("**Feelings**"): a heading in all but its Markdown. */
function boldLine(doc: AccountDocument, b: Block): boolean {
  if (b.kind !== 'paragraph' || b.words.length > 6) return false;
  return /^([*_]{1,2})[^*_\n]+\1:?$/.test(doc.text.slice(b.start, b.end).trim());
}

/** "Abstract conceptualisation – What I learnt…", "**Feelings:** I was…": a paragraph that opens with a stage's name as its label. */
function inlineLabel(model: ReflectiveModel, doc: AccountDocument, b: Block): Set<string> | undefined {
  if (b.kind === 'heading' || !b.words.length) return undefined;
  const stages = new Set<string>();
  for (const x of model.stages) {
    const m = x.headings.matchAt(b.words, 0);
    if (!m || m.to >= b.words.length) continue;
    const between = doc.text.slice(b.words[m.to - 1].end, b.words[m.to].start);
    // A dash or colon after the label, or the label in bold on its own ("**Feelings** I was…").
    if (/^[*_\s]*[:\u2013\u2014-]/.test(between) || /^[*_]{1,2}\s/.test(between)) stages.add(x.id);
  }
  return stages.size ? stages : undefined;
}

/** A cue's `with` words are in the sentence too, outside the cue's own words ("next time" is not its own context). */
function hasWith(scan: Scan, list: PhraseSet, matches: readonly PhraseMatch[]): boolean {
  return scan.of(list).some((w) => !matches.some((m) => w.from >= m.from && w.to <= m.to));
}

/** A model's stages in an account: per example, and over the whole account. */
export interface ModelAnalysis {
  model: ReflectiveModel;
  /** Per example of the cycle analysis (stages.ts), in order: stage id → the sentences showing it. */
  examples: Array<{ example: Example; evidence: Map<string, Sentence[]> }>;
  /** All evidence in the account, by stage id, in the account's order. */
  evidence: Map<string, Sentence[]>;
}

/** `readOf` may give a cached readModelSentence (incremental.ts); it must give exactly what that would. */
export function analyseModel(
  model: ReflectiveModel,
  doc: AccountDocument,
  examples: readonly Example[],
  readOf: (s: Sentence) => ModelReading,
): ModelAnalysis {
  const evidence = new Map<string, Sentence[]>(model.stages.map((x) => [x.id, []]));
  const named = stagesNamedAbove(model, doc);
  const perExample = examples.map((example) => {
    const ev = new Map<string, Sentence[]>(model.stages.map((x) => [x.id, []]));
    for (const s of example.sentences) {
      const r = readOf(s);
      const context = named.get(s.block);
      for (const { id } of model.stages)
        if (r.found.has(id) || (context?.has(id) && r.inContext.includes(id))) ev.get(id)!.push(s);
    }
    return { example, evidence: ev };
  });
  for (const { evidence: ev } of perExample) for (const [id, list] of ev) evidence.get(id)!.push(...list);
  for (const list of evidence.values()) list.sort((a, b) => a.start - b.start);
  return { model, examples: perExample, evidence };
}
