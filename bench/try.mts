import { loadRun, scaleRun } from './workflow.ts';
const what = process.argv[2] ?? 'rush';
const engine = (process.argv[3] ?? 'postgres') as 'postgres' | 'pglite';
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
if (what === 'rush') await loadRun(engine);
else console.log(JSON.stringify(await scaleRun(engine)));
process.exit(0);
