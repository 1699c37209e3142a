/** Runs a TypeScript module's text in a child Node process (with tsx), for tests of two processes at once. */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Starts the script; `started` is told the child (to read its output); resolves with its exit code. */
export function runTsxScript(
  script: string,
  options: { cwd?: string; stdout?: 'ignore' | 'pipe' } = {},
  started?: (child: ChildProcess) => void,
): Promise<number | null> {
  return new Promise((done, fail) => {
    const p = spawn(
      process.execPath,
      [
        '--import',
        pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
        '--input-type=module',
        '-e',
        script,
      ],
      { cwd: options.cwd, stdio: ['ignore', options.stdout ?? 'ignore', 'inherit'] },
    );
    started?.(p);
    p.on('error', fail);
    p.on('close', done);
  });
}
