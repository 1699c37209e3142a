/**
 * The VS Code extension on the web (vscode.dev, github.dev, a browser workbench's web worker extension
 * host): the language server runs in a web worker (dist/web/server.js) and reads the workspace's
 * files through the client (vscode.workspace.fs); the assessor's decisions are recorded through it too
 * (decisions-fs.ts). Everything else is client.ts.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser.js';
import { clientOptions, openLog, startClient } from './client.js';
import { recordDecisionThroughEditor } from './decisions-fs.js';

type ServerWorker = ConstructorParameters<typeof LanguageClient>[3];

/** The worker constructor of the web extension host (the project's TypeScript has no DOM library). */
declare const Worker: new (url: string) => ServerWorker;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): ReturnType<typeof startClient> {
  const log = openLog(context, 'web');
  const server = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  client = new LanguageClient('reflectLint', 'Reflective Accounts', clientOptions(log), await serverWorker(server));
  return startClient(context, client, log, recordDecisionThroughEditor);
}

/**
 * The server's worker. From vscode.dev or github.dev the extension's files have https: addresses a
 * worker starts from. Installed on a server that a browser workbench talks to (code-server, a remote),
 * they are vscode-remote: URIs, from which the web extension host refuses to start a worker ("Creating
 * workers from remote extensions is currently not supported"); its fetch does resolve them, so the
 * script is fetched and started from a blob: URL.
 */
async function serverWorker(script: vscode.Uri): Promise<ServerWorker> {
  if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true));
  const response = await fetch(script.toString(true));
  if (!response.ok) throw new Error(`cannot load the language server (${response.status} ${response.statusText})`);
  const code = await response.text();
  return new Worker(URL.createObjectURL(new Blob([code], { type: 'application/javascript' })));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
