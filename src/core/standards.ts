/**
 * Measurable and vague standards. A measurable standard names a quantity or timescale (in digits
 * or words), a percentage, a clock time, a recurring day, or a named published standard. A vague
 * one promises quality or speed with nothing to measure it by ("good service", "as soon as possible").
 */

import vague from './lexicon/vague.json' with { type: 'json' };

const NUM = String.raw`(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-eight|fifty|sixty|ninety|a hundred|half an?|a couple of|a few)`;
const UNIT = String.raw`(?:minutes?|mins?|hours?|hrs?|(?:working |business |calendar )?days?|weeks?|months?|rings?|seconds?|secs?)`;
const DAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`;
const MONTH = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december)`;
const CLOCK = String.raw`(?:\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)|\d{1,2}[.:]\d{2}|12 noon|noon|midday|midnight)`;

const MEASURABLE_PATTERNS: RegExp[] = [
  new RegExp(
    String.raw`\b(?:within|in|under|inside|no (?:more|longer) than|at least|at most|every|each|after|before|for)\s+(?:the\s+|our\s+|a\s+)?${NUM}[\s-]+${UNIT}\b`,
    'gi',
  ),
  new RegExp(String.raw`\b${NUM}[\s-]+${UNIT}\b`, 'gi'),
  new RegExp(
    String.raw`\b(?:by|before|at|until|from)\s+(?:${CLOCK}|${DAY}|tomorrow|the end of (?:the )?(?:day|week|month)|end of (?:the )?(?:day|play)|close of business|the next (?:working )?day|the following (?:working )?day|the same day)\b(?:\s+(?:on\s+)?(?:the\s+)?(?:same day|next day|following day|next morning|${DAY}(?: before)?))?`,
    'gi',
  ),
  new RegExp(String.raw`\b(?:the\s+)?same(?:\s+working)?\s+day\b`, 'gi'),
  new RegExp(String.raw`\b(?:next|following)\s+(?:working\s+)?day\b`, 'gi'),
  new RegExp(String.raw`\bevery\s+(?:other\s+)?(?:${DAY}|day|week|fortnight|month|morning|afternoon)\b`, 'gi'),
  new RegExp(String.raw`\b\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)`, 'gi'),
  new RegExp(
    String.raw`\b(?:by|before|on|from|until)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)(?:\s+of\s+(?:the|each|every)\s+month|\s+of\s+${MONTH}|\s+${MONTH})?\b`,
    'gi',
  ),
  new RegExp(String.raw`\bthe\s+\d{1,2}(?:st|nd|rd|th)\s+of\s+(?:each|every|the)\s+month\b`, 'gi'),
  new RegExp(String.raw`\b(?:by|before|on)\s+${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b`, 'gi'),
  new RegExp(String.raw`\b${CLOCK}`, 'gi'),
  // A bare hour in a promise: "I'd ring him back by 3", "before 12 with the price".
  /\b(?:by|before|until|after)\s+(?:[1-9]|1[0-2])(?=\s*(?:$|[,.;)]|with|and|today|tomorrow|o'clock|on|that|at|latest|the latest))/gi,
  /\b(?:SLA|service level agreement|ISO\s?\d{3,5}|Customer Service Excellence|BS\s?\d{3,5})\b/g,
];

export interface Span {
  start: number;
  end: number;
  text: string;
}

function collect(patterns: RegExp[], text: string, base: number): Span[] {
  const spans: Span[] = [];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      spans.push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0] });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      if (s.end > last.end) {
        last.text += text.slice(last.end - base, s.end - base);
        last.end = s.end;
      }
    } else merged.push({ ...s });
  }
  return merged;
}

export function measurableSpans(text: string, base = 0): Span[] {
  return collect(MEASURABLE_PATTERNS, text, base);
}

/** Vague promises and claimed service levels. `kind` picks the SMART template of the fix. */
export interface VaguePhrase extends Span {
  kind: 'time' | 'quality';
}

const VAGUE_TIME_RE = new RegExp(String.raw`\b(?:${vague.time.join('|')})\b`, 'gi');
const VAGUE_QUALITY_RE = new RegExp(
  String.raw`\b(?:${vague.quality.map((q) => q.replaceAll('{Q}', vague.qualityAdjective)).join('|')})\b`,
  'gi',
);

export function vagueSpans(text: string, base = 0): VaguePhrase[] {
  const out: VaguePhrase[] = [];
  for (const [re, kind] of [
    [VAGUE_TIME_RE, 'time'],
    [VAGUE_QUALITY_RE, 'quality'],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      out.push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0], kind });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
