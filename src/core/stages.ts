/**
 * The service cycle: identify need → agree standards → deliver → monitor → evaluate → improve.
 * A sentence is evidence of a stage only when the learner states it as something that happened:
 * negated, hypothetical and opinion sentences, headings and quotations never count, and a cue
 * word used incidentally ("monitoring the printer queue") needs its context to count.
 */
import type { AccountDocument, Block, Sentence } from './document.js';
import { PhraseIndex, PhraseSet, type Scan } from './phrases.js';
import { measurableSpans } from './standards.js';
import type { Statements } from './statements.js';
import { STAGES, type Stage } from './types.js';

/** One way a sentence can show a stage: every set must match somewhere in the sentence. */
type Cue = PhraseSet[];

const set = (...phrases: string[]) => new PhraseSet(phrases);

const FIRST_PERSON = set('i', 'we', 'me', 'us', 'my', 'our');
const SUBJECT = set('i', 'we');
const NEED_WORDS = set(
  'need', 'want', 'problem', 'issue', 'happen', 'require', 'requirement', 'prefer', 'expect', 'expectation',
  'wrong', 'matter', 'detail', 'information', 'timing', 'date', 'deadline', 'budget', 'concern', 'worry', 'important',
  'fault', 'symptom', 'error', 'number', 'reference', 'address', 'order', 'booking', 'access', 'vulnerable', 'urgent',
  'help', 'easier', 'better', 'difference', 'suit', 'convenient',
);

const IDENTIFY_STRONG = set(
  'open question', 'closed question', 'probing question', 'ask question', 'ask * question', 'ask * * question',
  'summarise back', 'summarise * back', 'summarise * * back', 'repeat * * back', 'read * * back', 'summarising', 'identify * need',
  'identify * * need', 'identify * * * need', 'work out what', 'work out * need', 'work out how', 'work out which', 'summarise what', 'summarise * need', 'summarise the', 'repeat back', 'repeat * back', 'repeat what',
  'read * back', 'read back', 'paraphrase', 'reflect back', 'check i understood', 'check i had understood',
  'check * understood', 'make sure i understood', 'make sure i had understood', 'find out what', 'find out how',
  'find out whether', 'find out which', 'find out why', 'find out more', 'active listening', 'listen actively',
  'listen carefully', 'listen without interrupt', 'listen to * without', 'let * explain', 'clarify', 'needs analysis',
  'confirm this was right', 'confirm that was right', 'confirm it was right', 'confirm what', 'establish what',
  'identify what', 'understand what', 'understand the problem', 'understand * need', 'check my understanding',
  'check * understanding', 'pick out', 'pick up on', 'agree * need', 'agree what * need', 'ask * to show', 'ask * to explain', 'ask * to describe',
  'ask * to tell', 'ask * to talk me through', 'ask * to walk me through',
);
const IDENTIFY_WEAK = set('ask what', 'ask which', 'ask when', 'ask whether', 'ask if', 'ask how', 'ask about', 'ask for', 'ask * what', 'ask * which', 'ask * when', 'ask * whether', 'ask * if', 'ask * how', 'ask * about', 'ask * for');

const AGREE_WORDS = set(
  'agree', 'promise', 'arrange', 'commit', 'guarantee', 'standard', 'charter', 'target', 'sla', 'service level',
  'policy', 'deadline', 'timescale', 'time scale', 'pledge', 'aim to', 'must be', 'have to be', 'has to be',
  'should be', 'expect', 'told * i would', 'told * we would', 'said i would', 'said we would', 'told * that i would',
  'told * that we would', 'said that i would', 'confirm that', 'procedure says',
  'code of practice', 'kpi', 'contract', 'schedule', 'promis', 'due', 'due date', 'terms', 'booking terms', 'terms say',
);

const MONITOR_CUES = set(
  'check', 'monitor', 'track', 'follow up', 'follow * up', 'chase', 'keep an eye', 'kept an eye', 'look at * account',
  'look at * record', 'look at * log', 'look at * tracker', 'look at * system', 'look at * job', 'look at * order',
  'look at the', 'checklist', 'review * progress', 'progress', 'status', 'to see whether',
  'to see if', 'to see what', 'to see how', 'confirm * arrive', 'confirm * deliver', 'confirm * complete', 'confirm * done',
  'ring * to check', 'call * to check', 'update * on progress', 'keep * updated', 'kept * updated', 'keep * informed', 'kept * informed',
);
const MONITOR_CONTEXT = set(
  'later', 'next day', 'next morning', 'following day', 'following morning', 'next week', 'again', 'before the deadline',
  'deadline', 'target', 'standard', 'sla', 'on track', 'progress', 'status', 'log', 'tracker', 'tracking', 'checklist',
  'to make sure', 'to see', 'whether * had', 'if * had',
  'every *', 'each *', 'daily', 'weekly', 'at #n', 'still', 'arrived', 'completed',
  'sign off', 'signed',
);

const MONITOR_CONTEXT_FIRM = set('later', 'next day', 'next morning', 'following day', 'again', 'deadline', 'target', 'standard', 'sla', 'on track', 'progress', 'status', 'tracker', 'tracking', 'checklist', 'log');

const FEEDBACK_WORDS = set(
  'survey', 'questionnaire', 'feedback', 'comment card', 'feedback form', 'review', 'rating', 'rate', 'score',
  'net promoter', 'nps', 'follow-up call', 'follow up call', 'satisfaction', 'complaints log', 'complaint data',
  'call recording', 'mystery shop', 'focus group', 'evaluation form', 'poll',
);
const GATHER_WORDS = set(
  'send', 'collect', 'gather', 'ask', 'look at', 'look through', 'read', 'analyse', 'review', 'check', 'ring', 'call',
  'phone', 'make', 'carry out', 'run', 'hand out', 'give out', 'gave', 'compare', 'go through', 'went through', 'count',
  'score', 'rate', 'result', 'out of', 'per cent', '%', 'receive', 'email', 'text',
);
// Looking back over complaints is a way of evaluating the service too.
const COMPLAINTS_ANALYSIS = [
  set('go through', 'go back through', 'look through', 'look at', 'look back', 'analys', 'run', 'review', 'pull', 'count', 'check'),
  set('complaints register', 'complaint register', 'complaints log', 'complaint log', 'complaints record', 'report on', 'crm report',
    'complaints data', 'all * complaints', 'our * complaints', 'the complaints', 'previous * complaints', 'complaints for', 'complaints from',
    'complaints over', 'complaints in the'),
];
const SATISFACTION_ASK = [
  set('ask', 'ring', 'call', 'phone', 'email', 'text'),
  set('how * felt', 'how * feel', 'how * found', 'how * thought', 'how * think', 'whether * happy', 'if * happy',
    'whether * satisfied', 'if * satisfied', 'how satisfied', 'how happy', 'for feedback', 'for * feedback', 'for * view',
    'for * opinion', 'to rate', 'what * thought', 'what * think', 'how * going', 'how * went', 'anything * improve',
    'how we could', 'how * could improve', 'what * could', 'worst part', 'best part', 'what was working', 'what * working',
    'what worked', 'what * work', 'what was not working', 'what wasn\'t working'),
];
const RESULTS = set('out of #n', '#n out of', '#n of our #n', '#n of the #n', 'per cent', 'percent', '%', 'score us', 'rate us', 'most said', 'majority', 'average', 'trend', 'result show', 'results show');

const IMPROVE_CUES = set(
  'recommend', 'suggest', 'propose', 'put forward', 'introduce', 'implement', 'put in place', 'brought in', 'bring in',
  'change the', 'change our', 'change how', 'change * process', 'change * procedure', 'made a change', 'make a change',
  'we now', 'now always', 'since then', 'from now on', 'has been in place', 'is now', 'are now', 'update the process',
  'update the procedure', 'update the template', 'update the form', 'update the script', 'update the checklist',
  'add * to the', 'set up a new', 'start using', 'start sending', 'started', 'new process', 'new procedure', 'new system',
  'new template', 'new checklist', 'new form', 'trial', 'pilot', 'amend the', 'improvement', 'adopt',
  'come up with the idea', 'idea of', 'still use', 'are going to change', 'are going to send', 'are going to add', 'are going to move',
  'we have agreed to', 'suggest we', 'suggest that we',
);
const PERSONAL_LEARNING = set('improve my', 'my skill', 'my own', 'my confidence', 'my knowledge', 'my excel', 'my typing', 'my development', 'learn', 'personal development', 'cpd');

const LOOKED_AT = new Set(['at', 'through', 'into', 'over', 'back', 'for', 'again', '']);

// Verbs that show another stage (or only talk), not the service itself being delivered.
const NOT_DELIVERY_VERBS = new Set([
  'asked', 'listened', 'repeated', 'summarised', 'summarized', 'questioned', 'clarified', 'said', 'told', 'apologised',
  'apologized', 'checked', 'monitored', 'tracked', 'looked', 'reviewed', 'analysed', 'analyzed', 'surveyed',
  'recommended', 'suggested', 'proposed', 'agreed', 'remembered', 'used',
]);

export interface StageEvidence {
  stage: Stage;
  sentence: Sentence;
}

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
  FIRST_PERSON, SUBJECT, NEED_WORDS, IDENTIFY_STRONG, IDENTIFY_WEAK, AGREE_WORDS, MONITOR_CUES, MONITOR_CONTEXT,
  MONITOR_CONTEXT_FIRM, FEEDBACK_WORDS, GATHER_WORDS, ...COMPLAINTS_ANALYSIS, ...SATISFACTION_ASK, RESULTS, IMPROVE_CUES,
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

/** The stages one sentence evidences, before the account-level gates. */
export function sentenceStages(s: Sentence, doc: AccountDocument, st: Statements): Set<Stage> {
  const found = new Set<Stage>();
  if (s.block.kind === 'heading' || s.block.kind === 'quote') return found;
  if (!st.isFactual(s)) return found;
  const facts = st.of(s);
  const scan = CUES.scan(s.words);
  const firstPerson = scan.has(FIRST_PERSON);
  const subject = scan.has(SUBJECT);
  const text = doc.prose.slice(s.start, s.end);

  if (subject && (anyEvidence(scan, IDENTIFY_STRONG, s, st) || (anyEvidence(scan, IDENTIFY_WEAK, s, st) && scan.has(NEED_WORDS)))) found.add('identify-need');

  // A promise reported as made ("I told him I'd ring him back by 3", "I promised to ring before 5") agrees a standard too.
  const promised = facts.reading.predicates.some((p) => p.modality === 'reported' && p.polarity === 'positive' && (p.tense === 'modal' || p.tense === 'future' || p.tense === 'past'));
  if ((anyEvidence(scan, AGREE_WORDS, s, st) || promised) && measurableSpans(text, s.start).length) found.add('agree-standards');
  else if (firstPerson && /\b(?:SLA|service level agreement|customer charter)\b/i.test(text)) found.add('agree-standards');

  // "to make sure I understood" belongs to identifying the need; monitoring then needs firmer context.
  const monitorContext = found.has('identify-need') ? MONITOR_CONTEXT_FIRM : MONITOR_CONTEXT;
  if (subject && facts.action >= 0 && anyEvidence(scan, MONITOR_CUES, s, st) && scan.has(monitorContext)) found.add('monitor');

  // Feedback counts when it was actually gathered or looked at: a past action or results, not a job description.
  const results = scan.has(RESULTS);
  const acted = facts.actions.length > 0 || results;
  if (acted) {
    const feedback = scan.has(GATHER_WORDS) && (learnerEvidence(scan, FEEDBACK_WORDS, s, st) || (results && anyEvidence(scan, FEEDBACK_WORDS, s, st)));
    if (feedback || (firstPerson && all(scan, SATISFACTION_ASK, s, st)) || (results && scan.has(FEEDBACK_WORDS)) || (subject && all(scan, COMPLAINTS_ANALYSIS, s, st))) found.add('evaluate');
  }

  if (facts.hypothetical.length === 0 && !scan.has(PERSONAL_LEARNING) && anyEvidence(scan, IMPROVE_CUES, s, st)) found.add('improve');

  // "I looked him up" is doing the work; "I looked at the results" is checking or evaluating.
  const delivers = (i: number) => !NOT_DELIVERY_VERBS.has(s.words[i].lower) || (s.words[i].lower === 'looked' && !LOOKED_AT.has(s.words[i + 1]?.lower ?? ''));
  if (facts.actions.some(delivers)) found.add('deliver');
  return found;
}

// "Example 2", "Case study: the late parcel", "Scenario B", "1. The boiler"; not a STAR heading ("Situation", "Task"), which structures one example.
const EXAMPLE_TITLE = /^(?:example|case study)\b|^(?:case|scenario|situation|incident|episode|occasion|part|customer|task|account)\s*(?:\d+|[a-z]\b|one|two|three|four|five)(?:\b|$)|^\d+[.):]\s/i;
const STRUCTURE_TITLE = /^(?:situation|task|action|result)s?$|identif|need|agree|standard|deliver|what i did|action|monitor|evaluat|feedback|improv|background|situation|context|outcome|result|reflect|summary|conclusion|introduction|my role|who |records|complaint|evidence|the issue|what happened|on the day|learning|next steps/i;

/** Splits an account into examples when it holds several under headings of one level. */
export function findExamples(doc: AccountDocument, stagesOf: (s: Sentence) => Set<Stage>): Example[] {
  const whole: Example = { start: 0, end: doc.text.length, sentences: doc.sentences, evidence: new Map() };
  const depths = new Map<number, number>();
  for (const sec of doc.sections) depths.set(sec.depth, (depths.get(sec.depth) ?? 0) + 1);
  const depth = [...depths.entries()].filter(([, n]) => n >= 2).map(([d]) => d).sort((a, b) => a - b)[0];
  let examples: Example[] = [whole];
  if (depth !== undefined) {
    const secs = doc.sections.filter((s) => s.depth === depth);
    const candidates: Example[] = secs.map((sec, i) => {
      const end = i + 1 < secs.length ? secs[i + 1].start : doc.text.length;
      return { title: sec.title, heading: sec.heading, start: sec.start, end, sentences: doc.sentences.filter((s) => s.start >= sec.start && s.start < end), evidence: new Map() };
    });
    const titled = secs.filter((s) => EXAMPLE_TITLE.test(s.title)).length;
    const structural = secs.some((s) => STRUCTURE_TITLE.test(s.title) && !EXAMPLE_TITLE.test(s.title));
    const rich = candidates.filter((c) => {
      const stages = new Set<Stage>();
      for (const s of c.sentences) for (const st of stagesOf(s)) stages.add(st);
      return stages.size >= 3;
    }).length;
    if (titled >= 2 || (!structural && rich >= 2)) examples = candidates.filter((c) => EXAMPLE_TITLE.test(c.title ?? '') || titled < 2);
  }
  for (const ex of examples) for (const stage of STAGES) ex.evidence.set(stage, []);
  return examples;
}

export interface CycleAnalysis {
  examples: Example[];
  /** All evidence in the account, by stage. */
  evidence: Map<Stage, Sentence[]>;
}

export function analyseCycle(doc: AccountDocument, st: Statements): CycleAnalysis {
  const perSentence = new Map<Sentence, Set<Stage>>();
  const stagesOf = (s: Sentence) => {
    let r = perSentence.get(s);
    if (!r) {
      r = sentenceStages(s, doc, st);
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
        if (stage === 'improve' && !evaluated) continue;
        ex.evidence.get(stage)!.push(s);
      }
    }
  }
  for (const ex of examples) for (const [stage, list] of ex.evidence) evidence.get(stage)!.push(...list);
  for (const list of evidence.values()) list.sort((a, b) => a.start - b.start);
  return { examples, evidence };
}
