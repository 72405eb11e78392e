/**
 * Child process of the workflow load bench (bench/workflow.ts): seeds a district with 200
 * departments, one reporter each (API token) and 5 weekly commitments per department; serves the
 * API on 127.0.0.1; on request records the SQL one request runs and replays such statement
 * sequences directly (the floor). Talks to the parent over IPC. Not a bench section itself.
 */
import { randomUUID } from 'node:crypto';
import { createContext } from '../src/app/context.ts';
import { buildServer } from '../src/server/app.ts';
import { openTestDb, type Engine } from '../src/store/testing.ts';
import type { Db, Queryable } from '../src/store/db.ts';
import { REGION, seedRush } from './rushSeed.ts';

interface Statement { sql: string; params?: unknown[] }
type Segment = { tx: false; st: Statement } | { tx: true; sts: Statement[] };

/** Wraps a Db so that, while `log` is set, every statement is appended to it. */
function recording(db: Db) {
  const state: { log: Segment[] | null } = { log: null };
  const wrap = (q: Queryable, push: (s: Statement) => void): Queryable => ({
    query: (sql, params) => (push({ sql, params }), q.query(sql, params)),
    exec: (sql) => (push({ sql }), q.exec(sql)),
  });
  const outer = wrap(db, (st) => state.log?.push({ tx: false, st }));
  const rec: Db = {
    ...db,
    ...outer,
    transaction: (fn) =>
      db.transaction((tx) => {
        const seg = { tx: true as const, sts: [] as Statement[] };
        state.log?.push(seg);
        return fn(wrap(tx, (st) => seg.sts.push(st)));
      }),
  };
  return { db: rec, state };
}

/** Replays one recorded request's statements with `subst` applied to string parameters. */
async function replay(db: Db, segs: Segment[], subst: (v: string) => string): Promise<void> {
  const p = (s: Statement) => s.params?.map((v) => (typeof v === 'string' ? subst(v) : v));
  for (const seg of segs) {
    if (!seg.tx) {
      await (seg.st.params ? db.query(seg.st.sql, p(seg.st)) : db.exec(seg.st.sql));
    } else {
      await db.transaction(async (tx) => {
        for (const st of seg.sts) await (st.params ? tx.query(st.sql, p(st)) : tx.exec(st.sql));
      });
    }
  }
}

const pct = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

async function main() {
  const engine = process.env.BENCH_ENGINE as Engine;
  const base = await openTestDb(engine);
  const { db, state } = recording(base);
  const today = new Date().toISOString().slice(0, 10);
  const ctx = createContext(db);

  // seed
  const { periods, clients } = await base.transaction((tx) => seedRush(tx, today));
  // BENCH_RUSH_KEPT=1: the district's 总览 was read before the rush (it has kept figures), so every
  // write marks them (without, a district nobody has read has nothing to mark)
  if (process.env.BENCH_RUSH_KEPT) await base.query('insert into region_summary (region_code, dirty) values ($1, true) on conflict (region_code) do nothing', [clients[0]!.regionCode]);
  // statistics as autovacuum would gather them after such a load (a live database has them)
  if (engine === 'postgres') await base.exec('analyze');
  /** Client 0's identifiers mapped to client w's: the recorded requests are client 0's. */
  const identity = (w: number): [string, string][] => {
    const [a, b] = [clients[0]!, clients[w % clients.length]!];
    return [[a.tokenHash, b.tokenHash], [a.userId, b.userId], [a.departmentId, b.departmentId], ...a.commitments.map((c, k): [string, string] => [c, b.commitments[k]!])];
  };
  // 200 clients at full speed send ~700 requests a minute each: above the default limit (600), which
  // stays on (its cost is part of the measurement) but is raised
  const app = await buildServer(ctx, { rateLimits: { max: 100_000, loginMax: 30, windowMs: 60_000 } });
  // requests still being served (autocannon stops sending at the deadline, the server may still be working)
  let active = 0;
  let lastActivity = Date.now();
  app.server.on('request', (_req, res) => {
    active++;
    lastActivity = Date.now();
    res.once('close', () => {
      active--;
      lastActivity = Date.now();
    });
  });
  /** Resolves once no request has been in progress for a second. */
  const idle = async () => {
    while (active > 0 || Date.now() - lastActivity < 1000) await new Promise((r) => setTimeout(r, 50));
  };
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  process.send!({ type: 'ready', port, periods, clients: clients.map(({ token, commitments }) => ({ token, commitments })) });

  const recorded: Record<string, Segment[]> = {};
  process.on('message', async (m: { type: string; kind?: string; seconds?: number; workers?: number; subst?: Record<string, string> }) => {
    try {
      if (m.type === 'count') {
        await idle();
        const [r] = await base.query<{ n: number; distinct_n: number }>(
          `select count(*) as n, count(distinct (commitment_id, department_id, period)) as distinct_n from progress_report where region_code = $1`, [REGION]);
        const [f] = await base.query<{ n: number }>('select count(*) as n from progress_report where id = any($1)', [(m as unknown as { ids: string[] }).ids]);
        process.send!({ type: 'count', stored: Number(r!.n), distinct: Number(r!.distinct_n), acknowledgedFound: Number(f!.n) });
      } else if (m.type === 'record-start') {
        await idle();
        state.log = [];
        process.send!({ type: 'ok' });
      } else if (m.type === 'record-stop') {
        recorded[m.kind!] = state.log ?? [];
        state.log = null;
        const n = recorded[m.kind!]!.reduce((s, g) => s + (g.tx ? g.sts.length + 2 : 1), 0);
        process.send!({ type: 'recorded', statements: n, subst: m.subst });
        (recorded as Record<string, unknown>)[`${m.kind}:subst`] = m.subst;
      } else if (m.type === 'floor') {
        const submitSubst = (recorded as unknown as Record<string, Record<string, string>>)['submit:subst'] ?? {};
        const until = Date.now() + m.seconds! * 1000;
        const lat: number[] = [];
        let n = 0;
        await Promise.all(Array.from({ length: m.workers! }, async (_, w) => {
          for (let i = 0; Date.now() < until; i++) {
            const kind = i % 2 === 0 ? 'submit' : 'list';
            // fresh report id, period and idempotency key for a submit; always client w's identity
            const pairs: [string, string][] = [...identity(w)];
            if (kind === 'submit')
              for (const [k, old] of Object.entries(submitSubst)) if (old) pairs.push([old, k === 'reportId' ? randomUUID() : `${old}~f${w}.${i}`]);
            const subst = (v: string) => pairs.reduce((s, [old, nu]) => (s.includes(old) ? s.split(old).join(nu) : s), v);
            const t = performance.now();
            await replay(base, recorded[kind]!, subst);
            lat.push(performance.now() - t);
            n++;
          }
        }));
        lat.sort((a, b) => a - b);
        process.send!({ type: 'floor', n, perSecond: n / m.seconds!, p50: pct(lat, 0.5), p99: pct(lat, 0.99), mean: lat.reduce((a, b) => a + b, 0) / lat.length });
      } else if (m.type === 'cpu') {
        const c = process.cpuUsage();
        process.send!({ type: 'cpu', ms: (c.user + c.system) / 1000 });
      } else if (m.type === 'stop') {
        await app.close();
        await base.close();
        process.exit(0);
      }
    } catch (e) {
      process.send!({ type: 'error', message: (e as Error).stack ?? String(e) });
    }
  });
}

await main();
