/** What a new project is called and which TypeMCP it depends on. */
export interface ScaffoldInput {
  /** The npm package name. */
  name: string;
  /** The server class's name. */
  className: string;
  /** Dependency specifiers by package name (a version range, or `file:` a packed tarball). */
  versions: Record<string, string>;
}

/** The npm packages a new project depends on, and the versions used unless told otherwise. */
export const DEPENDENCIES = {
  '@typemcp/server': '^0.1.0',
  '@typemcp/hono': '^0.1.0',
  'reflect-metadata': '^0.2.2',
  'class-validator': '^0.15.1',
  'class-transformer': '^0.5.1',
  typedi: '^0.10.0',
  // A peer of @typemcp/hono (the user's code may import it to mount the server in its own app).
  hono: '^4.9.0',
};

/** Development packages of a new project. */
export const DEV_DEPENDENCIES = {
  '@typemcp/cli': '^0.1.0',
  '@typemcp/client': '^0.1.0',
  '@typemcp/protocol': '^0.1.0',
  '@types/node': '^20.19.0',
  'ts-node': '^10.9.2',
  typescript: '~5.9.3',
};

function pick(
  table: Record<string, string>,
  versions: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(table).map(([name, range]) => [name, versions[name] ?? range]),
  );
}

/** Every file of a new project, by relative path. */
export function projectFiles(input: ScaffoldInput): Record<string, string> {
  const pkg = {
    name: input.name,
    version: '0.1.0',
    private: true,
    description: 'An MCP server built with TypeMCP',
    scripts: {
      start: 'typemcp run src/server.ts',
      'start:http': 'typemcp run src/server.ts --http',
      dev: 'typemcp dev src/server.ts',
      check: 'typemcp check src/server.ts',
      build: 'tsc -p tsconfig.json',
      test: 'node --require ts-node/register/transpile-only --test test/server.test.ts',
    },
    engines: { node: '>=20' },
    dependencies: pick(DEPENDENCIES, input.versions),
    devDependencies: pick(DEV_DEPENDENCIES, input.versions),
  };
  return {
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    'tsconfig.json': TSCONFIG,
    'src/server.ts': server(input),
    'test/server.test.ts': test(input),
    '.gitignore': 'node_modules/\ndist/\n',
    'README.md': readme(input),
  };
}

const TSCONFIG = `{
  "compilerOptions": {
    "target": "ES2022",
    "module": "commonjs",
    "moduleResolution": "node",
    "strict": true,
    "esModuleInterop": true,
    "skipLibCheck": true,
    "experimentalDecorators": true,
    "emitDecoratorMetadata": true,
    "outDir": "dist",
    "rootDir": "."
  },
  "ts-node": { "transpileOnly": true },
  "include": ["src", "test"]
}
`;

function server({ className, name }: ScaffoldInput): string {
  return `import 'reflect-metadata';
import { Arg, McpServer, Prompt, Resource, Tool, run } from '@typemcp/server';

/** ${name}: an MCP server. Add tools, resources and prompts as decorated methods. */
@McpServer({ name: '${name}', version: '0.1.0' })
export class ${className} {
  @Tool({ description: 'Add two numbers' })
  add(a: number, b: number): number {
    return a + b;
  }

  @Resource('greeting://{name}', { description: 'A greeting for someone' })
  greeting(name: string): string {
    return \`Hello, \${name}!\`;
  }

  @Prompt({ description: 'Ask for a review of some code' })
  review(@Arg({ description: 'The code to review' }) code: string): string {
    return \`Please review this code:\\n\\n\${code}\`;
  }
}

// \`npm start\` runs it through \`typemcp run\`; \`node dist/src/server.js\` works too after \`npm run build\`.
if (require.main === module) void run(${className});
`;
}

function test({ className }: ScaffoldInput): string {
  return `import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { Client, StdioClientTransport } from '@typemcp/client';

// The server runs as its own process over stdio, as an MCP client (Claude, Cursor, ...) runs it.
const client = new Client({ name: 'test', version: '1.0.0' });

before(async () => {
  const server = path.join(__dirname, '..', 'src', 'server.ts');
  await client.connect(new StdioClientTransport({ command: process.execPath, args: ['--require', 'ts-node/register/transpile-only', server], cwd: path.join(__dirname, '..') }));
});

after(() => client.close());

test('${className} lists its add tool', async () => {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((tool) => tool.name), ['add']);
});

test('add adds', async () => {
  const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
  assert.deepEqual(result.structuredContent, { result: 5 });
});

test('greeting greets', async () => {
  const result = await client.readResource({ uri: 'greeting://Ada' });
  assert.equal((result.contents[0] as { text: string }).text, 'Hello, Ada!');
});
`;
}

function readme({ name }: ScaffoldInput): string {
  return `# ${name}

An MCP server built with [TypeMCP](https://github.com/typemcp/typemcp).

\`\`\`sh
npm test              # starts the server over stdio and calls it
npm run dev           # the server under the MCP Inspector (needs Node 22)
npm start             # serve stdio; npm run start:http for Streamable HTTP on port 3000
npx typemcp install src/server.ts --client claude   # register it in Claude Desktop
\`\`\`
`;
}
