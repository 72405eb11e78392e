/**
 * `## Province` section of bench/RESULTS.md: the city/province 总览 (GET /api/commitments/summary
 * over every district of a province) at 100 and 200 generated districts of 500 commitments and
 * ~10,000 monthly reports each, on PostgreSQL: the first read of the day (every district summary
 * recomputed, as after the roll-over) and the steady reads (kept summaries added up), p50 of
 * BENCH_PROVINCE_RUNS (default 15); beside it one district's own 总览, which is computed as before.
 * BENCH_PROVINCE_SIZES (default 100,200). Run: `npm run bench -- province`.
 */
import { createContext } from '../src/app/context.ts';
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

export default async function province() {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const rows: string[] = [];
  const results: { n: number; cold: number; warm: number; district: number; commitments: number; reports: number }[] = [];
  for (const n of SIZES) {
    const db = await openTestDb('postgres');
    try {
      await db.query(`insert into region (code, name, level, parent_code) values ('990000', '测试省', 'province', null)`);
      let commitments = 0;
      let reports = 0;
      const codes: string[] = [];
      for (let i = 0; i < n; i++) {
        const code = String(910000 + i);
        const g = await db.transaction((tx) => generateRegion(tx, { code, scale: 1 }));
        await db.query(`update region set parent_code = '990000' where code = $1`, [code]);
        codes.push(code);
        commitments += g.commitments;
        reports += g.reports;
        if (i % 20 === 19) console.log(`province ${n}: ${i + 1} districts loaded (${commitments} commitments, ${reports} reports)`);
      }
      await db.exec('analyze');
      const ctx = createContext(db, undefined, () => '2024-06-15');
      const scope = ['990000', ...codes];
      const cold = await timed(() => commitmentSummary(db, ctx, { regionCodes: scope }));
      for (let i = 0; i < 3; i++) await commitmentSummary(db, ctx, { regionCodes: scope });
      const warm: number[] = [];
      const district: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        warm.push(await timed(() => commitmentSummary(db, ctx, { regionCodes: scope })));
        district.push(await timed(() => commitmentSummary(db, ctx, { regionCodes: [codes[0]!] })));
      }
      results.push({ n, cold, warm: median(warm), district: median(district), commitments, reports });
      console.log(`province ${n}: first read ${ms(cold)} ms, steady p50 ${ms(median(warm))} ms, one district p50 ${ms(median(district))} ms`);
    } finally {
      await db.close();
    }
  }
  rows.push('| districts | commitments | reports | first read of the day (all recomputed) | steady p50 (kept summaries) | one district p50 |', '|---|---|---|---|---|---|');
  for (const r of results) rows.push(`| ${r.n} | ${r.commitments.toLocaleString('en')} | ${r.reports.toLocaleString('en')} | ${ms(r.cold)} ms | ${ms(r.warm)} ms | ${ms(r.district)} ms |`);
  const ratio = results.length >= 2 ? results[results.length - 1]!.warm / results[0]!.warm : null;
  writeSection('Province', [
    machineLine(),
    '',
    `PostgreSQL 15 on the same machine. A province of generated districts (src/demo/generate.ts, scale 1: 500 commitments, 40 departments, 24 months of monthly reports). The province 总览 adds up the kept district summaries (region_summary); the first read of a day recomputes every district (the 00:05 roll-over job does this before anyone reads). ${RUNS} timed runs after 3 untimed, p50.`,
    '',
    ...rows,
    '',
    ratio === null ? '' : `Steady read ratio ${results[results.length - 1]!.n}/${results[0]!.n} districts: ${ratio.toFixed(2)}× (goal ≤ 1.3×); goal p50 ≤ 300 ms at 100 districts: ${results[0]!.warm <= 300 ? 'met' : 'missed'}.`,
  ].join('\n'));
}
