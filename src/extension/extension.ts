/**
 * The VS Code extension on the desktop (and in a remote or code-server's Node extension host): starts
 * the language server as a Node process (dist/server.cjs, over IPC, with the Node flags of
 * src/server/node-flags.ts). Everything else is client.ts.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node.js';
import { clientOptions, openLog, startClient } from './client.js';
import { recordDecisionOnDisk } from './report-panel-decisions.js';
import { SERVER_NODE_FLAGS } from '../server/node-flags.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): ReturnType<typeof startClient> {
  const log = openLog(context, 'desktop');
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] },
    },
  };
  client = new LanguageClient('reflectLint', 'Reflective Accounts', serverOptions, clientOptions(log));
  return startClient(context, client, log, recordDecisionOnDisk);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
