/**
 * personal-data: full names with a surname, email addresses, phone numbers and postal addresses.
 * Accounts go into portfolios that other people read, so customers and colleagues should appear
 * by initials or role ("Mrs A", "the customer"). A first name on its own is fine.
 */
import type { OffsetFix, Rule } from '../rule.js';
import { FIRST_NAMES, NOT_SURNAMES } from '../names.js';

const TITLED = /\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+([A-Z][a-z’'-]+)\s+([A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?)\b/g;
const NAME = /\b([A-Z][a-z]+)\s+((?:Mc|Mac|O’|O')?[A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?)\b/g;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const PHONE = /(?:\+44\s?\(?0?\)?\s?|\b0)[1-9](?:[\s-]?\d){8,9}\b/g;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b/g;
const STREET = /\b\d{1,4}[a-zA-Z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Street|Avenue|Lane|Close|Drive|Way|Crescent|Grove|Place|Gardens|Terrace|Court|Rd|St|Ave|Walk|Hill|Row|Square|Mews|Parade)\b/g;

type Kind = 'name' | 'email' | 'phone' | 'address';

const MESSAGES: Record<Kind, string> = {
  name: 'This looks like a person’s full name. Portfolios are read by other people: use initials or a role instead, such as “Mrs A” or “the customer”.',
  email: 'This is an email address. Leave it out of your account, or write “the customer’s email address”.',
  phone: 'This is a phone number. Leave it out of your account, or write “their phone number”.',
  address: 'This looks like a postal address. Leave it out of your account, or describe it (“the customer’s home address”).',
};

export const personalData: Rule = {
  id: 'personal-data',
  severity: 'warning',
  summary: 'A full name, email address, phone number or postal address in the account.',
  check(ctx) {
    const text = ctx.doc.text;
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
      const prose = ctx.doc.prose.slice(block.start, block.end);
      const base = block.start;
      // Cheap tests first: most blocks hold no @ and no digits.
      const hasAt = prose.includes('@');
      const hasDigit = /\d/.test(prose);
      for (const m of hasAt ? prose.matchAll(EMAIL) : []) {
        const s = base + m.index!;
        add(s, s + m[0].length, 'email', [replace(s, s + m[0].length, 'the customer’s email address', true)]);
      }
      for (const m of hasDigit ? prose.matchAll(PHONE) : []) {
        const s = base + m.index!;
        add(s, s + m[0].length, 'phone', [replace(s, s + m[0].length, 'their phone number', true)]);
      }
      for (const re of hasDigit ? [STREET, POSTCODE] : []) {
        for (const m of prose.matchAll(re)) {
          const s = base + m.index!;
          add(s, s + m[0].length, 'address', [replace(s, s + m[0].length, 'the customer’s address', true)]);
        }
      }
      for (const m of prose.matchAll(TITLED)) {
        const s = base + m.index!;
        const e = s + m[0].length;
        add(s, e, 'name', [replace(s, e, `${m[1]} ${m[3][0]}`), replace(s, e, 'the customer')]);
      }
      for (const m of prose.matchAll(NAME)) {
        if (!FIRST_NAMES.has(m[1].toLowerCase()) || NOT_SURNAMES.has(m[2].toLowerCase())) continue;
        const s = base + m.index!;
        const e = s + m[0].length;
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
