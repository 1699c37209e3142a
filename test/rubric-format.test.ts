/**
 * What a rubric can say beyond criteria, key terms and checks (issue 9, part 3): learning outcomes,
 * a level not stated, the reflective model, a check's scope, the unit's words for the customer and
 * severities of the general rules; and what checkRubric refuses among them.
 */
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze.js';
import { rubricRules } from '../src/core/checks/index.js';
import { checkRubric } from '../src/core/rubric.js';
import type { Rubric } from '../src/core/types.js';

const BASE = {
  id: 'hotel-bookings',
  title: 'Handle hotel bookings',
  awardingBody: 'Made-up awarding body',
  level: 2,
  criteria: [
    { id: '1.1', text: 'Take a booking.', ability: 'take a booking accurately', signals: ['took the booking'] },
    { id: '1.2', text: 'Confirm a booking.', ability: 'confirm a booking', signals: ['confirmation email'] },
    { id: '2.1', text: 'Handle a cancellation.', ability: 'handle a cancellation', signals: ['cancelled'] },
  ],
  keyTerms: [],
  checks: [{ id: 'allergies', kind: 'existence', message: 'Say how you checked allergies.', phrases: ['nut allergy'] }],
};

function reason(value: unknown): string {
  const r = checkRubric(value);
  return r.ok ? 'accepted' : r.reason;
}

describe('rubric format additions', () => {
  it('takes a rubric with every addition', () => {
    const full = {
      ...BASE,
      level: 'not stated',
      cycle: 'none',
      customerWords: ['guest', 'caller'],
      severities: { 'personal-data': 'off', 'vague-standard': 'information' },
      outcomes: [
        { id: '1', text: 'Be able to take bookings.', criteria: ['1.1', '1.2'] },
        { id: '2', text: 'Be able to handle changes.', criteria: ['2.1'] },
      ],
      checks: [{ ...BASE.checks[0], scope: 'sentence' }],
    };
    assert.equal(reason(full), 'accepted');
  });

  it("takes the service cycle, Gibbs', Kolb's or none, and refuses another", () => {
    for (const cycle of ['service', 'gibbs', 'kolb', 'none'])
      assert.equal(reason({ ...BASE, cycle }), 'accepted', cycle);
    assert.match(
      reason({ ...BASE, cycle: 'star' }),
      /field cycle: "star" is not a reflective model; use one of service, gibbs, kolb or none/,
    );
  });

  it('takes a level of 1 to 8 or "not stated", nothing else', () => {
    assert.equal(reason({ ...BASE, level: 'not stated' }), 'accepted');
    assert.notEqual(reason({ ...BASE, level: 'unknown' }), 'accepted');
    assert.notEqual(reason({ ...BASE, level: 9 }), 'accepted');
  });

  it('takes a scope of sentence, paragraph or account on a check', () => {
    for (const scope of ['sentence', 'paragraph', 'account'])
      assert.equal(reason({ ...BASE, checks: [{ ...BASE.checks[0], scope }] }), 'accepted');
    assert.match(
      reason({ ...BASE, checks: [{ ...BASE.checks[0], scope: 'section' }] }),
      /field scope: "section" is not a scope; use one of sentence, paragraph or account/,
    );
  });

  it('refuses an outcome naming a criterion the rubric lacks, or listed twice', () => {
    assert.equal(
      reason({ ...BASE, outcomes: [{ id: '3', text: 'x', criteria: ['3.1'] }] }),
      'learning outcome 1 (`LO3`), field criteria, item 1: criterion "3.1" is not in the rubric; use one of its criteria: 1.1, 1.2 or 2.1',
    );
    assert.equal(
      reason({
        ...BASE,
        outcomes: [
          { id: '1', text: 'x', criteria: ['1.1'] },
          { id: '1', text: 'y', criteria: ['1.2'] },
        ],
      }),
      'learning outcome 2 (`LO1`), field id: learning outcome 1 is listed twice; list each outcome once',
    );
  });

  it("refuses a check whose id is a general rule's", () => {
    assert.equal(
      reason({ ...BASE, checks: [{ ...BASE.checks[0], id: 'personal-data' }] }),
      'check 1 (`personal-data`), field id: "personal-data" is the id of a general rule, so the check\'s findings and settings would merge with the rule\'s; give the check another id (such as "hotel-bookings-personal-data")',
    );
  });

  it('refuses a severity for a rule that does not exist, or a severity that is not one', () => {
    assert.match(
      reason({ ...BASE, severities: { 'personal-info': 'off' } }),
      /^severities, rule `personal-info`: "personal-info" is not a general rule; use one of cycle-stage-missing, /,
    );
    assert.notEqual(reason({ ...BASE, severities: { 'personal-data': 'low' } }), 'accepted');
  });
});

/** A one-criterion unit with the given fields and checks, checked as a centre's rubric is. */
function unit(extra: Record<string, unknown>, ...checks: unknown[]): Rubric {
  const value = {
    ...BASE,
    id: 'orders',
    criteria: [{ id: '1', text: 'Take an order.', ability: 'take an order', signals: ['took the order'] }],
    checks,
    ...extra,
  };
  const r = checkRubric(value);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.rubric;
}

const ALLERGIES = {
  id: 'allergy-asked',
  kind: 'conditional',
  message: 'Say how you asked about allergies.',
  when: ['took the order'],
  groups: { allergies: ['allergy', 'allergies', 'vegan', 'dietary'] },
  min: 1,
};
const LATER_VEGAN =
  '---\nunit: orders\n---\n# Taking an order\n\nI took the order for table four on Friday evening.\n\nLater in the meal she told me she was vegan, so I changed her dessert.\n';
const IGNORED = {
  id: 'ignored',
  kind: 'existence',
  message: 'You wrote "{found}".',
  phrases: ['ignored the customer'],
};
const DESK =
  '---\nunit: orders\n---\n# Desk\n\nOn Monday I ignored the guest at the desk because I was busy. Jane Smith rang me.\n';

const rulesFound = (text: string, rubric: Rubric, severities?: Record<string, 'off' | 'error'>) =>
  analyze(text, { rubrics: [rubric], severities }).findings.map((f) => `${f.rule}:${f.severity}`);

describe('rubric checks in the rule loop', () => {
  it("are rules with the check's id, severity and link, and their findings are labelled from them", () => {
    const rubric = unit({}, { ...IGNORED, severity: 'error', phrases: ['ignored the guest'] });
    const [rule] = rubricRules(rubric);
    assert.equal(rule.id, 'ignored');
    assert.equal(rule.severity, 'error');
    const finding = analyze(DESK, { rubrics: [rubric] }).findings.find((f) => f.rule === 'ignored');
    assert.equal(finding?.severity, 'error');
    assert.equal(finding?.message, 'You wrote "ignored the guest".');
    assert.match(finding?.url ?? '', /docs\/rules\/rubric-checks\.md#ignored$/);
  });

  it('are turned off by a setting, like any rule', () => {
    const rubric = unit({}, { ...IGNORED, phrases: ['ignored the guest'] });
    assert.ok(rulesFound(DESK, rubric).includes('ignored:warning'));
    assert.ok(!rulesFound(DESK, rubric, { ignored: 'off' }).some((f) => f.startsWith('ignored:')));
  });
});

describe('what the format additions do', () => {
  it('scope: a trigger must be answered in its own paragraph or sentence, not anywhere in the account', () => {
    const found = (scope: string) =>
      analyze(LATER_VEGAN, { rubrics: [unit({}, { ...ALLERGIES, scope })] }).findings.filter(
        (f) => f.rule === 'allergy-asked',
      ).length;
    assert.equal(found('account'), 0, 'the later "vegan" answers the whole account');
    assert.equal(found('paragraph'), 1);
    assert.equal(found('sentence'), 1);
    const together = LATER_VEGAN.replace('on Friday evening.', 'on Friday evening and asked about allergies.');
    assert.equal(
      analyze(together, { rubrics: [unit({}, { ...ALLERGIES, scope: 'sentence' })] }).findings.filter(
        (f) => f.rule === 'allergy-asked',
      ).length,
      0,
    );
  });

  it('customerWords: "customer" in a check\'s phrases also matches the unit\'s own words', () => {
    assert.ok(!rulesFound(DESK, unit({}, IGNORED)).some((f) => f.startsWith('ignored:')));
    assert.ok(rulesFound(DESK, unit({ customerWords: ['guest', 'caller'] }, IGNORED)).includes('ignored:warning'));
  });

  it("severities: the unit lowers or turns off a general rule, and the user's own setting still wins", () => {
    const plain = rulesFound(DESK, unit({}));
    assert.ok(plain.includes('personal-data:warning'), plain.join());
    assert.ok(plain.includes('cycle-stage-missing:warning'));
    const lowered = rulesFound(DESK, unit({ severities: { 'personal-data': 'off', 'cycle-stage-missing': 'hint' } }));
    assert.ok(!lowered.some((f) => f.startsWith('personal-data:')));
    assert.ok(lowered.includes('cycle-stage-missing:hint'));
    assert.ok(
      rulesFound(DESK, unit({ severities: { 'personal-data': 'off' } }), { 'personal-data': 'error' }).includes(
        'personal-data:error',
      ),
    );
  });

  it('cycle "none": the cycle rule does not run for the unit', () => {
    assert.ok(rulesFound(DESK, unit({})).some((f) => f.startsWith('cycle-stage-missing:')));
    assert.ok(!rulesFound(DESK, unit({ cycle: 'none' })).some((f) => f.startsWith('cycle-stage-missing:')));
  });
});
