/**
 * Driver of bench/failover.sh (run that, not this): with a pg_auto_failover formation of two
 * PostgreSQL nodes running, it seeds a district, starts `duban serve` on the formation's
 * multi-host URL, runs reporters submitting weekly reports (Bearer token, Idempotency-Key; a 503
 * is retried with the same key), kills the primary's machine (its keeper and PostgreSQL, SIGKILL)
 * mid-run and checks afterwards on the new primary: every acknowledged report is there, none
 * twice, no answer was a 500, every 503 carried Retry-After; the recovery time is from the kill
 * to the first acknowledged write after it. Writes the `## Failover` section of RESULTS.md.
 *
 * Environment: DATABASE_URL (multi-host), FAILOVER_NODES ("port:pgdata:keeper-pgid,…"),
 * FAILOVER_SETTINGS (the monitor's health-check settings, for the report), FAILOVER_SECONDS (40),
 * FAILOVER_KILL_AT (10), FAILOVER_CLIENTS (40), FAILOVER_PORT (3990).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { newSecret, sha256 } from '../src/app/auth/secrets.ts';
import { insertRows } from '../src/demo/bulk.ts';
import { periodsInWindow, periodRange } from '../src/domain/schedule.ts';
import { openDb } from '../src/store/db.ts';
import { machineLine, writeSection } from './results.ts';

const URL_ = process.env.DATABASE_URL!;
const NODES = process.env.FAILOVER_NODES!.split(',').map((n) => {
  const [port, pgdata, pgid] = n.split(':');
  if (!(Number(pgid) > 1)) throw new Error(`no process group for the node on port ${port}`);
  return { port: Number(port), pgdata: pgdata!, pgid: Number(pgid) };
});
const SECONDS = Number(process.env.FAILOVER_SECONDS ?? 40);
const KILL_AT = Number(process.env.FAILOVER_KILL_AT ?? 10);
const CLIENTS = Number(process.env.FAILOVER_CLIENTS ?? 40);
const PORT = Number(process.env.FAILOVER_PORT ?? 3990);
const REGION = '439902';
const PER_CLIENT = 5;
const START = '2025-01-06';

const direct = (port: number) => new pg.Client({ connectionString: URL_.replace(/@[^/]+\//, `@127.0.0.1:${port}/`).replace(/\?.*$/, '') });
async function isPrimary(port: number): Promise<boolean> {
  const c = direct(port);
  try {
    await c.connect();
    return (await c.query('select pg_is_in_recovery() as r')).rows[0].r === false;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// seed: one district, a reporter and five weekly commitments per client
const db = await openDb({ databaseUrl: URL_ });
const today = new Date().toISOString().slice(0, 10);
const periods = periodsInWindow(START, '2026-12-31', 'weekly').filter((p) => periodRange(p).start <= today);
const clients = await db.transaction(async (tx) => {
  await tx.query(`insert into region (code, name, level) values ($1, '演练区', 'county')`, [REGION]);
  const planId = randomUUID();
  await tx.query(`insert into plan (id, region_code, year, title) values ($1, $2, 2025, '演练')`, [planId, REGION]);
  const depts = Array.from({ length: CLIENTS }, (_, i) => ({ id: randomUUID(), regionCode: REGION, name: `单位${i + 1}`, shortName: null }));
  await insertRows(tx, 'department', depts);
  const users = depts.map((d, i) => ({ id: randomUUID(), regionCode: REGION, username: `drill${i + 1}`, displayName: `填报员${i + 1}`, role: 'reporter', departmentId: d.id }));
  await insertRows(tx, 'app_user', users);
  const commitments = depts.flatMap((d, i) =>
    Array.from({ length: PER_CLIENT }, (_, k) => ({
      id: randomUUID(), regionCode: REGION, planId, parentId: null, title: `单位${i + 1}任务${k + 1}`, sector: `领域${k + 1}`, kind: 'quantitative',
      livelihood: false, targetValue: '100000', targetValueMax: null, unit: '个', comparator: 'gte', baselineValue: null, startDate: START, deadline: '2026-12-31',
      leadDepartmentId: d.id, coDepartmentIds: '{}', responsibleLeader: null, milestones: [], weight: 1, reportingFrequency: 'weekly', state: 'inProgress', published: false, source: null,
    })),
  );
  await insertRows(tx, 'commitment', commitments, ['milestones', 'source']);
  const out = users.map((u, i) => ({ token: newSecret('dbt_'), userId: u.id, commitments: commitments.slice(i * PER_CLIENT, (i + 1) * PER_CLIENT).map((c) => c.id) }));
  await insertRows(tx, 'api_token', out.map((c) => ({ id: randomUUID(), regionCode: REGION, userId: c.userId, name: 'drill', tokenHash: sha256(c.token) })));
  return out;
});
await db.close();
console.log(`failover: seeded ${CLIENTS} reporters, ${periods.length} weeks`);

const server = spawn(process.execPath, ['bin/duban.mjs', 'serve'], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DUBAN_SCHEDULER: 'off', DUBAN_RATE_LIMIT: '0', DUBAN_LOG_LEVEL: 'error' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; ; i++) {
  const ok = await fetch(`${base}/ready`).then((r) => r.ok, () => false);
  if (ok) break;
  if (i > 600) throw new Error('duban serve did not become ready');
  await sleep(100);
}

console.log('failover: duban serve ready');
// the rush
type Outcome = { sent: number; at: number; status: number | 'network'; retryAfter: boolean };
const outcomes: Outcome[] = [];
const acknowledged: { id: string; sent: number; at: number }[] = [];
const t0 = performance.now();
const now = () => (performance.now() - t0) / 1000;
let killedAt = Infinity;
const stopAt = SECONDS;
await Promise.all([
  ...clients.map(async (c, w) => {
    const slots = periods.flatMap((period) => c.commitments.map((id) => ({ id, period })));
    for (let s = (w * 7) % slots.length, n = 0; n < slots.length && now() < stopAt; n++, s = (s + 1) % slots.length) {
      const { id, period } = slots[s]!;
      const key = `drill-${w}-${id}-${period}`;
      for (;;) {
        let status: number | 'network';
        let body: { id?: string } = {};
        let retryAfter = false;
        const sent = now();
        try {
          const res = await fetch(`${base}/api/commitments/${id}/reports`, {
            method: 'POST',
            headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify({ period, cumulativeValue: String(100 + n), narrative: '演练' }),
          });
          status = res.status;
          retryAfter = res.headers.has('retry-after');
          body = (await res.json()) as { id?: string };
        } catch {
          status = 'network';
        }
        outcomes.push({ sent, at: now(), status, retryAfter });
        if (status === 201 || status === 200) {
          acknowledged.push({ id: body.id!, sent, at: now() });
          break;
        }
        if (status !== 503 && status !== 'network') break; // counted; a 4xx is not retried
        if (now() >= stopAt + 60) break;
        await sleep(200); // sooner than Retry-After (5 s), so the recovery is measured to a fifth of a second
      }
    }
  }),
  (async () => {
    await sleep(KILL_AT * 1000);
    const primary = [];
    for (const n of NODES) if (await isPrimary(n.port)) primary.push(n);
    if (primary.length !== 1) throw new Error(`expected one primary, found ${primary.length}`);
    const victim = primary[0]!;
    const postmaster = Number(readFileSync(`${victim.pgdata}/postmaster.pid`, 'utf8').split('\n')[0]);
    killedAt = now();
    process.kill(-victim.pgid, 'SIGKILL'); // the keeper (pg_autoctl) and its children
    try {
      process.kill(postmaster, 'SIGKILL');
    } catch {
      // gone with its keeper
    }
    console.log(`failover: killed the primary on port ${victim.port} at ${killedAt.toFixed(1)} s`);
  })(),
]);

// checks on the new primary
await sleep(1000);
server.kill('SIGTERM');
let newPrimary: (typeof NODES)[number] | undefined;
for (const n of NODES) if (await isPrimary(n.port)) newPrimary = n;
if (!newPrimary) throw new Error('no primary after the run');
const c = direct(newPrimary.port);
await c.connect();
const ids = acknowledged.map((a) => a.id);
const found = Number((await c.query('select count(*) as n from progress_report where id = any($1)', [ids])).rows[0].n);
const { n: stored, d: distinct } = (await c.query(
  `select count(*)::int as n, count(distinct (commitment_id, department_id, period))::int as d from progress_report where region_code = $1`, [REGION])).rows[0];
const sync = (await c.query('show synchronous_standby_names')).rows[0].synchronous_standby_names;
await c.end();

const after = (s: Outcome) => s.at >= killedAt;
// the first write sent after the kill that was acknowledged
const firstAck = acknowledged.filter((a) => a.sent >= killedAt).sort((a, b) => a.at - b.at)[0];
// answers per second around the kill
for (let t = Math.floor(killedAt) - 2; t < Math.min(SECONDS + 5, killedAt + 40); t++) {
  const inSecond = outcomes.filter((o) => o.at >= t && o.at < t + 1);
  const by = new Map<string, number>();
  for (const o of inSecond) by.set(String(o.status), (by.get(String(o.status)) ?? 0) + 1);
  console.log(`  ${(t - killedAt).toFixed(0).padStart(3)} s: ${[...by].map(([k, v]) => `${k}×${v}`).join(' ')}`);
}
const recovery = firstAck ? firstAck.at - killedAt : NaN;
const count = (f: (o: Outcome) => boolean) => outcomes.filter(f).length;
const r = {
  requests: outcomes.length,
  acknowledged: acknowledged.length,
  found,
  stored,
  duplicates: stored - distinct,
  s500: count((o) => typeof o.status === 'number' && o.status >= 500 && o.status !== 503),
  s503: count((o) => o.status === 503),
  s503NoRetryAfter: count((o) => o.status === 503 && !o.retryAfter),
  network: count((o) => o.status === 'network'),
  other: count((o) => o.status !== 'network' && o.status !== 503 && o.status !== 200 && o.status !== 201 && !(o.status >= 500)),
  killedAt,
  recovery,
  lastError: Math.max(...outcomes.filter((o) => after(o) && (o.status === 503 || o.status === 'network')).map((o) => o.at)) - killedAt,
  newPrimaryPort: newPrimary.port,
  sync,
};
console.log(JSON.stringify(r));
const ok = r.found === r.acknowledged && r.duplicates === 0 && r.s500 === 0 && r.s503NoRetryAfter === 0 && Number.isFinite(recovery);
writeSection('Failover', [
  `${machineLine()} · PostgreSQL 15 · pg_auto_failover 2.0 · \`bench/failover.sh\``,
  '',
  `A pg_auto_failover formation on this machine: a monitor and two PostgreSQL nodes (primary + synchronous standby, \`synchronous_standby_names\` set by pg_auto_failover: an acknowledged commit is on both). One \`duban serve\` on the multi-host URL \`postgres://…@127.0.0.1:55441,127.0.0.1:55442/duban?target_session_attrs=read-write\`. ${CLIENTS} reporters submit weekly reports as fast as answered (Bearer token, Idempotency-Key; a 503 is retried with the same key after 0.2 s, sooner than its Retry-After of 5 s, to time the recovery closely). At ${killedAt.toFixed(1)} s the primary's keeper and PostgreSQL are killed (SIGKILL), as a machine lost; the run lasts ${SECONDS} s (retries of writes still unanswered then go on until answered). Monitor settings: ${process.env.FAILOVER_SETTINGS ?? 'defaults'}.`,
  '',
  '| requests | acknowledged | of them on the new primary | duplicates | 500 | 503 (all with Retry-After) | no answer | other | recovery (kill → first acknowledged write) | last 503 after the kill |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  `| ${r.requests} | ${r.acknowledged} | ${r.found} | ${r.duplicates} | ${r.s500} | ${r.s503}${r.s503NoRetryAfter ? ` (${r.s503NoRetryAfter} without)` : ''} | ${r.network} | ${r.other} | **${recovery.toFixed(1)} s** | ${r.lastError.toFixed(1)} s |`,
  '',
  `- acknowledged writes lost: **${r.acknowledged - r.found}** (goal 0) ${r.acknowledged === r.found ? '✓' : '✗'}; duplicated: ${r.duplicates}; answers 500: ${r.s500} ${ok ? '✓' : '✗'}`,
  `- where the recovery goes: pg_auto_failover notices the lost primary (health checks, node_considered_unhealthy_timeout), promotes the standby but keeps it read-only until primary_demote_timeout has passed (so a primary that is only cut off has demoted itself first), then opens it for writes; duban's next request after that finds it (one probe per host). A run on 2026-12-04 with the default primary_demote_timeout (30 s) and the other settings as here recovered in 36.0 s; the defaults also notice a lost primary about 20 s later (FAILOVER_DEFAULTS=1 runs with them).`,
  `- the new primary (port ${r.newPrimaryPort}) runs without a standby until the old node rejoins (\`synchronous_standby_names\` = '${r.sync}'): pg_auto_failover keeps writes going rather than wait for a lost machine`,
].join('\n'));
process.exit(ok ? 0 : 1);
