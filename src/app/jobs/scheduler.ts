/**
 * The server's own timetable (定时任务): the daily 督办单 update and 催办 run at configured times on
 * Beijing working days, once per region and day however many instances serve (each run is claimed
 * in the job_run table first), retried with backoff when they fail, and made up after downtime (the
 * latest missed occurrence runs at the next tick). The clock is injected: tests drive `tick(now)`.
 */
import { z } from 'zod';
import { mkdirSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { exportBackup } from '../../store/backup.ts';
import { Cron } from 'croner';
import { EVERY_DAY, latestOccurrence, nextOccurrence, parseDateList, checkCron, BEIJING_TIME_ZONE, type JobTimetable, type WorkCalendar } from '../../domain/jobSchedule.ts';
import { claimJobRun, finishJobRun, latestJobRuns, regionsWithCommitments, settledRegions, type JobRun } from '../../store/jobRuns.ts';
import type { AppContext } from '../context.ts';
import { runEscalation } from '../escalation/runEscalation.ts';
import type { ReminderChannels } from '../reminders/channels.ts';
import { sendReminders } from '../reminders/sendReminders.ts';
import { requireAdmin, SYSTEM_ACTOR, type WorkflowActor } from '../workflow/access.ts';
import { refreshDistrictSummaries } from '../summary.ts';


/** A job the scheduler runs once per region and working day. */
export interface JobDefinition {
  name: string;
  zh: string;
  en: string;
  cron: string;
  /** runs on every day, not only on working days */
  everyDay?: boolean;
  /** one run for the whole database, not one per region (recorded under the first region) */
  global?: boolean;
  /** does the work for a region on a day; throws (or returns ok: false) to be retried */
  run(ctx: AppContext, regionCode: string, day: string): Promise<{ ok: boolean; result: unknown; error?: string }>;
}

export interface SchedulerOptions {
  jobs: JobDefinition[];
  calendar: WorkCalendar;
  /** the clock (tests inject one) */
  now?: () => Date;
  /** this process's name in job_run.instance */
  instance?: string;
  /** attempts before a day's run is given up (default 5) */
  maxAttempts?: number;
  /** first retry delay, doubled per attempt, at most an hour (default 5 minutes) */
  retryDelayMs?: number;
  /** a claimed run not finished within this is taken over (its instance died; default 30 minutes) */
  leaseMs?: number;
  /** how many days back a missed run is still made up (default 7) */
  lookbackDays?: number;
  /** told of every finished attempt (metrics, logs) */
  onFinish?: (e: { job: string; regionCode: string; day: string; ok: boolean; seconds: number; error?: string }) => void;
}

/** A job as the office sees it: its timetable, its latest run in the region and its next run. */
export const JobStatus = z.object({
  name: z.string(),
  zh: z.string(),
  en: z.string(),
  schedule: z.object({ cron: z.string(), timeZone: z.string(), workingDaysOnly: z.boolean() }),
  lastRun: z.object({
    job: z.string(), regionCode: z.string(), day: z.string(), status: z.enum(['running', 'succeeded', 'failed']), attempts: z.number().int(), instance: z.string(),
    startedAt: z.string(), finishedAt: z.string().nullable(), leaseUntil: z.string(), retryAt: z.string().nullable(),
    result: z.unknown().describe('what the run did: the job’s counts, e.g. { opened, closed } or { reminders, sent, failed }'), error: z.string().nullable(),
  }).nullable(),
  nextRun: z.string().nullable().describe('the next time this job will run for the region: a pending retry, or the next occurrence'),
});
export type JobStatus = z.infer<typeof JobStatus>;

export interface Scheduler {
  /** Runs every job due at `now` for every region not yet done today; resolves when they finished. */
  tick(now?: Date): Promise<{ job: string; regionCode: string; day: string; ok: boolean }[]>;
  /** Starts the minute timer (and ticks at once, making up missed runs); returns a stop function. */
  start(onError?: (err: unknown) => void): () => void;
  /** Each job with its timetable, latest run and next run in a region (office only). */
  list(actor: WorkflowActor, regionCode: string, now?: Date): Promise<JobStatus[]>;
}

export function createScheduler(ctx: AppContext, o: SchedulerOptions): Scheduler {
  const clock = o.now ?? (() => new Date());
  const instance = o.instance ?? `${hostname()}:${process.pid}`;
  const maxAttempts = o.maxAttempts ?? 5;
  const retryDelayMs = o.retryDelayMs ?? 5 * 60_000;
  const leaseMs = o.leaseMs ?? 30 * 60_000;
  const timetable = (j: JobDefinition): JobTimetable => ({ cron: j.cron, calendar: j.everyDay ? EVERY_DAY : o.calendar });
  for (const j of o.jobs) checkCron(j.cron);

  async function runOne(job: JobDefinition, regionCode: string, day: string, now: Date) {
    const attempts = await claimJobRun(ctx.db, { job: job.name, regionCode, day, now, leaseMs, instance });
    if (attempts === null) return null;
    const started = performance.now();
    let outcome: { ok: boolean; result: unknown; error?: string };
    try {
      outcome = await job.run(ctx, regionCode, day);
    } catch (err) {
      outcome = { ok: false, result: null, error: err instanceof Error ? err.message : String(err) };
    }
    const retryAt = outcome.ok || attempts >= maxAttempts ? null : new Date(now.getTime() + Math.min(retryDelayMs * 2 ** (attempts - 1), 3_600_000));
    await finishJobRun(ctx.db, { job: job.name, regionCode, day, instance, attempts, now: clock(), ...outcome, retryAt });
    o.onFinish?.({ job: job.name, regionCode, day, ok: outcome.ok, seconds: (performance.now() - started) / 1000, error: outcome.error });
    return { job: job.name, regionCode, day, ok: outcome.ok };
  }

  const scheduler: Scheduler = {
    async tick(now = clock()) {
      const done: { job: string; regionCode: string; day: string; ok: boolean }[] = [];
      let regions: string[] | null = null;
      for (const job of o.jobs) {
        const due = latestOccurrence(timetable(job), now, o.lookbackDays);
        if (!due) continue;
        regions ??= await regionsWithCommitments(ctx.db);
        const settled = await settledRegions(ctx.db, job.name, due.day);
        for (const regionCode of job.global ? regions.slice(0, 1) : regions) {
          if (settled.has(regionCode)) continue;
          const r = await runOne(job, regionCode, due.day, now);
          if (r) done.push(r);
        }
      }
      return done;
    },
    start(onError = () => undefined) {
      const run = () => scheduler.tick().then(() => undefined, onError);
      // every minute on the minute; `protect` skips a tick while the previous one still runs
      const timer = new Cron('* * * * *', { timezone: BEIJING_TIME_ZONE, protect: true }, run);
      void run();
      return () => timer.stop();
    },
    async list(actor, regionCode, now = clock()) {
      requireAdmin(actor, regionCode);
      const runs = new Map((await latestJobRuns(ctx.db, regionCode, o.jobs.filter((j) => j.global).map((j) => j.name))).map((r) => [r.job, r]));
      return o.jobs.map((job) => {
        const lastRun = runs.get(job.name) ?? null;
        const next = nextOccurrence(timetable(job), now)?.at.toISOString() ?? null;
        const retry = lastRun?.status === 'failed' && lastRun.retryAt ? lastRun.retryAt : null;
        return {
          name: job.name, zh: job.zh, en: job.en,
          schedule: { cron: job.cron, timeZone: BEIJING_TIME_ZONE, workingDaysOnly: !job.everyDay },
          lastRun,
          nextRun: retry && (!next || retry < next) ? retry : next,
        };
      });
    },
  };
  return scheduler;
}

/** The daily jobs: 督办单 update, then 催办 (a run with a failed delivery is retried; delivered ones are not sent again). */
export function dailyJobs(env: NodeJS.ProcessEnv, channels: () => Promise<ReminderChannels>): JobDefinition[] {
  return [
    {
      // 序时进度 moves every day: the kept district summaries are recomputed once for the new day
      name: 'rollover', zh: '日终重算', en: 'date roll-over', everyDay: true,
      cron: env.DUBAN_ROLLOVER_CRON ?? '5 0 * * *',
      async run(ctx, regionCode) {
        return { ok: true, result: { regions: await refreshDistrictSummaries(ctx.db, ctx, [regionCode]) } };
      },
    },
    ...(env.DUBAN_BACKUP_DIR ? [backupJob(env.DUBAN_BACKUP_DIR, Number(env.DUBAN_BACKUP_KEEP ?? 14), env.DUBAN_BACKUP_CRON ?? '0 2 * * *')] : []),
    {
      name: 'escalation', zh: '督办单更新', en: 'supervision slips update',
      cron: env.DUBAN_ESCALATION_CRON ?? '30 8 * * *',
      async run(ctx, regionCode, day) {
        const r = await runEscalation(ctx, { actor: SYSTEM_ACTOR, regionCode, asOf: day });
        return { ok: true, result: { opened: r.opened.length, closed: r.closed.length } };
      },
    },
    {
      name: 'reminders', zh: '催办提醒', en: 'reminders',
      cron: env.DUBAN_REMINDERS_CRON ?? '0 9 * * *',
      async run(ctx, regionCode, day) {
        const { reminders } = await sendReminders(ctx, { actor: SYSTEM_ACTOR, regionCode, asOf: day, channels: await channels() });
        const deliveries = reminders.flatMap((r) => r.deliveries);
        const failed = deliveries.filter((d) => d.status === 'failed');
        return {
          ok: failed.length === 0,
          result: { reminders: reminders.length, sent: deliveries.filter((d) => d.status === 'sent').length, failed: failed.length },
          error: failed.length ? `${failed.length} deliveries failed: ${[...new Set(failed.map((d) => d.error))].join('; ')}` : undefined,
        };
      },
    },
  ];
}

/** The working-day calendar from DUBAN_HOLIDAYS and DUBAN_WORKDAYS (comma-separated dates). */
export function calendarFromEnv(env: NodeJS.ProcessEnv): WorkCalendar {
  return { holidays: parseDateList(env.DUBAN_HOLIDAYS, 'DUBAN_HOLIDAYS'), workdays: parseDateList(env.DUBAN_WORKDAYS, 'DUBAN_WORKDAYS') };
}

/**
 * 数据备份: the whole database as `duban export` writes it, to `dir/duban-YYYY-MM-DD.json` (written
 * to a temporary name, then renamed), keeping the newest `keep` files. Inside the server because an
 * embedded (PGlite) data directory has one owner: a `duban export` from cron would be refused.
 */
export function backupJob(dir: string, keep: number, cron: string): JobDefinition {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`DUBAN_BACKUP_KEEP must be a positive whole number: ${keep}`);
  return {
    name: 'backup', zh: '数据备份', en: 'backup', everyDay: true, global: true, cron,
    async run(ctx, _regionCode, day) {
      mkdirSync(dir, { recursive: true });
      const backup = await exportBackup(ctx.db);
      const file = join(dir, `duban-${day}.json`);
      writeFileSync(`${file}.tmp`, JSON.stringify(backup, null, 1) + '\n');
      renameSync(`${file}.tmp`, file);
      const all = readdirSync(dir).filter((f) => /^duban-\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort();
      for (const old of all.slice(0, Math.max(0, all.length - keep))) unlinkSync(join(dir, old));
      return { ok: true, result: { rows: Object.values(backup.tables).reduce((n, t) => n + t.length, 0), kept: Math.min(all.length, keep) } };
    },
  };
}
