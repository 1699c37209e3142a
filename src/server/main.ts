/** Entry point of the language server on Node: `node dist/server.cjs --stdio` (or `--node-ipc`, as VS Code starts it). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { diskFiles } from './disk-files.js';
import { startServer } from './server.js';

startServer(createConnection(ProposedFeatures.all), { disk: diskFiles });
