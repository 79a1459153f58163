import * as fs from 'node:fs';
import * as path from 'node:path';

const IGNORED = new Set(['node_modules', 'dist', '.git', 'coverage', 'build']);
const SOURCE = /\.(ts|tsx|mts|cts|js|cjs|mjs|json)$/;
const MAX_FOLDERS = 500;

/** The folders under `dir` to watch: node_modules, dist, .git and hidden folders left out. */
function folders(dir: string, found: string[] = []): string[] {
  if (found.length >= MAX_FOLDERS) return found;
  found.push(dir);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !IGNORED.has(entry.name) && !entry.name.startsWith('.'))
      folders(path.join(dir, entry.name), found);
  }
  return found;
}

/**
 * Calls `onChange` (debounced) when a source file under `dir` changes. Each folder is watched on
 * its own (not `recursive`, which on Linux would also watch every folder of node_modules).
 * Returns a function that stops watching.
 */
export function watchSources(
  dir: string,
  onChange: (file: string) => void,
  debounceMs = 150,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watchers = folders(dir).map((folder) => {
    const watcher = fs.watch(folder, (_event, name) => {
      const file = name ? String(name) : '';
      if (!SOURCE.test(file)) return;
      clearTimeout(timer);
      timer = setTimeout(() => onChange(path.join(folder, file)), debounceMs);
    });
    watcher.on('error', () => undefined);
    return watcher;
  });
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
