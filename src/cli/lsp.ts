/**
 * `reflect-lint lsp`: the language server for editors other than VS Code. The server wants Node flags
 * (src/server/node-flags.ts) that only take effect when Node starts, so on standard input and output
 * the command starts the server's bundle again in a Node process of its own with those flags, which
 * inherits the editor's pipes; its exit code becomes the command's. Started with the flags already, or
 * on another transport (an IPC channel cannot be handed on), the server runs in this process.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/node-flags.js';

/** Node's arguments for the server's own process, or undefined when the server should run in this one. */
export function serverRelaunch(
  args: readonly string[],
  execArgv: readonly string[],
  bundle: string,
): string[] | undefined {
  const missing = SERVER_NODE_FLAGS.filter((f) => !execArgv.includes(f));
  const otherTransport = args.some((a) => /^--(?:node-ipc|socket|pipe)\b/.test(a));
  return missing.length && !otherTransport ? [...execArgv, ...SERVER_NODE_FLAGS, bundle, ...args] : undefined;
}

/** Starts the language server with `args` (its transport), in a process of its own or in this one. */
export function startLanguageServer(args: readonly string[]): void {
  const bundle = join(__dirname, 'server.cjs');
  const relaunch = serverRelaunch(args, process.execArgv, bundle);
  if (!relaunch) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the server's own bundle, loaded only for this command
    require(bundle);
    return;
  }
  const server = spawn(process.execPath, relaunch, { stdio: 'inherit' });
  // An editor that stops the command stops the server; the server's end is the command's.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  server.on('error', (e) => {
    process.stderr.write(`reflect-lint: the language server did not start: ${e.message}\n`);
    process.exit(2);
  });
}
