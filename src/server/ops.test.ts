/** Running in production: the scheduled jobs' page and API, health, readiness, metrics, request ids and 5xx logging. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { createScheduler, dailyJobs } from '../app/jobs/scheduler.ts';
import { buildWorld } from '../app/workflow/testWorld.ts';
import { WEEKDAYS_ONLY } from '../domain/jobSchedule.ts';
import type { Db } from '../store/db.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { buildServer } from './app.ts';
import { makeUser, signIn, type Session } from './testing.ts';

describe.each(testEngines())('operations on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let office: Session;
  let reporter: Session;
  let clock = new Date('2024-06-03T01:00:00Z'); // Monday 09:00 in Beijing
  beforeAll(async () => {
    db = await openTestDb(engine);
    const w = await buildWorld(db);
    await w.commitment({ state: 'inProgress', startDate: '2024-05-01' });
    const ctx = createContext(db, undefined, () => '2024-06-03');
    await makeUser(ctx, { username: 'office', displayName: '督查室', role: 'admin', regionCode: '430502' });
    await makeUser(ctx, { username: 'hr', displayName: '人社局', role: 'reporter', regionCode: '430502', departmentId: w.ids.hr });
    const scheduler = createScheduler(ctx, { jobs: dailyJobs({}, async () => ({})), calendar: WEEKDAYS_ONLY, now: () => clock, instance: 'test' });
    app = await buildServer(ctx, { scheduler });
    office = await signIn(app, 'office');
    reporter = await signIn(app, 'hr');
    await scheduler.tick();
    clock = new Date('2024-06-03T02:00:00Z');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('GET /api/jobs shows the office each job with its timetable, last run and next run; others are refused', async () => {
    const res = await app.inject({ url: '/api/jobs?region=430502', headers: office });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        name: 'escalation', zh: '督办单更新', schedule: { cron: '30 8 * * *', timeZone: 'Asia/Shanghai', workingDaysOnly: true },
        lastRun: expect.objectContaining({ day: '2024-06-03', status: 'succeeded', attempts: 1, result: { opened: expect.any(Number), closed: 0 } }),
        nextRun: '2024-06-04T00:30:00.000Z',
      }),
      expect.objectContaining({
        name: 'reminders', lastRun: expect.objectContaining({ day: '2024-06-03', status: 'succeeded', result: { reminders: 1, sent: 1, failed: 0 } }),
        nextRun: '2024-06-04T01:00:00.000Z',
      }),
    ]);
    expect((await app.inject({ url: '/api/jobs?region=430502', headers: reporter })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/jobs?region=430502' })).statusCode).toBe(401);
  });
});
