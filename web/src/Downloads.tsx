/** 督查通报 (monthly) and 工作纪实 (yearly) as files from the server, with its error shown if it refuses. */
import { useState } from 'react';
import { App, Button, Dropdown, Select, Space } from 'antd';
import { ApiError, errorText, withQuery } from './api.ts';
import { periodLabel } from './format.ts';
import { useLang, useT } from './i18n.tsx';
import { useSession } from './session.tsx';
import { download } from './download.ts';

export async function fetchFile(path: string): Promise<{ blob: Blob; filename: string }> {
  const res = await fetch(`/api${path}`, { credentials: 'same-origin' });
  if (!res.ok) {
    const e = (await res.json().catch(() => ({}))) as { error?: { code?: string; zh?: string; en?: string } };
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
  if (s.scope.children || !s.region) return null;

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
          items: [
            { key: 'docx', label: 'Word（.docx）' },
            { key: 'xlsx', label: 'Excel（.xlsx）' },
            { key: 'html', label: '网页（.html）' },
          ],
          onClick: ({ key }) => get(withQuery('/reports/bulletin', { region, period: month, format: key })),
        }}
      >
        <Button size="small" loading={busy}>{t('下载督查通报')}</Button>
      </Dropdown>
      <Button size="small" loading={busy} onClick={() => get(withQuery('/reports/summary', { region, year, format: 'docx' }))}>
        {t('下载工作纪实')}（{year}）
      </Button>
    </Space>
  );
}
