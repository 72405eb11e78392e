/** 任务详情: target, departments, milestones, reported vs expected progress, reports with review, subtasks, audit history. */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Empty, Popconfirm, Result, Row, Space, Steps, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, ApiError, errorText } from '../api.ts';
import { Chart } from '../Chart.tsx';
import { cnDate, cnDateTime, columnFormat, formatValue, pct, periodLabel, periodRange, periodsInWindow } from '../format.ts';
import { useLang, useT } from '../i18n.tsx';
import { COMPARATOR_LABELS, FREQUENCY_LABELS, LIFECYCLE_LABELS, REPORT_STATE_LABELS, ROLE_LABELS } from '../labels.ts';
import type { Answer, AuditEntry, CommitmentDetail as Detail, EvaluatedCommitment, ProgressReport } from '../model.ts';
import { ReportForm } from '../ReportForm.tsx';
import { useSession } from '../session.tsx';
import { InstructionsCard } from '../Instructions.tsx';
import {
  AcknowledgeModal, AssignModal, CancelModal, CHANGE_KIND_LABELS, ChangeDecisionModal, ChangeRequestModal, changeRows, CloseDecisionModal, CloseRequestText, DECISION_STATE_LABELS, DecisionTag, EditModal,
  LIFECYCLE_ROLE_LABELS, MilestonesModal, RequestCloseModal, ReturnModal, SplitModal, useDialog,
} from '../workflow.tsx';
import type { ChangeRequest } from '../model.ts';
import { OverdueTag, StatusTag } from '../status.tsx';
import { PaperClipOutlined } from '@ant-design/icons';
import { DataState, useApi } from '../useApi.tsx';
import { CompletionBar, targetText } from './Commitments.tsx';

const REPORT_STATE_COLOR: Record<string, string> = { draft: 'default', submitted: 'processing', accepted: 'success', returned: 'warning' };

export default function CommitmentDetail() {
  const { id } = useParams();
  const t = useT();
  const { lang } = useLang();
  // an address that is no commitment's id (a mistyped or cut link) is not asked for: the server's 400 said "/id 无效UUID"
  const wellFormed = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id ?? '');
  const loaded = useApi<Answer<'getCommitment'>>(wellFormed ? `/commitments/${id}` : null);
  if (!wellFormed) return <Result status="404" title={lang === 'en' ? 'Not found' : '未找到该目标任务'} subTitle={lang === 'en' ? 'The address is not a commitment.' : '链接地址有误，请从目标任务列表打开。'} extra={<Link to="/commitments">{t('目标任务')}</Link>} />;
  if (loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 403)) {
    return <Result status="404" title={lang === 'en' ? 'Not found' : '未找到该目标任务'} subTitle={errorText(loaded.error, lang)} extra={<Link to="/commitments">{t('目标任务')}</Link>} />;
  }
  return <DataState loaded={loaded} rows={10}>{(c) => <DetailView c={c} reload={loaded.reload} />}</DataState>;
}

function DetailView({ c, reload }: { c: Detail; reload(): void }) {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const { message } = App.useApp();
  const [reporting, setReporting] = useState<null | { returned?: ProgressReport }>(null);
  const role = s.user?.role;
  const mine = role === 'reporter' && (c.leadDepartmentId === s.user?.departmentId || c.coDepartmentIds.includes(s.user?.departmentId ?? ''));
  const today = new Date().toISOString().slice(0, 10);
  // a change or close request leaves the commitment's version as it is: the cards below reload on this count
  const [changes, setChanges] = useState(0);
  const changed = () => {
    setChanges((n) => n + 1);
    reload();
  };

  return (
    <div>
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <Link to="/commitments">‹ {t('目标任务')}</Link>
        {c.parentId && <Link to={`/commitments/${c.parentId}`}>‹ 上级任务</Link>}
      </Space>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {c.title}{' '}
        <StatusTag status={c.evaluation.status} style={{ verticalAlign: 'middle' }} />
        <OverdueTag evaluation={c.evaluation} />
        {c.livelihood && <Tag color="red" style={{ marginLeft: 8, verticalAlign: 'middle' }}>民生实事</Tag>}
        <Tag style={{ verticalAlign: 'middle' }}>{c.published ? t('公开') : t('未公开')}</Tag>
      </Typography.Title>
      <LifecycleSteps c={c} />
      <ActionBar c={c} reload={changed} onReport={() => setReporting({})} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="任务信息">
            <Descriptions size="small" column={1} bordered labelStyle={{ width: 110 }}
              items={[
                { key: 'target', label: t('目标'), children: targetText(c) },
                { key: 'cmp', label: t('比较方式'), children: c.comparator ? COMPARATOR_LABELS[c.comparator] : '—' },
                ...(c.baselineValue ? [{ key: 'base', label: t('基数'), children: formatValue(c.baselineValue, c.unit) }] : []),
                { key: 'window', label: '起止时间', children: `${cnDate(c.startDate)} — ${cnDate(c.deadline)}` },
                { key: 'lead', label: t('牵头单位'), children: s.deptName(c.leadDepartmentId) },
                { key: 'co', label: t('配合单位'), children: c.coDepartmentIds.length ? c.coDepartmentIds.map((d) => s.deptName(d)).join('、') : '—' },
                { key: 'leader', label: t('责任领导'), children: c.responsibleLeader ?? '—' },
                { key: 'sector', label: t('领域'), children: c.sector },
                { key: 'freq', label: '报送频次', children: FREQUENCY_LABELS[c.reportingFrequency] ?? c.reportingFrequency },
                { key: 'state', label: '办理阶段', children: LIFECYCLE_LABELS[c.state] ?? c.state },
                // reports are owed from the later of the start and this day: a period that ended before it is never 未按时报送
                ...(c.assignedOn ? [{ key: 'assigned', label: t('交办日期'), children: <span data-testid="assigned-on">{cnDate(c.assignedOn)}</span> }] : []),
                { key: 'progress', label: t('完成率'), children: <CompletionBar c={c} /> },
                { key: 'expected', label: t('序时进度'), children: `${pct(c.evaluation.expectedProgress)}（截至${cnDate(c.evaluation.measuredAt)}）` },
                { key: 'latest', label: t('最新进展'), children: c.evaluation.latestValue ? `${formatValue(c.evaluation.latestValue, c.unit)}（${periodLabel(c.evaluation.latestPeriod!)}）` : '—' },
                ...(c.evaluation.missingPeriods.length ? [{ key: 'missing', label: '未按时报送', children: <span style={{ color: '#a8071a' }}>{c.evaluation.missingPeriods.map(periodLabel).join('、')}</span> }] : []),
                ...(c.source ? [{ key: 'source', label: '报告原文', children: <Typography.Text type="secondary">{c.source.sentence}</Typography.Text> }] : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={`${t('实际进度')} / ${t('预期进度')}`}>
            <ProgressChart c={c} />
          </Card>
          <Card size="small" title={t('节点')} style={{ marginTop: 16 }}>
            {c.milestones.length ? (
              <Steps
                direction="vertical"
                size="small"
                current={c.milestones.findIndex((m) => !m.doneDate)}
                items={c.milestones.map((m) => ({
                  title: m.title,
                  status: m.doneDate ? 'finish' : m.dueDate < today ? 'error' : 'wait',
                  description: m.doneDate ? `${cnDate(m.dueDate)} 计划，${cnDate(m.doneDate)} 完成` : `${cnDate(m.dueDate)} 前${m.dueDate < today ? '（已逾期）' : ''}`,
                }))}
              />
            ) : (
              <Empty description="未设置节点" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={`${t('进展报告')}（${c.reports.length}）`}>
            <Reports c={c} reload={reload} onResubmit={(r) => setReporting({ returned: r })} mine={mine} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <InstructionsCard c={c} />
        </Col>
        <Col xs={24} xl={12}>
          <WorkPlanCard c={c} refresh={changes} />
          <RequestsCard c={c} reload={changed} refresh={changes} />
        </Col>
        {c.subtasks.length > 0 && (
          <Col span={24}>
            <Card size="small" title={`${t('子任务')}（${c.subtasks.length}）`}>
              <Subtasks items={c.subtasks} />
            </Card>
          </Col>
        )}
        {role === 'admin' && (
          <Col span={24}>
            <Card size="small" title={t('操作记录')}>
              <Audit id={c.id} refresh={`${c.version}:${c.reports.map((r) => `${r.id}${r.version}`).join()}`} />
            </Card>
          </Col>
        )}
      </Row>
      <Drawer open={!!reporting} onClose={() => setReporting(null)} title={`${t('填报进展')} · ${c.title}`} size={520} destroyOnHidden>
        {reporting && (
          <ReportForm
            commitment={c}
            returned={reporting.returned}
            lead={c.leadDepartmentId === s.user?.departmentId}
            today={today}
            onDone={() => {
              message.success('已提交，等待督查室审核');
              setReporting(null);
              reload();
            }}
          />
        )}
      </Drawer>
    </div>
  );
}

/** Reported cumulative value per period against the value 序时进度 expects by the period's end. */
function ProgressChart({ c }: { c: Detail }) {
  const t = useT();
  const leadReports = c.reports.filter((r) => r.departmentId === c.leadDepartmentId && r.cumulativeValue !== null && r.state !== 'draft').sort((a, b) => a.period.localeCompare(b.period));
  if (c.kind !== 'quantitative' || c.targetValue === null) return <Empty description="定性或节点任务，按节点考核" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  if (!leadReports.length) return <Empty description="尚无报送" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const target = Number(c.targetValue);
  const base = c.baselineValue === null ? 0 : Number(c.baselineValue);
  const start = Date.parse(c.startDate);
  const span = Date.parse(c.deadline) + 86_400_000 - start;
  const expectedAt = (period: string) => {
    const end = Date.parse(periodRange(period).end) + 86_400_000;
    const share = Math.max(0, Math.min(1, (end - start) / span));
    return Math.round((base + (target - base) * share) * 100) / 100;
  };
  const rising = c.comparator !== 'lte';
  // every period of the window up to the one 序时进度 is measured at (and any later report), so the
  // expected line is drawn even before the first reports
  const shownUntil = [c.evaluation.measuredAt, periodRange(leadReports[leadReports.length - 1]!.period).end].sort().at(-1)!;
  const periods = periodsInWindow(c.startDate, c.deadline, c.reportingFrequency).filter((p) => periodRange(p).start <= shownUntil);
  const byPeriod = new Map(leadReports.map((r) => [r.period, r]));
  return (
    <Chart
      label={`${t('实际进度')} / ${t('预期进度')}`}
      height={280}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 60, right: 24, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: periods.map((p) => periodLabel(p).replace(/^\d{4}年/, '')) },
        yAxis: { type: 'value', name: c.unit ?? '' },
        series: [
          {
            name: t('实际进度'), type: 'line', connectNulls: true,
            data: periods.map((p) => {
              const r = byPeriod.get(p);
              return r ? { value: Number(r.cumulativeValue), itemStyle: { color: r.state === 'accepted' ? '#b71c1c' : '#f5a623' } } : null;
            }),
            lineStyle: { color: '#b71c1c', width: 2 }, itemStyle: { color: '#b71c1c' }, symbolSize: 7,
            markLine: { symbol: 'none', label: { formatter: `目标 ${formatValue(c.targetValue, c.unit)}`, position: 'insideEndTop' }, lineStyle: { color: '#237804', type: 'solid' }, data: [{ yAxis: target }] },
          },
          ...(rising ? [{ name: t('预期进度'), type: 'line', data: periods.map(expectedAt), lineStyle: { type: 'dashed', color: '#595959' }, itemStyle: { color: '#595959' }, symbol: 'none' }] : []),
        ],
      }}
    />
  );
}

function Reports({ c, reload, onResubmit, mine }: { c: Detail; reload(): void; onResubmit(r: ProgressReport): void; mine: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const { message } = App.useApp();
  const [returning, setReturning] = useState<ProgressReport | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // 采纳 / 退回: the region's own office (a city office reads a county's reports, it does not review them)
  const canReview = c.allowed.review;

  async function accept(r: ProgressReport) {
    setErrors((e) => ({ ...e, [r.id]: '' }));
    try {
      await api(`/reports/${r.id}/review`, { method: 'POST', body: { decision: 'accept', version: r.version } });
      message.success('已采纳');
      reload();
    } catch (e) {
      setErrors((x) => ({ ...x, [r.id]: errorText(e, lang) }));
    }
  }

  const rows = [...c.reports].sort((a, b) => b.period.localeCompare(a.period) || (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
  const values = columnFormat(rows, (r) => ({ value: r.cumulativeValue, unit: c.unit }));
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="尚无进展报告" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          { title: t('期次'), dataIndex: 'period', width: 110, render: (p: string) => periodLabel(p) },
          { title: '报送单位', dataIndex: 'departmentId', width: 110, render: (d: string) => s.deptName(d) },
          { title: t('累计完成值'), dataIndex: 'cumulativeValue', width: 110, render: (_: unknown, r) => values.get(r) },
          { title: t('进展情况'), dataIndex: 'narrative', render: (n: string, r) => (
            <div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{n || '—'}</div>
              {r.evidence.length > 0 && (
                <Space size={4} wrap style={{ marginTop: 4 }}>
                  <PaperClipOutlined aria-label="证明材料" /> {r.evidence.map((e) => <a key={e.id} href={`/api/evidence/${e.id}`} download={e.filename}>{e.filename}</a>)}
                </Space>
              )}
              {r.reviewComment && <div style={{ color: '#ad4e00', marginTop: 4 }}>审核意见：{r.reviewComment}</div>}
              {errors[r.id] && <Alert type="error" showIcon role="alert" title={errors[r.id]} style={{ marginTop: 6 }} />}
            </div>
          ) },
          { title: t('状态'), dataIndex: 'state', width: 90, render: (st: string) => <Tag color={REPORT_STATE_COLOR[st]}>{REPORT_STATE_LABELS[st] ?? st}</Tag> },
          { title: '报送时间', dataIndex: 'submittedAt', width: 140, render: (x: string | null) => cnDateTime(x) },
          {
            title: t('操作'), key: 'actions', width: 150, className: 'no-print',
            render: (_: unknown, r) => (
              <Space size={4}>
                {canReview && r.state === 'submitted' && (
                  <>
                    <Button size="small" type="primary" onClick={() => accept(r)}>{t('采纳')}</Button>
                    <Button size="small" danger onClick={() => setReturning(r)}>{t('退回')}</Button>
                  </>
                )}
                {mine && r.state === 'returned' && r.departmentId === s.user?.departmentId && <Button size="small" onClick={() => onResubmit(r)}>修改重报</Button>}
              </Space>
            ),
          },
        ]}
      />
      {returning && <ReturnModal report={returning} onClose={(done) => { setReturning(null); if (done) reload(); }} />}
    </>
  );
}

function Subtasks({ items }: { items: EvaluatedCommitment[] }) {
  const t = useT();
  const s = useSession();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: t('任务名称'), dataIndex: 'title', render: (x: string, c) => <Link to={`/commitments/${c.id}`}>{x}</Link> },
        { title: t('牵头单位'), key: 'lead', render: (_: unknown, c) => s.deptName(c.leadDepartmentId) },
        { title: t('目标'), key: 'target', render: (_: unknown, c) => targetText(c) },
        { title: t('完成率'), key: 'rate', width: 180, render: (_: unknown, c) => <CompletionBar c={c} /> },
        { title: t('状态'), key: 'status', render: (_: unknown, c) => <StatusTag status={c.evaluation.status} /> },
      ]}
    />
  );
}

const ACTION_LABELS: Record<string, string> = {
  'commitment.create': '新建任务', 'commitment.import': '导入草稿', 'commitment.discard': '舍弃草稿', 'commitment.transition': '流转', 'commitment.update': '修改任务', 'commitment.assign': '交办', 'commitment.acknowledge': '签收', 'commitment.publish': '公开', 'commitment.unpublish': '撤回公开',
  'commitment.confirm': '确认导入', 'commitment.requestClose': '办结申请', 'commitment.close': '办结', 'report.submit': '报送进展', 'report.accept': '采纳报送', 'report.return': '退回报送', 'report.edit': '修改报送', 'report.resubmit': '重新报送', 'evidence.attach': '上传材料',
  'report.draft': '保存草稿', 'report.update': '修改报送', 'report.import': '填报表导入', 'evidence.add': '上传材料', 'evidence.remove': '删除材料',
  'commitment.split': '分解任务', 'commitment.setMilestones': '设置节点', 'commitment.rejectClose': '退回办结申请', 'commitment.start': '开始推进', 'commitment.cancel': '取消任务',
  'workPlan.file': '报送办理方案', 'closeRequest.create': '办结申请', 'changeRequest.create': '变更申请', 'changeRequest.approve': '批准变更', 'changeRequest.refuse': '不予批准变更',
  'instruction.create': '领导批示', 'instruction.reply': '批示办理回复', 'supervisionSlip.open': '下发督办单', 'supervisionSlip.close': '督办单销号', 'reminder.send': '催办提醒',
  // an approved change request applies as commitment.<kind>; a decided 办结申请 as closeRequest.<decision>
  'commitment.adjust': '调整目标', 'commitment.extend': '延期', 'closeRequest.approve': '同意办结', 'closeRequest.refuse': '退回办结申请',
};

function Audit({ id, refresh }: { id: string; refresh: string }) {
  const s = useSession();
  const loaded = useApi<Answer<'listAudit'>>('/audit', { entity: 'commitment', entityId: id, v: refresh });
  return (
    <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0} empty="暂无操作记录">
      {(d) => (
        <Timeline
          items={d.items.slice(0, 50).map((e) => ({
            key: e.id,
            children: (
              <span>
                <b>{ACTION_LABELS[e.action] ?? e.action}</b>
                <span style={{ color: '#555', marginLeft: 8 }}>{cnDateTime(e.at)}</span>
                <span style={{ color: '#555', marginLeft: 8 }}>{e.actorRole ? (ROLE_LABELS[e.actorRole] ?? e.actorRole) : '系统'}</span>
                {diffText(e, s.deptName) && <div style={{ color: '#555', fontSize: 12 }}>{diffText(e, s.deptName)}</div>}
              </span>
            ),
          }))}
        />
      )}
    </DataState>
  );
}

const FIELD_LABELS: Record<string, string> = { state: '状态', cumulativeValue: '累计值', reviewComment: '审核意见', leadDepartmentId: '牵头单位', published: '公开', deadline: '截止日期', targetValue: '目标值', narrative: '进展情况' };

/** The fields an event changed, in words: 状态 待审核 → 已退回. */
function diffText(e: AuditEntry, deptName: (id: string | null) => string): string {
  const b = (e.before ?? {}) as Record<string, unknown>;
  const a = (e.after ?? {}) as Record<string, unknown>;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return '';
  const show = (k: string, v: unknown): string => {
    if (v === undefined || v === null || v === '') return '空';
    if (k === 'state') return (e.entity === 'report' ? REPORT_STATE_LABELS : e.entity === 'commitment' ? LIFECYCLE_LABELS : DECISION_STATE_LABELS)[String(v)] ?? String(v);
    if (k === 'deadline') return cnDate(String(v));
    if (k === 'leadDepartmentId') return deptName(String(v));
    if (k === 'published') return v ? '是' : '否';
    const text = String(v);
    return text.length > 30 ? `${text.slice(0, 30)}…` : text;
  };
  return Object.keys(FIELD_LABELS)
    .filter((k) => k in a && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => (k in b ? `${FIELD_LABELS[k]}：${show(k, b[k])} → ${show(k, a[k])}` : `${FIELD_LABELS[k]}：${show(k, a[k])}`))
    .join('；');
}

const STEP_STATES = ['draft', 'assigned', 'acknowledged', 'inProgress', 'closeRequested', 'closed'];
const STEP_TITLES = ['立项', '交办', '签收', '推进中', '办结申请', '办结'];

/** Where the commitment stands in 办理流程 and who acts next (shown to everyone, whatever they may do). */
function LifecycleSteps({ c }: { c: Detail }) {
  const s = useSession();
  const current = STEP_STATES.indexOf(c.state);
  const next = c.allowed.next.filter((n) => n.action !== 'cancel');
  const who = (roles: string[]) => roles.map((r) => (r === 'leadReporter' ? `牵头单位${c.leadDepartmentId ? `（${s.deptName(c.leadDepartmentId)}）` : ''}` : LIFECYCLE_ROLE_LABELS[r])).join('或');
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="lifecycle">
      <Steps size="small" current={c.state === 'cancelled' ? 0 : current} status={c.state === 'cancelled' ? 'error' : c.state === 'closed' ? 'finish' : 'process'}
        items={STEP_TITLES.map((title, i) => ({ title: c.state === 'cancelled' && i === 0 ? '已取消' : title }))} />
      {next.length > 0 && (
        <div style={{ marginTop: 8, color: '#595959' }} data-testid="next-step">
          下一步：{next.map((n) => `${n.label}（${who(n.roles)}）`).join('；')}
        </div>
      )}
    </Card>
  );
}

type Dialog = 'assign' | 'acknowledge' | 'requestClose' | 'close' | 'rejectClose' | 'cancel' | 'edit' | 'change' | 'split' | 'milestones';

/** The actions the signed-in user may take, each with who may take it; nothing else is shown. */
function ActionBar({ c, reload, onReport }: { c: Detail; reload(): void; onReport(): void }) {
  const { lang } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const d = useDialog<Dialog>();
  const [error, setError] = useState<string | null>(null);
  const a = c.allowed;
  const can = (x: string) => a.transitions.includes(x as never);
  const done = (ok: boolean) => {
    d.close();
    if (ok) reload();
  };
  async function post(path: string, body: unknown, ok: string, after?: () => void) {
    setError(null);
    try {
      await api(path, { method: 'POST', body });
      message.success(ok);
      (after ?? reload)();
    } catch (e) {
      setError(errorText(e, lang));
    }
  }
  const tip = (who: string, button: React.ReactNode) => <Tooltip title={`${who}可执行`}>{button}</Tooltip>;
  const buttons = [
    a.confirmDraft && tip('督查室', <Button key="confirm" type="primary" onClick={() => post(`/commitments/${c.id}/confirm`, { version: c.version }, '已确认，可以交办')}>确认草稿</Button>),
    a.confirmDraft && tip('督查室', <Popconfirm key="discard" title="舍弃这条导入草稿？" okText="舍弃" cancelText="取消" onConfirm={() => post(`/commitments/${c.id}/discard`, { version: c.version }, '已舍弃', () => navigate('/commitments'))}><Button danger>舍弃草稿</Button></Popconfirm>),
    can('assign') && tip('督查室', <Button key="assign" type="primary" onClick={() => d.show('assign')}>交办</Button>),
    can('acknowledge') && tip('牵头单位', <Button key="ack" type="primary" onClick={() => d.show('acknowledge')}>签收</Button>),
    can('start') && tip('牵头单位或督查室', <Popconfirm key="start" title="确认开始推进？" okText="开始推进" cancelText="取消" onConfirm={() => post(`/commitments/${c.id}/transitions/start`, { version: c.version }, '已开始推进')}><Button>开始推进</Button></Popconfirm>),
    a.report && tip('承办单位', <Button key="report" type="primary" onClick={onReport}>填报进展</Button>),
    can('requestClose') && tip('牵头单位', <Button key="rc" onClick={() => d.show('requestClose')}>办结申请</Button>),
    can('close') && tip('督查室', <Button key="close" type="primary" onClick={() => d.show('close')}>办结销号</Button>),
    can('rejectClose') && tip('督查室', <Button key="reject" danger onClick={() => d.show('rejectClose')}>退回办结申请</Button>),
    a.requestChange && tip('牵头单位或督查室', <Button key="change" onClick={() => d.show('change')}>申请变更</Button>),
    a.editable.length > 0 && tip('督查室', <Button key="edit" onClick={() => d.show('edit')}>修改</Button>),
    a.milestones && tip('督查室或牵头单位', <Button key="ms" onClick={() => d.show('milestones')}>设置节点</Button>),
    a.split && tip('督查室', <Button key="split" onClick={() => d.show('split')}>分解子任务</Button>),
    a.publish && tip('督查室', <Button key="pub" onClick={() => post(`/commitments/${c.id}/publish`, { version: c.version, published: !c.published }, c.published ? '已撤回公开' : '已公开')}>{c.published ? '撤回公开' : '向社会公开'}</Button>),
    can('cancel') && tip('督查室', <Button key="cancel" danger onClick={() => d.show('cancel')}>取消任务</Button>),
  ].filter(Boolean);
  return (
    <div style={{ marginBottom: 12 }} data-testid="actions">
      {buttons.length > 0 && <Space wrap>{buttons}</Space>}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} />}
      {d.open === 'assign' && <AssignModal c={c} onClose={done} />}
      {d.open === 'acknowledge' && <AcknowledgeModal c={c} onClose={done} />}
      {d.open === 'requestClose' && <RequestCloseModal c={c} onClose={done} />}
      {(d.open === 'close' || d.open === 'rejectClose') && <CloseDecisionModal c={c} action={d.open} onClose={done} />}
      {d.open === 'cancel' && <CancelModal c={c} onClose={done} />}
      {d.open === 'edit' && <EditModal c={c} onClose={done} />}
      {d.open === 'change' && <ChangeRequestModal c={c} onClose={done} />}
      {d.open === 'split' && <SplitModal c={c} onClose={done} />}
      {d.open === 'milestones' && <MilestonesModal c={c} onClose={done} />}
    </div>
  );
}

/** 办理方案 as the lead department filed it on 签收. */
function WorkPlanCard({ c, refresh }: { c: Detail; refresh: number }) {
  const loaded = useApi<Answer<'getWorkPlan'>>(c.state === 'draft' || c.state === 'assigned' ? null : `/commitments/${c.id}/work-plan`, { v: c.version, n: refresh });
  if (!loaded.data?.workPlan) return null;
  const w = loaded.data.workPlan;
  return (
    <Card size="small" title="办理方案" style={{ marginBottom: 16 }} data-testid="work-plan" extra={<span style={{ color: '#595959', fontSize: 12 }}>{cnDateTime(w.filedAt)} 报送</span>}>
      <div style={{ marginBottom: 8 }}>责任人：{w.responsiblePerson}{w.contact ? `（${w.contact}）` : ''}</div>
      <Table size="small" rowKey={(_, i) => String(i)} pagination={false} dataSource={w.steps}
        columns={[
          { title: '步骤', dataIndex: 'title' },
          { title: '起止时间', key: 'd', render: (_: unknown, x) => `${cnDate(x.startDate)} — ${cnDate(x.endDate)}` },
          { title: '责任人', dataIndex: 'responsiblePerson', render: (x: string | null) => x ?? '—' },
        ]}
      />
    </Card>
  );
}

/** 变更申请 and 办结申请 of the commitment, with the office's decisions; the office decides pending change requests here. */
function RequestsCard({ c, reload, refresh }: { c: Detail; reload(): void; refresh: number }) {
  const changes = useApi<Answer<'listCommitmentChangeRequests'>>(`/commitments/${c.id}/change-requests`, { v: c.version, n: refresh });
  const closes = useApi<Answer<'listCloseRequests'>>('/close-requests', { region: c.regionCode, commitment: c.id, v: c.version, n: refresh });
  const [deciding, setDeciding] = useState<ChangeRequest | null>(null);
  const items = [
    ...(changes.data?.items ?? []).map((r) => ({ key: r.id, at: r.requestedAt, node: (
      <div data-testid="change-request">
        <Space size={6}><Tag color="blue">{CHANGE_KIND_LABELS[r.kind]}申请</Tag><DecisionTag state={r.state} /><span style={{ color: '#595959', fontSize: 12 }}>{cnDateTime(r.requestedAt)}</span></Space>
        <div style={{ margin: '4px 0' }}>理由：{r.reason}</div>
        {/* before → after only while pending: once decided the commitment's value is no longer the "before" (it read 2027年3月31日 → 2027年3月31日) */}
        <div style={{ color: '#595959' }}>{changeRows(c, r).map((x) => (r.state === 'pending' ? `${x.field}：${x.before} → ${x.after}` : `${x.field}申请改为${x.after}`)).join('；')}</div>
        {r.decisionComment && <div style={{ color: '#595959' }}>审批意见：{r.decisionComment}</div>}
        {r.state === 'pending' && c.allowed.decideChange && <Tooltip title="督查室可执行"><Button size="small" type="primary" style={{ marginTop: 4 }} onClick={() => setDeciding(r)}>审批</Button></Tooltip>}
      </div>
    ) })),
    ...(closes.data?.items ?? []).map((r) => ({ key: r.id, at: r.requestedAt, node: (
      <div data-testid="close-request">
        <Space size={6}><Tag color="purple">办结申请</Tag><DecisionTag state={r.state} /><span style={{ color: '#595959', fontSize: 12 }}>{cnDateTime(r.requestedAt)}</span></Space>
        <CloseRequestText r={r} />
        {r.decisionComment && <div style={{ color: '#595959' }}>审核意见：{r.decisionComment}</div>}
      </div>
    ) })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (!items.length) return null;
  return (
    <Card size="small" title={`变更与办结申请（${items.length}）`} data-testid="requests">
      <Space direction="vertical" style={{ width: '100%' }} size={12}>{items.map((i) => <div key={i.key}>{i.node}</div>)}</Space>
      {deciding && <ChangeDecisionModal request={deciding} c={c} onClose={(done) => { setDeciding(null); if (done) reload(); }} />}
    </Card>
  );
}
