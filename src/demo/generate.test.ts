import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { listEvaluatedCommitments } from '../app/evaluatedCommitments.ts';
import { summarize } from '../app/summary.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import type { Db } from '../store/db.ts';
import { generateRegion } from './generate.ts';

describe.each(testEngines())('generated region on %s', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(engine);
  });
  afterAll(async () => db?.close());

  it('makes 500 commitments per scale with 24 months of reports that evaluate into a mix of statuses', async () => {
    const g = await generateRegion(db, { code: '990001', scale: 1 });
    expect(g.commitments).toBe(500);
    const [{ n }] = await db.query<{ n: number }>('select count(*) as n from progress_report where region_code = $1', ['990001']);
    expect(n).toBe(g.reports);
    expect(n).toBeGreaterThan(450 * 24 * 0.9);
    const ctx = createContext(db, undefined, () => '2024-06-15');
    const s = summarize(await listEvaluatedCommitments(db, ctx, { regionCodes: ['990001'], parentId: null }));
    expect(s.total.total).toBe(400);
    expect(s.bySector).toHaveLength(8);
    const statuses = Object.entries(s.total.byStatus).filter(([, v]) => v > 0).map(([k]) => k);
    expect(statuses).toEqual(expect.arrayContaining(['onTrack', 'lagging']));
    // loading the same region again changes nothing
    await generateRegion(db, { code: '990001', scale: 1 });
    expect((await db.query<{ n: number }>('select count(*) as n from commitment where region_code = $1', ['990001']))[0]!.n).toBe(500);
  });
});
