/**
 * The service cycle: identify need → agree standards → deliver → monitor → evaluate → improve.
 * A sentence is evidence of a stage only when the learner states it as something that happened:
 * negated, hypothetical and opinion sentences, headings and quotations never count, and a cue
 * word used incidentally ("monitoring the printer queue") needs its context to count.
 */
import type { AccountDocument, Block, Sentence } from './document.js';
import { isLinkSentence, placeholderSpans } from './claims.js';
import cues from './lexicon/stages.json' with { type: 'json' };
import { PhraseIndex, PhraseSet, type Scan } from './phrases.js';
import { measurableSpans } from './standards.js';
import type { Statements } from './statements.js';
import type { StageTrace } from './explain-trace.js';
import { STAGES, type Stage } from './types.js';

/** One way a sentence can show a stage: every set must match somewhere in the sentence. */
type Cue = PhraseSet[];

const set = (phrases: readonly string[]) => new PhraseSet(phrases);

const FIRST_PERSON = set(cues.firstPerson);
const SUBJECT = set(cues.subject);
const NEED_WORDS = set(cues.needWords);
const IDENTIFY_STRONG = set(cues.identifyStrong);
const IDENTIFY_WEAK = set(cues.identifyWeak);
const AGREE_WORDS = set(cues.agreeWords);
const MONITOR_CUES = set(cues.monitorCues);
const MONITOR_CONTEXT = set(cues.monitorContext);
const MONITOR_CONTEXT_FIRM = set(cues.monitorContextFirm);
const FEEDBACK_WORDS = set(cues.feedbackWords);
const GATHER_WORDS = set(cues.gatherWords);
// Looking back over complaints is a way of evaluating the service too.
const COMPLAINTS_ANALYSIS = cues.complaintsAnalysis.map(set);
const SATISFACTION_ASK = cues.satisfactionAsk.map(set);
const RESULTS = set(cues.results);
const IMPROVE_CUES = set(cues.improveCues);
const PERSONAL_LEARNING = set(cues.personalLearning);

const LOOKED_AT = new Set(cues.lookedAt);

// Verbs that show another stage (or only talk), not the service itself being delivered.
const NOT_DELIVERY_VERBS = new Set(cues.notDeliveryVerbs);

export interface Example {
  /** The section heading that opens the example, if the account holds several. */
  title?: string;
  heading?: Block;
  start: number;
  end: number;
  sentences: Sentence[];
  evidence: Map<Stage, Sentence[]>;
}

/** Every cue set, matched in one pass per sentence. */
const CUES = new PhraseIndex([
  FIRST_PERSON,
  SUBJECT,
  NEED_WORDS,
  IDENTIFY_STRONG,
  IDENTIFY_WEAK,
  AGREE_WORDS,
  MONITOR_CUES,
  MONITOR_CONTEXT,
  MONITOR_CONTEXT_FIRM,
  FEEDBACK_WORDS,
  GATHER_WORDS,
  ...COMPLAINTS_ANALYSIS,
  ...SATISFACTION_ASK,
  RESULTS,
  IMPROVE_CUES,
  PERSONAL_LEARNING,
]);

function anyEvidence(scan: Scan, ps: PhraseSet, s: Sentence, st: Statements): boolean {
  return scan.of(ps).some((m) => st.isEvidenceAt(s, m.from));
}

/** Evidence of a phrase that the learner (I / we, earlier in the sentence) is the subject of. */
function learnerEvidence(scan: Scan, ps: PhraseSet, s: Sentence, st: Statements): boolean {
  const subject = scan.of(SUBJECT);
  if (!subject.length) return false;
  const first = subject[0].from;
  return scan.of(ps).some((m) => m.from > first && st.isEvidenceAt(s, m.from));
}

function all(scan: Scan, cue: Cue, s: Sentence, st: Statements): boolean {
  return cue.every((ps) => anyEvidence(scan, ps, s, st));
}

/** The stages one sentence evidences, before the account-level gates. `why` hears each decision (explain.ts). */
export function sentenceStages(s: Sentence, doc: AccountDocument, st: Statements, why?: StageTrace): Set<Stage> {
  const found = new Set<Stage>();
  if (s.block.kind === 'heading' || s.block.kind === 'quote') {
    why?.skipped(s, s.block.kind);
    return found;
  }
  if (!st.isFactual(s)) {
    why?.skipped(s, st.of(s).opinion ? 'opinion' : 'meta');
    return found;
  }
  const text = doc.prose.slice(s.start, s.end);
  // A link sentence ("This demonstrates my ability to… (AC 2)") and template text ("[a measurable
  // standard]") name what should be shown; they are not evidence that it was.
  if (isLinkSentence(text)) {
    why?.skipped(s, 'link-sentence');
    return found;
  }
  if (placeholderSpans(text, 0).length) {
    why?.skipped(s, 'placeholder');
    return found;
  }
  const facts = st.of(s);
  const scan = CUES.scan(s.words);
  const firstPerson = scan.has(FIRST_PERSON);
  const subject = scan.has(SUBJECT);

  // "I always ask questions" describes the job; identifying a need, like evaluating, is shown on an occasion.
  const presentHabit =
    facts.reading.predicates.length > 0 &&
    facts.reading.predicates.every((p) => p.tense === 'present' && p.genericity !== 'particular');
  if (
    subject &&
    !presentHabit &&
    (anyEvidence(scan, IDENTIFY_STRONG, s, st) || (anyEvidence(scan, IDENTIFY_WEAK, s, st) && scan.has(NEED_WORDS)))
  )
    found.add('identify-need');

  // A promise reported as made ("I told him I'd ring him back by 3", "I promised to ring before 5") agrees a standard too.
  const promised = facts.reading.predicates.some(
    (p) =>
      p.modality === 'reported' &&
      p.polarity === 'positive' &&
      (p.tense === 'modal' || p.tense === 'future' || p.tense === 'past'),
  );
  if ((anyEvidence(scan, AGREE_WORDS, s, st) || promised) && measurableSpans(text, s.start).length)
    found.add('agree-standards');
  else if (firstPerson && /\b(?:SLA|service level agreement|customer charter)\b/i.test(text))
    found.add('agree-standards');

  // "to make sure I understood" belongs to identifying the need; monitoring then needs firmer context.
  const monitorContext = found.has('identify-need') ? MONITOR_CONTEXT_FIRM : MONITOR_CONTEXT;
  // A routine check counts too ("I check the driver log every Friday"): monitoring is often a habit.
  const routine = facts.reading.predicates.some(
    (p) =>
      (p.actor === 'writer' || p.actor === 'we') &&
      p.kind === 'action' &&
      p.polarity === 'positive' &&
      p.modality === 'none' &&
      p.genericity === 'habitual' &&
      p.marked,
  );
  // "I checked the interpreting service had confirmed": checking whether something had happened is monitoring.
  const preds = facts.reading.predicates;
  const checkedDone = preds.some(
    (p, k) =>
      k > 0 &&
      p.embedded &&
      p.tense === 'past-perfect' &&
      p.actor === 'other' &&
      (preds[k - 1].infinitive === 'check' || preds[k - 1].infinitive === 'confirm') &&
      preds[k - 1].actor === 'writer',
  );
  if (
    subject &&
    (facts.action >= 0 || routine) &&
    anyEvidence(scan, MONITOR_CUES, s, st) &&
    (scan.has(monitorContext) || checkedDone)
  )
    found.add('monitor');

  // Feedback counts when it was actually gathered or looked at: a past action or results, not a job description.
  const results = scan.has(RESULTS);
  const acted = facts.actions.length > 0 || results;
  if (acted && !presentHabit) {
    const feedback =
      scan.has(GATHER_WORDS) &&
      (learnerEvidence(scan, FEEDBACK_WORDS, s, st) || (results && anyEvidence(scan, FEEDBACK_WORDS, s, st)));
    if (
      feedback ||
      (firstPerson && all(scan, SATISFACTION_ASK, s, st)) ||
      (results && scan.has(FEEDBACK_WORDS)) ||
      (subject && all(scan, COMPLAINTS_ANALYSIS, s, st))
    )
      found.add('evaluate');
  }

  if (facts.hypothetical.length === 0 && !scan.has(PERSONAL_LEARNING) && anyEvidence(scan, IMPROVE_CUES, s, st))
    found.add('improve');

  // "I looked him up" is doing the work; "I looked at the results" is checking or evaluating.
  const delivers = (i: number) =>
    !NOT_DELIVERY_VERBS.has(s.words[i].lower) ||
    (s.words[i].lower === 'looked' && !LOOKED_AT.has(s.words[i + 1]?.lower ?? ''));
  if (facts.actions.some(delivers)) found.add('deliver');
  why?.read(s, found, scan, facts.actions.filter(delivers));
  return found;
}

/** The cue lists of lexicon/stages.json by the stage each bears on, for explanations (the person words bear on none). */
export const STAGE_CUES: ReadonlyArray<{ list: string; stage: Stage; set: PhraseSet }> = [
  { list: 'identifyStrong', stage: 'identify-need', set: IDENTIFY_STRONG },
  { list: 'identifyWeak', stage: 'identify-need', set: IDENTIFY_WEAK },
  { list: 'needWords', stage: 'identify-need', set: NEED_WORDS },
  { list: 'agreeWords', stage: 'agree-standards', set: AGREE_WORDS },
  { list: 'monitorCues', stage: 'monitor', set: MONITOR_CUES },
  { list: 'monitorContext', stage: 'monitor', set: MONITOR_CONTEXT },
  { list: 'monitorContextFirm', stage: 'monitor', set: MONITOR_CONTEXT_FIRM },
  { list: 'gatherWords', stage: 'evaluate', set: GATHER_WORDS },
  { list: 'feedbackWords', stage: 'evaluate', set: FEEDBACK_WORDS },
  ...COMPLAINTS_ANALYSIS.map((set) => ({ list: 'complaintsAnalysis', stage: 'evaluate' as const, set })),
  ...SATISFACTION_ASK.map((set) => ({ list: 'satisfactionAsk', stage: 'evaluate' as const, set })),
  { list: 'results', stage: 'evaluate', set: RESULTS },
  { list: 'improveCues', stage: 'improve', set: IMPROVE_CUES },
  { list: 'personalLearning', stage: 'improve', set: PERSONAL_LEARNING },
];

// "Example 2", "Case study: the late parcel", "Scenario B", "1. The boiler"; not a STAR heading ("Situation", "Task"), which structures one example.
const EXAMPLE_TITLE =
  /^(?:example|case study)\b|^(?:case|scenario|situation|incident|episode|occasion|part|customer|task|account)\s*(?:\d+|[a-z]\b|one|two|three|four|five)(?:\b|$)|^\d+[.):]\s/i;
const STRUCTURE_TITLE =
  /^(?:situation|task|action|result)s?$|identif|need|agree|standard|deliver|what i did|action|monitor|evaluat|feedback|improv|background|situation|context|outcome|result|reflect|summary|conclusion|introduction|my role|who |records|complaint|evidence|the issue|what happened|on the day|learning|next steps/i;

/** Splits an account into examples when it holds several under headings of one level. */
export function findExamples(doc: AccountDocument, stagesOf: (s: Sentence) => Set<Stage>): Example[] {
  const whole: Example = { start: 0, end: doc.text.length, sentences: doc.sentences, evidence: new Map() };
  const depths = new Map<number, number>();
  for (const sec of doc.sections) depths.set(sec.depth, (depths.get(sec.depth) ?? 0) + 1);
  const depth = [...depths.entries()]
    .filter(([, n]) => n >= 2)
    .map(([d]) => d)
    .sort((a, b) => a - b)[0];
  let examples: Example[] = [whole];
  if (depth !== undefined) {
    const secs = doc.sections.filter((s) => s.depth === depth);
    const candidates: Example[] = secs.map((sec, i) => {
      const end = i + 1 < secs.length ? secs[i + 1].start : doc.text.length;
      return {
        title: sec.title,
        heading: sec.heading,
        start: sec.start,
        end,
        sentences: doc.sentences.filter((s) => s.start >= sec.start && s.start < end),
        evidence: new Map(),
      };
    });
    const titled = secs.filter((s) => EXAMPLE_TITLE.test(s.title)).length;
    const structural = secs.some((s) => STRUCTURE_TITLE.test(s.title) && !EXAMPLE_TITLE.test(s.title));
    const rich = candidates.filter((c) => {
      const stages = new Set<Stage>();
      for (const s of c.sentences) for (const st of stagesOf(s)) stages.add(st);
      return stages.size >= 3;
    }).length;
    if (titled >= 2 || (!structural && rich >= 2))
      examples = candidates.filter((c) => EXAMPLE_TITLE.test(c.title ?? '') || titled < 2);
  }
  for (const ex of examples) for (const stage of STAGES) ex.evidence.set(stage, []);
  return examples;
}

export interface CycleAnalysis {
  examples: Example[];
  /** All evidence in the account, by stage. */
  evidence: Map<Stage, Sentence[]>;
}

/** `stagesOfSentence` may give a cached sentenceStages (incremental.ts); it must give exactly what that would. */
export function analyseCycle(
  doc: AccountDocument,
  st: Statements,
  stagesOfSentence = (s: Sentence) => sentenceStages(s, doc, st),
  why?: StageTrace,
): CycleAnalysis {
  const perSentence = new Map<Sentence, Set<Stage>>();
  const stagesOf = (s: Sentence) => {
    let r = perSentence.get(s);
    if (!r) {
      r = stagesOfSentence(s);
      perSentence.set(s, r);
    }
    return r;
  };
  const examples = findExamples(doc, stagesOf);
  const evidence = new Map<Stage, Sentence[]>(STAGES.map((s) => [s, []]));
  for (const ex of examples) {
    let evaluated = false;
    for (const s of ex.sentences) {
      const stages = stagesOf(s);
      if (stages.has('evaluate')) evaluated = true;
      for (const stage of stages) {
        // An improvement counts only when it follows from an evaluation in the same example.
        if (stage === 'improve' && !evaluated) {
          why?.dropped(s, stage);
          continue;
        }
        ex.evidence.get(stage)!.push(s);
      }
    }
  }
  for (const ex of examples) for (const [stage, list] of ex.evidence) evidence.get(stage)!.push(...list);
  for (const list of evidence.values()) list.sort((a, b) => a.start - b.start);
  return { examples, evidence };
}
