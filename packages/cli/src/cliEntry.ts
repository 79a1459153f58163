import * as path from 'node:path';

/** The absolute path of this package's bin script (`dist/main.js`), as clients must start it. */
export function cliEntry(): string {
  return path.join(__dirname, 'main.js');
}
