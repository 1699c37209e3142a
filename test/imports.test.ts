/** No import cycle anywhere in src/: a helper never imports back from the module that wires it. */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { cyclesOf, importGraph, specifiersOf } from './import-graph.js';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

describe('the import graph of src/', () => {
  it('reads every kind of import, type-only ones included, and no commented-out one', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "export type * from './d.js';",
      "import './e.js';",
      "const f = await import('./f.js');",
      "import {\n  g,\n  type H,\n} from './g.js';",
      "import picomatch from 'picomatch';",
      "// import { x } from './commented.js';",
      "/* import { y } from './block.js'; */",
    ].join('\n');
    assert.deepEqual(specifiersOf(source), ['./a.js', '../b.js', './c.js', './d.js', './e.js', './f.js', './g.js']);
  });

  it('finds a cycle, including one through a type import', () => {
    const graph = new Map([
      ['server.ts', ['hover.ts', 'core.ts']],
      ['hover.ts', ['server.ts']],
      ['core.ts', []],
    ]);
    assert.deepEqual(cyclesOf(graph), [['server.ts', 'hover.ts', 'server.ts']]);
    assert.deepEqual(
      cyclesOf(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
      [],
    );
  });

  it('resolves every relative import to a file in src/', () => {
    const graph = importGraph(SRC);
    assert.ok(graph.size > 40, `only ${graph.size} files read`);
    const unresolved = [...graph].flatMap(([file, targets]) =>
      targets.filter((t) => !graph.has(t)).map((t) => `${file} → ${t}`),
    );
    assert.deepEqual(unresolved, []);
  });

  it('has no cycle', () => {
    const cycles = cyclesOf(importGraph(SRC)).map((c) => c.join(' → '));
    assert.deepEqual(cycles, [], `import cycles:\n  ${cycles.join('\n  ')}`);
  });
});
