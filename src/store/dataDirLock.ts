/**
 * One owner per embedded (PGlite) data directory. PGlite is a single-process database: a second
 * process opening the same directory (a CLI command while `duban serve` runs) overwrites the first
 * one's writes and can leave the directory unreadable. The owner therefore holds `duban.lock` in
 * the directory, naming its PID, host, boot and process start; any other opener refuses at once.
 *
 * A lock whose owner is gone (kill -9, power cut, container restart) is stale and taken over: the
 * PID is dead, the machine has rebooted since (Linux boot id), or the PID now belongs to another
 * process (its start time differs). A lock written on another host cannot be checked and is
 * never taken over. Why not a library such as proper-lockfile: it detects staleness by a timer
 * refreshing the lock's mtime, and PGlite runs long statements synchronously on the event loop —
 * a busy owner would look dead and lose its lock, the very data loss this prevents; it also cannot
 * name the owner's PID in the refusal. The lock is created atomically (written aside, then
 * `link`ed: fails if the lock exists), so a reader never sees a half-written lock.
 */
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

export const LOCK_FILE = 'duban.lock';

export interface LockOwner {
  pid: number;
  host: string;
  /** Linux boot id: a lock from before a reboot is stale */
  bootId?: string;
  /** Linux: the process's start (clock ticks since boot), to tell a reused PID */
  procStart?: string;
  /** ISO time the lock was taken */
  since: string;
  /** the duban subcommand, e.g. `serve` */
  command: string;
}

/** Refusal to open a data directory another process owns. The message says what to do (zh + en). */
export class DataDirInUseError extends Error {
  readonly code = 'data_dir_in_use';
  constructor(readonly dataDir: string, readonly lockPath: string, readonly owner?: LockOwner) {
    const who = owner
      ? `PID ${owner.pid}${owner.host === hostname() ? '' : ` @ ${owner.host}`}, duban ${owner.command}, ${owner.since}`
      : `? ${lockPath}`;
    super(
      `数据目录 ${dataDir} 正由另一个 duban 进程使用（${who}）。嵌入式数据库同时只能由一个进程打开，否则会丢失数据：` +
        `请先停止该进程（例如 duban serve），或在运行中的服务上（网页或 API）完成此操作。若确认该进程已不存在，可删除 ${lockPath}。\n` +
        `The data directory ${dataDir} is in use by another duban process (${who}). An embedded database has one ` +
        `owner at a time, two lose data: stop that process first (e.g. duban serve), or do this through the running ` +
        `server (web app or API). If you are sure that process is gone, delete ${lockPath}.`,
    );
    this.name = 'DataDirInUseError';
  }
}

/** lock paths held by this process */
const held = new Set<string>();
let exitHook = false;

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function bootId(): string | undefined {
  return readText('/proc/sys/kernel/random/boot_id')?.trim();
}

/** Linux: field 22 of /proc/<pid>/stat (start time since boot); undefined elsewhere or when gone. */
function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function me(command: string): LockOwner {
  return { pid: process.pid, host: hostname(), bootId: bootId(), procStart: procStart(process.pid), since: new Date().toISOString(), command };
}

/** Whether the recorded owner may still be running (true when it cannot be told: another host). */
function ownerAlive(owner: LockOwner, lockPath: string): boolean {
  if (owner.host !== hostname()) return true;
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return false;
  if (owner.pid === process.pid) return held.has(lockPath);
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: alive, another user's process
  }
  const start = procStart(owner.pid);
  return !(owner.procStart && start && owner.procStart !== start);
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const o = JSON.parse(text) as LockOwner;
    return Number.isInteger(o?.pid) && typeof o.host === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the data directory's lock for this process or throws DataDirInUseError naming the owner.
 * Returns the function that releases it (also released when the process exits).
 */
export function lockDataDir(dataDir: string, command = process.argv[2] ?? 'node', log: (m: string) => void = console.warn): () => void {
  const lockPath = join(dataDir, LOCK_FILE);
  const mine = JSON.stringify(me(command));
  for (let attempt = 0; ; attempt++) {
    const aside = `${lockPath}.${process.pid}.${randomUUID()}`;
    writeFileSync(aside, mine, { mode: 0o644 });
    try {
      linkSync(aside, lockPath);
      held.add(lockPath);
      if (!exitHook) {
        exitHook = true;
        process.on('exit', () => {
          for (const p of held) release(p);
        });
      }
      return () => release(lockPath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(aside);
    }
    const text = readText(lockPath);
    if (text === undefined) continue; // released meanwhile: try again
    const owner = parseOwner(text);
    // an unreadable lock is not one duban wrote (edited by hand?): refuse rather than guess
    if (!owner || ownerAlive(owner, lockPath) || attempt > 3) throw new DataDirInUseError(dataDir, lockPath, owner);
    // Stale: move it aside, and check what was moved is the lock judged stale (another process
    // may have taken over in between; then its lock goes back).
    const moved = `${lockPath}.stale.${process.pid}.${randomUUID()}`;
    try {
      renameSync(lockPath, moved);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    if (readText(moved) !== text) {
      try {
        linkSync(moved, lockPath);
      } catch { /* a third process holds it now */ }
    } else {
      log(`duban: recovered the lock of ${dataDir} left by PID ${owner.pid} (no longer running) / 已接管已退出进程 ${owner.pid} 遗留的数据目录锁`);
    }
    unlinkSync(moved);
  }
}

function release(lockPath: string): void {
  if (!held.delete(lockPath)) return;
  const owner = parseOwner(readText(lockPath) ?? '');
  if (owner?.pid === process.pid && owner.host === hostname()) {
    try {
      unlinkSync(lockPath);
    } catch { /* already gone */ }
  }
}
