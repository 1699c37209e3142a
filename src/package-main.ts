/**
 * The package's main entry serves two hosts: `require('reflect-lint')` gets the analyser, and VS Code
 * gets activate/deactivate. Each part loads only when used, so neither host pays for the other.
 */
import type * as Core from './core/index.js';
import type * as Extension from './extension/extension.js';

// Each bundle is loaded when first asked for, so the command line never loads the extension's.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = (): typeof Core => require('./core.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const extension = (): typeof Extension => require('./extension.cjs');

export const analyze: typeof Core.analyze = (...args) => core().analyze(...args);
export const analyzeAccount: typeof Core.analyzeAccount = (...args) => core().analyzeAccount(...args);
export const bundledRubrics: typeof Core.bundledRubrics = () => core().bundledRubrics();
export const readRubric: typeof Core.readRubric = (text) => core().readRubric(text);
export const checkRubric: typeof Core.checkRubric = (value) => core().checkRubric(value);
export const rankRubrics: typeof Core.rankRubrics = (...args) => core().rankRubrics(...args);
export const buildPortfolio: typeof Core.buildPortfolio = (...args) => core().buildPortfolio(...args);
export const draftFeedback: typeof Core.draftFeedback = (...args) => core().draftFeedback(...args);

export function activate(context: Parameters<typeof Extension.activate>[0]): ReturnType<typeof Extension.activate> {
  return extension().activate(context);
}

export function deactivate(): Promise<void> {
  return extension().deactivate();
}
