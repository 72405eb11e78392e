/** The audit trail's hash chain: written by the database per region, verified, and checked on restore. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.ts';
import { openTestDb, testEngines } from './testing.ts';
import { upsertRegion } from './regions.ts';
import { appendAudit, appendAudits, verifyAuditChain } from './audit.ts';
import { exportBackup, restoreBackup, type Backup } from './backup.ts';

describe.each(testEngines())('audit hash chain on %s', (engine) => {
  let db: Db;
  const actor = { id: null, role: 'admin' };
  beforeAll(async () => {
    db = await openTestDb(engine);
    for (const code of ['430502', '430503']) await upsertRegion(db, { code, name: code, level: 'county', parentCode: null });
    // concurrent writers in two regions, single events and batches
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => {
        const regionCode = i % 2 ? '430502' : '430503';
        return db.transaction(async (tx) => {
          await appendAudit(tx, { regionCode, actor, action: 'test.one', entity: 'commitment', entityId: `c${i}`, after: { i, 名: '城镇新增就业' } });
          if (i % 3 === 0) await appendAudits(tx, [1, 2].map((k) => ({ regionCode, actor, action: 'test.batch', entity: 'commitment', entityId: `c${i}-${k}`, before: { k } })));
        });
      }),
    );
  });
  afterAll(async () => db?.close());

  it('each region is one unbroken chain, numbered without gaps, whatever the concurrency', async () => {
    expect(await verifyAuditChain(db)).toEqual([]);
    const rows = await db.query<{ region_code: string; n: number; max: string }>('select region_code, count(*)::int as n, max(chain_seq)::text as max from audit_event group by region_code order by region_code');
    expect(rows.map((r) => [r.region_code, r.n, Number(r.max)])).toEqual([['430502', 20, 20], ['430503', 20, 20]]);
  });

  it('an event changed in place, or the last one removed, breaks the chain', async () => {
    const other = await openTestDb(engine);
    try {
      await restoreBackup(other, await exportBackup(db));
      await other.exec('alter table audit_event disable trigger audit_event_no_update');
      await other.exec(`update audit_event set actor_role = 'reporter' where region_code = '430502' and chain_seq = 5`);
      expect(await verifyAuditChain(other)).toEqual([expect.objectContaining({ regionCode: '430502', chainSeq: 5, problem: 'content' })]);
      await other.exec(`delete from audit_event where region_code = '430503' and chain_seq = 20`);
      expect((await verifyAuditChain(other)).map((b) => [b.regionCode, b.problem])).toEqual([['430502', 'content'], ['430503', 'head']]);
    } finally {
      await other.close();
    }
  });

  it('restore refuses an edited audit trail and keeps nothing; an untouched backup restores', async () => {
    const backup = await exportBackup(db);
    const edited = (edit: (events: Record<string, unknown>[]) => void): Backup => {
      const copy = structuredClone(backup);
      edit(copy.tables.audit_event!);
      return copy;
    };
    const cases = [
      edited((ev) => { ev[3]!.after = { rewritten: true }; }), // content rewritten
      edited((ev) => { ev.splice(7, 1); }), // an event dropped from the middle
      edited((ev) => { for (const e of ev) delete e.hash; }), // chain stripped to have it recomputed
    ];
    const empty = await openTestDb(engine);
    try {
      for (const bad of cases) await expect(restoreBackup(empty, bad)).rejects.toMatchObject({ code: 'backup_tampered' });
      expect(await empty.query('select 1 from audit_event')).toEqual([]);
      await restoreBackup(empty, backup);
      expect(JSON.stringify(await exportBackup(empty))).toBe(JSON.stringify(backup));
    } finally {
      await empty.close();
    }
  });
});
