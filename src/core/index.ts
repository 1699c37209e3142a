/** reflect-lint's analyser: pure TypeScript, no editor or Node-only API, so it runs anywhere. */
export { analyze, analyzeAccount, rubricIdFor } from './analyze.js';
export { AccountSession, type AccountAnalysis, type ContentChange, type UpdateKind } from './incremental.js';
export { bundledRubrics } from './bundled-rubrics.js';
export {
  checkRubric,
  problemLine,
  problemText,
  readRubric,
  type RubricPath,
  type RubricProblem,
  type RubricResult,
} from './rubric.js';
export { BUNDLED, RubricSet } from './rubric-set.js';
export { rankRubrics, suggestRubrics, RUBRIC_FIT_MIN, type RankedRubric, type RubricSuggestion } from './ranking.js';
export { rules } from './rules/index.js';
export { rubricRules } from './checks/index.js';
export { ruleUrl, type Rule } from './rule.js';
export { parseAccount, type AccountDocument } from './document.js';
export { citationSpans, findReferences } from './references.js';
export * from './portfolio.js';
export { firstSentence, plainText, sentencesOf, shorten } from './quotes.js';
export { rankerFor, supportedCriteria, SUPPORT_MIN_SCORE } from './ranking.js';
export { contentWords, isLinkSentence, placeholderSpans } from './claims.js';
export type { ParagraphInfo } from './rule.js';
export { STAGES, STAGE_TITLES } from './types.js';
export { cycleViewOf, stagesShown, stageTitle, type CycleView } from './next-steps.js';
export type * from './types.js';
export { explainAccount, REASONS, type Explanation, type ExplainPlace } from './explain.js';
export { draftFeedback, learnersOf, type FeedbackOptions } from './feedback.js';
export { criterionSheet } from './criterion-sheet.js';
