/**
 * 目标任务: the filtered, sortable list; column settings, Excel export and bulk assignment (of
 * drafts only: an assigned commitment is not offered for 交办 again). `?state=draft` lists the drafts
 * (the workbench's 全部草稿); on a city's or province's 汇总 a 区县 column says whose each one is.
 */
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Popover, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api } from '../api.ts';
import { columnFormat, pct } from '../format.ts';
import { useLang, useT } from '../i18n.tsx';
import { LIFECYCLE_LABELS, STATUS_LABELS } from '../labels.ts';
import type { Answer, EvaluatedCommitment, Status } from '../model.ts';
import { useSession } from '../session.tsx';
import { useSubmit } from '../useSubmit.ts';
import { OverdueTag, STATUS_ORDER, STATUS_STYLE, StatusTag } from '../status.tsx';
import { DataState, useApi } from '../useApi.tsx';
import { isSupervised } from '../live.ts';
import { commitmentsWorkbook, targetText } from '../commitmentsExport.ts';
import { download } from '../download.ts';
import { DepartmentSelect } from '../DepartmentSelect.tsx';

const ALL_COLUMNS = ['sector', 'lead', 'target', 'latest', 'completion', 'expected', 'status', 'deadline', 'state', 'livelihood'] as const;
type ColumnKey = (typeof ALL_COLUMNS)[number];
const COLUMN_LABELS: Record<ColumnKey, string> = { sector: '领域', lead: '牵头单位', target: '目标', latest: '最新进展', completion: '完成率', expected: '序时进度', status: '状态', deadline: '截止日期', state: '办理阶段', livelihood: '民生实事' };
const DEFAULT_HIDDEN: ColumnKey[] = ['state', 'expected'];

export { targetText } from '../commitmentsExport.ts';

/** 完成率 as a bar with 序时进度 marked by a dashed line; the numbers are written out too. */
export function CompletionBar({ c }: { c: EvaluatedCommitment }) {
  const rate = c.evaluation.completionRate;
  if (rate === null) return <span style={{ color: '#8c8c8c' }}>—</span>;
  const expected = Math.min(100, c.evaluation.expectedProgress);
  return (
    <div title={`完成率 ${pct(rate)}，序时进度 ${pct(c.evaluation.expectedProgress)}`} style={{ display: 'flex', alignItems: 'center', gap: 6, minWidth: 130 }}>
      <div role="progressbar" aria-valuenow={rate} aria-valuemin={0} aria-valuemax={100} aria-label="完成率" style={{ position: 'relative', flex: 1, height: 8, background: '#f0f0f0', borderRadius: 4 }}>
        <div style={{ width: `${Math.min(100, rate)}%`, height: '100%', background: STATUS_STYLE[c.evaluation.status].chart, borderRadius: 4 }} />
        <div aria-hidden style={{ position: 'absolute', top: -3, bottom: -3, left: `${expected}%`, borderLeft: '2px dashed #262626' }} />
      </div>
      <span style={{ fontVariantNumeric: 'tabular-nums', fontSize: 12, minWidth: 42, textAlign: 'right' }}>{pct(rate)}</span>
    </div>
  );
}

export default function Commitments() {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const [params, setParams] = useSearchParams();
  const statuses = (params.get('status') ?? '').split(',').filter(Boolean) as Status[];
  const query = {
    ...s.scope,
    sector: params.get('sector') ?? undefined,
    department: params.get('department') ?? undefined,
    status: statuses.length ? statuses : undefined,
    livelihood: params.get('livelihood') ?? undefined,
    overdue: params.get('overdue') ?? undefined,
    q: params.get('q') ?? undefined,
    sort: params.get('sort') ?? undefined,
    order: params.get('order') ?? undefined,
  };
  const stage = params.get('state') ?? undefined;
  const withDrafts = params.get('drafts') === 'true' || stage !== undefined;
  const fetched = useApi<Answer<'listCommitments'>>('/commitments', { ...query, topLevel: 'true' });
  // imported drafts and cancelled commitments are not under supervision: shown only when asked for
  const loaded = useMemo(() => ({ ...fetched, data: fetched.data && { ...fetched.data, items: fetched.data.items.filter((c) => (stage ? c.state === stage : withDrafts || isSupervised(c)) && s.inYear(c)) } }), [fetched, withDrafts, stage, s]);
  const [hidden, setHidden] = useState<ColumnKey[]>(() => {
    try {
      return JSON.parse(localStorage.getItem('duban.columns.commitments') ?? 'null') ?? DEFAULT_HIDDEN;
    } catch {
      return DEFAULT_HIDDEN;
    }
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [assignOpen, setAssignOpen] = useState(false);
  // the selection among the commitments listed now: a filter changed after selecting hides some, and
  // the button, the dialog and the request all count the same ones
  // only drafts are assigned (交办 is a draft's step): selection and 批量交办 exist while drafts are listed
  const selectedItems = useMemo(() => loaded.data?.items.filter((c) => c.state === 'draft' && selected.includes(c.id)) ?? [], [loaded.data, selected]);
  const isAdmin = s.user?.role === 'admin';
  const draftsListed = isAdmin && (loaded.data?.items.some((c) => c.state === 'draft') ?? false);
  const regionNames = useMemo(() => new Map(s.regions.map((r) => [r.code, r.name])), [s.regions]);
  // the target and latest-value columns each write a kind of unit one way (11880人 beside 12600人, not 1.26万人)
  const targets = useMemo(() => columnFormat(loaded.data?.items ?? [], (c) => ({ value: c.targetValue, unit: c.unit })), [loaded.data]);
  const latest = useMemo(() => columnFormat(loaded.data?.items ?? [], (c) => ({ value: c.evaluation.latestValue, unit: c.unit })), [loaded.data]);
  const sectors = useMemo(() => [...new Set((loaded.data?.items ?? []).map((c) => c.sector))].sort(), [loaded.data]);
  const [sectorOptions, setSectorOptions] = useState<string[]>([]);
  if (sectors.length > sectorOptions.length && !query.sector) setSectorOptions(sectors);

  const set = (k: string, v: string | undefined) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    setParams(p, { replace: true });
  };

  const columns: ColumnsType<EvaluatedCommitment> = [
    {
      title: t('任务名称'), dataIndex: 'title', key: 'title', fixed: 'left', width: 260,
      render: (title: string, c) => (
        <Space size={4} wrap>
          <Link to={`/commitments/${c.id}`}>{title}</Link>
          {c.subtaskCount > 0 && <Tag>{c.subtaskCount}项子任务</Tag>}
        </Space>
      ),
      sorter: true, sortOrder: query.sort === 'title' ? (query.order === 'desc' ? 'descend' : 'ascend') : null,
    },
    ...(s.scope.children ? [{ title: t('区县'), dataIndex: 'regionCode', key: 'region', width: 100, render: (code: string) => regionNames.get(code) ?? code }] : []),
    { title: t('领域'), dataIndex: 'sector', key: 'sector', width: 100, sorter: true, sortOrder: query.sort === 'sector' ? (query.order === 'desc' ? 'descend' : 'ascend') : null },
    { title: t('牵头单位'), key: 'lead', width: 120, render: (_, c) => s.deptName(c.leadDepartmentId) },
    { title: t('目标'), key: 'target', width: 140, render: (_, c) => targetText(c, targets.get(c)) },
    { title: t('最新进展'), key: 'latest', width: 130, render: (_, c) => (c.evaluation.latestValue ? <span data-testid="latest-value">{latest.get(c)}<br /><small style={{ color: '#666' }}>{c.evaluation.latestPeriod}</small></span> : '—') },
    { title: t('完成率'), key: 'completionRate', width: 170, render: (_, c) => (isSupervised(c) ? <CompletionBar c={c} /> : <span style={{ color: '#8c8c8c' }}>—</span>), sorter: true, sortOrder: query.sort === 'completionRate' ? (query.order === 'desc' ? 'descend' : 'ascend') : null },
    { title: t('序时进度'), key: 'expected', width: 90, align: 'right', render: (_, c) => pct(c.evaluation.expectedProgress) },
    { title: t('状态'), key: 'status', width: 150, render: (_, c) => (isSupervised(c)
      ? <span>{<StatusTag status={c.evaluation.status} />}<OverdueTag evaluation={c.evaluation} /></span>
      // a draft or a cancelled commitment is not supervised: no 滞后 or 逾期 to show, its stage instead
      : <Tag>{t(LIFECYCLE_LABELS[c.state] ?? c.state)}</Tag>), sorter: true, sortOrder: query.sort === 'status' ? (query.order === 'desc' ? 'descend' : 'ascend') : null },
    { title: t('截止日期'), dataIndex: 'deadline', key: 'deadline', width: 110, sorter: true, sortOrder: query.sort === 'deadline' ? (query.order === 'desc' ? 'descend' : 'ascend') : null },
    { title: t('办理阶段'), key: 'state', width: 100, render: (_, c) => t(LIFECYCLE_LABELS[c.state] ?? c.state) },
    { title: t('民生实事'), key: 'livelihood', width: 90, render: (_, c) => (c.livelihood ? <Tag color="red">民生实事</Tag> : null) },
  ];
  const keyOf = (k: string): ColumnKey | undefined => (k === 'completionRate' ? 'completion' : (ALL_COLUMNS as readonly string[]).includes(k) ? (k as ColumnKey) : undefined);
  const shown = columns.filter((col) => {
    const k = keyOf(String(col.key));
    // with drafts in the list, the stage tells them apart
    return !k || !hidden.includes(k) || (k === 'state' && withDrafts && !stage);
  });

  function exportExcel(items: EvaluatedCommitment[]) {
    const asOf = loaded.data?.asOf ?? '';
    download(commitmentsWorkbook(items, { regionName: s.region?.name ?? '', asOf, deptName: (id) => s.deptName(id) }), `目标任务_${s.region?.name ?? ''}_${asOf}.xlsx`);
  }

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('目标任务')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }} aria-label="筛选">
        <Input.Search
          aria-label={t('搜索任务名称')}
          placeholder={t('搜索任务名称')}
          allowClear
          defaultValue={query.q}
          onSearch={(v) => set('q', v || undefined)}
          style={{ width: 220 }}
        />
        <Select aria-label={t('领域')} placeholder={t('领域')} allowClear style={{ width: 140 }} value={query.sector} onChange={(v) => set('sector', v)} options={(sectorOptions.length ? sectorOptions : sectors).map((x) => ({ value: x, label: x }))} />
        <DepartmentSelect aria-label={t('牵头单位')} placeholder={t('牵头单位')} allowClear style={{ width: 180 }} value={query.department} onChange={(v) => set('department', v as string | undefined)} />
        <Select
          aria-label={t('状态')}
          placeholder={t('状态')}
          mode="multiple"
          allowClear
          style={{ minWidth: 180 }}
          value={statuses}
          onChange={(v: string[]) => set('status', v.join(',') || undefined)}
          options={STATUS_ORDER.map((st) => ({ value: st, label: t(STATUS_LABELS[st]) }))}
        />
        <Checkbox checked={query.livelihood === 'true'} onChange={(e) => set('livelihood', e.target.checked ? 'true' : undefined)}>{t('仅民生实事')}</Checkbox>
        <Select
          aria-label={t('逾期')}
          placeholder={t('逾期')}
          allowClear
          style={{ width: 132 }}
          value={query.overdue}
          onChange={(v) => set('overdue', v)}
          options={[{ value: 'true', label: t('全部逾期') }, { value: 'report', label: t('逾期未报送') }, { value: 'deadline', label: t('逾期未完成') }]}
        />
        <Select
          aria-label={t('办理阶段')}
          placeholder={t('办理阶段')}
          allowClear
          style={{ width: 140 }}
          value={stage}
          onChange={(v) => set('state', v)}
          options={Object.entries(LIFECYCLE_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
        />
        {!stage && <Checkbox checked={withDrafts} onChange={(e) => set('drafts', e.target.checked ? 'true' : undefined)}>{t('含草稿和已取消')}</Checkbox>}
        <Popover
          trigger="click"
          title={t('列设置')}
          content={
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              value={ALL_COLUMNS.filter((k) => !hidden.includes(k))}
              onChange={(v) => {
                const h = ALL_COLUMNS.filter((k) => !(v as string[]).includes(k));
                setHidden(h);
                localStorage.setItem('duban.columns.commitments', JSON.stringify(h));
              }}
              options={ALL_COLUMNS.map((k) => ({ value: k, label: t(COLUMN_LABELS[k]) }))}
            />
          }
        >
          <Button>{t('列设置')}</Button>
        </Popover>
        <Button onClick={() => loaded.data && exportExcel(loaded.data.items)} disabled={!loaded.data?.items.length}>{t('导出Excel')}</Button>
        {draftsListed && (
          <Button type="primary" disabled={!selectedItems.length} onClick={() => setAssignOpen(true)} title={t('勾选草稿后批量交办')}>
            {t('批量交办')}{selectedItems.length ? `（${selectedItems.length}）` : ''}
          </Button>
        )}
      </Space>
      <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0} empty={lang === 'en' ? 'No commitments match these filters' : '没有符合条件的目标任务'}>
        {(d) => (
          <Table
            rowKey="id"
            size="middle"
            dataSource={d.items}
            columns={shown}
            loading={loaded.loading}
            scroll={{ x: 1100 }}
            pagination={{ pageSize: 20, showTotal: (n) => (lang === 'en' ? `${n} commitments` : `共 ${n} 项`), showSizeChanger: true }}
            rowSelection={draftsListed ? {
              selectedRowKeys: selected.filter((id) => d.items.some((c) => c.id === id && c.state === 'draft')),
              onChange: (k) => setSelected(k as string[]),
              // 交办 is a draft's step: an assigned or cancelled commitment cannot be picked
              getCheckboxProps: (c) => ({ disabled: c.state !== 'draft', title: c.state !== 'draft' ? t(LIFECYCLE_LABELS[c.state] ?? c.state) : undefined }),
            } : undefined}
            onChange={(_p, _f, sorter) => {
              const so = Array.isArray(sorter) ? sorter[0] : sorter;
              const p = new URLSearchParams(params);
              if (so?.order && so.columnKey) {
                p.set('sort', String(so.columnKey));
                p.set('order', so.order === 'descend' ? 'desc' : 'asc');
              } else {
                p.delete('sort');
                p.delete('order');
              }
              setParams(p, { replace: true });
            }}
          />
        )}
      </DataState>
      {assignOpen && loaded.data && (
        <BulkAssign
          items={selectedItems}
          onClose={(done) => {
            setAssignOpen(false);
            if (done) {
              setSelected([]);
              loaded.reload();
            }
          }}
        />
      )}
    </div>
  );
}

/** 批量交办: one lead department (and optional co-departments, leader) for every selected commitment; all or none. */
function BulkAssign({ items, onClose }: { items: EvaluatedCommitment[]; onClose(done: boolean): void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { busy, error, run } = useSubmit();
  async function submit() {
    // an incomplete form shows its messages in place; nothing is sent
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      await api('/commitments/assign', {
        method: 'POST',
        body: { items: items.map((c) => ({ id: c.id, version: c.version, leadDepartmentId: v.leadDepartmentId, coDepartmentIds: v.coDepartmentIds ?? [], responsibleLeader: v.responsibleLeader || undefined })) },
      });
      message.success(lang === 'en' ? `${items.length} assigned` : `已交办 ${items.length} 项`);
      onClose(true);
    });
  }
  return (
    <Modal open title={`${t('批量交办')}（${items.length}）`} onCancel={() => onClose(false)} onOk={submit} confirmLoading={busy} okText={t('交办')} cancelText={t('取消')}>
      <ul style={{ maxHeight: 140, overflow: 'auto', paddingLeft: 18 }}>{items.map((c) => <li key={c.id}>{c.title}</li>)}</ul>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="bulk-assign">
        <Form.Item name="leadDepartmentId" label={t('牵头单位')} rules={[{ required: true, message: '请选择牵头单位' }]}>
          <DepartmentSelect />
        </Form.Item>
        <Form.Item name="coDepartmentIds" label={t('配合单位')}>
          <DepartmentSelect mode="multiple" />
        </Form.Item>
        <Form.Item name="responsibleLeader" label={t('责任领导')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
