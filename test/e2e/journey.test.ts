/**
 * The web app end to end in real Chromium: the office imports a report and assigns its drafts,
 * a department reports, the office returns then accepts, the overview and the public page
 * follow, and a reporter cannot open another department's commitment. Screenshots go to
 * test-artifacts/e2e/.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { ensureWebBuilt, haveChromium, launchBrowser, pickOption, ROOT, shot, signIn, startDemoServer, type RunningServer, START_TIMEOUT_MS } from './harness.ts';

const FIXTURE = join(ROOT, 'test', 'e2e', 'fixtures', 'work-report-2026.txt');
const hasBrowser = haveChromium();
/** Waits for what the page shows (pages load data after they render). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 100 });

/** The number on an overview status card. */
async function statusCount(page: Page, status: string): Promise<number> {
  const text = await page.locator(`[data-status-card="${status}"] .ant-statistic-content-value`).innerText();
  return Number(text.replace(/\D/g, ''));
}

/** The overview's 任务总数. */
async function totalCount(page: Page): Promise<number> {
  return Number((await page.locator('.ant-statistic-content-value').first().innerText()).replace(/\D/g, ''));
}

async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
}

/** Picks an option of an Ant Design select (with search) by typing part of its label. */
const pick = (page: Page, scope: ReturnType<Page['locator']>, label: string, text: string) => pickOption(page, scope, label, text, { search: text });

describe.skipIf(!hasBrowser)('web app in Chromium', () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const state: { published?: string; unpublished?: string; otherDept?: string; statusBefore?: string; countBefore?: number; totalBefore?: number } = {};

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
  }, START_TIMEOUT_MS);

  // what the page showed when a step failed, for whoever reads the CI artifacts
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await shot(page, `FAILED-${ctx.task.name.slice(0, 40).replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(() => {});
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the overview to the office, in Chinese, with charts drawn', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    // home is the workbench; the overview is one click away
    await poll(() => page.getByRole('heading', { level: 3 }).first().innerText()).toContain('工作台');
    await page.getByRole('link', { name: '总览' }).click();
    await poll(() => page.locator('[data-status-card]').count()).toBe(6);
    await poll(() => page.locator('[data-chart="按领域完成情况"] svg path').count()).toBeGreaterThan(10);
    await poll(() => page.locator('[data-chart="完成率趋势"] svg path').count()).toBeGreaterThan(5);
    expect(await page.getByRole('heading', { level: 3 }).first().innerText()).toContain('总览');
    state.totalBefore = await totalCount(page);
    await poll(() => page.getByText('严重滞后').count()).toBeGreaterThan(0);
    // a commitment of another department, for the reporter test below
    const other = await apiGet<{ items: { id: string; leadDepartmentId: string }[] }>(page, '/api/commitments?region=140802&status=seriouslyLagging&topLevel=true');
    const dept = await apiGet<{ departments: { id: string; shortName: string }[] }>(page, '/api/regions/140802');
    const rsj = dept.departments.find((d) => d.shortName.includes('人社'))!.id;
    state.otherDept = other.items.find((c) => c.leadDepartmentId !== rsj)!.id;
    await shot(page, '01-overview');
  });

  it('every page shows the demo data, and English on request', async () => {
    const pages: [string, string, string][] = [
      ['/commitments', '.ant-table-row', 'p-commitments'],
      ['/projects', '[data-chart="项目推进阶段"] svg path', 'p-projects'],
      ['/indicators', '[data-chart$="走势"] svg path', 'p-indicators'],
      ['/assessment', '[data-chart="考核得分构成"] svg path', 'p-assessment'],
    ];
    for (const [path, ready, name] of pages) {
      await page.goto(`${server.url}${path}`);
      await poll(() => page.locator(ready).count()).toBeGreaterThan(2);
      expect(await page.locator('[role=alert]').count()).toBe(0);
      await shot(page, name);
    }
    // 列设置: a hidden column stays hidden after a reload
    await page.goto(`${server.url}/commitments`);
    await poll(() => page.locator('th').filter({ hasText: /^领域$/ }).count()).toBe(1);
    await page.getByRole('button', { name: '列设置' }).click();
    await page.locator('.ant-popover:visible').getByRole('checkbox', { name: '领域' }).uncheck();
    await poll(() => page.locator('th').filter({ hasText: /^领域$/ }).count()).toBe(0);
    await page.reload();
    await poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(2);
    expect(await page.locator('th').filter({ hasText: /^领域$/ }).count()).toBe(0);
    await page.getByRole('button', { name: '列设置' }).click();
    await page.locator('.ant-popover:visible').getByRole('checkbox', { name: '领域' }).check();
    await poll(() => page.locator('th').filter({ hasText: /^领域$/ }).count()).toBe(1);
    await page.keyboard.press('Escape');

    // 经济指标: where 盐湖区 stands among the districts of 运城市
    await page.goto(`${server.url}/indicators`);
    await poll(() => page.getByTestId('own-rank').count()).toBe(1);
    expect(await page.getByTestId('own-rank').innerText()).toMatch(/^全市(并列)?第[一二三四五六七八九十]+$/);
    expect(await page.getByTestId('peer-ranking').locator('.ant-table-row').count()).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => page.getByRole('link', { name: 'Overview' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Overview' }).click();
    await poll(() => page.getByText('Seriously lagging').count()).toBeGreaterThan(0);
    await shot(page, 'p-overview-en');
    await page.getByRole('button', { name: /中\s*文/ }).click();
    await poll(() => page.getByRole('link', { name: '总览' }).count()).toBe(1);
  });

  it('imports a report: claims highlighted, drafts accepted with departments, one discarded, then assigned', async () => {
    await page.goto(`${server.url}/import`);
    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    await poll(() => page.getByLabel('粘贴报告全文').inputValue()).toContain('城镇新增就业6000人以上');
    await page.getByRole('button', { name: /识\s*别/ }).click();
    const text = page.getByTestId('import-text');
    await poll(() => text.locator('mark[data-claim=target]').count()).toBe(6);
    expect(await text.locator('mark[data-claim=result]').count()).toBe(3);
    const drafts = page.getByTestId('draft');
    expect(await drafts.count()).toBe(6);
    await shot(page, '02-import-extracted');

    const jobs = drafts.filter({ has: page.locator('input[value*="城镇新增就业"]') }).first();
    const training = drafts.filter({ has: page.locator('input[value*="职业技能培训"]') }).first();
    const library = drafts.filter({ has: page.locator('input[value*="城市书房"]') }).first();
    // edits before accepting: the sector (the report's heading is not one) and the lead department
    await jobs.getByLabel('领域').fill('民生保障');
    await training.getByLabel('领域').fill('民生保障');
    await pick(page, jobs, '牵头单位', '人社');
    await jobs.getByRole('button', { name: /采\s*用/ }).click();
    await poll(() => jobs.getAttribute('data-decision')).toBe('accepted');
    await pick(page, training, '牵头单位', '人社');
    await training.getByRole('button', { name: /采\s*用/ }).click();
    await poll(() => training.getAttribute('data-decision')).toBe('accepted');
    await library.getByRole('button', { name: /舍\s*弃/ }).click();
    await poll(() => library.getAttribute('data-decision')).toBe('discarded');
    await page.getByRole('button', { name: '交办已采用的任务' }).click();
    await poll(() => page.locator('[data-decision=assigned]').count()).toBe(2);
    await shot(page, '03-import-assigned');
  });

  it('bulk-assigns a remaining draft from the list; an assigned one is not offered for 交办 again', async () => {
    await page.goto(`${server.url}/commitments?drafts=true&q=${encodeURIComponent('农贸市场')}`);
    const row = page.locator('.ant-table-row').filter({ hasText: '改造提升农贸市场' });
    await poll(() => row.count()).toBe(1);
    await row.locator('input[type=checkbox]').check();
    await page.getByRole('button', { name: /批量交办/ }).click();
    const modal = page.getByRole('dialog');
    await poll(() => modal.getByLabel('牵头单位').count()).toBe(1);
    // without a lead department the form refuses; on a busy machine a click during the dialog's
    // opening animation can go unseen, so it is repeated until the refusal shows (it sends nothing)
    await poll(async () => {
      await modal.getByRole('button', { name: /交\s*办/ }).click();
      return modal.getByText('请选择牵头单位').count();
    }).toBe(1);
    await pick(page, modal, '牵头单位', '商务');
    await modal.getByRole('button', { name: /交\s*办/ }).click();
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    await poll(() => row.getByText('已交办').count()).toBe(1);
    // 交办 is a draft's step: the assigned row cannot be picked, and with no draft listed there is no 批量交办
    await poll(() => page.getByRole('button', { name: /批量交办/ }).count()).toBe(0);
    expect(await row.locator('input[type=checkbox]').count()).toBe(0);
    await shot(page, '03b-bulk-assign-done');
  });

  it('publishes one imported commitment and records its status on the overview', async () => {
    // the list exports what it shows to Excel
    await page.goto(`${server.url}/commitments?sector=${encodeURIComponent('民生保障')}`);
    await poll(() => page.locator('.ant-pagination-total-text').count());
    const total = Number((await page.locator('.ant-pagination-total-text').innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^目标任务_盐湖区_.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const sheet = wb.getWorksheet('目标任务')!;
    // a title row, the header, then one row per commitment; 领域 is the third column (after 序号 and 任务名称)
    expect(sheet.rowCount - 2).toBe(total);
    expect(sheet.getRow(2).getCell(3).value).toBe('领域');
    expect(sheet.getColumn(3).values.slice(3).every((v) => v === '民生保障')).toBe(true);

    await page.goto(`${server.url}/commitments?q=${encodeURIComponent('城镇新增就业')}`);
    await page.getByRole('link', { name: /城镇新增就业/ }).first().click();
    await page.waitForURL(/\/commitments\/[0-9a-f-]{36}$/);
    state.published = page.url().split('/').at(-1)!;
    await page.getByRole('button', { name: '向社会公开' }).click();
    await poll(() => page.getByRole('button', { name: '撤回公开' }).count()).toBe(1);
    const list = await apiGet<{ items: { id: string; title: string }[] }>(page, `/api/commitments?region=140802&q=${encodeURIComponent('职业技能培训')}`);
    state.unpublished = list.items[0]!.id;
    const c = await apiGet<{ evaluation: { status: string } }>(page, `/api/commitments/${state.published}`);
    state.statusBefore = c.evaluation.status;
    await page.goto(`${server.url}/overview`);
    await poll(() => page.locator('[data-status-card]').count()).toBe(6);
    state.countBefore = await statusCount(page, state.statusBefore);
    // the three assigned commitments count (two from the import page, one from the list); the two drafts left open do not
    expect(await totalCount(page)).toBe(state.totalBefore! + 3);
  });

  it('a reporter submits a report with a value checked as typed', async () => {
    await signIn(page, server.url, 'yanhu.rsj');
    await page.waitForURL(/\/my$/);
    const row = page.getByTestId('due-commitments').locator('tr').filter({ hasText: '城镇新增就业' }).first();
    await row.getByRole('button', { name: '填报进展' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(/累计完成值/).fill('六千多');
    await poll(() => form.getByText(/不是数值|单位/).count()).toBeGreaterThan(0);
    await form.getByLabel(/累计完成值/).fill('0.2万人');
    await poll(() => form.getByText('= 2000人').count()).toBe(1);
    await form.getByLabel('进展情况').fill('1月新增就业2000人，其中高校毕业生600人。');
    await poll(() => form.getByTestId('draft-saved').count()).toBe(1);
    // the draft survives a reload (a dropped connection, a closed tab)
    await page.reload();
    await page.getByTestId('due-commitments').locator('tr').filter({ hasText: '城镇新增就业' }).first().getByRole('button', { name: '填报进展' }).click();
    await poll(() => form.getByLabel(/累计完成值/).inputValue()).toBe('0.2万人');
    expect(await form.getByLabel('进展情况').inputValue()).toContain('高校毕业生600人');
    await shot(page, '04-report-form');
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    await poll(() => page.locator('.ant-card').filter({ hasText: '待审核' }).getByText('城镇新增就业').count()).toBeGreaterThan(0);
  });

  it("a reporter cannot open another department's commitment", async () => {
    await page.goto(`${server.url}/commitments/${state.otherDept}`);
    await poll(() => page.getByText('未找到该目标任务').count()).toBe(1);
    await shot(page, '05-reporter-denied');
  });

  it('the office returns the report with a comment, the reporter resubmits, the office accepts', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    await page.goto(`${server.url}/commitments/${state.published}`);
    await page.getByRole('button', { name: /退\s*回/ }).first().click();
    const modal = page.getByRole('dialog');
    await modal.getByRole('button', { name: /退\s*回/ }).click();
    await poll(() => modal.getByText('请写明退回原因及需补充的内容').count()).toBe(1);
    await modal.getByLabel('退回意见').fill('请补充就业登记台账');
    await modal.getByRole('button', { name: /退\s*回/ }).click();
    await poll(() => page.getByText('已退回').count()).toBeGreaterThan(0);

    await signIn(page, server.url, 'yanhu.rsj');
    await page.waitForURL(/\/my$/);
    const returned = page.getByTestId('returned-reports');
    await poll(() => returned.getByText('请补充就业登记台账').count()).toBe(1);
    await returned.getByRole('button', { name: '修改重报' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(/累计完成值/).fill('5600');
    await form.locator('input[type=file]').setInputFiles({ name: '就业登记台账.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    // nothing returned any more: the section goes, the one-line summary says so
    await poll(() => returned.count()).toBe(0);
    await poll(() => page.getByTestId('nothing-waiting').textContent()).toContain('被退回的报送');

    await signIn(page, server.url, 'yanhu.admin');
    await page.goto(`${server.url}/commitments/${state.published}`);
    // the evidence is there and downloads
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '就业登记台账.pdf' }).click()]);
    expect(file.suggestedFilename()).toBe('就业登记台账.pdf');
    await page.getByRole('button', { name: /采\s*纳/ }).click();
    await poll(() => page.locator('.ant-tag').filter({ hasText: '已采纳' }).count()).toBe(1);
    await poll(() => page.locator('[data-chart] svg path').count()).toBeGreaterThan(3);
    await shot(page, '06-detail-accepted');
  });

  it('the overview shows the status change', async () => {
    const c = await apiGet<{ evaluation: { status: string; completionRate: number } }>(page, `/api/commitments/${state.published}`);
    expect(c.evaluation.completionRate).toBeCloseTo((5600 / 6000) * 100, 0);
    expect(c.evaluation.status).not.toBe(state.statusBefore);
    await page.goto(`${server.url}/overview`);
    await poll(() => page.locator('[data-status-card]').count()).toBe(6);
    await poll(() => statusCount(page, state.statusBefore!)).toBe(state.countBefore! - 1);
    await poll(() => page.locator('[data-chart="完成率趋势"] svg path').count()).toBeGreaterThan(5);
    await shot(page, '07-overview-after');
  });

  it('an account made by the office must change its one-time password first; the server says why it refuses', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    const dept = await apiGet<{ departments: { id: string; shortName: string }[] }>(page, '/api/regions/140802');
    const made = await page.evaluate(async (departmentId) => {
      const cookie = (globalThis as unknown as { document: { cookie: string } }).document.cookie; // runs in the page
      const csrf = decodeURIComponent(/duban_csrf=([^;]+)/.exec(cookie)![1]!);
      const res = await fetch('/api/users', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ username: 'yanhu.newclerk', displayName: '新填报员', role: 'reporter', departmentId }) });
      return res.json() as Promise<{ initialPassword: string }>;
    }, dept.departments.find((d) => d.shortName.includes('人社'))!.id);
    await page.context().clearCookies();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('yanhu.newclerk');
    await page.getByLabel('密码').fill(made.initialPassword);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await poll(() => page.getByText('首次登录，请先修改初始密码。').count()).toBe(1);
    await page.getByLabel('当前密码').fill('not-the-password-1');
    await page.getByLabel('新密码', { exact: true }).fill('Clerk2026pass');
    await page.getByLabel('确认新密码').fill('Clerk2026pasz');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => page.getByText('两次输入的密码不一致').count()).toBe(1);
    await page.getByLabel('确认新密码').fill('Clerk2026pass');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const refusal = page.getByRole('alert').filter({ hasNotText: '首次登录' });
    await poll(() => refusal.count()).toBe(1); // the server's own words: the current password is wrong
    expect(await refusal.innerText()).toContain('当前密码');
    await shot(page, '09-password-refused');
    await page.getByLabel('当前密码').fill(made.initialPassword);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/my$/);
    await poll(() => page.getByRole('heading', { level: 3 }).first().innerText()).toContain('工作台');
  });

  it('the public page shows the published commitment and hides the unpublished one, on a phone', async () => {
    await page.context().clearCookies();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/public?region=140802&all=1`);
    await poll(() => page.getByTestId('public-item').count()).toBeGreaterThan(0);
    const titles = await page.getByTestId('public-item').locator('h2').allInnerTexts();
    expect(titles.some((t) => t.includes('城镇新增就业'))).toBe(true);
    expect(titles.some((t) => t.includes('职业技能培训'))).toBe(false);
    expect(await page.getByTestId('public-item').filter({ hasText: '城镇新增就业' }).innerText()).toContain('5600人');
    // no Ant Design on the public page
    expect(await page.locator('[class*="ant-"]').count()).toBe(0);
    await shot(page, '08-public-phone');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('a city leader switches between the districts below and the city summary', async () => {
    await signIn(page, server.url, 'yuncheng.leader');
    await page.getByRole('link', { name: '总览' }).click();
    await poll(() => page.locator('[data-status-card]').count()).toBe(6);
    const district = await totalCount(page);
    expect(await page.title()).toContain('盐湖区');
    await pickOption(page, page, '行政区', '运城市（汇总）');
    await poll(() => page.getByRole('heading', { level: 3 }).first().innerText()).toContain('运城市');
    await poll(() => page.locator('[data-status-card]').count()).toBe(6);
    // the demo's other districts of 运城市 have indicators but no plans: the summary equals 盐湖区
    await poll(() => totalCount(page)).toBe(district);
    await shot(page, 'p-city-summary');
    await page.evaluate('localStorage.clear()');
  });
});
