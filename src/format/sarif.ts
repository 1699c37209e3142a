/** SARIF 2.1.0, for code-scanning dashboards and CI annotations. */
import { rubricRules, ruleUrl, rules, type FileResult, type Rubric, type Rule, type Severity } from '../core/index.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'none' };

/**
 * The driver's rule descriptors, from the same Rule objects the analyser runs: the built-in rules, then
 * each rubric's checks (rubricRules). A check id in several rubrics is described once, by the first.
 */
function descriptors(rubrics: readonly Rubric[], used: ReadonlySet<string>) {
  const byId = new Map<string, Rule>();
  for (const rule of [...rules, ...rubrics.flatMap((r) => rubricRules(r))])
    if (!byId.has(rule.id)) byId.set(rule.id, rule);
  return [...byId.values()]
    .filter((r) => used.has(r.id))
    .map((r) => ({
      id: r.id,
      shortDescription: { text: r.summary },
      helpUri: ruleUrl(r),
      defaultConfiguration: { level: LEVEL[r.severity] },
    }));
}

export function formatSarif(files: readonly FileResult[], rubrics: readonly Rubric[], version: string): string {
  const used = new Set(files.flatMap((f) => f.findings.map((x) => x.rule)));
  const driverRules = descriptors(rubrics, used);
  const results = files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: driverRules.findIndex((r) => r.id === f.rule),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(file.path.replace(/\\/g, '/')) },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
      ...(f.data ? { properties: f.data } : {}),
      ...(f.fixes?.length
        ? {
            fixes: f.fixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [
                {
                  artifactLocation: { uri: encodeURI(file.path.replace(/\\/g, '/')) },
                  replacements: fix.edits.map((e) => ({
                    deletedRegion: {
                      startLine: e.range.start.line + 1,
                      startColumn: e.range.start.character + 1,
                      endLine: e.range.end.line + 1,
                      endColumn: e.range.end.character + 1,
                    },
                    insertedContent: { text: e.newText },
                  })),
                },
              ],
            })),
          }
        : {}),
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'reflect-lint',
            version,
            informationUri: 'https://github.com/reflect-lint/reflect-lint',
            rules: driverRules,
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
