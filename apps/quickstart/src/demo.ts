import { Client, StdioClientTransport } from '@typemcp/client';
import * as path from 'node:path';

/** Starts the quickstart server as a child process and shows what it offers. */
async function main(): Promise<void> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [require.resolve('ts-node/dist/bin.js'), path.join(__dirname, 'server.ts')],
    stderr: 'inherit',
  });
  const client = new Client({ name: 'quickstart-demo', version: '1.0.0' });
  await client.connect(transport);
  console.log(
    `Connected to ${client.getServerVersion()?.name} (protocol ${client.protocolVersion}, ${client.era} era)`,
  );

  const { tools } = await client.listTools();
  console.log('Tools:', tools.map((t) => `${t.name} — ${t.description ?? ''}`).join('; '));

  const sum = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
  console.log(
    'add(2, 3) =',
    sum.content.map((c) => (c.type === 'text' ? c.text : `[${c.type}]`)).join(''),
  );

  const greeting = await client.readResource({ uri: 'greeting://World' });
  const first = greeting.contents[0];
  console.log('greeting://World:', 'text' in first ? first.text : '[binary]');

  await client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
