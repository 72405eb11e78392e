import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../app/context.ts';
import { buildServer } from '../../server/app.ts';
import { openDb } from '../../store/db.ts';
import { parseArgs, type Command } from '../command.ts';

export const WEB_ROOT = join(import.meta.dirname, '..', '..', '..', 'web', 'dist');

/** Opens the database, starts the server and prints its URL; resolves once listening. */
export async function startServer(opts: { port?: string | boolean; host?: string | boolean }) {
  const db = await openDb();
  const ctx = createContext(db);
  const app = await buildServer(ctx, { webRoot: existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : undefined });
  const port = Number(opts.port ?? process.env.PORT ?? 3000);
  const host = String(opts.host ?? process.env.HOST ?? '127.0.0.1');
  await app.listen({ port, host });
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`duban 督办 is serving ${db.engine === 'pglite' ? `embedded PGlite (${process.env.DUBAN_DATA ?? './data'})` : 'PostgreSQL'}`);
  console.log(`  open http://${shown}:${port}/   (API: /api, OpenAPI: /openapi.json)`);
  const stop = async () => {
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
  usage: 'duban serve [--port 3000] [--host 127.0.0.1]\n\nServes the API and the web app. DATABASE_URL selects a PostgreSQL server; otherwise PGlite in DUBAN_DATA (./data).',
  async run(argv) {
    const { options } = parseArgs(argv, { string: ['port', 'host'] });
    await startServer(options);
    return -1;
  },
};
export default serve;
