import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.ts';
import { upsertRegion } from '../../store/regions.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import { createContext, type AppContext } from '../context.ts';
import { SYSTEM_ACTOR } from '../workflow/access.ts';
import { listHonours } from './listHonours.ts';
import { recordHonour } from './recordHonour.ts';
import { removeHonour } from './removeHonour.ts';

describe.each(testEngines())('honours on %s', (engine) => {
  let db: Db;
  let ctx: AppContext;
  beforeAll(async () => {
    db = await openTestDb(engine);
    ctx = createContext(db);
    await upsertRegion(db, { code: '360313', name: '湘东区', level: 'county', parentCode: null });
  });
  afterAll(async () => db?.close());

  it('records, lists by year and level, refuses a repeat and bad input, removes with an audit event', async () => {
    const actor = SYSTEM_ACTOR;
    const a = await recordHonour(ctx, { actor, input: { region: '360313', year: 2022, title: '全省数字乡村试点县区', level: 'provincial', sector: '乡村振兴' } });
    await recordHonour(ctx, { actor, input: { region: '360313', year: 2022, title: '全国信访工作示范县区', level: 'national', recipient: '  ' } });
    await recordHonour(ctx, { actor, input: { region: '360313', year: 2021, title: '全市平安建设先进县区', level: 'city' } });
    const y2022 = await listHonours(ctx, { actor, region: '360313', year: 2022 });
    expect(y2022.map((h) => [h.title, h.recipient])).toEqual([['全国信访工作示范县区', null], ['全省数字乡村试点县区', null]]);
    await expect(recordHonour(ctx, { actor, input: { region: '360313', year: 2022, title: '全省数字乡村试点县区', level: 'provincial' } })).rejects.toMatchObject({ code: 'honour_exists', status: 409 });
    await expect(recordHonour(ctx, { actor, input: { region: '360313', year: 2022, title: '', level: 'provincial' } })).rejects.toMatchObject({ code: 'invalid_input', status: 400 });
    await expect(recordHonour(ctx, { actor, input: { region: '360313', year: 2022, title: '某荣誉', level: 'galactic' as 'city' } })).rejects.toMatchObject({ status: 400 });
    await removeHonour(ctx, { actor, id: a.id });
    expect((await listHonours(ctx, { actor, region: '360313', year: 2022 })).map((h) => h.title)).toEqual(['全国信访工作示范县区']);
    const audit = await db.query<{ action: string }>("select action from audit_event where entity = 'honour' and entity_id = $1 order by id", [a.id]);
    expect(audit.map((x) => x.action)).toEqual(['honour.create', 'honour.delete']);
    await expect(removeHonour(ctx, { actor, id: a.id })).rejects.toMatchObject({ status: 404 });
  });
});
