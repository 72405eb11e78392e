/**
 * Importing a 民生实事 list in the web app to the end: the office uploads a news page that is in
 * fact next year's list, sees the plan year proposed from its title (another year needs a
 * confirmation), says what the document is, selects every draft and accepts them at once, assigns
 * them, and the drafts are tasks of that year with their sector, lead department and 民生实事 flag;
 * the file opened again shows them as decided.
 * Screenshots go to test-artifacts/e2e/import-list-*.png; any console error fails.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureWebBuilt, haveChromium, launchBrowser, pickOption, ROOT, shot, signIn, startDemoServer, START_TIMEOUT_MS, type RunningServer } from './harness.ts';

const FIXTURE = join(ROOT, 'test', 'e2e', 'fixtures', 'livelihood-news-2027.txt');
const hasBrowser = haveChromium();
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 100 });
/** A button by its Chinese label: Ant Design spaces out two-character labels (识 别). */
const label = (text: string) => new RegExp(`^\\s*${text.split('').join('\\s*')}\\s*$`);

async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
}

describe.skipIf(!hasBrowser)('importing a 民生实事 list in the web app', () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  }, START_TIMEOUT_MS);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await shot(page, `FAILED-import-list-${ctx.task.name.slice(0, 30).replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(() => {});
    expect(consoleErrors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('proposes the plan year the title names and will not read into another year unconfirmed', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    await page.goto(`${server.url}/import`);
    const year = page.getByLabel('计划年度');
    const current = Number(await year.inputValue());
    expect(current).not.toBe(2027);
    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    await poll(() => page.getByLabel('粘贴报告全文').inputValue()).toContain('城市书房');
    // the title (2027年盐湖区将为群众办好这些事) names 2027: proposed, and said where it comes from
    await poll(() => year.inputValue()).toBe('2027');
    expect(await page.getByTestId('import-year-from-title').innerText()).toContain('2027');
    expect(await page.getByTestId('import-options').innerText()).toContain('自动识别（新闻报道）');
    // another year: a warning, and 识别 waits for a confirmation
    await year.fill(String(current));
    await year.blur();
    await poll(() => page.getByTestId('import-year-mismatch').count()).toBe(1);
    expect(await page.getByTestId('import-year-mismatch').innerText()).toContain(`当前选择的是 ${current} 年`);
    expect(await page.getByRole('button', { name: label('识别') }).isDisabled()).toBe(true);
    await page.getByTestId('import-year-mismatch').getByRole('checkbox').check();
    await poll(() => page.getByRole('button', { name: label('识别') }).isDisabled()).toBe(false);
    await shot(page, 'import-list-01-other-year');
    // back to the title's year
    await page.getByRole('button', { name: '改为 2027 年' }).click();
    await poll(() => year.inputValue()).toBe('2027');
    await poll(() => page.getByTestId('import-year-mismatch').count()).toBe(0);
  });

  it('reads the page as the 民生实事 list the office says it is, accepts every draft at once and assigns them', async () => {
    // a news page to the extractor; the office knows it is the year's list
    await pickOption(page, page, '文件类型', '民生实事');
    await shot(page, 'import-list-02-kind-and-year');
    await page.getByRole('button', { name: label('识别') }).click();
    const drafts = page.getByTestId('draft');
    await poll(() => drafts.count()).toBe(6);
    const context = page.getByTestId('import-context');
    expect(await context.innerText()).toContain('民生实事清单');
    expect(await context.innerText()).toContain('导入到 2027 年度计划');
    // sector: the region's own sector each heading belongs to (盐湖区 keeps 文化旅游, 民生保障, 城市建设 …);
    // lead department from 责任单位; every item 民生实事
    const card = (title: string) => drafts.filter({ has: page.locator(`input[value="${title}"]`) });
    await poll(() => card('免费开放学校体育场馆不少于10所').count()).toBe(1);
    expect(await card('免费开放学校体育场馆不少于10所').getByLabel('领域').inputValue()).toBe('文化旅游');
    expect(await card('新增社区长者食堂5家').getByLabel('领域').inputValue()).toBe('民生保障');
    expect(await card('改造老旧小区12个').getByLabel('领域').inputValue()).toBe('城市建设');
    expect(await card('改造老旧小区12个').locator('.ant-select').filter({ has: page.getByLabel('牵头单位') }).innerText()).toContain('住建');
    for (let i = 0; i < 6; i++) expect(await drafts.nth(i).getByRole('checkbox', { name: '民生实事' }).isChecked()).toBe(true);
    await shot(page, 'import-list-03-drafts');

    await page.getByTestId('import-batch').getByRole('checkbox', { name: /全选待定/ }).check();
    await page.getByRole('button', { name: /批量采用（6）/ }).click();
    await poll(() => page.locator('[data-testid=draft][data-decision=accepted]').count()).toBe(6);
    await shot(page, 'import-list-04-accepted');
    await page.getByRole('button', { name: '交办已采用的任务' }).click();
    await poll(() => page.locator('[data-testid=draft][data-decision=assigned]').count()).toBe(6);
    await shot(page, 'import-list-05-assigned');
  });

  it('the accepted drafts are tasks of the 2027 plan with their sector, lead department and 民生实事 flag', async () => {
    const plans = await apiGet<{ items: { id: string; year: number }[] }>(page, '/api/plans?region=140802');
    const plan = plans.items.find((p) => p.year === 2027);
    expect(plan).toBeDefined();
    const list = await apiGet<{ items: { title: string; state: string; sector: string; livelihood: boolean; startDate: string; deadline: string; leadDepartmentId: string | null; unit: string; targetValue: string; comparator: string }[] }>(
      page, `/api/commitments?region=140802&plan=${plan!.id}`,
    );
    const depts = await apiGet<{ departments: { id: string; shortName: string }[] }>(page, '/api/regions/140802');
    const shortName = (id: string | null) => depts.departments.find((d) => d.id === id)?.shortName;
    const rows = list.items.map((c) => [c.title, c.state, c.sector, c.livelihood, c.startDate, c.deadline, shortName(c.leadDepartmentId)]).sort();
    expect(rows).toEqual([
      ['免费开放学校体育场馆不少于10所', 'assigned', '文化旅游', true, '2027-01-01', '2027-12-31', '区教育局'],
      ['改造老旧小区12个', 'assigned', '城市建设', true, '2027-01-01', '2027-12-31', '区住建局'],
      ['新增公共停车泊位600个', 'assigned', '城市建设', true, '2027-01-01', '2027-12-31', '区城管局'],
      ['新增普惠托位150个', 'assigned', '民生保障', true, '2027-01-01', '2027-12-31', '区卫健局'],
      ['新增社区长者食堂5家', 'assigned', '民生保障', true, '2027-01-01', '2027-12-31', '区民政局'],
      ['新建“24小时城市书房”3家', 'assigned', '文化旅游', true, '2027-01-01', '2027-12-31', '区文旅局'],
    ].sort());
    expect(list.items.find((c) => c.title.startsWith('免费开放'))).toMatchObject({ targetValue: '10', unit: '所', comparator: 'gte' });
    // from the import page, the list of the plan the file went into: the new year is selected in the header
    // the link is at the foot of a long page: on a busy machine a click has landed beside it as the
    // page settled after scrolling (the page stayed, the link in view); clicked again while still here
    const link = page.getByRole('link', { name: /目标任务（2027年）/ });
    await poll(async () => {
      if (!/\/commitments/.test(page.url()) && (await link.count())) await link.click({ timeout: 10_000 }).catch(() => undefined);
      return page.url();
    }).toMatch(/\/commitments/);
    await poll(() => page.getByLabel('年度').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').innerText()).toContain('2027');
    await poll(() => page.locator('.ant-table-row').count()).toBe(6);
    expect(await page.locator('.ant-table-row').filter({ hasText: '新增普惠托位150个' }).count()).toBe(1);
    await shot(page, 'import-list-06-commitments');
  });

  it('reopening the file shows its drafts as decided (assigned), read as the kind given then', async () => {
    await page.goto(`${server.url}/import`);
    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    await poll(() => page.getByLabel('计划年度').inputValue()).toBe('2027');
    await page.getByRole('button', { name: label('识别') }).click();
    await poll(() => page.locator('[data-testid=draft][data-decision=assigned]').count()).toBe(6);
    expect(await page.getByTestId('import-context').innerText()).toContain('民生实事清单');
    expect(await page.getByTestId('import-batch').count()).toBe(0);
    await shot(page, 'import-list-07-reopened');
  });
});
