import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.ts';
import { openTestDb, testEngines } from '../../store/testing.ts';
import { createContext, type AppContext } from '../context.ts';
import { buildWorld } from '../workflow/testWorld.ts';
import { getDepartmentRobots, listRegionRobots, setDepartmentRobots, testDepartmentRobots } from './robots.ts';
import { sendReminders } from './sendReminders.ts';
import { createScheduler, dailyJobs } from '../jobs/scheduler.ts';
import { WEEKDAYS_ONLY } from '../../domain/jobSchedule.ts';

const SECRET = 'SEC0123456789abcdef';

/**
 * Stub robot servers that check what the real ones check. DingTalk: `timestamp` within an hour and
 * `sign` = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)) in the query, else errcode 310000;
 * WeCom: the `key`. Both: a markdown message, else errcode 40008 (invalid message type).
 */
function stubRobot(kind: 'dingtalk' | 'wecom') {
  const got: { url: URL; body: { msgtype: string; markdown: Record<string, string> } }[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://stub');
      const body = JSON.parse(raw);
      got.push({ url, body });
      const answer = (errcode: number, errmsg: string) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ errcode, errmsg }));
      if (kind === 'dingtalk') {
        const ts = url.searchParams.get('timestamp');
        const want = ts && createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
        if (url.searchParams.get('access_token') !== 'tok' || !ts || Math.abs(Date.now() - Number(ts)) > 3600_000 || url.searchParams.get('sign') !== want) return answer(310000, 'sign not match');
        if (body.msgtype !== 'markdown' || !body.markdown?.title || !body.markdown?.text) return answer(40008, 'invalid message type');
      } else {
        if (url.searchParams.get('key') !== 'wkey') return answer(93000, 'invalid webhook url');
        if (body.msgtype !== 'markdown' || !body.markdown?.content || Buffer.byteLength(body.markdown.content) > 4096) return answer(40008, 'invalid message type');
      }
      answer(0, 'ok');
    });
  });
  return {
    got,
    start: () => new Promise<string>((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

describe.each(testEngines())('reminders to 钉钉 and 企业微信 group robots on %s', (engine) => {
  let db: Db;
  let ctx: AppContext;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  const ding = stubRobot('dingtalk');
  const wecom = stubRobot('wecom');
  let dingBase = '';
  let wecomBase = '';
  beforeAll(async () => {
    db = await openTestDb(engine);
    ctx = createContext(db, undefined, () => '2024-06-03');
    w = await buildWorld(db);
    dingBase = await ding.start();
    wecomBase = await wecom.start();
  });
  afterAll(async () => {
    await ding.stop();
    await wecom.stop();
    await db?.close();
  });

  it('sends the department a markdown card with its items and a link, signed for DingTalk, and records each delivery', async () => {
    for (let i = 1; i <= 17; i++) await w.commitment({ state: 'inProgress', title: `新增城镇就业任务${i}`, startDate: '2024-05-01' });
    const robots = await setDepartmentRobots(ctx, {
      actor: w.actors.admin, departmentId: w.ids.hr,
      input: { dingtalk: { url: `${dingBase}/robot/send?access_token=tok`, secret: SECRET }, wecom: { url: `${wecomBase}/cgi-bin/webhook/send?key=wkey` } },
    });
    // the office sees which robots are set, never the token, key or secret
    expect(robots).toEqual({ dingtalk: { host: new URL(dingBase).host, signed: true }, wecom: { host: new URL(wecomBase).host } });
    expect(JSON.stringify(await getDepartmentRobots(ctx, { actor: w.actors.admin, departmentId: w.ids.hr }))).not.toMatch(/tok|wkey|SEC/);

    const res = await sendReminders(ctx, { actor: w.actors.admin, regionCode: '430502', channels: { appUrl: 'https://duban.example.gov.cn/' } });
    const hr = res.reminders.find((r) => r.departmentId === w.ids.hr)!;
    expect(hr.deliveries.map((d) => [d.channel, d.status, d.error])).toEqual([['inApp', 'sent', null], ['dingtalk', 'sent', null], ['wecom', 'sent', null]]);

    expect(ding.got).toHaveLength(1);
    const card = ding.got[0]!.body.markdown;
    expect(card.title).toBe('【临近提醒】区人社局：17项进展即将到期');
    expect(card.text).toContain('### 【临近提醒】区人社局：17项进展即将到期');
    expect(card.text).toContain('- **新增城镇就业任务1**：2024年5月进展，报送时限2024年6月5日');
    expect(card.text).toContain('……等共17项'); // 15 listed, the rest counted
    expect(card.text).toContain('[进入督办系统填报](https://duban.example.gov.cn/my)');
    const content = wecom.got[0]!.body.markdown.content!;
    expect(content).toContain('区人社局');
    expect(content).toContain('新增城镇就业任务2');
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);

    const rows = await db.query<{ channel: string; recipient: string | null; status: string }>(
      `select channel, recipient, status from reminder where region_code = '430502' and department_id = $1 order by channel`, [w.ids.hr]);
    expect(rows).toEqual([
      { channel: 'dingtalk', recipient: new URL(dingBase).host, status: 'sent' },
      { channel: 'inApp', recipient: null, status: 'sent' },
      { channel: 'wecom', recipient: new URL(wecomBase).host, status: 'sent' },
    ]);
    // sent today already: a second run sends nothing again
    await sendReminders(ctx, { actor: w.actors.admin, regionCode: '430502', channels: {} });
    expect(ding.got).toHaveLength(1);
    expect(wecom.got).toHaveLength(1);
  });

  it('a robot that refuses (wrong 加签 secret, errcode ≠ 0 with HTTP 200) is recorded as failed with its message, and the next run of the day sends it again', async () => {
    ctx = createContext(db, undefined, () => '2024-06-04');
    await setDepartmentRobots(ctx, { actor: w.actors.admin, departmentId: w.ids.hr, input: { dingtalk: { url: `${dingBase}/robot/send?access_token=tok`, secret: 'SECwrong' }, wecom: null } });
    const res = await sendReminders(ctx, { actor: w.actors.admin, regionCode: '430502', channels: {} });
    const hr = res.reminders.find((r) => r.departmentId === w.ids.hr)!;
    expect(hr.deliveries.map((d) => [d.channel, d.status, d.error])).toEqual([['inApp', 'sent', null], ['dingtalk', 'failed', 'errcode 310000: sign not match']]);
    // retried by the next run of the day (only a delivery that went through is skipped), once the secret is right
    await setDepartmentRobots(ctx, { actor: w.actors.admin, departmentId: w.ids.hr, input: { dingtalk: { url: `${dingBase}/robot/send?access_token=tok`, secret: SECRET } } });
    const before = ding.got.length;
    const again = (await sendReminders(ctx, { actor: w.actors.admin, regionCode: '430502', channels: {} })).reminders.find((r) => r.departmentId === w.ids.hr)!;
    expect(again.deliveries.map((d) => [d.channel, d.status])).toEqual([['inApp', 'skipped'], ['dingtalk', 'sent']]);
    expect(ding.got.length).toBe(before + 1);
    const third = (await sendReminders(ctx, { actor: w.actors.admin, regionCode: '430502', channels: {} })).reminders.find((r) => r.departmentId === w.ids.hr)!;
    expect(third.deliveries.map((d) => [d.channel, d.status])).toEqual([['inApp', 'skipped'], ['dingtalk', 'skipped']]);
    expect(ding.got.length).toBe(before + 1);
  });

  it('the office lists every department with its robots and sends each robot a test card that says whether it took it', async () => {
    await setDepartmentRobots(ctx, { actor: w.actors.admin, departmentId: w.ids.hr, input: { dingtalk: { url: `${dingBase}/robot/send?access_token=tok`, secret: SECRET }, wecom: { url: `${wecomBase}/cgi-bin/webhook/send?key=bad` } } });
    const listed = await listRegionRobots(ctx, { actor: w.actors.admin, region: '430502' });
    expect(listed.find((d) => d.departmentId === w.ids.hr)).toMatchObject({ departmentName: '区人社局', dingtalk: { host: new URL(dingBase).host, signed: true }, wecom: { host: new URL(wecomBase).host } });
    expect(listed.find((d) => d.departmentId === w.ids.edu)).toMatchObject({ dingtalk: null, wecom: null });
    // a channel left out stays as it was; null removes it
    expect(await setDepartmentRobots(ctx, { actor: w.actors.admin, departmentId: w.ids.edu, input: { wecom: { url: `${wecomBase}/cgi-bin/webhook/send?key=wkey` } } })).toMatchObject({ dingtalk: null, wecom: { host: new URL(wecomBase).host } });
    expect(await setDepartmentRobots(ctx, { actor: w.actors.admin, departmentId: w.ids.edu, input: { dingtalk: { url: `${dingBase}/robot/send?access_token=tok` } } })).toMatchObject({ dingtalk: { signed: false }, wecom: { host: new URL(wecomBase).host } });
    expect(await setDepartmentRobots(ctx, { actor: w.actors.admin, departmentId: w.ids.edu, input: { wecom: null } })).toMatchObject({ dingtalk: { signed: false }, wecom: null });
    expect(JSON.stringify(listed)).not.toMatch(/tok|bad|SEC/);
    const before = ding.got.length;
    const result = await testDepartmentRobots(ctx, { actor: w.actors.admin, departmentId: w.ids.hr });
    expect(result).toEqual({ dingtalk: { ok: true, error: null }, wecom: { ok: false, error: 'errcode 93000: invalid webhook url' } });
    expect(ding.got[before]!.body.markdown.text).toContain('区人社局');
    await expect(listRegionRobots(ctx, { actor: w.actors.hrReporter, region: '430502' })).rejects.toMatchObject({ status: 403 });
    await expect(testDepartmentRobots(ctx, { actor: w.actors.otherAdmin, departmentId: w.ids.hr })).rejects.toMatchObject({ status: 403 });
  });

  it('a robot that keeps refusing is sent the card again by the scheduled run’s retries (5, then 10 minutes later) until it takes it, then never again that day', async () => {
    // a WeCom robot over its rate limit (errcode 45009) twice, then taking the card
    const got: string[] = [];
    const flaky = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        got.push((JSON.parse(raw) as { markdown: { content: string } }).markdown.content);
        const errcode = got.length <= 2 ? 45009 : 0;
        res.setHeader('content-type', 'application/json').end(JSON.stringify({ errcode, errmsg: errcode ? 'api freq out of limit' : 'ok' }));
      });
    });
    const base = await new Promise<string>((ok) => flaky.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(flaky.address() as AddressInfo).port}`)));
    try {
      await setDepartmentRobots(ctx, { actor: w.actors.admin, departmentId: w.ids.hr, input: { dingtalk: null, wecom: { url: `${base}/cgi-bin/webhook/send?key=wkey` } } });
      await setDepartmentRobots(ctx, { actor: w.actors.admin, departmentId: w.ids.edu, input: { dingtalk: null, wecom: null } });
      const jobs = dailyJobs({}, async () => ({})).filter((j) => j.name === 'reminders');
      const s = createScheduler(ctx, { jobs, calendar: WEEKDAYS_ONLY, instance: 'a', retryDelayMs: 5 * 60_000 });
      /** an instant given as Beijing wall-clock time on Wednesday 2024-06-05 */
      const at = (hhmm: string) => new Date(`2024-06-05T${hhmm}:00+08:00`);
      const run = async (hhmm: string) => (await s.tick(at(hhmm))).filter((r) => r.regionCode === '430502').map((r) => r.ok);

      expect(await run('09:00')).toEqual([false]); // refused: the run fails and is retried after its backoff
      expect(got).toHaveLength(1);
      expect(await run('09:04')).toEqual([]);
      expect(await run('09:05')).toEqual([false]); // refused again; the next wait doubles
      expect(await run('09:14')).toEqual([]);
      expect(await run('09:15')).toEqual([true]); // taken
      expect(got).toHaveLength(3);
      expect(got[2]).toContain('区人社局');
      expect(await run('16:00')).toEqual([]); // the day's run succeeded: nothing more
      expect(got).toHaveLength(3);

      const rows = await db.query<{ channel: string; status: string; error: string | null }>(
        `select channel, status, error from reminder where department_id = $1 and as_of = '2024-06-05' order by sent_at, channel`, [w.ids.hr]);
      expect(rows.filter((r) => r.channel === 'wecom').map((r) => [r.status, r.error])).toEqual([
        ['failed', 'errcode 45009: api freq out of limit'], ['failed', 'errcode 45009: api freq out of limit'], ['sent', null],
      ]);
      expect(rows.filter((r) => r.channel === 'inApp')).toHaveLength(1); // the in-app notice went out once, at 09:00
      const [jobRun] = await db.query<{ status: string; attempts: number }>(`select status, attempts from job_run where job = 'reminders' and region_code = '430502' and day = '2024-06-05'`);
      expect(jobRun).toEqual({ status: 'succeeded', attempts: 3 });
    } finally {
      await new Promise<void>((ok) => flaky.close(() => ok()));
    }
  });

  it('only the office of the department’s region sets its robots', async () => {
    const input = { dingtalk: null, wecom: { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' } };
    await expect(setDepartmentRobots(ctx, { actor: w.actors.otherAdmin, departmentId: w.ids.hr, input })).rejects.toMatchObject({ status: 403 });
    await expect(setDepartmentRobots(ctx, { actor: w.actors.hrReporter, departmentId: w.ids.hr, input })).rejects.toMatchObject({ status: 403 });
  });
});
