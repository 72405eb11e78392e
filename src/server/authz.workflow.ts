/**
 * Authorization matrix rows of the workflow routes (lifecycle, supervision, economy), joined into
 * MATRIX in authz.matrix.ts. Lifecycle moves follow the state machine's roles (domain/lifecycle.ts):
 * the office assigns, closes and decides; leaders read and record instructions; the lead
 * department's reporter acknowledges, asks to close and files change requests. A city reads its
 * districts but acts in none of them.
 */
import { randomUUID } from 'node:crypto';
import { insertChangeRequest } from '../store/changeRequests.ts';
import { multipartFile, type TargetName, type World } from './world.ts';
import { DEPARTMENT_EMAIL, ENTITY_READ, REGION_READ, grid, json, officeWrite, type MatrixRow } from './authz.matrix.ts';

const all = (s: number): [number, number, number] => [s, s, s];
/** The office or a leader of the district (state machine roles admin, leader). */
const officeOrLeader = (ok: number) => grid({ admin: [ok, ok, 404], leader: [ok, ok, 404], reporter: [403, 404, 404], rest: all(403) });
/** The office of the district only. */
const officeOnly = (ok: number) => grid({ admin: [ok, ok, 404], leader: [403, 403, 404], reporter: [403, 404, 404], rest: all(403) });
/** The lead department's reporter. */
const leadReporter = (ok: number) => grid({ reporter: [ok, 404, 404], admin: [403, 403, 404], leader: [403, 403, 404], rest: all(403) });
/** The office or the lead department. */
const officeOrLead = (ok: number) => grid({ admin: [ok, ok, 404], leader: [403, 403, 404], reporter: [ok, 404, 404], rest: all(403) });
/** Region-wide office actions and lists (the region is public, so outsiders get 403). */
const officeRegion = (ok: number) => grid({ admin: [ok, ok, 403], rest: all(403) });

let n = 0;
const unique = () => ++n;
const draft = (w: World, t: TargetName) => w.commitment(t, { state: 'draft', source: { documentId: randomUUID(), start: 0, end: 4, sentence: '新增就业', heading: null } });
const pendingChange = async (w: World, t: TargetName) => {
  const c = await w.commitment(t);
  return insertChangeRequest(w.db, { id: randomUUID(), regionCode: c.regionCode, commitmentId: c.id, kind: 'extend', changes: { deadline: '2025-06-30' }, reason: '征地延后', requestedBy: null });
};

export const WORKFLOW_MATRIX: MatrixRow[] = [
  // lifecycle
  { route: 'POST /api/commitments/:id/assign', request: async (w, t) => { const c = await w.commitment(t, { state: 'draft' }); return json('POST', `/api/commitments/${c.id}/assign`, { version: c.version }); }, expect: officeOnly(200) },
  { route: 'POST /api/commitments/assign', request: async (w, t) => { const c = await w.commitment(t, { state: 'draft' }); return json('POST', '/api/commitments/assign', { items: [{ id: c.id, version: c.version }] }); }, expect: officeOnly(200) },
  {
    route: 'POST /api/commitments/:id/acknowledge',
    request: async (w, t) => {
      const c = await w.commitment(t, { state: 'assigned' });
      return json('POST', `/api/commitments/${c.id}/acknowledge`, { version: c.version, workPlan: { responsiblePerson: '张科长', steps: [{ title: '制定方案', startDate: '2024-02-01', endDate: '2024-02-28' }] } });
    },
    expect: leadReporter(200),
  },
  { route: 'GET /api/commitments/:id/work-plan', request: async (w, t) => json('GET', `/api/commitments/${(await w.commitment(t)).id}/work-plan`), expect: ENTITY_READ },
  {
    route: 'POST /api/commitments/:id/request-close',
    request: async (w, t) => {
      const c = await w.commitment(t);
      const ev = await w.evidence(await w.report(c, 'accepted'));
      return json('POST', `/api/commitments/${c.id}/request-close`, { version: c.version, summary: '已完成', evidenceIds: [ev] });
    },
    expect: leadReporter(200),
  },
  { route: 'POST /api/commitments/:id/transitions/:action', request: async (w, t) => { const c = await w.commitment(t, { state: 'closeRequested' }); return json('POST', `/api/commitments/${c.id}/transitions/close`, { version: c.version }); }, expect: officeOnly(200) },
  { route: 'POST /api/commitments/:id/change-requests', request: async (w, t) => json('POST', `/api/commitments/${(await w.commitment(t)).id}/change-requests`, { kind: 'extend', changes: { deadline: '2025-06-30' }, reason: '征地延后' }), expect: officeOrLead(201) },
  { route: 'GET /api/commitments/:id/change-requests', request: async (w, t) => json('GET', `/api/commitments/${(await w.commitment(t)).id}/change-requests`), expect: ENTITY_READ },
  { route: 'GET /api/change-requests', request: (w, t) => json('GET', `/api/change-requests?region=${w.regionOf(t)}`), expect: officeRegion(200) },
  { route: 'POST /api/change-requests/:id/decision', request: async (w, t) => { const cr = await pendingChange(w, t); return json('POST', `/api/change-requests/${cr.id}/decision`, { decision: 'approve', version: cr.version }); }, expect: officeOnly(200) },
  { route: 'POST /api/commitments/:id/publish', request: async (w, t) => { const c = await w.commitment(t); return json('POST', `/api/commitments/${c.id}/publish`, { version: c.version, published: true }); }, expect: officeWrite(200) },
  { route: 'GET /api/close-requests', request: (w, t) => json('GET', `/api/close-requests?region=${w.regionOf(t)}&state=pending`), expect: REGION_READ },
  { route: 'GET /api/drafts', request: (w, t) => json('GET', `/api/drafts?region=${w.regionOf(t)}`), expect: officeRegion(200) },
  { route: 'POST /api/commitments/:id/confirm', request: async (w, t) => { const c = await draft(w, t); return json('POST', `/api/commitments/${c.id}/confirm`, { version: c.version }); }, expect: officeWrite(200) },
  { route: 'POST /api/commitments/:id/discard', request: async (w, t) => { const c = await draft(w, t); return json('POST', `/api/commitments/${c.id}/discard`, { version: c.version }); }, expect: officeWrite(204) },
  { route: 'POST /api/commitments/:id/subtasks', request: async (w, t) => { const c = await w.commitment(t); return json('POST', `/api/commitments/${c.id}/subtasks`, { version: c.version, subtasks: [{ title: '子任务' }] }); }, expect: officeWrite(201) },
  { route: 'PUT /api/commitments/:id/milestones', request: async (w, t) => { const c = await w.commitment(t); return json('PUT', `/api/commitments/${c.id}/milestones`, { version: c.version, template: 'generic' }); }, expect: officeOrLead(200) },
  { route: 'GET /api/commitments/:id/schedule', request: async (w, t) => json('GET', `/api/commitments/${(await w.commitment(t)).id}/schedule`), expect: ENTITY_READ },

  // supervision
  { route: 'POST /api/commitments/:id/instructions', request: async (w, t) => json('POST', `/api/commitments/${(await w.commitment(t)).id}/instructions`, { leaderName: '王区长', text: '抓紧推进' }), expect: officeOrLeader(201) },
  { route: 'GET /api/commitments/:id/instructions', request: async (w, t) => json('GET', `/api/commitments/${(await w.commitment(t)).id}/instructions`), expect: ENTITY_READ },
  {
    route: 'POST /api/instructions/:id/replies',
    request: async (w, t) => {
      const c = await w.commitment(t);
      const id = randomUUID();
      await w.db.query('insert into instruction (id, region_code, commitment_id, leader_name, text, issued_on) values ($1, $2, $3, $4, $5, $6)', [id, c.regionCode, c.id, '王区长', '抓紧推进', '2024-07-01']);
      return json('POST', `/api/instructions/${id}/replies`, { text: '已部署' });
    },
    expect: officeOrLead(201),
  },
  { route: 'GET /api/instructions', request: (w, t) => json('GET', `/api/instructions?region=${w.regionOf(t)}&awaitingReply=true`), expect: REGION_READ },
  { route: 'GET /api/notifications', request: (w, t) => json('GET', `/api/notifications?region=${w.regionOf(t)}`), expect: REGION_READ },
  { route: 'GET /api/period-locks', request: (w, t) => json('GET', `/api/period-locks?region=${w.regionOf(t)}`), expect: REGION_READ },
  { route: 'POST /api/period-locks', request: (w, t) => json('POST', '/api/period-locks', { region: w.regionOf(t), period: `${1990 + unique()}-01` }), expect: officeRegion(201) },
  {
    route: 'POST /api/period-locks/unlock',
    request: async (w, t) => {
      const period = `${1900 + unique()}-02`;
      await w.db.query('insert into period_lock (region_code, period) values ($1, $2)', [w.regionOf(t), period]);
      return json('POST', '/api/period-locks/unlock', { region: w.regionOf(t), period, reason: '更正数据' });
    },
    expect: officeRegion(204),
  },
  { route: 'GET /api/supervision-slips', request: (w, t) => json('GET', `/api/supervision-slips?region=${w.regionOf(t)}`), expect: REGION_READ },
  {
    route: 'GET /api/supervision-slips/:id/notice',
    request: async (w, t) => {
      const c = await w.commitment(t);
      const id = randomUUID();
      await w.db.query(`insert into supervision_slip (id, region_code, commitment_id, department_id, level, period, reason, opened_on) values ($1, $2, $3, $4, 'yellow', null, '进度滞后', '2024-06-10')`, [id, c.regionCode, c.id, c.leadDepartmentId]);
      return json('GET', `/api/supervision-slips/${id}/notice?format=html`);
    },
    expect: ENTITY_READ,
  },
  {
    route: 'POST /api/supervision-slips/:id/close',
    request: async (w, t) => {
      const c = await w.commitment(t);
      const id = randomUUID();
      await w.db.query(`insert into supervision_slip (id, region_code, commitment_id, department_id, level, period, reason, opened_on) values ($1, $2, $3, $4, 'yellow', null, '进度滞后', '2024-06-10')`, [id, c.regionCode, c.id, c.leadDepartmentId]);
      return json('POST', `/api/supervision-slips/${id}/close`, { note: '已约谈，整改到位' });
    },
    expect: officeWrite(200),
  },
  { route: 'POST /api/departments', request: (w, t) => json('POST', '/api/departments', { region: w.regionOf(t), name: `新设单位${unique()}`, email: 'office@example.gov.cn' }), expect: officeRegion(201) },
  {
    route: 'PATCH /api/departments/:id',
    request: async (w, t) => {
      const id = randomUUID();
      await w.db.query('insert into department (id, region_code, name) values ($1, $2, $3)', [id, w.regionOf(t), `待改单位${unique()}`]);
      return json('PATCH', `/api/departments/${id}`, { email: 'duban@example.gov.cn' });
    },
    expect: grid({ admin: [200, 200, 404], leader: [403, 403, 404], reporter: [403, 403, 404], rest: all(403) }),
  },
  { route: 'GET /api/config', request: () => json('GET', '/api/config'), expect: grid({ rest: all(200) }) },
  { route: 'POST /api/supervision-slips/run', request: (w, t) => json('POST', '/api/supervision-slips/run', { region: w.regionOf(t) }), expect: officeRegion(200) },
  // the due list names each department's e-mail to those who may see it (its office; a reporter its own)
  { route: 'GET /api/reminders', request: (w, t) => json('GET', `/api/reminders?region=${w.regionOf(t)}`), expect: REGION_READ, secret: DEPARTMENT_EMAIL },
  { route: 'GET /api/reminders/sent', request: (w, t) => json('GET', `/api/reminders/sent?region=${w.regionOf(t)}`), expect: officeRegion(200) },
  { route: 'POST /api/reminders/send', request: (w, t) => json('POST', '/api/reminders/send', { region: w.regionOf(t), dryRun: true }), expect: officeRegion(200) },
  { route: 'GET /api/assessment', request: (w, t) => json('GET', `/api/assessment?region=${w.regionOf(t)}&period=2024-06`), expect: grid({ admin: [200, 200, 403], leader: [200, 200, 403], cityAdmin: all(200), cityLeader: all(200), rest: all(403) }) },

  // economy
  { route: 'POST /api/projects', request: (w, t) => json('POST', '/api/projects', { regionCode: w.regionOf(t), year: 2024, name: `项目${unique()}`, totalInvestment: '100' }), expect: officeRegion(201) },
  {
    route: 'PATCH /api/projects/:id',
    request: async (w, t) => {
      const id = randomUUID();
      await w.db.query(`insert into project (id, region_code, year, name, stage) values ($1, $2, 2024, $3, 'planning')`, [id, w.regionOf(t), `项目${unique()}`]);
      return json('PATCH', `/api/projects/${id}`, { version: 1, stage: 'signed' });
    },
    expect: grid({ admin: [200, 200, 404], leader: [403, 403, 404], reporter: [403, 403, 404], cityAdmin: all(403), cityLeader: all(403), rest: all(403) }),
  },
  { route: 'PUT /api/indicators', request: (w, t) => json('PUT', '/api/indicators', { regionCode: w.regionOf(t), indicator: `指标${unique()}`, period: '2024-06', value: '1', unit: '亿元' }), expect: officeRegion(200) },
  {
    route: 'POST /api/projects/import',
    request: (w, t) => ({ method: 'POST', url: `/api/projects/import?region=${w.regionOf(t)}`, ...multipartFile('p.csv', 'text/csv', Buffer.from(`年度,项目名称\n2024,导入项目${unique()}\n`)) }),
    expect: officeRegion(200),
  },
  {
    route: 'POST /api/indicators/import',
    request: (w, t) => ({ method: 'POST', url: `/api/indicators/import?region=${w.regionOf(t)}`, ...multipartFile('i.csv', 'text/csv', Buffer.from(`指标名称,期次,数值,单位\n导入指标${unique()},2024-06,1,亿元\n`)) }),
    expect: officeRegion(200),
  },
];
