/** 荣誉表彰: the honours of the year shown; the office records and removes them, the year's 工作纪实 names them. */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { useT } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { DataState, useApi } from '../useApi.tsx';
import { useSubmit } from '../useSubmit.ts';
import type { Answer, Schemas } from '../model.ts';

const LEVELS: Record<Level, string> = { national: '国家级', provincial: '省级', city: '市级', county: '区县级' };
const SECTORS = ['经济发展', '乡村振兴', '城市建设', '民生保障', '生态环境', '改革开放', '文化旅游', '安全稳定'];
type Honour = Schemas['Honour'];
type Level = Honour['level'];
interface Values { title: string; level: Level; recipient?: string; sector?: string; awardedBy?: string }

export default function Honours() {
  const t = useT();
  const s = useSession();
  const { message } = App.useApp();
  const own = s.user?.role === 'admin' && s.user.regionCode === s.region?.code;
  const loaded = useApi<Answer<'listHonours'>>('/honours', { region: s.scope.region, year: s.year });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();
  const submit = useSubmit();

  async function save(v: Values) {
    await submit.run(async () => {
      await api('/honours', { body: { region: s.scope.region, year: s.year, title: v.title, level: v.level, recipient: v.recipient?.trim() || null, sector: v.sector || null, awardedBy: v.awardedBy?.trim() || null } });
      message.success(t('已保存'));
      setAdding(false);
      form.resetFields();
      loaded.reload();
    });
  }
  async function remove(h: Honour) {
    await submit.run(async () => {
      await api(`/honours/${h.id}`, { method: 'DELETE' });
      message.success(t('已删除'));
      loaded.reload();
    });
  }

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('荣誉表彰')} · {s.year}年</Typography.Title>
        {own && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('录入荣誉')}</Button>}
      </Space>
      <Typography.Paragraph type="secondary">{t('本年度获得的荣誉写入当年工作纪实：填了所属领域的写在该领域，未填的写在开篇。')}</Typography.Paragraph>
      {submit.error && !adding && <Alert type="error" showIcon title={submit.error} style={{ marginBottom: 12 }} />}
      <Card size="small">
        <DataState loaded={loaded} isEmpty={(d) => d.items.length === 0} empty="本年度尚未录入荣誉">
          {(d) => (
            <Table<Honour>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.items}
              onRow={(h) => ({ id: `honour-${h.id}` })}
              columns={[
                { title: t('荣誉名称'), dataIndex: 'title' },
                { title: t('级别'), dataIndex: 'level', width: 90, render: (l: Level) => <Tag color={l === 'national' ? 'red' : l === 'provincial' ? 'orange' : 'default'}>{LEVELS[l]}</Tag> },
                { title: t('获评对象'), dataIndex: 'recipient', width: 200, render: (r: string | null) => r ?? s.region?.name },
                { title: t('所属领域'), dataIndex: 'sector', width: 110, render: (x: string | null) => x ?? <span style={{ color: '#999' }}>{t('开篇')}</span> },
                { title: t('授予单位'), dataIndex: 'awardedBy', width: 180, render: (x: string | null) => x ?? '—' },
                ...(own ? [{ title: t('操作'), key: 'op', width: 80, render: (_: unknown, h: Honour) => (
                  <Popconfirm title={t('删除这条荣誉？')} okText={t('删除')} cancelText={t('取消')} onConfirm={() => remove(h)}>
                    <Button size="small" danger>{t('删除')}</Button>
                  </Popconfirm>
                ) }] : []),
              ]}
            />
          )}
        </DataState>
      </Card>
      <Modal
        open={adding}
        title={`${t('录入荣誉')}（${s.year}年）`}
        okText={t('保存')}
        cancelText={t('取消')}
        confirmLoading={submit.busy}
        onOk={() => form.validateFields().then(save, () => undefined)}
        onCancel={() => setAdding(false)}
      >
        {submit.error && <Alert type="error" showIcon title={submit.error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ level: 'provincial' }}>
          <Form.Item name="title" label={t('荣誉名称')} rules={[{ required: true, whitespace: true, min: 2, message: t('请填写荣誉名称') }]}>
            <Input maxLength={200} placeholder="如：全国信访工作示范县区" />
          </Form.Item>
          <Form.Item name="level" label={t('级别')} rules={[{ required: true }]}>
            <Select options={Object.entries(LEVELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="recipient" label={t('获评对象')} extra={t('单位或场所获评时填写，如“解州派出所”；空为本区')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="sector" label={t('所属领域')} extra={t('纪实中写在该领域；空为写在开篇')}>
            <Select allowClear options={SECTORS.map((x) => ({ value: x, label: x }))} />
          </Form.Item>
          <Form.Item name="awardedBy" label={t('授予单位')}>
            <Input maxLength={100} placeholder="如：山西省文化和旅游厅" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
