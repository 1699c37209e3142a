/**
 * A criterion on a page of its own: what the unit asks (the criterion's text), the sentence that links a
 * paragraph to it, the stages of the service cycle it belongs to and the unit's key terms for it. Markdown,
 * for an editor to show read-only where a grid's "missing" cell or a view's criterion leads.
 */
import { linkSentence } from './edits.js';
import { STAGE_TITLES, type Rubric } from './types.js';

/** The criterion's page, or undefined when the unit has no such criterion. */
export function criterionSheet(rubric: Rubric, id: string): string | undefined {
  const c = rubric.criteria.find((x) => x.id === id);
  if (!c) return undefined;
  const level = rubric.level === 'not stated' ? '' : ` · Level ${rubric.level}`;
  const lines = [
    `# AC ${c.id}: ${rubric.title}`,
    '',
    `Unit \`${rubric.id}\`${level} · Awarding body: ${rubric.awardingBody}`,
    '',
    '## What the criterion asks',
    '',
    `> ${c.text}`,
    '',
    '## What would count',
    '',
    `A paragraph telling of a time the learner had to ${forTheLearner(c.ability)}: what happened, what they did, step by step, and how it turned out, ending with the sentence that links it:`,
    '',
    `> ${linkSentence(c)}`,
  ];
  if (c.stages?.length)
    lines.push('', `Stages of the service cycle: ${c.stages.map((s) => STAGE_TITLES[s]).join(', ')}.`);
  const terms = rubric.keyTerms.filter((t) => t.criteria?.includes(c.id));
  if (terms.length) {
    lines.push('', '## Key terms', '');
    for (const t of terms) lines.push(`- **${t.term}**: ${t.definition}`);
  }
  return lines.join('\n') + '\n';
}

/** A criterion's ability ("monitor my service") said of the learner ("monitor their service"). */
function forTheLearner(ability: string): string {
  return ability
    .replace(/\bmyself\b/g, 'themselves')
    .replace(/\bmy\b/g, 'their')
    .replace(/\bmine\b/g, 'theirs')
    .replace(/\bme\b/g, 'them')
    .replace(/\bI\b/g, 'they');
}
