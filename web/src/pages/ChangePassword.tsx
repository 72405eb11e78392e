/** 修改密码: required after an office-made account's first sign-in, and available from the header. */
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { api } from '../api.ts';
import { useSubmit } from '../useSubmit.ts';
import { useLang, useT } from '../i18n.tsx';
import { useSession } from '../session.tsx';

export default function ChangePassword({ onDone }: { onDone?: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const s = useSession();
  const { message } = App.useApp();
  const { busy, error, run } = useSubmit();
  const required = !!s.user?.mustChangePassword;

  const submit = (v: { currentPassword: string; newPassword: string }) =>
    run(async () => {
      await api('/auth/password', { method: 'POST', body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      message.success(lang === 'en' ? 'Password changed' : '密码已修改');
      await s.reload();
      onDone?.();
    });

  return (
    <Card style={{ maxWidth: 440, margin: '24px auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('修改密码')}</Typography.Title>
      {required && <Alert type="info" showIcon title={lang === 'en' ? 'Change your initial password before you go on.' : '首次登录，请先修改初始密码。'} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit} name="password" requiredMark={false}>
        <Form.Item label={t('当前密码')} name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('新密码')}
          name="newPassword"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 8, message: '密码至少8位' },
            { pattern: /[A-Za-z]/, message: '须包含字母' },
            { pattern: /\d/, message: '须包含数字' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('确认新密码')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>{t('保存')}</Button>
      </Form>
      {required && (
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => void s.signOut()}>{t('退出登录')}</Button>
      )}
    </Card>
  );
}
