import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../context.ts';
import { openDb, type Db } from '../../store/db.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import { WEEKDAYS_ONLY, isWorkingDay, latestOccurrence, nextOccurrence } from '../../domain/jobSchedule.ts';
import { buildWorld } from '../workflow/testWorld.ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupJob, createScheduler, dailyJobs, type JobDefinition } from './scheduler.ts';

/** An instant given as Beijing wall-clock time. */
const bj = (local: string) => new Date(`${local}:00+08:00`);

describe('job timetable (Beijing working days)', () => {
  const t = { cron: '0 9 * * *', calendar: WEEKDAYS_ONLY };
  it('the due run is the latest working-day occurrence; the next skips weekends and holidays, takes make-up days', () => {
    expect(latestOccurrence(t, bj('2024-06-03T08:59'))).toMatchObject({ day: '2024-05-31' }); // Monday before 9: Friday's
    expect(latestOccurrence(t, bj('2024-06-03T09:00'))).toEqual({ day: '2024-06-03', at: bj('2024-06-03T09:00') });
    expect(latestOccurrence(t, bj('2024-06-02T23:00'))).toMatchObject({ day: '2024-05-31' }); // Sunday
    expect(nextOccurrence(t, bj('2024-05-31T09:00'))).toEqual({ day: '2024-06-03', at: bj('2024-06-03T09:00') });
    const festival = { cron: '0 9 * * *', calendar: { holidays: new Set(['2024-06-10']), workdays: new Set(['2024-06-08']) } };
    expect(nextOccurrence(festival, bj('2024-06-07T10:00'))).toMatchObject({ day: '2024-06-08' }); // 调休 Saturday
    expect(nextOccurrence(festival, bj('2024-06-08T10:00'))).toMatchObject({ day: '2024-06-11' }); // 端午 Monday off
    expect(latestOccurrence(festival, bj('2024-06-10T12:00'))).toMatchObject({ day: '2024-06-08' });
    // every day of a year: a working day is exactly a weekday not on holiday, or a make-up day
    for (let d = new Date('2024-01-01T00:00:00Z'); d.getUTCFullYear() === 2024; d.setUTCDate(d.getUTCDate() + 1)) {
      const day = d.toISOString().slice(0, 10);
      const weekday = d.getUTCDay() >= 1 && d.getUTCDay() <= 5;
      expect(isWorkingDay(day, festival.calendar)).toBe(day === '2024-06-08' || (weekday && day !== '2024-06-10'));
    }
    // nothing older than the look-back window is made up
    expect(latestOccurrence(t, bj('2024-06-20T08:00'), 0)).toBeNull();
  });
});

describe.each(testEngines())('scheduler on %s', (engine) => {
  let db: Db;
  let ctx: AppContext;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  /** a second connection to the same database, as a second instance would have (PGlite: the same one) */
  let db2: Db;
  beforeAll(async () => {
    db = await openTestDb(engine);
    ctx = createContext(db, undefined, () => '2024-06-03');
    w = await buildWorld(db);
    await w.commitment({ state: 'inProgress', title: '新增城镇就业3500人', startDate: '2024-05-01' });
    await w.commitment({ state: 'inProgress', regionCode: '430503', planId: w.ids.otherPlan, leadDepartmentId: w.ids.otherDept, coDepartmentIds: [], startDate: '2024-05-01' });
    if (engine === 'postgres') {
      const [{ schema }] = await db.query<{ schema: string }>('select current_schema() as schema');
      db2 = await openDb({ databaseUrl: process.env.DATABASE_URL, schema, migrate: false });
    } else db2 = db;
  });
  afterAll(async () => {
    if (db2 && db2 !== db) await db2.close();
    await db?.close();
  });
  beforeEach(async () => {
    await db.query('delete from job_run');
  });

  /** A job that records each call and fails while `failures` says so. */
  function countingJob(failures = 0): JobDefinition & { calls: string[] } {
    let left = failures;
    const calls: string[] = [];
    return {
      name: 'count', zh: '计数', en: 'count', cron: '0 9 * * *', calls,
      async run(_ctx, regionCode, day) {
        calls.push(`${regionCode} ${day}`);
        await new Promise((r) => setImmediate(r)); // let the other instance try meanwhile
        if (left-- > 0) throw new Error('mail server down');
        return { ok: true, result: { region: regionCode } };
      },
    };
  }

  it('two instances on one database run a day’s job once per region', async () => {
    const job = countingJob();
    const a = createScheduler(ctx, { jobs: [job], calendar: WEEKDAYS_ONLY, instance: 'a' });
    const b = createScheduler(createContext(db2), { jobs: [job], calendar: WEEKDAYS_ONLY, instance: 'b' });
    const now = bj('2024-06-03T09:00');
    // whichever of the four ticks takes a region, two runs in all (each tick's runs counted)
    const runs = (await Promise.all([a.tick(now), b.tick(now), a.tick(now), b.tick(now)])).flat();
    expect(job.calls.sort()).toEqual(['430502 2024-06-03', '430503 2024-06-03']);
    expect(runs).toHaveLength(2);
    await Promise.all([a.tick(bj('2024-06-03T15:00')), b.tick(bj('2024-06-03T15:00'))]);
    expect(job.calls).toHaveLength(2); // later ticks the same day change nothing
    const rows = await db.query('select region_code, status, attempts from job_run order by region_code');
    expect(rows).toEqual([{ region_code: '430502', status: 'succeeded', attempts: 1 }, { region_code: '430503', status: 'succeeded', attempts: 1 }]);
  });

  it('the real daily jobs run concurrently on two instances send each reminder once', async () => {
    const jobs = dailyJobs({}, async () => ({}));
    const a = createScheduler(ctx, { jobs, calendar: WEEKDAYS_ONLY, instance: 'a' });
    const b = createScheduler(createContext(db2), { jobs, calendar: WEEKDAYS_ONLY, instance: 'b' });
    await db.query('delete from reminder');
    await Promise.all([a.tick(bj('2024-06-03T09:00')), b.tick(bj('2024-06-03T09:00'))]);
    const reminders = await db.query<{ n: number }>(`select count(*)::int as n from reminder where as_of = '2024-06-03' group by region_code, department_id, kind, channel having count(*) > 1`);
    expect(reminders).toEqual([]);
    const runs = await db.query('select job, region_code, status from job_run order by job, region_code');
    expect(runs).toEqual([
      { job: 'escalation', region_code: '430502', status: 'succeeded' }, { job: 'escalation', region_code: '430503', status: 'succeeded' },
      { job: 'reminders', region_code: '430502', status: 'succeeded' }, { job: 'reminders', region_code: '430503', status: 'succeeded' },
      { job: 'rollover', region_code: '430502', status: 'succeeded' }, { job: 'rollover', region_code: '430503', status: 'succeeded' },
    ]);
    expect(await db.query(`select count(*)::int as n from reminder where as_of = '2024-06-03' and region_code = '430502'`)).toEqual([{ n: 1 }]);
  });

  it('a failed run is retried after its backoff, until it succeeds; one that keeps failing is given up and shown', async () => {
    const job = countingJob(2);
    const s = createScheduler(ctx, { jobs: [{ ...job, run: (c, r, d) => (r === '430502' ? job.run(c, r, d) : Promise.resolve({ ok: true, result: null })) }], calendar: WEEKDAYS_ONLY, instance: 'a', retryDelayMs: 5 * 60_000 });
    expect(await s.tick(bj('2024-06-03T09:00'))).toContainEqual({ job: 'count', regionCode: '430502', day: '2024-06-03', ok: false });
    const [failed] = await s.list(w.actors.admin, '430502', bj('2024-06-03T09:01'));
    expect(failed).toMatchObject({ lastRun: { status: 'failed', attempts: 1, error: 'mail server down' }, nextRun: bj('2024-06-03T09:05').toISOString() });
    expect(await s.tick(bj('2024-06-03T09:04'))).toEqual([]); // not before the backoff
    expect(await s.tick(bj('2024-06-03T09:05'))).toEqual([{ job: 'count', regionCode: '430502', day: '2024-06-03', ok: false }]);
    expect(await s.tick(bj('2024-06-03T09:14'))).toEqual([]); // second wait doubles: 10 minutes
    expect(await s.tick(bj('2024-06-03T09:15'))).toEqual([{ job: 'count', regionCode: '430502', day: '2024-06-03', ok: true }]);
    expect(job.calls).toEqual(['430502 2024-06-03', '430502 2024-06-03', '430502 2024-06-03']);
    const [ok] = await s.list(w.actors.admin, '430502', bj('2024-06-03T09:20'));
    expect(ok).toMatchObject({ lastRun: { status: 'succeeded', attempts: 3, error: null, result: { region: '430502' } }, nextRun: bj('2024-06-04T09:00').toISOString() });

    const hopeless = countingJob(99);
    const g = createScheduler(ctx, { jobs: [hopeless], calendar: WEEKDAYS_ONLY, instance: 'a', maxAttempts: 2, retryDelayMs: 60_000 });
    for (const t of ['09:00', '09:01', '09:03', '09:10', '12:00']) await g.tick(bj(`2024-06-04T${t}`));
    expect(hopeless.calls).toEqual(['430502 2024-06-04', '430503 2024-06-04', '430502 2024-06-04', '430503 2024-06-04']);
    const [gaveUp] = await g.list(w.actors.admin, '430502', bj('2024-06-04T12:00'));
    expect(gaveUp).toMatchObject({ lastRun: { status: 'failed', attempts: 2, retryAt: null }, nextRun: bj('2024-06-05T09:00').toISOString() });
    await expect(g.list(w.actors.hrReporter, '430502')).rejects.toMatchObject({ status: 403 });
  });

  it('after downtime the latest missed run is made up once; a run abandoned by a dead instance is taken over after its lease', async () => {
    const job = countingJob();
    const s = createScheduler(ctx, { jobs: [job], calendar: WEEKDAYS_ONLY, instance: 'a' });
    await s.tick(bj('2024-05-30T09:00')); // Thursday, then down until Saturday noon
    await s.tick(bj('2024-06-01T12:00'));
    await s.tick(bj('2024-06-02T12:00'));
    expect(job.calls).toEqual(['430502 2024-05-30', '430503 2024-05-30', '430502 2024-05-31', '430503 2024-05-31']);

    // instance "dead" claimed Monday's run and never finished
    await db.query(`insert into job_run (job, region_code, day, status, instance, started_at, lease_until) values ('count', '430502', '2024-06-03', 'running', 'dead', $1, $2)`,
      [bj('2024-06-03T09:00').toISOString(), bj('2024-06-03T09:30').toISOString()]);
    await s.tick(bj('2024-06-03T09:10'));
    expect(job.calls.slice(4)).toEqual(['430503 2024-06-03']);
    await s.tick(bj('2024-06-03T09:30'));
    expect(job.calls.slice(5)).toEqual(['430502 2024-06-03']);
    expect(await db.query(`select status, attempts, instance from job_run where day = '2024-06-03' and region_code = '430502'`)).toEqual([{ status: 'succeeded', attempts: 2, instance: 'a' }]);
  });

  it('the daily backup writes the whole database once a day (not per region) and keeps the newest files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-backup-'));
    try {
      const s = createScheduler(ctx, { jobs: [backupJob(dir, 2, '0 2 * * *')], calendar: WEEKDAYS_ONLY, instance: 'a' });
      for (const day of ['2024-06-01', '2024-06-02', '2024-06-03']) expect(await s.tick(bj(`${day}T02:00`))).toHaveLength(1); // weekends too
      expect(await s.tick(bj('2024-06-03T12:00'))).toEqual([]);
      expect(readdirSync(dir).sort()).toEqual(['duban-2024-06-02.json', 'duban-2024-06-03.json']);
      const backup = JSON.parse(readFileSync(join(dir, 'duban-2024-06-03.json'), 'utf8'));
      expect(backup.tables.commitment).toHaveLength(2);
      // shown to every region's office, though recorded once
      const [shown] = await s.list(w.actors.otherAdmin, '430503', bj('2024-06-03T12:00'));
      expect(shown).toMatchObject({ name: 'backup', lastRun: { day: '2024-06-03', status: 'succeeded', result: { kept: 2 } } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
