import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileTokenStore } from '@typemcp/client';

it('keeps every issuer through concurrent writes, and reads what was written', async () => {
  const path = join(await mkdtemp(join(tmpdir(), 'typemcp-store-')), 'nested', 'tokens.json');
  const store = new FileTokenStore(path);
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      store.set(`https://as${i}.example`, {
        tokens: { access_token: `t${i}`, token_type: 'Bearer' },
      }),
    ),
  );
  expect(Object.keys(JSON.parse(await readFile(path, 'utf8')))).toHaveLength(20);
  expect((await new FileTokenStore(path).get('https://as7.example'))?.tokens?.access_token).toBe(
    't7',
  );
  expect(await store.get('https://unknown.example')).toBeUndefined();
});
