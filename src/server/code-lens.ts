/**
 * The CodeLens above an account's title: how far it is ("AC 3 of 5 · Cycle 4 of 6 · 2 to fix", worded
 * by src/core/next-steps.ts) where account-wide findings sit (accountAnchor). Clicking it runs
 * `reflectLint.showNextSteps`: the VS Code extension opens the Criteria view's "What to add next";
 * another client runs the server's command, which shows the list in a message.
 */
import type { CodeLens } from 'vscode-languageserver';
import { accountAnchor, accountSummary, type NextStep } from '../core/next-steps.js';
import type { Analysis } from './documents.js';

import { ServerCommands } from '../shared/protocol.js';

const SHOW_NEXT_STEPS = ServerCommands.showNextSteps;

export function codeLenses(a: Analysis): CodeLens[] {
  const anchor = accountAnchor(a.doc);
  const at = a.doc.lines.position(anchor.start);
  const summary = accountSummary(a.result, a.rubric);
  return [
    {
      range: { start: at, end: at },
      command: { title: summary.text, command: SHOW_NEXT_STEPS, arguments: [a.uri] },
    },
  ];
}

/** "What to add next" as one message, for a client with no view to show it in. */
export function nextStepsMessage(steps: readonly NextStep[]): string {
  if (!steps.length) return 'What to add next: nothing. Every stage is shown and every criterion evidenced.';
  return ['What to add next:', ...steps.map((s) => `${s.title}: ${s.advice}`)].join('\n');
}
