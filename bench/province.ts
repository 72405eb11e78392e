/**
 * `## Province` section of bench/RESULTS.md: the province 总览 (GET /api/commitments/summary over
 * every district of a province) and the 区县比较 (GET /api/districts/compare) at 100 and 200
 * generated districts of 500 commitments and ~10,000 monthly reports each, on PostgreSQL: the
 * first read of the day (every district's kept figures recomputed, as the roll-over does) and the
 * steady reads (kept figures added up), p50 of BENCH_PROVINCE_RUNS (default 15), the sizes timed
 * in turn in each round; beside them one district's own 总览, which is evaluated per request.
 * BENCH_PROVINCE_SIZES (default 100,200). Run: `npm run bench -- province`.
 */
import { createContext } from '../src/app/context.ts';
import { randomUUID } from 'node:crypto';
import { compareDistricts } from '../src/app/compareDistricts.ts';
import { commitmentSummary } from '../src/app/summary.ts';
import { generateRegion } from '../src/demo/generate.ts';
import { openTestDb } from '../src/store/testing.ts';
import { machineLine, writeSection } from './results.ts';

const SIZES = (process.env.BENCH_PROVINCE_SIZES ?? '100,200').split(',').map(Number);
const RUNS = Number(process.env.BENCH_PROVINCE_RUNS ?? 15);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

type Size = { n: number; db: Awaited<ReturnType<typeof openTestDb>>; scope: string[]; codes: string[]; commitments: number; reports: number; cold: number; overview: number[]; compare: number[]; district: number[] };

export default async function province() {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const sizes: Size[] = [];
  try {
    for (const n of SIZES) {
      const db = await openTestDb('postgres');
      const size: Size = { n, db, scope: [], codes: [], commitments: 0, reports: 0, cold: 0, overview: [], compare: [], district: [] };
      sizes.push(size);
      await db.query(`insert into region (code, name, level, parent_code) values ('990000', '测试省', 'province', null)`);
      for (let i = 0; i < n; i++) {
        const code = String(910000 + i);
        const g = await db.transaction((tx) => generateRegion(tx, { code, scale: 1 }));
        await db.query(`update region set parent_code = '990000' where code = $1`, [code]);
        size.codes.push(code);
        size.commitments += g.commitments;
        size.reports += g.reports;
        if (i % 20 === 19) console.log(`province ${n}: ${i + 1} districts loaded (${size.commitments} commitments, ${size.reports} reports)`);
      }
      await db.exec('analyze');
      size.scope = ['990000', ...size.codes];
      const ctx = createContext(db, undefined, () => '2024-06-15');
      size.cold = await timed(() => commitmentSummary(db, ctx, { regionCodes: size.scope }));
      await db.exec('analyze region_summary_group');
    }
    // every size timed in each round, so a slow spell of the shared machine falls on all alike
    for (let i = 0; i < 3 + RUNS; i++) {
      for (const s of sizes) {
        const ctx = createContext(s.db, undefined, () => '2024-06-15');
        const actor = { id: randomUUID(), role: 'leader' as const, regionCode: '990000', departmentId: null, regionCodes: s.scope, clientAddress: '127.0.0.1' };
        const o = await timed(() => commitmentSummary(s.db, ctx, { regionCodes: s.scope }));
        const c = await timed(() => compareDistricts(ctx, { actor, regionCode: '990000', year: 2023 }));
        const d = await timed(() => commitmentSummary(s.db, ctx, { regionCodes: [s.codes[0]!] }));
        if (i < 3) continue;
        s.overview.push(o);
        s.compare.push(c);
        s.district.push(d);
      }
    }
  } finally {
    for (const s of sizes) await s.db.close();
  }
  const rows = ['| districts | commitments | reports | first read of the day (all recomputed) | province 总览 p50 | 区县比较 p50 | one district\'s 总览 p50 (evaluated) |', '|---|---|---|---|---|---|---|'];
  for (const s of sizes) rows.push(`| ${s.n} | ${s.commitments.toLocaleString('en')} | ${s.reports.toLocaleString('en')} | ${ms(s.cold)} ms | ${ms(median(s.overview))} ms | ${ms(median(s.compare))} ms | ${ms(median(s.district))} ms |`);
  for (const s of sizes) console.log(`province ${s.n}: first read ${ms(s.cold)} ms, 总览 p50 ${ms(median(s.overview))} ms, 区县比较 p50 ${ms(median(s.compare))} ms, one district p50 ${ms(median(s.district))} ms`);
  const [a, b] = [sizes[0]!, sizes[sizes.length - 1]!];
  const ratio = (f: (s: Size) => number[]) => median(f(b)) / median(f(a));
  writeSection('Province', [
    machineLine(),
    '',
    `PostgreSQL 15 on the same machine. A province of generated districts (src/demo/generate.ts, scale 1: 500 commitments, 40 departments, 24 months of monthly reports). The province 总览 asks each district's freshness and version (one small row a district, one statement) and reads the province's kept sums (scope_summary, 9 rows); after a write it recounts the districts written to and adds their kept figures (region_summary_group, 9 rows a district) up again in SQL. The 区县比较 reads each county's total and 民生实事 rows of the year's plan (2 rows a county) and its plan. The first read of a day recomputes every district (the 00:05 roll-over job does this before anyone reads). In-process use-case calls (no HTTP), ${RUNS} timed rounds after 3 untimed, both sizes in each round, p50.`,
    '',
    ...rows,
    '',
    sizes.length < 2 ? '' : `Cost ratio ${b.n}/${a.n} districts (p50): 总览 **${ratio((s) => s.overview).toFixed(2)}×**, 区县比较 **${ratio((s) => s.compare).toFixed(2)}×** (goal ≤ 1.3×); p50 at ${a.n} districts: 总览 ${ms(median(a.overview))} ms, 区县比较 ${ms(median(a.compare))} ms (goal ≤ 300 ms).`,
  ].join('\n'));
}
