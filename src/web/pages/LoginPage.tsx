import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, StarFilled, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../lib/auth.tsx';
import { ApiError } from '../lib/api.ts';

export function LoginPage() {
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (me) return <Navigate to={from} replace />;

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username.trim(), v.password);
      navigate(from, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Không đăng nhập được. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nt-login">
      <Card className="nt-login-card" styles={{ body: { padding: 32 } }}>
        <div className="nt-login-head">
          <div className="nt-brand-logo"><StarFilled /></div>
          <h1>Nghị Trường</h1>
          <p>Nền tảng làm việc số của Hội đồng nhân dân</p>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
          <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Hãy nhập tên đăng nhập.' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder="ví dụ: vp.sahuynh" />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Hãy nhập mật khẩu.' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            Đăng nhập
          </Button>
        </Form>
        <p style={{ marginTop: 20, marginBottom: 0, color: '#8a94a3', fontSize: 12, textAlign: 'center' }}>
          Quên mật khẩu? Hãy liên hệ quản trị viên của đơn vị để được đặt lại.
        </p>
      </Card>
    </div>
  );
}
