// Changing one's own password: forced after an administrator set it, or from the user menu.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { api, ApiError } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';

export function PasswordForm({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onFinish = async (v: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      onDone();
    } catch (err) {
      if (err instanceof ApiError) {
        const issue = err.fieldIssues.find((i) => i.path === 'newPassword' || i.path === 'currentPassword');
        if (issue) form.setFields([{ name: issue.path, errors: [issue.message] }]);
        setError(err.message);
      } else setError('Không đổi được mật khẩu. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: 'Hãy nhập mật khẩu hiện tại.' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="Mật khẩu mới"
        name="newPassword"
        extra="Ít nhất 8 ký tự, có cả chữ và số."
        rules={[{ required: true, message: 'Hãy nhập mật khẩu mới.' }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="Nhập lại mật khẩu mới"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: 'Hãy nhập lại mật khẩu mới.' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error('Hai lần nhập mật khẩu mới không khớp.')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        Đổi mật khẩu
      </Button>
    </Form>
  );
}

export function ForcedPasswordPage() {
  const { refresh, logout, me } = useAuth();
  return (
    <div className="nt-login">
      <Card className="nt-login-card" styles={{ body: { padding: 32 } }}>
        <div className="nt-login-head">
          <div className="nt-brand-logo"><StarFilled /></div>
          <h1>Đổi mật khẩu</h1>
          <p>Xin chào {me?.fullName}. Mật khẩu của bạn do quản trị viên đặt; hãy đổi mật khẩu mới trước khi tiếp tục.</p>
        </div>
        <PasswordForm onDone={() => void refresh()} />
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => void logout()}>
          Đăng xuất
        </Button>
      </Card>
    </div>
  );
}
