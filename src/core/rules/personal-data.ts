/**
 * personal-data: full names with a surname, email addresses, phone numbers and postal addresses.
 * Accounts go into portfolios that other people read, so customers and colleagues should appear
 * by initials or role ("Mrs A", "the customer"). A first name on its own is fine, and so are the
 * writer's own name (a byline), well-known people, and names of buildings, awards and places.
 */
import type { AccountDocument } from '../document.js';
import { names } from '../language/lexicon.js';
import people from '../lexicon/people.json' with { type: 'json' };
import type { OffsetFix, Rule } from '../rule.js';

const FIRST_NAMES = new Set([...people.firstNames, ...names.first]);
const NOT_SURNAMES = new Set(people.notSurnames);
const PLACE_WORDS = new Set([...people.placeWords, ...names.orgWords, ...names.placeWords]);

// Names in capitals count too ("MRS JANET PRYCE-WALKER"): learners copy them from a system.
const TITLED =
  /\b(Mr|Mrs|Ms|Miss|Mx|Dr|MR|MRS|MS|MISS|DR)\.?\s+([A-Z][a-z’'-]+|[A-Z]{2,}(?:-[A-Z]{2,})?)\s+([A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?|[A-Z]{2,}(?:-[A-Z]{2,})?)\b/g;
const NAME =
  /\b([A-Z][a-z]+|[A-Z]{2,})\s+((?:O['’])?[A-Z]{2,}(?:-[A-Z]{2,})?(?![a-z])|(?:Mc|Mac|O’|O')?[A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?)\b/g;
const BYLINE = new RegExp(
  String.raw`(?:^|\|)[\s*_#>|-]*(?:${people.bylineLabels.join('|')})\s*[:*_-]*\s*[*_]*\s*([A-Z][\p{L}’'-]+(?:\s+[A-Z][\p{L}’'-]+)+)`,
  'gimu',
);

/** The writer's own name: front matter (author, name, learner) and byline lines ("Name: …", "Written by …"). */
function authorNames(doc: AccountDocument): Set<string> {
  const out = new Set<string>();
  const fm = doc.frontMatter?.data ?? {};
  for (const key of ['author', 'name', 'learner', 'student', 'written_by', 'writtenBy']) {
    const v = fm[key];
    if (typeof v === 'string' && v.trim()) out.add(v.trim().toLowerCase());
  }
  for (const m of doc.text.matchAll(BYLINE)) out.add(m[1].replace(/\s+/g, ' ').toLowerCase());
  // A name alone on the first lines, followed by a role ("Kieran Oduya, Level 3 … apprentice").
  for (const b of doc.blocks.slice(0, 3)) {
    const m =
      /^[*_\s]*([A-Z][a-z’'-]+\s+[A-Z][a-z’'-]+),\s+[^.]*\b(?:apprentice|learner|student|candidate|assistant|administrator|advisor|adviser|coordinator|receptionist|officer)\b/.exec(
        doc.text.slice(b.start, b.end),
      );
    if (m) out.add(m[1].toLowerCase());
  }
  return out;
}

// A role in apposition ("Ayesha Rahman, our pharmacist manager") or before the name ("my manager Sam
// Hughes") makes the person a colleague: the labelling guide counts customers' full names as personal data.
const ROLE_AFTER =
  /^,\s+(?:our|my|the)\s+(?:[a-z-]+\s+){0,3}(?:manager|supervisor|director|pharmacist|team leader|leader|colleague|coordinator|boss|owner|assistant|administrator|officer|advisor|adviser|receptionist|instructor|mentor|assessor|tutor|trainer|engineer|arranger|head|lead|partner|chef)\b/;
const ROLE_BEFORE =
  /\b(?:my|our)\s+(?:[a-z-]+\s+){0,2}(?:manager|supervisor|director|pharmacist|team leader|leader|colleague|coordinator|boss|owner|mentor|assessor|tutor|trainer|instructor)\s*,?\s*$/;

/** A capitalised pair that names a building, an award, a colleague or a well-known person rather than a customer. */
function notAPerson(text: string, start: number, end: number, pair: string): boolean {
  const lower = pair.toLowerCase();
  if (names.famous.has(lower) || names.place.has(lower) || names.organisation.has(lower)) return true;
  if (PLACE_WORDS.has(lower.split(/\s+/).pop()!)) return true;
  const after = text.slice(end, end + 60);
  if (ROLE_AFTER.test(after) || ROLE_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return true;
  // A firm's name ("Harrow & Dale Removals"), or a name used to describe a thing ("a Marcus Rashford shirt").
  if (/[&+]\s*$/.test(text.slice(Math.max(0, start - 3), start))) return true;
  if (
    /\b(?:a|an|the|his|her|their)\s+$/i.test(text.slice(Math.max(0, start - 6), start)) &&
    /^\s+[a-z]+/.test(after) &&
    !/^\s+(?:and|who|was|is|rang|called|said|came|from|at|in|on|to)\b/.test(after)
  )
    return true;
  // Part of a longer proper name ("the Len Ashworth Stand", "Nelson Mandela Building").
  const next = /^ ([A-Z][A-Za-z]+)/.exec(after)?.[1];
  if (next && !FIRST_NAMES.has(next.toLowerCase()) && next !== next.toUpperCase()) return true;
  const word = /^\s+([A-Za-z]+)/.exec(after)?.[1]?.toLowerCase();
  return word !== undefined && PLACE_WORDS.has(word);
}
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const PHONE =
  /(?:\+44\s?\(?0?\)?\s?|\(0(?=\d{2,4}\))|\b0)[1-9](?:\)?[\s-]?\d){8,9}\b(?:,?\s*(?:ext\.?|extension|x)\s*\d{1,5}\b)?/gi;
// Whole pieces of personal data, so that one edit removes all of it: an address from the flat or house
// number to the postcode ("Flat 3, 12 Station Road, Barking IG11 7XQ"), a phone number with its
// area code in brackets and its extension ("(020) 7946 0321 ext. 204").
const POSTCODE_TEXT = String.raw`[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b`;
const TOWN = String.raw`[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2}`;
const HOUSE = String.raw`(?:(?:Flat|Apartment|Apt|Unit|Room|Suite)\.?\s+\d{1,4}[a-zA-Z]?,?\s+)?`;
const STREET_TEXT = String.raw`\d{1,4}[a-zA-Z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Street|Avenue|Lane|Close|Drive|Way|Crescent|Grove|Place|Gardens|Terrace|Court|Rd|St|Ave|Walk|Hill|Row|Square|Mews|Parade)\b`;
// After the street: ", Town" (with or without a postcode), "Town POSTCODE", or the postcode alone.
const AFTER_STREET = String.raw`(?:,\s*${TOWN}(?:,?\s+${POSTCODE_TEXT})?|\s+${TOWN},?\s+${POSTCODE_TEXT}|,?\s+${POSTCODE_TEXT})?`;
const STREET = new RegExp(String.raw`\b${HOUSE}${STREET_TEXT}${AFTER_STREET}`, 'g');
/** A postcode on its own, with the town just before it ("Barking IG11 7XQ"). */
const POSTCODE = new RegExp(String.raw`\b(?:${TOWN},?\s+)?${POSTCODE_TEXT}`, 'g');

type Kind = 'name' | 'email' | 'phone' | 'address';

const MATCHES = {};

/** Each pattern's matches in a block's prose, offsets within the block: what they mean is decided in context below. */
function matchesIn(prose: string): Record<'email' | 'phone' | 'address' | 'titled' | 'name', RegExpExecArray[]> {
  // Cheap tests first: most blocks hold no @ and no digits.
  const hasAt = prose.includes('@');
  const hasDigit = /\d/.test(prose);
  return {
    email: hasAt ? [...prose.matchAll(EMAIL)] : [],
    phone: hasDigit ? [...prose.matchAll(PHONE)] : [],
    address: hasDigit ? [...prose.matchAll(STREET), ...prose.matchAll(POSTCODE)] : [],
    titled: [...prose.matchAll(TITLED)],
    name: [...prose.matchAll(NAME)],
  };
}

const MESSAGES: Record<Kind, string> = {
  name: 'This looks like a person’s full name. Portfolios are read by other people: use initials or a role instead, such as “Mrs A” or “the customer”.',
  email: 'This is an email address. Leave it out of your account, or write “the customer’s email address”.',
  phone: 'This is a phone number. Leave it out of your account, or write “their phone number”.',
  address:
    'This looks like a postal address. Leave it out of your account, or describe it (“the customer’s home address”).',
};

export const personalData: Rule = {
  id: 'personal-data',
  severity: 'warning',
  summary: 'A full name, email address, phone number or postal address in the account.',
  check(ctx) {
    const text = ctx.doc.text;
    const authors = authorNames(ctx.doc);
    const isAuthor = (name: string) => authors.has(name.replace(/\s+/g, ' ').toLowerCase());
    const found: Array<{ start: number; end: number; kind: Kind; fixes: OffsetFix[] }> = [];
    const add = (start: number, end: number, kind: Kind, fixes: OffsetFix[]) => {
      if (found.some((f) => start < f.end && end > f.start)) return;
      found.push({ start, end, kind, fixes });
    };
    const replace = (start: number, end: number, newText: string, safe = false): OffsetFix => ({
      title: `Replace with “${newText}”`,
      edits: [{ start, end, newText }],
      safe,
    });
    for (const block of ctx.doc.blocks) {
      const base = block.start;
      const matches = ctx.keep(MATCHES, block, () => matchesIn(ctx.doc.prose.slice(block.start, block.end)));
      for (const m of matches.email) {
        const s = base + m.index!;
        add(s, s + m[0].length, 'email', [replace(s, s + m[0].length, 'the customer’s email address', true)]);
      }
      for (const m of matches.phone) {
        const s = base + m.index!;
        add(s, s + m[0].length, 'phone', [replace(s, s + m[0].length, 'their phone number', true)]);
      }
      for (const m of matches.address) {
        const s = base + m.index!;
        add(s, s + m[0].length, 'address', [replace(s, s + m[0].length, 'the customer’s address', true)]);
      }
      for (const m of matches.titled) {
        const s = base + m.index!;
        const e = s + m[0].length;
        if (isAuthor(`${m[2]} ${m[3]}`) || notAPerson(text, s, e, `${m[2]} ${m[3]}`)) continue;
        add(s, e, 'name', [
          replace(s, e, `${m[1][0]}${m[1].slice(1).toLowerCase()} ${m[3][0]}`),
          replace(s, e, 'the customer'),
        ]);
      }
      for (const m of matches.name) {
        if (!FIRST_NAMES.has(m[1].toLowerCase()) || NOT_SURNAMES.has(m[2].toLowerCase())) continue;
        // Words in capitals are a name only when both look like one ("DAVID ASHWORTH", not "PLEASE NOTE").
        if (
          m[1] === m[1].toUpperCase() &&
          m[1].length > 1 &&
          (m[2] !== m[2].toUpperCase() || (!names.last.has(m[2].toLowerCase()) && !/^(?:O['’])?[A-Z]{3,}$/.test(m[2])))
        )
          continue;
        const s = base + m.index!;
        const e = s + m[0].length;
        if (isAuthor(m[0]) || notAPerson(text, s, e, m[0])) continue;
        // "Grace Lane" as a street is handled above; a name right after a title is too.
        if (/\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s*$/.test(text.slice(Math.max(0, s - 6), s))) continue;
        add(s, e, 'name', [replace(s, e, `${m[1][0]}${m[2][0]}`), replace(s, e, 'the customer')]);
      }
    }
    for (const f of found.sort((a, b) => a.start - b.start)) {
      ctx.report({ message: MESSAGES[f.kind], start: f.start, end: f.end, data: { kind: f.kind }, fixes: f.fixes });
    }
  },
};
