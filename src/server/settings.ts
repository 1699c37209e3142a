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
  /** How long after the last keystroke an account is checked (onType), in milliseconds; 0 checks at once. */
  debounceMs: number;
  /** Whether the account's summary ("AC 3 of 5 · Cycle 4 of 6 · 2 to fix") shows as a CodeLens above its title. */
  codeLens: boolean;
}

export const DEFAULT_FILES = [
  '**/reflective-accounts/**/*.md',
  '**/accounts/**/*.md',
  '**/portfolio/**/*.md',
  '**/*.account.md',
];

export const DEFAULT_SETTINGS: Settings = {
  defaultUnit: '',
  rubrics: ['rubrics'],
  files: DEFAULT_FILES,
  rules: {},
  run: 'onType',
  maxFileSizeKB: 500,
  // Longer than the gap between keystrokes within a word, so an account is checked when the learner
  // pauses rather than on every key, and short enough that findings appear as soon as they stop.
  debounceMs: 250,
  codeLens: true,
};

/** A timer longer than this (about 24 days) would fire at once in Node: an hour is more than anyone waits. */
const MAX_DEBOUNCE_MS = 3_600_000;

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;

/**
 * Settings from an untrusted value: each field it gives validly, the rest from `base` (the defaults,
 * or the settings given at start-up). `rules`, when given, replaces the base's whole map.
 */
export function readSettings(value: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  let rules = base.rules;
  if (v.rules && typeof v.rules === 'object') {
    rules = {};
    for (const [id, s] of Object.entries(v.rules as Record<string, unknown>)) {
      const name = s === 'info' ? 'information' : s;
      if (typeof name === 'string' && SEVERITIES.has(name)) rules[id] = name as RuleSetting;
    }
  }
  const size =
    typeof v.maxFileSizeKB === 'number' && Number.isFinite(v.maxFileSizeKB) && v.maxFileSizeKB > 0
      ? v.maxFileSizeKB
      : base.maxFileSizeKB;
  const delay =
    typeof v.debounceMs === 'number' && Number.isFinite(v.debounceMs) && v.debounceMs >= 0
      ? Math.min(v.debounceMs, MAX_DEBOUNCE_MS)
      : base.debounceMs;
  return {
    defaultUnit: typeof v.defaultUnit === 'string' ? v.defaultUnit.trim() : base.defaultUnit,
    rubrics: strings(v.rubrics) ?? base.rubrics,
    files: strings(v.files) ?? base.files,
    rules,
    run: v.run === 'onSave' || v.run === 'onType' ? v.run : base.run,
    maxFileSizeKB: size,
    debounceMs: delay,
    codeLens: typeof v.codeLens === 'boolean' ? v.codeLens : base.codeLens,
  };
}

/**
 * Settings given at start-up by an editor that cannot answer workspace/configuration:
 * `initializationOptions.settings.reflectiveAccounts` (or the old `reflectLint`), as didChangeConfiguration sends them, or the same
 * fields directly under `settings` (or under the options themselves).
 */
export function readInitializationSettings(options: unknown): Settings | undefined {
  if (!options || typeof options !== 'object') return undefined;
  const given = (options as { settings?: unknown }).settings ?? options;
  return readSettings(settingsSection(given) ?? given);
}

/** The settings section's name; until 0.2 it was `reflectLint`, and an editor's configuration may still use that. */
export const SETTINGS_SECTION = 'reflectiveAccounts';
export const OLD_SETTINGS_SECTION = 'reflectLint';

/** `reflectiveAccounts` of an object that holds the sections, else the old `reflectLint`; undefined when neither is an object. */
export function settingsSection(container: unknown): object | undefined {
  if (!container || typeof container !== 'object') return undefined;
  const c = container as Record<string, unknown>;
  for (const name of [SETTINGS_SECTION, OLD_SETTINGS_SECTION]) {
    const v = c[name];
    if (v && typeof v === 'object') return v;
  }
  return undefined;
}
