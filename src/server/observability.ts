/**
 * Running in production: request ids, text checks on input, Prometheus metrics, liveness and
 * readiness, and telling a database outage (503, retry) from a fault (500, logged with the id).
 */
import { randomUUID } from 'node:crypto';
import { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AppError } from '../app/errors.ts';
import type { AppContext } from '../app/context.ts';
import { migrationNames } from '../store/migrate.ts';
export { isDatabaseUnavailable } from '../store/db.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Fastify options for request ids: a proxy's `X-Request-Id` is kept when it looks like one (so a
 * request is found by the same id in nginx's log and ours), otherwise a new UUID; logs call it requestId.
 */
export const requestIdOptions = {
  requestIdHeader: false as const,
  logController: new LogController({ requestIdLogLabel: 'requestId' }),
  genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
    const given = req.headers[REQUEST_ID_HEADER];
    return typeof given === 'string' && /^[\w.:-]{8,128}$/.test(given) ? given : randomUUID();
  },
};

// a NUL, or half of a UTF-16 surrogate pair: PostgreSQL refuses the first in text and neither is text
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path (e.g. `body.items[2].title`) of the first string in `value` that holds a NUL byte or a lone surrogate. */
export function findBadText(value: unknown, path: string): string | null {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'string') {
      if (BAD_TEXT.test(v)) return p;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${p}[${i}]`]);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v).reverse()) {
        if (BAD_TEXT.test(k)) return `${p}.${k.replace(BAD_TEXT, '\ufffd')}`;
        stack.push([x, `${p}.${k}`]);
      }
    }
  }
  return null;
}

export interface Metrics {
  registry: Registry;
  /** one finished job attempt */
  observeJob(e: { job: string; ok: boolean; seconds: number }): void;
}

/** Metrics of one server: its own registry (tests build many servers in one process). */
export function createMetrics(ctx: AppContext): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: '' }); // process, heap, GC, nodejs_eventloop_lag_* …
  const jobRuns = new Counter({ name: 'duban_job_runs_total', help: 'Scheduled job attempts by outcome', labelNames: ['job', 'outcome'], registers: [registry] });
  const jobSeconds = new Histogram({ name: 'duban_job_duration_seconds', help: 'Scheduled job attempt duration', labelNames: ['job'], buckets: [0.1, 0.5, 1, 5, 15, 60, 300], registers: [registry] });
  const stats = ctx.db.poolStats;
  if (stats) {
    const pool = new Gauge({ name: 'duban_db_pool_connections', help: 'Database pool connections by state (total, idle, waiting clients)', labelNames: ['state'], registers: [registry],
      collect() {
        const s = stats();
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      } });
    void pool;
  }
  return {
    registry,
    observeJob(e) {
      jobRuns.inc({ job: e.job, outcome: e.ok ? 'succeeded' : 'failed' });
      jobSeconds.observe({ job: e.job }, e.seconds);
    },
  };
}

const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

/** Hooks and routes: the request id header, the text check, the request histogram, /metrics, /health, /ready. */
export function registerObservability(app: FastifyInstance, ctx: AppContext, metrics: Metrics): void {
  const duration = new Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request duration by route pattern', labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [metrics.registry],
  });
  app.addHook('onRequest', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });
  app.addHook('preValidation', async (req) => {
    const field = findBadText(req.params, 'params') ?? findBadText(req.query, 'query') ?? findBadText(req.body, 'body');
    if (field)
      throw new AppError('invalid_text', `${field} 含有不允许的字符（空字符或不成对的代理字符）`, `${field} contains a NUL byte or a lone surrogate, which is not text`, 400, { field });
  });
  app.addHook('onResponse', async (req, reply) => {
    // the route pattern, not the URL: ids in paths would make a series per commitment
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe({ method: req.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const token = process.env.DUBAN_METRICS_TOKEN;
  const mayReadMetrics = (req: FastifyRequest) => (token ? req.headers.authorization === `Bearer ${token}` : isLoopback(req.ip));
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!mayReadMetrics(req))
      return reply.status(403).send({ error: { code: 'forbidden', message: '指标仅限本机或持令牌访问 / metrics: loopback or DUBAN_METRICS_TOKEN only', zh: '指标仅限本机或持令牌访问', en: 'metrics are served to loopback or with DUBAN_METRICS_TOKEN only' } });
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  // liveness: the process answers (a load balancer restarts it otherwise); nothing else is checked
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok', engine: ctx.db.engine }));
  // readiness: the database answers and has every migration this version ships
  app.get('/ready', { schema: { hide: true } }, async (_req, reply) => {
    try {
      const applied = new Set((await ctx.db.query<{ name: string }>('select name from schema_migration')).map((r) => r.name));
      const missing = migrationNames().filter((n) => !applied.has(n));
      if (missing.length) return reply.status(503).header('retry-after', '30').send({ status: 'migrations pending', missing });
      return { status: 'ready', engine: ctx.db.engine };
    } catch (err) {
      reply.log.warn({ err }, 'readiness check: database unreachable');
      return reply.status(503).header('retry-after', '5').send({ status: 'database unreachable' });
    }
  });
}
