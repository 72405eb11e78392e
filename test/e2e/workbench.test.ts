/**
 * The 工作台 of each role in Chromium, in Chinese and in English, with screenshots: the office's
 * 全部草稿 lists drafts only and only drafts can be picked for 批量交办; a task taken into
 * supervision mid-year shows no report missing from before its 交办; a city leader's lists on 汇总
 * say which county each commitment is in; a reporter sees only the buttons the API lets it use. In
 * English, the workbench's titles, column headers, counters and buttons carry no Chinese (the
 * data — titles, department names — stays as written). Fails on any console error.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveChromium, pickOption, ROOT, shot, signIn, type RunningServer, useDemoPage } from './harness.ts';

const hasBrowser = haveChromium();
/** Waits for what the page shows (pages load data after they render). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 100 });
const CJK = /[\u3400-\u9fff]/;

describe.skipIf(!hasBrowser)('工作台 of each role in Chromium', () => {
  let server: RunningServer;
  let page: Page;
  useDemoPage('workbench', (s) => ({ server, page } = s));

  /** The page in the given language (kept in the browser, as the header's button does), once it has loaded again. */
  async function language(lang: 'zh' | 'en') {
    await page.evaluate((l) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('duban.lang', l), lang);
    await page.reload();
    await loaded();
  }

  /** Runs `check` on the page in English, then back in Chinese whatever happened. */
  async function inEnglish(check: () => Promise<void>) {
    await language('en');
    try {
      await check();
    } finally {
      await language('zh');
    }
  }

  /**
   * The workbench's labels (section titles, counters, column headers, buttons) that still hold
   * Chinese. Left out: the county comparison's indicator columns, named by the data (地区生产总值),
   * and a slip's 销号 button, translated with the other dialogs of workflow.tsx.
   */
  async function chineseLabels(): Promise<string[]> {
    const section = page.locator('.ant-card[data-testid]:not([data-testid=district-comparison-card])');
    const labels = [
      ...(await page.locator('.ant-statistic-title').allInnerTexts()),
      ...(await section.locator('.ant-card-head-title, th, button:not(.ant-btn-link)').allInnerTexts()),
      ...(await page.getByTestId('nothing-waiting').allInnerTexts()),
    ];
    return labels.map((x) => x.replace(/\s+/g, ' ').trim()).filter((x) => CJK.test(x) && x.replace(/\s/g, '') !== '销号');
  }

  /** Waits until every section of the workbench has loaded (no skeleton or spinner left). */
  async function loaded() {
    await poll(() => page.locator('[data-testid]').count()).toBeGreaterThan(0);
    await poll(() => page.locator('.ant-skeleton, .ant-spin-spinning').count()).toBe(0);
  }

  it('督查室：全部草稿 lists the imported drafts only, and only drafts can be picked for 批量交办', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    // drafts waiting for confirmation: a work report imported through the API, as the import page sends it
    const text = readFileSync(join(ROOT, 'test', 'e2e', 'fixtures', 'work-report-2026.txt'), 'utf8');
    const csrf = (await page.context().cookies()).find((c) => c.name === 'duban_csrf')?.value ?? '';
    const imported = await page.request.post(`${server.url}/api/work-reports`, {
      headers: { 'x-csrf-token': decodeURIComponent(csrf) },
      data: { region: '140802', year: 2026, filename: '工作报告.txt', text, sha256: createHash('sha256').update(text).digest('hex') },
    });
    expect(imported.status(), await imported.text()).toBeLessThan(300);

    await page.goto(`${server.url}/`);
    const drafts = page.getByTestId('drafts');
    await poll(() => drafts.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await loaded();
    await shot(page, 'workbench-admin');
    await drafts.getByRole('link', { name: '全部草稿' }).click();
    await poll(() => page.url()).toContain('state=draft');
    // the list's 办理阶段 filter says 立项（草稿）
    await poll(() => page.locator('.ant-select').filter({ hasText: '立项（草稿）' }).count()).toBe(1);
    const rows = page.locator('.ant-table-tbody .ant-table-row');
    // drafts only: every row can be picked for 批量交办, no supervised task among them
    await poll(async () => {
      const [n, pickable] = [await rows.count(), await rows.locator('input[type=checkbox]:not(:disabled)').count()];
      return n > 0 && n === pickable;
    }).toBe(true);
    expect(await rows.filter({ hasText: '新增造林面积' }).count()).toBe(0);
    await poll(() => page.getByRole('button', { name: /批量交办/ }).count()).toBe(1);
    await shot(page, 'workbench-admin-all-drafts');

    // the supervised list (no drafts): nothing to pick, no 批量交办
    await page.goto(`${server.url}/commitments`);
    await poll(() => rows.count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /批量交办/ }).count()).toBe(0);
    expect(await rows.locator('input[type=checkbox]').count()).toBe(0);
    // drafts and assigned ones together: only the drafts can be picked
    await page.goto(`${server.url}/commitments?drafts=true`);
    await poll(() => rows.locator('input[type=checkbox]').count()).toBeGreaterThan(0);
    const inProgress = rows.filter({ hasText: '推进中' }).first();
    await poll(() => inProgress.locator('input[type=checkbox]:disabled').count()).toBe(1);
    await shot(page, 'workbench-admin-commitments-with-drafts');
  });

  it('督查室：a task taken into supervision on 1 July lists no report missing from before its 交办日期', async () => {
    await page.goto(`${server.url}/commitments?q=${encodeURIComponent('新增造林面积')}`);
    const row = page.locator('.ant-table-tbody .ant-table-row').filter({ hasText: '新增造林面积' });
    await poll(() => row.count()).toBe(1);
    await row.getByRole('link', { name: /新增造林面积/ }).click();
    await poll(() => page.getByTestId('assigned-on').count()).toBe(1);
    expect(await page.getByTestId('assigned-on').innerText()).toMatch(/年7月1日$/);
    // January to June ended before it was assigned: never 未按时报送
    const missing = page.locator('.ant-descriptions-item').filter({ hasText: '未按时报送' });
    const text = (await missing.count()) ? await missing.innerText() : '';
    expect(text).not.toMatch(/年[1-6]月/);
    await shot(page, 'workbench-admin-late-assigned-detail');
  });

  it('督查室 in English: the workbench has no Chinese label left', async () => {
    await page.goto(`${server.url}/`);
    await inEnglish(async () => {
      await poll(() => page.getByText('Reports to review').count()).toBeGreaterThan(0);
      await loaded();
      expect(await chineseLabels()).toEqual([]);
      await shot(page, 'workbench-admin-en');
    });
  });

  it('填报员 (区人社局): its 工作台, and on a commitment it only helps with no 设置节点 or other office buttons', async () => {
    await signIn(page, server.url, 'yanhu.rsj');
    await poll(() => page.url()).toMatch(/\/my$/);
    await poll(() => page.locator('.ant-skeleton').count()).toBe(0);
    await poll(() => page.getByText('待填报').count()).toBeGreaterThan(0);
    await shot(page, 'workbench-reporter');
    await inEnglish(async () => {
      await poll(() => page.getByText(/^Due \(/).count()).toBeGreaterThan(0);
      await poll(() => page.locator('.ant-skeleton').count()).toBe(0);
      expect(await chineseLabels()).toEqual([]);
      await shot(page, 'workbench-reporter-en');
    });
    // 促进城乡各类劳动者就业 is led by 人社局: 填报进展, 申请变更 and 设置节点 (the API lets the lead department plan milestones)
    await page.goto(`${server.url}/commitments?q=${encodeURIComponent('促进城乡各类劳动者就业')}`);
    await page.locator('.ant-table-tbody .ant-table-row').first().getByRole('link').first().click();
    const actions = page.getByTestId('actions');
    await poll(() => actions.locator('button').count()).toBeGreaterThan(0);
    const shown = (await actions.locator('button').allInnerTexts()).map((x) => x.replace(/\s+/g, ''));
    for (const office of ['交办', '办结销号', '修改', '分解子任务', '向社会公开', '撤回公开', '取消任务', '采纳']) expect(shown).not.toContain(office);
    await shot(page, 'workbench-reporter-detail');
  });

  it('区领导: lagging and overdue commitments and its 批示, in Chinese and English', async () => {
    await signIn(page, server.url, 'yanhu.leader');
    await poll(() => page.getByTestId('behind').locator('.ant-table-row').count()).toBeGreaterThan(0);
    await loaded();
    await shot(page, 'workbench-leader');
    // a leader writes 批示, it does not assign or review: no such button on a commitment
    await page.getByTestId('behind').locator('.ant-table-row').first().getByRole('link').first().click();
    await poll(() => page.getByRole('button', { name: '录入批示' }).count()).toBe(1);
    const shown = (await page.getByTestId('actions').locator('button').allInnerTexts()).map((x) => x.replace(/\s+/g, ''));
    expect(shown).toEqual([]);
    await page.goto(`${server.url}/`);
    await inEnglish(async () => {
      await poll(() => page.getByText('Lagging and overdue commitments').count()).toBeGreaterThan(0);
      await loaded();
      expect(await chineseLabels()).toEqual([]);
      await shot(page, 'workbench-leader-en');
    });
  });

  it('市领导 on 汇总: the county comparison, and every list of commitments names the county', async () => {
    await signIn(page, server.url, 'yuncheng.leader');
    await pickOption(page, page, '行政区', '运城市（汇总）');
    const behind = page.getByTestId('behind');
    await poll(() => page.getByTestId('district-comparison-card').count()).toBe(1);
    await poll(() => behind.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await loaded();
    expect(await behind.locator('th').allInnerTexts()).toContain('区县');
    expect((await behind.locator('.ant-table-row').first().innerText())).toContain('盐湖区');
    await shot(page, 'workbench-city-leader');
    await page.goto(`${server.url}/commitments`);
    const rows = page.locator('.ant-table-tbody .ant-table-row');
    await poll(() => rows.count()).toBeGreaterThan(0);
    expect(await page.locator('.ant-table-thead th').allInnerTexts()).toContain('区县');
    await shot(page, 'workbench-city-leader-commitments');
    await page.goto(`${server.url}/`);
    await inEnglish(async () => {
      await poll(() => page.getByText('Lagging and overdue commitments').count()).toBeGreaterThan(0);
      await loaded();
      expect(await chineseLabels()).toEqual([]);
      await shot(page, 'workbench-city-leader-en');
    });
  });
});
