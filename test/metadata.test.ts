/**
 * The rule metadata in the docs and in package.json is generated from the rules (scripts/build-docs.ts,
 * `npm run docs`): these tests run the generator in memory and fail when a file has drifted from it.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { Ajv } from 'ajv';
import { join } from 'node:path';
import {
  HEADER_END,
  RULES_END,
  RULES_START,
  SEVERITY_SETTINGS,
  generatedFiles,
  readRepoFile,
  type ReadFile,
  type RuleMetadata,
} from '../scripts/build-docs.js';
import { bundledRubrics } from '../src/core/bundled-rubrics.js';
import { rules } from '../src/core/rules/index.js';
import { readSettings } from '../src/server/settings.js';

interface RulesSetting {
  properties: Record<string, { type: string; enum: string[]; description: string }>;
  additionalProperties: { enum: string[] };
  markdownDescription: string;
}

interface Configuration {
  title: string;
  properties: Record<string, Record<string, unknown>>;
}
const configurationOf = (packageJson: string) =>
  (JSON.parse(packageJson) as { contributes: { configuration: Configuration } }).contributes.configuration;
const rulesSetting = (packageJson: string) =>
  configurationOf(packageJson).properties['reflectiveAccounts.rules'] as unknown as RulesSetting;

interface UnitSetting {
  default: string;
  anyOf: [{ enum: string[]; enumDescriptions: string[] }, { type: 'string' }];
  markdownDescription: string;
}
const unitSetting = (packageJson: string) =>
  configurationOf(packageJson).properties['reflectiveAccounts.defaultUnit'] as unknown as UnitSetting;

/** The repository's files, with some replaced. */
const readWith =
  (replaced: Record<string, string>): ReadFile =>
  (file) =>
    replaced[file] ?? readRepoFile(file);

describe('generated rule metadata', () => {
  const generated = generatedFiles(rules, readRepoFile);

  it('covers the two rule tables, a page per rule and package.json', () => {
    assert.deepEqual(
      [...generated.keys()],
      ['README.md', 'docs/rules/README.md', ...rules.map((r) => `docs/rules/${r.id}.md`), 'package.json'],
    );
  });

  for (const [file, text] of generated) {
    it(`${file} matches the rules (else run npm run docs)`, () => {
      assert.equal(readRepoFile(file), text);
    });
  }

  it('has no rule page for a rule that does not exist', () => {
    const pages = readdirSync(join(import.meta.dirname, '..', 'docs', 'rules')).filter((f) => f.endsWith('.md'));
    const expected = new Set([...rules.map((r) => `${r.id}.md`), 'README.md', 'rubric-checks.md']);
    assert.deepEqual(
      pages.filter((p) => !expected.has(p)),
      [],
    );
  });

  it("offers every rule id in the settings editor, with the rule's summary and the severities the server accepts", () => {
    const setting = rulesSetting(generated.get('package.json')!);
    assert.deepEqual(
      Object.keys(setting.properties),
      rules.map((r) => r.id),
    );
    for (const rule of rules) {
      const property = setting.properties[rule.id];
      assert.equal(property.description, rule.summary, rule.id);
      assert.deepEqual(property.enum, [...SEVERITY_SETTINGS], rule.id);
      assert.ok(setting.markdownDescription.includes(`\`${rule.id}\``), `the description lists ${rule.id}`);
    }
    assert.deepEqual(setting.additionalProperties.enum, [...SEVERITY_SETTINGS], 'rubric checks take the same values');
    for (const value of SEVERITY_SETTINGS) {
      assert.equal(
        readSettings({ rules: { 'vague-standard': value } }).rules['vague-standard'],
        value,
        `the server takes ${value}`,
      );
    }
  });

  it('offers every bundled unit for defaultUnit, with its title, and still takes a centre unit', () => {
    const setting = unitSetting(generated.get('package.json')!);
    const [listed] = setting.anyOf;
    assert.deepEqual(listed.enum, ['', ...bundledRubrics().map((r) => r.id)]);
    assert.equal(listed.enumDescriptions.length, listed.enum.length);
    for (const rubric of bundledRubrics()) {
      const description = listed.enumDescriptions[listed.enum.indexOf(rubric.id)];
      assert.equal(description, `${rubric.title} (Level ${rubric.level})`);
      assert.ok(setting.markdownDescription.includes(`\`${rubric.id}\`, ${rubric.title}`), rubric.id);
    }
    // settings.json validates a value against this schema, as VS Code's JSON language service does.
    const validate = new Ajv({ strict: false }).compile(setting);
    for (const value of [setting.default, 'customer-relations', 'centre-telephone']) {
      assert.ok(validate(value), `${JSON.stringify(value)} is accepted`);
    }
    assert.ok(!validate(3), 'a number is not a unit');
  });

  it('follows a change to the bundled units into defaultUnit', () => {
    const units = [{ id: 'office-skills', title: 'Office skills', level: 2 }];
    const setting = unitSetting(generatedFiles(rules, readRepoFile, units).get('package.json')!);
    assert.deepEqual(setting.anyOf[0].enum, ['', 'office-skills']);
    assert.deepEqual(setting.anyOf[0].enumDescriptions.slice(1), ['Office skills (Level 2)']);
  });

  it('titles every setting under the "Reflective Accounts" group, never "Reflect Lint"', () => {
    const configuration = configurationOf(readRepoFile('package.json'));
    assert.equal(configuration.title, 'Reflective Accounts');
    for (const [key, property] of Object.entries(configuration.properties)) {
      assert.ok(key.startsWith('reflectiveAccounts.'), key);
      assert.doesNotMatch(JSON.stringify(property), /Reflect ?Lint:/i, key);
    }
  });

  it("follows a change to a rule's severity or summary into every generated part", () => {
    const changed: RuleMetadata[] = rules.map((r) =>
      r.id === 'vague-standard' ? { ...r, severity: 'error', summary: 'Promises | targets nobody can measure.' } : r,
    );
    const out = generatedFiles(changed, readRepoFile);
    assert.ok(
      out
        .get('README.md')!
        .includes(
          '| [`vague-standard`](docs/rules/vague-standard.md) | error | Promises \\| targets nobody can measure. |',
        ),
    );
    assert.ok(
      out
        .get('docs/rules/README.md')!
        .includes('| [vague-standard](vague-standard.md) | error | No | Promises \\| targets nobody can measure. |'),
    );
    assert.ok(
      out.get('docs/rules/vague-standard.md')!.startsWith('# vague-standard\n\n- **Default severity:** error\n'),
    );
    assert.equal(
      rulesSetting(out.get('package.json')!).properties['vague-standard'].description,
      'Promises | targets nobody can measure.',
    );
    for (const file of ['README.md', 'docs/rules/README.md', 'docs/rules/vague-standard.md', 'package.json']) {
      assert.notEqual(out.get(file), readRepoFile(file), `${file} would be reported as drifted`);
    }
    assert.equal(
      out.get('docs/rules/personal-data.md'),
      readRepoFile('docs/rules/personal-data.md'),
      'other pages are untouched',
    );
  });

  it('rewrites a stale header and table but keeps every hand-written line', () => {
    const body = '\nWritten by hand, with a | pipe and a "## heading" below.\n\n## What it finds\n\nAnything.\n';
    const readme = `# Title\n\nBefore the table.\n\n${RULES_START}\n\n| old | table |\n${RULES_END}\n\nAfter the table.\n`;
    const out = generatedFiles(
      rules,
      readWith({
        'docs/rules/personal-data.md': `# personal-data-old\n\n- **Default severity:** hint\n- **Needs a unit rubric:** yes\n\n${HEADER_END}\n${body}`,
        'README.md': readme,
      }),
    );
    assert.equal(
      out.get('docs/rules/personal-data.md'),
      `# personal-data\n\n- **Default severity:** warning\n- **Needs a unit rubric:** no\n\n${HEADER_END}\n${body}`,
    );
    const newReadme = out.get('README.md')!;
    assert.ok(
      newReadme.startsWith(`# Title\n\nBefore the table.\n\n${RULES_START}\n\n| rule | default | what it finds |\n`),
      newReadme,
    );
    assert.ok(
      newReadme.endsWith(
        `| [rubric checks](docs/rules/rubric-checks.md) | per check | Each unit's countable demands and common mistakes. |\n\n${RULES_END}\n\nAfter the table.\n`,
      ),
      newReadme,
    );
    assert.ok(!newReadme.includes('| old | table |'));
  });

  it('gives the same files when run on its own output', () => {
    const again = generatedFiles(rules, readWith(Object.fromEntries(generated)));
    assert.deepEqual([...again], [...generated]);
  });

  it('refuses, naming the file, when the lines that mark a generated part are missing', () => {
    const readme = readRepoFile('README.md');
    assert.throws(
      () => generatedFiles(rules, readWith({ 'README.md': readme.replace(RULES_END, '') })),
      /^Error: README\.md: needs a line starting "<!-- rules:start"/,
    );
    assert.throws(
      () => generatedFiles(rules, readWith({ 'docs/rules/README.md': readme.replace(RULES_START, '') })),
      /^Error: docs\/rules\/README\.md: /,
    );
    const page = readRepoFile('docs/rules/hypothetical-language.md');
    assert.throws(
      () => generatedFiles(rules, readWith({ 'docs/rules/hypothetical-language.md': page.replace(HEADER_END, '') })),
      /^Error: docs\/rules\/hypothetical-language\.md: needs a line "<!-- header:end/,
    );
  });

  it('refuses a rule without a page, a duplicate id and a summary of more than one line', () => {
    const extra = (r: RuleMetadata) => generatedFiles([...rules, r], readRepoFile);
    assert.throws(
      () => extra({ id: 'no-such-page', severity: 'hint', summary: 'A rule.' }),
      /docs\/rules\/no-such-page\.md: the rule no-such-page has no page/,
    );
    assert.throws(() => extra({ ...rules[0] }), /is used twice/);
    assert.throws(
      () => generatedFiles([...rules.slice(1), { ...rules[0], summary: 'Two\nlines.' }], readRepoFile),
      /summary must be one line/,
    );
    assert.throws(
      () =>
        generatedFiles(
          rules.filter((r) => r.id !== 'personal-data'),
          readRepoFile,
        ),
      /example names personal-data/,
    );
  });
});
