/**
 * 督办: the 督办单 (蓝色提醒, 催办, 黄色, 红色) with their opening and 销号 dates and cause, each with
 * its 督办通知单 to print or download; the 催办 sent and through which channel; what is due for 催办.
 * The office brings slips up to date and sends 催办 from here; leaders read; a department sees its own.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Modal, Segmented, Select, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PrinterOutlined, FileWordOutlined, SyncOutlined, SendOutlined } from '@ant-design/icons';
import { api, errorText, withQuery } from '../api.ts';
import { download } from '../download.ts';
import { fetchFile } from '../Downloads.tsx';
import { useLang, useT } from '../i18n.tsx';
import { ESCALATION_LEVEL_LABELS } from '../labels.ts';
import type { Answer, DueReminder, ReminderRecord, SlipRecord } from '../model.ts';
import { useSession } from '../session.tsx';
import { DataState, useApi } from '../useApi.tsx';
import { PerCounty } from '../DistrictComparison.tsx';
import { CloseSlipButton } from '../workflow.tsx';

/** 蓝 / 催办 / 黄 / 红, colour and word together. */
export const LEVEL_STYLE: Record<SlipRecord['level'], { color: string; label: string }> = {
  dueSoon: { color: 'blue', label: '蓝色提醒' },
  urge: { color: 'purple', label: '催办' },
  yellow: { color: 'gold', label: '黄色督办' },
  red: { color: 'red', label: '红色督办' },
};

export function LevelTag({ level }: { level: SlipRecord['level'] }) {
  const t = useT();
  return <Tag color={LEVEL_STYLE[level].color} data-level={level} title={ESCALATION_LEVEL_LABELS[level]}>{t(LEVEL_STYLE[level].label)}</Tag>;
}

export const CHANNEL_LABELS: Record<string, string> = { inApp: '站内通知', webhook: '政务平台（Webhook）', email: '电子邮件' };

export default function Supervision() {
  const t = useT();
  const s = useSession();
  const isOffice = s.user?.role === 'admin' && s.user.regionCode === s.region?.code;
  const items = [
    { key: 'slips', label: t('督办单'), children: <SlipList office={isOffice} /> },
    ...(isOffice ? [{ key: 'sent', label: t('催办记录'), children: <SentList /> }, { key: 'due', label: t('待催办'), children: <DueList /> }] : []),
  ];
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('督办')} · {s.region?.name}</Typography.Title>
      {s.scope.children ? <PerCounty what="督办" /> : <Tabs items={items} destroyOnHidden />}
    </div>
  );
}

function SlipList({ office }: { office: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState<'true' | 'false' | 'all'>('true');
  const [levels, setLevels] = useState<SlipRecord['level'][]>([]);
  const [busy, setBusy] = useState(false);
  const loaded = useApi<Answer<'listSupervisionSlips'>>('/supervision-slips', { region: s.scope.region, open: open === 'all' ? undefined : open });
  const year = String(s.year);

  async function run() {
    setBusy(true);
    try {
      const r = await api<Answer<'runEscalation'>>('/supervision-slips/run', { body: { region: s.scope.region } });
      message.success(lang === 'en' ? `${r.opened.length} opened, ${r.closed.length} closed` : `新开 ${r.opened.length} 件，销号 ${r.closed.length} 件`);
      loaded.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  async function word(slip: SlipRecord) {
    try {
      const f = await fetchFile(`/supervision-slips/${slip.id}/notice?format=docx`);
      download(f.blob, f.filename, f.blob.type);
    } catch (e) {
      message.error(errorText(e, lang));
    }
  }

  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('办理状态')}
          value={open}
          onChange={(v) => setOpen(v as typeof open)}
          options={[{ value: 'true', label: t('在办') }, { value: 'false', label: t('已销号') }, { value: 'all', label: t('全部') }]}
        />
        <Select
          mode="multiple"
          allowClear
          aria-label={t('督办级别')}
          placeholder={t('督办级别')}
          style={{ minWidth: 200 }}
          value={levels}
          onChange={setLevels}
          options={(['red', 'yellow', 'urge', 'dueSoon'] as const).map((l) => ({ value: l, label: t(LEVEL_STYLE[l].label) }))}
        />
        {office && <Button icon={<SyncOutlined />} loading={busy} onClick={() => void run()}>{t('更新督办单')}</Button>}
      </Space>
      <DataState loaded={loaded}>
        {(d) => {
          const rows = d.items.filter((x) => (levels.length === 0 || levels.includes(x.level)) && (open !== 'false' || x.openedOn.slice(0, 4) === year || x.closedOn?.slice(0, 4) === year));
          const count = (l: SlipRecord['level']) => d.items.filter((x) => x.level === l).length;
          return (
            <>
              <Space size="large" style={{ marginBottom: 8 }} data-testid="slip-counts">
                {(['red', 'yellow', 'urge', 'dueSoon'] as const).map((l) => (
                  <span key={l}><LevelTag level={l} /> {count(l)} {lang === 'en' ? '' : '件'}</span>
                ))}
              </Space>
              <Table<SlipRecord>
                rowKey="id"
                size="small"
                dataSource={rows}
                pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => (lang === 'en' ? `${n} slips` : `共 ${n} 件`) }}
                locale={{ emptyText: open === 'true' ? t('没有在办的督办单') : t('暂无数据') }}
                columns={[
                  { title: t('编号'), dataIndex: 'number', width: 150, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
                  { title: t('级别'), dataIndex: 'level', width: 96, render: (l: SlipRecord['level']) => <LevelTag level={l} /> },
                  { title: t('督办事项'), dataIndex: 'commitmentTitle', render: (v: string, r) => <Link to={`/commitments/${r.commitmentId}`}>{v}</Link> },
                  { title: t('责任单位'), dataIndex: 'departmentName', width: 120, render: (v: string | null, r) => (r.departmentId ? s.deptName(r.departmentId) : (v ?? '—')) },
                  { title: t('督办事由'), dataIndex: 'reason', ellipsis: true },
                  { title: t('开单日期'), dataIndex: 'openedOn', width: 108 },
                  {
                    title: t('销号'),
                    dataIndex: 'closedOn',
                    width: 150,
                    render: (v: string | null, r) => (v
                      ? <span>{v}<br /><span style={{ color: '#666', fontSize: 12 }} data-testid="close-note">{r.closeNote ? `${t('督查室销号')}：${r.closeNote}` : t('事由消除，自动销号')}</span></span>
                      : <Space direction="vertical" size={4}><Tag color="processing">{t('在办')}</Tag>{office && <CloseSlipButton slip={r} onDone={loaded.reload} />}</Space>),
                  },
                  {
                    title: t('通知单'),
                    key: 'notice',
                    width: 150,
                    render: (_: unknown, r) => (
                      <Space size={4}>
                        <Link to={`/supervision/${r.id}/notice`} aria-label={`${t('打印')} ${r.number}`}><PrinterOutlined /> {t('打印')}</Link>
                        <Button type="link" size="small" icon={<FileWordOutlined />} onClick={() => void word(r)} aria-label={`Word ${r.number}`}>Word</Button>
                      </Space>
                    ),
                  },
                ]}
              />
            </>
          );
        }}
      </DataState>
    </Card>
  );
}

function SentList() {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const loaded = useApi<Answer<'listSentReminders'>>('/reminders/sent', { region: s.scope.region });
  return (
    <Card size="small">
      <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0} empty={t('尚未发送催办')}>
        {(d) => (
          <Table<ReminderRecord>
            rowKey="id"
            size="small"
            dataSource={d.items}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            expandable={{ expandedRowRender: (r) => <ul style={{ margin: 0 }}>{r.items.map((i) => <li key={`${i.commitmentId}${i.period}`}><Link to={`/commitments/${i.commitmentId}`}>{i.title}</Link>（{i.period}，{t('报送时限')} {i.dueDate}）</li>)}</ul> }}
            columns={[
              { title: t('发送时间'), dataIndex: 'sentAt', width: 160, render: (v: string) => new Date(v).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }) },
              { title: t('单位'), dataIndex: 'departmentId', width: 130, render: (v: string) => s.deptName(v) },
              { title: t('类型'), dataIndex: 'kind', width: 96, render: (k: ReminderRecord['kind']) => <LevelTag level={k} /> },
              { title: t('渠道'), dataIndex: 'channel', width: 150, render: (c: string) => t(CHANNEL_LABELS[c] ?? c) },
              { title: t('收件方'), dataIndex: 'recipient', ellipsis: true, render: (v: string | null) => v ?? t('本单位账号') },
              { title: t('事项'), key: 'n', width: 70, render: (_: unknown, r) => (lang === 'en' ? r.items.length : `${r.items.length}项`) },
              {
                title: t('结果'),
                dataIndex: 'status',
                width: 160,
                render: (v: string, r) => (v === 'sent' ? <Tag color="success">{t('已送达')}</Tag> : <span><Tag color="error">{t('发送失败')}</Tag><span style={{ fontSize: 12, color: '#a8071a' }}>{r.error}</span></span>),
              },
            ]}
          />
        )}
      </DataState>
    </Card>
  );
}

function DueList() {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const { message } = App.useApp();
  const loaded = useApi<Answer<'listDueReminders'>>('/reminders', { region: s.scope.region });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function send() {
    setBusy(true);
    try {
      const r = await api<Answer<'sendReminders'>>('/reminders/send', { body: { region: s.scope.region } });
      const sent = r.reminders.flatMap((x) => x.deliveries).filter((d) => d.status === 'sent').length;
      message.success(lang === 'en' ? `${sent} reminders sent` : `已发送 ${sent} 条催办`);
      setConfirming(false);
      loaded.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small">
      <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0} empty={t('没有需要催办的单位')}>
        {(d) => (
          <>
            <Space style={{ marginBottom: 12 }}>
              <Button type="primary" icon={<SendOutlined />} onClick={() => setConfirming(true)}>{t('发送催办')}（{d.items.length}）</Button>
              <span style={{ color: '#666' }}>{t('截至')} {d.asOf}</span>
            </Space>
            <Table<DueReminder>
              rowKey={(r) => `${r.departmentId}|${r.kind}`}
              size="small"
              dataSource={d.items}
              pagination={false}
              columns={[
                { title: t('单位'), dataIndex: 'departmentName', width: 150 },
                { title: t('类型'), dataIndex: 'kind', width: 100, render: (k: DueReminder['kind']) => <LevelTag level={k} /> },
                { title: t('事项'), key: 'items', render: (_: unknown, r) => r.items.map((i) => `${i.title}（${i.period}，${t('报送时限')} ${i.dueDate}）`).join('；') },
                { title: t('电子邮件'), dataIndex: 'email', width: 200, render: (v: string | null) => v ?? <span style={{ color: '#999' }}>{t('未设置')}</span> },
              ]}
            />
            <Modal
              open={confirming}
              title={`${t('发送催办')}（${d.items.length}）`}
              okText={t('发送')}
              cancelText={t('取消')}
              confirmLoading={busy}
              onOk={() => void send()}
              onCancel={() => setConfirming(false)}
            >
              <p>{lang === 'en' ? 'Each department gets one notice in the app, and by webhook and e-mail where configured. A channel already used today is not used again.' : '每个单位收到一条站内通知；已配置的政务平台（Webhook）和电子邮件同时发送。今天已经发送过的渠道不再重复发送。'}</p>
              <ul>{d.items.map((r) => <li key={`${r.departmentId}${r.kind}`}>{r.departmentName}：{t(LEVEL_STYLE[r.kind].label)} {r.items.length}{lang === 'en' ? '' : '项'}</li>)}</ul>
            </Modal>
          </>
        )}
      </DataState>
    </Card>
  );
}

/** The 督办通知单 to print: the server's page of the notice, with 打印 and Word at the top (not printed). */
export function SlipNotice({ id }: { id: string }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [page, setPage] = useState<{ html?: string; error?: unknown }>({});
  useEffect(() => {
    let live = true;
    fetchFile(withQuery(`/supervision-slips/${id}/notice`, { format: 'html' })).then(
      async (f) => live && setPage({ html: await f.blob.text() }),
      (error) => live && setPage({ error }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <div style={{ background: '#fff', minHeight: '100vh' }}>
      <div className="no-print" style={{ display: 'flex', gap: 8, padding: '10px 20px', borderBottom: '1px solid #eee', alignItems: 'center' }}>
        <Link to="/supervision">‹ {t('返回督办')}</Link>
        <span style={{ flex: 1 }} />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => (document.getElementById('notice-frame') as HTMLIFrameElement | null)?.contentWindow?.print()}>{t('打印')}</Button>
        <Button
          icon={<FileWordOutlined />}
          onClick={() =>
            fetchFile(`/supervision-slips/${id}/notice?format=docx`).then(
              (f) => download(f.blob, f.filename, f.blob.type),
              (e) => message.error(errorText(e, lang)),
            )
          }
        >
          {t('下载Word')}
        </Button>
      </div>
      {page.error ? (
        <Alert style={{ margin: 20 }} type="error" showIcon role="alert" title={t('加载失败')} description={errorText(page.error, lang)} />
      ) : page.html === undefined ? (
        <Skeleton active style={{ padding: 40 }} />
      ) : (
        <iframe id="notice-frame" title={t('督办通知单')} srcDoc={page.html} style={{ border: 0, width: '100%', height: 'calc(100vh - 56px)' }} />
      )}
    </div>
  );
}
