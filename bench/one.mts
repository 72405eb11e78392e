/**
 * One part of the workflow bench, for tuning (prints, writes nothing to RESULTS.md):
 *   node bin/run-ts.mjs bench/one.mts rush|paced|scale [postgres|pglite]
 * with BENCH_SECONDS, BENCH_WARMUP, BENCH_SCALES, BENCH_CPU_PROF, BENCH_TRACE_GC as in workflow.ts.
 */
import { loadRun, scaleRun } from './workflow.ts';

const what = process.argv[2] ?? 'rush';
const engine = (process.argv[3] ?? 'postgres') as 'postgres' | 'pglite';
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
if (what === 'rush') await loadRun(engine);
else if (what === 'paced') await loadRun(engine, Number(process.env.BENCH_PACED_RATE ?? 100));
else console.log(JSON.stringify(await scaleRun(engine)));
process.exit(0);
