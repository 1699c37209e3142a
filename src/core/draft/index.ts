/**
 * Drafts a rubric from a unit document: `draftRubric(text)` gives the rubric (data that validates
 * against the rubric schema) and a short report of what was found and what the author must still
 * check. Mechanical and deterministic: the same document always gives the same draft, with no model
 * and nothing fetched. Pure TypeScript, so the editor on the web runs it as the command line does.
 */
import { words as stopwords } from 'natural/lib/natural/util/stopwords.js';
import { PhraseSet } from '../phrases.js';
import { checkRubric } from '../rubric.js';
import { rubricWarnings } from '../rubric-warnings.js';
import { rules } from '../rules/index.js';
import type { Criterion, KeyTerm, Rubric, RubricCheck, Stage } from '../types.js';
import { words } from '../words.js';
import { abilityOf, cut, withoutLeadIn } from './ability.js';
import { asPhrase, countCheck, mistakeCheck, slug, type DraftedCheck } from './checks.js';
import { findCriteria, listedOutcomes, type FoundCriterion, type FoundOutcome } from './criteria.js';
import { readFields, readLayout, type Fields, type Layout, type Section } from './layout.js';
import vocabulary from './vocabulary.json' with { type: 'json' };
import wording from './wording.json' with { type: 'json' };

export interface DraftOptions {
  /** The rubric id; else one made from the title. */
  id?: string;
  /** Where the unit came from (the document's file name), kept in the rubric's `source`. */
  source?: string;
}

export interface DraftReport {
  /** What was found, one line each. */
  found: string[];
  /** What the author must still check or add before using the rubric. */
  check: string[];
}

/** A drafted rubric: the level is "not stated" when the document does not say. */
export type DraftRubric = Omit<Rubric, 'level'> & { level: number | 'not stated' };

export interface Draft {
  rubric: DraftRubric;
  /** The learning outcomes found, with the criteria under each. */
  outcomes: Array<FoundOutcome & { criteria: string[] }>;
  report: DraftReport;
  /** The schema's verdict on the draft: `ok`, or the first problem. */
  valid: { ok: true } | { ok: false; reason: string };
}

const STOP = new Set([
  ...stopwords,
  ...wording.leadIns.flatMap((l) => l.split(' ')),
  ...wording.showVerbs,
  'demonstrating',
  'showing',
  'illustrating',
  'evidencing',
  'e.g',
  'eg',
  'etc',
]);
/** Words assessors use of the evidence's quality or form, not its topic ("clear examples", "appropriate methods"). */
const GENERIC = new Set(wording.generic);
/** vocabulary.json by the stems of its keys. */
const VOCABULARY = new Map(
  Object.entries(vocabulary)
    .filter(([k]) => k !== '$comment')
    .map(([k, v]) => [
      words(k)
        .map((w) => w.stem)
        .join(' '),
      v as string[],
    ]),
);
const NOT_STATED = 'Not stated in the unit document';

function sentenceCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function paragraphs(section: Section | undefined): string {
  if (!section) return '';
  return section.lines
    .filter((l) => l.kind === 'text' || l.kind === 'item')
    .map((l) => l.text)
    .join(' ');
}

function firstSection(layout: Layout, kind: Section['kind']): Section | undefined {
  return layout.sections.find((s) => s.kind === kind && s.lines.some((l) => l.kind === 'text' || l.kind === 'item'));
}

/** Words stuck together where a heading ran into the next line ("relationshipsFocus Awards"): the first part. */
function unjam(text: string): string {
  return text.split(/(?<=\p{Ll})(?=\p{Lu}\p{Ll})/u)[0].trim();
}

function titleOf(
  layout: Layout,
  fields: Fields,
  synopsis: string,
): { title: string; from: string; reference?: string } {
  const unitLine = (t: string) => /^unit\s+([A-Z0-9][\w/.-]*)\s*[:\-–—]\s*(.+)$/i.exec(t);
  if (fields.title) {
    const u = unitLine(fields.title);
    return { title: u ? u[2] : fields.title, from: 'its Title field', reference: u?.[1] };
  }
  const h1 = layout.lines.find(
    (l) => l.kind === 'heading' && l.depth === 1 && !layout.sections.find((s) => s.line === l.line)?.kind,
  );
  if (h1) {
    const u = unitLine(h1.text);
    return { title: u ? u[2] : h1.text, from: `the heading on line ${h1.line}`, reference: u?.[1] };
  }
  const first = layout.lines[0];
  if (first && first.kind !== 'row') {
    const t = unjam(first.text);
    const u = unitLine(t);
    if (u) return { title: u[2], from: `line ${first.line}`, reference: u[1] };
    if (
      t.length <= 100 &&
      !/[.!?]$/.test(t) &&
      t.split(' ').length <= 12 &&
      !layout.sections.find((s) => s.line === first.line)?.kind
    )
      return { title: t, from: `line ${first.line}` };
  }
  const m =
    /\b(?:focuses on|explores|covers|is about|introduces|develops)\s+(?:the\s+)?(.+?)(?=\s+(?:within|specifically|in order to|so that|in a|in the|for|to enhance|to improve|to build)\b|[.;:]|$)/i.exec(
      synopsis,
    );
  if (m) return { title: sentenceCase(cut(m[1], 120)), from: 'the synopsis (no title in the document)' };
  return { title: 'Untitled unit', from: '' };
}

function levelOf(layout: Layout, fields: Fields): number | undefined {
  const field = fields.level && /(\d)/.exec(fields.level);
  if (field) return Number(field[1]);
  for (const l of layout.lines) {
    const m = /\bLevel\s+(\d)\b/.exec(l.text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function awardingBodyOf(layout: Layout, fields: Fields): string | undefined {
  if (fields.awardingBody) return fields.awardingBody;
  for (const l of layout.lines.slice(0, 40)) {
    const t = unjam(l.text) === l.text ? l.text : l.text.slice(unjam(l.text).length).trim();
    const m =
      /((?:\p{Lu}[\p{L}&]*\s+){0,3}?(?:Awards|Guilds)(?:\s+(?:Limited|Ltd))?|(?:\p{Lu}[\p{L}&]*\s+){1,3}(?:Limited|Ltd))\b/u.exec(
        t,
      );
    if (m) return m[1].trim();
  }
  return undefined;
}

function qualificationOf(layout: Layout, fields: Fields): string | undefined {
  if (fields.qualification) return fields.qualification;
  for (const l of layout.lines) {
    const m =
      /((?:\p{Lu}[\p{L}&]*\s+)*Level\s+\d\s+(?:\p{Lu}\p{Ll}+\s+)?(?:Diploma|Certificate|Award|NVQ)\s+in\s+[^.]+?)(?=\s+is\b|\.|$)/u.exec(
        l.text,
      );
    if (m) return cut(m[1].trim(), 300);
  }
  return undefined;
}

interface TermFound {
  term: string;
  definition: string;
  line: number;
}

/** "Term: definition" items of the key concepts and glossary sections, and two-column glossary rows. */
function keyTermsOf(layout: Layout): { terms: TermFound[]; bare: string[] } {
  const terms: TermFound[] = [];
  const bare: string[] = [];
  for (const s of layout.sections) {
    if (s.kind !== 'concepts' && s.kind !== 'glossary') continue;
    for (const l of s.lines) {
      let term: string | undefined;
      let definition: string | undefined;
      if (l.kind === 'row' && l.cells && l.cells.length >= 2) {
        if (/^(?:term|word|key term)s?$/i.test(l.cells[0])) continue;
        [term, definition] = [l.cells[0], l.cells.slice(1).join(' ')];
      } else if (l.kind === 'item' || (l.kind === 'text' && s.kind === 'glossary')) {
        const m = /^([^:–—]{2,80}?)\s*(?::|\s[-–—]\s)\s*(.+)$/.exec(l.text);
        if (m) [term, definition] = [m[1], m[2]];
        else if (l.kind === 'item' && l.text.split(' ').length <= 6) bare.push(l.text);
      }
      if (!term || !definition) continue;
      term = term.trim();
      if (term.split(' ').length > 8 || terms.some((t) => t.term.toLowerCase() === term!.toLowerCase())) continue;
      terms.push({ term: term.slice(0, 80), definition: sentenceCase(cut(definition.trim(), 400)), line: l.line });
    }
  }
  return { terms, bare };
}

/** Content-word stems of a text, as the ranker reads it. */
function stemsOf(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => w.lower.length > 2 && !STOP.has(w.lower) && !w.num)
      .map((w) => w.stem),
  );
}

/**
 * Signals from a criterion's own words: its noun phrases ("active listening", "quality standards")
 * and content words, and its examples; key terms come through `keyTerms[].criteria`.
 */
function signalsOf(text: string): string[] {
  const body = withoutLeadIn(text).replace(/[()]/g, ',');
  const command = body.split(/\s+/)[0]?.toLowerCase();
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const phrase = asPhrase(p);
    const key = words(phrase)
      .map((w) => w.stem)
      .join(' ');
    if (!phrase || !key || seen.has(key)) return;
    seen.add(key);
    out.push(phrase);
  };
  for (const chunk of body.split(/[,;:.!?/]+/)) {
    const ws = words(chunk);
    let run: string[] = [];
    const flush = () => {
      if (run.length >= 2)
        for (let i = 0; i + 1 < run.length; i++) add(run.slice(i, Math.min(run.length, i + 3)).join(' '));
      // Single words, but not the command word ("describe", "explain"), which every criterion has.
      for (const w of run) if (w !== command) add(w);
      run = [];
    };
    for (const w of ws) {
      if (
        w.lower.length > 2 &&
        !STOP.has(w.lower) &&
        !GENERIC.has(w.lower) &&
        !w.num &&
        !w.lex.preposition &&
        !w.lex.determiner &&
        !w.lex.pronoun
      )
        run.push(w.lower);
      else flush();
    }
    flush();
  }
  return out.slice(0, 300);
}

/** Criterion ids related to a text: those sharing a content stem that not most criteria share. */
function relatedCriteria(
  text: string,
  criteria: ReadonlyArray<{ id: string; stems: Set<string> }>,
  common: Set<string>,
): string[] {
  const mine = [...stemsOf(text)].filter((s) => !common.has(s));
  return criteria.filter((c) => mine.some((s) => c.stems.has(s))).map((c) => c.id);
}

/**
 * Which stages a criterion's words name (wording.json `stages`): words a criterion uses for a stage of the
 * service cycle ("agreed … timescales", "monitoring", "feedback"). Not the cue lists that find stages in an
 * account (lexicon/stages.json): those hear how learners write ("must be", "policy", "check"), which in a
 * criterion's wording names no stage ("details must be recorded", "cancellation policy").
 */
const STAGE_WORDS: Array<[Stage, PhraseSet]> = Object.entries(wording.stages).map(([stage, list]) => [
  stage as Stage,
  new PhraseSet(list),
]);
export function stagesOf(text: string): Stage[] {
  const ws = words(text);
  return STAGE_WORDS.filter(([, p]) => p.matchAll(ws).length > 0).map(([s]) => s);
}

/**
 * The reflective model a unit asks accounts to follow, when its document names one: Gibbs' reflective cycle
 * or Kolb's learning cycle, by name. A document naming neither (or both) keeps the default, the service cycle.
 */
function cycleOf(layout: Layout): { cycle: 'gibbs' | 'kolb'; line: number } | undefined {
  const named = (re: RegExp) => layout.lines.find((l) => re.test(l.text));
  const gibbs = named(/\bGibbs\b/);
  const kolb = named(/\bKolb\b/);
  if (gibbs && !kolb) return { cycle: 'gibbs', line: gibbs.line };
  if (kolb && !gibbs) return { cycle: 'kolb', line: kolb.line };
  return undefined;
}

function uniqueId(id: string, taken: Set<string>): string {
  const base = id || 'check';
  let out = base;
  for (let n = 2; taken.has(out); n++) out = `${base.slice(0, 60)}-${n}`;
  taken.add(out);
  return out;
}

export function draftRubric(document: string, options: DraftOptions = {}): Draft {
  const layout = readLayout(document);
  const fields = readFields(layout);
  const found: string[] = [];
  const check: string[] = [];

  const synopsisSection = firstSection(layout, 'synopsis');
  const synopsis = paragraphs(synopsisSection) || fields.aim || '';
  const title = titleOf(layout, fields, synopsis);
  if (title.from) found.push(`title "${title.title}" from ${title.from}`);
  if (!title.from || /synopsis/.test(title.from))
    check.push(`the title: ${title.from ? 'made from the synopsis' : 'none found'}; write the unit's own title`);

  const level = levelOf(layout, fields);
  if (level !== undefined) found.push(`level ${level}`);
  else check.push('the level: the document does not state it ("not stated"); add it if you know it');
  const awardingBody = awardingBodyOf(layout, fields);
  if (awardingBody) found.push(`awarding body ${awardingBody}`);
  else check.push('the awarding body: not stated in the document');
  const qualification = qualificationOf(layout, fields);
  const reference = fields.reference ?? title.reference;
  const facts = [
    reference && `unit reference ${reference}`,
    fields.credits && `credit value ${fields.credits}`,
    fields.hours && `${fields.hours} guided learning hours`,
  ].filter(Boolean);
  if (facts.length) found.push(facts.join(', '));

  const model = cycleOf(layout);
  if (model) {
    found.push(
      `reflective model: ${model.cycle === 'gibbs' ? "Gibbs' reflective cycle" : "Kolb's learning cycle"} (named on line ${model.line})`,
    );
    check.push(
      `the reflective model: accounts are read against ${model.cycle === 'gibbs' ? "Gibbs'" : "Kolb's"} cycle ("cycle": "${model.cycle}"), as the document names it; set "service" or "none" if it only mentions it`,
    );
  }

  const foundCriteria = findCriteria(layout);
  if (!foundCriteria.criteria.length) {
    check.push(
      'the criteria: none found. List them under a heading "Assessment criteria" (or "Examiner marking points"), one per line or bullet, or as "1.1 …" under "Learning outcome 1 …"',
    );
  } else {
    const ids = foundCriteria.criteria.map((c) => c.id);
    found.push(`${ids.length} criteri${ids.length === 1 ? 'on' : 'a'} (${ids.join(', ')}) from ${foundCriteria.from}`);
  }
  const outcomes: Draft['outcomes'] = (
    foundCriteria.outcomes.length ? foundCriteria.outcomes : listedOutcomes(layout)
  ).map((o) => ({
    ...o,
    criteria: foundCriteria.criteria.filter((c) => c.outcome === o.id).map((c) => c.id),
  }));
  if (outcomes.length)
    found.push(
      `${outcomes.length} learning outcome${outcomes.length === 1 ? '' : 's'}${outcomes.some((o) => o.criteria.length) ? '' : ', with no criteria under them'}`,
    );

  const criteria: Criterion[] = foundCriteria.criteria.map((c: FoundCriterion) => {
    const text = cut(c.text.replace(/\s+/g, ' ').trim(), 600);
    const ability = abilityOf(text) || cut(withoutLeadIn(text).toLowerCase(), 200);
    const signals = signalsOf(text);
    return {
      id: c.id,
      text: /[.!?]$/.test(text) ? text : `${text}.`,
      ability,
      signals: signals.length ? signals : [ability.split(' ').slice(0, 3).join(' ')],
    };
  });
  if (criteria.length)
    check.push(
      'each criterion\'s ability phrase: it completes "This demonstrates my ability to …"; reword it in the learner\'s voice',
    );
  if (criteria.length)
    check.push(
      'each criterion\'s signals: drafted from its own words; add the words learners use for it ("asked what she needed", "rang back")',
    );

  // The words learners write for what a criterion names (vocabulary.json), by its own words' stems: a unit
  // says "resolve complaints", a learner "she complained… I apologised and refunded her". Not for a word
  // most of the unit's criteria use ("relationship" in a unit on customer relationships): its learner words
  // would go to most criteria and tell none of them apart.
  const textDf = new Map<string, number>();
  for (const c of criteria) for (const st of stemsOf(c.text)) textDf.set(st, (textDf.get(st) ?? 0) + 1);
  const shared = (stem: string) => criteria.length > 2 && (textDf.get(stem) ?? 0) > criteria.length / 2;
  for (const c of criteria) {
    const have = new Set(c.signals);
    const ws = words(withoutLeadIn(c.text));
    for (let i = 0; i < ws.length; i++)
      for (const len of [2, 1]) {
        if (len === 1 && GENERIC.has(ws[i].lower)) continue;
        const key = ws
          .slice(i, i + len)
          .map((w) => w.stem)
          .join(' ');
        if (len === 1 && shared(key)) continue;
        for (const p of VOCABULARY.get(key) ?? [])
          if (!have.has(p) && c.signals.length < 300) {
            c.signals.push(p);
            have.add(p);
          }
      }
  }

  // Stems most criteria share say nothing about which one a key term or mistake belongs to.
  const stemmed = criteria.map((c) => ({ id: c.id, stems: stemsOf(`${c.text} ${c.signals.join(' ')}`) }));
  const df = new Map<string, number>();
  for (const c of stemmed) for (const s of c.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const common = new Set([...df].filter(([, n]) => criteria.length > 2 && n > criteria.length / 2).map(([s]) => s));

  // Stages from the criterion's own words (stagesOf).
  // A stage most criteria name (every criterion "identifies" or "listens") says nothing about which one a
  // paragraph shows: only the stages at most half of the criteria name are kept. The stage's cue words are
  // not added to the signals: its bonus already leans a paragraph showing it to the criterion, and the long
  // cue lists (every "agree … promised … deadline" word for a criterion that only says "policies") outweighed
  // the criterion's own words (eval-dev top-1 of the five seeds' drafts: 002 0.82 → 0.91, 004 0.75 → 0.88).
  const stageCount = new Map<Stage, number>();
  for (const c of criteria) for (const st of stagesOf(c.text)) stageCount.set(st, (stageCount.get(st) ?? 0) + 1);
  for (const c of criteria) {
    const stages = stagesOf(c.text).filter((st) => stageCount.get(st)! <= Math.max(1, criteria.length / 2));
    if (stages.length) c.stages = stages;
  }
  if (criteria.some((c) => c.stages))
    check.push(
      "each criterion's stages: guessed from its words; a stage makes a paragraph showing it lean to the criterion",
    );

  // The same, as words: what a drafted check's groups must not be satisfied by.
  const commonWords = new Set(
    criteria
      .flatMap((c) => words(c.text))
      .filter((w) => common.has(w.stem))
      .map((w) => w.lower),
  );

  const { terms, bare } = keyTermsOf(layout);
  const keyTerms: KeyTerm[] = terms.map((t) => {
    const related = relatedCriteria(t.term, stemmed, common);
    return { term: t.term, definition: t.definition, ...(related.length ? { criteria: related } : {}) };
  });
  if (keyTerms.length)
    found.push(
      `${keyTerms.length} key term${keyTerms.length === 1 ? '' : 's'} ("${keyTerms
        .slice(0, 3)
        .map((k) => k.term)
        .join('", "')}"${keyTerms.length > 3 ? '…' : ''})`,
    );
  if (bare.length)
    check.push(`key terms without a definition, left out: ${bare.slice(0, 5).join('; ')}${bare.length > 5 ? '…' : ''}`);
  if (keyTerms.length)
    check.push(
      "the key terms: their definitions are the document's; add aliases and the terms learners hover on (SLA, KPI…)",
    );

  // Checks: from the criteria's countable demands, then from the mistakes the unit warns of.
  const drafted: DraftedCheck[] = [];
  for (const c of criteria) {
    const r = countCheck(foundCriteria.criteria.find((x) => x.id === c.id)!.text, c.id);
    if (r && 'problem' in r) check.push(r.problem);
    else if (r) drafted.push(r);
  }
  const mistakes = layout.sections
    .filter((s) => s.kind === 'mistakes')
    .flatMap((s) => s.lines.filter((l) => l.kind === 'item' || l.kind === 'text'));
  const unmapped: string[] = [];
  for (const m of mistakes) {
    const r = mistakeCheck(m.text, commonWords);
    if (!r) {
      unmapped.push(m.text);
      continue;
    }
    const related = relatedCriteria(r.from, stemmed, common);
    if (related.length) r.check.criteria = related.slice(0, 3);
    drafted.push(r);
  }
  const taken = new Set<string>(rules.map((r) => r.id));
  const checks: RubricCheck[] = drafted.map((d) => ({ ...d.check, id: uniqueId(slug(d.check.id), taken) }));
  if (checks.length) {
    found.push(
      `${checks.length} check${checks.length === 1 ? '' : 's'}: ${checks.map((c) => `${c.id} (${c.kind})`).join(', ')}`,
    );
    check.push("each check's phrases and message: drafted word for word from the document; try them on a real account");
  }
  if (unmapped.length)
    check.push(
      `${unmapped.length} common mistake${unmapped.length === 1 ? '' : 's'} not turned into a check (no "at least N", "confusing X with Y", "X but not Y" or "vague … like '…'"): ${unmapped.map((u) => `"${cut(u, 60)}"`).join('; ')}`,
    );
  const grouped = outcomes.filter((o) => o.criteria.length);
  if (outcomes.length > grouped.length)
    check.push(
      `${outcomes.length - grouped.length} learning outcome${outcomes.length - grouped.length === 1 ? '' : 's'} with no criteria under ${outcomes.length - grouped.length === 1 ? 'it' : 'them'}, left out: group the criteria under them by hand if they belong together`,
    );

  const id = options.id ?? (slug(title.title, 48) || 'unit');
  const description = synopsis ? cut(synopsis, 2000) : undefined;
  if (!description) check.push('the description: no synopsis or unit aim found');
  const source = [options.source, reference && `unit reference ${reference}`].filter(Boolean).join(', ');
  const rubric: DraftRubric = {
    $schema: './rubric.schema.json',
    id,
    title: cut(title.title, 200),
    awardingBody: awardingBody ?? NOT_STATED,
    level: level ?? 'not stated',
    ...(qualification ? { qualification } : {}),
    ...(description ? { description } : {}),
    ...(source ? { source: cut(source, 300) } : {}),
    ...(model ? { cycle: model.cycle } : {}),
    criteria,
    ...(grouped.length
      ? { outcomes: grouped.map((o) => ({ id: o.id, text: cut(o.text, 600), criteria: o.criteria })) }
      : {}),
    keyTerms,
    checks,
  } as DraftRubric;
  // A signal that `rubrics lint` would warn of (a one-word phrase whose stem a word of another meaning
  // shares: "person" also counts "personal") is left out, so the draft does not count the wrong word.
  const flagged = new Set(
    rubricWarnings(rubric as Rubric)
      .filter((w) => w.path[0] === 'criteria' && w.path[2] === 'signals')
      .map((w) => `${w.path[1]}/${w.path[3]}`),
  );
  criteria.forEach((c, i) => {
    const kept = c.signals.filter((_, j) => !flagged.has(`${i}/${j}`));
    if (kept.length) c.signals = kept;
  });
  const verdict = checkRubric(rubric);
  return {
    rubric,
    outcomes,
    report: { found, check },
    valid: verdict.ok ? { ok: true } : { ok: false, reason: verdict.reason },
  };
}

/** What an editor shows: the rubric as a file's JSON text, or why there is none, and the report. */
export interface EditorDraft {
  /** The rubric file's text; null when nothing in the document reads as a criterion (see `problem`). */
  json: string | null;
  id: string;
  criteria: number;
  found: string[];
  check: string[];
  problem?: string;
}

/**
 * The draft for an editor that writes it beside the unit document as NAME.rubric.json: without
 * `$schema`, since the editor validates rubric files by their name and no schema file sits beside it.
 */
export function draftForEditor(text: string, source?: string): EditorDraft {
  const d = draftRubric(text, { source });
  const { $schema: _schema, ...rubric } = d.rubric as DraftRubric & { $schema?: string };
  const base = { id: d.rubric.id, criteria: d.rubric.criteria.length, ...d.report };
  return d.valid.ok
    ? { json: `${JSON.stringify(rubric, null, 2)}\n`, ...base }
    : { json: null, ...base, problem: d.valid.reason };
}

/** The draft as the JSON text a rubric file holds. */
export function draftJson(draft: Draft): string {
  return `${JSON.stringify(draft.rubric, null, 2)}\n`;
}
