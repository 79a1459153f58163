import * as fs from 'node:fs';
import * as path from 'node:path';

/** Writes files (relative path → content) under a folder, creating folders as needed. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}
