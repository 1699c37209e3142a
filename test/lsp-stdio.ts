/** A language server started as a child process, spoken to over its stdio, as an editor would: initialize, and its exit. */
import type { ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import assert from 'node:assert/strict';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js';

type StdioChild = Pick<ChildProcess, 'on'> & { stdin: Writable; stdout: Readable };

/** Connects to the child, sends `initialize` and checks that reflect-lint's server answered. */
export async function initializeOverStdio(child: StdioChild): Promise<{
  client: MessageConnection;
  exited: Promise<number | null>;
}> {
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code: number | null) => resolve(code)));
  const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  client.listen();
  const answer = await client.sendRequest<{ serverInfo?: { name: string } }>('initialize', {
    processId: null,
    rootUri: null,
    capabilities: {},
  });
  assert.equal(answer.serverInfo?.name, 'reflect-lint');
  return { client, exited };
}
