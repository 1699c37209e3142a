/**
 * The renderers, one file each, shared by the command line and the language server: text, JSON and
 * SARIF for the check; Markdown, CSV, HTML and JSON for the grid (the portfolio model of src/core).
 * Pure, like the core: the server runs them in a web worker too.
 */
import type { Portfolio } from '../core/index.js';
import { formatPortfolioCsv } from './csv.js';
import { formatPortfolioHtml } from './html.js';
import { formatPortfolioJson } from './json.js';
import { formatPortfolioMarkdown } from './markdown.js';

export const GRID_FORMATS = ['md', 'html', 'csv', 'json'] as const;
export type GridFormat = (typeof GRID_FORMATS)[number];

export function formatPortfolio(p: Portfolio, format: GridFormat, generated?: Date): string {
  if (format === 'csv') return formatPortfolioCsv(p);
  if (format === 'html') return formatPortfolioHtml(p, generated);
  if (format === 'json') return formatPortfolioJson(p);
  return formatPortfolioMarkdown(p);
}

export { formatPortfolioCsv, formatPortfolioHtml, formatPortfolioJson, formatPortfolioMarkdown };
export { formatSarif } from './sarif.js';
export { paint } from './text.js';
export { JSON_VERSION } from './json.js';
