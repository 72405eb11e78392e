/**
 * Databases for tests: every store test runs on each engine returned by `testEngines()` —
 * PGlite always, the PostgreSQL server when DATABASE_URL is set (CI sets it). Each call to
 * `openTestDb` gives an empty, migrated, private database (a PGlite clone or a fresh schema).
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from './db.ts';
import { migrationNames } from './migrate.ts';

export type Engine = 'pglite' | 'postgres';

export function testEngines(): Engine[] {
  if (!process.env.DATABASE_URL) {
    console.warn('[duban tests] DATABASE_URL is not set: store tests run on PGlite only (CI runs them on PostgreSQL too)');
    return ['pglite'];
  }
  return ['pglite', 'postgres'];
}

const migrationsDir = join(import.meta.dirname, 'migrations');

/** A migrated empty PGlite data directory, cached on disk per migration set (initdb costs seconds). */
async function pgliteTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const name of migrationNames()) hash.update(name).update(readFileSync(join(migrationsDir, name)));
  const file = join(tmpdir(), `duban-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(file)) {
    const db = await openDb({ dataDir: 'memory://', databaseUrl: '' });
    const blob = await db.dump!();
    await db.close();
    const tmp = `${file}.${process.pid}.${randomUUID()}`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, file);
  }
  return new Blob([readFileSync(file)]);
}

export async function openTestDb(engine: Engine): Promise<Db> {
  if (engine === 'pglite') return openDb({ dataDir: 'memory://', loadDataDir: await pgliteTemplate(), databaseUrl: '' });
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL, schema });
  const close = db.close;
  return Object.assign(db, {
    async close() {
      // work a test left running after its answer (a district's 总览 groups are stored once it has
      // answered) may hold locks the drop needs in another order: PostgreSQL then aborts one of the
      // two as a deadlock (40P01); the drop is tried again once the other has finished
      for (let attempt = 1; ; attempt++) {
        try {
          await db.exec(`drop schema ${schema} cascade`);
          break;
        } catch (err) {
          if ((err as { code?: string }).code !== '40P01' || attempt >= 5) throw err;
        }
      }
      await close();
    },
  });
}
