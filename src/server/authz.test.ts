import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines } from '../store/testing.ts';
import { MATRIX as CORE_MATRIX, VISIBLE_BASE } from './authz.matrix.ts';
import { WORKFLOW_MATRIX } from './authz.workflow.ts';
import { signIn } from './testing.ts';
import { ACTORS, TARGETS, buildWorld, type World } from './world.ts';

const MATRIX = [...CORE_MATRIX, ...WORKFLOW_MATRIX];

describe.each(testEngines())('authorization matrix on %s', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(await openTestDb(engine));
  });
  afterAll(async () => {
    await w?.app.close();
    await w?.db.close();
  });

  it('has a row for every route in the OpenAPI document', async () => {
    const doc = (await w.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const covered = new Set(MATRIX.map((r) => r.route));
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r))).toEqual([]);
  });

  it.each(MATRIX.map((row) => [row.route, row] as const))('%s', async (_route, row) => {
    const wrong: string[] = [];
    for (const actor of ACTORS) {
      for (const [i, target] of TARGETS.entries()) {
        const secret = row.secret ? await row.secret.set(w, target) : null;
        const req = await row.request(w, target);
        let session = w.sessions[actor];
        if (row.freshSession && actor !== 'public') {
          const [u] = await w.db.query<{ username: string }>('select username from app_user where id = $1', [w.users[actor]]);
          session = await signIn(w.app, u!.username);
        }
        const res = await w.app.inject({ ...req, headers: { ...(req.headers as Record<string, string>), ...session } });
        const want = row.expect[actor][i];
        if (res.statusCode !== want) wrong.push(`${actor} × ${target}: ${res.statusCode} (want ${want}) ${res.body.slice(0, 160)}`);
        if (res.statusCode < 300) {
          for (const hidden of TARGETS.filter((t) => !VISIBLE_BASE[actor].includes(t)))
            if (res.body.includes(w.base[hidden].id)) wrong.push(`${actor} × ${target}: answer leaks the ${hidden} commitment`);
          if (secret && res.body.includes(secret) !== row.secret!.shownTo[actor][i]) wrong.push(`${actor} × ${target}: ${row.secret!.what} ${res.body.includes(secret) ? 'shown' : 'missing'}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
