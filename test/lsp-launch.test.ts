import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverRelaunch } from '../src/cli/lsp.js';
import { SERVER_NODE_FLAGS } from '../src/server/node-flags.js';
import { initializeOverStdio } from './lsp-stdio.js';

describe('reflect-lint lsp: the server runs with the Node flags the extension gives it', () => {
  it('starts the bundle again with the flags on standard input and output, and in-process otherwise', () => {
    assert.deepEqual(serverRelaunch(['--stdio'], [], '/x/server.cjs'), [
      ...SERVER_NODE_FLAGS,
      '/x/server.cjs',
      '--stdio',
    ]);
    assert.deepEqual(serverRelaunch([], ['--enable-source-maps'], 's.cjs'), [
      '--enable-source-maps',
      ...SERVER_NODE_FLAGS,
      's.cjs',
    ]);
    // Already started with them (`node FLAGS dist/cli.cjs lsp`), or on a channel that cannot be handed on.
    assert.equal(serverRelaunch(['--stdio'], [...SERVER_NODE_FLAGS], 's.cjs'), undefined);
    assert.equal(serverRelaunch(['--node-ipc'], [], 's.cjs'), undefined);
    assert.equal(serverRelaunch(['--socket=5007'], [], 's.cjs'), undefined);
  });

  it('answers over stdio from a process started with the flags (Linux: read from /proc)', async function () {
    if (process.platform !== 'linux') this.skip();
    const bin = join(fileURLToPath(import.meta.url), '..', '..', 'bin', 'reflect-lint.cjs');
    const command = spawn(process.execPath, [bin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const { client, exited } = await initializeOverStdio(command);
    // The command's children (field 4 of /proc/PID/stat is the parent's id) and their arguments.
    const children = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .flatMap((p) => {
        try {
          const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
          const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
          return parent === command.pid ? [readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0')] : [];
        } catch {
          return []; // gone meanwhile
        }
      });
    assert.equal(children.length, 1);
    for (const flag of SERVER_NODE_FLAGS) assert.ok(children[0].includes(flag), `${flag} in ${children[0].join(' ')}`);
    assert.ok(children[0].some((a) => a.endsWith('server.cjs')));
    client.dispose();
    command.stdin.end();
    assert.equal(await exited, 0);
  });
});
