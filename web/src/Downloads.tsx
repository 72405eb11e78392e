/**
 * 督查通报 (monthly) and 工作纪实 (yearly) as files from the server, with its error shown if it
 * refuses. The month may be any of the year's (a past one gives the figures known then); the
 * 成文日期, 发文字号 and the sources appendix are optional (the server defaults the date to the day
 * after the period's reports were due).
 */
import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Dropdown, Input, Popover, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError, errorText, withQuery } from './api.ts';
import { periodLabel } from './format.ts';
import { useLang, useT } from './i18n.tsx';
import { useSession } from './session.tsx';
import { download } from './download.ts';
import type { ErrorBody } from './model.ts';

export async function fetchFile(path: string): Promise<{ blob: Blob; filename: string }> {
  const res = await fetch(`/api${path}`, { credentials: 'same-origin' });
  if (!res.ok) {
    const e = (await res.json().catch(() => ({}))) as { error?: Partial<ErrorBody['error']> };
    throw new ApiError(res.status, e.error?.code ?? `http_${res.status}`, e.error?.zh ?? `下载失败（${res.status}）`, e.error?.en ?? `download failed (${res.status})`);
  }
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  return { blob: await res.blob(), filename: m ? decodeURIComponent(m[1]!) : 'download' };
}

export function Downloads() {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const { message } = App.useApp();
  const today = new Date().toISOString().slice(0, 7);
  const year = s.plan?.year ?? Number(today.slice(0, 4));
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter((m) => m <= today);
  const [picked, setMonth] = useState<string | null>(null);
  // the month follows the year shown: a month picked in another year falls back to this year's latest
  const month = picked && months.includes(picked) ? picked : (months.at(-1) ?? `${year}-01`);
  const [busy, setBusy] = useState(false);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [number, setNumber] = useState('');
  const [sources, setSources] = useState(false);
  if (s.scope.children || !s.region) return null;
  const extra = { date: date ? date.format('YYYY-MM-DD') : undefined, number: number.trim() || undefined, sources: sources ? 'true' : undefined };
  const formats = [
    { key: 'docx', label: 'Word（.docx）' },
    { key: 'html', label: t('网页（.html）') },
    { key: 'md', label: 'Markdown（.md）' },
  ];

  async function get(path: string) {
    setBusy(true);
    try {
      const f = await fetchFile(path);
      download(f.blob, f.filename);
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  const region = s.region.code;
  return (
    <Space wrap size={6}>
      <Select aria-label="通报月份" size="small" style={{ width: 120 }} value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: periodLabel(m) }))} />
      <Dropdown
        menu={{
          items: [...formats.slice(0, 1), { key: 'xlsx', label: 'Excel（.xlsx）' }, ...formats.slice(1)],
          onClick: ({ key }) => get(withQuery('/reports/bulletin', { region, period: month, format: key, ...extra })),
        }}
      >
        <Button size="small" loading={busy}>{t('下载督查通报')}</Button>
      </Dropdown>
      <Dropdown menu={{ items: formats, onClick: ({ key }) => get(withQuery('/reports/summary', { region, year, format: key, ...extra })) }}>
        <Button size="small" loading={busy}>
          {t('下载工作纪实')}（{year}）
        </Button>
      </Dropdown>
      <Popover
        trigger="click"
        title={t('文件选项')}
        content={
          <Space direction="vertical" size={8} style={{ width: 260 }}>
            <DatePicker
              aria-label={t('成文日期')}
              size="small"
              style={{ width: '100%' }}
              placeholder={t('成文日期（默认：报送截止次日）')}
              value={date}
              onChange={setDate}
            />
            <Input aria-label={t('发文字号')} size="small" placeholder={t('发文字号，如 盐督通〔2026〕10号')} value={number} onChange={(e) => setNumber(e.target.value)} maxLength={60} />
            <Checkbox checked={sources} onChange={(e) => setSources(e.target.checked)}>
              {t('附数据来源')}
            </Checkbox>
          </Space>
        }
      >
        <Button size="small">{t('文件选项')}{date || number.trim() || sources ? ' ●' : ''}</Button>
      </Popover>
    </Space>
  );
}
