/**
 * 督办单 over HTTP: the escalation run opens slips, the list numbers them in order of opening and
 * names their commitment and department, and each slip's 督办通知单 comes as DOCX (公文 layout, every
 * required part present) and as an HTML print view; a department reads only its own slips.
 */
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines } from '../store/testing.ts';
import { buildWorld, X, type World } from './world.ts';

interface Slip { id: string; level: string; number: string; serial: number; commitmentTitle: string; departmentName: string | null; openedOn: string; closedOn: string | null; reason: string; departmentId: string }

describe.each(testEngines())('supervision slips on %s', (engine) => {
  let w: World;
  let slips: Slip[];
  beforeAll(async () => {
    w = await buildWorld(await openTestDb(engine));
    // behind schedule (yellow) and far behind with reports missing since May (red), in two departments
    const yellow = await w.commitment('own', { title: '新建城市书房3个', targetValue: '3000', coDepartmentIds: [w.dept.X2] });
    for (const period of ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']) await w.report(yellow, 'accepted', period);
    await w.commitment('otherDept', { title: '改造老旧小区12个' });
    const run = await w.app.inject({ method: 'POST', url: '/api/supervision-slips/run', headers: w.sessions.admin, payload: { region: X } });
    expect(run.statusCode).toBe(200);
    const res = await w.app.inject({ url: `/api/supervision-slips?region=${X}`, headers: w.sessions.admin });
    slips = res.json().items;
  });
  afterAll(async () => {
    await w?.app.close();
    await w?.db.close();
  });

  it('numbers every slip of the year once, in order of opening, and names its task and department', () => {
    expect(slips.length).toBeGreaterThan(2);
    const serials = slips.map((s) => s.serial).sort((a, b) => a - b);
    expect(serials).toEqual(serials.map((_, i) => i + 1));
    for (const s of slips) {
      expect(s.number).toBe(`督办〔2024〕第${s.serial}号`);
      expect(s.commitmentTitle).toMatch(/\S/);
      expect(s.departmentName).toMatch(/^区(人社|教育)局$/);
    }
    expect(slips.some((s) => s.commitmentTitle === '新建城市书房3个')).toBe(true);
  });

  it('gives each slip a 督办通知单 in DOCX with 编号, 督办事项, 牵头单位, 时限, 督办要求 and 落款', async () => {
    for (const s of slips.filter((x) => x.level === 'yellow' || x.level === 'red')) {
      const res = await w.app.inject({ url: `/api/supervision-slips/${s.id}/notice`, headers: w.sessions.admin });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/wordprocessingml/);
      expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`${s.number}督办通知单.docx`);
      const { value: text } = await mammoth.extractRawText({ buffer: res.rawPayload });
      expect(text).toContain('督办通知单');
      expect(text).toContain(s.number);
      expect(text).toContain(`${s.departmentName}：`);
      expect(text).toContain(s.commitmentTitle);
      for (const part of ['督办事项', '督办事由', '牵头单位：', '办理时限：2024年12月31日前完成', '反馈时限：', '督办要求', '双清区人民政府督查室', '2024年7月20日'])
        expect(text, `${s.number}: ${part}`).toContain(part);
      expect(text).toContain(s.level === 'red' ? '红色督办' : '黄色督办');
    }
  });

  it('shows the same notice as an HTML page to print, in the browser (not as a download)', async () => {
    const s = slips[0]!;
    const res = await w.app.inject({ url: `/api/supervision-slips/${s.id}/notice?format=html`, headers: w.sessions.leader });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('inline');
    expect(res.body).toContain(s.number);
    expect(res.body).toContain('<h1>');
  });

  it('names the co-departments on the notice', async () => {
    const s = slips.find((x) => x.commitmentTitle === '新建城市书房3个' && (x.level === 'yellow' || x.level === 'red'));
    if (!s) return expect(slips.map((x) => `${x.commitmentTitle} ${x.level}`)).toContain('新建城市书房3个 yellow');
    const { value: text } = await mammoth.extractRawText({ buffer: (await w.app.inject({ url: `/api/supervision-slips/${s.id}/notice`, headers: w.sessions.admin })).rawPayload });
    expect(text).toContain('配合单位：区教育局');
  });

  it('lets a department read its own slips and their notices only', async () => {
    const own = await w.app.inject({ url: `/api/supervision-slips?region=${X}`, headers: w.sessions.reporter });
    const mine = own.json().items as Slip[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.departmentId === w.dept.X1)).toBe(true);
    const other = slips.find((s) => s.departmentId === w.dept.X2)!;
    expect((await w.app.inject({ url: `/api/supervision-slips/${other.id}/notice`, headers: w.sessions.reporter })).statusCode).toBe(404);
    expect((await w.app.inject({ url: `/api/supervision-slips/${mine[0]!.id}/notice`, headers: w.sessions.reporter })).statusCode).toBe(200);
  });
  it('lets the office close a slip by hand with a note: audited, listed as closed, not reopened this month', async () => {
    const slip = slips.find((x) => x.level === 'yellow' || x.level === 'red')!;
    const url = `/api/supervision-slips/${slip.id}/close`;
    // a note is required; a leader and a department may not close
    const empty = await w.app.inject({ method: 'POST', url, headers: w.sessions.admin, payload: { note: '  ' } });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json().error)).toMatch(/销号说明/);
    expect((await w.app.inject({ method: 'POST', url, headers: w.sessions.leader, payload: { note: '已处理' } })).statusCode).toBe(403);
    const closed = await w.app.inject({ method: 'POST', url, headers: w.sessions.admin, payload: { note: '已约谈牵头单位，整改方案已报' } });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ id: slip.id, number: slip.number, closedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), closeNote: '已约谈牵头单位，整改方案已报' });
    expect((await w.app.inject({ method: 'POST', url, headers: w.sessions.admin, payload: { note: '再次销号' } })).statusCode).toBe(409);
    const open = (await w.app.inject({ url: `/api/supervision-slips?region=${X}&open=true`, headers: w.sessions.admin })).json().items as Slip[];
    expect(open.map((s) => s.id)).not.toContain(slip.id);
    // its cause persists, yet the office's 销号 stands until next month's run
    const again = await w.app.inject({ method: 'POST', url: '/api/supervision-slips/run', headers: w.sessions.admin, payload: { region: X } });
    expect(again.json().opened.map((s: Slip) => `${s.commitmentTitle}${s.level}`)).not.toContain(`${slip.commitmentTitle}${slip.level}`);
    const audit = (await w.app.inject({ url: `/api/audit?entity=supervisionSlip&entityId=${slip.id}`, headers: w.sessions.admin })).json().items as { action: string; after: { closeNote?: string } }[];
    expect(audit.find((a) => a.action === 'supervisionSlip.close')?.after.closeNote).toBe('已约谈牵头单位，整改方案已报');
  });
});
