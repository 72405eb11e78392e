/**
 * 工作台 of a department (本单位): 签收 waiting, returned reports with the office's comment, what is
 * due this period across every plan of the region (not only the year selected), 督办单 and 领导批示
 * addressed to it, reports waiting for review; with the report, 签收 and reply dialogs.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Drawer, Space, Table, Tag, Typography } from 'antd';
import { periodLabel } from '../format.ts';
import { ESCALATION_LEVEL_LABELS, SLIP_COLORS } from '../labels.ts';
import { ReplyModal, Replies } from '../Instructions.tsx';
import { AcknowledgeModal } from '../workflow.tsx';
import type { Answer, RegionInstruction } from '../model.ts';
import { useCounted, useDay, useLang, useT } from '../i18n.tsx';
import { REPORT_STATE_LABELS } from '../labels.ts';
import type { EvaluatedCommitment, ListedReport } from '../model.ts';
import { ReportForm } from '../ReportForm.tsx';
import { useSession } from '../session.tsx';
import { OverdueTag, StatusTag } from '../status.tsx';
import { DataState, useApi } from '../useApi.tsx';
import { CompletionBar } from './Commitments.tsx';

// the states in which the API takes reports (办结申请 included: until closed, reports are owed and chased)
const REPORTING = new Set(['assigned', 'acknowledged', 'inProgress', 'closeRequested']);

export default function MyDepartment() {
  const t = useT();
  const { lang } = useLang();
  const en = lang === 'en';
  const counted = useCounted(); // 待签收（2） / To acknowledge (2)
  const day = useDay();
  const s = useSession();
  const { message } = App.useApp();
  const dept = s.user?.departmentId ?? undefined;
  // every plan of the region: a report due for last year's plan is due all the same
  const mine = useApi<Answer<'listCommitments'>>(dept ? '/commitments' : null, { region: s.scope.region, department: dept, sort: 'status' });
  const slips = useApi<Answer<'listSupervisionSlips'>>(dept ? '/supervision-slips' : null, { region: s.scope.region, open: 'true' });
  const instructions = useApi<Answer<'listRegionInstructions'>>(dept ? '/instructions' : null, { region: s.scope.region });
  const [acknowledging, setAcknowledging] = useState<EvaluatedCommitment | null>(null);
  const [replying, setReplying] = useState<RegionInstruction | null>(null);
  const returned = useApi<Answer<'listReports'>>('/reports', { region: s.scope.region, state: 'returned' });
  const pending = useApi<Answer<'listReports'>>('/reports', { region: s.scope.region, state: 'submitted' });
  const [form, setForm] = useState<null | { c: EvaluatedCommitment; returned?: ListedReport }>(null);
  const today = new Date().toISOString().slice(0, 10);
  const byId = new Map((mine.data?.items ?? []).map((c) => [c.id, c]));

  if (!dept) return <Typography.Paragraph>{t('本页供各单位填报员使用。')}<Link to="/commitments">{t('查看目标任务')}</Link></Typography.Paragraph>;
  const due = (mine.data?.items ?? []).filter((c) => REPORTING.has(c.state) && c.leadDepartmentId === dept);
  const helping = (mine.data?.items ?? []).filter((c) => REPORTING.has(c.state) && c.leadDepartmentId !== dept && c.coDepartmentIds.includes(dept));
  const toAcknowledge = (mine.data?.items ?? []).filter((c) => c.state === 'assigned' && c.leadDepartmentId === dept);
  const titles = new Map((mine.data?.items ?? []).map((c) => [c.id, c.title]));
  const ins = [...(instructions.data?.items ?? [])].sort((a, b) => Number(a.followedUp) - Number(b.followedUp));
  const waitingIns = ins.filter((i) => !i.followedUp).length;
  // an empty section is not shown: one line says what is not waiting (docs/decisions.md)
  const sections: [string, { data?: unknown }, number][] = [
    ['待签收的任务', mine, toAcknowledge.length],
    ['被退回的报送', returned, returned.data?.items.length ?? 0],
    ['督办单', slips, slips.data?.items.length ?? 0],
    ['领导批示', instructions, ins.length],
    ['待审核的报送', pending, pending.data?.items.length ?? 0],
  ];
  const nothing = sections.every(([, l]) => l.data !== undefined) ? sections.filter(([, , n]) => n === 0).map(([name]) => name) : [];

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('工作台')} · {s.deptName(dept)}</Typography.Title>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {nothing.length > 0 && <Typography.Text type="secondary" data-testid="nothing-waiting">{en ? `Nothing waiting: ${nothing.map((x) => t(x).toLowerCase()).join(', ')}.` : `暂无${nothing.join('、')}。`}</Typography.Text>}
        {toAcknowledge.length > 0 && (
          <Card size="small" title={counted('待签收', toAcknowledge.length)} data-testid="to-acknowledge">
            <Table rowKey="id" size="small" pagination={false} dataSource={toAcknowledge}
              columns={[
                { title: t('任务名称'), dataIndex: 'title', render: (x: string, c) => <Link to={`/commitments/${c.id}`}>{x}</Link> },
                { title: t('起止时间'), key: 'w', render: (_: unknown, c) => `${day(c.startDate)} — ${day(c.deadline)}` },
                { title: t('责任领导'), dataIndex: 'responsibleLeader', render: (x: string | null) => x ?? '—' },
                { title: t('操作'), key: 'a', render: (_: unknown, c) => <Button size="small" type="primary" onClick={() => setAcknowledging(c)}>{t('签收并报送办理方案')}</Button> },
              ]}
            />
          </Card>
        )}
        {(returned.data?.items.length ?? 0) > 0 && (
          <Card size="small" title={counted('被退回', returned.data!.items.length)} data-testid="returned-reports">
            <Table rowKey="id" size="small" pagination={false} dataSource={returned.data!.items}
              columns={[
                { title: t('任务名称'), dataIndex: 'commitmentTitle', render: (x: string, r) => <Link to={`/commitments/${r.commitmentId}`}>{x}</Link> },
                { title: t('期次'), dataIndex: 'period', render: (x: string) => (en ? x : periodLabel(x)) },
                { title: t('退回意见'), dataIndex: 'reviewComment', render: (x: string) => <span style={{ color: '#ad4e00' }}>{x}</span> },
                { title: t('操作'), key: 'a', render: (_: unknown, r) => byId.get(r.commitmentId) ? <Button size="small" type="primary" onClick={() => setForm({ c: byId.get(r.commitmentId)!, returned: r })}>{t('修改重报')}</Button> : null },
              ]}
            />
          </Card>
        )}
        <Card size="small" title={en ? `${t('待填报')} (${due.length} led by you)` : `待填报（牵头任务 ${due.length} 项）`} data-testid="due-commitments">
          <DataState loaded={mine} isEmpty={() => due.length === 0} empty={t('本单位暂无需要报送的牵头任务')} compact>
            {() => (
              <Table rowKey="id" size="small" dataSource={due} pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: t('任务名称'), dataIndex: 'title', render: (x: string, c) => <Link to={`/commitments/${c.id}`}>{x}</Link> },
                  { title: t('未按时报送'), key: 'missing', render: (_: unknown, c) => c.evaluation.missingPeriods.length ? <span style={{ color: '#a8071a' }}>{en ? c.evaluation.missingPeriods.join(', ') : c.evaluation.missingPeriods.map(periodLabel).join('、')}</span> : <Tag color="green">{t('按时')}</Tag> },
                  { title: t('最近报送'), key: 'latest', render: (_: unknown, c) => (c.evaluation.latestPeriod ? (en ? c.evaluation.latestPeriod : periodLabel(c.evaluation.latestPeriod)) : '—') },
                  { title: t('完成率'), key: 'rate', width: 170, render: (_: unknown, c) => <CompletionBar c={c} /> },
                  { title: t('状态'), key: 'st', render: (_: unknown, c) => <span><StatusTag status={c.evaluation.status} /><OverdueTag evaluation={c.evaluation} /></span> },
                  { title: t('操作'), key: 'a', render: (_: unknown, c) => <Button size="small" type="primary" onClick={() => setForm({ c })}>{t('填报进展')}</Button> },
                ]}
              />
            )}
          </DataState>
        </Card>
        {helping.length > 0 && (
          <Card size="small" title={en ? `${t('配合任务')} (${helping.length}: report what you did)` : `配合任务（${helping.length} 项，报送配合进展）`} data-testid="co-commitments">
            <Table rowKey="id" size="small" dataSource={helping} pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('任务名称'), dataIndex: 'title', render: (x: string, c) => <Link to={`/commitments/${c.id}`}>{x}</Link> },
                { title: t('牵头单位'), key: 'lead', render: (_: unknown, c) => s.deptName(c.leadDepartmentId) },
                { title: t('状态'), key: 'st', render: (_: unknown, c) => <StatusTag status={c.evaluation.status} /> },
                { title: t('操作'), key: 'a', render: (_: unknown, c) => <Button size="small" onClick={() => setForm({ c })}>{t('填报进展')}</Button> },
              ]}
            />
          </Card>
        )}
        {(slips.data?.items.length ?? 0) > 0 && (
          <Card size="small" title={counted('督办单与提醒', slips.data!.items.length)} data-testid="my-slips">
            <Table rowKey="id" size="small" pagination={false} dataSource={slips.data!.items}
              columns={[
                { title: t('级别'), dataIndex: 'level', width: 110, render: (x: string) => <Tag color={SLIP_COLORS[x]}>{t(ESCALATION_LEVEL_LABELS[x as 'red'])}</Tag> },
                { title: t('督办事项'), key: 't', render: (_: unknown, x) => <Link to={`/commitments/${x.commitmentId}`}>{titles.get(x.commitmentId) ?? t('目标任务')}</Link> },
                { title: t('督办事由'), dataIndex: 'reason' },
                { title: t('下发日期'), dataIndex: 'openedOn', width: 120, render: (x: string) => day(x) },
              ]}
            />
          </Card>
        )}
        {ins.length > 0 && (
          <Card size="small" title={en ? `${t('领导批示')} (${waitingIns} awaiting your reply)` : `领导批示（待反馈 ${waitingIns}）`} data-testid="my-instructions">
            <Table rowKey="id" size="small" pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={ins}
              columns={[
                { title: t('任务'), dataIndex: 'commitmentTitle', width: 240, render: (x: string, i) => <Link to={`/commitments/${i.commitmentId}`}>{x}</Link> },
                { title: t('批示'), key: 'i', render: (_: unknown, i) => <span><b>{i.leaderName}</b>（{day(i.issuedOn)}）：{i.text}</span> },
                { title: t('落实情况'), key: 'r', render: (_: unknown, i) => <Replies replies={i.replies} /> },
                { title: t('操作'), key: 'a', width: 120, render: (_: unknown, i) => <Button size="small" type={i.followedUp ? 'default' : 'primary'} onClick={() => setReplying(i)}>{t('反馈落实情况')}</Button> },
              ]}
            />
          </Card>
        )}
        {(pending.data?.items.length ?? 0) > 0 && (
          <Card size="small" title={counted('待审核', pending.data!.items.length)} data-testid="pending-reports">
            <Table rowKey="id" size="small" pagination={false} dataSource={pending.data!.items}
              columns={[
                { title: t('任务名称'), dataIndex: 'commitmentTitle', render: (x: string, r) => <Link to={`/commitments/${r.commitmentId}`}>{x}</Link> },
                { title: t('期次'), dataIndex: 'period', render: (x: string) => (en ? x : periodLabel(x)) },
                { title: t('状态'), dataIndex: 'state', render: (x: string) => <Tag color="processing">{t(REPORT_STATE_LABELS[x] ?? x)}</Tag> },
              ]}
            />
          </Card>
        )}
      </Space>
      {acknowledging && <AcknowledgeModal c={acknowledging} onClose={(done) => { setAcknowledging(null); if (done) mine.reload(); }} />}
      {replying && <ReplyModal instruction={replying} onClose={(done) => { setReplying(null); if (done) instructions.reload(); }} />}
      <Drawer open={!!form} onClose={() => setForm(null)} title={form ? `${t('填报进展')} · ${form.c.title}` : ''} size={520} destroyOnHidden>
        {form && (
          <ReportForm
            commitment={form.c}
            returned={form.returned}
            lead={form.c.leadDepartmentId === dept}
            today={today}
            onDone={() => {
              message.success(t('已提交，等待督查室审核'));
              setForm(null);
              mine.reload();
              returned.reload();
              pending.reload();
            }}
          />
        )}
      </Drawer>
    </div>
  );
}
