/**
 * Applies the SQL files in ./migrations in name order, each once, each in a transaction.
 * The same files run on PGlite and on a PostgreSQL server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Names of all migration files shipped with this version, in order. */
export function migrationNames(): string[] {
  return readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
}

export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())`);
  const done = new Set((await db.query<{ name: string }>('select name from schema_migration')).map((r) => r.name));
  const applied: string[] = [];
  for (const name of migrationNames()) {
    if (done.has(name)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, name), 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('insert into schema_migration (name) values ($1) on conflict do nothing', [name]);
    });
    applied.push(name);
  }
  return applied;
}
