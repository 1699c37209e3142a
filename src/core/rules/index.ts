/** The explicit, ordered list of built-in rules. Rubric checks are added per rubric at run time. */
import type { Rule } from '../rule.js';
import { criterionClaimed } from './criterion-claimed.js';
import { criterionNotEvidenced } from './criterion-not-evidenced.js';
import { cycleStageMissing } from './cycle-stage-missing.js';
import { hypotheticalLanguage } from './hypothetical-language.js';
import { missingDemonstratesLink } from './missing-demonstrates-link.js';
import { personalData } from './personal-data.js';
import { unfilledPlaceholder } from './unfilled-placeholder.js';
import { unknownCriterion } from './unknown-criterion.js';
import { vagueStandard } from './vague-standard.js';

export const rules: readonly Rule[] = [
  cycleStageMissing,
  vagueStandard,
  missingDemonstratesLink,
  unknownCriterion,
  criterionNotEvidenced,
  criterionClaimed,
  hypotheticalLanguage,
  personalData,
  unfilledPlaceholder,
];
