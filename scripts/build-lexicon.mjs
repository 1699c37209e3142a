// Builds src/core/lexicon/english.json from compromise's English model: verb forms (with their
// infinitive), word classes and name lists. compromise's own pipeline costs ~20× a Markdown parse
// and ~500 ms to load, too slow to run as a learner types; its data is what we need, so it is read
// here, at build time, into a compact table the analyser looks words up in. Deterministic output.
// Usage: node scripts/build-lexicon.mjs [--check]  (--check: exit 1 when the file is out of date)
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'src', 'core', 'lexicon', 'english.json');
const require = createRequire(import.meta.url);
const version = JSON.parse(readFileSync(join(root, 'node_modules', 'compromise', 'package.json'), 'utf8')).version;
if (existsSync(out) && !process.argv.includes('--force')) {
  const current = JSON.parse(readFileSync(out, 'utf8'));
  if (current.source === `compromise ${version}`) process.exit(0);
  if (process.argv.includes('--check')) {
    console.error(
      `${out}: built from ${current.source}, installed compromise ${version}; run node scripts/build-lexicon.mjs --force`,
    );
    process.exit(1);
  }
}
const nlp = require('compromise');
const world = nlp.world();
const lexicon = world.model.one.lexicon;
const switches = world.model.two.switches;
const conjugate = (inf) => world.methods.two.transform.verb.conjugate(inf, world.model);
const toInfinitive = (w, tag) => world.methods.two.transform.verb.toInfinitive(w, world.model, tag);
const tagsOf = (w) => [].concat(lexicon[w] ?? []);
const single = (w) => /^[a-z][a-z'-]*$/.test(w);

/** form → infinitive and which forms it is (I infinitive, S present 3rd person, P past, N participle, G gerund). */
const verbs = new Map();
const addForm = (form, inf, code) => {
  if (!form || !single(form) || !inf || !single(inf)) return;
  const key = `${form}`;
  const prev = verbs.get(key);
  if (prev && prev.inf !== inf) return; // first infinitive wins ("left": leave, not left)
  const codes = new Set(prev ? prev.codes : []);
  codes.add(code);
  verbs.set(key, { inf, codes: [...codes].sort().join('') });
};
const infinitives = new Set();
for (const [w, t] of Object.entries(lexicon)) {
  const tags = [].concat(t);
  if (!single(w)) continue;
  if (tags.includes('Infinitive')) infinitives.add(w);
  for (const tag of ['PastTense', 'PresentTense', 'Gerund', 'Participle']) {
    if (tags.includes(tag)) {
      const inf = toInfinitive(w, tag);
      if (inf && single(inf)) infinitives.add(inf);
    }
  }
}
for (const [w, s] of Object.entries(switches))
  if (single(w) && /Verb|Inf|Present/.test(s) && !/[^a-z]/.test(w)) infinitives.add(w);
for (const inf of [...infinitives].sort()) {
  const c = conjugate(inf);
  addForm(inf, inf, 'I');
  addForm(c.PresentTense, inf, 'S');
  addForm(c.PastTense, inf, 'P');
  addForm(c.Participle ?? c.PastTense, inf, 'N');
  addForm(c.Gerund, inf, 'G');
}

const pick = (...wanted) =>
  Object.keys(lexicon)
    .filter((w) => tagsOf(w).some((t) => wanted.includes(t)))
    .sort();
const classes = {
  modal: pick('Modal').filter(single),
  auxiliary: pick('Auxiliary', 'Copula').filter(single),
  pronoun: pick('Pronoun', 'Possessive', 'Reflexive').filter(single),
  determiner: pick('Determiner').filter(single),
  preposition: pick('Preposition').filter(single),
  conjunction: pick('Conjunction').filter(single),
  adverb: pick('Adverb').filter(single),
  adjective: pick('Adjective', 'Comparative', 'Superlative').filter(single),
  noun: pick('Singular', 'Plural', 'Uncountable', 'Actor', 'Noun').filter(single),
  actor: pick('Actor').filter(single),
  /** Words that are a noun or a verb by context ("a ring", "ring her"). */
  nounOrVerb: Object.keys(switches)
    .filter((w) => single(w) && switches[w] === 'Noun|Verb')
    .sort(),
};
const names = {
  first: pick('FirstName', 'FemaleName', 'MaleName').filter(single),
  last: pick('LastName').filter(single),
  honorific: pick('Honorific').filter(single),
  /** Well-known people, as lower-case word runs. */
  famous: pick('Person'),
  place: pick('City', 'Country', 'Region', 'Place'),
  organisation: pick('Organization', 'SportsTeam'),
  orgWords: Object.keys(world.model.two.orgWords).sort(),
  placeWords: Object.keys(world.model.two.placeWords).sort(),
};
const data = {
  source: `compromise ${version}`,
  licence: 'Derived from the compromise English model (MIT licence, https://github.com/spencermountain/compromise).',
  verbs: Object.fromEntries(
    [...verbs]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([form, v]) => [form, `${v.inf === form ? '' : v.inf}:${v.codes}`]),
  ),
  classes,
  names,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(data) + '\n');
console.log(
  `wrote ${out}: ${verbs.size} verb forms, ${names.first.length} first names (${(JSON.stringify(data).length / 1024).toFixed(0)} KB)`,
);
