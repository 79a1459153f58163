import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './spawnTs';

/** Newest modification time under `dir` (files only). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/**
 * Child processes resolve a package whose `main` is `dist/` to its build: builds the packages
 * (`npm run build`) when a package's `dist/index.js` is missing or older than its sources, so a
 * spawn test never runs yesterday's code.
 */
export function ensureBuilt(packages: string[]): void {
  const stale = packages.some((name) => {
    const dir = path.join(ROOT, 'packages', name);
    try {
      return statSync(path.join(dir, 'dist', 'index.js')).mtimeMs < newest(path.join(dir, 'src'));
    } catch {
      return true;
    }
  });
  if (stale)
    execFileSync(
      process.execPath,
      [
        require.resolve('typescript/bin/tsc'),
        '-b',
        '--force',
        ...packages.map((p) => path.join(ROOT, 'packages', p)),
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
}
