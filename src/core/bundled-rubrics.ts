/** The rubrics shipped with reflect-lint, one per unit document. Bundled as data. */
import crmPrinciples from '../../rubrics/crm-principles.json' with { type: 'json' };
import customerRelations from '../../rubrics/customer-relations.json' with { type: 'json' };
import developRelationships from '../../rubrics/develop-relationships.json' with { type: 'json' };
import externalCustomers from '../../rubrics/external-customers.json' with { type: 'json' };
import focusL2 from '../../rubrics/focus-l2-customer-relationships.json' with { type: 'json' };
import { checkRubric } from './rubric.js';
import type { Rubric } from './types.js';

let cache: Rubric[] | undefined;

export function bundledRubrics(): Rubric[] {
  if (!cache) {
    cache = [];
    for (const value of [customerRelations, crmPrinciples, focusL2, externalCustomers, developRelationships]) {
      const result = checkRubric(value);
      // Shipped rubrics are checked by the test suite; a broken one is left out rather than crash.
      if (result.ok) cache.push(result.rubric);
    }
  }
  return cache;
}
