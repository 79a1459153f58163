import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StoredCredentials, TokenStore } from './TokenStore';

/**
 * A {@link TokenStore} in one JSON file (mode 0600, replaced atomically), for command-line apps
 * that should stay logged in between runs.
 *
 * @example
 * const store = new FileTokenStore(path.join(os.homedir(), '.my-cli', 'oauth.json'));
 */
export class FileTokenStore implements TokenStore {
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  private async readAll(): Promise<Record<string, StoredCredentials>> {
    try {
      const parsed = JSON.parse(await readFile(this.path, 'utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null
        ? (parsed as Record<string, StoredCredentials>)
        : {};
    } catch {
      return {};
    }
  }

  async get(issuer: string): Promise<StoredCredentials | undefined> {
    await this.writing;
    return (await this.readAll())[issuer];
  }

  set(issuer: string, credentials: StoredCredentials): Promise<void> {
    this.writing = this.writing.then(async () => {
      const all = await this.readAll();
      all[issuer] = credentials;
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      const temporary = `${this.path}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(all, null, 2), { mode: 0o600 });
      await rename(temporary, this.path);
    });
    return this.writing;
  }
}
