/**
 * The lifecycle in the web app (办理流程): the dialogs for 交办, 签收 with 办理方案, 开始推进, 办结申请,
 * 办结/退回办结, 取消, 修改, 变更申请 and its decision, 分解, 节点 and report review, shared by the
 * detail page and the workbenches. Each dialog sends one request and shows the server's refusal in
 * place; the buttons that open them follow `allowed` from the server (a role never sees a button
 * it may not use).
 */
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Table, Tag, Tooltip, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from './api.ts';
import { cnDate, formatValue, periodLabel } from './format.ts';
import { COMPARATOR_LABELS, FREQUENCY_LABELS, LIFECYCLE_LABELS } from './labels.ts';
import type { Answer, ChangeRequest, CloseRequestItem, CommitmentDetail, ProgressReport } from './model.ts';
import { useSubmit } from './useSubmit.ts';
import { useLang, useT } from './i18n.tsx';
import { EN } from './en.ts';
import { DataState, useApi } from './useApi.tsx';
import { DepartmentSelect } from './DepartmentSelect.tsx';

/** Who acts, in the office's words. */
export const LIFECYCLE_ROLE_LABELS: Record<string, string> = { admin: '督查室', leadReporter: '牵头单位', leader: '领导' };
export const CHANGE_KIND_LABELS: Record<string, string> = { adjust: '调整', extend: '延期', cancel: '取消' };
export const DECISION_STATE_LABELS: Record<string, string> = { pending: '待审批', approved: '已批准', refused: '不予批准' };
const DECISION_STATE_COLORS: Record<string, string> = { pending: 'processing', approved: 'success', refused: 'default' };

export const iso = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);
const day = (s: string | null | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined);

/** A dialog around one form: validation stays in the form (nothing thrown), the server's refusal shows on top. */
export function FormModal({ title, okText, danger, form, onClose, onSubmit, children, width, okDisabled, name }: {
  title: ReactNode; okText: string; danger?: boolean; form: FormInstance; onClose(done: boolean): void;
  onSubmit(values: Record<string, unknown>): Promise<void>; children: ReactNode; width?: number; okDisabled?: boolean; name: string;
}) {
  const t = useT();
  const { busy, error, run } = useSubmit();
  async function ok() {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    await run(async () => {
      await onSubmit(values);
      onClose(true);
    });
  }
  return (
    <Modal open title={title} onCancel={() => onClose(false)} onOk={ok} confirmLoading={busy} okText={okText} cancelText={t('取消')} okButtonProps={{ danger, disabled: okDisabled }} width={width} destroyOnHidden>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name={name}>
        {children}
      </Form>
    </Modal>
  );
}

const inWindow = (c: { startDate: string; deadline: string }) => (d: Dayjs) => d.isBefore(dayjs(c.startDate), 'day') || d.isAfter(dayjs(c.deadline), 'day');

/** 交办: the office hands the commitment to its lead department. */
export function AssignModal({ c, onClose }: { c: CommitmentDetail; onClose(done: boolean): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  return (
    <FormModal title={`${t('交办')} · ${c.title}`} okText={t('交办')} form={form} onClose={onClose} name="assign"
      onSubmit={async (v) => {
        await api(`/commitments/${c.id}/assign`, { method: 'POST', body: { version: c.version, leadDepartmentId: v.leadDepartmentId, coDepartmentIds: v.coDepartmentIds ?? [], responsibleLeader: (v.responsibleLeader as string) || null } });
        message.success(t('已交办，等待牵头单位签收'));
      }}>
      <Form.Item name="leadDepartmentId" label={t('牵头单位')} initialValue={c.leadDepartmentId ?? undefined} rules={[{ required: true, message: t('请选择牵头单位') }]}>
        <DepartmentSelect />
      </Form.Item>
      <Form.Item name="coDepartmentIds" label={t('配合单位')} initialValue={c.coDepartmentIds}>
        <DepartmentSelect mode="multiple" />
      </Form.Item>
      <Form.Item name="responsibleLeader" label={t('责任领导')} initialValue={c.responsibleLeader ?? ''} rules={[{ max: 50, message: t('不超过50字') }]}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}

/** 签收: the lead department accepts the task and files its 办理方案 (responsible person, dated steps). */
export function AcknowledgeModal({ c, onClose }: { c: Pick<CommitmentDetail, 'id' | 'version' | 'title' | 'milestones' | 'startDate' | 'deadline'>; onClose(done: boolean): void }) {
  const t = useT();
  const en = useLang().lang === 'en';
  const { message } = App.useApp();
  const [form] = Form.useForm();
  // the steps start from the milestones the office set, each from the previous one's date
  const initialSteps = c.milestones.length
    ? c.milestones.map((m, i) => ({ title: m.title, range: [day(i ? c.milestones[i - 1]!.dueDate : c.startDate), day(m.dueDate)] }))
    : [{ title: '', range: [day(c.startDate), day(c.deadline)] }];
  return (
    <FormModal title={`${t('签收并报送办理方案')} · ${c.title}`} okText={t('签收')} form={form} onClose={onClose} width={760} name="acknowledge"
      onSubmit={async (v) => {
        const steps = (v.steps as { title: string; range: [Dayjs, Dayjs]; responsiblePerson?: string }[]).map((x) => ({
          title: x.title, startDate: iso(x.range[0]), endDate: iso(x.range[1]), responsiblePerson: x.responsiblePerson || null,
        }));
        await api(`/commitments/${c.id}/acknowledge`, { method: 'POST', body: { version: c.version, workPlan: { responsiblePerson: v.responsiblePerson, contact: (v.contact as string) || null, steps } } });
        message.success(t('已签收，办理方案已报送'));
      }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {en ? `The task runs from ${c.startDate} to ${c.deadline}; every step must fall within it.` : `任务期限 ${cnDate(c.startDate)} 至 ${cnDate(c.deadline)}；各步骤须在期限内。`}
      </Typography.Paragraph>
      <Space size={16} style={{ display: 'flex' }}>
        <Form.Item name="responsiblePerson" label={t('责任人')} rules={[{ required: true, whitespace: true, message: t('请填写责任人') }, { max: 50, message: t('不超过50字') }]} style={{ flex: 1 }}>
          <Input placeholder={t('如：张科长')} />
        </Form.Item>
        <Form.Item name="contact" label={t('联系方式')} rules={[{ max: 50, message: t('不超过50字') }]} style={{ flex: 1 }}>
          <Input placeholder={t('电话')} />
        </Form.Item>
      </Space>
      <Form.List name="steps" initialValue={initialSteps} rules={[{ validator: async (_, v) => { if (!v?.length) throw new Error(t('至少填写一个工作步骤')); } }]}>
        {(fields, { add, remove }, { errors }) => (
          <div data-testid="work-plan-steps">
            <div style={{ fontWeight: 500, marginBottom: 8 }}>{t('工作步骤')}</div>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" style={{ display: 'flex' }} data-testid="work-plan-step">
                <span style={{ lineHeight: '32px', width: 20 }}>{i + 1}.</span>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: t('请填写步骤') }]} style={{ width: 230 }}>
                  <Input aria-label={`第${i + 1}步`} placeholder={t('步骤，如：制定实施方案')} />
                </Form.Item>
                <Form.Item name={[f.name, 'range']} rules={[{ required: true, message: t('请选择起止日期') }]}>
                  <DatePicker.RangePicker aria-label={`第${i + 1}步起止日期`} disabledDate={inWindow(c)} style={{ width: 250 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'responsiblePerson']} style={{ width: 110 }}>
                  <Input aria-label={`第${i + 1}步责任人`} placeholder={t('责任人')} />
                </Form.Item>
                {fields.length > 1 && <Button type="text" onClick={() => remove(f.name)} aria-label={`删除第${i + 1}步`}>{t('删除')}</Button>}
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ title: '', range: [day(c.startDate), day(c.deadline)] })}>{t('添加步骤')}</Button>
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>
    </FormModal>
  );
}

/** 办结申请: a summary and the evidence, picked from the files of accepted reports. */
export function RequestCloseModal({ c, onClose }: { c: CommitmentDetail; onClose(done: boolean): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const files = c.reports.filter((r) => r.state === 'accepted').flatMap((r) => r.evidence.map((e) => ({ value: e.id, label: `${e.filename}（${periodLabel(r.period)}）` })));
  return (
    <FormModal title={`${t('办结申请')} · ${c.title}`} okText={t('提交办结申请')} form={form} onClose={onClose} okDisabled={!files.length} name="request-close"
      onSubmit={async (v) => {
        await api(`/commitments/${c.id}/request-close`, { method: 'POST', body: { version: c.version, summary: v.summary, evidenceIds: v.evidenceIds } });
        message.success(t('办结申请已提交，等待督查室审核'));
      }}>
      {!files.length && <Alert type="warning" showIcon title={t('尚无已采纳报送的证明材料：请先随进展报送上传材料，经督查室采纳后再申请办结。')} style={{ marginBottom: 12 }} />}
      <Form.Item name="summary" label={t('完成情况说明')} rules={[{ required: true, whitespace: true, message: t('请说明完成情况') }, { max: 5000, message: t('不超过5000字') }]}>
        <Input.TextArea rows={4} placeholder={t('如：全年新增就业6200人，超额完成目标')} />
      </Form.Item>
      <Form.Item name="evidenceIds" label={t('证明材料（取自已采纳的报送）')} rules={[{ required: true, message: t('请至少选择一份证明材料') }]}>
        <Checkbox.Group options={files} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
      </Form.Item>
    </FormModal>
  );
}

/** The pending 办结申请 of a commitment with its evidence, as the office decides it. */
function PendingCloseRequest({ c }: { c: Pick<CommitmentDetail, 'id' | 'regionCode'> }) {
  const t = useT();
  const loaded = useApi<Answer<'listCloseRequests'>>('/close-requests', { region: c.regionCode, commitment: c.id, state: 'pending' });
  return (
    <DataState loaded={loaded} rows={2} isEmpty={(d) => !d.items.length} empty={t('没有待审核的办结申请')}>
      {(d) => <CloseRequestText r={d.items[0]!} />}
    </DataState>
  );
}

export function CloseRequestText({ r }: { r: CloseRequestItem }) {
  const t = useT();
  const en = useLang().lang === 'en';
  return (
    <div style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4, padding: 10, marginBottom: 12 }}>
      <div style={{ whiteSpace: 'pre-wrap' }}>{r.summary}</div>
      <Space size={8} wrap style={{ marginTop: 6 }}>
        {t('证明材料')}{en ? ': ' : '：'}{r.evidence.map((e) => <a key={e.id} href={`/api/evidence/${e.id}`} download={e.filename}>{e.filename}</a>)}
      </Space>
    </div>
  );
}

/** 办结销号 or 退回办结申请 (a reason is required to return). */
export function CloseDecisionModal({ c, action, onClose }: { c: Pick<CommitmentDetail, 'id' | 'regionCode' | 'version' | 'title'>; action: 'close' | 'rejectClose'; onClose(done: boolean): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const closing = action === 'close';
  return (
    <FormModal title={`${closing ? t('办结销号') : t('退回办结申请')} · ${c.title}`} okText={closing ? t('办结销号') : t('退回')} danger={!closing} form={form} onClose={onClose} name={action}
      onSubmit={async (v) => {
        await api(`/commitments/${c.id}/transitions/${action}`, { method: 'POST', body: { version: c.version, comment: (v.comment as string) || undefined } });
        message.success(closing ? t('已办结销号') : t('已退回办结申请'));
      }}>
      <PendingCloseRequest c={c} />
      <Form.Item name="comment" label={closing ? t('审核意见') : t('退回理由')} rules={[{ required: !closing, whitespace: true, message: t('请写明退回理由') }, { max: 2000, message: t('不超过2000字') }]}>
        <Input.TextArea rows={3} placeholder={closing ? t('如：同意销号') : t('如：请补充验收报告')} />
      </Form.Item>
    </FormModal>
  );
}

/** 取消 by the office directly (a department asks through a change request). */
export function CancelModal({ c, onClose }: { c: CommitmentDetail; onClose(done: boolean): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  return (
    <FormModal title={`${t('取消任务')} · ${c.title}`} okText={t('取消任务')} danger form={form} onClose={onClose} name="cancel"
      onSubmit={async (v) => {
        await api(`/commitments/${c.id}/transitions/cancel`, { method: 'POST', body: { version: c.version, comment: v.comment } });
        message.success(t('任务已取消'));
      }}>
      <Alert type="warning" showIcon title={t('取消后任务不再督办、不再计入完成情况，且不能恢复。')} style={{ marginBottom: 12 }} />
      <Form.Item name="comment" label={t('取消理由')} rules={[{ required: true, whitespace: true, message: t('请写明取消理由') }, { max: 2000, message: t('不超过2000字') }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

const EDIT_LABELS: Record<string, string> = {
  title: '任务名称', sector: '领域', livelihood: '民生实事', leadDepartmentId: '牵头单位', coDepartmentIds: '配合单位', responsibleLeader: '责任领导', reportingFrequency: '报送频次',
  targetValue: '目标值', targetValueMax: '目标上限', unit: '单位', comparator: '比较方式', baselineValue: '基数', startDate: '开始日期', deadline: '截止日期',
};
const EDIT_LABELS_EN: Record<string, string> = {
  title: 'Title', sector: 'Sector', livelihood: 'Livelihood project', leadDepartmentId: 'Lead department', coDepartmentIds: 'Co-departments', responsibleLeader: 'Responsible leader', reportingFrequency: 'Reporting',
  targetValue: 'Target', targetValueMax: 'Target maximum', unit: 'Unit', comparator: 'Comparator', baselineValue: 'Baseline', startDate: 'Start date', deadline: 'Deadline',
};
/** A commitment field's name in the chosen language (单位 here is the unit of measure). */
const fieldLabel = (k: string, en: boolean): string => (en ? EDIT_LABELS_EN[k] : EDIT_LABELS[k]) ?? (k === 'milestones' ? (en ? 'Milestones' : '节点') : k);
const DATE_FIELDS = new Set(['startDate', 'deadline']);

/** 修改: the fields the commitment's state lets the office edit (docs/decisions.md); only changed ones are sent. */
export function EditModal({ c, onClose }: { c: CommitmentDetail; onClose(done: boolean): void }) {
  const t = useT();
  const en = useLang().lang === 'en';
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const editable = new Set<string>(c.allowed.editable);
  const shown = Object.keys(EDIT_LABELS).filter((k) => editable.has(k));
  const current = c as unknown as Record<string, unknown>;
  const field = (k: string): ReactNode => {
    switch (k) {
      case 'livelihood': return <Switch />;
      case 'leadDepartmentId': return <DepartmentSelect />;
      case 'coDepartmentIds': return <DepartmentSelect mode="multiple" />;
      case 'reportingFrequency': return <Select options={Object.entries(FREQUENCY_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />;
      case 'comparator': return <Select allowClear options={Object.entries(COMPARATOR_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />;
      case 'startDate': case 'deadline': return <DatePicker style={{ width: '100%' }} />;
      case 'title': return <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />;
      default: return <Input />;
    }
  };
  return (
    <FormModal title={`${t('修改')} · ${c.title}`} okText={t('保存')} form={form} onClose={onClose} width={640} name="edit"
      onSubmit={async (v) => {
        const patch: Record<string, unknown> = {};
        for (const k of shown) {
          let x = v[k];
          if (DATE_FIELDS.has(k)) x = iso(x as Dayjs);
          if (typeof x === 'string') x = x.trim() === '' && k !== 'title' ? null : x.trim();
          if (JSON.stringify(x ?? null) !== JSON.stringify(current[k] ?? null)) patch[k] = x;
        }
        if (!Object.keys(patch).length) return;
        await api(`/commitments/${c.id}`, { method: 'PATCH', body: { version: c.version, ...patch } });
        message.success(t('已保存'));
      }}>
      {c.state !== 'draft' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }}
          title={en ? `In the “${t(LIFECYCLE_LABELS[c.state] ?? c.state)}” stage these can be edited directly; target, unit and deadline change only through a change request (申请变更) approved by the office.` : `“${LIFECYCLE_LABELS[c.state]}”阶段可直接修改以下各项；目标、单位、期限须由牵头单位或督查室提出“申请变更”，经督查室批准后生效。`} />
      )}
      {shown.map((k) => (
        <Form.Item key={k} name={k} label={fieldLabel(k, en)} valuePropName={k === 'livelihood' ? 'checked' : 'value'}
          initialValue={DATE_FIELDS.has(k) ? day(current[k] as string) : (current[k] ?? undefined)}
          rules={k === 'title' ? [{ required: true, whitespace: true, message: t('请填写任务名称') }, { max: 500, message: t('不超过500字') }] : k === 'targetValue' || k === 'targetValueMax' || k === 'baselineValue' ? [{ pattern: /^-?\d+(\.\d+)?$/, message: t('请填写数字') }] : undefined}>
          {field(k)}
        </Form.Item>
      ))}
    </FormModal>
  );
}

/** One changed field: its name, before and after, as written. */
export interface ChangeRow { field: string; before: string; after: string }

/** What an (approved) change request would change on the commitment. */
export function changeRows(c: Pick<CommitmentDetail, 'deadline' | 'targetValue' | 'targetValueMax' | 'unit' | 'comparator' | 'baselineValue' | 'state'>, r: Pick<ChangeRequest, 'kind' | 'changes'>, en = false): ChangeRow[] {
  if (r.kind === 'cancel') return [{ field: en ? 'Stage' : '办理阶段', before: en ? EN[LIFECYCLE_LABELS[c.state] ?? ''] ?? c.state : LIFECYCLE_LABELS[c.state] ?? c.state, after: en ? 'Cancelled' : '已取消' }];
  const cur = c as unknown as Record<string, unknown>;
  const show = (k: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (k === 'deadline') return en ? String(v) : cnDate(String(v));
    if (k === 'comparator') return (en ? EN[COMPARATOR_LABELS[String(v)] ?? ''] : COMPARATOR_LABELS[String(v)]) ?? String(v);
    if (k === 'targetValue' || k === 'targetValueMax' || k === 'baselineValue') return formatValue(String(v), (r.changes.unit ?? c.unit) as string | null);
    if (k === 'milestones') return en ? `${(v as unknown[]).length} milestones` : `${(v as unknown[]).length}个节点`;
    return String(v);
  };
  return Object.entries(r.changes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ({ field: fieldLabel(k, en), before: show(k, cur[k]), after: show(k, v) }));
}

export function ChangePreview({ rows }: { rows: ChangeRow[] }) {
  const t = useT();
  return (
    <Table size="small" rowKey="field" pagination={false} dataSource={rows} data-testid="change-preview"
      columns={[
        { title: t('项目'), dataIndex: 'field', width: 110 },
        { title: t('变更前'), dataIndex: 'before' },
        { title: t('变更后'), dataIndex: 'after', render: (x: string) => <b style={{ color: '#a8071a' }}>{x}</b> },
      ]}
    />
  );
}

/** 申请变更: 调整 the target, 延期 the deadline or 取消, with a reason; takes effect only when the office approves. */
export function ChangeRequestModal({ c, onClose }: { c: CommitmentDetail; onClose(done: boolean): void }) {
  const t = useT();
  const en = useLang().lang === 'en';
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) ?? 'extend';
  const values = Form.useWatch([], form) as Record<string, unknown> | undefined;
  const changesOf = (v: Record<string, unknown> | undefined): Record<string, unknown> => {
    if (!v) return {};
    if (v.kind === 'extend') return v.deadline ? { deadline: iso(v.deadline as Dayjs) } : {};
    if (v.kind !== 'adjust') return {};
    const out: Record<string, unknown> = {};
    for (const k of ['targetValue', 'targetValueMax', 'unit', 'comparator', 'baselineValue']) {
      const x = typeof v[k] === 'string' ? (v[k] as string).trim() || null : (v[k] ?? null);
      if (JSON.stringify(x) !== JSON.stringify((c as unknown as Record<string, unknown>)[k] ?? null)) out[k] = x;
    }
    return out;
  };
  const preview = changeRows(c, { kind: (values?.kind as ChangeRequest['kind']) ?? 'extend', changes: changesOf(values) }, en);
  return (
    <FormModal title={`${t('申请变更')} · ${c.title}`} okText={t('提交申请')} form={form} onClose={onClose} width={640} name="change-request"
      onSubmit={async (v) => {
        await api(`/commitments/${c.id}/change-requests`, { method: 'POST', body: { kind: v.kind, changes: changesOf(v), reason: v.reason } });
        message.success(t('变更申请已提交，等待督查室审批'));
      }}>
      <Form.Item name="kind" label={t('变更类型')} initialValue="extend">
        <Radio.Group optionType="button" options={[{ value: 'extend', label: t('延期') }, { value: 'adjust', label: t('调整目标') }, { value: 'cancel', label: t('取消任务') }]} />
      </Form.Item>
      {kind === 'extend' && (
        <Form.Item name="deadline" label={en ? `New deadline (now ${c.deadline})` : `新的截止日期（现为${cnDate(c.deadline)}）`}
          rules={[{ required: true, message: t('请选择新的截止日期') }, { validator: async (_, d: Dayjs | undefined) => { if (d && !d.isAfter(dayjs(c.deadline), 'day')) throw new Error(t('新的截止日期须晚于原截止日期')); } }]}>
          <DatePicker style={{ width: 220 }} />
        </Form.Item>
      )}
      {kind === 'adjust' && (
        <Space wrap size={12}>
          <Form.Item name="comparator" label={t('比较方式')} initialValue={c.comparator ?? undefined}>
            <Select style={{ width: 150 }} options={Object.entries(COMPARATOR_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Form.Item name="targetValue" label={t('目标值')} initialValue={c.targetValue ?? ''} rules={[{ pattern: /^-?\d+(\.\d+)?$/, message: t('请填写数字') }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="targetValueMax" label={t('目标上限（区间）')} initialValue={c.targetValueMax ?? ''} rules={[{ pattern: /^-?\d+(\.\d+)?$/, message: t('请填写数字') }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="unit" label={en ? 'Unit' : '单位'} initialValue={c.unit ?? ''}>
            <Input style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="baselineValue" label={t('基数')} initialValue={c.baselineValue ?? ''} rules={[{ pattern: /^-?\d+(\.\d+)?$/, message: t('请填写数字') }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
        </Space>
      )}
      <Form.Item name="reason" label={t('申请理由')} rules={[{ required: true, whitespace: true, message: t('请写明申请理由') }, { max: 2000, message: t('不超过2000字') }]}>
        <Input.TextArea rows={3} placeholder={kind === 'extend' ? t('如：征地手续延后，主体工程顺延两个月') : ''} />
      </Form.Item>
      {preview.length > 0 && (
        <>
          <div style={{ fontWeight: 500, marginBottom: 6 }}>{t('批准后的变化')}</div>
          <ChangePreview rows={preview} />
        </>
      )}
    </FormModal>
  );
}

/** The office decides a change request with the before/after in front of it. */
export function ChangeDecisionModal({ request, c, onClose }: {
  request: ChangeRequest; c: Pick<CommitmentDetail, 'title' | 'deadline' | 'targetValue' | 'targetValueMax' | 'unit' | 'comparator' | 'baselineValue' | 'state'>; onClose(done: boolean): void;
}) {
  const t = useT();
  const en = useLang().lang === 'en';
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { busy, error, run } = useSubmit();
  async function decide(decision: 'approve' | 'refuse') {
    let v: { comment?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (decision === 'refuse' && !v.comment?.trim()) {
      form.setFields([{ name: 'comment', errors: [t('不予批准须写明理由')] }]);
      return;
    }
    await run(async () => {
      await api(`/change-requests/${request.id}/decision`, { method: 'POST', body: { decision, comment: v.comment?.trim() || null, version: request.version } });
      message.success(decision === 'approve' ? t('已批准，变更已生效') : t('已不予批准'));
      onClose(true);
    });
  }
  return (
    <Modal open title={en ? `Decide the ${t(CHANGE_KIND_LABELS[request.kind] ?? request.kind).toLowerCase()} request · ${c.title}` : `审批${CHANGE_KIND_LABELS[request.kind]}申请 · ${c.title}`} onCancel={() => onClose(false)} width={640} destroyOnHidden
      footer={[
        <Button key="cancel" onClick={() => onClose(false)}>{t('取消')}</Button>,
        <Button key="refuse" danger loading={busy} onClick={() => decide('refuse')}>{t('不予批准')}</Button>,
        <Button key="approve" type="primary" loading={busy} onClick={() => decide('approve')}>{t('批准')}</Button>,
      ]}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <p><b>{t('申请理由：')}</b>{request.reason}</p>
      <ChangePreview rows={changeRows(c, request, en)} />
      <Form form={form} layout="vertical" name="change-decision" style={{ marginTop: 12 }}>
        <Form.Item name="comment" label={t('审批意见')} rules={[{ max: 2000, message: t('不超过2000字') }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 分解: subtasks with their own lead department and target; the rest is the parent's. */
export function SplitModal({ c, onClose }: { c: CommitmentDetail; onClose(done: boolean): void }) {
  const t = useT();
  const en = useLang().lang === 'en';
  const { message } = App.useApp();
  const [form] = Form.useForm();
  return (
    <FormModal title={`${t('分解子任务')} · ${c.title}`} okText={t('分解')} form={form} onClose={onClose} width={760} name="split"
      onSubmit={async (v) => {
        const subtasks = (v.subtasks as { title: string; leadDepartmentId?: string; targetValue?: string }[]).map((x) => ({
          title: x.title.trim(), ...(x.leadDepartmentId ? { leadDepartmentId: x.leadDepartmentId } : {}), ...(x.targetValue ? { targetValue: x.targetValue.trim() } : {}),
        }));
        await api(`/commitments/${c.id}/subtasks`, { method: 'POST', body: { version: c.version, subtasks } });
        message.success(en ? `Split into ${subtasks.length} subtasks` : `已分解为${subtasks.length}项子任务`);
      }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('子任务沿用上级任务的领域、期限、单位和办理阶段；上级任务的完成情况由子任务汇总。')}</Typography.Paragraph>
      <Form.List name="subtasks" initialValue={[{ title: '', leadDepartmentId: c.leadDepartmentId ?? undefined }]}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: t('请填写子任务名称') }]} style={{ width: 320 }}>
                  <Input aria-label={`子任务${i + 1}名称`} placeholder={t('子任务名称')} />
                </Form.Item>
                <Form.Item name={[f.name, 'leadDepartmentId']} style={{ width: 160 }}>
                  <DepartmentSelect aria-label={`子任务${i + 1}牵头单位`} placeholder={t('牵头单位')} />
                </Form.Item>
                <Form.Item name={[f.name, 'targetValue']} rules={[{ pattern: /^-?\d+(\.\d+)?$/, message: t('请填写数字') }]} style={{ width: 130 }}>
                  <Input aria-label={`子任务${i + 1}目标值`} placeholder={`${t('目标值')}${c.unit ? (en ? ` (${c.unit})` : `（${c.unit}）`) : ''}`} />
                </Form.Item>
                {fields.length > 1 && <Button type="text" onClick={() => remove(f.name)}>{t('删除')}</Button>}
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ title: '', leadDepartmentId: c.leadDepartmentId ?? undefined })}>{t('添加子任务')}</Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

const TEMPLATE_LABELS: Record<string, string> = { project: '重点项目（立项—用地—环评—开工—竣工—投产）', livelihood: '民生实事（方案—招标—开工—完工—验收—公示）', generic: '通用（方案—实施—过半—完成—验收）' };

/** 设置节点: lay a template across the window, or set each milestone (with the date it was done). */
export function MilestonesModal({ c, onClose }: { c: CommitmentDetail; onClose(done: boolean): void }) {
  const t = useT();
  const en = useLang().lang === 'en';
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const mode = Form.useWatch('mode', form) ?? (c.milestones.length ? 'manual' : 'template');
  return (
    <FormModal title={`${t('设置节点')} · ${c.title}`} okText={t('保存')} form={form} onClose={onClose} width={720} name="milestones"
      onSubmit={async (v) => {
        const body = v.mode === 'template'
          ? { version: c.version, template: v.template }
          : { version: c.version, milestones: (v.milestones as { id?: string; title: string; dueDate: Dayjs; weight?: number; doneDate?: Dayjs }[]).map((m) => ({ ...(m.id ? { id: m.id } : {}), title: m.title.trim(), dueDate: iso(m.dueDate), weight: m.weight ?? 1, doneDate: c.allowed.review ? iso(m.doneDate) : (c.milestones.find((x) => x.id === m.id)?.doneDate ?? null) })) };
        await api(`/commitments/${c.id}/milestones`, { method: 'PUT', body });
        message.success(t('节点已保存'));
      }}>
      <Form.Item name="mode" initialValue={c.milestones.length ? 'manual' : 'template'}>
        <Radio.Group optionType="button" options={[{ value: 'template', label: t('按模板生成') }, { value: 'manual', label: t('逐项设置') }]} />
      </Form.Item>
      {mode === 'template' ? (
        <Form.Item name="template" label={t('节点模板')} initialValue={c.livelihood ? 'livelihood' : 'generic'} extra={en ? `Laid across ${c.startDate} to ${c.deadline}, replacing the current milestones.` : `按 ${cnDate(c.startDate)} 至 ${cnDate(c.deadline)} 的期限排布，替换现有节点。`}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={Object.entries(TEMPLATE_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
        </Form.Item>
      ) : (
        <Form.List name="milestones" initialValue={c.milestones.map((m) => ({ id: m.id, title: m.title, dueDate: day(m.dueDate), weight: m.weight, doneDate: day(m.doneDate) }))}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: t('请填写节点') }]} style={{ width: 220 }}>
                    <Input aria-label={`节点${i + 1}`} placeholder={t('节点，如：主体完工')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueDate']} rules={[{ required: true, message: t('请选择时限') }]}>
                    <DatePicker aria-label={`节点${i + 1}时限`} placeholder={t('时限')} disabledDate={inWindow(c)} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} style={{ width: 90 }}>
                    <InputNumber aria-label={`节点${i + 1}权重`} min={0.1} step={1} placeholder={t('权重')} />
                  </Form.Item>
                  {/* only the office sets done dates: a department reports a milestone done in a progress report */}
                  {c.allowed.review && (
                    <Form.Item name={[f.name, 'doneDate']}>
                      <DatePicker aria-label={`节点${i + 1}完成日期`} placeholder={t('完成日期')} />
                    </Form.Item>
                  )}
                  <Button type="text" onClick={() => remove(f.name)}>{t('删除')}</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ title: '', weight: 1 })}>{t('添加节点')}</Button>
            </>
          )}
        </Form.List>
      )}
    </FormModal>
  );
}

/** 退回 with a required comment saying what to fix. */
export function ReturnModal({ report, onClose }: { report: Pick<ProgressReport, 'id' | 'period' | 'version'> & { commitmentTitle?: string }; onClose(done: boolean): void }) {
  const t = useT();
  const [form] = Form.useForm();
  return (
    <FormModal title={`${t('退回')} · ${report.commitmentTitle ? `${report.commitmentTitle} · ` : ''}${periodLabel(report.period)}`} okText={t('退回')} danger form={form} onClose={onClose} name="return"
      onSubmit={async (v) => {
        await api(`/reports/${report.id}/review`, { method: 'POST', body: { decision: 'return', comment: v.comment, version: report.version } });
      }}>
      <Form.Item name="comment" label={t('退回意见')} rules={[{ required: true, whitespace: true, message: t('请写明退回原因及需补充的内容') }, { max: 2000, message: t('不超过2000字') }]}>
        <Input.TextArea rows={4} placeholder={t('如：累计值与佐证材料不符，请补充验收单')} />
      </Form.Item>
    </FormModal>
  );
}

/** 采纳 one report. */
export async function acceptReport(r: Pick<ProgressReport, 'id' | 'version'>): Promise<void> {
  await api(`/reports/${r.id}/review`, { method: 'POST', body: { decision: 'accept', version: r.version } });
}

/** Decision tags for change and close requests. */
export function DecisionTag({ state }: { state: string }) {
  const t = useT();
  return <Tag color={DECISION_STATE_COLORS[state]}>{t(DECISION_STATE_LABELS[state] ?? state)}</Tag>;
}

/** Lets a caller open one dialog at a time by name. */
export function useDialog<K extends string>() {
  const [open, setOpen] = useState<K | null>(null);
  return { open, show: setOpen, close: () => setOpen(null) };
}

/** 销号 by hand: the office closes an open 督办单 with a note (kept, audited); its cause is not reopened this month. */
export function CloseSlipButton({ slip, onDone }: { slip: { id: string; number?: string; reason: string }; onDone(): void }) {
  const t = useT();
  const en = useLang().lang === 'en';
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  return (
    <>
      <Tooltip title={t('督查室：写明办理情况后销号')}>
        <Button size="small" onClick={() => setOpen(true)} aria-label={`销号 ${slip.number ?? ''}`.trim()}>{t('销号')}</Button>
      </Tooltip>
      {open && (
        <FormModal title={`${t('督办单销号')}${slip.number ? ` · ${slip.number}` : ''}`} okText={t('销号')} form={form} name="close-slip"
          onClose={(done) => { setOpen(false); if (done) onDone(); }}
          onSubmit={async (v) => {
            await api(`/supervision-slips/${slip.id}/close`, { method: 'POST', body: { note: v.note } });
            message.success(t('已销号'));
          }}>
          <Typography.Paragraph type="secondary">{t('督办事由')}{en ? ': ' : '：'}{slip.reason}</Typography.Paragraph>
          <Form.Item name="note" label={t('销号说明')} rules={[{ required: true, whitespace: true, message: t('请写明销号说明') }, { max: 500, message: t('不超过500字') }]}>
            <Input.TextArea rows={3} placeholder={t('如：已约谈牵头单位，整改方案已报送')} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
