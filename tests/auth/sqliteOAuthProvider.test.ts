/** The SQLite provider of apps/auth keeps the OAuthServerProvider contract, and its state across restarts. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteOAuthProvider } from '../../apps/auth/src/SqliteOAuthProvider';
import { providerContract } from '../../packages/auth/test/support/providerContract';

let file = '';
const approve = () => ({ subject: 'alice' });
providerContract('SqliteOAuthProvider (apps/auth)', {
  open: async () => {
    file = join(await mkdtemp(join(tmpdir(), 'typemcp-sqlite-oauth-')), 'auth.sqlite');
    return SqliteOAuthProvider.open(file, { approve });
  },
  reopen: () => SqliteOAuthProvider.open(file, { approve }),
});
