/**
 * The Node flags the language server runs with, wherever it is started: by the VS Code extension
 * (src/extension/extension.ts), by `reflect-lint lsp` (src/cli/lsp.ts) and by the benchmark.
 *
 * The server's live heap is about 25 MB, but with V8's defaults the heap it keeps grows past 100 MB while a
 * learner types (garbage waiting for a full collection), and the process to 130–170 MB RSS after 200 edits
 * of a 6,000-word account. A 1 MB young generation and a heap grown by 30% at a time (not up to 4×) keep
 * it near 96–99 MB, with each edit as fast as on the defaults (`npm run bench`, which runs both).
 * `--optimize-for-size` kept it lower (~90 MB) but made the edit p95 about 1.5× slower: it changes the
 * compiler too. Nothing here is a Node API: the extension imports it.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1', '--heap-growing-percent=30'];
