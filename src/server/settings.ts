/**
 * Settings (`reflectLint.*`) arrive as untrusted JSON from the editor: `readSettings` returns a
 * valid value for every field, falling back to the default for anything missing or malformed.
 */
import type { Severity } from '../core/index.js';

export type RuleSetting = Severity | 'off';

export interface Settings {
  /** Unit rubric for accounts whose front matter names none. */
  defaultUnit: string;
  /** Folders (relative to a workspace folder, or absolute) holding a centre's rubric JSON files. */
  rubrics: string[];
  /** Globs (relative to a workspace folder) of Markdown files that are reflective accounts. */
  files: string[];
  /** Per-rule (and per rubric check) severity, or off. */
  rules: Record<string, RuleSetting>;
  /** When to check: as you type (debounced) or when you save. */
  run: 'onType' | 'onSave';
  /** Above this size (in KB) analysis pauses with a message. */
  maxFileSizeKB: number;
}

export const DEFAULT_FILES = ['**/reflective-accounts/**/*.md', '**/accounts/**/*.md', '**/portfolio/**/*.md', '**/*.account.md'];

export const DEFAULT_SETTINGS: Settings = {
  defaultUnit: '',
  rubrics: ['rubrics'],
  files: DEFAULT_FILES,
  rules: {},
  run: 'onType',
  maxFileSizeKB: 500,
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);

export function readSettings(value: unknown): Settings {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (v.rules && typeof v.rules === 'object') {
    for (const [id, s] of Object.entries(v.rules as Record<string, unknown>)) {
      const name = s === 'info' ? 'information' : s;
      if (typeof name === 'string' && SEVERITIES.has(name)) rules[id] = name as RuleSetting;
    }
  }
  const size = typeof v.maxFileSizeKB === 'number' && Number.isFinite(v.maxFileSizeKB) && v.maxFileSizeKB > 0 ? v.maxFileSizeKB : DEFAULT_SETTINGS.maxFileSizeKB;
  return {
    defaultUnit: typeof v.defaultUnit === 'string' ? v.defaultUnit.trim() : DEFAULT_SETTINGS.defaultUnit,
    rubrics: strings(v.rubrics) ?? DEFAULT_SETTINGS.rubrics,
    files: strings(v.files) ?? DEFAULT_SETTINGS.files,
    rules,
    run: v.run === 'onSave' ? 'onSave' : 'onType',
    maxFileSizeKB: size,
  };
}
