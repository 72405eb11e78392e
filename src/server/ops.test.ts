/** Running in production: the scheduled jobs' page and API, health, readiness, metrics, request ids and 5xx logging. */
import { Writable } from 'node:stream';
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
      expect.objectContaining({ name: 'rollover', schedule: { cron: '5 0 * * *', timeZone: 'Asia/Shanghai', workingDaysOnly: false }, lastRun: expect.objectContaining({ status: 'succeeded', result: { regions: 1 } }), nextRun: '2024-06-03T16:05:00.000Z' }),
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

describe.each(testEngines())('observability on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let office: Session;
  let commitmentId: string;
  const logLines: Record<string, unknown>[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { logLines.push(JSON.parse(String(chunk))); done(); } });
  beforeAll(async () => {
    db = await openTestDb(engine);
    const w = await buildWorld(db);
    commitmentId = (await w.commitment({ state: 'inProgress', startDate: '2024-05-01' })).id;
    const ctx = createContext(db, undefined, () => '2024-06-03');
    await makeUser(ctx, { username: 'office', displayName: '督查室', role: 'admin', regionCode: '430502' });
    app = await buildServer(ctx, { logger: { level: 'warn', stream } });
    app.get('/api/test-fault', async () => {
      throw new Error('a bug');
    });
    app.get('/api/test-db-down', async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    office = await signIn(app, 'office');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('every answer carries a request id: a proxy’s well-formed one is kept, anything else replaced', async () => {
    const a = await app.inject({ url: '/health' });
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const b = await app.inject({ url: '/health', headers: { 'x-request-id': 'nginx-7f3a9c01' } });
    expect(b.headers['x-request-id']).toBe('nginx-7f3a9c01');
    const c = await app.inject({ url: '/health', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(c.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a 500 is logged as JSON with the request id the answer carries; a database outage answers 503 with Retry-After', async () => {
    const res = await app.inject({ url: '/api/test-fault' });
    expect(res.statusCode).toBe(500);
    const id = res.headers['x-request-id'];
    expect(res.json().error).toMatchObject({ code: 'internal', requestId: id });
    expect(logLines).toContainEqual(expect.objectContaining({ level: 50, requestId: id, msg: 'request failed', err: expect.objectContaining({ message: 'a bug' }) }));
    const down = await app.inject({ url: '/api/test-db-down' });
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.json().error).toMatchObject({ code: 'unavailable', requestId: down.headers['x-request-id'] });
    expect(logLines).toContainEqual(expect.objectContaining({ level: 40, requestId: down.headers['x-request-id'] }));
  });

  it('a NUL byte or a lone surrogate in any string field answers 400 naming the field (was a 500 from the database)', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'off\u0000ice', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().error).toMatchObject({ code: 'invalid_text', details: { field: 'body.username' } });
    const nested = await app.inject({
      method: 'POST', url: `/api/commitments/${commitmentId}/instructions`, headers: { ...office, 'content-type': 'application/json' },
      payload: '{"leaderName":"张三","text":"加快\\ud800进度"}',
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.details.field).toBe('body.text');
    const query = await app.inject({ url: '/api/commitments?region=430502&q=%00', headers: office });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.details.field).toBe('query.q');
    // a surrogate pair is text
    const ok = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'office😀', password: 'x' } });
    expect(ok.statusCode).toBe(401);
  });

  it('/metrics speaks Prometheus text to loopback (request histogram by route, job runs, event-loop lag, pool) and refuses others', async () => {
    await app.inject({ url: `/api/commitments/${commitmentId}`, headers: office });
    app.metrics.observeJob({ job: 'reminders', ok: false, seconds: 0.2 });
    const res = await app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/commitments\/:id",status_code="200"\} 1/);
    expect(res.body).toContain('duban_job_runs_total{job="reminders",outcome="failed"} 1');
    expect(res.body).toContain('nodejs_eventloop_lag_seconds');
    if (engine === 'postgres') expect(res.body).toMatch(/duban_db_pool_connections\{state="total"\} \d+/);
    expect((await app.inject({ url: '/metrics', remoteAddress: '203.0.113.5' })).statusCode).toBe(403);
  });

  it('/health answers while the process runs; /ready only with the database reachable and every migration applied', async () => {
    expect((await app.inject({ url: '/health' })).json()).toMatchObject({ status: 'ok' });
    expect((await app.inject({ url: '/ready' })).statusCode).toBe(200);
    const [last] = await db.query<{ name: string }>('select name from schema_migration order by name desc limit 1');
    await db.query('delete from schema_migration where name = $1', [last!.name]);
    try {
      const res = await app.inject({ url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'migrations pending', missing: [last!.name] });
    } finally {
      await db.query('insert into schema_migration (name) values ($1)', [last!.name]);
    }
  });
});
