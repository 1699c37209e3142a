/**
 * Which unit an account names: front matter `unit:` (or `rubric:`), read once, here, for every
 * edge (the analyser, the server, completion, Select Unit). Only the front matter counts: a
 * `unit:` line in the body is prose. Also the notices the analyser gives a host about it.
 */
import { parseAccount, type AccountDocument, type FrontMatter } from './document.js';
import type { Range, Rubric } from './types.js';

/** The keys that name a unit, the first present winning. */
export const UNIT_KEYS = ['unit', 'rubric'] as const;

/** A unit named in front matter: its id, the key that names it, and the offsets of its value. */
export interface NamedUnit {
  id: string;
  key: (typeof UNIT_KEYS)[number];
  start: number;
  end: number;
}

const OPENING_FENCE = /^---[ \t]*\r?\n/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;

/**
 * The front matter of a text, read exactly as parseAccount reads it (by parseAccount, given the
 * text only up to the closing fence), so a host can decide cheaply without parsing the body.
 */
export function frontMatterOf(text: string): FrontMatter | undefined {
  const open = OPENING_FENCE.exec(text);
  if (!open) return undefined;
  CLOSING_FENCE.lastIndex = open[0].length;
  const close = CLOSING_FENCE.exec(text);
  return close ? parseAccount(text.slice(0, close.index + close[0].length)).frontMatter : undefined;
}

/** The unit an account's front matter names, if any (a parsed account, or a text). */
export function unitOf(document: Pick<AccountDocument, 'frontMatter'> | string): NamedUnit | undefined {
  const fm = typeof document === 'string' ? frontMatterOf(document) : document.frontMatter;
  if (!fm) return undefined;
  const key = UNIT_KEYS.find((k) => fm.data[k] != null) ?? UNIT_KEYS[0];
  const value = fm.data[key];
  const id = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (!id) return undefined;
  const at = fm.valueRange(key) ?? { start: fm.start, end: fm.start };
  return { id, key, start: at.start, end: at.end };
}

/** Something the host should tell the writer about the account as a whole, not a rule's finding. */
export interface Notice {
  code: 'unknown-unit' | 'front-matter';
  message: string;
  /** The unit's line when the front matter names it; the opening fence for unreadable front matter; else the start. */
  range: Range;
}

/**
 * The notices for an account: front matter that cannot be read, and a unit (named by the account
 * or given by the host as `wanted`) that none of `rubrics` is.
 */
export function noticesFor(doc: AccountDocument, wanted: string | undefined, rubrics: readonly Rubric[]): Notice[] {
  const notices: Notice[] = [];
  const fm = doc.frontMatter;
  if (fm?.error)
    notices.push({ code: 'front-matter', message: fm.error, range: doc.lines.range(fm.start, fm.start + 3) });
  if (wanted && !rubrics.some((r) => r.id === wanted)) {
    const named = unitOf(doc);
    const line = named ? doc.lines.position(named.start).line : 0;
    const range = named ? { start: { line, character: 0 }, end: doc.lines.position(named.end) } : doc.lines.range(0, 0);
    const known = rubrics.map((r) => r.id).join(', ') || 'none';
    notices.push({
      code: 'unknown-unit',
      message: `unknown unit "${wanted}" (known: ${known}); only the general rules ran`,
      range,
    });
  }
  return notices;
}
