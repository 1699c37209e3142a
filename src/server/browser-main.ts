/**
 * Entry point of the language server in a web worker (VS Code for the Web): LSP over the worker's
 * postMessage. The server reads no disk here: bundled rubrics, open documents, and the workspace's
 * files through the editor (reflectLint/fs/*, answered with vscode.workspace.fs).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser.js';
import { startServer } from './server.js';

/** The worker's global scope (the project's TypeScript has no DOM library). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)));
