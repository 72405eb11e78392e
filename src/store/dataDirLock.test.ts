import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/e2e/harness.ts';
import { DataDirInUseError, LOCK_FILE, lockDataDir } from './dataDirLock.ts';
import { openDb } from './db.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'duban.mjs');
const dirs: string[] = [];
const newDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'duban-lock-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** a PID that is certainly not running: a child that has exited */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

describe('one owner per PGlite data directory', () => {
  it('refuses a second open in the same process, keeps the owner working, and frees the directory on close', async () => {
    const dir = newDir();
    const db = await openDb({ dataDir: dir, databaseUrl: '', migrate: false });
    await db.exec('create table kept (x int); insert into kept values (42)');
    const second = await openDb({ dataDir: dir, databaseUrl: '', migrate: false }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(second).toBeInstanceOf(DataDirInUseError);
    expect((second as Error).message).toContain(`PID ${process.pid}`);
    expect((second as Error).message).toContain('数据目录');
    // the owner is untouched and still writes
    await db.exec('insert into kept values (43)');
    await db.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = await openDb({ dataDir: dir, databaseUrl: '', migrate: false });
    expect(await again.query('select x from kept order by x')).toEqual([{ x: 42 }, { x: 43 }]);
    await again.close();
  });

  it('takes over a stale lock left by a dead process, but never a live or unreadable one', () => {
    const dir = newDir();
    const lock = join(dir, LOCK_FILE);
    const stale = { pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z', command: 'serve' };
    writeFileSync(lock, JSON.stringify(stale));
    const logged: string[] = [];
    const release = lockDataDir(dir, 'test', (m) => logged.push(m));
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid, command: 'test' });
    expect(logged.join()).toContain(`PID ${stale.pid}`);
    release();
    expect(existsSync(lock)).toBe(false);

    // a live owner (this test's parent process stands for one) is refused, its lock left as it was
    const live = JSON.stringify({ ...stale, pid: process.ppid });
    writeFileSync(lock, live);
    expect(() => lockDataDir(dir, 'test')).toThrow(DataDirInUseError);
    expect(readFileSync(lock, 'utf8')).toBe(live);

    // a lock from another host cannot be checked: refused
    writeFileSync(lock, JSON.stringify({ ...stale, host: `not-${hostname()}` }));
    expect(() => lockDataDir(dir, 'test')).toThrow(/@ not-/);

    writeFileSync(lock, 'garbage');
    expect(() => lockDataDir(dir, 'test')).toThrow(DataDirInUseError);
  });

  it('a CLI command refuses while `duban serve` owns the directory; after kill -9 the lock is recovered and the data is there', async () => {
    const dir = newDir();
    const seed = await openDb({ dataDir: dir, databaseUrl: '', migrate: false });
    await seed.exec('create table kept (x int); insert into kept values (7)');
    await seed.close();

    const port = await freePort();
    const env = { ...process.env, DUBAN_DATA: dir, DATABASE_URL: '', NO_COLOR: '1' };
    const server = spawn(process.execPath, [bin, 'serve', '--port', String(port)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    const exited = new Promise((r) => server.once('exit', r));
    try {
      for (;;) {
        if (server.exitCode !== null) throw new Error(`duban serve exited:\n${log}`);
        if (log.includes('serving')) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const cli = spawnSync(process.execPath, [bin, 'user', 'reset', '--username', 'nobody'], { cwd: root, env, encoding: 'utf8' });
      expect(cli.status).toBe(1);
      expect(cli.stderr).toContain(`PID ${server.pid}`);
      expect(cli.stderr).toContain('duban serve');
      expect(cli.stderr).toContain('stop that process');
      // the server still answers
      expect((await fetch(`http://127.0.0.1:${port}/health`)).ok).toBe(true);
    } finally {
      server.kill('SIGKILL');
      await exited;
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true); // left behind by the killed owner
    const after = await openDb({ dataDir: dir, databaseUrl: '', migrate: false });
    expect(await after.query('select x from kept')).toEqual([{ x: 7 }]);
    await after.close();
  });
});
