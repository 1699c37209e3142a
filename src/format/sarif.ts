/** SARIF 2.1.0, for code-scanning dashboards and CI annotations. */
import { rules, type FileResult, type Rubric, type Severity } from '../core/index.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'none' };

export function formatSarif(files: readonly FileResult[], rubrics: readonly Rubric[], version: string): string {
  const ruleIds = new Map<string, { id: string; shortDescription: { text: string }; helpUri?: string }>();
  for (const r of rules) ruleIds.set(r.id, { id: r.id, shortDescription: { text: r.summary } });
  for (const rubric of rubrics) {
    for (const check of rubric.checks) {
      if (!ruleIds.has(check.id))
        ruleIds.set(check.id, {
          id: check.id,
          shortDescription: { text: `Rubric check (${check.kind}) from ${rubric.id}` },
        });
    }
  }
  const used = new Set(files.flatMap((f) => f.findings.map((x) => x.rule)));
  for (const file of files) for (const f of file.findings) if (f.url) ruleIds.get(f.rule)!.helpUri ??= f.url;
  const driverRules = [...ruleIds.values()].filter((r) => used.has(r.id));
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
