/**
 * `## Several instances` section of bench/RESULTS.md (issue 15, item 3): the month-end rush of
 * bench/workflow.ts through nginx, against one and against two `duban serve` processes on one
 * PostgreSQL, and a run in which one of two instances is killed (SIGKILL) mid-rush.
 *
 * Every run starts from a fresh database `duban_rush` (dropped and created on the server of
 * DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; never another database),
 * seeded with the rush's district (bench/rushSeed.ts), then the instances (`node bin/duban.mjs
 * serve`, production settings but for the per-account rate limit and warn-level logs), then nginx
 * (the Debian package's binary with its own configuration, pid, logs and temporary files in a
 * temporary folder, on a loopback port) in front of them, as docs/deployment.md sets it up.
 *
 * 1. Throughput: closed-loop clients (autocannon) at several concurrencies per set-up, the set-ups
 *    alternating at each concurrency so a slow spell of the shared machine falls on both; the
 *    throughput of two instances at the p99 one instance has at 200 clients (interpolated).
 * 2. Kill: 200 clients (fetch) retrying a request that failed in transit (connection error, 502,
 *    503, 504) with the same body and Idempotency-Key; one instance is killed mid-run and started
 *    again 2 s later (systemd's Restart=always, RestartSec=2). Afterwards every acknowledged write is
 *    compared with the database (id, commitment, period, value, key), duplicates and writes nobody
 *    was told of are counted, and `duban audit verify` checks the hash chain.
 *
 * Run: `npm run bench -- instances`. Environment: BENCH_SECONDS (20), BENCH_WARMUP (5),
 * BENCH_CONCURRENCY (50,100,200,400), BENCH_INSTANCES_PARTS (throughput,kill), BENCH_KILL_AT
 * (seconds into the measured part, 8), NGINX (/usr/sbin/nginx), BENCH_KEEP_LOGS (keep each run's
 * folder: nginx's and the instances' logs).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDb } from '../src/store/db.ts';
import { machineLine, writeSection } from './results.ts';
import { rushRegions, rushRequests, seedRush } from './rushSeed.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? '50,100,200,400').split(',').map(Number);
const PARTS = (process.env.BENCH_INSTANCES_PARTS ?? 'throughput,kill').split(',');
const KILL_AT = Number(process.env.BENCH_KILL_AT ?? 8);
/** the rush in one district (one audit chain), and spread over a city's districts (a chain each) */
const DISTRICTS = (process.env.BENCH_RUSH_DISTRICTS ?? '1,4').split(',').map(Number);
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const RUSH_CLIENTS = 200;
const DB_NAME = 'duban_rush';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

function urls() {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const rush = new URL(base);
  rush.pathname = `/${DB_NAME}`;
  rush.search = '';
  return { admin: admin.href, rush: rush.href };
}

/** A fresh duban_rush database, migrated and seeded; the rush's clients and weeks. */
async function freshDatabase(districts: number) {
  const { admin, rush } = urls();
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(`drop database if exists ${DB_NAME} with (force)`);
    await c.query(`create database ${DB_NAME}`);
  } finally {
    await c.end();
  }
  const db = await openDb({ databaseUrl: rush });
  try {
    const seeded = await db.transaction((tx) => seedRush(tx, new Date().toISOString().slice(0, 10), districts));
    await db.exec('analyze');
    return seeded;
  } finally {
    await db.close();
  }
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function waitFor(url: string, ok: (status: number) => boolean, what: string, limitMs = 600_000) {
  const until = Date.now() + limitMs;
  for (;;) {
    try {
      if (ok((await fetch(url, { signal: AbortSignal.timeout(5000) })).status)) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${what} did not come up (${url})`);
    await sleep(200);
  }
}

interface Instance { port: number; proc: ChildProcess }

/** `duban serve` on a loopback port against duban_rush; resolves when /ready answers 200. */
async function startInstance(dir: string, port: number): Promise<Instance> {
  const log = openSync(join(dir, `duban-${port}.log`), 'a');
  const proc = spawn(process.execPath, [join(ROOT, 'bin/duban.mjs'), 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      ...process.env, DATABASE_URL: urls().rush, DUBAN_LOG_LEVEL: 'warn',
      // 200 clients at full speed send ~700 requests a minute each, above the default 600 per account
      DUBAN_RATE_LIMIT: '1000000',
      // the daily jobs run at 08:30 and 09:00, not in the rush; a fresh database would make them catch up now
      DUBAN_SCHEDULER: 'off',
    },
    stdio: ['ignore', log, log],
  });
  await waitFor(`http://127.0.0.1:${port}/ready`, (s) => s === 200, `duban serve on ${port}`);
  return { port, proc };
}

async function stop(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill(signal);
  await Promise.race([exited, sleep(30_000).then(() => proc.kill('SIGKILL'))]);
}

/**
 * nginx in front of the instances, configured as docs/deployment.md §3 (without TLS, and without its
 * per-address limit_req: the rush's 200 clients all come from 127.0.0.1, far above it): keepalive to
 * the upstreams, a failed upstream left alone for 5 s, a request that failed before an answer
 * passed to the next instance (for POST only when it was not yet sent: nginx's non_idempotent
 * default). Adds X-Upstream (which instance answered) and logs each request's upstreams.
 */
async function startNginx(dir: string, upstreams: number[]) {
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, `daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 4096; }
http {
  log_format rush '$status $request_method $upstream_addr $upstream_status $request_time $msec';
  access_log ${dir}/nginx-access.log rush;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  keepalive_requests 1000000;
  upstream duban {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 64;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://duban;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Request-Id $request_id;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`);
  const proc = spawn(NGINX, ['-p', dir, '-c', conf, '-e', join(dir, 'nginx-error.log')], { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor(`http://127.0.0.1:${port}/health`, (s) => s === 200, 'nginx');
  return { port, proc };
}

/** Every process's parent and CPU milliseconds (user + system) so far, from /proc. */
function processes(): Map<number, { ppid: number; ms: number; cmdline: string }> {
  const out = new Map<number, { ppid: number; ms: number; cmdline: string }>();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(p), { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * 10, cmdline: readFileSync(`/proc/${p}/cmdline`, 'utf8') });
    } catch {
      // ended meanwhile
    }
  }
  return out;
}

/**
 * CPU used by groups of processes from `start()` on, sampled every 250 ms per process, so a
 * process that ends (a killed instance, its database connections) keeps what it used until then.
 * Groups: the duban instances and their children, nginx's master and workers, PostgreSQL's
 * backends of the rush's database (other databases' work left out), and this process.
 */
function cpuTracker(roots: () => { duban: number[]; nginx: number[] }) {
  const last = new Map<number, number>();
  const used = { duban: 0, nginx: 0, postgres: 0 };
  let client0 = 0;
  let at0 = 0;
  const sample = () => {
    const procs = processes();
    const { duban, nginx } = roots();
    const group = new Map<number, keyof typeof used>();
    for (const pid of duban) group.set(pid, 'duban');
    for (const pid of nginx) group.set(pid, 'nginx');
    for (const [pid, p] of procs) {
      if (group.has(p.ppid) && !group.has(pid)) group.set(pid, group.get(p.ppid)!);
      if (p.cmdline.startsWith('postgres:') && p.cmdline.includes(` ${DB_NAME} `)) group.set(pid, 'postgres');
    }
    for (const [pid, g] of group) {
      const ms = procs.get(pid)?.ms;
      if (ms === undefined) continue;
      // a process first seen now counts from this sample on (a restarted instance: ≤ 250 ms missed)
      used[g] += last.has(pid) ? ms - last.get(pid)! : 0;
      last.set(pid, ms);
    }
  };
  const clientMs = () => (process.cpuUsage().user + process.cpuUsage().system) / 1000;
  let timer: NodeJS.Timeout | undefined;
  return {
    start() {
      sample();
      used.duban = used.nginx = used.postgres = 0;
      client0 = clientMs();
      at0 = performance.now();
      timer = setInterval(sample, 250);
    },
    /** Per cent of one core since start(). */
    stop() {
      clearInterval(timer);
      sample();
      const wall = performance.now() - at0;
      const pc = (x: number) => (100 * x) / wall;
      return { duban: pc(used.duban), nginx: pc(used.nginx), postgres: pc(used.postgres), client: pc(clientMs() - client0) };
    },
  };
}
type Shares = ReturnType<ReturnType<typeof cpuTracker>['stop']>;
const cpuCell = (s: Shares) => [s.duban, s.nginx, s.postgres, s.client].map((x) => x.toFixed(0)).join(' / ');

/** The set for one run: fresh database, `count` instances, nginx; `close()` stops them all. */
async function startSet(count: number, districts = 1) {
  const seeded = await freshDatabase(districts);
  const dir = mkdtempSync(join(tmpdir(), 'duban-instances-'));
  chmodSync(dir, 0o755); // nginx's workers (nobody when started by root) reach their temporary files
  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) instances.push(await startInstance(dir, await freePort()));
  const nginx = await startNginx(dir, instances.map((x) => x.port));
  return {
    ...seeded, dir, instances, nginx, base: `http://127.0.0.1:${nginx.port}`,
    cpu: cpuTracker(() => ({ duban: instances.map((x) => x.proc.pid!), nginx: [nginx.proc.pid!] })),
    async close() {
      await stop(nginx.proc, 'SIGQUIT');
      for (const x of instances) await stop(x.proc);
      if (process.env.BENCH_KEEP_LOGS) console.log(`logs of the run kept in ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}
/** The reports of the rush's district, by idempotency key. */
async function storedReports(districts: number) {
  const c = new pg.Client({ connectionString: urls().rush });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string; commitment_id: string; period: string; value: string; key: string | null }>(
      'select id, commitment_id, period, cumulative_value::text as value, idempotency_key as key from progress_report where region_code = any($1)', [rushRegions(districts)]);
    return rows;
  } finally {
    await c.end();
  }
}

interface Ack { id: string; key: string; commitment: string; period: string; value: string }

/**
 * Every acknowledged write compared with the database: found with its commitment, period, value
 * and key; no (commitment, period) or key stored twice; stored reports no client was told of.
 */
async function checkWrites(acks: Ack[], sentKeys: Set<string>, districts = 1) {
  const rows = await storedReports(districts);
  const byId = new Map(rows.map((r) => [r.id, r]));
  let lost = 0;
  let wrong = 0;
  for (const a of acks) {
    const r = byId.get(a.id);
    if (!r) lost++;
    else if (r.commitment_id !== a.commitment || r.period !== a.period || Number(r.value) !== Number(a.value) || r.key !== a.key) wrong++;
  }
  const slots = new Set(rows.map((r) => `${r.commitment_id} ${r.period}`));
  const keys = new Set(rows.map((r) => r.key));
  const ackedIds = new Set(acks.map((a) => a.id));
  return {
    stored: rows.length, lost, wrong,
    duplicates: rows.length - slots.size + (rows.length - keys.size),
    unacknowledged: rows.filter((r) => !ackedIds.has(r.id)).length,
    foreign: rows.filter((r) => !r.key || !sentKeys.has(r.key)).length,
  };
}

interface ThroughputRun { instances: number; districts: number; connections: number; requests: number; perSecond: number; p50: number; p99: number; errors: number; non2xx: number; acknowledged: number; check: Awaited<ReturnType<typeof checkWrites>>; cpu: Shares }

/** One closed-loop run (autocannon) through nginx: WARMUP seconds, then SECONDS measured; writes of both checked. */
async function throughputRun(count: number, connections: number, districts: number): Promise<ThroughputRun> {
  const set = await startSet(count, districts);
  try {
    const rush = rushRequests(set.clients, set.periods);
    let n = 0;
    let listN = 0;
    const acks: Ack[] = [];
    const sent = new Set<string>();
    type Ctx = { sent?: Omit<Ack, 'id'> };
    // a connection sends its requests one after the other: its context holds what its submit sent
    const submit = (req: object, context: Ctx) => {
      const r = rush.submit(n++, randomUUID());
      const key = r.headers['idempotency-key'];
      sent.add(key);
      context.sent = { key, commitment: r.commitment, period: r.period, value: r.value };
      return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
    };
    const onSubmit = (status: number, body: string, context: Ctx) => {
      if (status === 201) acks.push({ id: (JSON.parse(body) as { id: string }).id, ...context.sent! });
    };
    const list = (req: object) => ({ ...req, ...rush.list(listN++) });
    const run = (duration: number) => autocannon({
      url: set.base, connections, duration, timeout: 20,
      requests: [{ setupRequest: submit as never, onResponse: onSubmit as never }, { setupRequest: list as never }],
    });
    if (WARMUP > 0) await run(WARMUP);
    set.cpu.start();
    const r = await run(SECONDS);
    const cpu = set.cpu.stop();
    await sleep(2000); // requests the clients stopped waiting for finish before the count
    const check = await checkWrites(acks, sent, districts);
    const out = { instances: count, districts, connections, requests: r.requests.total, perSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, acknowledged: acks.length, check, cpu };
    console.log(`instances ${count} × ${connections} clients, ${districts} district(s), load ${loadavg()[0].toFixed(1)}:`, JSON.stringify(out));
    return out;
  } finally {
    await set.close();
  }
}

/** Requests/s at `p99` along a curve of runs (linear between the two runs around it); null when no run is that fast. */
export function throughputAtP99(runs: { p99: number; perSecond: number }[], p99: number): { perSecond: number; bound: boolean } | null {
  const pts = [...runs].sort((a, b) => a.p99 - b.p99);
  if (!pts.length || pts[0]!.p99 > p99) return null;
  for (let i = 1; i < pts.length; i++) {
    const [a, b] = [pts[i - 1]!, pts[i]!];
    if (b.p99 >= p99) return { perSecond: b.p99 === a.p99 ? Math.max(a.perSecond, b.perSecond) : a.perSecond + ((b.perSecond - a.perSecond) * (p99 - a.p99)) / (b.p99 - a.p99), bound: false };
  }
  // every run had a lower p99: at least the best of them (more clients would be needed to reach it)
  return { perSecond: Math.max(...pts.map((x) => x.perSecond)), bound: true };
}

interface KillRun {
  requests: number; seconds: number; perSecond: number; p50: number; p99: number;
  /** client retries of a request that failed in transit, and how many of those were submissions */
  retries: number; submitRetries: number;
  /** answers 502/503/504 or connection errors the clients saw before retrying */
  transient: number;
  /** requests still without a 2xx answer after 10 attempts, and other failures (4xx, 500) */
  unserved: number; failed: Record<string, number>;
  acknowledged: number; replayed: number;
  /** requests nginx passed on to the other instance (its log: more than one upstream) */
  nginxRetries: number; nginx502: number;
  byInstance: { killedBefore: number; otherDuring: number; killedAfterRestart: number };
  restartMs: number;
  /** nginx's log after the restart: requests it sent to the restarted instance (tries), of them answered 2xx by it, the first one's time after /ready */
  afterRestart: { tries: number; answered: number; firstAfterMs: number | null; log: string };
  check: Awaited<ReturnType<typeof checkWrites>>;
  auditVerify: { status: number | null; output: string };
  cpu: Shares;
}

/**
 * RUSH_CLIENTS clients (fetch, keep-alive) through nginx to two instances for WARMUP + SECONDS;
 * instance 1 is killed (SIGKILL) KILL_AT seconds into the measured part and started again 2 s later.
 * A request that fails in transit is sent again, same body and Idempotency-Key, after 100 ms ×
 * attempt, at most 10 attempts.
 */
async function killRun(): Promise<KillRun> {
  const set = await startSet(2);
  try {
    const rush = rushRequests(set.clients, set.periods);
    const [victim] = set.instances as [Instance, Instance];
    const victimAddr = `127.0.0.1:${victim.port}`;
    let n = 0;
    let listN = 0;
    const acks: Ack[] = [];
    const sent = new Set<string>();
    const lat: number[] = [];
    const failed: Record<string, number> = {};
    let retries = 0, submitRetries = 0, transient = 0, unserved = 0, replayed = 0, requests = 0;
    const phase = { killed: false, restarted: false };
    const byInstance = { killedBefore: 0, otherDuring: 0, killedAfterRestart: 0 };
    const start = Date.now();
    const measureFrom = start + WARMUP * 1000;
    // the run goes on until the restarted instance has been back 15 s (nginx tries a failed instance again after fail_timeout, 5 s; a slow restart lengthens the run)
    let end = measureFrom + SECONDS * 1000;

    const send = async (spec: { method: string; path: string; headers: Record<string, string>; body?: string }) => {
      const t0 = performance.now();
      for (let attempt = 1; ; attempt++) {
        let status = 0;
        let body = '';
        let upstream = '';
        let replay = false;
        try {
          const res = await fetch(set.base + spec.path, { method: spec.method, headers: spec.headers, body: spec.body, signal: AbortSignal.timeout(60_000) });
          body = await res.text();
          status = res.status;
          upstream = res.headers.get('x-upstream') ?? '';
          replay = res.headers.get('idempotent-replayed') === 'true';
        } catch {
          status = 0;
        }
        if (status === 0 || status === 502 || status === 503 || status === 504) {
          transient++;
          if (attempt < 10) {
            retries++;
            if (spec.method === 'POST') submitRetries++;
            await sleep(100 * attempt);
            continue;
          }
          unserved++;
          return null;
        }
        const now = Date.now();
        if (now >= measureFrom && (now < end || !phase.restarted)) {
          requests++;
          lat.push(performance.now() - t0);
        }
        const last = upstream.split(', ').pop() ?? '';
        if (!phase.killed && last === victimAddr) byInstance.killedBefore++;
        else if (phase.killed && !phase.restarted && last && last !== victimAddr) byInstance.otherDuring++;
        else if (phase.restarted && last === victimAddr) byInstance.killedAfterRestart++;
        if (status >= 300) failed[status] = (failed[status] ?? 0) + 1;
        return { status, body, replay };
      }
    };

    const clients = Array.from({ length: RUSH_CLIENTS }, async () => {
      // until the killed instance has been back a while: a slow restart lengthens the run (before, the clients stopped at the planned end and the restarted instance was never asked)
      for (let i = 0; !phase.restarted || Date.now() < end; i++) {
        if (i % 2 === 0) {
          const r = rush.submit(n++, randomUUID());
          const key = r.headers['idempotency-key'];
          sent.add(key);
          const res = await send(r);
          if (res?.status === 201) {
            acks.push({ id: (JSON.parse(res.body) as { id: string }).id, key, commitment: r.commitment, period: r.period, value: r.value });
            if (res.replay) replayed++;
          }
        } else await send(rush.list(listN++));
      }
    });
    await sleep(measureFrom - Date.now());
    set.cpu.start();
    await sleep(KILL_AT * 1000);
    victim.proc.kill('SIGKILL');
    const killedAt = Date.now();
    phase.killed = true;
    console.log(`killed instance on ${victim.port} (pid ${victim.proc.pid}) at ${((Date.now() - measureFrom) / 1000).toFixed(1)} s`);
    await sleep(2000);
    const t = performance.now();
    const again = await startInstance(set.dir, victim.port);
    const restartMs = performance.now() - t;
    set.instances[0] = again;
    const restartedAt = Date.now();
    phase.restarted = true;
    end = Math.max(end, Date.now() + 15_000);
    await Promise.all(clients);
    const cpu = set.cpu.stop();
    await sleep(2000);
    const check = await checkWrites(acks, sent);
    const verify = spawnSync(process.execPath, [join(ROOT, 'bin/duban.mjs'), 'audit', 'verify'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: urls().rush }, encoding: 'utf8' });
    // nginx's log is flushed every second and on exit
    await stop(set.nginx.proc, 'SIGQUIT');
    const log = readFileSync(join(set.dir, 'nginx-access.log'), 'utf8').trim().split('\n');
    const nginxRetries = log.filter((l) => l.split(' ')[2]?.endsWith(',')).length;
    const nginx502 = log.filter((l) => l.startsWith('502 ')).length;
    // what nginx did with the restarted instance: every line naming it after /ready answered
    const addrs = (f: string[]) => f.slice(2, -2).filter((t) => t.includes(':')).map((t) => t.replace(/,$/, ''));
    const after = log.map((l) => l.split(' ')).filter((f) => Number(f[f.length - 1]) * 1000 >= restartedAt && addrs(f).includes(victimAddr));
    const answered = after.filter((f) => f[0]!.startsWith('2') && addrs(f).pop() === victimAddr).length;
    const kept = join(tmpdir(), `duban-kill-nginx-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
    writeFileSync(kept, `# instance ${victimAddr} killed at ${killedAt / 1000}, /ready again at ${restartedAt / 1000} (epoch s)\n${log.join('\n')}\n`);
    console.log(`nginx access log of the kill run kept in ${kept}`);
    lat.sort((a, b) => a - b);
    const at = (q: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor(q * lat.length))] ?? NaN);
    const out: KillRun = {
      requests, seconds: (end - measureFrom) / 1000, perSecond: requests / ((end - measureFrom) / 1000), p50: at(0.5), p99: at(0.99), retries, submitRetries, transient, unserved, failed,
      acknowledged: acks.length, replayed, nginxRetries, nginx502, byInstance, restartMs, check,
      afterRestart: { tries: after.length, answered, firstAfterMs: after.length ? Number(after[0]![after[0]!.length - 1]) * 1000 - restartedAt : null, log: kept },
      auditVerify: { status: verify.status, output: `${verify.stdout}${verify.stderr}`.trim() }, cpu,
    };
    console.log('kill run:', JSON.stringify(out));
    return out;
  } finally {
    await set.close();
  }
}

export default async function instancesBench(): Promise<void> {
  if (!existsSync(NGINX) || spawnSync(NGINX, ['-v']).status !== 0) {
    console.warn(`nginx not found at ${NGINX}: section skipped`);
    return;
  }
  const lines: string[] = [machineLine(), ''];
  const { admin } = urls();
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  const [{ server_version: version }] = (await c.query<{ server_version: string }>('show server_version')).rows as [{ server_version: string }];
  await c.end();
  lines.push(`The month-end rush of the Workflow section (200 departments × 5 weekly commitments; each client alternates a report submission with Idempotency-Key and its department's list) through nginx ${spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).stderr.trim().replace('nginx version: nginx/', '')} (worker_processes auto, keepalive to the instances) to \`duban serve\` processes (pool of 10 connections each, warn-level logs) on one PostgreSQL ${version}, everything on this machine (${availableParallelism()} cores, shared with the other work on it: read the load average above). Each run starts from a fresh database and fresh processes; ${WARMUP} s of warm-up, then ${SECONDS} s measured. CPU is per cent of one core during the measured part: duban processes / nginx / PostgreSQL backends of the rush's database / load generator.`, '');

  if (PARTS.includes('throughput')) {
    const runs: (ThroughputRun & { load: number })[] = [];
    for (const districts of DISTRICTS) for (const connections of LEVELS) for (const count of [1, 2]) runs.push({ ...(await throughputRun(count, connections, districts)), load: loadavg()[0] });
    lines.push('### One instance and two, closed loop', '', `autocannon clients sending their next request when the answer comes; the set-ups alternate at each number of clients. Districts: the rush's 200 departments in one district (one audit hash chain: every write waits for the previous one's commit to take the chain head), or spread over a city's districts (department i in district i mod n, a chain each). Load: the machine's 1-minute load average when the run ended (our own processes included).`, '');
    lines.push('| districts | instances | clients | requests | req/s | p50 ms | p99 ms | errors | non-2xx | acknowledged | lost | duplicated | CPU % duban / nginx / PostgreSQL / load generator | load |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|');
    for (const r of runs) lines.push(`| ${r.districts} | ${r.instances} | ${r.connections} | ${r.requests} | ${r.perSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.acknowledged} | ${r.check.lost + r.check.wrong} | ${r.check.duplicates} | ${cpuCell(r.cpu)} | ${r.load.toFixed(1)} |`);
    lines.push('');
    for (const districts of DISTRICTS) {
      const one = runs.filter((r) => r.instances === 1 && r.districts === districts);
      const two = runs.filter((r) => r.instances === 2 && r.districts === districts);
      const ref = one.find((r) => r.connections === RUSH_CLIENTS) ?? one[one.length - 1]!;
      const at = throughputAtP99(two, ref.p99);
      lines.push(`- ${districts} district${districts > 1 ? 's' : ''}: two instances at one instance's p99 with ${ref.connections} clients (${ref.p99} ms): ${at ? `${at.bound ? '≥ ' : ''}${at.perSecond.toFixed(0)} req/s against ${ref.perSecond.toFixed(0)}: **${(at.perSecond / ref.perSecond).toFixed(2)}×**` : 'no run of two instances was that fast: **< 1×**'} (goal ≥ 1.6×) ${at && at.perSecond / ref.perSecond >= 1.6 ? '✓' : '✗'}`);
    }
    const lost = runs.reduce((s, r) => s + r.check.lost + r.check.wrong, 0);
    const dup = runs.reduce((s, r) => s + r.check.duplicates, 0);
    lines.push(`- acknowledged writes lost or stored differently **${lost}**, duplicated **${dup}** in ${runs.length} runs (goal 0) ${lost + dup === 0 ? '✓' : '✗'}`);
  }

  if (PARTS.includes('kill')) {
    const k = await killRun();
    lines.push('', '### One of two instances killed mid-rush', '');
    lines.push(`${RUSH_CLIENTS} clients (fetch with keep-alive, the same mix) through nginx to two instances; ${KILL_AT} s into the measured part one instance is killed with SIGKILL and started again 2 s later, as systemd's \`Restart=always\`, \`RestartSec=2\` would; the run lasts until it has been back for 15 s at least (nginx tries a failed instance again after 5 s). nginx passes a request that failed before anything was sent (a refused connection) to the other instance, and a GET also when the answer broke off; a POST that broke off after it was sent comes back as 502, and the client sends it again with the same body and Idempotency-Key (100 ms × attempt, at most 10 attempts), as a client of the API is told to. Afterwards every acknowledged report is looked up in the database by id and compared (commitment, week, value, key).`, '');
    lines.push('| measure | value |', '|---|---:|');
    const failedText = Object.entries(k.failed).map(([s, x]) => `${x} × ${s}`).join(', ') || '0';
    lines.push(
      `| requests answered 2xx in the measured ${k.seconds.toFixed(0)} s (req/s) | ${k.requests} (${k.perSecond.toFixed(0)}) |`,
      `| p50 / p99 ms (retries included) | ${k.p50} / ${k.p99} |`,
      `| answered by the killed instance before / by the other while it was down / by it after its restart | ${k.byInstance.killedBefore} / ${k.byInstance.otherDuring} / ${k.byInstance.killedAfterRestart} |`,
      `| the instance's restart until /ready | ${(k.restartMs / 1000).toFixed(1)} s |`,
      `| nginx's log after it was ready: requests sent to it / answered 2xx by it / the first one after | ${k.afterRestart.tries} / ${k.afterRestart.answered} / ${k.afterRestart.firstAfterMs === null ? '—' : `${(k.afterRestart.firstAfterMs / 1000).toFixed(1)} s`} |`,
      `| passed on by nginx to the other instance | ${k.nginxRetries} |`,
      `| 502 from nginx / transient failures the clients saw | ${k.nginx502} / ${k.transient} |`,
      `| client retries (of them submissions) | ${k.retries} (${k.submitRetries}) |`,
      `| submissions answered from the idempotency record (the first attempt had been stored) | ${k.replayed} |`,
      `| requests left without an answer after 10 attempts | ${k.unserved} |`,
      `| other failures (4xx, 500) | ${failedText} |`,
      `| acknowledged reports | ${k.acknowledged} |`,
      `| of them missing or stored differently | ${k.check.lost + k.check.wrong} |`,
      `| reports stored | ${k.check.stored} |`,
      `| stored twice (same commitment and week, or same key) | ${k.check.duplicates} |`,
      `| stored but never acknowledged / not sent by a client | ${k.check.unacknowledged} / ${k.check.foreign} |`,
      `| \`duban audit verify\` afterwards | ${k.auditVerify.status === 0 ? 'intact (exit 0)' : `exit ${k.auditVerify.status}: ${k.auditVerify.output.split('\n')[0]}`} |`,
      `| CPU % duban / nginx / PostgreSQL / load generator | ${cpuCell(k.cpu)} |`,
    );
    const ok = k.check.lost + k.check.wrong + k.check.duplicates === 0 && k.unserved === 0 && Object.keys(k.failed).length === 0;
    lines.push('', `- with one instance killed: lost **${k.check.lost + k.check.wrong}**, duplicated **${k.check.duplicates}**, unserved **${k.unserved + Object.values(k.failed).reduce((a, b) => a + b, 0)}** (goal 0) ${ok ? '✓' : '✗'}`);
  }
  writeSection('Several instances', lines.join('\n'));
}
