/**
 * The long account the speed figures are measured on, built as bench/bench.ts builds it: the accounts
 * of test/corpus and examples/ one after another, each under an "## Example n" heading, front matter
 * and headings of their own taken out, until the given number of words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** The source accounts, without their front matter. */
export const sources = [join(root, 'test', 'corpus', 'accounts'), join(root, 'examples')].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(join(d, f), 'utf8').replace(/^---[\s\S]*?---\n/, '')),
);

export function account(words: number): string {
  const parts: string[] = ['---\nunit: customer-relations\n---\n'];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const s = sources[i % sources.length].replace(/^# /gm, '## ');
    parts.push(`## Example ${i + 1}\n\n${s.replace(/^#+ .*$/gm, '')}`);
    count += s.split(/\s+/).filter(Boolean).length;
  }
  return parts.join('\n\n');
}
