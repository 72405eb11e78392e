/**
 * 兑现核验 in Chromium: the office reads 盐湖区's 2024 promises against the 2025 report excerpt,
 * opens the sentence of a row, confirms an unmentioned one as 未兑现, and the public page shows the
 * confirmed verdicts of published commitments. Fails on any console error; screenshots go to
 * test-artifacts/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureWebBuilt, haveChromium, launchBrowser, pickOption, shot, signIn, startDemoServer, type RunningServer, START_TIMEOUT_MS } from './harness.ts';

const hasBrowser = haveChromium();
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 100 });

interface Report { counts: Record<'kept' | 'partial' | 'missed' | 'unmentioned' | 'flagged', number>; items: Array<{ commitmentId: string; title: string; status: string; confirmed: boolean; published: boolean }> }

describe.skipIf(!hasBrowser)('兑现核验 in the web app', () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const consoleErrors: string[] = [];
  const api = <T>(path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('督查室查看2024年兑现情况：各状态数与接口一致，展开可见原文', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    await page.goto(`${server.url}/promises`);
    await page.getByText('表述与报送不一致').waitFor();
    await pickOption(page, page.locator('main'), '年度', '2024年');
    const report = await api<Report>('/api/promise-checks?region=140802&year=2024');
    for (const [label, n] of [['已兑现', report.counts.kept], ['未兑现', report.counts.missed], ['未提及', report.counts.unmentioned]] as const) {
      await poll(() => page.locator('.ant-statistic').filter({ hasText: label }).first().locator('.ant-statistic-content-value').innerText()).toBe(String(n));
    }
    // the sentence of a missed row, with what it says
    await page.locator('.ant-segmented-item').filter({ hasText: '未兑现' }).click();
    await page.locator('.ant-table-row-expand-icon').first().click();
    await poll(() => page.locator('.promise-sentence').first().innerText()).toMatch(/推迟|尚未/);
    await shot(page, 'promises-office');
  });

  it('督查室将一项“未提及”的任务确认为未兑现，表中显示已确认', async () => {
    const before = await api<Report>('/api/promise-checks?region=140802&year=2024');
    const row = before.items.find((r) => r.status === 'unmentioned' && !r.confirmed)!;
    await page.locator('.ant-segmented-item').filter({ hasText: '未提及' }).click();
    const tr = page.locator('tr.ant-table-row').filter({ hasText: row.title });
    await tr.getByRole('button', { name: /确\s*认/ }).click();
    const dialog = page.locator('.ant-modal:visible');
    await pickOption(page, dialog, '兑现情况', '未兑现');
    await dialog.getByLabel('说明').fill('年终核实：未开展');
    await shot(page, 'promises-confirm-dialog');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await poll(async () => (await api<Report>('/api/promise-checks?region=140802&year=2024')).items.find((r) => r.commitmentId === row.commitmentId)?.status).toBe('missed');
    await page.locator('.ant-segmented-item').filter({ hasText: '未兑现' }).click();
    await poll(() => page.locator('tr.ant-table-row').filter({ hasText: row.title }).first().innerText()).toContain('已确认');
  });

  it('公众页面显示督查室已确认的兑现情况', async () => {
    const pub = await api<Report>('/api/public/promise-checks?region=140802&year=2024');
    expect(pub.items.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/public?region=140802`);
    await page.getByLabel('年度').selectOption('2024');
    // one line per card whose verdict the office confirmed (the cards are the year's published 民生实事)
    await poll(() => page.getByTestId('public-promise').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('public-promise').count()).toBeLessThanOrEqual(pub.items.length);
    await shot(page, 'promises-public');
    expect(consoleErrors).toEqual([]);
  });
});
