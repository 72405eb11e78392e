/**
 * The answers the document describes are the answers the server gives: each operation below is
 * called on a small world and its JSON must parse with the operation's documented schema, and
 * parse to itself (a field the document does not name would be dropped by the parse and fail).
 */
import { createHash } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../app/policies/principal.ts';
import { saveIndicator } from '../app/economy/saveIndicator.ts';
import { openTestDb } from '../store/testing.ts';
import { documentedAnswer } from './contract.ts';
import { buildWorld, CITY, multipartFile, PDF, X, Y, type World } from './world.ts';

describe('answers match the OpenAPI document', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(await openTestDb('pglite'));
  });
  afterAll(async () => {
    await w?.app.close();
    await w?.db.close();
  });

  async function answer(operationId: string, req: InjectOptions, status = 200): Promise<Record<string, unknown>> {
    const res = await w.app.inject(req);
    expect(res.statusCode, `${operationId}: ${res.body.slice(0, 300)}`).toBe(status);
    const body = res.json();
    const schema = documentedAnswer(operationId);
    expect(schema, `${operationId} has no documented answer`).toBeDefined();
    const parsed = schema!.safeParse(body);
    expect.soft(parsed.error?.issues ?? [], operationId).toEqual([]);
    expect.soft(parsed.data, `${operationId}: the answer has a field the document does not describe`).toEqual(body);
    return body;
  }

  it('overview, comparison, indicators, configuration and sign-in', async () => {
    const { admin, cityAdmin } = w.sessions;
    await answer('login', { method: 'POST', url: '/api/auth/login', payload: { username: 'x-admin', password: 'Test-pass-2024' } });
    await answer('summarizeCommitments', { url: `/api/commitments/summary?region=${X}`, headers: admin });
    await answer('summarizeCommitments', { url: `/api/commitments/summary?region=${CITY}&children=true`, headers: cityAdmin });
    const saved = await answer('saveIndicator', { method: 'PUT', url: '/api/indicators', headers: admin, payload: { regionCode: X, indicator: '地区生产总值', period: '2024-Q1', value: '85.3', unit: '亿元', yoyGrowth: 6.1 } });
    expect(saved).toMatchObject({ version: 1 });
    const ind = multipartFile('ind.csv', 'text/csv', Buffer.from('指标名称,期次,数值,单位,同比增长\n地区生产总值,2024年第2季度,180.1,亿元,5.8%\n'));
    await answer('importIndicators', { method: 'POST', url: `/api/indicators/import?region=${X}`, headers: { ...admin, ...ind.headers }, payload: ind.payload });
    const peers = await answer('listIndicatorPeers', { url: `/api/indicators/peers?region=${X}&indicator=${encodeURIComponent('地区生产总值')}`, headers: admin });
    expect(peers).toMatchObject({ period: '2024-Q2', parent: { code: CITY } });
    await saveIndicator(w.ctx, { actor: SYSTEM, input: { regionCode: Y, indicator: '地区生产总值', period: '2024-Q2', value: '170.4', unit: '亿元', yoyGrowth: 5.2 } });
    const compared = await answer('compareDistricts', { url: `/api/districts/compare?region=${CITY}&year=2024`, headers: cityAdmin });
    expect((compared.indicators as unknown[]).length).toBeGreaterThan(0);
    const projects = multipartFile('p.csv', 'text/csv', Buffer.from('年度,项目名称,牵头单位,总投资,年度计划投资,年度完成投资,阶段\n2024,城东污水处理厂,区人社局,12000,5000,4200,在建\n'));
    await answer('importProjects', { method: 'POST', url: `/api/projects/import?region=${X}`, headers: { ...admin, ...projects.headers }, payload: projects.payload });
    await answer('getConfig', { url: '/api/config', headers: admin });
    await answer('listPublicCommitments', { url: `/api/public/commitments?region=${X}` });
  });

  it('work plan, schedule, evidence, supervision slips, reminders, assessment and notifications', async () => {
    const { admin, reporter } = w.sessions;
    const c = await w.commitment('own', { state: 'assigned' });
    const none = await answer('getWorkPlan', { url: `/api/commitments/${c.id}/work-plan`, headers: reporter });
    expect(none).toEqual({ workPlan: null });
    const workPlan = { responsiblePerson: '张三', contact: '0739-1234567', steps: [{ title: '摸底', startDate: '2024-02-01', endDate: '2024-03-31', responsiblePerson: null }] };
    expect((await w.app.inject({ method: 'POST', url: `/api/commitments/${c.id}/acknowledge`, headers: reporter, payload: { version: c.version, workPlan } })).statusCode).toBe(200);
    const filed = await answer('getWorkPlan', { url: `/api/commitments/${c.id}/work-plan`, headers: reporter });
    expect(filed.workPlan).toMatchObject(workPlan);
    await answer('getSchedule', { url: `/api/commitments/${c.id}/schedule`, headers: reporter });

    const draft = await w.report(w.base.own, 'draft', '2024-06');
    const pdf = multipartFile('佐证.pdf', 'application/pdf', PDF);
    await answer('attachEvidence', { method: 'POST', url: `/api/reports/${draft.id}/evidence`, headers: { ...reporter, ...pdf.headers }, payload: pdf.payload }, 201);

    const run = await answer('runEscalation', { method: 'POST', url: '/api/supervision-slips/run', headers: admin, payload: { region: X } });
    expect((run.opened as unknown[]).length).toBeGreaterThan(0);
    const slips = await answer('listSupervisionSlips', { url: `/api/supervision-slips?region=${X}`, headers: admin });
    const slip = (slips.items as { id: string }[])[0]!;
    await answer('closeSupervisionSlip', { method: 'POST', url: `/api/supervision-slips/${slip.id}/close`, headers: admin, payload: { note: '已电话督促' } });
    await answer('listDueReminders', { url: `/api/reminders?region=${X}`, headers: admin });
    await answer('sendReminders', { method: 'POST', url: '/api/reminders/send', headers: admin, payload: { region: X, dryRun: true } });
    const sent = await answer('sendReminders', { method: 'POST', url: '/api/reminders/send', headers: admin, payload: { region: X } });
    expect((sent.reminders as unknown[]).length).toBeGreaterThan(0);
    const records = await answer('listSentReminders', { url: `/api/reminders/sent?region=${X}`, headers: admin });
    expect((records.items as unknown[]).length).toBeGreaterThan(0);
    const notices = await answer('listNotifications', { url: `/api/notifications?region=${X}`, headers: reporter });
    expect((notices.items as unknown[]).length).toBeGreaterThan(0);
    await answer('assessDepartments', { url: `/api/assessment?region=${X}&period=2024-06`, headers: admin });
  });

  it('work-report import, departments and honours', async () => {
    const { admin } = w.sessions;
    const text = '双清区2024年政府工作报告\n2024年主要预期目标：城镇新增就业3500人以上，地区生产总值增长6%左右。\n';
    const sha256 = createHash('sha256').update(text).digest('hex');
    const body = { region: X, year: 2024, filename: '报告.txt', text, sha256 };
    const first = await answer('importWorkReport', { method: 'POST', url: '/api/work-reports', headers: admin, payload: body }, 201);
    expect((first.drafts as unknown[]).length).toBeGreaterThan(0);
    await answer('importWorkReport', { method: 'POST', url: '/api/work-reports', headers: admin, payload: body }, 200);

    const dept = await answer('createDepartment', { method: 'POST', url: '/api/departments', headers: admin, payload: { region: X, name: '区统计局', shortName: '统计局' } }, 201);
    await answer('updateDepartment', { method: 'PATCH', url: `/api/departments/${dept.id}`, headers: admin, payload: { email: 'tjj@example.gov.cn' } });
    await answer('listDepartments', { url: `/api/regions/${X}/departments`, headers: admin });
    await answer('recordHonour', { method: 'POST', url: '/api/honours', headers: admin, payload: { region: X, year: 2024, title: '全国信访工作示范县区', level: 'national' } }, 201);
    await answer('listHonours', { url: `/api/honours?region=${X}`, headers: admin });
  });

  it('the main reads: session, commitments, reports, plans, projects, indicators, accounts, audit', async () => {
    const { admin, reporter } = w.sessions;
    const r = await w.report(w.base.own, 'submitted', '2024-04');
    await w.evidence(r);
    await answer('getMe', { url: '/api/auth/me', headers: admin });
    await answer('getSession', { url: '/api/auth/session', headers: reporter });
    await answer('getSession', { url: '/api/auth/session' });
    await answer('listRegions', { url: '/api/regions' });
    await answer('getRegion', { url: `/api/regions/${X}`, headers: admin });
    await answer('listPlans', { url: `/api/plans?region=${X}`, headers: admin });
    await answer('listCommitments', { url: `/api/commitments?region=${X}`, headers: admin });
    await answer('getCommitment', { url: `/api/commitments/${w.base.own.id}`, headers: reporter });
    await answer('listReports', { url: `/api/reports?region=${X}`, headers: admin });
    await answer('getReport', { url: `/api/reports/${r.id}`, headers: admin });
    await answer('listProjects', { url: `/api/projects?region=${X}`, headers: admin });
    await answer('listIndicators', { url: `/api/indicators?region=${X}`, headers: admin });
    await answer('listUsers', { url: `/api/users?region=${X}`, headers: admin });
    await answer('listAudit', { url: `/api/audit?region=${X}`, headers: admin });
  });
});
