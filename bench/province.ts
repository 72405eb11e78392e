/**
 * `## Province` section of bench/RESULTS.md: the province 总览 (GET /api/overview over every
 * district of a province: counts, the most-behind 滞后 and 逾期 lists, the monthly trend) and the
 * 区县比较 (GET /api/districts/compare) at 100 and 200 generated districts of 500 commitments and
 * ~10,000 monthly reports each, on PostgreSQL: the first read (every district's kept figures
 * recomputed, trend included), the first read of the next day (as the roll-over does: today's
 * figures recomputed, past month-ends kept), the steady reads (kept figures added up) and the read
 * after one report was written (that district recomputed), p50 of BENCH_PROVINCE_RUNS (default 15),
 * the sizes timed in turn in each round; beside them one district's own 总览 (its kept groups).
 * BENCH_PROVINCE_SIZES (default 100,200). Run: `npm run bench -- province`.
 */
import { createContext } from '../src/app/context.ts';
import { randomUUID } from 'node:crypto';
import { compareDistricts } from '../src/app/compareDistricts.ts';
import { commitmentSummary } from '../src/app/summary.ts';
import { scopeOverview } from '../src/app/scopeOverview.ts';
import { generateRegion } from '../src/demo/generate.ts';
import { openTestDb } from '../src/store/testing.ts';
import { machineLine, writeSection } from './results.ts';
import { loadavg } from 'node:os';
import { buildServer } from '../src/server/app.ts';
import { newSecret, sha256 } from '../src/app/auth/secrets.ts';

const SIZES = (process.env.BENCH_PROVINCE_SIZES ?? '100,200').split(',').map(Number);
const RUNS = Number(process.env.BENCH_PROVINCE_RUNS ?? 15);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

type Size = { n: number; province: string; db: Awaited<ReturnType<typeof openTestDb>>; app?: Awaited<ReturnType<typeof buildServer>>; token: string; scope: string[]; codes: string[]; commitments: number; reports: number; cold: number; nextDay: number; overview: number[]; afterWrite: number[]; compare: number[]; compareHttp: number[]; compareAfterWrite: number[]; district: number[] };

const leader = (scope: string[]) => ({ id: randomUUID(), role: 'leader' as const, regionCode: scope[0]!, departmentId: null, regionCodes: scope, clientAddress: '127.0.0.1' });

let timedAtLoad = 0;

export default async function province() {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const sizes: Size[] = [];
  try {
    for (const n of SIZES) {
      const db = await openTestDb('postgres');
      // a province code per size: the server's region-scope cache is per process, by code
      const province = String(990000 - 10000 * sizes.length);
      const size: Size = { n, province, db, token: newSecret('dbt_'), scope: [], codes: [], commitments: 0, reports: 0, cold: 0, nextDay: 0, overview: [], afterWrite: [], compare: [], compareHttp: [], compareAfterWrite: [], district: [] };
      sizes.push(size);
      await db.query(`insert into region (code, name, level, parent_code) values ($1, '测试省', 'province', null)`, [province]);
      for (let i = 0; i < n; i++) {
        const code = String(910000 + i);
        const g = await db.transaction((tx) => generateRegion(tx, { code, scale: 1 }));
        await db.query(`update region set parent_code = $2 where code = $1`, [code, province]);
        size.codes.push(code);
        size.commitments += g.commitments;
        size.reports += g.reports;
        if (i % 20 === 19) console.log(`province ${n}: ${i + 1} districts loaded (${size.commitments} commitments, ${size.reports} reports)`);
      }
      await db.exec('analyze');
      size.scope = [province, ...size.codes];
      const actor = leader(size.scope);
      size.cold = await timed(() => scopeOverview(createContext(db, undefined, () => '2024-06-14'), { actor, regionCode: province, year: 2023 }));
      size.nextDay = await timed(() => scopeOverview(createContext(db, undefined, () => '2024-06-15'), { actor, regionCode: province, year: 2023 }));
      await db.exec('analyze');
      // the same reads through HTTP: a leader of the province with an API token
      const userId = randomUUID();
      await db.query(`insert into app_user (id, region_code, username, display_name, role) values ($1, $2, 'bench-leader', '省领导', 'leader')`, [userId, province]);
      await db.query(`insert into api_token (id, region_code, user_id, name, token_hash) values ($1, $2, $3, 'bench', $4)`, [randomUUID(), province, userId, sha256(size.token)]);
      size.app = await buildServer(createContext(db, undefined, () => '2024-06-15'), { rateLimits: { max: 1_000_000, loginMax: 30, windowMs: 60_000 } });
    }
    // BENCH_WAIT_LOAD: wait (at most 30 min) for the machine's 1-minute load average to fall below it before timing
    const waitLoad = Number(process.env.BENCH_WAIT_LOAD ?? 0);
    for (const until = Date.now() + 1_800_000; waitLoad && loadavg()[0] >= waitLoad && Date.now() < until;) await new Promise((r) => setTimeout(r, 10_000));
    timedAtLoad = loadavg()[0];
    // every size timed in each round, so a slow spell of the shared machine falls on all alike
    for (let i = 0; i < 3 + RUNS; i++) {
      for (const s of sizes) {
        const ctx = createContext(s.db, undefined, () => '2024-06-15');
        const actor = leader(s.scope);
        const o = await timed(() => scopeOverview(ctx, { actor, regionCode: s.province, year: 2023 }));
        const c = await timed(() => compareDistricts(ctx, { actor, regionCode: s.province, year: 2023 }));
        const h = await timed(async () => {
          const r = await s.app!.inject({ url: `/api/districts/compare?region=${s.province}&year=2023`, headers: { authorization: `Bearer ${s.token}` } });
          if (r.statusCode !== 200) throw new Error(r.body);
        });
        const d = await timed(() => commitmentSummary(s.db, ctx, { regionCodes: [s.codes[0]!] }));
        // a department reports: one report of one district changed, the next read recomputes that district
        const code = s.codes[(i * 7) % s.codes.length]!;
        await s.db.query(`update progress_report set cumulative_value = cumulative_value + 1 where id = (select id from progress_report where region_code = $1 and period = '2024-05' limit 1)`, [code]);
        const w = await timed(() => scopeOverview(ctx, { actor, regionCode: s.province, year: 2023 }));
        // and the same again for the 区县比较 (the overview above made the district current: a write after it)
        await s.db.query(`update progress_report set cumulative_value = cumulative_value + 1 where id = (select id from progress_report where region_code = $1 and period = '2024-05' limit 1)`, [code]);
        const cw = await timed(() => compareDistricts(ctx, { actor, regionCode: s.province, year: 2023 }));
        // the province's kept 总览 added up again (untimed), so the next round's first read is a steady one
        await scopeOverview(ctx, { actor, regionCode: s.province, year: 2023 });
        if (i < 3) continue;
        s.compareHttp.push(h);
        s.compareAfterWrite.push(cw);
        s.afterWrite.push(w);
        s.overview.push(o);
        s.compare.push(c);
        s.district.push(d);
      }
    }
  } finally {
    for (const s of sizes) {
      await s.app?.close();
      await s.db.close();
    }
  }
  const rows = ['| districts | commitments | reports | first read (all recomputed, trend included) | first read of the next day (roll-over) | province 总览 p50 | 总览 after one write p50 | 区县比较 p50 | 区县比较 through HTTP p50 | 区县比较 after one write p50 | one district\'s 总览 p50 (kept groups) |', '|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const s of sizes) rows.push(`| ${s.n} | ${s.commitments.toLocaleString('en')} | ${s.reports.toLocaleString('en')} | ${ms(s.cold)} ms | ${ms(s.nextDay)} ms | ${ms(median(s.overview))} ms | ${ms(median(s.afterWrite))} ms | ${ms(median(s.compare))} ms | ${ms(median(s.compareHttp))} ms | ${ms(median(s.compareAfterWrite))} ms | ${ms(median(s.district))} ms |`);
  for (const s of sizes) console.log(rows[rows.length - sizes.length + sizes.indexOf(s)]);
  const [a, b] = [sizes[0]!, sizes[sizes.length - 1]!];
  const ratio = (f: (s: Size) => number[]) => median(f(b)) / median(f(a));
  writeSection('Province', [
    machineLine(),
    '',
    `PostgreSQL 15 on the same machine. A province of generated districts (src/demo/generate.ts, scale 1: 500 commitments, 40 departments, 24 months of monthly reports; one plan, of 2023). The province 总览 (GET /api/overview, use case scopeOverview: the counts, the 8 most-behind 滞后 and 逾期 commitments with their counts, the monthly trend of the year) walks the region tree and each district's freshness and version in SQL (one statement, one aggregate row back), then reads the province's kept 总览 of the year (scope_summary, scope_summary_trend, scope_summary_item: 9 + 12 + 16 rows, one statement). After a write it recomputes the district written to (its counts, lists and 12 month-ends) and adds the districts' kept figures up again (sums, trend and lists). The 区县比较 (GET /api/districts/compare, use case compareDistricts) answers the table this process keeps while the province's scope version (one row, migration 036) is the one it was made at; else one statement gives the region tree, each county's freshness, its plan of the year, that plan's kept total and 民生实事 counts and its indicator values of the year, one row a county (after a write: that district recomputed first). It is timed in-process and through HTTP (Fastify's inject: routing, the API token's credential, JSON of the answer). The first read recomputes every district, each plan's month-ends included; on a new day (the 00:05 roll-over job does this before anyone reads) only today's evaluation is redone, past month-ends are kept. In-process use-case calls (no HTTP), ${RUNS} timed rounds after 3 untimed, both sizes in each round, p50. Load average when the timed rounds began: ${timedAtLoad.toFixed(1)} (the first reads above were timed while loading, at whatever load the machine had).`,
    '',
    ...rows,
    '',
    sizes.length < 2 ? '' : `Cost ratio ${b.n}/${a.n} districts (p50): 总览 with lists and trend **${ratio((s) => s.overview).toFixed(2)}×**, after one write ${ratio((s) => s.afterWrite).toFixed(2)}×, 区县比较 **${ratio((s) => s.compare).toFixed(2)}×** (goal ≤ 1.3×), through HTTP ${ratio((s) => s.compareHttp).toFixed(2)}×, after one write ${ratio((s) => s.compareAfterWrite).toFixed(2)}×; p50 at ${a.n} districts: 总览 ${ms(median(a.overview))} ms, after one write ${ms(median(a.afterWrite))} ms, 区县比较 ${ms(median(a.compare))} ms (goal ≤ 300 ms).`,
  ].join('\n'));
}
