/**
 * 工作台: the home page of the office and of leaders — everything that waits for them, each one
 * click from acting on it. The office: 待审核 reports (采纳 / 退回 in place, 批量采纳), 逾期未报送 by
 * department with 催办 (one or many), open 督办单 by colour, change and close requests to decide,
 * imported drafts to confirm, 批示 awaiting a department's reply, and what the scheduled run
 * changed today. A leader: lagging and overdue commitments and its own 批示 with their replies.
 * (A department's workbench is MyDepartment.tsx.)
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { api, errorText } from '../api.ts';
import { cnDate, cnDateTime, columnFormat, periodLabel } from '../format.ts';
import { useCounted, useDay, useLang, useT } from '../i18n.tsx';
import { Replies } from '../Instructions.tsx';
import { ESCALATION_LEVEL_LABELS, SLIP_COLORS } from '../labels.ts';
import { isSupervised } from '../live.ts';
import type { Answer, ChangeRequest, CloseRequestItem, Commitment, CommitmentDetail, DueReminder, ListedReport, RegionInstruction } from '../model.ts';
import { useSession } from '../session.tsx';
import { OverdueTag, StatusTag } from '../status.tsx';
import { DataState, useApi, type Loaded } from '../useApi.tsx';
import { acceptReport, CHANGE_KIND_LABELS, ChangeDecisionModal, CloseDecisionModal, CloseSlipButton, ReturnModal } from '../workflow.tsx';
import { CompletionBar } from './Commitments.tsx';
import { DistrictComparison } from '../DistrictComparison.tsx';

export default function Workbench() {
  const s = useSession();
  return s.user?.role === 'leader' ? <LeaderWorkbench /> : <OfficeWorkbench />;
}

/** A count at the top that jumps to its section. */
function Count({ title, loaded, count, href, alert }: { title: string; loaded: Loaded<unknown>; count: number; href: string; alert?: boolean }) {
  return (
    <a href={href} style={{ display: 'block' }}>
      <Card size="small" hoverable>
        <Statistic title={title} value={loaded.data === undefined ? '—' : count} valueStyle={{ color: alert && count > 0 ? '#a8071a' : undefined }} />
      </Card>
    </a>
  );
}

function Section({ id, title, extra, children }: { id: string; title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} id={id} data-testid={id} style={{ scrollMarginTop: 12 }}>
      {children}
    </Card>
  );
}

/** Loads a commitment, then shows `children` with it (the decision dialogs need its version and target). */
function WithCommitment({ id, children }: { id: string; children(c: CommitmentDetail): ReactNode }) {
  const loaded = useApi<CommitmentDetail>(`/commitments/${id}`);
  return loaded.data ? <>{children(loaded.data)}</> : null;
}

function OfficeWorkbench() {
  const s = useSession();
  const t = useT();
  const { lang } = useLang();
  const region = s.region!.code;
  const reports = useApi<Answer<'listReports'>>('/reports', { region, state: 'submitted' });
  const reminders = useApi<Answer<'listDueReminders'>>('/reminders', { region });
  // the server's day (the office's time zone), which the scheduled run and 催办 use
  const today = reminders.data?.asOf ?? new Date().toISOString().slice(0, 10);
  const slips = useApi<Answer<'listSupervisionSlips'>>('/supervision-slips', { region });
  const changes = useApi<Answer<'listChangeRequests'>>('/change-requests', { region, state: 'pending' });
  const closes = useApi<Answer<'listCloseRequests'>>('/close-requests', { region, state: 'pending' });
  const drafts = useApi<Answer<'listDrafts'>>('/drafts', { region });
  const instructions = useApi<Answer<'listRegionInstructions'>>('/instructions', { region, awaitingReply: 'true' });
  const sent = useApi<Answer<'listSentReminders'>>('/reminders/sent', { region });
  const all = useApi<Answer<'listCommitments'>>('/commitments', { region });
  const titles = useMemo(() => new Map((all.data?.items ?? []).map((c) => [c.id, c.title])), [all.data]);
  const late = (reminders.data?.items ?? []).filter((r) => r.kind === 'urge');
  const openSlips = (slips.data?.items ?? []).filter((x) => !x.closedOn && (x.level === 'yellow' || x.level === 'red'));
  const decisions = (changes.data?.items.length ?? 0) + (closes.data?.items.length ?? 0);

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('工作台')} · {s.region?.name}{lang === 'en' ? ' supervision office' : '督查室'}</Typography.Title>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8} xl={4}><Count title={t('待审核报送')} loaded={reports} count={reports.data?.items.length ?? 0} href="#pending-reports" /></Col>
        <Col xs={12} md={8} xl={4}><Count title={t('逾期未报送单位')} loaded={reminders} count={late.length} href="#late-departments" alert /></Col>
        <Col xs={12} md={8} xl={4}><Count title={t('未销号督办单')} loaded={slips} count={openSlips.length} href="#open-slips" alert /></Col>
        <Col xs={12} md={8} xl={4}><Count title={t('待审批申请')} loaded={changes} count={decisions} href="#decisions" /></Col>
        <Col xs={12} md={8} xl={4}><Count title={t('待确认导入草稿')} loaded={drafts} count={drafts.data?.items.length ?? 0} href="#drafts" /></Col>
        <Col xs={12} md={8} xl={4}><Count title={t('批示待反馈')} loaded={instructions} count={instructions.data?.items.length ?? 0} href="#instructions-waiting" /></Col>
      </Row>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <PendingReports loaded={reports} />
        <LateDepartments loaded={reminders} onSent={() => { reminders.reload(); sent.reload(); }} />
        <Decisions changes={changes} closes={closes} titles={titles} />
        <OpenSlips loaded={slips} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}><Drafts loaded={drafts} /></Col>
          <Col xs={24} xl={12}><InstructionsWaiting loaded={instructions} /></Col>
        </Row>
        <Section id="today" title={lang === 'en' ? `Today's scheduled supervision (${today})` : `今日自动督办变化（${cnDate(today)}）`}>
          <DataState loaded={slips} rows={2}>
            {(d) => {
              // 临近提醒 are many and routine: counted; the rest listed
              const dueSoon = d.items.filter((x) => x.openedOn === today && x.level === 'dueSoon').length;
              const opened = d.items.filter((x) => x.openedOn === today && x.level !== 'dueSoon');
              const closed = d.items.filter((x) => x.closedOn === today);
              // a reminder's day is its 催办 date (asOf); the send time in this browser's zone decides nothing
              const sentToday = (sent.data?.items ?? []).filter((x) => String(x.asOf).slice(0, 10) === today && x.status === 'sent');
              if (!dueSoon && !opened.length && !closed.length && !sentToday.length) return <Typography.Text type="secondary">{t('今日定时任务未产生新的督办单、销号或催办')}</Typography.Text>;
              return (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {dueSoon > 0 && <li>{lang === 'en' ? 'Issued' : '生成'} <Tag color={SLIP_COLORS.dueSoon}>{t('临近提醒')}</Tag>{lang === 'en' ? `${dueSoon} (reports due within days)` : `${dueSoon} 条（报送时限临近的进展）`}</li>}
                  {opened.map((x) => <li key={`o${x.id}`}>{lang === 'en' ? 'Opened' : '新下发'} <Tag color={SLIP_COLORS[x.level]}>{t(ESCALATION_LEVEL_LABELS[x.level])}</Tag><Link to={`/commitments/${x.commitmentId}`}>{x.commitmentTitle}</Link>（{s.deptName(x.departmentId)}）：{x.reason}</li>)}
                  {closed.map((x) => <li key={`c${x.id}`}>{lang === 'en' ? 'Closed' : '已销号'} <Tag>{t(ESCALATION_LEVEL_LABELS[x.level])}</Tag><Link to={`/commitments/${x.commitmentId}`}>{x.commitmentTitle}</Link>（{s.deptName(x.departmentId)}）{x.closeNote ? `：${x.closeNote}` : ''}</li>)}
                  {sentToday.length > 0 && <li>{lang === 'en' ? `Reminders sent ${sentToday.length} times: ` : `已发送催办 ${sentToday.length} 次：`}{[...new Set(sentToday.map((x) => s.deptName(x.departmentId)))].join('、')}</li>}
                </ul>
              );
            }}
          </DataState>
        </Section>
      </Space>
    </div>
  );
}

/** 待审核: accept or return in place, or accept a selection at once. */
function PendingReports({ loaded }: { loaded: Loaded<{ items: ListedReport[] }> }) {
  const s = useSession();
  const { lang } = useLang();
  const t = useT();
  const counted = useCounted();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState<ListedReport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function accept(items: ListedReport[]) {
    setError(null);
    setBusy(items.length === 1 ? items[0]!.id : 'batch');
    const failed: string[] = [];
    for (const r of items) {
      try {
        await acceptReport(r);
      } catch (e) {
        failed.push(`${r.commitmentTitle}（${periodLabel(r.period)}）：${errorText(e, lang)}`);
      }
    }
    setBusy(null);
    setSelected([]);
    if (items.length - failed.length > 0) message.success(lang === 'en' ? `${items.length - failed.length} accepted` : `已采纳 ${items.length - failed.length} 份报送`);
    if (failed.length) setError(failed.join('；'));
    loaded.reload();
  }

  const items = loaded.data?.items ?? [];
  const values = columnFormat(items, (r) => ({ value: r.cumulativeValue, unit: r.unit }));
  return (
    <Section id="pending-reports" title={counted('待审核报送', loaded.data ? items.length : undefined)}
      extra={<Button type="primary" disabled={!selected.length} loading={busy === 'batch'} onClick={() => accept(items.filter((r) => selected.includes(r.id)))}>{counted('批量采纳', selected.length || undefined)}</Button>}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />}
      <DataState loaded={loaded} isEmpty={(d) => !d.items.length} empty={t('没有待审核的报送')} compact>
        {(d) => (
          <Table rowKey="id" size="small" dataSource={d.items} pagination={{ pageSize: 10, hideOnSinglePage: true }}
            rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
            columns={[
              { title: t('任务名称'), dataIndex: 'commitmentTitle', render: (x: string, r) => <Link to={`/commitments/${r.commitmentId}`}>{x}</Link> },
              { title: t('报送单位'), dataIndex: 'departmentId', width: 110, render: (x: string) => s.deptName(x) },
              { title: t('期次'), dataIndex: 'period', width: 100, render: (x: string) => (lang === 'en' ? x : periodLabel(x)) },
              { title: t('累计完成值'), dataIndex: 'cumulativeValue', width: 110, render: (_: unknown, r) => values.get(r) },
              { title: t('进展情况'), dataIndex: 'narrative', render: (x: string, r) => (
                <div>
                  <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: t('展开') }} style={{ marginBottom: 0 }}>{x || '—'}</Typography.Paragraph>
                  {r.evidence.length > 0 && <Space size={6} wrap>{t('材料')}{lang === 'en' ? ':' : '：'}{r.evidence.map((e) => <a key={e.id} href={`/api/evidence/${e.id}`} download={e.filename}>{e.filename}</a>)}</Space>}
                </div>
              ) },
              { title: t('报送时间'), dataIndex: 'submittedAt', width: 140, render: (x: string | null) => cnDateTime(x) },
              { title: t('操作'), key: 'a', width: 130, render: (_: unknown, r) => (
                <Space size={4}>
                  <Button size="small" type="primary" loading={busy === r.id} onClick={() => accept([r])}>{t('采纳')}</Button>
                  <Button size="small" danger onClick={() => setReturning(r)}>{t('退回')}</Button>
                </Space>
              ) },
            ]}
          />
        )}
      </DataState>
      {returning && <ReturnModal report={returning} onClose={(done) => { setReturning(null); if (done) { message.success(t('已退回')); loaded.reload(); } }} />}
    </Section>
  );
}

/** 逾期未报送 per department, with 催办 for one or several (in-app always; e-mail and webhook as configured). */
function LateDepartments({ loaded, onSent }: { loaded: Loaded<{ asOf: string; items: DueReminder[] }>; onSent(): void }) {
  const s = useSession();
  const { lang } = useLang();
  const t = useT();
  const counted = useCounted();
  const day = useDay();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const late = (loaded.data?.items ?? []).filter((r) => r.kind === 'urge');

  async function urge(departments: string[]) {
    setError(null);
    setBusy(departments.length === 1 ? departments[0]! : 'batch');
    try {
      const res = await api<Answer<'sendReminders'>>('/reminders/send', {
        method: 'POST', body: { region: s.region!.code, departments, kinds: ['urge'] },
      });
      const sentTo = res.reminders.filter((r) => r.deliveries.some((d) => d.status === 'sent'));
      const skipped = res.reminders.length - sentTo.length;
      message.success(lang === 'en' ? `${sentTo.length} departments urged${skipped ? `; ${skipped} already urged today` : ''}` : `已催办 ${sentTo.length} 个单位${skipped ? `；${skipped} 个单位今日已催办过` : ''}`);
      setSelected([]);
      onSent();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Section id="late-departments" title={counted('逾期未报送（按单位）', loaded.data ? late.length : undefined)}
      extra={<Button danger disabled={!selected.length} loading={busy === 'batch'} onClick={() => urge(selected)}>{counted('批量催办', selected.length || undefined)}</Button>}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />}
      <DataState loaded={loaded} isEmpty={() => !late.length} empty={t('没有逾期未报送的单位')} compact>
        {() => (
          <Table rowKey="departmentId" size="small" dataSource={late} pagination={false}
            rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
            columns={[
              { title: t('单位'), dataIndex: 'departmentName', width: 160, render: (x: string, r) => s.deptName(r.departmentId) || x },
              { title: t('逾期未报送事项'), key: 'items', render: (_: unknown, r) => (
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {r.items.map((i) => <li key={`${i.commitmentId}${i.period}`}><Link to={`/commitments/${i.commitmentId}`}>{i.title}</Link>{lang === 'en' ? `: report for ${i.period}, due ${i.dueDate}` : `：${periodLabel(i.period)}进展，时限${day(i.dueDate)}`}</li>)}
                </ul>
              ) },
              { title: t('项数'), key: 'n', width: 60, render: (_: unknown, r) => r.items.length },
              { title: t('操作'), key: 'a', width: 90, render: (_: unknown, r) => <Button size="small" danger loading={busy === r.departmentId} onClick={() => urge([r.departmentId])}>{lang === 'en' ? 'Urge' : '催办'}</Button> },
            ]}
          />
        )}
      </DataState>
    </Section>
  );
}

/** Open yellow and red 督办单, red first. */
function OpenSlips({ loaded }: { loaded: Loaded<Answer<'listSupervisionSlips'>> }) {
  const s = useSession();
  const t = useT();
  const { lang } = useLang();
  const day = useDay();
  const open = (loaded.data?.items ?? []).filter((x) => !x.closedOn && (x.level === 'yellow' || x.level === 'red')).sort((a, b) => (a.level === b.level ? a.openedOn.localeCompare(b.openedOn) : a.level === 'red' ? -1 : 1));
  const red = open.filter((x) => x.level === 'red').length;
  return (
    <Section id="open-slips" title={<Space>{t('未销号督办单')}<Tag color="red">{lang === 'en' ? 'Red' : '红'} {red}</Tag><Tag color="gold">{lang === 'en' ? 'Yellow' : '黄'} {open.length - red}</Tag></Space>} extra={<Link to="/supervision">{t('督办单与催办记录')}</Link>}>
      <DataState loaded={loaded} isEmpty={() => !open.length} empty={t('没有未销号的督办单')} compact>
        {() => (
          <Table rowKey="id" size="small" dataSource={open} pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              { title: t('级别'), dataIndex: 'level', width: 110, render: (x: string) => <Tag color={SLIP_COLORS[x]}>{t(ESCALATION_LEVEL_LABELS[x as 'red'])}</Tag> },
              { title: t('督办事项'), key: 't', render: (_: unknown, x) => <Link to={`/commitments/${x.commitmentId}`}>{x.commitmentTitle}</Link> },
              { title: t('承办单位'), dataIndex: 'departmentId', width: 100, render: (x: string | null) => s.deptName(x) },
              { title: t('督办事由'), dataIndex: 'reason' },
              { title: t('下发日期'), dataIndex: 'openedOn', width: 120, render: (x: string) => <span style={{ whiteSpace: 'nowrap' }}>{day(x)}</span> },
              { title: t('操作'), key: 'a', width: 160, render: (_: unknown, x) => <Space size={8}><Link to={`/supervision/${x.id}/notice`}>{t('督办通知单')}</Link><CloseSlipButton slip={x} onDone={loaded.reload} /></Space> },
            ]}
          />
        )}
      </DataState>
    </Section>
  );
}

const CHANGE_KIND_EN: Record<string, string> = { adjust: 'Adjustment request', extend: 'Extension request', cancel: 'Cancellation request' };

/** 变更申请 and 办结申请 waiting for the office, each decided in a dialog with what it changes. */
function Decisions({ changes, closes, titles }: { changes: Loaded<{ items: ChangeRequest[] }>; closes: Loaded<{ items: CloseRequestItem[] }>; titles: Map<string, string> }) {
  const t = useT();
  const { lang } = useLang();
  const counted = useCounted();
  const [deciding, setDeciding] = useState<null | { kind: 'change'; r: ChangeRequest } | { kind: 'close' | 'rejectClose'; r: CloseRequestItem }>(null);
  const rows = [
    ...(changes.data?.items ?? []).map((r) => ({ key: r.id, type: lang === 'en' ? CHANGE_KIND_EN[r.kind] ?? r.kind : `${CHANGE_KIND_LABELS[r.kind]}申请`, close: false, commitmentId: r.commitmentId, text: r.reason, at: r.requestedAt, open: () => setDeciding({ kind: 'change', r }), reject: null as null | (() => void) })),
    ...(closes.data?.items ?? []).map((r) => ({ key: r.id, type: t('办结申请'), close: true, commitmentId: r.commitmentId, text: r.summary, at: r.requestedAt, open: () => setDeciding({ kind: 'close', r }), reject: () => setDeciding({ kind: 'rejectClose', r }) })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const done = (ok: boolean) => {
    setDeciding(null);
    if (ok) {
      changes.reload();
      closes.reload();
    }
  };
  return (
    <Section id="decisions" title={counted('待审批申请', changes.data && closes.data ? rows.length : undefined)}>
      <DataState loaded={closes} isEmpty={() => !rows.length} empty={t('没有待审批的变更或办结申请')} compact>
        {() => (
          <Table rowKey="key" size="small" dataSource={rows} pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              { title: t('类型'), dataIndex: 'type', width: 110, render: (x: string, r) => <Tag color={r.close ? 'purple' : 'blue'}>{x}</Tag> },
              { title: t('任务'), key: 't', render: (_: unknown, r) => <Link to={`/commitments/${r.commitmentId}`}>{titles.get(r.commitmentId) ?? t('目标任务')}</Link> },
              { title: t('理由 / 完成情况'), dataIndex: 'text', render: (x: string) => <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{x}</Typography.Paragraph> },
              { title: t('申请时间'), dataIndex: 'at', width: 140, render: (x: string) => cnDateTime(x) },
              { title: t('操作'), key: 'a', width: 150, render: (_: unknown, r) => (
                <Space size={4}>
                  <Button size="small" type="primary" onClick={r.open}>{r.close ? t('办结销号') : t('审批')}</Button>
                  {r.reject && <Button size="small" danger onClick={r.reject}>{t('退回')}</Button>}
                </Space>
              ) },
            ]}
          />
        )}
      </DataState>
      {deciding && (
        <WithCommitment id={deciding.r.commitmentId}>
          {(c) => deciding.kind === 'change'
            ? <ChangeDecisionModal request={deciding.r} c={c} onClose={done} />
            : <CloseDecisionModal c={c} action={deciding.kind} onClose={done} />}
        </WithCommitment>
      )}
    </Section>
  );
}

/** Imported drafts not yet confirmed: open each to confirm (or discard) and 交办. */
function Drafts({ loaded }: { loaded: Loaded<{ items: Commitment[] }> }) {
  const t = useT();
  const counted = useCounted();
  return (
    <Section id="drafts" title={counted('待确认的导入草稿', loaded.data?.items.length)} extra={<Link to="/commitments?state=draft">{t('全部草稿')}</Link>}>
      <DataState loaded={loaded} isEmpty={(d) => !d.items.length} empty={t('没有待确认的导入草稿')} compact>
        {(d) => (
          <Table rowKey="id" size="small" dataSource={d.items} pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              { title: t('任务名称'), dataIndex: 'title', render: (x: string, c) => <Link to={`/commitments/${c.id}`}>{x}</Link> },
              { title: t('领域'), dataIndex: 'sector', width: 100 },
              { title: t('操作'), key: 'a', width: 110, render: (_: unknown, c) => <Link to={`/commitments/${c.id}`}>{t('确认 / 交办')}</Link> },
            ]}
          />
        )}
      </DataState>
    </Section>
  );
}

function InstructionsWaiting({ loaded }: { loaded: Loaded<{ items: RegionInstruction[] }> }) {
  const s = useSession();
  const t = useT();
  const counted = useCounted();
  const day = useDay();
  return (
    <Section id="instructions-waiting" title={counted('批示待反馈', loaded.data?.items.length)}>
      <DataState loaded={loaded} isEmpty={(d) => !d.items.length} empty={t('领导批示均已反馈')} compact>
        {(d) => (
          <Table rowKey="id" size="small" dataSource={d.items} pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              { title: t('批示'), key: 'i', render: (_: unknown, i) => <span><b>{i.leaderName}</b>（{day(i.issuedOn)}）：{i.text}</span> },
              { title: t('任务'), dataIndex: 'commitmentTitle', render: (x: string, i) => <Link to={`/commitments/${i.commitmentId}`}>{x}</Link> },
              { title: t('待反馈单位'), dataIndex: 'leadDepartmentId', width: 110, render: (x: string | null) => s.deptName(x) },
            ]}
          />
        )}
      </DataState>
    </Section>
  );
}

/** A leader's: lagging and overdue commitments of the region, and its own 批示 with the departments' replies. */
function LeaderWorkbench() {
  const s = useSession();
  const t = useT();
  const { lang } = useLang();
  const counted = useCounted();
  const day = useDay();
  const regionNames = useMemo(() => new Map(s.regions.map((r) => [r.code, r.name])), [s.regions]);
  const region = s.region!.code;
  // top-level, as the overview counts: a subtask's lag shows on its parent, not as a second row
  const list = useApi<Answer<'listCommitments'>>('/commitments', { ...s.scope, sort: 'status', topLevel: 'true' });
  const mine = useApi<Answer<'listRegionInstructions'>>('/instructions', { region, mine: 'true' });
  const behind = (list.data?.items ?? []).filter((c) => isSupervised(c) && s.inYear(c) && (c.evaluation.status === 'lagging' || c.evaluation.status === 'seriouslyLagging' || c.evaluation.overdue));
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('工作台')} · {s.user?.displayName}</Typography.Title>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {/* a city or province leader on its 汇总: the counties side by side first (issue 12, item 1) */}
        {s.scope.children && <Section id="district-comparison-card" title={lang === 'en' ? `${t('区县比较')} (${s.year})` : `区县比较（${s.year}年）`}><DistrictComparison /></Section>}
        <Section id="behind" title={counted('滞后和逾期的任务', list.data ? behind.length : undefined)} extra={<Link to="/commitments?status=seriouslyLagging,lagging">{t('全部滞后任务')}</Link>}>
          <DataState loaded={list} isEmpty={() => !behind.length} empty={t('没有滞后或逾期的任务')} compact>
            {() => (
              <Table rowKey="id" size="small" dataSource={behind} pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: t('任务名称'), dataIndex: 'title', render: (x: string, c) => <Link to={`/commitments/${c.id}`}>{x}</Link> },
                  // on a city's or province's 汇总 the counties' commitments are listed together: whose is each
                  ...(s.scope.children ? [{ title: t('区县'), key: 'region', width: 90, render: (_: unknown, c: { regionCode: string }) => regionNames.get(c.regionCode) ?? c.regionCode }] : []),
                  { title: t('牵头单位'), key: 'lead', width: 120, render: (_: unknown, c) => s.deptName(c.leadDepartmentId) },
                  { title: t('完成率'), key: 'rate', width: 170, render: (_: unknown, c) => <CompletionBar c={c} /> },
                  { title: t('状态'), key: 'st', width: 170, render: (_: unknown, c) => <span><StatusTag status={c.evaluation.status} /><OverdueTag evaluation={c.evaluation} /></span> },
                  { title: t('截止日期'), dataIndex: 'deadline', width: 130, render: (x: string) => <span style={{ whiteSpace: 'nowrap' }}>{day(x)}</span> },
                  { title: t('操作'), key: 'a', width: 90, render: (_: unknown, c) => <Link to={`/commitments/${c.id}`}>{lang === 'en' ? 'Instruct' : '批示'}</Link> },
                ]}
              />
            )}
          </DataState>
        </Section>
        <Section id="my-instructions" title={counted('我的批示', mine.data?.items.length)}>
          <DataState loaded={mine} isEmpty={(d) => !d.items.length} empty={t('尚无批示：在任务详情页录入批示')} compact>
            {(d) => (
              <Table rowKey="id" size="small" dataSource={d.items} pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: t('任务'), dataIndex: 'commitmentTitle', width: 260, render: (x: string, i) => <Link to={`/commitments/${i.commitmentId}`}>{x}</Link> },
                  { title: t('批示'), key: 'i', render: (_: unknown, i) => <span>{day(i.issuedOn)}{lang === 'en' ? ': ' : '：'}{i.text}</span> },
                  { title: t('落实情况'), key: 'r', render: (_: unknown, i) => <Replies replies={i.replies} /> },
                ]}
              />
            )}
          </DataState>
        </Section>
      </Space>
    </div>
  );
}
