/**
 * 兑现核验: a year's commitments against what the next year's report (or the year's 纪实) says was
 * done — promised, reported by the departments, stated by the government, the verdict and the
 * sentence that says so. The office confirms or corrects each row.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Col, Empty, Form, Input, Modal, Row, Segmented, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { api, errorText } from '../api.ts';
import { columnFormat, formatValue } from '../format.ts';
import { Chart } from '../Chart.tsx';
import { useLang, useT } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { DataState, useApi } from '../useApi.tsx';
import { PerCounty } from '../DistrictComparison.tsx';
import type { PromiseReport, PromiseRow, PromiseStatus } from '../model.ts';

export const PROMISE_LABELS: Record<PromiseStatus, { zh: string; color: string }> = {
  kept: { zh: '已兑现', color: '#389e0d' },
  partial: { zh: '部分兑现', color: '#d48806' },
  missed: { zh: '未兑现', color: '#cf1322' },
  unmentioned: { zh: '未提及', color: '#8c8c8c' },
};
const ORDER: PromiseStatus[] = ['kept', 'partial', 'missed', 'unmentioned'];

/** The source sentence with the stated figure marked. */
function Sentence({ row }: { row: PromiseRow }) {
  if (!row.source) return <Typography.Text type="secondary">{row.basis === 'subtasks' ? '依据子任务的核验结果' : '文件中未找到相关表述'}</Typography.Text>;
  const s = row.source.sentence;
  const mark = row.statedText ? s.indexOf(row.statedText.replace(/^(下降|减少|降低)/, '')) : -1;
  if (mark < 0) return <span className="promise-sentence">“{s}”</span>;
  const len = row.statedText!.replace(/^(下降|减少|降低)/, '').length;
  return (
    <span className="promise-sentence">
      “{s.slice(0, mark)}<mark>{s.slice(mark, mark + len)}</mark>{s.slice(mark + len)}”
    </span>
  );
}

export default function PromiseCheck() {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const { message } = App.useApp();
  const years = useMemo(() => (s.region?.plans ?? []).map((p) => p.year).sort((a, b) => b - a), [s.region]);
  // default: the latest year that has ended — the one a next report can speak of
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(undefined);
  const shown = year ?? years.find((y) => y < thisYear) ?? years[0];
  const [status, setStatus] = useState<PromiseStatus | 'all' | 'flagged'>('all');
  const [editing, setEditing] = useState<PromiseRow | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();
  const loaded = useApi<PromiseReport>(shown ? '/promise-checks' : null, { region: s.scope.region, year: shown });
  const isAdmin = s.user?.role === 'admin' && s.user.regionCode === s.scope.region;

  const save = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      await api(`/promise-checks/${editing.commitmentId}`, {
        method: 'PUT',
        body: { status: v.status, statedValue: v.statedValue?.trim() ? v.statedValue.trim() : null, source: editing.source, setsYearEnd: !!v.setsYearEnd, note: v.note ?? '', version: editing.version },
      });
      message.success(t('已保存核验结果'));
      setEditing(null);
      loaded.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setSaving(false);
    }
  };

  // a city or province keeps no plan of its own: 兑现核验 is done per county
  if (s.scope.children) return <div><Typography.Title level={3} style={{ marginTop: 0 }}>{t('兑现核验')}</Typography.Title><PerCounty what="兑现核验" /></div>;
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('兑现核验')}</Typography.Title>
        <label htmlFor="promise-year">{t('年度')}</label>
        <Select id="promise-year" aria-label={t('年度')} style={{ width: 110 }} value={shown} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        {shown && (
          <>
            <Button href={`/api/promise-checks/document?region=${s.scope.region}&year=${shown}&format=docx`}>{t('兑现情况表')} DOCX</Button>
            <Button href={`/api/promise-checks/document?region=${s.scope.region}&year=${shown}&format=xlsx`}>{t('兑现情况表')} XLSX</Button>
          </>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('将本年度目标任务与次年政府工作报告（或年度纪实）中的表述逐项比对，并与部门报送的数据相互印证。自动比对结果请督查室逐项确认。')}
      </Typography.Paragraph>
      {/* a county without a plan has nothing to check (it waited forever on a year it does not have) */}
      {!shown ? <Empty description={lang === 'en' ? 'No annual plan here yet' : '本区县尚无年度计划，暂无可核验的目标任务'} /> : <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0} empty="该年度暂无已交办的目标任务">
        {(d) => {
          const rows = d.items.filter((r) => status === 'all' || (status === 'flagged' ? r.consistency === 'statedAbove' || r.consistency === 'statedBelow' : r.status === status));
          // target, reported and stated figures each written one way down their column (22.19公里, not 千米 here and 公里 there)
          const targetParts = (r: PromiseRow) => (r.unit && r.target.endsWith(r.unit) ? /^([^\d-]*)(-?[\d.]+)(?:–(-?[\d.]+))?$/.exec(r.target.slice(0, -r.unit.length)) : null);
          const targetCol = columnFormat(rows, (r) => ({ value: targetParts(r)?.[2], unit: r.unit }));
          const targetMax = columnFormat(rows, (r) => ({ value: targetParts(r)?.[3], unit: r.unit }));
          const reportedCol = columnFormat(rows, (r) => ({ value: r.reportedValue, unit: r.unit }));
          const statedCol = columnFormat(rows, (r) => ({ value: r.statedValue, unit: r.unit }));
          const targetOf = (r: PromiseRow) => {
            const m = targetParts(r);
            return m ? `${m[1]}${m[3] ? `${targetCol.get(r)}–${targetMax.get(r)}` : targetCol.get(r)}` : r.target;
          };
          return (
            <>
              {d.documents.length === 0 && (
                <Card size="small" style={{ marginBottom: 12, borderColor: '#faad14' }}>
                  {lang === 'en'
                    ? `Neither the ${d.year + 1} work report nor the ${d.year} record has been imported: every commitment shows as not mentioned. Import one under Import report, then check again.`
                    : `尚未导入${d.year + 1}年政府工作报告或${d.year}年工作纪实：所有任务均显示为“未提及”。请在“导入报告”中导入后再核验。`}
                </Card>
              )}
              <Row gutter={[12, 12]}>
                {ORDER.map((k) => (
                  <Col xs={12} md={5} key={k}>
                    <Card size="small" hoverable onClick={() => setStatus(k)}>
                      <Statistic title={t(PROMISE_LABELS[k].zh)} value={d.counts[k]} suffix="项" valueStyle={{ color: PROMISE_LABELS[k].color }} />
                    </Card>
                  </Col>
                ))}
                <Col xs={12} md={4}>
                  <Card size="small" hoverable onClick={() => setStatus('flagged')}>
                    <Statistic title={t('表述与报送不一致')} value={d.counts.flagged} suffix="项" valueStyle={{ color: d.counts.flagged ? '#cf1322' : undefined }} prefix={d.counts.flagged ? <WarningOutlined /> : undefined} />
                  </Card>
                </Col>
              </Row>
              <Card size="small" style={{ marginTop: 12 }} title={t('兑现情况（按领域）')}>
                <Chart
                  label="兑现情况（按领域）"
                  height={Math.max(160, 36 * new Set(d.items.map((r) => r.sector || '其他')).size + 60)}
                  onClick={(p) => p.seriesName && setStatus(ORDER.find((k) => PROMISE_LABELS[k].zh === p.seriesName) ?? 'all')}
                  option={(() => {
                    const sectors = [...new Set(d.items.map((r) => r.sector || '其他'))];
                    return {
                      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                      legend: { top: 0, itemGap: 20 },
                      grid: { left: 96, right: 24, top: 32, bottom: 8 },
                      xAxis: { type: 'value', minInterval: 1 },
                      yAxis: { type: 'category', data: sectors, inverse: true },
                      series: ORDER.map((k) => ({
                        name: PROMISE_LABELS[k].zh, type: 'bar', stack: 'all', barWidth: 18, itemStyle: { color: PROMISE_LABELS[k].color },
                        data: sectors.map((sec) => d.items.filter((r) => (r.sector || '其他') === sec && r.status === k).length),
                      })),
                    };
                  })()}
                />
              </Card>
              <Card
                size="small"
                style={{ marginTop: 12 }}
                title={
                  <Segmented
                    value={status}
                    onChange={(v) => setStatus(v as typeof status)}
                    options={[{ value: 'all', label: `${t('全部')} ${d.items.length}` }, ...ORDER.map((k) => ({ value: k, label: `${t(PROMISE_LABELS[k].zh)} ${d.counts[k]}` })), { value: 'flagged', label: `${t('不一致')} ${d.counts.flagged}` }]}
                  />
                }
              >
                <Table
                  rowKey="commitmentId"
                  size="small"
                  dataSource={rows}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  expandable={{ expandedRowRender: (r) => <Sentence row={r} />, rowExpandable: () => true }}
                  columns={[
                    { title: t('目标任务'), dataIndex: 'title', render: (title: string, r) => <a href={`/commitments/${r.commitmentId}`}>{r.parentId ? <span style={{ color: '#999' }}>└ </span> : null}{title}</a> },
                    { title: t('目标'), dataIndex: 'target', width: 110, render: (_: string, r) => targetOf(r) },
                    { title: t('部门报送'), dataIndex: 'reportedValue', width: 110, align: 'right', render: (v: string | null, r) => (v === null ? '—' : reportedCol.get(r)) },
                    { title: t('文件表述'), dataIndex: 'statedText', width: 110, align: 'right', render: (v: string | null, r) => (v === null ? (r.source ? t('文字表述') : '—') : r.statedValue !== null && r.unit ? `${/^[^\d-]*/.exec(v)![0]}${statedCol.get(r)}` : v) },
                    {
                      title: t('兑现情况'), dataIndex: 'status', width: 120,
                      render: (st: PromiseStatus, r) => (
                        <Space size={4}>
                          <Tag color={PROMISE_LABELS[st].color}>{t(PROMISE_LABELS[st].zh)}</Tag>
                          {r.confirmed ? <Tooltip title={r.note || t('督查室已确认')}><Tag>{t('已确认')}</Tag></Tooltip> : null}
                        </Space>
                      ),
                    },
                    {
                      title: t('一致性'), dataIndex: 'consistency', width: 130,
                      render: (c: PromiseRow['consistency'], r) =>
                        c === 'statedAbove' || c === 'statedBelow'
                          ? <Tag color="red" icon={<WarningOutlined />}>{t(c === 'statedAbove' ? '表述高于报送' : '表述低于报送')} {r.difference !== null ? `${r.difference > 0 ? '+' : ''}${r.unit === '%' ? `${r.difference}个百分点` : formatValue(String(r.difference), r.unit)}` : ''}</Tag>
                          : c === 'consistent' ? <Tag color="green">{t('一致')}</Tag> : '—',
                    },
                    { title: t('置信度'), dataIndex: 'confidence', width: 80, align: 'right', render: (c: number, r) => (r.confirmed || r.status === 'unmentioned' ? '—' : `${Math.round(c * 100)}%`) },
                    ...(isAdmin
                      ? [{
                          title: t('操作'), key: 'act', width: 90,
                          render: (_: unknown, r: PromiseRow) => (
                            <Button size="small" onClick={() => { setEditing(r); form.setFieldsValue({ status: r.status, statedValue: r.statedValue ?? '', setsYearEnd: r.yearEndSource === 'stated', note: r.note }); }}>
                              {r.confirmed ? t('更正') : t('确认')}
                            </Button>
                          ),
                        }]
                      : []),
                  ]}
                />
              </Card>
            </>
          );
        }}
      </DataState>}
      <Modal open={!!editing} title={`${t('确认兑现情况')}：${editing?.title ?? ''}`} onCancel={() => setEditing(null)} onOk={save} confirmLoading={saving} okText={t('保存')} cancelText={t('取消')} destroyOnHidden>
        {editing && (
          <>
            <Typography.Paragraph><Sentence row={editing} /></Typography.Paragraph>
            <Form form={form} layout="vertical">
              <Form.Item name="status" label={t('兑现情况')} rules={[{ required: true, message: t('请选择兑现情况') }]}>
                <Select options={ORDER.map((k) => ({ value: k, label: t(PROMISE_LABELS[k].zh) }))} />
              </Form.Item>
              <Form.Item name="statedValue" label={`${t('文件表述的数值')}${editing.unit ? `（${editing.unit}）` : ''}`} rules={[{ pattern: /^\s*-?\d+(\.\d+)?\s*$/, message: t('请填写数值，如 6200 或 3.9') }]}>
                <Input placeholder={t('文件未给出数值时留空')} />
              </Form.Item>
              {editing.reportedValue === null && (
                <Form.Item name="setsYearEnd" valuePropName="checked">
                  <Checkbox>{t('部门未报送年终数据：以此数值作为年终结果')}</Checkbox>
                </Form.Item>
              )}
              <Form.Item name="note" label={t('说明')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </Form>
          </>
        )}
      </Modal>
    </div>
  );
}
