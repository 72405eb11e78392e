import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../app/context.ts';
import { buildServer } from '../../server/app.ts';
import { calendarFromEnv, createScheduler, dailyJobs } from '../../app/jobs/scheduler.ts';
import { channelsFromEnv } from '../../app/reminders/channels.ts';
import { dispatchWebhooks } from '../../app/webhooks/webhooks.ts';
import { openDb } from '../../store/db.ts';
import { parseArgs, type Command } from '../command.ts';

export const WEB_ROOT = join(import.meta.dirname, '..', '..', '..', 'web', 'dist');

/** Opens the database, starts the server and prints its URL; resolves once listening. */
export async function startServer(opts: { port?: string | boolean; host?: string | boolean }) {
  const db = await openDb();
  const ctx = createContext(db);
  // 定时任务: the daily 督办单 update and 催办, once per region and working day across all instances
  const scheduler = createScheduler(ctx, {
    jobs: dailyJobs(process.env, () => channelsFromEnv()),
    calendar: calendarFromEnv(process.env),
    onFinish: (e) => {
      app.metrics.observeJob(e);
      if (e.ok) app.log.info({ job: e }, 'job run');
      else app.log.error({ job: e }, 'job run failed');
    },
  });
  // JSON lines on stdout, one per request with its id (DUBAN_LOG_LEVEL: info, warn, error, silent …)
  const logger = { level: process.env.DUBAN_LOG_LEVEL ?? 'info' };
  const app = await buildServer(ctx, { webRoot: existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : undefined, scheduler, logger });
  const port = Number(opts.port ?? process.env.PORT ?? 3000);
  const host = String(opts.host ?? process.env.HOST ?? '127.0.0.1');
  await app.listen({ port, host });
  const stopScheduler = process.env.DUBAN_SCHEDULER === 'off' ? () => undefined : scheduler.start((err) => app.log.error({ err }, 'scheduler tick failed'));
  // events out: post the webhook deliveries due (new ones and retries) every 30 s
  let dispatching = false;
  const webhookTimer = setInterval(() => {
    if (dispatching) return;
    dispatching = true;
    dispatchWebhooks(ctx).then((r) => { if (r.delivered + r.failed + r.retrying) app.log.info({ webhooks: r }, 'webhook deliveries'); }, (err) => app.log.error({ err }, 'webhook dispatch failed')).finally(() => { dispatching = false; });
  }, 30_000);
  webhookTimer.unref();
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`duban 督办 is serving ${db.engine === 'pglite' ? `embedded PGlite (${process.env.DUBAN_DATA ?? './data'})` : 'PostgreSQL'}`);
  console.log(`  open http://${shown}:${port}/   (API: /api, OpenAPI: /openapi.json)`);
  const stop = async () => {
    stopScheduler();
    clearInterval(webhookTimer);
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { app, db, ctx };
}

const serve: Command = {
  name: 'serve',
  summary: 'start the HTTP server',
  usage: 'duban serve [--port 3000] [--host 127.0.0.1]\n\nServes the API and the web app. DATABASE_URL selects a PostgreSQL server; otherwise PGlite in DUBAN_DATA (./data).\n\nRuns the daily jobs on Beijing working days (DUBAN_SCHEDULER=off to leave them to `duban remind`):\n  DUBAN_ESCALATION_CRON  督办单 update (default "30 8 * * *")\n  DUBAN_REMINDERS_CRON   催办 (default "0 9 * * *")\n  DUBAN_ROLLOVER_CRON    日终重算 of the kept 总览, every day (default "5 0 * * *")\n  DUBAN_BACKUP_DIR       daily backup folder (off when unset); DUBAN_BACKUP_KEEP files kept (14), DUBAN_BACKUP_CRON ("0 2 * * *")\n  DUBAN_HOLIDAYS         holidays, e.g. 2026-10-01,2026-10-02 (no run)\n  DUBAN_WORKDAYS         weekend days worked (调休上班), e.g. 2026-09-27',
  async run(argv) {
    const { options } = parseArgs(argv, { string: ['port', 'host'] });
    await startServer(options);
    return -1;
  },
};
export default serve;
