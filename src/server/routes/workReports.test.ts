/** POST /api/work-reports: the import page's request — drafts with claim offsets, once per file, validated input. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../app/context.ts';
import { buildWorld } from '../../app/workflow/testWorld.ts';
import type { Db } from '../../store/db.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import { buildServer } from '../app.ts';
import { makeUser, signIn, type Session } from '../testing.ts';

const TEXT = '一、2023年回顾\n全年城镇新增就业5860人。\n二、2024年目标任务\n全年城镇新增就业6000人以上，新建城市书房5个。';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe.each(testEngines())('work report import route on %s', (engine) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let admin: Session;
  beforeAll(async () => {
    db = await openTestDb(engine);
    await buildWorld(db);
    const ctx = createContext(db, undefined, () => '2024-03-01');
    await makeUser(ctx, { username: 'office', displayName: '督查室', role: 'admin', regionCode: '430502' });
    app = await buildServer(ctx);
    admin = await signIn(app, 'office');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const post = (payload: object, headers: Record<string, string> = admin) => app.inject({ method: 'POST', url: '/api/work-reports', headers, payload });

  it('creates drafts from the targets and returns every claim with offsets into the text; a second import of the file creates nothing', async () => {
    const body = { region: '430502', year: 2024, filename: '报告.txt', text: TEXT, sha256: sha(TEXT) };
    const first = await post(body);
    expect(first.statusCode).toBe(201);
    const r = first.json() as { created: boolean; drafts: { title: string; state: string; targetValue: string; unit: string }[]; claims: { kind: string; start: number; end: number }[] };
    expect(r.created).toBe(true);
    expect(r.drafts.map((d) => [d.targetValue, d.unit, d.state])).toEqual([['6000', '人', 'draft'], ['5', '个', 'draft']]);
    expect(r.claims.map((c) => `${c.kind}:${TEXT.slice(c.start, c.end)}`)).toEqual(['result:5860人', 'target:6000人', 'target:5个']);
    const again = await post(body);
    expect(again.statusCode).toBe(200);
    expect((again.json() as { created: boolean; drafts: unknown[] }).created).toBe(false);
    expect((again.json() as { drafts: unknown[] }).drafts).toHaveLength(2);
  });

  it('refuses a malformed digest in Chinese and English, and the public', async () => {
    const bad = await post({ region: '430502', year: 2024, filename: 'x.txt', text: TEXT, sha256: 'abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.zh).toContain('输入有误');
    expect((await post({ region: '430502', year: 2024, filename: 'x.txt', text: TEXT, sha256: sha('x') }, {})).statusCode).toBe(401);
  });
});
