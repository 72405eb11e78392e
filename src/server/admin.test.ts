/**
 * The office's administration over HTTP: departments with the e-mail 催办 goes to (names unique in
 * a region, audited), a lock with its reason kept in the audit trail, and the configuration readable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../domain/config.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import { buildWorld, X, type World } from './world.ts';

describe.each(testEngines())('administration on %s', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(await openTestDb(engine));
  });
  afterAll(async () => {
    await w?.app.close();
    await w?.db.close();
  });
  const as = (who: keyof World['sessions']) => w.sessions[who];

  it('adds a department, sets its 催办 e-mail, and refuses a second of the same name', async () => {
    const created = await w.app.inject({ method: 'POST', url: '/api/departments', headers: as('admin'), payload: { region: X, name: '区财政局', shortName: '财政局' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const dup = await w.app.inject({ method: 'POST', url: '/api/departments', headers: as('admin'), payload: { region: X, name: '区财政局' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.zh).toContain('区财政局');
    const bad = await w.app.inject({ method: 'PATCH', url: `/api/departments/${id}`, headers: as('admin'), payload: { email: 'not-an-address' } });
    expect(bad.statusCode).toBe(400);
    const ok = await w.app.inject({ method: 'PATCH', url: `/api/departments/${id}`, headers: as('admin'), payload: { email: 'czj@example.gov.cn' } });
    expect(ok.json()).toMatchObject({ name: '区财政局', shortName: '财政局', email: 'czj@example.gov.cn' });
    // what the reminders read
    const [row] = await w.db.query<{ email: string }>('select email from department where id = $1', [id]);
    expect(row!.email).toBe('czj@example.gov.cn');
    const audit = await w.app.inject({ url: `/api/audit?region=${X}&entity=department&entityId=${id}`, headers: as('admin') });
    expect(audit.json().items.map((a: { action: string }) => a.action).sort()).toEqual(['department.create', 'department.update']);
  });

  it('keeps the reason of a lock and of an unlock in the audit trail', async () => {
    expect((await w.app.inject({ method: 'POST', url: '/api/period-locks', headers: as('admin'), payload: { region: X, period: '2024-05', reason: '5月通报印发前锁定' } })).statusCode).toBe(201);
    expect((await w.app.inject({ method: 'POST', url: '/api/period-locks/unlock', headers: as('admin'), payload: { region: X, period: '2024-05', reason: '人社局更正数据' } })).statusCode).toBe(204);
    const audit = (await w.app.inject({ url: `/api/audit?region=${X}&entity=period`, headers: as('admin') })).json().items as { action: string; after: { reason?: string } }[];
    expect(audit.map((a) => [a.action, a.after.reason])).toEqual(expect.arrayContaining([['period.lock', '5月通报印发前锁定'], ['period.unlock', '人社局更正数据']]));
  });

  it('shows every signed-in user the configuration in force', async () => {
    const res = await w.app.inject({ url: '/api/config', headers: as('reporter') });
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(DEFAULT_CONFIG)));
  });
});

describe('validation messages in Chinese', () => {
  it('says a malformed id in Chinese, not "Invalid UUID"', async () => {
    const db = await openTestDb('pglite');
    const { buildServer } = await import('./app.ts');
    const { createContext } = await import('../app/context.ts');
    const app = await buildServer(createContext(db));
    try {
      const res = await app.inject({ url: '/api/commitments/not-a-uuid' });
      expect(res.statusCode).toBe(400);
      const { zh, en } = res.json().error;
      expect(zh).toMatch(/^输入有误：/);
      expect(zh).not.toMatch(/Invalid|invalid/);
      expect(zh).toMatch(/[\u4e00-\u9fff]{2,}.*UUID|UUID.*[\u4e00-\u9fff]/);
      expect(en).toMatch(/invalid/i);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
