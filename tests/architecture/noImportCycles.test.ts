/**
 * No import cycle inside any package, type-only imports included (issue 16: what
 * `madge --circular` reports). Relative imports are read from the sources with the TypeScript
 * scanner's view of them: every `import ... from './x'`, `export ... from './x'` and
 * `import('./x')`.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const PACKAGES = path.resolve(__dirname, '..', '..', 'packages');

function sourcesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourcesOf(file);
    return /\.m?ts$/.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });
}

/** The files a source imports from its own package (relative specifiers resolved). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((ref) => ref.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => {
      const base = path.resolve(path.dirname(file), spec);
      const candidates = [`${base}.ts`, `${base}.mts`, path.join(base, 'index.ts')];
      return candidates.find((candidate) => existsSync(candidate)) ?? base;
    });
}

/** Every cycle's files, as `a > b > a`, found by one depth-first walk. */
function cyclesIn(files: string[], root: string): string[] {
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const loop = [...stack.slice(stack.indexOf(next)), next];
        cycles.push(loop.map((f) => path.relative(root, f)).join(' > '));
      } else if (!state.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

const packages = readdirSync(PACKAGES).filter((name) =>
  existsSync(path.join(PACKAGES, name, 'src')),
);

it.each(packages)('@typemcp/%s has no import cycle', (name) => {
  const root = path.join(PACKAGES, name, 'src');
  expect(cyclesIn(sourcesOf(root), root)).toEqual([]);
});

it('finds a cycle when there is one (the check itself)', () => {
  const dir = path.resolve(__dirname, 'fixtures', 'cycle');
  expect(cyclesIn(sourcesOf(dir), dir)).toEqual(['a.ts > b.ts > a.ts']);
});
