/** 本单位: a reporter's due reports, returned reports and pending ones, with the report form. */
import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Drawer, Space, Table, Tag, Typography } from 'antd';
import { periodLabel } from '../format.ts';
import { useT } from '../i18n.tsx';
import { REPORT_STATE_LABELS } from '../labels.ts';
import type { EvaluatedCommitment, ProgressReport } from '../model.ts';
import { ReportForm } from '../ReportForm.tsx';
import { useSession } from '../session.tsx';
import { OverdueTag, StatusTag } from '../status.tsx';
import { DataState, useApi } from '../useApi.tsx';
import { CompletionBar } from './Commitments.tsx';

type ListedReport = ProgressReport & { commitmentTitle: string };
const REPORTING = new Set(['assigned', 'acknowledged', 'inProgress']);

export default function MyDepartment() {
  const t = useT();
  const s = useSession();
  const { message } = App.useApp();
  const dept = s.user?.departmentId ?? undefined;
  const mine = useApi<{ items: EvaluatedCommitment[] }>(dept ? '/commitments' : null, { ...s.scope, department: dept, sort: 'status' });
  const returned = useApi<{ items: ListedReport[] }>('/reports', { region: s.scope.region, state: 'returned' });
  const pending = useApi<{ items: ListedReport[] }>('/reports', { region: s.scope.region, state: 'submitted' });
  const [form, setForm] = useState<null | { c: EvaluatedCommitment; returned?: ProgressReport }>(null);
  const today = new Date().toISOString().slice(0, 10);
  const byId = new Map((mine.data?.items ?? []).map((c) => [c.id, c]));

  if (!dept) return <Typography.Paragraph>本页供各单位填报员使用。<Link to="/commitments">查看目标任务</Link></Typography.Paragraph>;
  const due = (mine.data?.items ?? []).filter((c) => REPORTING.has(c.state) && c.leadDepartmentId === dept);
  const helping = (mine.data?.items ?? []).filter((c) => REPORTING.has(c.state) && c.leadDepartmentId !== dept && c.coDepartmentIds.includes(dept));

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('本单位')} · {s.deptName(dept)}</Typography.Title>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={`${t('被退回')}${returned.data ? `（${returned.data.items.length}）` : ''}`} data-testid="returned-reports">
          <DataState loaded={returned} isEmpty={(d) => d.items.length === 0} empty="没有被退回的报送">
            {(d) => (
              <Table rowKey="id" size="small" pagination={false} dataSource={d.items}
                columns={[
                  { title: t('任务名称'), dataIndex: 'commitmentTitle', render: (x: string, r) => <Link to={`/commitments/${r.commitmentId}`}>{x}</Link> },
                  { title: t('期次'), dataIndex: 'period', render: periodLabel },
                  { title: t('退回意见'), dataIndex: 'reviewComment', render: (x: string) => <span style={{ color: '#ad4e00' }}>{x}</span> },
                  { title: t('操作'), key: 'a', render: (_: unknown, r) => byId.get(r.commitmentId) ? <Button size="small" type="primary" onClick={() => setForm({ c: byId.get(r.commitmentId)!, returned: r })}>修改重报</Button> : null },
                ]}
              />
            )}
          </DataState>
        </Card>
        <Card size="small" title={`${t('待填报')}（牵头任务 ${due.length} 项）`} data-testid="due-commitments">
          <DataState loaded={mine} isEmpty={() => due.length === 0} empty="本单位暂无需要报送的牵头任务">
            {() => (
              <Table rowKey="id" size="small" dataSource={due} pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: t('任务名称'), dataIndex: 'title', render: (x: string, c) => <Link to={`/commitments/${c.id}`}>{x}</Link> },
                  { title: '未按时报送', key: 'missing', render: (_: unknown, c) => c.evaluation.missingPeriods.length ? <span style={{ color: '#a8071a' }}>{c.evaluation.missingPeriods.map(periodLabel).join('、')}</span> : <Tag color="green">按时</Tag> },
                  { title: '最近报送', key: 'latest', render: (_: unknown, c) => (c.evaluation.latestPeriod ? periodLabel(c.evaluation.latestPeriod) : '—') },
                  { title: t('完成率'), key: 'rate', width: 170, render: (_: unknown, c) => <CompletionBar c={c} /> },
                  { title: t('状态'), key: 'st', render: (_: unknown, c) => <span><StatusTag status={c.evaluation.status} /><OverdueTag evaluation={c.evaluation} /></span> },
                  { title: t('操作'), key: 'a', render: (_: unknown, c) => <Button size="small" type="primary" onClick={() => setForm({ c })}>{t('填报进展')}</Button> },
                ]}
              />
            )}
          </DataState>
        </Card>
        {helping.length > 0 && (
          <Card size="small" title={`${t('配合任务')}（${helping.length} 项，报送配合进展）`} data-testid="co-commitments">
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
        <Card size="small" title={`${t('待审核')}${pending.data ? `（${pending.data.items.length}）` : ''}`}>
          <DataState loaded={pending} isEmpty={(d) => d.items.length === 0} empty="没有待审核的报送">
            {(d) => (
              <Table rowKey="id" size="small" pagination={false} dataSource={d.items}
                columns={[
                  { title: t('任务名称'), dataIndex: 'commitmentTitle', render: (x: string, r) => <Link to={`/commitments/${r.commitmentId}`}>{x}</Link> },
                  { title: t('期次'), dataIndex: 'period', render: periodLabel },
                  { title: t('状态'), dataIndex: 'state', render: (x: string) => <Tag color="processing">{REPORT_STATE_LABELS[x]}</Tag> },
                ]}
              />
            )}
          </DataState>
        </Card>
      </Space>
      <Drawer open={!!form} onClose={() => setForm(null)} title={form ? `${t('填报进展')} · ${form.c.title}` : ''} size={520} destroyOnHidden>
        {form && (
          <ReportForm
            commitment={form.c}
            returned={form.returned}
            lead={form.c.leadDepartmentId === dept}
            today={today}
            onDone={() => {
              message.success('已提交，等待督查室审核');
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
