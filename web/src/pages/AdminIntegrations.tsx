/**
 * 系统管理 → 对外推送 (the office): webhooks that send the region's events to other systems (add,
 * edit, disable/enable, send a test, delivery history with retry, remove) and the departments'
 * 钉钉/政务钉钉 and 企业微信 group robots that get their 催办 (set, remove, send a test card).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Drawer, Form, Input, Modal, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { api, errorText } from '../api.ts';
import { useLang, useT } from '../i18n.tsx';
import type { Answer, RegionRobot, RobotTest, Webhook, WebhookDelivery } from '../model.ts';
import { useSession } from '../session.tsx';
import { DataState, useApi } from '../useApi.tsx';
import { useSubmit } from '../useSubmit.ts';

/** The events a webhook can subscribe to, as the office reads them. */
const EVENTS: Record<string, string> = {
  'report.submitted': '进展已报送',
  'report.accepted': '报送已采纳',
  'report.returned': '报送被退回',
  'commitment.stateChanged': '任务状态变化',
  'supervisionSlip.opened': '督办单下发',
  'supervisionSlip.closed': '督办单销号',
  'instruction.recorded': '领导批示',
  ping: '测试推送',
};
const DELIVERY_STATUS: Record<WebhookDelivery['status'], { label: string; color: string }> = {
  delivered: { label: '已送达', color: 'green' },
  pending: { label: '等待重试', color: 'gold' },
  failed: { label: '失败', color: 'red' },
};
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

export function Integrations({ onSecret }: { onSecret(secret: string): void }) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Webhooks onSecret={onSecret} />
      <Robots />
    </Space>
  );
}

type WebhookForm = { url: string; events: string[]; description?: string };

function Webhooks({ onSecret }: { onSecret(secret: string): void }) {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const { message } = App.useApp();
  const loaded = useApi<Answer<'listWebhooks'>>('/webhooks', { region: s.scope.region });
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [history, setHistory] = useState<Webhook | null>(null);
  const [form] = Form.useForm<WebhookForm>();
  const submit = useSubmit();
  const open = (w: Webhook | 'new') => {
    setEditing(w);
    form.setFieldsValue(w === 'new' ? { url: '', events: [], description: '' } : { url: w.url, events: w.events, description: w.description });
  };
  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      message.success(t(done));
      loaded.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  async function save(v: WebhookForm) {
    await submit.run(async () => {
      const body = { url: v.url.trim(), events: v.events ?? [], description: v.description?.trim() ?? '' };
      if (editing === 'new') {
        const created = await api<Answer<'createWebhook'>>('/webhooks', { body: { region: s.scope.region, ...body } });
        onSecret(created.secret);
      } else if (editing) await api(`/webhooks/${editing.id}`, { method: 'PATCH', body: { version: editing.version, ...body } });
      message.success(t('已保存'));
      setEditing(null);
      loaded.reload();
    });
  }
  const test = (w: Webhook) =>
    act(async () => {
      const d = await api<Answer<'testWebhook'>>(`/webhooks/${w.id}/test`, { method: 'POST' });
      if (d.status !== 'delivered') throw new Error(`${t('测试推送未送达')}：${d.lastError ?? ''}`);
    }, '测试推送已送达');
  return (
    <Card size="small" title={t('事件推送（Webhook）')} extra={<Button icon={<PlusOutlined />} onClick={() => open('new')}>{t('新增推送地址')}</Button>}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('向其他系统（OA、大数据平台、上级督查系统）推送本区的报送、审核、任务状态、督办单和领导批示。每次推送以签名密钥签名（x-duban-signature），未送达的按 1、2、4…分钟重试，共 10 次。')}
      </Typography.Paragraph>
      <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0} empty={t('尚未设置推送地址')}>
        {(d) => (
          <Table<Webhook>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.items}
            columns={[
              { title: t('接收地址'), dataIndex: 'url', render: (url: string, w) => <><Typography.Text code style={{ wordBreak: 'break-all' }}>{url}</Typography.Text>{w.description ? <div style={{ color: '#888' }}>{w.description}</div> : null}</> },
              { title: t('订阅事件'), dataIndex: 'events', render: (ev: string[]) => (ev.length ? ev.map((e) => <Tag key={e}>{t(EVENTS[e] ?? e)}</Tag>) : <Tag color="blue">{t('全部事件')}</Tag>) },
              { title: t('状态'), dataIndex: 'active', width: 80, render: (on: boolean) => (on ? <Tag color="green">{t('启用')}</Tag> : <Tag>{t('已停用')}</Tag>) },
              {
                title: t('操作'), key: 'op', width: 330,
                render: (_: unknown, w) => (
                  <Space size={4} wrap>
                    <Button size="small" onClick={() => open(w)}>{t('编辑')}</Button>
                    <Button size="small" onClick={() => act(() => api(`/webhooks/${w.id}`, { method: 'PATCH', body: { version: w.version, active: !w.active } }), w.active ? '已停用' : '已启用')}>
                      {w.active ? t('停用') : t('启用')}
                    </Button>
                    <Button size="small" icon={<SendOutlined />} onClick={() => test(w)}>{t('测试')}</Button>
                    <Button size="small" onClick={() => setHistory(w)}>{t('推送记录')}</Button>
                    <Popconfirm title={t('删除后不再推送，推送记录保留。确定删除？')} okText={t('删除')} cancelText={t('取消')} onConfirm={() => act(() => api(`/webhooks/${w.id}`, { method: 'DELETE' }), '已删除')}>
                      <Button size="small" danger>{t('删除')}</Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </DataState>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('新增推送地址') : t('编辑推送地址')}
        okText={t('保存')}
        cancelText={t('取消')}
        confirmLoading={submit.busy}
        onOk={() => form.validateFields().then(save, () => undefined)}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        {submit.error && <Alert type="error" showIcon title={submit.error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="url" label={t('接收地址')} rules={[{ required: true, whitespace: true, message: t('请填写接收地址') }, { type: 'url', message: t('请填写 http:// 或 https:// 开头的地址') }]}>
            <Input maxLength={2000} placeholder="https://oa.example.gov.cn/duban/events" />
          </Form.Item>
          <Form.Item name="events" label={t('订阅事件（不选为全部）')}>
            <Checkbox.Group options={Object.entries(EVENTS).filter(([k]) => k !== 'ping').map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('说明')}><Input maxLength={200} placeholder={t('如：市大数据平台')} /></Form.Item>
        </Form>
      </Modal>
      <Drawer open={history !== null} width={860} title={`${t('推送记录')}：${history?.description || history?.url || ''}`} onClose={() => { setHistory(null); loaded.reload(); }} destroyOnHidden>
        {history && <Deliveries webhook={history} />}
      </Drawer>
    </Card>
  );
}

/** A webhook's deliveries, newest first, with the outcome of the latest attempt and a retry. */
function Deliveries({ webhook }: { webhook: Webhook }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const loaded = useApi<Answer<'listWebhookDeliveries'>>(`/webhooks/${webhook.id}/deliveries`, { limit: 200 });
  const [busy, setBusy] = useState<string | null>(null);
  const retry = async (d: WebhookDelivery) => {
    setBusy(d.id);
    try {
      const after = await api<Answer<'retryWebhookDelivery'>>(`/webhooks/${webhook.id}/deliveries/${d.id}/retry`, { method: 'POST' });
      if (after.status === 'delivered') message.success(t('已重发并送达'));
      else message.warning(`${t('重发未送达')}：${after.lastError ?? ''}`);
      loaded.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };
  return (
    <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0} empty={t('暂无推送记录')}>
      {(d) => (
        <Table<WebhookDelivery>
          rowKey="id"
          size="small"
          dataSource={d.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('时间'), dataIndex: 'createdAt', width: 160, render: time },
            { title: t('事件'), dataIndex: 'type', width: 120, render: (v: string) => t(EVENTS[v] ?? v) },
            { title: t('状态'), dataIndex: 'status', width: 90, render: (v: WebhookDelivery['status']) => <Tag color={DELIVERY_STATUS[v].color}>{t(DELIVERY_STATUS[v].label)}</Tag> },
            { title: t('尝试次数'), dataIndex: 'attempts', width: 80, align: 'right' },
            {
              title: t('最近结果'), key: 'last',
              render: (_: unknown, x) => (x.status === 'delivered' ? `${t('送达于')} ${time(x.deliveredAt)}` : <>{x.lastError ?? '—'}{x.nextAttemptAt ? <div style={{ color: '#888' }}>{t('下次重试')} {time(x.nextAttemptAt)}</div> : null}</>),
            },
            {
              title: t('操作'), key: 'op', width: 80,
              render: (_: unknown, x) => <Button size="small" loading={busy === x.id} disabled={!webhook.active} onClick={() => retry(x)}>{t('重发')}</Button>,
            },
          ]}
        />
      )}
    </DataState>
  );
}

type RobotForm = { dingtalk: 'keep' | 'set' | 'none'; dingtalkUrl?: string; dingtalkSecret?: string; wecom: 'keep' | 'set' | 'none'; wecomUrl?: string };

/** Each department's group robots: which are set (never their tokens), set or remove them, send a test card. */
function Robots() {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const { message, modal } = App.useApp();
  const loaded = useApi<Answer<'listRobots'>>('/robots', { region: s.scope.region });
  const [editing, setEditing] = useState<RegionRobot | null>(null);
  const [form] = Form.useForm<RobotForm>();
  const submit = useSubmit();
  const open = (r: RegionRobot) => {
    setEditing(r);
    form.setFieldsValue({ dingtalk: r.dingtalk ? 'keep' : 'none', wecom: r.wecom ? 'keep' : 'none', dingtalkUrl: '', dingtalkSecret: '', wecomUrl: '' });
  };
  async function save(v: RobotForm) {
    if (!editing) return;
    await submit.run(async () => {
      const body = {
        ...(v.dingtalk === 'keep' ? {} : { dingtalk: v.dingtalk === 'none' ? null : { url: v.dingtalkUrl!.trim(), secret: v.dingtalkSecret?.trim() || null } }),
        ...(v.wecom === 'keep' ? {} : { wecom: v.wecom === 'none' ? null : { url: v.wecomUrl!.trim() } }),
      };
      await api(`/departments/${editing.departmentId}/robots`, { method: 'PUT', body });
      message.success(t('已保存'));
      setEditing(null);
      loaded.reload();
    });
  }
  const test = async (r: RegionRobot) => {
    try {
      const res = await api<Answer<'testDepartmentRobots'>>(`/departments/${r.departmentId}/robots/test`, { method: 'POST' });
      const line = (name: string, x: RobotTest['dingtalk']) => (x ? `${t(name)}：${x.ok ? t('已送达') : `${t('未送达')}（${x.error}）`}` : null);
      const lines = [line('钉钉', res.dingtalk), line('企业微信', res.wecom)].filter(Boolean);
      const ok = [res.dingtalk, res.wecom].every((x) => !x || x.ok);
      modal[ok ? 'success' : 'warning']({ title: `${t('测试消息')} · ${r.departmentName}`, content: lines.map((l) => <div key={l}>{l}</div>) });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const mode = (name: 'dingtalk' | 'wecom') => (
    <Radio.Group
      options={[
        ...(editing?.[name] ? [{ value: 'keep', label: t('保持不变') }] : []),
        { value: 'set', label: editing?.[name] ? t('更换地址') : t('设置') },
        { value: 'none', label: t('不使用') },
      ]}
    />
  );
  return (
    <Card size="small" title={t('催办群机器人（钉钉 / 政务钉钉 / 企业微信）')}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('催办和临近提醒以 Markdown 卡片发到各单位的工作群。机器人地址含访问凭据，保存后只显示其主机名。发送结果见“督办”页的催办记录。')}
      </Typography.Paragraph>
      <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Table<RegionRobot>
            rowKey="departmentId"
            size="small"
            pagination={{ pageSize: 15, hideOnSinglePage: true }}
            dataSource={d.items}
            columns={[
              { title: t('单位'), dataIndex: 'departmentName' },
              { title: t('钉钉 / 政务钉钉'), key: 'dingtalk', render: (_: unknown, r) => (r.dingtalk ? <><Tag color="blue">{r.dingtalk.host}</Tag>{r.dingtalk.signed ? <Tag color="green">{t('加签')}</Tag> : <Tag color="orange">{t('未加签')}</Tag>}</> : <span style={{ color: '#999' }}>{t('未设置')}</span>) },
              { title: t('企业微信'), key: 'wecom', render: (_: unknown, r) => (r.wecom ? <Tag color="blue">{r.wecom.host}</Tag> : <span style={{ color: '#999' }}>{t('未设置')}</span>) },
              {
                title: t('操作'), key: 'op', width: 150,
                render: (_: unknown, r) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => open(r)}>{t('设置')}</Button>
                    <Button size="small" icon={<SendOutlined />} disabled={!r.dingtalk && !r.wecom} onClick={() => test(r)}>{t('测试')}</Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </DataState>
      <Modal
        open={editing !== null}
        title={`${t('催办群机器人')} · ${editing?.departmentName ?? ''}`}
        okText={t('保存')}
        cancelText={t('取消')}
        confirmLoading={submit.busy}
        onOk={() => form.validateFields().then(save, () => undefined)}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        {submit.error && <Alert type="error" showIcon title={submit.error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="dingtalk" label={t('钉钉 / 政务钉钉自定义机器人')}>{mode('dingtalk')}</Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.dingtalk !== b.dingtalk}>
            {({ getFieldValue }) => getFieldValue('dingtalk') === 'set' && (
              <>
                <Form.Item name="dingtalkUrl" label={t('Webhook 地址（含 access_token）')} rules={[{ required: true, message: t('请填写机器人地址') }, { type: 'url', message: t('请填写 http:// 或 https:// 开头的地址') }]}>
                  <Input maxLength={2000} placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" />
                </Form.Item>
                <Form.Item name="dingtalkSecret" label={t('加签密钥（SEC 开头，建议设置）')}><Input.Password maxLength={200} autoComplete="off" /></Form.Item>
              </>
            )}
          </Form.Item>
          <Form.Item name="wecom" label={t('企业微信群机器人')}>{mode('wecom')}</Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.wecom !== b.wecom}>
            {({ getFieldValue }) => getFieldValue('wecom') === 'set' && (
              <Form.Item name="wecomUrl" label={t('Webhook 地址（含 key）')} rules={[{ required: true, message: t('请填写机器人地址') }, { type: 'url', message: t('请填写 http:// 或 https:// 开头的地址') }]}>
                <Input maxLength={2000} placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
              </Form.Item>
            )}
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
