/**
 * Demo load benchmark (section "## Demo load" of bench/RESULTS.md): how long `npm start` waits
 * for the sample data. Runs `duban demo --load-only` on a fresh PGlite data directory and again on
 * the loaded one (the idempotent second load), each as the user would (a new process), then once
 * in-process with the time split into opening the database (initdb + migrations), the demo
 * accounts (argon2id hashing), the data rows and the escalation run. Target: a fresh load under ~15 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext } from '../src/app/context.ts';
import { loadDemoData } from '../src/demo/loadDemo.ts';
import { openDb } from '../src/store/db.ts';
import { machineLine, writeSection } from './results.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

function timeCli(dataDir: string): number {
  const t = performance.now();
  execFileSync(process.execPath, [join(repoRoot, 'bin/duban.mjs'), 'demo', '--load-only'], {
    env: { ...process.env, DUBAN_DATA: dataDir, DATABASE_URL: '' },
    stdio: 'ignore',
  });
  return (performance.now() - t) / 1000;
}

export default async function demoBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-demo-'));
  const inproc = mkdtempSync(join(tmpdir(), 'duban-bench-demo-'));
  try {
    const fresh = timeCli(join(dir, 'data'));
    const again = timeCli(join(dir, 'data'));

    const t0 = performance.now();
    const db = await openDb({ dataDir: join(inproc, 'data'), databaseUrl: '' });
    const opened = performance.now();
    let accountsAt = 0;
    let doneAt = 0;
    let slipsAt = 0;
    const counts = await loadDemoData(createContext(db), {
      onProgress: (m) => {
        if (m.startsWith('creating demo accounts')) accountsAt = performance.now();
        if (m.startsWith('loading') && accountsAt && !doneAt) doneAt = performance.now();
        if (m.startsWith('opening')) slipsAt = performance.now();
      },
    });
    const end = performance.now();
    await db.close();
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const rows = counts.commitments + counts.reports + counts.projects + counts.indicatorValues + counts.facts;
    const body = [
      machineLine(),
      '',
      '| step | time |',
      '|---|---:|',
      `| \`duban demo --load-only\`, fresh data directory (process start to exit) | ${fresh.toFixed(2)} s |`,
      `| the same again (idempotent: nothing new) | ${again.toFixed(2)} s |`,
      `| in-process: open PGlite + initdb + migrations | ${s(opened - t0)} |`,
      `| in-process: regions, departments and ${counts.users} demo accounts (argon2id) | ${s(doneAt - opened)} |`,
      `| in-process: ${rows} rows (commitments, reports, workflow records, projects, indicators, facts), multi-row inserts | ${s(slipsAt - doneAt)} |`,
      `| in-process: the day's escalation run, ${counts.slips} 督办单 | ${s(end - slipsAt)} |`,
      '',
      'The machine is shared: read times against the load average above.',
    ].join('\n');
    writeSection('Demo load', body);
    console.log(body);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(inproc, { recursive: true, force: true });
  }
}
