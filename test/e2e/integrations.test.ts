/**
 * 系统管理 → 对外推送 in Chromium: the office adds a webhook pointing at a local receiver (its secret
 * shown once), sends a test that arrives signed, reads the delivery history, disables the webhook;
 * sets a department's 企业微信 robot (a local stub checking the format) and sends it a test card;
 * reads the page in English.
 * Fails on any console error; screenshots go to test-artifacts/e2e/.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureWebBuilt, haveChromium, launchBrowser, shot, signIn, startDemoServer, type RunningServer, START_TIMEOUT_MS } from './harness.ts';

const hasBrowser = haveChromium();
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 100 });

/** A local receiver: records each request; a robot answers errcode 0 to a markdown message. */
function receiver(robot: boolean) {
  const got: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      if (!robot) return void res.writeHead(204).end();
      const ok = JSON.parse(body).msgtype === 'markdown';
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 40008, errmsg: 'invalid message type' }));
    });
  });
  return {
    got,
    start: () => new Promise<string>((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

describe.skipIf(!hasBrowser)('对外推送 in the web app', () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const hook = receiver(false);
  const robot = receiver(true);
  let hookUrl = '';
  let robotUrl = '';
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    hookUrl = `${await hook.start()}/duban/events`;
    robotUrl = `${await robot.start()}/cgi-bin/webhook/send?key=demo`;
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await hook.stop();
    await robot.stop();
  });

  it('督查室新增推送地址，记下签名密钥，发送测试并查看推送记录，再停用', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    await page.goto(`${server.url}/admin`);
    await page.getByRole('tab', { name: '对外推送' }).click();
    await page.getByRole('button', { name: /新增推送地址/ }).click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByLabel('接收地址').fill(hookUrl);
    await dialog.getByLabel('领导批示').check();
    await dialog.getByLabel('说明').fill('区政府OA');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const secret = await page.getByTestId('secret').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: /我已记下/ }).click();

    const row = page.locator('tr.ant-table-row').filter({ hasText: '区政府OA' });
    await row.getByRole('button', { name: /测\s*试/ }).click();
    await page.getByText('测试推送已送达').waitFor();
    // the receiver got a ping, signed with the secret shown once
    expect(hook.got).toHaveLength(1);
    const ping = hook.got[0]!;
    const sig = createHmac('sha256', secret).update(`${ping.headers['x-duban-timestamp']}.${ping.body}`).digest('hex');
    expect(ping.headers['x-duban-signature']).toBe(`sha256=${sig}`);
    expect(JSON.parse(ping.body)).toMatchObject({ type: 'ping', regionCode: '140802' });

    await row.getByRole('button', { name: /推送记录/ }).click();
    const drawer = page.locator('.ant-drawer:visible');
    await poll(() => drawer.locator('tr.ant-table-row').first().innerText()).toMatch(/测试推送[\s\S]*已送达/);
    await shot(page, 'integrations-deliveries');
    await drawer.locator('.ant-drawer-close').click();

    await row.getByRole('button', { name: /停\s*用/ }).click();
    await poll(() => row.innerText()).toContain('已停用');
    await shot(page, 'integrations-webhooks');
  });

  it('督查室为人社局设置企业微信群机器人并发送测试消息', async () => {
    const row = page.locator('tr.ant-table-row').filter({ hasText: '人力资源和社会保障局' });
    await row.getByRole('button', { name: /设\s*置/ }).click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.locator('label').filter({ hasText: '设置' }).last().click(); // 企业微信: 设置
    await dialog.getByLabel('Webhook 地址（含 key）').fill(robotUrl);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => row.innerText()).toContain('127.0.0.1');
    expect(await row.innerText()).not.toContain('key=demo');
    await row.getByRole('button', { name: /测\s*试/ }).click();
    await page.getByText(/企业微信：已送达/).waitFor();
    expect(JSON.parse(robot.got.at(-1)!.body)).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining('人力资源和社会保障局') } });
    await shot(page, 'integrations-robots');
    await page.getByRole('button', { name: /知道了|OK|确\s*定/ }).click();
    expect(consoleErrors).toEqual([]);
  });

  it('in English the group robots table names its departments (Department, not Unit) and the 督办 menu reads Supervision', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => page.getByRole('link', { name: 'Supervision', exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Duban', exact: true }).count()).toBe(0);
    const robots = page.locator('.ant-table').filter({ hasText: '人力资源和社会保障局' });
    await poll(() => robots.locator('th').allInnerTexts()).toContain('Department');
    expect(await robots.locator('th').allInnerTexts()).not.toContain('Unit');
    await shot(page, 'integrations-robots-en');
    await page.getByRole('button', { name: /中\s*文/ }).click();
    await poll(() => page.getByRole('link', { name: '督办', exact: true }).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });
});
