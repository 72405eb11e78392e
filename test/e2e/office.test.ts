/**
 * The office's own pages in Chromium: 督办 (slips numbered with their level and cause, the
 * 督办通知单 print view and its Word file, 催办 sent by channel), 系统管理 (period lock with its
 * reason, a department's 催办 e-mail, a reporter account with its one-time password, an API token,
 * the configuration), and what a reporter is refused at once. Fails on any console error.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveChromium, pickOption, shot, signIn, type RunningServer, useDemoPage } from './harness.ts';

const hasBrowser = haveChromium();
/** Waits for what the page shows (pages load data after they render). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 100 });

describe.skipIf(!hasBrowser)('督办 and 系统管理 in Chromium', () => {
  let server: RunningServer;
  let page: Page;
  useDemoPage('office', (s) => ({ server, page } = s));

  it('登录页：会话检查不报错，页签有图标', async () => {
    await page.goto(`${server.url}/login`);
    await poll(() => page.getByLabel('用户名').count()).toBe(1);
    const icon = await page.locator('link[rel=icon]').getAttribute('href');
    expect((await page.request.get(`${server.url}${icon}`)).status()).toBe(200);
  });

  it('菜单：相关页面归组，1366、1280、1024 像素宽都完整显示', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    const menu = page.locator('.ant-layout-header .ant-menu');
    try {
      for (const width of [1366, 1280, 1024]) {
        await page.setViewportSize({ width, height: 900 });
        await poll(async () => (await menu.locator(':scope > .ant-menu-item, :scope > .ant-menu-submenu').filter({ visible: true }).allInnerTexts()).map((x) => x.trim()))
          .toEqual(['工作台', '总览', '目标任务', '督办', '统计分析', '系统']);
        // nothing folded into Ant Design's "…" entry, nothing wider than the window
        expect(await menu.locator('.ant-menu-overflow-item-rest').filter({ visible: true }).count()).toBe(0);
        expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(width);
        await shot(page, `office-00-menu-${width}`);
      }
      // a group opens on hover and leads to its pages
      await menu.getByText('统计分析').hover();
      await page.getByRole('menuitem', { name: '兑现核验' }).click();
      await page.waitForURL(/\/promises$/);
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
  });

  it('督办单：编号、级别、事由、开单与销号，更新后仍在', async () => {
    await page.goto(`${server.url}/supervision`);
    await poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const first = page.locator('.ant-table-row').first();
    expect(await first.innerText()).toMatch(/督办〔\d{4}〕第\d+号/);
    expect(await first.locator('[data-level]').count()).toBe(1);
    expect(await page.getByTestId('slip-counts').innerText()).toMatch(/红色督办\s*\d+/);
    await page.getByRole('button', { name: /更新督办单/ }).click();
    await poll(() => page.getByText(/新开 \d+ 件，销号 \d+ 件/).count()).toBe(1);
    await shot(page, 'office-01-slips');
    // 已销号 shows the closing date or nothing at all, never an open slip
    await page.locator('.ant-segmented-item').filter({ hasText: /^已销号$/ }).click();
    await poll(() => page.locator('.ant-table-row, .ant-table-placeholder, .ant-empty').count()).toBeGreaterThan(0);
    expect(await page.locator('.ant-table-row .ant-tag-processing').count()).toBe(0);
    await page.locator('.ant-segmented-item').filter({ hasText: /^在办$/ }).click();
    await poll(() => page.locator('.ant-table-row .ant-tag-processing').count()).toBeGreaterThan(0);
  });

  it('督办通知单：打印视图含编号、督办事项、牵头单位、时限、督办要求和落款；Word 可下载', async () => {
    const row = page.locator('.ant-table-row').filter({ has: page.locator('[data-level=red], [data-level=yellow]') }).first();
    const number = /督办〔\d{4}〕第\d+号/.exec(await row.innerText())![0];
    await row.getByRole('link', { name: new RegExp(`打印 ${number.replace(/[〔〕]/g, '.')}`) }).click();
    await page.waitForURL(/\/supervision\/[0-9a-f-]+\/notice$/);
    const frame = page.frameLocator('#notice-frame');
    await poll(() => frame.locator('h1').innerText()).toBe('督办通知单');
    const text = await frame.locator('body').innerText();
    for (const part of [number, '督办事项', '督办事由', '牵头单位：', '办理时限：', '反馈时限：', '督办要求', '盐湖区人民政府督查室']) expect(text).toContain(part);
    expect(await page.getByRole('menu').count()).toBe(0);
    await shot(page, 'office-02-notice');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载Word/ }).click()]);
    expect(download.suggestedFilename()).toBe(`${number}督办通知单.docx`);
  });

  it('督办单销号：督查室在工作台写明说明后销号，工作台和督办页随之更新', async () => {
    await page.goto(`${server.url}/`);
    const slips = page.getByTestId('open-slips');
    await poll(() => slips.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const title = async () => (await slips.locator('.ant-card-head-title').innerText()).replace(/\s+/g, '');
    const before = await title();
    const row = slips.locator('.ant-table-row').first();
    const matter = (await row.locator('td').nth(1).innerText()).trim();
    await row.getByRole('button', { name: /销\s*号/ }).click();
    const dialog = page.locator('.ant-modal:visible');
    // a 销号 without a note is refused in place, in Chinese
    await dialog.getByRole('button', { name: /销\s*号/ }).click();
    await poll(() => dialog.getByText('请写明销号说明').count()).toBe(1);
    await dialog.getByLabel('销号说明').fill('已约谈牵头单位，整改方案已报送');
    await shot(page, 'office-03a-slip-close');
    await dialog.getByRole('button', { name: /销\s*号/ }).click();
    await poll(() => page.locator('.ant-modal:visible').count()).toBe(0);
    // the workbench counts one fewer open slip and says what was closed today, with the note
    await poll(title).not.toBe(before);
    await poll(() => page.getByTestId('today').innerText()).toContain('已约谈牵头单位，整改方案已报送');
    // the 督办 page lists it as closed by the office, with its note
    await page.goto(`${server.url}/supervision`);
    await page.locator('.ant-segmented-item').filter({ hasText: /^已销号$/ }).click();
    const closed = page.locator('.ant-table-row').filter({ hasText: matter }).filter({ hasText: '已约谈牵头单位' });
    await poll(() => closed.count()).toBeGreaterThan(0);
    expect(await closed.first().getByTestId('close-note').innerText()).toBe('督查室销号：已约谈牵头单位，整改方案已报送');
    await shot(page, 'office-03b-slip-closed');
  });

  it('催办：发送后记录单位、渠道和结果', async () => {
    await page.goto(`${server.url}/supervision`);
    await page.getByRole('tab', { name: '待催办' }).click();
    await poll(() => page.locator('.ant-table-row, .ant-table-placeholder, .ant-empty').count()).toBeGreaterThan(0);
    if (await page.getByRole('button', { name: /发送催办/ }).count()) {
      await page.getByRole('button', { name: /发送催办/ }).click();
      await page.locator('.ant-modal:visible').getByRole('button', { name: /发\s*送/ }).click();
      await poll(() => page.getByText(/已发送 \d+ 条催办/).count()).toBe(1);
    }
    await page.getByRole('tab', { name: '催办记录' }).click();
    await poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const row = await page.locator('.ant-table-row').first().innerText();
    expect(row).toMatch(/站内通知|电子邮件|政务平台/);
    expect(row).toMatch(/已送达|发送失败/);
    await shot(page, 'office-03-reminders');
  });

  it('系统管理：锁定期次写明理由，解锁须有理由', async () => {
    await page.goto(`${server.url}/admin`);
    await poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const row = page.locator('.ant-table-row').filter({ has: page.getByRole('button', { name: /锁\s*定/ }) }).first();
    const month = (await row.locator('td').first().innerText()).trim();
    await row.getByRole('button', { name: /锁\s*定/ }).click();
    await page.locator('.ant-modal:visible textarea').fill('月度通报印发前锁定');
    await page.locator('.ant-modal:visible').getByRole('button', { name: /锁\s*定/ }).click();
    const locked = page.locator('.ant-table-row').filter({ hasText: month }).first();
    await poll(() => locked.innerText()).toContain('已锁定');
    await poll(() => page.getByText('月度通报印发前锁定').count()).toBe(1);
    // unlocking without a reason is refused in place, in Chinese
    await locked.getByRole('button', { name: /解\s*锁/ }).click();
    await page.locator('.ant-modal:visible').getByRole('button', { name: /解\s*锁/ }).click();
    await poll(() => page.getByText('请写明解锁理由').count()).toBe(1);
    await shot(page, 'office-04-periods');
    await page.locator('.ant-modal:visible textarea').fill('人社局更正数据');
    await page.locator('.ant-modal:visible').getByRole('button', { name: /解\s*锁/ }).click();
    await poll(() => page.getByText('人社局更正数据').count()).toBe(1);
  });

  it('系统管理：单位催办邮箱、新建填报员的一次性密码、接口令牌、督办参数', async () => {
    await page.getByRole('tab', { name: '单位管理' }).click();
    const dept = page.locator('.ant-table-row').filter({ hasText: '区财政局' }).first();
    await dept.getByRole('button', { name: /编\s*辑/ }).click();
    await page.locator('.ant-modal:visible').getByLabel('催办邮箱').fill('not an address');
    await page.locator('.ant-modal:visible').getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => page.getByText('电子邮件地址格式不对').count()).toBe(1);
    await page.locator('.ant-modal:visible').getByLabel('催办邮箱').fill('czj@yanhu.example.gov.cn');
    await page.locator('.ant-modal:visible').getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => dept.innerText()).toContain('czj@yanhu.example.gov.cn');
    await shot(page, 'office-05-departments');

    await page.getByRole('tab', { name: '账号管理' }).click();
    await page.getByRole('button', { name: /新建账号/ }).click();
    const form = page.locator('.ant-modal:visible');
    await form.getByLabel('登录名').fill('yanhu.czj2');
    await form.getByLabel('姓名').fill('王会计');
    await pickOption(page, form, '填报单位', '区财政局', { search: '财政' });
    await form.getByRole('button', { name: /创\s*建/ }).click();
    await poll(() => page.getByTestId('secret').inputValue()).toMatch(/^\S{8,}$/);
    await shot(page, 'office-06-one-time-password');
    await page.getByRole('button', { name: '我已记下' }).click();
    await poll(() => page.locator('.ant-table-row').filter({ hasText: 'yanhu.czj2' }).innerText()).toContain('待改初始密码');

    await page.getByRole('tab', { name: '接口令牌' }).click();
    await page.getByLabel('令牌名称').fill('政务平台同步');
    await page.getByRole('button', { name: /新建令牌/ }).click();
    await poll(() => page.getByTestId('secret').inputValue()).toMatch(/^dbt_/);
    await page.getByRole('button', { name: '我已记下' }).click();
    await poll(() => page.locator('.ant-table-row').filter({ hasText: '政务平台同步' }).count()).toBe(1);

    await page.getByRole('tab', { name: '督办参数' }).click();
    await poll(() => page.locator('.ant-descriptions').innerText()).toContain('落后序时进度 10 个百分点及以上');
    expect(await page.locator('.ant-descriptions').innerText()).toContain('完成率 60% ＋ 按时报送 30% ＋ 一次通过率 10%');
    await shot(page, 'office-07-config');
  });

  it('总览：逾期分为逾期未报送和逾期未完成，各自链到清单', async () => {
    await page.goto(`${server.url}/overview`);
    await poll(() => page.locator('[data-overdue-card]').count()).toBe(2);
    const report = page.locator('[data-overdue-card=report]');
    expect(await report.innerText()).toMatch(/逾期未报送\s*\d+/);
    expect(await page.locator('[data-overdue-card=deadline]').innerText()).toMatch(/逾期未完成\s*\d+/);
    await shot(page, 'office-09-overview');
    await report.locator('a').click();
    await page.waitForURL(/overdue=report/);
    await poll(() => page.locator('.ant-table-row, .ant-table-placeholder, .ant-empty').count()).toBeGreaterThan(0);
    // every listed commitment says 逾期未报送, whatever its status
    const rows = page.locator('.ant-table-row');
    for (let i = 0; i < (await rows.count()); i++) expect(await rows.nth(i).locator('[data-overdue=report]').count()).toBe(1);
  });

  it('市领导：区县比较表，点区县进入并保持年度', async () => {
    await signIn(page, server.url, 'yuncheng.leader');
    await page.goto(`${server.url}/overview`);
    await pickOption(page, page, '行政区', '（汇总）');
    const table = page.getByTestId('district-comparison');
    await poll(() => table.locator('.ant-table-row').count()).toBeGreaterThan(1);
    const year = (await page.getByLabel('年度').locator('..').innerText()).match(/\d{4}/)![0];
    const yanhu = table.locator('.ant-table-row').filter({ hasText: '盐湖区' });
    expect(await yanhu.innerText()).toMatch(/\d+%/);
    expect(await table.innerText()).toContain('逾期未报送');
    await shot(page, 'office-10-city-comparison');
    await yanhu.getByRole('button', { name: /查看 盐湖区/ }).click();
    await poll(() => page.getByRole('heading', { level: 3 }).first().innerText()).toMatch(new RegExp(`盐湖区\\s*${year}`));

    // the city's other pages show the counties, never an empty card
    await pickOption(page, page, '行政区', '（汇总）');
    await page.goto(`${server.url}/`);
    await poll(() => page.getByTestId('district-comparison').locator('.ant-table-row').count()).toBeGreaterThan(1);
    await page.goto(`${server.url}/indicators`);
    await poll(() => page.getByTestId('district-comparison').locator('.ant-table-row').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('district-comparison').innerText()).toMatch(/第1/);
    for (const path of ['/supervision', '/assessment', '/promises']) {
      await page.goto(`${server.url}${path}`);
      await poll(() => page.getByTestId('district-comparison').locator('.ant-table-row').count()).toBeGreaterThan(1);
      expect(await page.locator('.ant-empty').count()).toBe(0);
    }
    await shot(page, 'office-10b-city-promises');
  });

  it('各列数值单位一致：重点项目投资、目标任务的目标和最新进展', async () => {
    /** the scales (万, 亿, none) each unit is written with in a column: one per unit */
    const mixed = (texts: string[]) => {
      const seen = new Map<string, Set<string>>();
      for (const t of texts) {
        const m = /(-?[\d.]+)(亿|万)?([^\d\s（）()]+?)(?:以上|以内|左右)?$/.exec(t.split('\n')[0]!.replace(/^不超过/, '').trim());
        if (!m) continue;
        const unit = m[3]!.replace(/^(千米|公里)$/, '米');
        seen.set(unit, (seen.get(unit) ?? new Set()).add(`${m[2] ?? ''}${m[3]}`));
      }
      return [...seen.values()].filter((x) => x.size > 1).map((x) => [...x].join(' / '));
    };
    const column = async (title: string) => {
      const index = await page.locator('.ant-table-thead th').evaluateAll((ths, t) => ths.findIndex((th) => th.textContent?.trim() === t), title);
      return page.locator('.ant-table-tbody tr.ant-table-row').evaluateAll((trs, i) => trs.map((tr) => (tr.children[i] as { innerText: string } | undefined)?.innerText ?? ''), index);
    };
    await page.goto(`${server.url}/projects`);
    await poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(1);
    for (const title of ['总投资', '年度计划投资', '年度完成投资']) {
      const cells = await column(title);
      expect(new Set(cells.map((c) => /[亿万]?元$/.exec(c)?.[0])).size, `${title}: ${cells.join(' ')}`).toBe(1);
    }
    await page.goto(`${server.url}/commitments`);
    await poll(() => page.getByTestId('latest-value').count()).toBeGreaterThan(1);
    await page.locator('.ant-pagination-options .ant-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '100' }).click();
    for (const title of ['目标', '最新进展']) expect(mixed(await column(title)), title).toEqual([]);
    await shot(page, 'office-12-units');
  });

  it('民生实事公开页：子任务列在上级任务之下，合计每项只算一次', async () => {
    const res = await page.request.get(`${server.url}/api/public/commitments?region=140802&livelihood=true`);
    const all = ((await res.json()) as { items: { id: string; parentId: string | null; title: string; deadline: string }[] }).items;
    const year = all.map((c) => c.deadline.slice(0, 4)).sort().at(-1)!;
    const shown = all.filter((c) => c.deadline.startsWith(year));
    const ids = new Set(shown.map((c) => c.id));
    const subtasks = shown.filter((c) => c.parentId && ids.has(c.parentId));
    // the sample 2026 plan publishes 民生实事 split into subtasks: the page must not count them twice
    expect(subtasks.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/public?region=140802`);
    await poll(() => page.getByTestId('public-summary').innerText()).toContain(`共 ${shown.length - subtasks.length} 项`);
    expect(await page.getByTestId('public-item').count()).toBe(shown.length - subtasks.length);
    for (const st of subtasks) {
      const parent = shown.find((c) => c.id === st.parentId)!;
      const card = page.getByTestId('public-item').filter({ has: page.locator('h2', { hasText: parent.title }) });
      expect(await card.getByTestId('public-subtask').filter({ hasText: st.title }).count()).toBe(1);
    }
    await shot(page, 'office-11-public-subtasks');
  });

  it('填报员打开导入页和系统管理页，立即看到无权访问', async () => {
    await signIn(page, server.url, 'yanhu.rsj');
    for (const path of ['/import', '/admin']) {
      await page.goto(`${server.url}${path}`);
      await poll(() => page.getByText('无权访问').count()).toBe(1);
      expect(await page.locator('textarea, input[type=file]').count()).toBe(0);
    }
    await shot(page, 'office-08-reporter-refused');
    // its own slips only, without the office's buttons
    await page.goto(`${server.url}/supervision`);
    await poll(() => page.locator('.ant-table-row, .ant-table-placeholder, .ant-empty').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /更新督办单/ }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: '催办记录' }).count()).toBe(0);
  });

  it('打印任务详情：不带菜单、按钮和录入框，进展报告表排得下', async () => {
    await signIn(page, server.url, 'yanhu.admin');
    await page.goto(`${server.url}/commitments`);
    await page.getByRole('link', { name: /四好农村路/ }).first().click();
    // the January report's row (its 办理方案 rows carry January dates too, and load on their own)
    await poll(() => page.locator('.ant-table-row').filter({ hasText: '截至1月底' }).count()).toBe(1);
    // on screen they are there
    expect(await page.getByRole('button', { name: /^修\s*改$/ }).isVisible()).toBe(true);
    expect(await page.getByLabel('批示内容').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: /^修\s*改$/ }).isVisible()).toBe(false);
      expect(await page.getByLabel('批示内容').isVisible()).toBe(false);
      // the report's text gets the room, not the fixed columns around it: each report a few lines, not a column of characters
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeLessThanOrEqual(4);
    } finally {
      await page.emulateMedia({ media: null });
    }
  });
});
