/**
 * Migration 032 on a database that already has assigned commitments: each one's 交办日期 is read
 * back from its first 交办 in the audit trail (on the region's clock); one without such an event,
 * and every draft, keeps none (and so owes every period from its start, as before).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../store/audit.ts';
import { getCommitment } from '../../store/commitments.ts';
import type { Db } from '../../store/db.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import { buildWorld } from '../workflow/testWorld.ts';

const MIGRATION = readFileSync(join(import.meta.dirname, '..', '..', 'store', 'migrations', '032_commitment_assigned_on.sql'), 'utf8');
/** The migration's backfill: everything after adding the column. */
const BACKFILL = MIGRATION.slice(MIGRATION.indexOf('add column assigned_on date;') + 'add column assigned_on date;'.length);

describe.each(testEngines())('交办日期 read back from the audit trail on %s', (engine) => {
  let db: Db;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    db = await openTestDb(engine);
    w = await buildWorld(db);
  });
  afterAll(async () => db?.close());

  it('an assigned commitment gets the day of its first 交办; without one, or a draft, none', async () => {
    const assigned = await w.commitment({ state: 'inProgress' });
    const unknown = await w.commitment({ state: 'inProgress' });
    const draft = await w.commitment({ state: 'draft' });
    for (const c of [assigned, draft]) {
      await appendAudit(db, { regionCode: c.regionCode, actor: w.actors.admin, action: 'commitment.assign', entity: 'commitment', entityId: c.id, after: c });
      await appendAudit(db, { regionCode: c.regionCode, actor: w.actors.admin, action: 'commitment.update', entity: 'commitment', entityId: c.id, after: c });
    }
    expect(BACKFILL).toMatch(/^\s*(--[^\n]*\n\s*)*update commitment/);
    await db.exec(BACKFILL);
    const [{ day }] = (await db.query<{ day: string }>(
      `select ((min(at) at time zone 'UTC') + interval '8 hours')::date::text as day from audit_event where entity_id = $1 and action = 'commitment.assign'`, [assigned.id],
    )) as [{ day: string }];
    expect((await getCommitment(db, assigned.id))!.assignedOn).toBe(day);
    expect((await getCommitment(db, unknown.id))!.assignedOn).toBeNull();
    expect((await getCommitment(db, draft.id))!.assignedOn).toBeNull();
  });
});
