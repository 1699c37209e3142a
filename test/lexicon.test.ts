/**
 * The word lists the analyser reads are data (src/core/lexicon/*.json): each is checked against its
 * shape here, so a centre or a colleague editing one gets a failing test naming the file and the
 * entry, not a silent change in behaviour.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';

const dir = join(import.meta.dirname, '..', 'src', 'core', 'lexicon');
const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;

const word = { type: 'string', pattern: "^[a-z0-9£%#*'’.&/-]+(?: [a-z0-9£%#*'’.&/-]+)*$" };
const words = { type: 'array', items: word, uniqueItems: true, minItems: 1 };
const comment = { type: 'string' };

const schemas: Record<string, object> = {
  'verbs.json': {
    type: 'object',
    required: [
      'state',
      'reporting',
      'observation',
      'perception',
      'lifeEvent',
      'lifeEventNext',
      'lifeEventAlways',
      'actionNext',
      'catenative',
      'hedges',
      'expected',
      'perceptionAfterCould',
      'irregularUnknown',
    ],
    patternProperties: { '^\\$': comment },
    properties: {
      state: words,
      reporting: words,
      observation: words,
      perception: words,
      lifeEvent: words,
      lifeEventNext: words,
      lifeEventAlways: words,
      actionNext: words,
      hedges: words,
      expected: words,
      perceptionAfterCould: words,
      catenative: {
        type: 'object',
        additionalProperties: { enum: ['past', 'negative', 'future', 'habit', 'reported'] },
      },
      irregularUnknown: { type: 'object', additionalProperties: word },
    },
    additionalProperties: false,
  },
  'markers.json': {
    type: 'object',
    patternProperties: { '^\\$': comment },
    properties: {
      subjects: { type: 'object', additionalProperties: { enum: ['writer', 'we', 'other'] } },
      contractions: {
        type: 'object',
        additionalProperties: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
      },
      negatedAuxiliaries: { type: 'object', additionalProperties: word },
    },
    additionalProperties: words,
  },
  'stages.json': {
    type: 'object',
    patternProperties: { '^\\$': comment },
    properties: {
      complaintsAnalysis: { type: 'array', items: words, minItems: 2, maxItems: 2 },
      satisfactionAsk: { type: 'array', items: words, minItems: 2, maxItems: 2 },
      // The word after "looked": '' stands for the end of the sentence ("I looked").
      lookedAt: { type: 'array', items: { anyOf: [word, { const: '' }] }, uniqueItems: true },
    },
    additionalProperties: words,
  },
  'models.json': {
    type: 'object',
    required: ['gibbs', 'kolb'],
    patternProperties: { '^\\$': comment },
    additionalProperties: {
      type: 'object',
      required: ['title', 'short', 'aboutModel', 'stages'],
      additionalProperties: false,
      properties: {
        title: { type: 'string', minLength: 1 },
        short: { type: 'string', minLength: 1 },
        aboutModel: words,
        stages: {
          type: 'array',
          minItems: 2,
          items: {
            type: 'object',
            required: ['id', 'title', 'name', 'advice', 'headings', 'cues'],
            additionalProperties: false,
            properties: {
              id: { type: 'string', pattern: '^[a-z]+(-[a-z]+)*$' },
              title: { type: 'string', minLength: 1 },
              name: { type: 'string', minLength: 1 },
              advice: { type: 'string', pattern: '^[A-Z].*\\.$' },
              headings: words,
              unless: words,
              context: { enum: ['any', 'plan', 'tried'] },
              cues: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  required: ['reading'],
                  additionalProperties: false,
                  properties: {
                    reading: { enum: ['occasion', 'learner', 'judgement', 'reflection', 'plan', 'tried', 'opinion'] },
                    phrases: words,
                    with: words,
                    without: words,
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  'stem-collisions.json': {
    type: 'object',
    required: ['collisions'],
    patternProperties: { '^\\$': comment },
    properties: {
      collisions: { type: 'array', minItems: 1, items: { type: 'array', items: word, minItems: 2, uniqueItems: true } },
    },
    additionalProperties: false,
  },
  'vague.json': {
    type: 'object',
    required: ['qualityAdjective', 'time', 'quality'],
    patternProperties: { '^\\$': comment },
    properties: {
      qualityAdjective: { type: 'string' },
      time: { type: 'array', items: { type: 'string' }, minItems: 1 },
      quality: { type: 'array', items: { type: 'string' }, minItems: 1 },
    },
    additionalProperties: false,
  },
  'people.json': {
    type: 'object',
    required: ['firstNames', 'notSurnames', 'placeWords', 'bylineLabels'],
    patternProperties: { '^\\$': comment },
    properties: { firstNames: words, notSurnames: words, placeWords: words, bylineLabels: words },
    additionalProperties: false,
  },
};

describe('lexicon data files', () => {
  const ajv = new Ajv({ allErrors: true });
  it('has a schema for every hand-written file', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'english.json');
    assert.deepEqual(files.sort(), Object.keys(schemas).sort());
  });
  for (const [file, schema] of Object.entries(schemas)) {
    it(`${file} has the expected shape`, () => {
      const validate = ajv.compile(schema);
      const ok = validate(read(file));
      assert.ok(ok, `${file}: ${ajv.errorsText(validate.errors, { dataVar: file })}`);
    });
  }
  it('vague.json patterns compile as regular expressions', () => {
    const v = read('vague.json') as { qualityAdjective: string; time: string[]; quality: string[] };
    for (const source of [...v.time, ...v.quality.map((q) => q.replaceAll('{Q}', v.qualityAdjective))]) {
      assert.doesNotThrow(() => new RegExp(source, 'i'), `vague.json: ${source}`);
      assert.ok(!new RegExp(`^(?:${source})$`, 'i').test(''), `vague.json: ${source} matches empty text`);
    }
  });
  it('english.json is generated from the installed compromise model', () => {
    execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build-lexicon.mjs'), '--check'], {
      stdio: 'pipe',
    });
    const e = read('english.json') as { verbs: Record<string, string>; names: { first: string[] } };
    assert.equal(e.verbs.rang, 'ring:P');
    assert.ok(e.names.first.includes('sarah'));
  });
});
