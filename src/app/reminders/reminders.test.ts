import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { createContext, type AppContext } from '../context.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import type { Db } from '../../store/db.ts';
import { buildWorld } from '../workflow/testWorld.ts';
import { sendReminders } from './sendReminders.ts';
import { postWebhook, signPayload, verifySignature } from './channels.ts';

describe.each(testEngines())('reminders on %s', (engine) => {
  let db: Db;
  let ctx: AppContext;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    db = await openTestDb(engine);
    ctx = createContext(db, undefined, () => '2024-06-03');
    w = await buildWorld(db);
    await db.query('update department set email = $2 where id = $1', [w.ids.hr, 'hr@example.gov.cn']);
  });
  afterAll(async () => db?.close());

  it('e-mails the department (临近提醒 before the due date), records it, and a dry run sends nothing', async () => {
    await w.commitment({ state: 'inProgress', title: '新增城镇就业3500人', startDate: '2024-05-01' });
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: string[] = [];
    const spy = { sendMail: async (m: object) => (sent.push(JSON.stringify(m)), transport.sendMail(m)) } as unknown as typeof transport;
    const dry = await sendReminders(ctx, { actor: w.actors.admin, regionCode: '430502', dryRun: true, channels: { email: { transport: spy, from: 'duban@example.gov.cn' } } });
    expect(dry.reminders).toEqual([expect.objectContaining({ kind: 'dueSoon', departmentId: w.ids.hr, deliveries: [] })]);
    expect(sent).toHaveLength(0);

    const res = await sendReminders(ctx, { actor: w.actors.admin, regionCode: '430502', channels: { email: { transport: spy, from: 'duban@example.gov.cn' } } });
    expect(res.reminders[0]!.deliveries.map((d) => [d.channel, d.status])).toEqual([['inApp', 'sent'], ['email', 'sent']]);
    expect(sent).toHaveLength(1);
    const mail = JSON.parse(sent[0]!);
    expect(mail).toMatchObject({ to: 'hr@example.gov.cn', subject: expect.stringContaining('临近提醒') });
    expect(mail.text).toContain('新增城镇就业3500人：2024年5月进展，报送时限2024年6月5日');
    const rows = await db.query('select channel, recipient, status from reminder where region_code = $1 order by channel', ['430502']);
    expect(rows).toEqual([{ channel: 'email', recipient: 'hr@example.gov.cn', status: 'sent' }, { channel: 'inApp', recipient: null, status: 'sent' }]);
    await expect(sendReminders(ctx, { actor: w.actors.hrReporter, regionCode: '430502' })).rejects.toMatchObject({ status: 403 });
  });

  it('a webhook that keeps failing is tried the configured number of times and recorded as failed; 4xx is not retried', async () => {
    const calls: number[] = [];
    const fetchBackup = globalThis.fetch;
    let status = 503;
    globalThis.fetch = (async () => (calls.push(Date.now()), new Response(null, { status }))) as typeof fetch;
    try {
      const r = await postWebhook({ url: 'http://127.0.0.1:9/x', secret: 's', attempts: 3, backoffMs: 30 }, 'id', { a: 1 });
      expect(r).toEqual({ ok: false, attempts: 3, error: 'HTTP 503' });
      // waits of 30 then 60 ms (timers may fire late on a busy machine, never early)
      expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(28);
      expect(calls[2]! - calls[1]!).toBeGreaterThanOrEqual(58);
      calls.length = 0;
      status = 400;
      expect(await postWebhook({ url: 'http://127.0.0.1:9/x', secret: 's', attempts: 3, backoffMs: 1 }, 'id', {})).toMatchObject({ ok: false, attempts: 1 });
    } finally {
      globalThis.fetch = fetchBackup;
    }
  });

  it('signatures verify only for the same secret, timestamp and body', () => {
    const sig = signPayload('secret', '1700000000', '{"a":1}');
    expect(verifySignature('secret', '1700000000', '{"a":1}', sig)).toBe(true);
    expect(verifySignature('secret', '1700000001', '{"a":1}', sig)).toBe(false);
    expect(verifySignature('other', '1700000000', '{"a":1}', sig)).toBe(false);
    expect(verifySignature('secret', '1700000000', '{"a":2}', sig)).toBe(false);
  });
});
