/**
 * 系统管理 (the office): 期次锁定 with reasons, 单位 and their 催办 e-mail, 账号 (one-time passwords,
 * reset, disable), the office's own 接口令牌, 对外推送 (webhooks and group robots), and the 督办参数 in force (read only: set in the config file).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { LockOutlined, UnlockOutlined, PlusOutlined, KeyOutlined, CopyOutlined } from '@ant-design/icons';
import { api, errorText } from '../api.ts';
import { useLang, useT } from '../i18n.tsx';
import { ROLE_LABELS } from '../labels.ts';
import { periodLabel } from '../format.ts';
import type { Account as AccountAnswer, Answer, ApiToken, AuditEntry, Department } from '../model.ts';
import { useSession } from '../session.tsx';
import { DataState, useApi } from '../useApi.tsx';
import { useSubmit } from '../useSubmit.ts';
import { Integrations } from './AdminIntegrations.tsx';
import { DepartmentSelect } from '../DepartmentSelect.tsx';

export default function Admin() {
  const t = useT();
  const s = useSession();
  const own = s.user?.regionCode === s.region?.code;
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('系统管理')} · {s.region?.name}</Typography.Title>
      {!own && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('只能管理本行政区；请在上方切换回本区。')} />}
      <Tabs
        destroyOnHidden
        items={[
          { key: 'periods', label: t('期次锁定'), children: <Periods editable={own} /> },
          { key: 'departments', label: t('单位管理'), children: <Departments editable={own} /> },
          { key: 'users', label: t('账号管理'), children: own ? <Users /> : null },
          { key: 'tokens', label: t('接口令牌'), children: <Tokens /> },
          { key: 'integrations', label: t('对外推送'), children: own ? <IntegrationsTab /> : null },
          { key: 'config', label: t('督办参数'), children: <Config /> },
        ]}
      />
    </div>
  );
}

/** Shows a secret once, with a copy button, until the office closes it. */
function SecretModal({ secret, title, note, onClose }: { secret: string | null; title: string; note: string; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Modal open={secret !== null} title={title} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('我已记下')}</Button>}>
      <Alert type="warning" showIcon title={note} style={{ marginBottom: 12 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={secret ?? ''} aria-label={title} data-testid="secret" style={{ fontFamily: 'monospace' }} />
        <Button icon={<CopyOutlined />} onClick={() => void navigator.clipboard?.writeText(secret ?? '').then(() => message.success(t('已复制')), () => message.error(t('复制失败，请手动选择复制')))}>{t('复制')}</Button>
      </Space.Compact>
    </Modal>
  );
}

function Periods({ editable }: { editable: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const { message } = App.useApp();
  const locks = useApi<Answer<'listPeriodLocks'>>('/period-locks', { region: s.scope.region });
  const history = useApi<Answer<'listAudit'>>(editable ? '/audit' : null, { region: s.scope.region, entity: 'period', limit: 100 });
  const [acting, setActing] = useState<{ period: string; lock: boolean } | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit();
  const today = new Date().toISOString().slice(0, 7);
  const months = Array.from({ length: 12 }, (_, i) => `${s.year}-${String(i + 1).padStart(2, '0')}`).filter((m) => m <= today).reverse();

  async function act(values: { reason?: string }) {
    if (!acting) return;
    await submit.run(async () => {
      if (acting.lock) await api('/period-locks', { body: { region: s.scope.region, period: acting.period, reason: values.reason || undefined } });
      else await api('/period-locks/unlock', { body: { region: s.scope.region, period: acting.period, reason: values.reason } });
      message.success(acting.lock ? `${periodLabel(acting.period)}${t('已锁定')}` : `${periodLabel(acting.period)}${t('已解锁')}`);
      setActing(null);
      form.resetFields();
      locks.reload();
      history.reload();
    });
  }

  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{t('锁定后，该期的进展报告不能再提交、修改或审核；解锁须写明理由，记入留痕。')}</Typography.Paragraph>
      <DataState loaded={locks}>
        {(d) => {
          const locked = new Map(d.items.map((l) => [l.period, l]));
          return (
            <Table
              rowKey="period"
              size="small"
              pagination={false}
              dataSource={months.map((m) => ({ period: m, lock: locked.get(m) }))}
              columns={[
                { title: t('期次'), dataIndex: 'period', render: (p: string) => periodLabel(p) },
                { title: t('状态'), key: 'state', render: (_: unknown, r) => (r.lock ? <Tag icon={<LockOutlined />} color="red">{t('已锁定')}</Tag> : <Tag>{t('开放报送')}</Tag>) },
                { title: t('锁定时间'), key: 'at', render: (_: unknown, r) => (r.lock ? new Date(r.lock.lockedAt).toLocaleString('zh-CN', { hour12: false }) : '—') },
                ...(editable
                  ? [{
                      title: t('操作'),
                      key: 'op',
                      render: (_: unknown, r: { period: string; lock?: unknown }) =>
                        r.lock ? (
                          <Button size="small" icon={<UnlockOutlined />} onClick={() => setActing({ period: r.period, lock: false })}>{t('解锁')}</Button>
                        ) : (
                          <Button size="small" icon={<LockOutlined />} onClick={() => setActing({ period: r.period, lock: true })}>{t('锁定')}</Button>
                        ),
                    }]
                  : []),
              ]}
            />
          );
        }}
      </DataState>
      {editable && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('锁定与解锁记录')}</Typography.Title>
          <DataState loaded={history} isEmpty={(d) => d.items.length === 0} empty={t('暂无记录')}>
            {(d) => (
              <Table<AuditEntry>
                rowKey="id"
                size="small"
                pagination={{ pageSize: 10, showSizeChanger: false }}
                dataSource={d.items}
                columns={[
                  { title: t('时间'), dataIndex: 'at', width: 170, render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
                  { title: t('期次'), dataIndex: 'entityId', width: 120, render: (p: string) => periodLabel(p) },
                  { title: t('操作'), dataIndex: 'action', width: 80, render: (a: string) => (a === 'period.lock' ? t('锁定') : t('解锁')) },
                  { title: t('理由'), key: 'reason', render: (_: unknown, r) => (r.after as { reason?: string } | null)?.reason ?? '—' },
                ]}
              />
            )}
          </DataState>
        </>
      )}
      <Modal
        open={acting !== null}
        title={acting ? `${acting.lock ? t('锁定') : t('解锁')} ${periodLabel(acting.period)}` : ''}
        okText={acting?.lock ? t('锁定') : t('解锁')}
        cancelText={t('取消')}
        confirmLoading={submit.busy}
        onOk={() => form.validateFields().then(act, () => undefined)}
        onCancel={() => {
          setActing(null);
          form.resetFields();
        }}
      >
        {submit.error && <Alert type="error" showIcon title={submit.error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={acting?.lock ? t('锁定说明（可选）') : t('解锁理由')} rules={acting?.lock ? [] : [{ required: true, whitespace: true, message: t('请写明解锁理由') }]}>
            <Input.TextArea rows={3} maxLength={1000} placeholder={acting?.lock ? (lang === 'en' ? 'e.g. before the monthly bulletin' : '如：本月督查通报印发前锁定') : ''} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}


function Departments({ editable }: { editable: boolean }) {
  const t = useT();
  const s = useSession();
  const { message } = App.useApp();
  const loaded = useApi<Answer<'listDepartments'>>(`/regions/${s.scope.region}/departments`);
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [form] = Form.useForm<{ name: string; shortName?: string; email?: string }>();
  const submit = useSubmit();
  const open = (d: Department | 'new') => {
    setEditing(d);
    form.setFieldsValue(d === 'new' ? { name: '', shortName: '', email: '' } : { name: d.name, shortName: d.shortName ?? '', email: d.email ?? '' });
  };
  async function save(v: { name: string; shortName?: string; email?: string }) {
    const body = { name: v.name, shortName: v.shortName?.trim() || null, email: v.email?.trim() || null };
    await submit.run(async () => {
      if (editing === 'new') await api('/departments', { body: { region: s.scope.region, ...body } });
      else if (editing) await api(`/departments/${editing.id}`, { method: 'PATCH', body });
      message.success(t('已保存'));
      setEditing(null);
      loaded.reload();
      void s.reload();
    });
  }
  return (
    <Card size="small">
      {editable && <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => open('new')}>{t('新增单位')}</Button>}
      <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Table<Department>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.items}
            columns={[
              { title: t('单位名称'), dataIndex: 'name' },
              { title: t('简称'), dataIndex: 'shortName', render: (v: string | null) => v ?? '—' },
              { title: t('催办邮箱'), dataIndex: 'email', render: (v: string | null) => v ?? <span style={{ color: '#999' }}>{t('未设置')}</span> },
              ...(editable ? [{ title: t('操作'), key: 'op', width: 90, render: (_: unknown, r: Department) => <Button size="small" onClick={() => open(r)}>{t('编辑')}</Button> }] : []),
            ]}
          />
        )}
      </DataState>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('新增单位') : t('编辑单位')}
        okText={t('保存')}
        cancelText={t('取消')}
        confirmLoading={submit.busy}
        onOk={() => form.validateFields().then(save, () => undefined)}
        onCancel={() => setEditing(null)}
      >
        {submit.error && <Alert type="error" showIcon title={submit.error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('单位名称')} rules={[{ required: true, whitespace: true, message: t('请填写单位名称') }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="shortName" label={t('简称')}><Input maxLength={30} placeholder="如：人社局" /></Form.Item>
          <Form.Item name="email" label={t('催办邮箱')} rules={[{ type: 'email', message: t('电子邮件地址格式不对') }]}><Input maxLength={200} placeholder="duban@example.gov.cn" /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

type Account = AccountAnswer;

function Users() {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const { message, modal } = App.useApp();
  const loaded = useApi<Answer<'listUsers'>>('/users', { region: s.scope.region });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ value: string; who: string } | null>(null);
  const [form] = Form.useForm<{ username: string; displayName: string; role: 'reporter' | 'leader' | 'admin'; departmentId?: string }>();
  const role = Form.useWatch('role', form);
  const submit = useSubmit();

  async function create(v: { username: string; displayName: string; role: string; departmentId?: string }) {
    await submit.run(async () => {
      const r = await api<Answer<'createUser'>>('/users', { body: { ...v, regionCode: s.scope.region, departmentId: v.role === 'reporter' ? v.departmentId : null } });
      setCreating(false);
      form.resetFields();
      // the server always makes the one-time password of an account created here (null only when the CLI sets one)
      if (r.initialPassword) setSecret({ value: r.initialPassword, who: `${r.user.displayName}（${r.user.username}）` });
      loaded.reload();
    });
  }
  const reset = (u: Account) =>
    modal.confirm({
      title: `${t('重置密码')}：${u.displayName}`,
      content: t('将生成新的一次性密码，该账号须在下次登录时修改；其已登录的会话和接口令牌失效。'),
      okText: t('重置'),
      cancelText: t('取消'),
      onOk: () =>
        api<Answer<'resetPassword'>>(`/users/${u.id}/reset-password`, { method: 'POST' }).then(
          (r) => {
            setSecret({ value: r.initialPassword, who: `${u.displayName}（${u.username}）` });
            loaded.reload();
          },
          (e) => void message.error(errorText(e, lang)),
        ),
    });
  const toggle = (u: Account) =>
    api(`/users/${u.id}`, { method: 'PATCH', body: { active: !u.active, version: u.version } }).then(
      () => {
        message.success(u.active ? t('已停用') : t('已启用'));
        loaded.reload();
      },
      (e) => void message.error(errorText(e, lang)),
    );
  const ownDepts = s.departments.filter((d) => d.regionCode === s.scope.region);
  return (
    <Card size="small">
      <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>{t('新建账号')}</Button>
      <DataState loaded={loaded}>
        {(d) => (
          <Table<Account>
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20, showSizeChanger: false }}
            dataSource={d.items}
            columns={[
              { title: t('登录名'), dataIndex: 'username' },
              { title: t('姓名'), dataIndex: 'displayName' },
              { title: t('角色'), dataIndex: 'role', render: (r: string) => t(ROLE_LABELS[r] ?? r) },
              { title: t('单位'), dataIndex: 'departmentId', render: (id: string | null) => (id ? s.deptName(id) : '—') },
              {
                title: t('状态'),
                key: 'state',
                render: (_: unknown, u) => (
                  <Space size={4}>
                    {u.active ? <Tag color="success">{t('启用')}</Tag> : <Tag>{t('已停用')}</Tag>}
                    {u.mustChangePassword && <Tag color="warning">{t('待改初始密码')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('操作'),
                key: 'op',
                render: (_: unknown, u) =>
                  u.id === s.user?.id ? <span style={{ color: '#999' }}>{t('本人')}</span> : (
                    <Space size={4}>
                      <Button size="small" icon={<KeyOutlined />} onClick={() => reset(u)}>{t('重置密码')}</Button>
                      <Button size="small" danger={u.active} onClick={() => void toggle(u)}>{u.active ? t('停用') : t('启用')}</Button>
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </DataState>
      <Modal
        open={creating}
        title={t('新建账号')}
        okText={t('创建')}
        cancelText={t('取消')}
        confirmLoading={submit.busy}
        onOk={() => form.validateFields().then(create, () => undefined)}
        onCancel={() => setCreating(false)}
      >
        {submit.error && <Alert type="error" showIcon title={submit.error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ role: 'reporter' }}>
          <Form.Item name="username" label={t('登录名')} rules={[{ required: true, message: t('请填写登录名') }, { pattern: /^[\p{L}\p{N}._@-]{2,64}$/u, message: t('登录名为2至64位字母、数字或 . _ @ -') }]}><Input autoComplete="off" /></Form.Item>
          <Form.Item name="displayName" label={t('姓名')} rules={[{ required: true, whitespace: true, message: t('请填写姓名') }]}><Input maxLength={50} /></Form.Item>
          <Form.Item name="role" label={t('角色')}>
            <Select options={(['reporter', 'leader', 'admin'] as const).map((r) => ({ value: r, label: t(ROLE_LABELS[r]!) }))} />
          </Form.Item>
          {role === 'reporter' && (
            <Form.Item name="departmentId" label={t('填报单位')} rules={[{ required: true, message: t('请选择填报单位') }]}>
              <DepartmentSelect departments={ownDepts} />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <SecretModal secret={secret?.value ?? null} title={`${t('一次性密码')}：${secret?.who ?? ''}`} note={t('密码只显示这一次，请当面或通过安全渠道告知本人；首次登录须修改。')} onClose={() => setSecret(null)} />
    </Card>
  );
}

/** Webhooks and group robots; a new webhook's signing secret is shown once. */
function IntegrationsTab() {
  const t = useT();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <>
      <Integrations onSecret={setSecret} />
      <SecretModal secret={secret} title={t('签名密钥')} note={t('密钥只显示这一次：请交给接收系统，用于校验 x-duban-signature；遗失后请删除该地址重新添加。')} onClose={() => setSecret(null)} />
    </>
  );
}

type Token = ApiToken;

function Tokens() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const loaded = useApi<Answer<'listTokens'>>('/tokens');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const submit = useSubmit();
  const when = (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN', { hour12: false }) : '—');
  async function create() {
    if (!name.trim()) return void message.warning(t('请填写令牌名称'));
    await submit.run(async () => {
      const r = await api<Answer<'createToken'>>('/tokens', { body: { name: name.trim() } });
      setSecret(r.token);
      setName('');
      loaded.reload();
    });
  }
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{t('接口令牌以您的身份调用接口（如政务平台同步），权限与您的账号相同。')}</Typography.Paragraph>
      <Space.Compact style={{ marginBottom: 12, maxWidth: 460, width: '100%' }}>
        <Input aria-label={t('令牌名称')} placeholder={t('令牌名称，如：政务平台同步')} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} onPressEnter={() => void create()} />
        <Button type="primary" loading={submit.busy} onClick={() => void create()}>{t('新建令牌')}</Button>
      </Space.Compact>
      {submit.error && <Alert type="error" showIcon title={submit.error} style={{ marginBottom: 12 }} />}
      <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0} empty={t('尚无接口令牌')}>
        {(d) => (
          <Table<Token>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.items}
            columns={[
              { title: t('名称'), dataIndex: 'name' },
              { title: t('创建时间'), dataIndex: 'createdAt', render: when },
              { title: t('最近使用'), dataIndex: 'lastUsedAt', render: when },
              { title: t('状态'), dataIndex: 'revokedAt', render: (v: string | null) => (v ? <Tag>{t('已吊销')}</Tag> : <Tag color="success">{t('有效')}</Tag>) },
              {
                title: t('操作'),
                key: 'op',
                render: (_: unknown, r) =>
                  !r.revokedAt && (
                    <Button size="small" danger onClick={() => api(`/tokens/${r.id}`, { method: 'DELETE' }).then(loaded.reload, (e) => void message.error(errorText(e, lang)))}>{t('吊销')}</Button>
                  ),
              },
            ]}
          />
        )}
      </DataState>
      <SecretModal secret={secret} title={t('新令牌')} note={t('令牌只显示这一次，请立即保存到调用系统；遗失后只能吊销重建。')} onClose={() => setSecret(null)} />
    </Card>
  );
}

function Config() {
  const t = useT();
  const loaded = useApi<Answer<'getConfig'>>('/config');
  const STATE: Record<string, string> = { accepted: '已采纳', submitted: '待审核' };
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{t('以下为系统当前执行的督办参数（只读）；调整须由系统管理员修改配置（src/domain/config.ts）。')}</Typography.Paragraph>
      <DataState loaded={loaded}>
        {(c) => {
          const w = c.assessmentWeights;
          const sum = w.completion + w.timeliness + w.returned;
          const share = (x: number) => `${Math.round((x / sum) * 1000) / 10}%`;
          return (
            <Descriptions bordered size="small" column={1} styles={{ label: { width: 220 } }}>
              <Descriptions.Item label={t('滞后（黄）')}>落后序时进度 {c.yellowLagPoints} 个百分点及以上</Descriptions.Item>
              <Descriptions.Item label={t('严重滞后（红）')}>落后序时进度超过 {c.redLagPoints} 个百分点，或逾期未完成</Descriptions.Item>
              <Descriptions.Item label={t('报送时限')}>周报：周末后第 {c.reportDueDays.weekly} 天；月报：次月 {c.reportDueDays.monthly} 日；季报：季后第 {c.reportDueDays.quarterly} 天</Descriptions.Item>
              <Descriptions.Item label={t('临近提醒（蓝）')}>报送时限前 {c.dueSoonDays} 天</Descriptions.Item>
              <Descriptions.Item label={t('逾期升红色督办')}>逾期未报送超过 {c.redAfterOverdueDays} 天</Descriptions.Item>
              <Descriptions.Item label={t('计入完成率的报告')}>{c.countedReportStates.map((x) => STATE[x] ?? x).join('、')}（仅牵头单位）</Descriptions.Item>
              <Descriptions.Item label={t('“不超过”类目标完成率上限')}>{c.lteRateCap}%</Descriptions.Item>
              <Descriptions.Item label={t('考核权重')}>完成率 {share(w.completion)} ＋ 按时报送 {share(w.timeliness)} ＋ 一次通过率 {share(w.returned)}</Descriptions.Item>
              <Descriptions.Item label={t('时区')}>UTC{c.utcOffsetMinutes >= 0 ? '+' : '−'}{Math.abs(c.utcOffsetMinutes / 60)}</Descriptions.Item>
            </Descriptions>
          );
        }}
      </DataState>
    </Card>
  );
}
