/** Entry point of the language server on Node: `node dist/server.cjs --stdio` (or `--node-ipc`, as VS Code starts it). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { diskFiles } from './disk-files.js';
import { startServer } from './server.js';

// Started with no transport (`reflect-lint lsp`), the server speaks on standard input and output.
const TRANSPORTS = /^--(?:stdio|node-ipc|socket|pipe)\b/;
if (!process.argv.slice(2).some((a) => TRANSPORTS.test(a))) process.argv.push('--stdio');

// An editor that closes the pipe has finished with the server: that is a clean end (exit 0), not the
// library's "exit without shutdown" (1). Registered first, so it runs before the library's own handler.
if (process.argv.includes('--stdio')) process.stdin.on('end', () => process.exit(0));

// An editor that died has finished with the server too. The library notices (it polls the process id
// given at initialize) and exits with 1, as for an `exit` without `shutdown`; here that end is made a
// clean one. An `exit` without `shutdown` from an editor still running keeps its 1.
let editor: number | undefined;
const gone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
};
process.on('exit', () => {
  if (editor !== undefined && gone(editor)) process.exitCode = 0;
});

startServer(createConnection(ProposedFeatures.all), {
  disk: diskFiles,
  editorProcess: (pid) => (editor = pid),
});
