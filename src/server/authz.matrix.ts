/**
 * The authorization matrix: every API route × every role × own/other department × own/other
 * region, with the status each must get. `authz.test.ts` walks it and fails for any route in the
 * OpenAPI document that has no row here — add a row with each new route.
 *
 * Columns are the targets [own, otherDept, otherRegion] (see world.ts): own is the reporter's
 * department X1 in district X; otherDept is X2 in X; otherRegion is Y1 in district Y. The city's
 * office and leader read both districts read-only. 404 where existence itself is private.
 */
import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { exportTaskSheet } from '../app/taskSheets/exportTaskSheet.ts';
import { SYSTEM } from '../app/policies/principal.ts';
import { createWebhook, testWebhook } from '../app/webhooks/webhooks.ts';
import { recordHonour } from '../app/honours/recordHonour.ts';
import { PDF, multipartFile, type ActorName, type TargetName, type World } from './world.ts';

type Three = [own: number, otherDept: number, otherRegion: number];
export interface MatrixRow {
  /** `METHOD /api/path/:param`, as the route is registered */
  route: string;
  /** the request against fresh data of the target (called once per cell) */
  request(w: World, t: TargetName): Promise<InjectOptions> | InjectOptions;
  expect: Record<ActorName, Three>;
  /** sign in anew for each cell (the request ends the session) */
  freshSession?: boolean;
  /**
   * A private value of the target, set afresh before each cell, that a 2xx answer carries for exactly
   * the cells marked true (a route open to all that shows some of its fields to a few).
   */
  secret?: { what: string; set(w: World, t: TargetName): Promise<string>; shownTo: Record<ActorName, [own: boolean, otherDept: boolean, otherRegion: boolean]> };
}

const all = (s: number): Three => [s, s, s];
export const grid = (g: Partial<Record<ActorName, Three>> & { rest: Three }): Record<ActorName, Three> => ({
  admin: g.admin ?? g.rest, leader: g.leader ?? g.rest, reporter: g.reporter ?? g.rest,
  cityAdmin: g.cityAdmin ?? g.rest, cityLeader: g.cityLeader ?? g.rest, public: g.public ?? all(401),
});

/** Anyone, signed in or not. */
export const OPEN = grid({ rest: all(200), public: all(200) });
/** A list of one region: its own region (a city: its districts too); 403 outside, 401 for the public. */
export const REGION_READ = grid({ rest: [200, 200, 403], cityAdmin: all(200), cityLeader: all(200) });
/** One internal thing: readers of its commitment; 404 for those who may not know it exists. */
export const ENTITY_READ = grid({ rest: [200, 200, 404], reporter: [200, 404, 404], cityAdmin: all(200), cityLeader: all(200) });
/** The district office writes (`ok`); others who can see it get 403, who cannot 404. */
export const officeWrite = (ok: number) => grid({ admin: [ok, ok, 404], leader: [403, 403, 404], reporter: [403, 404, 404], rest: all(403) });
/** The department's reporter writes its own reports (`ok`). */
export const reporterWrite = (ok: number) => grid({ reporter: [ok, 404, 404], admin: [403, 403, 404], leader: [403, 403, 404], rest: all(403) });
/** Generated documents of a region: its office and leaders, and the city's (read-only). */
export const DOCUMENT_READ = grid({ admin: [200, 200, 404], leader: [200, 200, 404], reporter: [403, 403, 404], cityAdmin: all(200), cityLeader: all(200), rest: all(403) });
/** 兑现核验 of a region: its office and leaders, and the city's; not a department's reporter. */
export const PROMISE_READ = grid({ admin: [200, 200, 403], leader: [200, 200, 403], reporter: all(403), cityAdmin: all(200), cityLeader: all(200), rest: all(403) });
/** Configuration of a region that only its office reads and writes (`ok`); everyone else 403, other regions' office too. */
export const regionOffice = (ok: number) => grid({ admin: [ok, ok, 403], rest: all(403) });
/** A fresh webhook of the target's region. */
const webhookOf = async (w: World, t: TargetName) =>
  (await createWebhook(w.ctx, { actor: SYSTEM, input: { region: w.regionOf(t), url: 'http://127.0.0.1:9/hook', events: [], description: '' } })).id;
/** A fresh honour of the target's region. */
const honourOf = async (w: World, t: TargetName) =>
  (await recordHonour(w.ctx, { actor: SYSTEM, input: { region: w.regionOf(t), year: 2024, title: `荣誉${randomBytes(4).toString('hex')}`, level: 'provincial' } })).id;
/**
 * A department's 催办邮箱 (policies/departments.ts): its region's office sees every department's, a
 * reporter its own department's; leaders, the city, other regions and the public see names only.
 */
export const DEPARTMENT_EMAIL: NonNullable<MatrixRow['secret']> = {
  what: 'the department’s e-mail',
  async set(w, t) {
    const email = `dept-${randomBytes(4).toString('hex')}@example.gov.cn`;
    await w.db.query('update department set email = $1 where id = $2', [email, w.deptOf(t)]);
    return email;
  },
  shownTo: { admin: [true, true, false], leader: [false, false, false], reporter: [true, false, false], cityAdmin: [false, false, false], cityLeader: [false, false, false], public: [false, false, false] },
};
/** Any signed-in user acting on its own account. */
export const SELF = (ok: number) => grid({ rest: all(ok) });

export const json = (method: InjectOptions['method'], url: string, payload?: object): InjectOptions => ({ method, url, ...(payload ? { payload } : {}) });

export const MATRIX: MatrixRow[] = [
  // regions and departments are public facts; a department's e-mail is not
  { route: 'GET /api/regions', request: () => json('GET', '/api/regions'), expect: OPEN },
  { route: 'GET /api/regions/:code', request: (w, t) => json('GET', `/api/regions/${w.regionOf(t)}`), expect: OPEN, secret: DEPARTMENT_EMAIL },
  { route: 'GET /api/regions/:code/departments', request: (w, t) => json('GET', `/api/regions/${w.regionOf(t)}/departments`), expect: OPEN, secret: DEPARTMENT_EMAIL },
  { route: 'GET /api/public/commitments', request: (w, t) => json('GET', `/api/public/commitments?region=${w.regionOf(t)}`), expect: OPEN },

  // region lists
  { route: 'GET /api/plans', request: (w, t) => json('GET', `/api/plans?region=${w.regionOf(t)}`), expect: REGION_READ },
  { route: 'GET /api/facts', request: (w, t) => json('GET', `/api/facts?region=${w.regionOf(t)}`), expect: REGION_READ },
  { route: 'GET /api/commitments', request: (w, t) => json('GET', `/api/commitments?region=${w.regionOf(t)}`), expect: REGION_READ },
  { route: 'GET /api/commitments/summary', request: (w, t) => json('GET', `/api/commitments/summary?region=${w.regionOf(t)}`), expect: REGION_READ },
  { route: 'GET /api/projects', request: (w, t) => json('GET', `/api/projects?region=${w.regionOf(t)}`), expect: REGION_READ },
  { route: 'GET /api/indicators', request: (w, t) => json('GET', `/api/indicators?region=${w.regionOf(t)}`), expect: REGION_READ },
  // peers' published figures for one indicator: anyone who reads the region
  { route: 'GET /api/indicators/peers', request: (w, t) => json('GET', `/api/indicators/peers?region=${w.regionOf(t)}&indicator=${encodeURIComponent('地区生产总值')}`), expect: REGION_READ },
  { route: 'GET /api/reports', request: (w, t) => json('GET', `/api/reports?region=${w.regionOf(t)}`), expect: REGION_READ },

  // commitments
  { route: 'GET /api/commitments/:id', request: async (w, t) => json('GET', `/api/commitments/${(await w.commitment(t)).id}`), expect: ENTITY_READ },
  {
    route: 'POST /api/commitments',
    request: (w, t) => json('POST', '/api/commitments', { planId: w.planOf(t), title: '新增任务', targetValue: '10', unit: '个', comparator: 'gte', startDate: '2024-01-01', deadline: '2024-12-31' }),
    expect: grid({ admin: [201, 201, 404], leader: [403, 403, 404], reporter: [403, 403, 404], rest: all(403) }),
  },
  {
    // 导入政府工作报告 (the web app's import page): a region's office, like creating a commitment
    route: 'POST /api/work-reports',
    request: (w, t) => {
      const sha256 = randomBytes(32).toString('hex'); // a new file each time: a repeat would answer 200
      return json('POST', '/api/work-reports', { region: w.regionOf(t), year: 2024, filename: `报告-${sha256.slice(0, 6)}.txt`, text: '2024年，全年城镇新增就业5000人以上。', sha256 });
    },
    expect: grid({ admin: [201, 201, 404], leader: [403, 403, 404], reporter: [403, 403, 404], rest: all(403) }),
  },
  {
    route: 'PATCH /api/commitments/:id',
    request: async (w, t) => {
      const c = await w.commitment(t);
      return json('PATCH', `/api/commitments/${c.id}`, { version: c.version, responsibleLeader: '副区长' });
    },
    expect: officeWrite(200),
  },

  // progress reports
  { route: 'POST /api/commitments/:id/reports', request: async (w, t) => json('POST', `/api/commitments/${(await w.commitment(t)).id}/reports`, { period: '2024-06', cumulativeValue: '600', narrative: '已完成' }), expect: reporterWrite(201) },
  { route: 'GET /api/reports/:id', request: async (w, t) => json('GET', `/api/reports/${(await w.report(await w.commitment(t), 'submitted')).id}`), expect: ENTITY_READ },
  {
    route: 'PATCH /api/reports/:id',
    request: async (w, t) => {
      const r = await w.report(await w.commitment(t), 'draft');
      return json('PATCH', `/api/reports/${r.id}`, { version: r.version, narrative: '补充说明', submit: true });
    },
    expect: reporterWrite(200),
  },
  {
    route: 'POST /api/reports/:id/review',
    request: async (w, t) => {
      const r = await w.report(await w.commitment(t), 'submitted');
      return json('POST', `/api/reports/${r.id}/review`, { version: r.version, decision: 'accept' });
    },
    expect: officeWrite(200),
  },
  {
    route: 'POST /api/reports/:id/evidence',
    request: async (w, t) => {
      const r = await w.report(await w.commitment(t), 'draft');
      return { method: 'POST', url: `/api/reports/${r.id}/evidence`, ...multipartFile('台账.pdf', 'application/pdf', PDF) };
    },
    expect: reporterWrite(201),
  },
  { route: 'DELETE /api/evidence/:id', request: async (w, t) => json('DELETE', `/api/evidence/${await w.evidence(await w.report(await w.commitment(t), 'draft'))}`), expect: reporterWrite(204) },
  { route: 'GET /api/evidence/:id', request: async (w, t) => json('GET', `/api/evidence/${await w.evidence(await w.report(await w.commitment(t), 'submitted'))}`), expect: ENTITY_READ },

  // audit trail: offices only
  {
    route: 'GET /api/audit',
    request: async (w, t) => json('GET', `/api/audit?entity=commitment&entityId=${(await w.commitment(t)).id}`),
    expect: grid({ admin: [200, 200, 404], cityAdmin: all(200), rest: all(403) }),
  },

  // accounts
  // a new unknown username per cell: repeated failures of one name from one address are slowed down (429), see auth tests
  { route: 'POST /api/auth/login', request: () => json('POST', '/api/auth/login', { username: `nobody-${randomBytes(4).toString('hex')}`, password: 'not-the-password-1' }), expect: grid({ rest: all(401) }) },
  // the server's scheduled jobs: the district office only
  { route: 'GET /api/jobs', request: (w, t) => json('GET', `/api/jobs?region=${w.regionOf(t)}`), expect: regionOffice(200) },

  // integrations: webhooks and the departments' group robots, configured by the district office
  { route: 'GET /api/webhooks', request: (w, t) => json('GET', `/api/webhooks?region=${w.regionOf(t)}`), expect: regionOffice(200) },
  { route: 'POST /api/webhooks', request: (w, t) => json('POST', '/api/webhooks', { region: w.regionOf(t), url: 'http://127.0.0.1:9/hook' }), expect: regionOffice(201) },
  { route: 'DELETE /api/webhooks/:id', request: async (w, t) => json('DELETE', `/api/webhooks/${await webhookOf(w, t)}`), expect: regionOffice(204) },
  { route: 'PATCH /api/webhooks/:id', request: async (w, t) => json('PATCH', `/api/webhooks/${await webhookOf(w, t)}`, { version: 1, active: false }), expect: regionOffice(200) },
  { route: 'POST /api/webhooks/:id/test', request: async (w, t) => json('POST', `/api/webhooks/${await webhookOf(w, t)}/test`), expect: regionOffice(200) },
  {
    route: 'POST /api/webhooks/:id/deliveries/:deliveryId/retry',
    request: async (w, t) => {
      const id = await webhookOf(w, t);
      const d = await testWebhook(w.ctx, { actor: SYSTEM, id, timeoutMs: 2000 });
      return json('POST', `/api/webhooks/${id}/deliveries/${d.id}/retry`);
    },
    expect: regionOffice(200),
  },
  // 荣誉: read with the region, recorded and removed by its office
  { route: 'GET /api/honours', request: (w, t) => json('GET', `/api/honours?region=${w.regionOf(t)}`), expect: REGION_READ },
  { route: 'POST /api/honours', request: (w, t) => json('POST', '/api/honours', { region: w.regionOf(t), year: 2024, title: `荣誉${randomBytes(4).toString('hex')}`, level: 'city' }), expect: regionOffice(201) },
  { route: 'DELETE /api/honours/:id', request: async (w, t) => json('DELETE', `/api/honours/${await honourOf(w, t)}`), expect: grid({ admin: [204, 204, 404], leader: [403, 403, 404], reporter: [403, 403, 404], rest: all(403) }) },
  { route: 'GET /api/webhooks/:id/deliveries', request: async (w, t) => json('GET', `/api/webhooks/${await webhookOf(w, t)}/deliveries`), expect: regionOffice(200) },
  { route: 'POST /api/webhooks/dispatch', request: (w, t) => json('POST', '/api/webhooks/dispatch', { region: w.regionOf(t) }), expect: regionOffice(200) },
  { route: 'GET /api/departments/:id/robots', request: (w, t) => json('GET', `/api/departments/${w.deptOf(t)}/robots`), expect: regionOffice(200) },
  { route: 'POST /api/departments/:id/robots/test', request: (w, t) => json('POST', `/api/departments/${w.deptOf(t)}/robots/test`), expect: regionOffice(200) },
  { route: 'GET /api/robots', request: (w, t) => json('GET', `/api/robots?region=${w.regionOf(t)}`), expect: regionOffice(200) },
  { route: 'PUT /api/departments/:id/robots', request: (w, t) => json('PUT', `/api/departments/${w.deptOf(t)}/robots`, { dingtalk: null, wecom: { url: 'http://127.0.0.1:9/robot' } }), expect: regionOffice(200) },
  { route: 'POST /api/auth/logout', request: () => json('POST', '/api/auth/logout'), expect: grid({ rest: all(204), public: all(204) }), freshSession: true },
  { route: 'GET /api/auth/me', request: () => json('GET', '/api/auth/me'), expect: SELF(200) },
  { route: 'GET /api/districts/compare', request: (w, t) => json('GET', `/api/districts/compare?region=${w.regionOf(t)}&year=2024`), expect: REGION_READ },
  // the 汇总总览 of a region: its office and leaders and the city's; never a department
  { route: 'GET /api/overview', request: (w, t) => json('GET', `/api/overview?region=${w.regionOf(t)}&year=2024`), expect: PROMISE_READ },
  { route: 'GET /api/auth/session', request: () => json('GET', '/api/auth/session'), expect: OPEN },
  { route: 'POST /api/auth/password', request: () => json('POST', '/api/auth/password', { currentPassword: 'wrong-password-1', newPassword: 'Another-pass-1' }), expect: SELF(400) },
  {
    route: 'POST /api/users',
    request: (w, t) => json('POST', '/api/users', { username: `n-${Math.random().toString(36).slice(2, 10)}`, displayName: '新人', role: 'reporter', regionCode: w.regionOf(t), departmentId: w.deptOf(t) }),
    expect: grid({ admin: [201, 201, 403], rest: all(403) }),
  },
  { route: 'GET /api/users', request: (w, t) => json('GET', `/api/users?region=${w.regionOf(t)}`), expect: grid({ admin: [200, 200, 403], cityAdmin: all(200), rest: all(403) }) },
  {
    route: 'POST /api/users/:id/reset-password',
    request: async (w, t) => json('POST', `/api/users/${await w.user(t)}/reset-password`),
    expect: grid({ admin: [200, 200, 404], cityAdmin: all(403), rest: all(404) }),
  },
  {
    route: 'PATCH /api/users/:id',
    request: async (w, t) => json('PATCH', `/api/users/${await w.user(t)}`, { active: false, version: 1 }),
    expect: grid({ admin: [200, 200, 404], cityAdmin: all(403), rest: all(404) }),
  },
  { route: 'GET /api/tokens', request: () => json('GET', '/api/tokens'), expect: SELF(200) },
  { route: 'POST /api/tokens', request: () => json('POST', '/api/tokens', { name: '对接系统' }), expect: SELF(201) },
  { route: 'DELETE /api/tokens/:id', request: async (w, t) => json('DELETE', `/api/tokens/${await w.token(t)}`), expect: grid({ admin: [200, 200, 404], rest: all(404) }) },

  // 兑现核验: the office and leaders of the region (a city reads its districts); the office confirms; the public sees confirmed, published rows
  { route: 'GET /api/promise-checks', request: (w, t) => json('GET', `/api/promise-checks?region=${w.regionOf(t)}&year=2024`), expect: PROMISE_READ },
  { route: 'GET /api/promise-checks/document', request: (w, t) => json('GET', `/api/promise-checks/document?region=${w.regionOf(t)}&year=2024&format=xlsx`), expect: PROMISE_READ },
  { route: 'PUT /api/promise-checks/:commitmentId', request: async (w, t) => json('PUT', `/api/promise-checks/${(await w.commitment(t)).id}`, { status: 'kept', version: 0 }), expect: officeWrite(200) },
  { route: 'GET /api/public/promise-checks', request: (w, t) => json('GET', `/api/public/promise-checks?region=${w.regionOf(t)}&year=2024`), expect: OPEN },

  // generated documents and task sheets (督查通报, 工作纪实, 任务填报表)
  { route: 'GET /api/reports/bulletin', request: (w, t) => json('GET', `/api/reports/bulletin?region=${w.regionOf(t)}&period=2024-06&format=md`), expect: DOCUMENT_READ },
  { route: 'GET /api/reports/summary', request: (w, t) => json('GET', `/api/reports/summary?region=${w.regionOf(t)}&year=2024&format=md`), expect: DOCUMENT_READ },
  {
    route: 'GET /api/tasksheets/export',
    request: (w, t) => json('GET', `/api/tasksheets/export?region=${w.regionOf(t)}&department=${w.deptOf(t)}&period=2024-06`),
    // the department itself, the district's office and leaders, and the city (read-only)
    expect: grid({ admin: [200, 200, 404], leader: [200, 200, 404], reporter: [200, 403, 404], cityAdmin: all(200), cityLeader: all(200) , rest: all(403) }),
  },
  {
    route: 'POST /api/tasksheets/import',
    request: async (w, t) => {
      await w.commitment(t);
      const { file } = await exportTaskSheet(w.ctx, { actor: SYSTEM, regionCode: w.regionOf(t), department: w.deptOf(t), period: '2024-06' });
      return { method: 'POST', url: '/api/tasksheets/import', ...multipartFile('填报表.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', file) };
    },
    // the department's reporter, or the district's office on its behalf
    expect: grid({ admin: [200, 200, 404], leader: [403, 403, 404], reporter: [200, 403, 404], rest: all(403) }),
  },
];

/** Base commitments each actor may see in any answer; any other base id in a 2xx body is a leak. */
export const VISIBLE_BASE: Record<ActorName, TargetName[]> = {
  admin: ['own', 'otherDept'],
  leader: ['own', 'otherDept'],
  reporter: ['own'],
  cityAdmin: ['own', 'otherDept', 'otherRegion'],
  cityLeader: ['own', 'otherDept', 'otherRegion'],
  public: ['own'], // the only published one
};
