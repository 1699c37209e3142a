/** Entry point of the language server: `node dist/server.cjs --stdio` (or `--node-ipc`, as VS Code starts it). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';

startServer(createConnection(ProposedFeatures.all));
