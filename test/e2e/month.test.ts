/**
 * One month of supervision played entirely through the web app, by the office (督查室), a
 * department (人社局's 填报员) and a leader: import a report, confirm a draft, 交办, 签收 with a
 * 办理方案, a report returned and resubmitted, 采纳 from the workbench, 催办 of a late department
 * and its 督办单, a leader's 批示 and the department's reply, a 延期 request approved, 办结申请 and
 * 办结, and the month's period locked. Each step is named as the office names it, asserts what the
 * pages show and leaves a screenshot in test-artifacts/e2e/month-*.png; any console error fails.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ensureWebBuilt, haveChromium, launchBrowser, pickOption, ROOT, shot, signIn, START_TIMEOUT_MS, startDemoServer, type RunningServer } from './harness.ts';

const FIXTURE = join(ROOT, 'test', 'e2e', 'fixtures', 'work-report-2026.txt');
const hasBrowser = haveChromium();
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 100 });
/** A button by its Chinese label: Ant Design spaces out two-character labels (采 纳). */
const label = (text: string) => new RegExp(`^\\s*${text.split('').join('\\s*')}\\s*$`);

describe.skipIf(!hasBrowser)('a month of supervision in the web app', () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const consoleErrors: string[] = [];
  /** the imported commitment the month follows */
  let id = '';
  let title = '';
  const row = (scope: Locator) => scope.locator('tr', { has: page.locator(`a[href="/commitments/${id}"]`) });
  const dialog = () => page.getByRole('dialog');
  const dialogClosed = () => poll(() => page.getByRole('dialog').count()).toBe(0);

  /** Picks an option of an Ant Design select by typing part of its label. */
  const pick = (scope: Locator, field: string, text: string) => pickOption(page, scope, field, text, { search: text, exact: true });

  async function openDetail() {
    await page.goto(`${server.url}/commitments/${id}`);
    await poll(() => page.getByTestId('lifecycle').count()).toBe(1);
  }

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
    if (ctx.task.result?.state === 'fail' && page) await shot(page, `FAILED-month-${ctx.task.name.slice(0, 30).replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(() => {});
    // no step may leave an error on the console
    expect(consoleErrors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('导入报告：识别出目标任务草稿，工作台列出待确认草稿', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    await poll(() => page.getByRole('heading', { level: 3 }).first().innerText()).toContain('工作台');
    const before = Number((await page.getByTestId('drafts').locator('.ant-card-head-title').innerText()).replace(/\D/g, '') || 0);
    await page.goto(`${server.url}/import`);
    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    await poll(() => page.getByLabel('粘贴报告全文').inputValue()).toContain('城镇新增就业');
    await page.getByRole('button', { name: label('识别') }).click();
    await poll(() => page.getByTestId('draft').count()).toBe(6);
    await page.getByRole('link', { name: '工作台' }).click();
    const drafts = page.getByTestId('drafts');
    await poll(() => drafts.locator('.ant-card-head-title').innerText()).toContain(`（${before + 6}）`);
    await shot(page, 'month-01-工作台-待确认草稿');
    const link = drafts.getByRole('link', { name: /城镇新增就业/ }).first();
    title = await link.innerText();
    await link.click();
    await page.waitForURL(/\/commitments\/[0-9a-f-]{36}$/);
    id = page.url().split('/').at(-1)!;
  });

  it('确认草稿并交办：督查室确认导入草稿，交人社局办理', async () => {
    await poll(() => page.getByTestId('next-step').innerText()).toContain('交办（督查室）');
    // the sector comes from the item's own heading ((一)稳岗扩就业。), never from a year heading
    expect(await page.locator('.ant-descriptions').innerText()).toMatch(/领域\s*民生保障/);
    // a draft offers the office 确认, 舍弃, 交办 and 修改, never a department's actions
    const actions = page.getByTestId('actions');
    expect(await actions.getByRole('button', { name: label('签收') }).count()).toBe(0);
    await actions.getByRole('button', { name: '确认草稿' }).click();
    await poll(() => actions.getByRole('button', { name: '确认草稿' }).count()).toBe(0);
    await actions.getByRole('button', { name: label('交办') }).click();
    await poll(() => dialog().getByLabel('牵头单位', { exact: true }).count()).toBe(1);
    // without a lead department the dialog refuses, in Chinese, and sends nothing
    await poll(async () => {
      await dialog().getByRole('button', { name: label('交办') }).click();
      return dialog().getByText('请选择牵头单位').count();
    }).toBe(1);
    await pick(dialog(), '牵头单位', '人社');
    // a department is found by any part of its name: 财政 finds 区财政局
    await pickOption(page, dialog(), '配合单位', '区财政局', { search: '财政', exact: true });
    await dialog().getByLabel('责任领导').fill('分管副区长');
    await shot(page, 'month-02-交办');
    await dialog().getByRole('button', { name: label('交办') }).click();
    await dialogClosed();
    await poll(() => page.getByTestId('next-step').innerText()).toMatch(/签收（牵头单位（.*人社局））/);
    expect(await page.getByText('分管副区长').count()).toBeGreaterThan(0);
    expect(await page.locator('.ant-descriptions').innerText()).toMatch(/配合单位\s*区财政局/);
  });

  it('签收：人社局在工作台签收并报送办理方案', async () => {
    await signIn(page, server.url, 'yanhu.rsj');
    await page.waitForURL(/\/my$/);
    const waiting = row(page.getByTestId('to-acknowledge'));
    await poll(() => waiting.count()).toBe(1);
    await waiting.getByRole('button', { name: '签收并报送办理方案' }).click();
    await poll(() => dialog().getByTestId('work-plan-step').count()).toBe(1);
    // the step's dates start as the task's window; a missing person is refused in place
    await poll(async () => {
      await dialog().getByRole('button', { name: label('签收') }).click();
      return dialog().getByText('请填写责任人').count();
    }).toBe(1);
    await dialog().getByLabel('责任人', { exact: true }).fill('张科长');
    await dialog().getByLabel('联系方式').fill('0359-2222222');
    await dialog().getByLabel('第1步', { exact: true }).fill('制定就业促进工作方案并分解到街道');
    await dialog().getByRole('button', { name: '添加步骤' }).click();
    await dialog().getByLabel('第2步', { exact: true }).fill('开展春风行动等专项招聘');
    await shot(page, 'month-03-签收-办理方案');
    await dialog().getByRole('button', { name: label('签收') }).click();
    await dialogClosed();
    await poll(() => page.getByTestId('to-acknowledge').count()).toBe(0);
    await openDetail();
    await poll(() => page.getByTestId('work-plan').innerText()).toContain('制定就业促进工作方案并分解到街道');
    expect(await page.getByTestId('work-plan').innerText()).toContain('张科长');
    await shot(page, 'month-04-详情-办理方案');
  });

  it('报送进展：人社局报送累计完成值和佐证材料', async () => {
    await page.getByRole('link', { name: '工作台' }).click();
    const due = row(page.getByTestId('due-commitments'));
    await poll(() => due.count()).toBe(1);
    await due.getByRole('button', { name: '填报进展' }).click();
    await dialog().getByLabel(/累计完成值/).fill('5200');
    await dialog().getByLabel('进展情况').fill('新增城镇就业5200人，其中高校毕业生1300人。');
    await dialog().getByRole('button', { name: label('提交') }).click();
    await dialogClosed();
    await poll(() => row(page.locator('.ant-card').filter({ hasText: '待审核' })).count()).toBeGreaterThan(0);
  });

  it('退回：督查室在工作台写明意见退回', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    const pending = row(page.getByTestId('pending-reports'));
    await poll(() => pending.count()).toBe(1);
    expect(await pending.innerText()).toContain('5200人');
    await pending.getByRole('button', { name: label('退回') }).click();
    await poll(async () => {
      await dialog().getByRole('button', { name: label('退回') }).click();
      return dialog().getByText('请写明退回原因及需补充的内容').count();
    }).toBe(1);
    await dialog().getByLabel('退回意见').fill('请附就业登记台账');
    await shot(page, 'month-05-退回');
    await dialog().getByRole('button', { name: label('退回') }).click();
    await dialogClosed();
    await poll(() => pending.count()).toBe(0);
  });

  it('重新报送：人社局看到退回意见，补充材料后重报', async () => {
    await signIn(page, server.url, 'yanhu.rsj');
    const returned = row(page.getByTestId('returned-reports'));
    await poll(() => returned.count()).toBe(1);
    expect(await returned.innerText()).toContain('请附就业登记台账');
    await shot(page, 'month-06-工作台-被退回');
    await returned.getByRole('button', { name: '修改重报' }).click();
    await dialog().getByLabel(/累计完成值/).fill('5600');
    await dialog().locator('input[type=file]').setInputFiles({ name: '就业登记台账.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await dialog().getByRole('button', { name: label('提交') }).click();
    await dialogClosed();
    await poll(() => returned.count()).toBe(0);
  });

  it('采纳：督查室在工作台采纳重报的进展', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    const pending = row(page.getByTestId('pending-reports'));
    await poll(() => pending.count()).toBe(1);
    expect(await pending.innerText()).toContain('5600人');
    expect(await pending.getByRole('link', { name: '就业登记台账.pdf' }).count()).toBe(1);
    await shot(page, 'month-07-工作台-待审核');
    await pending.getByRole('button', { name: label('采纳') }).click();
    await poll(() => pending.count()).toBe(0);
    await openDetail();
    await poll(() => page.locator('.ant-tag').filter({ hasText: '已采纳' }).count()).toBe(1);
  });

  it('催办：督查室对逾期未报送的单位一键催办，并查看其督办单', async () => {
    await page.getByRole('link', { name: '工作台' }).click();
    const late = page.getByTestId('late-departments');
    await poll(() => late.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const first = late.locator('.ant-table-row').first();
    const department = (await first.locator('td').nth(1).innerText()).trim();
    await first.getByRole('button', { name: label('催办') }).click();
    await poll(() => page.locator('.ant-message').innerText()).toContain('已催办 1 个单位');
    await poll(() => page.getByTestId('today').innerText()).toContain(`已发送催办`);
    expect(await page.getByTestId('today').innerText()).toContain(department);
    await shot(page, 'month-08-催办');
    // the department's open 督办单, from the workbench to the commitment it concerns
    const slips = page.getByTestId('open-slips');
    await poll(() => slips.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const slip = slips.locator('.ant-table-row').first();
    const slipTitle = (await slip.locator('td').nth(1).innerText()).trim();
    await slip.getByRole('link', { name: '督办通知单' }).click();
    await page.waitForURL(/\/supervision\/[0-9a-f-]{36}\/notice$/);
    // the printable 督办通知单 names the matter (its text is the server's page, in a frame)
    await poll(() => page.frameLocator('#notice-frame').locator('body').innerText().catch(() => '')).toContain(slipTitle);
    await shot(page, 'month-09-督办通知单');
  });

  it('领导批示：区领导在详情页作出批示，工作台列出', async () => {
    await signIn(page, server.url, 'yanhu.leader');
    await openDetail();
    // a leader instructs; it neither assigns, edits nor closes
    expect(await page.getByTestId('actions').getByRole('button').count()).toBe(0);
    const card = page.getByTestId('instructions');
    await poll(() => card.getByLabel('批示领导').inputValue()).toContain('盐湖区政府领导');
    await card.getByLabel('批示领导').fill('王区长');
    await card.getByLabel('批示内容').fill('就业是最大的民生，请月底前拿出稳岗扩岗具体措施');
    await card.getByRole('button', { name: '录入批示' }).click();
    await poll(() => card.getByTestId('instruction').count()).toBe(1);
    await shot(page, 'month-10-领导批示');
    await page.getByRole('link', { name: '工作台' }).click();
    const mine = row(page.getByTestId('my-instructions'));
    await poll(() => mine.count()).toBe(1);
    expect(await mine.innerText()).toContain('待反馈');
  });

  it('反馈落实情况：人社局在工作台回复批示，领导看到回复', async () => {
    await signIn(page, server.url, 'yanhu.rsj');
    const ins = row(page.getByTestId('my-instructions'));
    await poll(() => ins.count()).toBe(1);
    await ins.getByRole('button', { name: '反馈落实情况' }).click();
    await dialog().getByLabel('落实情况').fill('已召开稳岗扩岗专题会，出台三条措施');
    await dialog().getByRole('button', { name: '提交反馈' }).click();
    await dialogClosed();
    await poll(() => ins.getByTestId('instruction-reply').count()).toBe(1);
    await signIn(page, server.url, 'yanhu.leader');
    const mine = row(page.getByTestId('my-instructions'));
    await poll(() => mine.innerText()).toContain('已召开稳岗扩岗专题会');
    await shot(page, 'month-11-领导工作台-批示回复');
  });

  it('延期申请：人社局申请延期，批准前任务不变', async () => {
    await signIn(page, server.url, 'yanhu.rsj');
    await openDetail();
    await page.getByTestId('actions').getByRole('button', { name: '申请变更' }).click();
    await dialog().getByLabel(/新的截止日期/).click();
    await dialog().getByLabel(/新的截止日期/).fill('2027-03-31');
    await dialog().getByLabel(/新的截止日期/).press('Enter');
    await dialog().getByLabel('申请理由').fill('部分企业招聘计划顺延至一季度');
    await poll(() => dialog().getByTestId('change-preview').innerText()).toContain('2027年3月31日');
    await shot(page, 'month-12-延期申请');
    await dialog().getByRole('button', { name: '提交申请' }).click();
    await dialogClosed();
    await poll(() => page.getByTestId('change-request').innerText()).toContain('待审批');
    // nothing changes before the office decides
    expect(await page.locator('.ant-descriptions').getByText('2026年1月1日 — 2026年12月31日').count()).toBe(1);
  });

  it('审批延期：督查室在工作台对照变更前后批准，截止日期随之改变', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    const decision = row(page.getByTestId('decisions'));
    await poll(() => decision.count()).toBe(1);
    await decision.getByRole('button', { name: label('审批') }).click();
    await poll(() => dialog().getByTestId('change-preview').innerText()).toContain('2026年12月31日');
    expect(await dialog().getByTestId('change-preview').innerText()).toContain('2027年3月31日');
    await shot(page, 'month-13-审批延期');
    await dialog().getByRole('button', { name: label('批准') }).click();
    await dialogClosed();
    await poll(() => decision.count()).toBe(0);
    await openDetail();
    await poll(() => page.locator('.ant-descriptions').getByText('2026年1月1日 — 2027年3月31日').count()).toBe(1);
    // the decided request says what was asked, not "before → after" read from the changed commitment
    await poll(() => page.getByTestId('change-request').innerText()).toContain('截止日期申请改为2027年3月31日');
    expect(await page.getByTestId('change-request').innerText()).not.toContain('2027年3月31日 → 2027年3月31日');
  });

  it('办结申请：人社局附已采纳的材料申请办结', async () => {
    await signIn(page, server.url, 'yanhu.rsj');
    await openDetail();
    await page.getByTestId('actions').getByRole('button', { name: '办结申请' }).click();
    await dialog().getByLabel('完成情况说明').fill('全年新增城镇就业5600人，目标任务基本完成');
    await dialog().getByRole('checkbox', { name: /就业登记台账\.pdf/ }).check();
    await shot(page, 'month-14-办结申请');
    await dialog().getByRole('button', { name: '提交办结申请' }).click();
    await dialogClosed();
    await poll(() => page.getByTestId('next-step').innerText()).toContain('办结销号（督查室）');
  });

  it('办结：督查室在工作台审核办结申请并销号', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    const decision = row(page.getByTestId('decisions'));
    await poll(() => decision.count()).toBe(1);
    await decision.getByRole('button', { name: '办结销号' }).click();
    await poll(() => dialog().getByText('全年新增城镇就业5600人').count()).toBe(1);
    expect(await dialog().getByRole('link', { name: '就业登记台账.pdf' }).count()).toBe(1);
    await dialog().getByLabel('审核意见').fill('同意销号');
    await shot(page, 'month-15-办结销号');
    await dialog().getByRole('button', { name: '办结销号' }).click();
    await dialogClosed();
    await openDetail();
    await poll(() => page.locator('.ant-descriptions').innerText()).toContain('已办结');
    // a closed commitment offers nothing more to anyone but publishing
    expect(await page.getByTestId('actions').getByRole('button').allInnerTexts()).toEqual(['向社会公开']);
    await shot(page, 'month-16-已办结');
  });

  it('期次锁定：督查室在系统管理锁定本月期次，锁定后不能再报送', async () => {
    await page.goto(`${server.url}/admin`);
    // the periods' table (the lock history below it names the month too once locked)
    const november = page.locator('.ant-table-row').filter({ hasText: '2026年11月' }).first();
    await poll(() => november.count()).toBe(1);
    await november.getByRole('button', { name: /锁\s*定/ }).click();
    await dialog().getByLabel(/锁定说明/).fill('本月督查通报印发前锁定');
    await dialog().getByRole('button', { name: /锁\s*定/ }).click();
    await dialogClosed();
    await poll(() => november.innerText()).toContain('已锁定');
    await shot(page, 'month-17-期次锁定');
    // a department can no longer report for the locked month on any of its commitments: the server says why
    await signIn(page, server.url, 'yanhu.rsj');
    const logged = consoleErrors.length;
    const refused = await page.evaluate(async () => {
      const open = (await (await fetch('/api/commitments?region=140802')).json()) as { items: { id: string; state: string; evaluation: { latestPeriod: string | null } }[] };
      // one with no report for November yet
      const commitmentId = open.items.find((c) => c.state === 'inProgress' && (c.evaluation.latestPeriod ?? '') < '2026-11')!.id;
      const csrf = decodeURIComponent(/duban_csrf=([^;]+)/.exec((globalThis as unknown as { document: { cookie: string } }).document.cookie)![1]!);
      const res = await fetch(`/api/commitments/${commitmentId}/reports`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ period: '2026-11', cumulativeValue: '5600', narrative: '补报' }),
      });
      return { status: res.status, body: (await res.json()) as { error: { zh: string } } };
    });
    expect(refused.status).toBe(409);
    // the browser logs the refused request it was asked to make; that one is expected, nothing else
    await poll(() => consoleErrors.length).toBe(logged + 1);
    expect(consoleErrors.splice(logged)).toEqual([expect.stringContaining('409')]);
    expect(refused.body.error.zh).toContain('锁定');
  });
});
