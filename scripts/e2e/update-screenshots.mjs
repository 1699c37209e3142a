#!/usr/bin/env node
// Copies the screenshots the browser tier took of the real extension (test-results/, after
// `node scripts/e2e/run-browser-e2e.mjs`) to where the repository keeps them, made small: the report panel
// and the feedback draft for the README (docs/images/, not packaged), and the walkthrough's pictures
// (media/walkthrough/, packaged: .vscodeignore lets them in). With pngquant on the PATH (Debian: apt-get
// install pngquant) each is reduced to at most 128 colours, which VS Code's flat colours survive; without
// it they are copied as they are, and the script says so.
// Usage: node scripts/e2e/update-screenshots.mjs
// Exit: 0 done, 1 a screenshot is missing (run the browser tier first).

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './code-server.mjs';

const RESULTS = path.join(REPO_ROOT, 'test-results');
const COPIES = [
  ['report-decision.png', 'docs/images/report-panel.png'],
  ['feedback-draft.png', 'docs/images/feedback-draft.png'],
  ['walkthrough-select-unit.png', 'media/walkthrough/select-unit.png'],
  ['walkthrough-first-paragraph.png', 'media/walkthrough/first-paragraph.png'],
  ['walkthrough-criteria-view.png', 'media/walkthrough/criteria-view.png'],
  ['walkthrough-insert-reference.png', 'media/walkthrough/insert-reference.png'],
];

const missing = COPIES.filter(([from]) => !existsSync(path.join(RESULTS, from)));
if (missing.length) {
  console.error(
    `update-screenshots: not in test-results/: ${missing.map(([f]) => f).join(', ')} (run node scripts/e2e/run-browser-e2e.mjs first)`,
  );
  process.exit(1);
}
const pngquant = spawnSync('pngquant', ['--version']).status === 0;
if (!pngquant) console.warn('update-screenshots: pngquant not found, so the pictures are copied at full size');
for (const [from, to] of COPIES) {
  const source = path.join(RESULTS, from);
  const target = path.join(REPO_ROOT, to);
  mkdirSync(path.dirname(target), { recursive: true });
  if (pngquant) {
    const r = spawnSync('pngquant', ['--force', '--strip', '--speed', '1', '--output', target, '128', source], {
      stdio: 'inherit',
    });
    if (r.status !== 0) copyFileSync(source, target);
  } else copyFileSync(source, target);
  console.log(
    `${to}: ${Math.round(statSync(target).size / 1024)} KB (from ${Math.round(statSync(source).size / 1024)} KB)`,
  );
}
