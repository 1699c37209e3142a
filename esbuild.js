// One build script for every bundle: `node esbuild.js [--production] [--watch]`.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

// The analyser's lexicon is generated from compromise's English model (scripts/build-lexicon.mjs).
execFileSync(process.execPath, ['scripts/build-lexicon.mjs'], { stdio: 'inherit' });
// The rubric schema, compiled to a standalone validator (scripts/build-rubric-validator.mjs).
execFileSync(process.execPath, ['scripts/build-rubric-validator.mjs'], { stdio: 'inherit' });

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * The generated lexicon is large; bundled as an object literal it costs the JavaScript parser more than
 * JSON.parse of the same text, so it goes in as a string that is parsed once, at load.
 * @type {import('esbuild').Plugin}
 */
const jsonParsedAtLoad = {
  name: 'json-parsed-at-load',
  setup(build) {
    build.onLoad({ filter: /lexicon[\\/]english\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')));
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const shared = {
  plugins: [jsonParsedAtLoad],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  external: ['vscode'],
  // ES modules bundled into CommonJS (fdir, under tinyglobby) read import.meta.url.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const bundles = [
  // The analyser, for require('reflect-lint') through dist/main.cjs.
  { ...shared, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.cjs' },
  // The package's main: loads core or extension on first use.
  { ...shared, entryPoints: ['src/package-main.ts'], outfile: 'dist/main.cjs', external: ['vscode', './core.cjs', './extension.cjs'] },
  { ...shared, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs', external: ['vscode', './server.cjs'] },
  { ...shared, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.cjs' },
  { ...shared, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.cjs' },
];

if (watch) {
  for (const options of bundles) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
  checkShippedRubrics();
}

/**
 * The shipped rubrics are checked here, with the analyser just built, rather than at every start: a
 * broken one fails the build with checkRubric's reason.
 */
function checkShippedRubrics() {
  const { bundledRubrics, checkRubric } = createRequire(import.meta.url)('./dist/core.cjs');
  const bad = bundledRubrics().flatMap((r) => {
    const result = checkRubric(r);
    return result.ok ? [] : [`rubrics/${r.id}.json: invalid rubric: ${result.reason}`];
  });
  if (bad.length) {
    console.error(bad.join('\n'));
    process.exit(1);
  }
}
