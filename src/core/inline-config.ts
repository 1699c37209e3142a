/**
 * Inline control, as in markdownlint: `<!-- reflect-lint-disable RULE -->`, `…-enable RULE -->`,
 * `…-disable-next-line RULE -->`, `…-disable-line RULE -->` and `…-disable-file RULE -->`.
 * With no rule named, the comment applies to every rule. Several rules may be listed.
 */
import type { AccountDocument } from './document.js';

const DIRECTIVE = /^reflect-lint-(disable-file|disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*))?$/;

export interface InlineConfig {
  /** Whether a finding of `rule` starting on `line` is allowed. */
  enabled(rule: string, line: number): boolean;
}

interface Toggle {
  line: number;
  on: boolean;
  rules: string[] | 'all';
}

export function readInlineConfig(doc: AccountDocument): InlineConfig {
  const toggles: Toggle[] = [];
  const lineOff = new Map<number, Array<string[] | 'all'>>();
  const fileOff: Array<string[] | 'all'> = [];
  for (const c of doc.comments) {
    const m = DIRECTIVE.exec(c.body);
    if (!m) continue;
    const names = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
    const rules: string[] | 'all' = names.length ? names : 'all';
    const start = doc.lines.position(c.start).line;
    const end = doc.lines.position(c.end).line;
    switch (m[1]) {
      case 'disable-file':
        fileOff.push(rules);
        break;
      case 'disable-next-line': {
        // The next line that holds text: a blank line after the comment does not use it up.
        let next = end + 1;
        while (
          next < doc.lines.lineCount &&
          doc.text.slice(doc.lines.offset({ line: next, character: 0 }), doc.lines.lineEnd(next)).trim() === ''
        )
          next++;
        push(lineOff, next, rules);
        break;
      }
      case 'disable-line':
        push(lineOff, start, rules);
        break;
      case 'disable':
        toggles.push({ line: start, on: false, rules });
        break;
      case 'enable':
        toggles.push({ line: start, on: true, rules });
        break;
    }
  }
  const names = (r: string[] | 'all', rule: string) => r === 'all' || r.includes(rule);
  return {
    enabled(rule, line) {
      if (fileOff.some((r) => names(r, rule))) return false;
      if ((lineOff.get(line) ?? []).some((r) => names(r, rule))) return false;
      let on = true;
      for (const t of toggles) {
        if (t.line > line) break;
        if (names(t.rules, rule)) on = t.on;
      }
      return on;
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
