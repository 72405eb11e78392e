/**
 * A multi-host DATABASE_URL (what pg_auto_failover prints for its formation): duban uses the host
 * that takes writes, whichever position it has, and an unreachable one does not stop it.
 */
import { describe, expect, it } from 'vitest';
import { openDb, splitHosts } from './db.ts';

describe('multi-host connection strings', () => {
  it('are split into one URL per host, keeping user, database and other parameters', () => {
    expect(splitHosts('postgres://duban:pw@db1:5432,db2:6432/duban?target_session_attrs=read-write&sslmode=disable')).toEqual([
      'postgres://duban:pw@db1:5432/duban?sslmode=disable',
      'postgres://duban:pw@db2:6432/duban?sslmode=disable',
    ]);
    expect(splitHosts('postgresql://db1,db2/x?target_session_attrs=read-write')).toEqual(['postgresql://db1/x', 'postgresql://db2/x']);
    expect(splitHosts('postgres://u@one:5432/db')).toEqual(['postgres://u@one:5432/db']);
  });

  it.runIf(process.env.DATABASE_URL)('connect to the reachable primary when the first host is down', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    // port 1 on this machine: nothing listens there
    const multi = `postgres://${url.username}${url.password ? `:${url.password}` : ''}@127.0.0.1:1,${url.host}${url.pathname}?target_session_attrs=read-write`;
    const db = await openDb({ databaseUrl: multi, migrate: false });
    try {
      expect(await db.query('select pg_is_in_recovery() as standby')).toEqual([{ standby: false }]);
      expect(await db.transaction((tx) => tx.query('select 1 as one'))).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });
});
