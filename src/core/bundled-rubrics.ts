/**
 * The rubrics shipped with reflect-lint, one per unit document. Bundled as data, and checked at build
 * time (esbuild.js runs checkRubric on each and fails the build on a bad one; the tests do too), so
 * they are not checked again at every start.
 */
import crmPrinciples from '../../rubrics/crm-principles.json' with { type: 'json' };
import customerRelations from '../../rubrics/customer-relations.json' with { type: 'json' };
import developRelationships from '../../rubrics/develop-relationships.json' with { type: 'json' };
import externalCustomers from '../../rubrics/external-customers.json' with { type: 'json' };
import focusL2 from '../../rubrics/focus-l2-customer-relationships.json' with { type: 'json' };
import type { Rubric } from './types.js';

/** In the order the command lists them. */
const shipped: unknown[] = [customerRelations, crmPrinciples, focusL2, externalCustomers, developRelationships];

export function bundledRubrics(): Rubric[] {
  return shipped as Rubric[];
}
