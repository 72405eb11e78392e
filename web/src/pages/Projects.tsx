/** 重点项目: the pipeline by stage (count and investment), the table, and each project's stage history. */
import { useState } from 'react';
import { Card, Col, Descriptions, Drawer, Progress, Row, Select, Space, Statistic, Steps, Table, Tag, Typography } from 'antd';
import { Chart } from '../Chart.tsx';
import { cnDate, columnFormat, formatMoneyWan, pct } from '../format.ts';
import { useT } from '../i18n.tsx';
import { PROJECT_STAGE_LABELS, PROJECT_STAGES } from '../labels.ts';
import type { Answer, Project } from '../model.ts';
import { useSession } from '../session.tsx';
import { DataState, useApi } from '../useApi.tsx';

const sum = (xs: string[]) => xs.reduce((a, b) => a + Number(b), 0);
/** 万元 sums as decimal text for the formatter (two decimals is 元 precision's hundredfold; enough here). */
// headline figures as offices write them: two decimals at most (11.92亿元); the table keeps the exact amounts
const wan = (n: number) => formatMoneyWan(String(Math.round(n * 100) / 100), { decimals: 2 });

export default function Projects() {
  const t = useT();
  const s = useSession();
  const [ownYear, setYear] = useState<number | undefined>(s.plan?.year);
  // a city or province has no plans of its own: the header's 年度 decides, for all its counties
  const year = s.scope.children ? s.year : ownYear;
  const [stage, setStage] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<Project | null>(null);
  const loaded = useApi<Answer<'listProjects'>>('/projects', { region: s.scope.region, children: s.scope.children, year });

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('重点项目')}</Typography.Title>
        {!s.scope.children && (
          <>
            <label htmlFor="project-year">{t('年度')}</label>
            <Select id="project-year" aria-label={t('年度')} allowClear style={{ width: 110 }} value={year} onChange={setYear} options={(s.region?.plans ?? []).map((p) => p.year).sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }))} />
          </>
        )}
      </Space>
      <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0} empty="该年度暂无重点项目">
        {(d) => {
          const byStage = PROJECT_STAGES.map((st) => {
            const items = d.items.filter((p) => p.stage === st);
            return { stage: st, count: items.length, total: sum(items.map((p) => p.totalInvestment)), done: sum(items.map((p) => p.completedInvestmentYear)) };
          });
          const planned = sum(d.items.map((p) => p.plannedInvestmentYear));
          const done = sum(d.items.map((p) => p.completedInvestmentYear));
          const rows = stage ? d.items.filter((p) => p.stage === stage) : d.items;
          // each money column in one unit (all 亿元, or all 万元 when a value is under 1亿元)
          const money = {
            total: columnFormat(rows, (p) => ({ value: p.totalInvestment, unit: '万元' })),
            planned: columnFormat(rows, (p) => ({ value: p.plannedInvestmentYear, unit: '万元' })),
            done: columnFormat(rows, (p) => ({ value: p.completedInvestmentYear, unit: '万元' })),
          };
          return (
            <>
              <Row gutter={[12, 12]}>
                <Col xs={12} md={6}><Card size="small"><Statistic title={t('项目总数')} value={d.items.length} suffix="个" /></Card></Col>
                <Col xs={12} md={6}><Card size="small"><Statistic title={t('总投资')} value={wan(sum(d.items.map((p) => p.totalInvestment)))} /></Card></Col>
                <Col xs={12} md={6}><Card size="small"><Statistic title={t('年度计划投资')} value={wan(planned)} /></Card></Col>
                <Col xs={12} md={6}><Card size="small"><Statistic title={t('年度完成投资')} value={wan(done)} suffix={<small style={{ fontSize: 14, color: '#555' }}>（{pct(planned ? (done / planned) * 100 : null)}）</small>} /></Card></Col>
              </Row>
              <Card size="small" title="项目推进阶段" style={{ marginTop: 16 }}>
                <Chart
                  label="项目推进阶段"
                  height={280}
                  onClick={(p) => setStage(PROJECT_STAGES[p.dataIndex])}
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { top: 0 },
                    grid: { left: 56, right: 64, top: 36, bottom: 44 },
                    // the count under its stage, the amount on the line: two labels on one small bar printed over each other
                    xAxis: { type: 'category', data: byStage.map((b) => `${PROJECT_STAGE_LABELS[b.stage]}\n${b.count}个`) },
                    yAxis: [{ type: 'value', name: '个', minInterval: 1 }, { type: 'value', name: '亿元', splitLine: { show: false } }],
                    series: [
                      { name: '项目数', type: 'bar', data: byStage.map((b) => b.count), itemStyle: { color: '#b71c1c' }, barWidth: 28 },
                      { name: '总投资（亿元）', type: 'line', yAxisIndex: 1, data: byStage.map((b) => Math.round(b.total / 100) / 100), itemStyle: { color: '#0958d9' }, z: 3,
                        label: { show: true, position: 'top', formatter: '{c}', color: '#0958d9', backgroundColor: '#fff', padding: [1, 3], borderRadius: 2 } },
                    ],
                  }}
                />
              </Card>
              <Card size="small" style={{ marginTop: 16 }} title={stage ? <span>阶段：<Tag closable onClose={() => setStage(undefined)}>{PROJECT_STAGE_LABELS[stage as keyof typeof PROJECT_STAGE_LABELS]}</Tag></span> : '项目清单'}>
                <Table
                  rowKey="id"
                  size="small"
                  dataSource={rows}
                  pagination={{ pageSize: 15, hideOnSinglePage: true }}
                  onRow={(p) => ({ onClick: () => setOpen(p), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: t('项目名称'), dataIndex: 'name', render: (n: string, p) => <a onClick={() => setOpen(p)} href={`#${p.id}`}>{n}</a> },
                    { title: t('阶段'), dataIndex: 'stage', width: 80, render: (st: Project['stage']) => <Tag>{PROJECT_STAGE_LABELS[st]}</Tag>, sorter: (a, b) => PROJECT_STAGES.indexOf(a.stage) - PROJECT_STAGES.indexOf(b.stage) },
                    { title: t('牵头单位'), dataIndex: 'leadDepartmentId', width: 120, render: (id: string | null) => s.deptName(id) },
                    { title: t('总投资'), dataIndex: 'totalInvestment', width: 110, align: 'right', render: (_: string, p) => money.total.get(p), sorter: (a, b) => Number(a.totalInvestment) - Number(b.totalInvestment) },
                    { title: t('年度计划投资'), dataIndex: 'plannedInvestmentYear', width: 120, align: 'right', render: (_: string, p) => money.planned.get(p) },
                    { title: t('年度完成投资'), dataIndex: 'completedInvestmentYear', width: 120, align: 'right', render: (_: string, p) => money.done.get(p) },
                    { title: '投资完成率', key: 'rate', width: 150, render: (_: unknown, p) => <Progress size="small" percent={Math.min(100, Math.round((Number(p.completedInvestmentYear) / Math.max(1e-9, Number(p.plannedInvestmentYear))) * 1000) / 10)} /> },
                  ]}
                />
              </Card>
            </>
          );
        }}
      </DataState>
      <Drawer open={!!open} onClose={() => setOpen(null)} title={open?.name} size={460}>
        {open && (
          <>
            <Descriptions size="small" column={1} bordered items={[
              { key: 'lead', label: t('牵头单位'), children: s.deptName(open.leadDepartmentId) },
              { key: 'total', label: t('总投资'), children: formatMoneyWan(open.totalInvestment) },
              { key: 'planned', label: t('年度计划投资'), children: formatMoneyWan(open.plannedInvestmentYear) },
              { key: 'done', label: t('年度完成投资'), children: formatMoneyWan(open.completedInvestmentYear) },
            ]} />
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('阶段历程')}</Typography.Title>
            <Steps
              direction="vertical"
              size="small"
              current={PROJECT_STAGES.indexOf(open.stage)}
              items={PROJECT_STAGES.map((st) => ({ title: PROJECT_STAGE_LABELS[st], description: open.stageDates[st] ? cnDate(open.stageDates[st]) : PROJECT_STAGES.indexOf(st) <= PROJECT_STAGES.indexOf(open.stage) ? '—' : '未到' }))}
            />
          </>
        )}
      </Drawer>
    </div>
  );
}
