/**
 * Two `duban serve` processes on one PostgreSQL database, one killed (SIGKILL) while it holds
 * report submissions in flight: a client that sends a failed submission again to the other
 * instance with the same Idempotency-Key gets one answer, and the database holds every
 * acknowledged report exactly once, as acknowledged, with an intact audit chain.
 *
 * The submissions are caught in flight without timing: the test holds the region's audit chain
 * head locked, so the killed instance's writes wait inside the database until the test has seen
 * them waiting (pg_stat_activity) and killed the process; then it lets go. (PGlite cannot be shared
 * by two processes: PostgreSQL only. The month-end rush through nginx with a killed instance is
 * bench/instances.ts.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../store/audit.ts';
import { openTestDb, testEngines } from '../store/testing.ts';
import type { Session } from './testing.ts';
import { buildWorld, X, type World } from './world.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** `duban serve` on the test's schema; resolves once /ready answers 200. */
async function serve(databaseUrl: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [join(ROOT, 'bin', 'duban.mjs'), 'serve', '--port', String(port)], {
    cwd: ROOT, stdio: 'ignore',
    env: { ...process.env, DATABASE_URL: databaseUrl, DUBAN_SCHEDULER: 'off', DUBAN_LOG_LEVEL: 'silent' },
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`duban serve exited with ${proc.exitCode}`);
    const status = await fetch(`${url}/ready`).then((r) => r.status, () => 0);
    if (status === 200) return { url, proc };
    await sleep(200);
  }
}

describe.runIf(testEngines().includes('postgres'))('one of two instances killed on postgres', () => {
  let w: World;
  let schema: string;
  const procs: ChildProcess[] = [];
  let a: { url: string; proc: ChildProcess };
  let b: { url: string; proc: ChildProcess };
  beforeAll(async () => {
    w = await buildWorld(await openTestDb('postgres'));
    [{ schema }] = await w.db.query<{ schema: string }>('select current_schema() as schema');
    const url = (name: string) => {
      const u = new URL(process.env.DATABASE_URL!);
      u.searchParams.set('options', `-c search_path=${schema}`);
      u.searchParams.set('application_name', name);
      return u.href;
    };
    [a, b] = await Promise.all([serve(url(`a_${schema}`)), serve(url(`b_${schema}`))]);
    procs.push(a.proc, b.proc);
  });
  afterAll(async () => {
    for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    await w?.app.close();
    await w?.db.close();
  });

  it('a submission in flight on the killed instance, sent again to the other with its key, is stored once, and every acknowledged report is there', async () => {
    const s = w.sessions.reporter as Session;
    const commitments = await Promise.all(Array.from({ length: 3 }, () => w.commitment('own')));
    const sent: { key: string; commitmentId: string; period: string; value: string }[] = [];
    for (const c of commitments) for (const period of ['2024-01', '2024-02', '2024-03']) sent.push({ key: `k-${randomUUID()}`, commitmentId: c.id, period, value: String(100 + sent.length) });
    const post = (base: string, r: (typeof sent)[number]) =>
      fetch(`${base}/api/commitments/${r.commitmentId}/reports`, {
        method: 'POST', headers: { ...s, 'content-type': 'application/json', 'idempotency-key': r.key },
        body: JSON.stringify({ period: r.period, cumulativeValue: r.value }),
      });
    const acknowledged = new Map<string, string>(); // key → report id
    const take = async (res: Response, r: (typeof sent)[number]) => {
      expect(res.status).toBe(201);
      acknowledged.set(r.key, ((await res.json()) as { id: string }).id);
    };

    // one submission through each instance: both have read the commitments and the region's chain exists
    await take(await post(a.url, sent[0]!), sent[0]!);
    await take(await post(b.url, sent[1]!), sent[1]!);

    // hold the chain head: A's next writes wait in the database
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL, options: `-c search_path=${schema}` });
    await holder.connect();
    const inFlight = sent.slice(2, 6);
    try {
      await holder.query('begin');
      await holder.query('select * from audit_chain where region_code = $1 for update', [X]);
      const onA = inFlight.map((r) => post(a.url, r).then(() => 'answered', () => 'connection lost'));
      for (;;) {
        // asked outside the holder's transaction, which would see one snapshot of the activity
        const [{ n }] = await w.db.query<{ n: string }>(
          `select count(*) as n from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'`, [`a_${schema}`]);
        if (Number(n) >= inFlight.length) break;
        await sleep(50);
      }
      a.proc.kill('SIGKILL');
      expect(await Promise.all(onA)).toEqual(inFlight.map(() => 'connection lost'));
    } finally {
      await holder.query('rollback');
      await holder.end();
    }

    // the client sends the lost submissions again to the other instance, then the rest
    for (const r of sent.slice(2)) await take(await post(b.url, r), r);
    // asked again, each key answers with the report it made
    for (const r of inFlight) {
      const again = await post(b.url, r);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(((await again.json()) as { id: string }).id).toBe(acknowledged.get(r.key));
    }

    const rows = await w.db.query<{ id: string; commitment_id: string; period: string; value: string; key: string }>(
      `select id, commitment_id, period, cumulative_value::text as value, idempotency_key as key from progress_report where commitment_id = any($1)`, [commitments.map((c) => c.id)]);
    expect(rows.map((r) => ({ key: r.key, id: r.id, commitmentId: r.commitment_id, period: r.period, value: Number(r.value) })).sort((x, y) => x.key.localeCompare(y.key)))
      .toEqual(sent.map((r) => ({ key: r.key, id: acknowledged.get(r.key), commitmentId: r.commitmentId, period: r.period, value: Number(r.value) })).sort((x, y) => x.key.localeCompare(y.key)));
    expect(await verifyAuditChain(w.db)).toEqual([]);
  });
});
