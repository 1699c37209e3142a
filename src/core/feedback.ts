/**
 * An assessor's feedback draft, addressed to the learner in plain, kind UK English, from the grid
 * (src/core/portfolio.ts) and the accounts' findings: what the accounts show well (a quoted phrase
 * for each criterion), what is missing or only claimed and what to add, in the criterion's words,
 * absent stages of the service cycle, vague standards, hypothetical passages, personal data. It is
 * Markdown for the assessor to edit, never sent anywhere. Deterministic: the same accounts give the
 * same text (no dates, no randomness, every list in a fixed order).
 */
import { isLinkSentence } from './claims.js';
import {
  buildPortfolio,
  type AssessorDecision,
  type Place,
  type PortfolioAccount,
  type PortfolioCell,
  type PortfolioRow,
  type PortfolioUnit,
} from './portfolio.js';
import { LineIndex } from './positions.js';
import { plainText, sentencesOf, shorten } from './quotes.js';
import { cycleViewOf, type CycleView } from './next-steps.js';
import type { Finding, Rubric } from './types.js';

const PERSONAL_DATA: Record<string, string> = {
  name: 'a person’s full name',
  email: 'an email address',
  phone: 'a phone number',
  address: 'a postal address',
};

export interface FeedbackOptions {
  /** The assessor's decisions, as for buildPortfolio. */
  decisions?: readonly AssessorDecision[];
  /** The folder the accounts were given in, for learnerOf. */
  root?: string;
}

/** The learners of some accounts, in name order. */
export function learnersOf(
  accounts: readonly PortfolioAccount[],
  rubrics: readonly Rubric[],
  options: FeedbackOptions = {},
): string[] {
  const p = buildPortfolio(accounts, rubrics, { ...options, by: 'learner' });
  return [...new Set(p.units.flatMap((u) => u.rows.map((r) => r.learner)))].sort((a, b) =>
    a.localeCompare(b, 'en-GB', { numeric: true }),
  );
}

/**
 * The feedback draft for one learner over their accounts among `accounts` (each with its text, for
 * the quotations), a section per unit.
 */
export function draftFeedback(
  learner: string,
  accounts: readonly PortfolioAccount[],
  rubrics: readonly Rubric[],
  options: FeedbackOptions = {},
): string {
  const p = buildPortfolio(accounts, rubrics, { ...options, by: 'learner' });
  const byPath = new Map(accounts.map((a) => [a.path, a]));
  const units = p.units.flatMap((unit) => unit.rows.filter((r) => r.learner === learner).map((row) => ({ unit, row })));
  const count = units.reduce((n, u) => n + u.row.accounts.length, 0);
  const words = wordsFor(count);
  const out: string[] = [
    `# Feedback for ${learner}`,
    '',
    '<!-- A draft by reflect-lint from the findings in these accounts. Read it, change what you need to, then share it yourself: nothing has been sent. -->',
    '',
    `Hello ${learner},`,
    '',
    `Thank you for your reflective ${words.accounts}. Here is what ${words.it} ${words.shows} well, and what to add before ${words.it} ${words.is} ready to be signed off.`,
  ];
  for (const { unit, row } of units)
    out.push(
      '',
      ...unitSection(
        unit,
        row,
        byPath,
        rubrics.find((r) => r.id === unit.unit),
        wordsFor(row.accounts.length),
      ),
    );
  out.push('', 'You are welcome to ask me about any of this. I look forward to reading your next draft.', '');
  return out.join('\n');
}

/** Where a place is, for the learner: `a.md, line 12`. */
function at(place: Pick<Place, 'path' | 'line'>): string {
  return `${baseName(place.path)}, line ${place.line}`;
}

function baseName(path: string): string {
  return path.replace(/\\/g, '/').replace(/^.*\//, '');
}

/** The words that agree with one account or several. */
function wordsFor(accounts: number) {
  return accounts === 1
    ? { accounts: 'account', it: 'it', shows: 'shows', is: 'is', do: 'does' }
    : { accounts: 'accounts', it: 'they', shows: 'show', is: 'are', do: 'do' };
}
type Words = ReturnType<typeof wordsFor>;

function unitSection(
  unit: PortfolioUnit,
  row: PortfolioRow,
  byPath: ReadonlyMap<string, PortfolioAccount>,
  rubric: Rubric | undefined,
  words: Words,
): string[] {
  const accounts = row.accounts.map((p) => byPath.get(p)!);
  const out: string[] = [`## ${unit.title}`, '', `Accounts: ${row.accounts.map(baseName).join(', ')}.`];
  const quotes = new Quotes(accounts);
  const well: string[] = [];
  const add: string[] = [];
  for (const c of unit.criteria) {
    const cell = row.criteria[c.id];
    const criterion = rubric?.criteria.find((x) => x.id === c.id);
    const name = `**AC ${c.id}** (${c.text.replace(/\.$/, '')})`;
    const met = cell.decision?.decision === 'met' || (!cell.decision && cell.status === 'evidenced');
    if (met) {
      const place = cell.status === 'evidenced' ? cell.where[0] : undefined;
      const quote = place ? quotes.evidence(place) : undefined;
      const agreed = cell.decision ? ' Your assessor has agreed this is met.' : '';
      const thin = cell.claimedIn?.length
        ? ` You also cite it at ${cell.claimedIn.map(at).join('; ')}, where the paragraph does not show it: say what you did there, or take that reference out.`
        : '';
      well.push(`- ${name}: ${quote ? `you wrote “${quote}” (${at(place!)}).` : 'this is met.'}${thin}${agreed}`);
    } else add.push(`- ${name}: ${toAdd(c.id, cell, criterion?.ability, quotes, words)}`);
  }
  if (unit.unit === null)
    add.push(
      `- Your ${words.accounts} ${words.do} not name a unit yet. Add \`unit:\` with your unit’s id to the front matter, so each criterion can be checked.`,
    );
  const none =
    unit.unit === null
      ? 'There are no criteria to check without a unit.'
      : 'None of the criteria is shown in full yet. The points below say what to add for each.';
  out.push('', `### What your ${words.accounts} ${words.shows} well`, '', ...(well.length ? well : [`- ${none}`]));
  if (add.length) out.push('', '### What to add', '', ...add);
  const view = cycleViewOf(rubric);
  if (view)
    out.push('', `### ${view.title.charAt(0).toUpperCase()}${view.title.slice(1)}`, '', ...cycle(row, view, words));
  const findings = accounts.flatMap((a) => a.findings.map((f) => ({ path: a.path, f })));
  const vague = grouped(
    findings.filter((x) => x.f.rule === 'vague-standard'),
    (f) => String(f.data?.phrase ?? ''),
  );
  if (vague.length) {
    out.push(
      '',
      '### Make your standards measurable',
      '',
      'Say exactly what was promised, with a number or a time, such as “within 2 working days” or “by 3pm”:',
      '',
    );
    out.push(...vague.map((v) => `- “${v.key}” (${v.where})`));
  }
  const hypothetical = grouped(
    findings.filter((x) => x.f.rule === 'hypothetical-language'),
    (f) => shorten(String(f.data?.text ?? ''), 20),
  );
  if (hypothetical.length) {
    out.push(
      '',
      '### Say what you did, not what you would do',
      '',
      'Rewrite these as what happened on the day, in the past tense (“I rang her back”, not “I would ring her back”):',
      '',
    );
    out.push(...hypothetical.map((h) => `- “${h.key}” (${h.where})`));
  }
  const personal = findings.filter((x) => x.f.rule === 'personal-data');
  if (personal.length) {
    out.push(
      '',
      '### Personal data to remove',
      '',
      'Portfolios are read by other people, so take these out or describe them instead (“the customer”, “Mrs A”, “their phone number”):',
      '',
    );
    out.push(
      ...personal.map(
        (x) =>
          `- ${PERSONAL_DATA[String(x.f.data?.kind)] ?? 'personal data'} (${at({ path: x.path, line: x.f.range.start.line + 1 })})`,
      ),
    );
  }
  return out;
}

/** What to add for a criterion not yet met, in the criterion's words. */
function toAdd(id: string, cell: PortfolioCell, ability: string | undefined, quotes: Quotes, words: Words): string {
  const link = ability ? ` and end it with “This demonstrates my ability to ${ability} (AC ${id}).”` : '';
  const parts: string[] = [];
  if (cell.decision) {
    const word =
      cell.decision.decision === 'referred' ? 'referred this criterion' : 'marked this criterion as not yet met';
    parts.push(`your assessor has ${word}${cell.decision.comment ? `: “${cell.decision.comment}”` : '.'}`);
  }
  const first = cell.where[0];
  if (cell.status === 'claimed') {
    const begins = first.quote ?? quotes.first(first);
    parts.push(
      `you cite it (${cell.where.map(at).join('; ')})${begins ? ` in the paragraph that begins “${begins}”` : ''}, but the paragraph does not yet say what you did for it. Add what you did, step by step, in your own words.`,
    );
  } else if (cell.status === 'suggested') {
    parts.push(
      `your paragraph at ${at(first)} reads like evidence for this but does not say so. If it is, link it: “This demonstrates my ability to ${ability ?? '…'} (AC ${id}).”`,
    );
  } else if (cell.status === 'missing') {
    parts.push(
      `nothing in your ${words.accounts} shows this yet. Add a paragraph about a time you did it${link || '.'}`,
    );
  }
  const text = parts.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The stages of the unit's model the accounts show, and what to add for each absent one (next-steps.ts's advice). */
function cycle(row: PortfolioRow, view: CycleView, words: Words): string[] {
  const absent = view.stages.filter((s) => !row.stages[s.id]?.length);
  const n = view.stages.length;
  const count = n === 6 ? 'six' : n === 4 ? 'four' : String(n);
  if (!absent.length)
    return [
      `Your ${words.accounts} ${words.it === 'it' ? 'covers' : 'cover'} all ${count} stages of ${view.title}: well done.`,
    ];
  return [
    `Your ${words.accounts} ${words.shows} ${n - absent.length} of the ${count} stages of ${view.title}. Add:`,
    '',
    ...absent.map((s) => `- **${s.title}**: ${s.advice}`),
  ];
}

/** Findings that say the same thing (the same phrase), with every place they stand, in the order first found. */
function grouped(
  items: ReadonlyArray<{ path: string; f: Finding }>,
  key: (f: Finding) => string,
): Array<{ key: string; where: string }> {
  const groups = new Map<string, Array<{ path: string; line: number }>>();
  for (const { path, f } of items) {
    const k = key(f).trim();
    if (!k) continue;
    const list = groups.get(k) ?? [];
    if (!list.length) groups.set(k, list);
    list.push({ path, line: f.range.start.line + 1 });
  }
  return [...groups].map(([k, places]) => ({ key: k, where: places.map(at).join('; ') }));
}

/** Sentences of the accounts' paragraphs, to quote from. */
class Quotes {
  private readonly lines = new Map<string, LineIndex>();

  constructor(private readonly accounts: readonly PortfolioAccount[]) {}

  private sentences(place: Place): string[] {
    const a = this.accounts.find((x) => x.path === place.path);
    if (!a?.text) return [];
    const paragraph = a.paragraphs.find((p) => p.range.start.line + 1 === place.line);
    if (!paragraph) return [];
    let lines = this.lines.get(a.path);
    if (!lines) this.lines.set(a.path, (lines = new LineIndex(a.text)));
    return sentencesOf(plainText(a.text, paragraph.range, lines));
  }

  /** The first sentence of the evidencing paragraph that tells something (not its link sentence), shortened. */
  evidence(place: Place): string | undefined {
    const s = this.sentences(place).find((x) => !isLinkSentence(x));
    return s && shorten(s.replace(/\s*\((?:AC|criteri(?:on|a))\s*[\d., and]+\)/gi, ''), 20);
  }

  first(place: Place): string | undefined {
    const s = this.sentences(place)[0];
    return s && shorten(s, 20);
  }
}
