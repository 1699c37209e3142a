/**
 * The Node flags the language server runs with, wherever it is started: by the VS Code extension
 * (src/extension/extension.ts), by `reflect-lint lsp` (src/cli/lsp.ts) and by the benchmark.
 *
 * `--optimize-for-size` makes V8 grow its heap in small steps and keep its young generation small. The
 * server's live heap is about 25 MB, but with V8's defaults the heap it keeps grows to over 100 MB
 * while a learner types (garbage waiting for a full collection), and the process to 130–170 MB RSS
 * after 200 edits of a 6,000-word account; with this flag about 90 MB, and each edit no slower beyond
 * this machine's noise (`npm run bench`). Nothing here is a Node API: the extension imports it.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--optimize-for-size'];
