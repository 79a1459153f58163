/**
 * SQLite explorer: the schema as a resource and a read-only query tool. The database file is
 * read into memory (sql.js, SQLite compiled to WebAssembly) and never written back, so the file
 * is opened read-only whatever the SQL says; SQL errors come back as tool errors.
 *
 *   npx ts-node apps/examples/src/sqliteExplorer.ts path/to/database.db
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { McpServer, Resource, run, Tool } from '@typemcp/server';
import type { Lifespan } from '@typemcp/server';
import initSqlJs from 'sql.js';
import type { Database } from 'sql.js';

/** The open database, provided by the lifespan. */
export class SqliteDatabase {
  constructor(readonly db: Database) {}
}

export function sqliteLifespan(path: string): Lifespan {
  return async ({ provide }) => {
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(path));
    provide(SqliteDatabase, new SqliteDatabase(db), (s) => s.db.close());
  };
}

@McpServer({
  name: 'SQLite Explorer',
  version: '1.0.0',
  lifespan: sqliteLifespan(
    process.env.SQLITE_DB ??
      process.argv.slice(2).find((a) => !a.startsWith('--')) ??
      'database.db',
  ),
})
export class SqliteExplorer {
  constructor(private readonly sqlite: SqliteDatabase) {}

  @Resource('schema://main', {
    description: 'The CREATE statements of every table',
    mimeType: 'text/plain',
  })
  schema(): string {
    const result = this.sqlite.db.exec(
      "SELECT sql FROM sqlite_master WHERE type = 'table' ORDER BY name",
    );
    return (result[0]?.values ?? []).map((row) => String(row[0])).join('\n');
  }

  @Tool({
    description: 'Run a read-only SQL query and return the rows',
    annotations: { readOnlyHint: true },
  })
  query(sql: string): string {
    const results = this.sqlite.db.exec(sql);
    if (results.length === 0) return 'No rows';
    const { columns, values } = results[0];
    return [
      columns.join(' | '),
      ...values.map((row) => row.map((v) => String(v)).join(' | ')),
    ].join('\n');
  }
}

if (require.main === module) void run(SqliteExplorer);
