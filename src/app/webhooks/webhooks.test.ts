import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../store/audit.ts';
import type { Db } from '../../store/db.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import { createContext, type AppContext } from '../context.ts';
import { recordInstruction } from '../instructions/recordInstruction.ts';
import { assignCommitment } from '../lifecycle/assignCommitment.ts';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../reminders/channels.ts';
import { reviewProgressReport } from '../reports/reviewProgressReport.ts';
import { submitProgressReport } from '../reports/submitProgressReport.ts';
import { buildWorld } from '../workflow/testWorld.ts';
import { createWebhook, deleteWebhook, dispatchWebhooks, listDeliveries, listWebhooks, MAX_ATTEMPTS, retryDelayMs, retryDelivery, testWebhook, updateWebhook, type EventPayload } from './webhooks.ts';

/** A local receiver: records every request; answers `failFirst` requests with 503, then 204. */
function receiver() {
  const got: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  let failFirst = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.statusCode = got.length <= failFirst ? 503 : 204;
      res.end();
    });
  });
  return {
    got,
    failing: (n: number) => (failFirst = n),
    start: () => new Promise<string>((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`))),
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

describe.each(testEngines())('events out (webhooks) on %s', (engine) => {
  let db: Db;
  let ctx: AppContext;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  const all = receiver();
  const accepted = receiver();
  let allHook: { id: string; secret: string };
  let acceptedHook: { id: string; secret: string };
  // the dispatcher's clock: a day after the rows' creation (the database's now()), however slow the run
  const t0 = new Date(Date.now() + 86_400_000);

  beforeAll(async () => {
    db = await openTestDb(engine);
    ctx = createContext(db, undefined, () => '2024-07-20');
    world = await buildWorld(db);
    const admin = world.actors.admin;
    allHook = await createWebhook(ctx, { actor: admin, input: { region: '430502', url: await all.start(), events: [], description: '市大数据平台' } });
    acceptedHook = await createWebhook(ctx, { actor: admin, input: { region: '430502', url: await accepted.start(), events: ['report.accepted'], description: 'OA' } });
  });
  afterAll(async () => {
    await all.stop();
    await accepted.stop();
    await db?.close();
  });

  const payloads = (r: ReturnType<typeof receiver>) => r.got.map((g) => JSON.parse(g.body) as EventPayload);

  it('writes events in the transaction of the change, sends nothing until dispatched, and nothing for a rolled-back change', async () => {
    const { actors } = world;
    const draft = await world.commitment();
    await assignCommitment(ctx, { actor: actors.admin, id: draft.id, input: { version: draft.version } }); // commitment.stateChanged
    const c = await world.commitment({ state: 'inProgress' });
    const { report } = await submitProgressReport(ctx, { actor: actors.hrReporter, commitmentId: c.id, input: { period: '2024-06', cumulativeValue: '1800', narrative: '上半年新增1800人' } });
    await reviewProgressReport(ctx, { actor: actors.admin, id: report.id, input: { decision: 'accept', version: report.version } });
    await recordInstruction(ctx, { actor: actors.leader, commitmentId: c.id, input: { leaderName: '王区长', text: '加快进度' } });
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, { regionCode: '430502', actor: { id: null, role: 'system' }, action: 'report.accept', entity: 'report', entityId: report.id, after: {} });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(all.got).toHaveLength(0);
    const events = await db.query<{ type: string }>(`select type from webhook_event order by occurred_at, type`);
    expect(events.map((e) => e.type).sort()).toEqual(['commitment.stateChanged', 'instruction.recorded', 'report.accepted', 'report.submitted']);
    // an event no one subscribed to (another region) is not even written
    await appendAudit(db, { regionCode: '430503', actor: { id: null, role: 'system' }, action: 'report.accept', entity: 'report', entityId: report.id, after: {} });
    expect(await db.query(`select 1 from webhook_event where region_code = '430503'`)).toHaveLength(0);
  });

  it('posts each event signed like the reminder webhook, in its documented format', async () => {
    const r = await dispatchWebhooks(ctx, { now: t0 });
    expect(r).toEqual({ delivered: 5, failed: 0, retrying: 0 });
    expect(payloads(all).map((p) => p.type).sort()).toEqual(['commitment.stateChanged', 'instruction.recorded', 'report.accepted', 'report.submitted']);
    expect(payloads(accepted).map((p) => p.type)).toEqual(['report.accepted']);
    for (const [rcv, hook] of [[all, allHook], [accepted, acceptedHook]] as const) {
      for (const g of rcv.got) {
        expect(verifySignature(hook.secret, String(g.headers[TIMESTAMP_HEADER]), g.body, String(g.headers[SIGNATURE_HEADER]))).toBe(true);
        expect(verifySignature('another secret', String(g.headers[TIMESTAMP_HEADER]), g.body, String(g.headers[SIGNATURE_HEADER]))).toBe(false);
        expect(g.headers[DELIVERY_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
        expect(g.headers['content-type']).toMatch(/^application\/json/);
      }
    }
    const acceptedEvent = payloads(accepted)[0]!;
    expect(acceptedEvent).toMatchObject({ type: 'report.accepted', regionCode: '430502', entity: 'report', entityId: expect.any(String), occurredAt: expect.any(String) });
    expect(acceptedEvent.data).toMatchObject({ state: 'accepted', cumulativeValue: '1800', period: '2024-06' });
    const changed = payloads(all).find((p) => p.type === 'commitment.stateChanged')!;
    expect(changed.data).toMatchObject({ state: 'assigned' });
    // delivered once: dispatching again sends nothing
    expect(await dispatchWebhooks(ctx, { now: new Date(t0.getTime() + 3600_000) })).toEqual({ delivered: 0, failed: 0, retrying: 0 });
    const history = await listDeliveries(ctx, { actor: world.actors.admin, id: acceptedHook.id, limit: 10 });
    expect(history).toEqual([expect.objectContaining({ type: 'report.accepted', status: 'delivered', attempts: 1, lastError: null })]);
  });

  it('retries a failed delivery with backoff, and gives up after the last attempt', async () => {
    const c = await world.commitment({ state: 'inProgress' });
    all.got.length = 0;
    all.failing(2);
    await recordInstruction(ctx, { actor: world.actors.leader, commitmentId: c.id, input: { leaderName: '李书记', text: '请专题研究' } });
    let now = t0;
    expect(await dispatchWebhooks(ctx, { now })).toEqual({ delivered: 0, failed: 0, retrying: 1 });
    // not due again before its backoff
    expect(await dispatchWebhooks(ctx, { now: new Date(now.getTime() + retryDelayMs(1) - 1000) })).toEqual({ delivered: 0, failed: 0, retrying: 0 });
    now = new Date(now.getTime() + retryDelayMs(1));
    expect(await dispatchWebhooks(ctx, { now })).toEqual({ delivered: 0, failed: 0, retrying: 1 });
    now = new Date(now.getTime() + retryDelayMs(2));
    expect(await dispatchWebhooks(ctx, { now })).toEqual({ delivered: 1, failed: 0, retrying: 0 });
    expect(all.got).toHaveLength(3);
    // the same event and delivery each time: a receiver can drop repeats by x-duban-delivery
    expect(new Set(all.got.map((g) => g.headers[DELIVERY_HEADER])).size).toBe(1);
    expect(new Set(all.got.map((g) => JSON.parse(g.body).id)).size).toBe(1);
    const [latest] = await listDeliveries(ctx, { actor: world.actors.admin, id: allHook.id, limit: 1 });
    expect(latest).toMatchObject({ type: 'instruction.recorded', status: 'delivered', attempts: 3, lastError: null });

    all.failing(1000);
    await recordInstruction(ctx, { actor: world.actors.leader, commitmentId: c.id, input: { leaderName: '李书记', text: '再次督促' } });
    const results = [];
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      results.push(await dispatchWebhooks(ctx, { now }));
      now = new Date(now.getTime() + retryDelayMs(i));
    }
    expect(results.at(-1)).toEqual({ delivered: 0, failed: 1, retrying: 0 });
    expect(await dispatchWebhooks(ctx, { now: new Date(now.getTime() + 86_400_000) })).toEqual({ delivered: 0, failed: 0, retrying: 0 });
    const [gaveUp] = await listDeliveries(ctx, { actor: world.actors.admin, id: allHook.id, limit: 1 });
    expect(gaveUp).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'HTTP 503', nextAttemptAt: null });
  });

  it('the office edits, disables and re-enables a webhook, sends a signed test at once and retries a failed delivery now', async () => {
    const oa = receiver();
    const url = await oa.start();
    try {
      const admin = world.actors.admin;
      const hook = await createWebhook(ctx, { actor: admin, input: { region: '430502', url: 'http://127.0.0.1:9/nowhere', events: [], description: 'OA' } });
      // a test goes out at once and is kept in the history, whatever it answered
      const refused = await testWebhook(ctx, { actor: admin, id: hook.id, timeoutMs: 5000 });
      expect(refused).toMatchObject({ type: 'ping', entity: 'webhook', entityId: hook.id, status: 'pending', attempts: 1, lastError: expect.any(String) });
      // edit the address; a stale version is refused
      const edited = await updateWebhook(ctx, { actor: admin, id: hook.id, input: { version: 1, url, events: ['instruction.recorded'], description: 'OA 系统' } });
      expect(edited).toMatchObject({ url, events: ['instruction.recorded'], description: 'OA 系统', active: true, version: 2 });
      await expect(updateWebhook(ctx, { actor: admin, id: hook.id, input: { version: 1, description: 'x' } })).rejects.toMatchObject({ status: 409 });
      await expect(updateWebhook(ctx, { actor: world.actors.otherAdmin, id: hook.id, input: { version: 2, active: false } })).rejects.toMatchObject({ status: 403 });
      const ok = await testWebhook(ctx, { actor: admin, id: hook.id });
      expect(ok).toMatchObject({ type: 'ping', status: 'delivered', attempts: 1, lastError: null });
      const ping = oa.got.at(-1)!;
      expect(verifySignature(hook.secret, String(ping.headers[TIMESTAMP_HEADER]), ping.body, String(ping.headers[SIGNATURE_HEADER]))).toBe(true);
      expect(JSON.parse(ping.body)).toMatchObject({ type: 'ping', regionCode: '430502', entity: 'webhook', entityId: hook.id });
      // the earlier refused test, retried now, reaches the new address (same delivery id: receivers drop repeats)
      const retried = await retryDelivery(ctx, { actor: admin, webhookId: hook.id, deliveryId: refused.id });
      expect(retried).toMatchObject({ id: refused.id, status: 'delivered', attempts: 2 });
      expect(oa.got.at(-1)!.headers[DELIVERY_HEADER]).toBe(refused.id);

      // disabled: listed as such, no new events, pending ones given up, no retry until enabled again
      oa.failing(1000);
      const c = await world.commitment({ state: 'inProgress' });
      await recordInstruction(ctx, { actor: world.actors.leader, commitmentId: c.id, input: { leaderName: '王区长', text: '抓紧' } });
      await dispatchWebhooks(ctx, { now: t0 });
      const [failing] = await listDeliveries(ctx, { actor: admin, id: hook.id, limit: 1 });
      expect(failing).toMatchObject({ type: 'instruction.recorded', status: 'pending', attempts: 1 });
      const off = await updateWebhook(ctx, { actor: admin, id: hook.id, input: { version: 2, active: false } });
      expect((await listWebhooks(ctx, { actor: admin, region: '430502' })).find((w) => w.id === hook.id)).toMatchObject({ active: false });
      const [dropped] = await listDeliveries(ctx, { actor: admin, id: hook.id, limit: 1 });
      expect(dropped).toMatchObject({ id: failing!.id, status: 'failed', lastError: 'webhook disabled' });
      await recordInstruction(ctx, { actor: world.actors.leader, commitmentId: c.id, input: { leaderName: '王区长', text: '停用期间' } });
      expect((await listDeliveries(ctx, { actor: admin, id: hook.id, limit: 1 }))[0]!.id).toBe(failing!.id);
      await expect(retryDelivery(ctx, { actor: admin, webhookId: hook.id, deliveryId: failing!.id })).rejects.toMatchObject({ status: 409 });
      oa.failing(0);
      await updateWebhook(ctx, { actor: admin, id: hook.id, input: { version: off.version, active: true } });
      expect(await retryDelivery(ctx, { actor: admin, webhookId: hook.id, deliveryId: failing!.id })).toMatchObject({ status: 'delivered', attempts: 2 });
      // removed: gone from the list and from every action
      await deleteWebhook(ctx, { actor: admin, id: hook.id });
      expect((await listWebhooks(ctx, { actor: admin, region: '430502' })).some((w) => w.id === hook.id)).toBe(false);
      await expect(testWebhook(ctx, { actor: admin, id: hook.id })).rejects.toMatchObject({ status: 404 });
      // the region's other webhook got this test's instructions too: let it have them
      all.failing(0);
      await dispatchWebhooks(ctx, { now: new Date(t0.getTime() + 10 * 86_400_000) });
    } finally {
      await oa.stop();
    }
  });

  it('only the office of the region manages webhooks; a stopped one gets nothing more', async () => {
    await expect(createWebhook(ctx, { actor: world.actors.otherAdmin, input: { region: '430502', url: 'https://example.org/x', events: [], description: '' } })).rejects.toMatchObject({ status: 403 });
    await expect(listDeliveries(ctx, { actor: world.actors.hrReporter, id: acceptedHook.id, limit: 5 })).rejects.toMatchObject({ status: 403 });
    await deleteWebhook(ctx, { actor: world.actors.admin, id: acceptedHook.id });
    accepted.got.length = 0;
    const c = await world.commitment({ state: 'inProgress' });
    const { report } = await submitProgressReport(ctx, { actor: world.actors.hrReporter, commitmentId: c.id, input: { period: '2024-06', cumulativeValue: '10' } });
    await reviewProgressReport(ctx, { actor: world.actors.admin, id: report.id, input: { decision: 'return', comment: '请补充材料', version: report.version } });
    all.failing(0);
    all.got.length = 0;
    await dispatchWebhooks(ctx, { now: new Date(t0.getTime() + 30 * 86_400_000) });
    expect(accepted.got).toHaveLength(0);
    expect(payloads(all).map((p) => p.type).sort()).toEqual(['report.returned', 'report.submitted']);
  });
});
