#!/usr/bin/env node
// Checks a .vsix for Open VSX (VSCodium, code-server, Gitpod), offline: nothing is published and no
// network is used. ovsx has no offline "validate" command (`ovsx publish` sends the file to the
// registry, which validates it there), so this runs ovsx's own client-side checks on the manifest
// read out of the .vsix with ovsx's own reader (publisher, name and version present; a licence field
// or file, which ovsx asks for before it packages), then
// the registry's metadata rules as its server applies them on publishing (Open VSX's
// ExtensionValidator): names of word characters, - + $ ~ only; a semantic version that is not a
// reserved word; no control or private-use characters and length limits in the text fields; absolute
// URLs for homepage, repository and bugs; the allowed values of markdown, galleryBanner.theme and qna.
//
// Usage: node scripts/check-openvsx.mjs [reflect-lint.vsix]      (npm run package runs it)
// Prints one line per problem and exits 1, or one line saying the package passed. It also holds the
// package to the project's size budget (1.5 MB, both bundles in), which is not a registry rule.

import { createRequire } from 'node:module';
import { statSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { validateManifest } = require('ovsx');
const { readVSIXPackage } = require('ovsx/lib/zip');
// The semver that ovsx parses versions with, and the zip reader it reads a .vsix with.
const fromOvsx = createRequire(require.resolve('ovsx'));
const semver = fromOvsx('semver');
const yauzl = fromOvsx('yauzl-promise');

/** The names of the files in a .vsix, lower-cased. */
async function entries(vsix) {
  const zip = await yauzl.open(vsix);
  const names = [];
  try {
    for await (const entry of zip) names.push(entry.filename.toLowerCase());
  } finally {
    await zip.close();
  }
  return names;
}

const file = process.argv[2] ?? 'reflect-lint.vsix';
const problems = [];

const BUDGET = 1.5 * 1024 * 1024;
let manifest;
let size = 0;
try {
  size = statSync(file).size;
  manifest = await readVSIXPackage(file);
} catch (e) {
  console.error(`${file}: cannot be read as a .vsix (${e.message})`);
  process.exit(1);
}

try {
  validateManifest(manifest);
  // As ovsx asks before packaging: a licence field, or a licence file (here: inside the package).
  const licensed =
    manifest.license || (await entries(file)).some((n) => /^extension\/licen[cs]e(?:\.md|\.txt)?$/.test(n));
  if (!licensed) problems.push('no licence: Open VSX accepts only licensed extensions');
} catch (e) {
  problems.push(e.message);
}

const NAME = /^[\w\-+$~]+$/;
for (const field of ['publisher', 'name']) {
  const value = manifest[field];
  if (typeof value === 'string' && !NAME.test(value))
    problems.push(`${field} "${value}" has characters Open VSX does not allow in a name`);
  if (typeof value === 'string' && value.length > 255) problems.push(`${field} is over 255 characters`);
}

if (['latest', 'pre-release', 'reviews'].includes(manifest.version))
  problems.push(`version "${manifest.version}" is a word Open VSX reserves`);
else if (!semver.valid(manifest.version)) problems.push(`version "${manifest.version}" is not a semantic version`);
if (!manifest.engines?.vscode) problems.push('engines.vscode is missing');

/** Control, format, private-use, unassigned and line/paragraph-separator characters, as the registry refuses them. */
const BAD_CHARACTER = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;
const text = (field, value, limit, allowed = '') => {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string') return problems.push(`${field} is not text`);
  const bad = [...value].findIndex((c) => !allowed.includes(c) && BAD_CHARACTER.test(c));
  if (bad >= 0) problems.push(`${field} has an invalid character at index ${bad}`);
  if (value.length > limit) problems.push(`${field} is over ${limit} characters`);
};
text('displayName', manifest.displayName, 255);
// The zero-width joiner that combines emoji is allowed in the description.
text('description', manifest.description, 2048, '\u200d');
for (const c of manifest.categories ?? []) text('categories', c, 255);
for (const k of manifest.keywords ?? []) text('keywords', k, 255);
text('license', manifest.license, 255);
text('galleryBanner.color', manifest.galleryBanner?.color, 16);

const url = (value) => (typeof value === 'string' ? value : value?.url);
const absolute = (value) => {
  try {
    const u = new URL(value.startsWith('git+') ? value.slice(4) : value);
    return !/^https?:$/.test(u.protocol) || u.host !== '';
  } catch {
    return false;
  }
};
for (const field of ['homepage', 'repository', 'bugs']) {
  const value = url(manifest[field]);
  if (!value) continue;
  if (!absolute(value)) problems.push(`${field} "${value}" is not an absolute URL`);
  if (value.length > 255) problems.push(`${field} is over 255 characters`);
}
const oneOf = (field, value, allowed) => {
  if (value && !allowed.includes(value)) problems.push(`${field} "${value}" is not one of ${allowed.join(', ')}`);
};
oneOf('markdown', manifest.markdown, ['github', 'standard']);
oneOf('galleryBanner.theme', manifest.galleryBanner?.theme, ['dark', 'light']);
if (
  manifest.qna &&
  manifest.qna !== 'marketplace' &&
  manifest.qna !== false &&
  manifest.qna !== 'false' &&
  !absolute(String(manifest.qna))
) {
  problems.push(`qna "${manifest.qna}" is not marketplace, false or a URL`);
}

const lines = problems.map((p) => `${file}: Open VSX would refuse it: ${p}`);
if (size > BUDGET) lines.push(`${file}: ${(size / 1024 / 1024).toFixed(2)} MB, over the project's 1.5 MB budget`);
if (lines.length) {
  console.error(lines.join('\n'));
  process.exit(1);
}
console.log(
  `${file}: passes Open VSX's checks (${manifest.publisher}.${manifest.name} ${manifest.version}, ${(size / 1024).toFixed(0)} KB; checked offline, not published)`,
);
