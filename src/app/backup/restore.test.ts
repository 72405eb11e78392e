/**
 * `duban restore` checks every row of a backup with the API's rules before writing any (issue #11
 * item 14): an edited value in any table is refused with table, row and column named, and the
 * target database stays empty; a reporter turned admin is refused although the hash chain holds.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../context.ts';
import { buildWorld } from '../workflow/testWorld.ts';
import { makeUser } from '../../server/testing.ts';
import { exportBackup, NOT_BACKED_UP, type Backup } from '../../store/backup.ts';
import type { Db } from '../../store/db.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import { BACKUP_ROW_SCHEMAS, backupRowProblems } from './backupRows.ts';
import { restoreCheckedBackup } from './restoreCheckedBackup.ts';

const AT = '2024-07-01T08:00:00.000Z';
const HASH = 'a'.repeat(64);
type Row = Record<string, unknown>;

/** A valid row for each table the small world leaves empty (ids need not exist: rows are checked before any insert). */
function sampleRow(table: string, w: { region: string; dept: string; user: string; commitment: string }): Row | undefined {
  const id = randomUUID();
  const own = { region_code: w.region };
  const samples: Record<string, Row> = {
    user_session: { id, ...own, user_id: w.user, token_hash: HASH, csrf_token: 'csrf', client_address: '127.0.0.1', created_at: AT, last_seen_at: AT, expires_at: AT },
    api_token: { id, ...own, user_id: w.user, name: '统计系统', token_hash: HASH, created_at: AT, last_used_at: null, revoked_at: null },
    idempotency_key: { ...own, user_id: w.user, key: 'k1', request_hash: HASH, response: { status: 201 }, created_at: AT },
    login_failure: { ...own, kind: 'login', key_hash: HASH, failures: 5, last_failed_at: AT },
    work_report: { id, ...own, plan_id: null, filename: '报告.txt', sha256: HASH, text: '全年新增就业3500人。', created_at: AT },
    progress_report_history: { id: 1, ...own, report_id: randomUUID(), version: 1, snapshot: { state: 'draft' }, replaced_by: null, replaced_at: AT },
    progress_report: {
      id, ...own, commitment_id: w.commitment, department_id: w.dept, period: '2024-06', cumulative_value: '1200', milestones_done: [], narrative: '', state: 'submitted',
      submitted_by: w.user, submitted_at: AT, reviewer_id: null, review_comment: null, reviewed_at: null, idempotency_key: null, version: 1, created_at: AT, updated_at: AT,
    },
    evidence: { id, ...own, report_id: randomUUID(), filename: '台账.csv', content_type: 'text/csv', size: 3, sha256: HASH, data: { $base64: 'YWJj' }, created_at: AT },
    project: { id, ...own, year: 2024, name: '城南污水处理厂', lead_department_id: null, total_investment: '1000', planned_investment_year: '500', completed_investment_year: '0', stage: 'building', stage_dates: { building: '2024-03-01' }, version: 1 },
    indicator_value: { id, ...own, indicator: '地区生产总值', period: '2024-06', period_type: 'month', cumulative: true, value: '221.5', unit: '亿元', yoy_growth: 5.2, version: 1 },
    recorded_fact: { id, ...own, year: 2023, subject: '新增城镇就业', value: '3500', unit: '人', qualifier: null, source: null },
    work_plan: { commitment_id: w.commitment, ...own, department_id: w.dept, responsible_person: '张三', contact: null, steps: [{ title: '制定方案', startDate: '2024-01-01', endDate: '2024-02-01', responsiblePerson: null }], filed_by: w.user, filed_at: AT },
    close_request: { id, ...own, commitment_id: w.commitment, summary: '已完成', evidence_ids: [], state: 'pending', requested_by: w.user, requested_at: AT, decided_by: null, decided_at: null, decision_comment: null },
    change_request: { id, ...own, commitment_id: w.commitment, kind: 'extend', changes: { deadline: '2025-06-30' }, reason: '汛期停工', state: 'pending', requested_by: w.user, requested_at: AT, decided_by: null, decided_at: null, decision_comment: null, version: 1 },
    instruction: { id, ...own, commitment_id: w.commitment, leader_name: '区长', text: '请加快进度', issued_on: '2024-07-01', created_by: w.user, created_at: AT },
    instruction_reply: { id, ...own, instruction_id: randomUUID(), department_id: w.dept, text: '已部署', created_by: w.user, created_at: AT },
    notification: { id, ...own, department_id: w.dept, kind: 'slip.yellow', entity: 'supervisionSlip', entity_id: randomUUID(), message: '黄色督办单', created_at: AT, read_at: null },
    period_lock: { ...own, period: '2024-06', locked_by: w.user, locked_at: AT },
    supervision_slip: { id, ...own, commitment_id: w.commitment, department_id: w.dept, level: 'yellow', period: null, reason: '滞后', opened_on: '2024-07-01', closed_on: null },
    reminder: { id, ...own, department_id: w.dept, kind: 'urge', as_of: '2024-07-01', channel: 'email', recipient: 'hr@example.gov.cn', items: [], status: 'sent', attempts: 1, error: null, sent_at: AT },
    job_run: { job: 'remind', ...own, day: '2024-07-01', status: 'succeeded', attempts: 1, instance: 'host:1', started_at: AT, finished_at: AT, lease_until: AT, retry_at: null, result: { sent: 1 }, error: null },
    region_summary: { ...own, dirty: true, generation: 0, as_of: null, config_hash: null, version: 0, stored_generation: 0, lists_stale: false },
    region_summary_group: {
      ...own, plan_id: randomUUID(), kind: 'sector', key: '民生保障', total: 3, not_started: 0, on_track: 1, lagging: 1, seriously_lagging: 0, completed: 1, exceeded: 0,
      overdue: 0, report_overdue: 0, deadline_overdue: 0, rate_sum: 180.5, rate_count: 3, done: 1,
    },
    scope_summary: {
      scope: 'a'.repeat(64), ...own, version: 2, kind: 'total', key: '', total: 3, not_started: 0, on_track: 1, lagging: 1, seriously_lagging: 0, completed: 1, exceeded: 0,
      overdue: 0, report_overdue: 0, deadline_overdue: 0, rate_sum: 180.5, rate_count: 3, done: 1,
    },
    region_summary_item: { ...own, plan_id: randomUUID(), commitment_id: w.commitment, behind: true, overdue: false, lag: 12.5, item: { id: w.commitment, title: '新增就业' } },
    region_summary_trend: { ...own, plan_id: randomUUID(), month_end: '2024-06-30', total: 3, behind: 1, rate_sum: 180.5, rate_count: 3 },
    region_summary_commitment: {
      ...own, commitment_id: w.commitment, plan_id: randomUUID(), sector: '民生保障', lead: w.dept, livelihood: true, status: 'lagging', overdue: false, report_overdue: false,
      deadline_overdue: false, done: false, rate: 42.5,
    },
    region_summary_mark: { ...own, commitment_id: w.commitment },
    scope_summary_trend: { scope: 'b'.repeat(64), ...own, version: 2, month_end: '2024-06-30', total: 3, behind: 1, rate_sum: 180.5, rate_count: 3 },
    scope_summary_item: { scope: 'b'.repeat(64), ...own, version: 2, list: 'behind', position: 1, item: { id: w.commitment, title: '新增就业' } },
    webhook: { id, ...own, url: 'https://hooks.example.gov.cn/duban', secret: 'whsec', events: ['report.submitted'], active: true, description: '', created_by: w.user, created_at: AT, version: 1, removed_at: null },
    webhook_event: { id, ...own, type: 'report.submitted', entity: 'report', entity_id: randomUUID(), audit_id: 1, data: null, occurred_at: AT },
    webhook_delivery: { id, ...own, webhook_id: randomUUID(), event_id: randomUUID(), status: 'pending', attempts: 0, next_attempt_at: AT, last_attempt_at: null, last_error: null, delivered_at: null, created_at: AT },
    department_robot: { department_id: w.dept, ...own, dingtalk_url: 'https://oapi.dingtalk.com/robot/send?access_token=x', dingtalk_secret: 'SECx', wecom_url: null, updated_at: AT },
    promise_check: { ...own, commitment_id: w.commitment, status: 'kept', stated_value: '3600', source: null, sets_year_end: false, note: '', confirmed_by: w.user, confirmed_at: AT, version: 1 },
    honour: { id, ...own, year: 2024, title: '全省就业工作先进集体', level: 'provincial', recipient: '区人社局', sector: '民生保障', awarded_by: null, created_by: w.user, created_at: AT },
  };
  return samples[table] ?? undefined;
}

/** Per table, edits that the API would never have written: [column, value]. */
const EDITS: Record<string, [string, unknown][]> = {
  region: [['level', 'galaxy'], ['code', '4305']],
  department: [['region_code', 'hunan'], ['email', 'not an address']],
  app_user: [['role', 'superuser'], ['username', '']],
  user_session: [['expires_at', 'tomorrow']],
  api_token: [['user_id', 'nobody']],
  idempotency_key: [['created_at', 'yesterday']],
  login_failure: [['kind', 'guess'], ['failures', 0]],
  work_report: [['sha256', 'abc']],
  plan: [['year', 99_999]],
  commitment: [['state', 'done'], ['comparator', 'about'], ['weight', 0], ['target_value', '1e3'], ['reporting_frequency', 'daily']],
  progress_report: [['period', '2024-13'], ['state', 'approved'], ['cumulative_value', 'NaN']],
  progress_report_history: [['snapshot', 'text']],
  evidence: [['size', -1]],
  project: [['stage', 'finished'], ['total_investment', '1,000']],
  indicator_value: [['unit', 'null'], ['yoy_growth', 1e9], ['value', 'NaN']],
  recorded_fact: [['value', 'NaN']],
  audit_event: [['region_code', 'xx']],
  audit_chain: [['last_seq', -1]],
  work_plan: [['steps', []]],
  close_request: [['state', 'maybe']],
  change_request: [['kind', 'grow']],
  instruction: [['issued_on', '2024/07/01']],
  instruction_reply: [['text', '']],
  notification: [['department_id', 'hr']],
  period_lock: [['period', 'July']],
  supervision_slip: [['level', 'purple']],
  reminder: [['status', 'lost']],
  job_run: [['status', 'paused']],
  region_summary: [['generation', -1]],
  region_summary_group: [['kind', 'district'], ['lagging', -2]],
  scope_summary: [['scope', 'province'], ['version', -1]],
  region_summary_item: [['lag', 'far'], ['item', 'text']],
  region_summary_trend: [['month_end', '2024-06'], ['behind', -1]],
  region_summary_commitment: [['status', 'late'], ['rate', 140]],
  region_summary_mark: [['commitment_id', 'c1']],
  scope_summary_trend: [['scope', 'province'], ['month_end', '2024-06']],
  scope_summary_item: [['list', 'ahead'], ['position', 0]],
  webhook: [['url', 'ftp://hooks.example.gov.cn'], ['events', ['report.deleted']]],
  webhook_event: [['type', 'report.deleted']],
  webhook_delivery: [['status', 'bounced']],
  department_robot: [['wecom_url', 'javascript:alert(1)']],
  promise_check: [['status', 'maybe']],
  honour: [['level', 'galactic'], ['title', '']],
};

const snakeName = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe.each(testEngines())('restore checks every backup row on %s', (engine) => {
  let db: Db;
  let backup: Backup;
  let world: { region: string; dept: string; user: string; commitment: string };
  let reporterId: string;
  beforeAll(async () => {
    db = await openTestDb(engine);
    const w = await buildWorld(db);
    const ctx = createContext(db, undefined, () => '2024-07-20');
    const admin = await makeUser(ctx, { username: 'office', displayName: '督查室', role: 'admin', regionCode: '430502' });
    reporterId = await makeUser(ctx, { username: 'hr', displayName: '人社局', role: 'reporter', regionCode: '430502', departmentId: w.ids.hr });
    await makeUser(ctx, { username: 'mayor', displayName: '区长', role: 'leader', regionCode: '430502' });
    world = { region: '430502', dept: w.ids.hr, user: admin, commitment: (await w.commitment()).id };
    backup = await exportBackup(db);
  });
  afterAll(async () => db?.close());

  const tableCounts = async (target: Db) =>
    Object.fromEntries(await Promise.all(Object.keys(backup.tables).map(async (t) => [t, (await target.query<{ n: number }>(`select count(*)::int as n from ${t}`))[0]!.n] as const)));

  it('has a rule for every table of the schema, naming each of its columns, and the edits below cover every table', async () => {
    const columns = await db.query<{ table_name: string; column_name: string }>(
      `select c.table_name, c.column_name from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
       where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.table_name <> all($1)`,
      [NOT_BACKED_UP],
    );
    const byTable = new Map<string, string[]>();
    for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
    expect([...byTable.keys()].sort()).toEqual(Object.keys(backup.tables).sort());
    for (const [table, cols] of byTable) {
      expect(BACKUP_ROW_SCHEMAS[table], table).toBeDefined();
      expect(Object.keys(BACKUP_ROW_SCHEMAS[table]!.shape).map(snakeName).sort(), table).toEqual([...cols].sort());
      expect(EDITS[table], table).toBeDefined();
    }
    expect(backupRowProblems(backup.tables)).toEqual([]);
  });

  it('refuses an edited value in any table, naming table, row and column, and restores nothing', async () => {
    const empty = await openTestDb(engine);
    try {
      for (const [table, edits] of Object.entries(EDITS)) {
        for (const [column, value] of edits) {
          const copy = structuredClone(backup);
          const rows = copy.tables[table]!;
          if (!rows.length) rows.push(sampleRow(table, world)!);
          const n = rows.length;
          expect(backupRowProblems(copy.tables), `the valid ${table} row`).toEqual([]);
          rows[n - 1]![column] = value;
          const refusal = await restoreCheckedBackup(empty, copy).then(() => null, (e: { code: string; zh: string; en: string; details: { problems: Row[] } }) => e);
          expect(refusal, `${table}.${column}`).not.toBeNull();
          expect(refusal!.code).toBe('backup_invalid');
          expect(refusal!.zh, `${table}.${column}`).toContain(`表 ${table} 第 ${n} 行`);
          expect(refusal!.en, `${table}.${column}`).toContain(`table ${table} row ${n}`);
          expect(refusal!.details.problems, `${table}.${column}`).toContainEqual(expect.objectContaining({ table, row: n, column }));
        }
      }
      expect(Object.values(await tableCounts(empty)).every((n) => n === 0)).toBe(true);
    } finally {
      await empty.close();
    }
  });

  it('refuses a reporter turned admin, with or without its department, although the audit chain is intact', async () => {
    const empty = await openTestDb(engine);
    try {
      for (const department of ['kept', 'dropped'] as const) {
        const copy = structuredClone(backup);
        const index = copy.tables.app_user!.findIndex((u) => u.id === reporterId);
        const user = copy.tables.app_user![index]!;
        user.role = 'admin';
        if (department === 'dropped') user.department_id = null;
        const refusal = await restoreCheckedBackup(empty, copy).then(() => null, (e: { code: string; en: string; details: { problems: Row[] } }) => e);
        expect(refusal?.code).toBe('backup_invalid');
        expect(refusal!.details.problems).toContainEqual(expect.objectContaining({ table: 'app_user', row: index + 1, column: 'role', problem: expect.stringContaining('"reporter"') }));
      }
      expect((await tableCounts(empty)).app_user).toBe(0);
    } finally {
      await empty.close();
    }
  });

  it('restores an untouched backup exactly, and refuses a second restore keeping what is there', async () => {
    const target = await openTestDb(engine);
    try {
      await restoreCheckedBackup(target, backup);
      expect(JSON.stringify(await exportBackup(target))).toBe(JSON.stringify(backup));
      await expect(restoreCheckedBackup(target, backup)).rejects.toMatchObject({ code: 'restore_not_empty' });
      expect(JSON.stringify(await exportBackup(target))).toBe(JSON.stringify(backup));
    } finally {
      await target.close();
    }
  });
});
