/**
 * What a rubric can say beyond criteria, key terms and checks (issue 9, part 3): learning outcomes,
 * a level not stated, the reflective model, a check's scope, the unit's words for the customer and
 * severities of the general rules; and what checkRubric refuses among them.
 */
import assert from 'node:assert/strict';
import { checkRubric } from '../src/core/rubric.js';

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
      cycle: 'gibbs',
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

  it('takes each model and none, and refuses another', () => {
    for (const cycle of ['service', 'gibbs', 'kolb', 'none']) assert.equal(reason({ ...BASE, cycle }), 'accepted', cycle);
    assert.match(reason({ ...BASE, cycle: 'star' }), /cycle must be one of "service", "gibbs", "kolb", "none"/);
  });

  it('takes a level of 1 to 8 or "not stated", nothing else', () => {
    assert.equal(reason({ ...BASE, level: 'not stated' }), 'accepted');
    assert.notEqual(reason({ ...BASE, level: 'unknown' }), 'accepted');
    assert.notEqual(reason({ ...BASE, level: 9 }), 'accepted');
  });

  it('takes a scope of sentence, paragraph or account on a check', () => {
    for (const scope of ['sentence', 'paragraph', 'account']) assert.equal(reason({ ...BASE, checks: [{ ...BASE.checks[0], scope }] }), 'accepted');
    assert.match(reason({ ...BASE, checks: [{ ...BASE.checks[0], scope: 'section' }] }), /scope must be one of/);
  });

  it('refuses an outcome naming a criterion the rubric lacks, or listed twice', () => {
    assert.equal(reason({ ...BASE, outcomes: [{ id: '3', text: 'x', criteria: ['3.1'] }] }), 'learning outcome 3 names criterion "3.1", which the rubric does not have');
    assert.equal(reason({ ...BASE, outcomes: [{ id: '1', text: 'x', criteria: ['1.1'] }, { id: '1', text: 'y', criteria: ['1.2'] }] }), 'learning outcome "1" is listed twice');
  });

  it('refuses a check whose id is a general rule\'s', () => {
    assert.equal(reason({ ...BASE, checks: [{ ...BASE.checks[0], id: 'personal-data' }] }), 'check id "personal-data" is the id of a general rule; give the check another id');
  });

  it('refuses a severity for a rule that does not exist, or a severity that is not one', () => {
    assert.match(reason({ ...BASE, severities: { 'personal-info': 'off' } }), /^severities names "personal-info", which is not a general rule \(the rules are cycle-stage-missing, /);
    assert.notEqual(reason({ ...BASE, severities: { 'personal-data': 'low' } }), 'accepted');
  });
});
