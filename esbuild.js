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

/**
 * jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow: take its ES module build.
 * @type {import('esbuild').Plugin}
 */
const jsoncParserEsm = {
  name: 'jsonc-parser-esm',
  setup(build) {
    const require = createRequire(import.meta.url);
    build.onResolve({ filter: /^jsonc-parser$/ }, () => ({
      path: require.resolve('jsonc-parser').replace(/umd([\\/]main\.js)$/, 'esm$1'),
    }));
  },
};

/** @type {import('esbuild').BuildOptions} */
const shared = {
  plugins: [jsonParsedAtLoad, jsoncParserEsm],
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

/**
 * natural's TF-IDF module requires fs for a file helper the analyser never calls: in the browser
 * bundles it is an empty module.
 * @type {import('esbuild').Plugin}
 */
const noFs = {
  name: 'no-fs',
  setup(build) {
    build.onResolve({ filter: /^(?:node:)?fs$/ }, () => ({ path: 'fs', namespace: 'empty' }));
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {};' }));
  },
};

/**
 * VS Code for the Web: the extension runs in the web worker extension host, its server in a web
 * worker of its own. No Node built-ins (a `node:` import fails the build), and the `worker` export
 * condition picks dependencies' DOM-free builds: remark-parse's entity decoder otherwise touches
 * `document` when it loads, which a worker does not have.
 * @type {import('esbuild').BuildOptions}
 */
const web = {
  bundle: true,
  platform: 'browser',
  conditions: ['worker'],
  target: 'es2022',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

const bundles = [
  // The analyser, for require('reflect-lint') through dist/main.cjs.
  { ...shared, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.cjs' },
  // The package's main: loads core or extension on first use.
  {
    ...shared,
    entryPoints: ['src/package-main.ts'],
    outfile: 'dist/main.cjs',
    external: ['vscode', './core.cjs', './extension.cjs'],
  },
  { ...shared, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs', external: ['vscode', './server.cjs'] },
  { ...shared, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.cjs' },
  { ...shared, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.cjs' },
  // The web extension (package.json "browser"): CommonJS, as the web extension host loads it.
  {
    ...web,
    entryPoints: ['src/extension/browser.ts'],
    outfile: 'dist/web/extension.js',
    format: 'cjs',
    external: ['vscode'],
  },
  // The language server in a web worker.
  {
    ...web,
    entryPoints: ['src/server/browser-main.ts'],
    outfile: 'dist/web/server.js',
    format: 'iife',
    plugins: [jsonParsedAtLoad, noFs],
  },
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
