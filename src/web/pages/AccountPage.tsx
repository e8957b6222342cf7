// Bảo mật tài khoản: two-factor sign-in (enroll with an authenticator app, turn off) and the
// user's own sessions (device, address, times; end one or all others).
import { useState } from 'react';
import { Alert, Button, Card, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { api, ApiError } from '../lib/api.ts';
import { useAuth, useMe } from '../lib/auth.tsx';
import { useApi } from '../lib/hooks.ts';
import { message, showError } from '../lib/feedback.tsx';
import { fmtDateTime } from '../lib/format.ts';
import { ErrorView, Page } from '../components/common.tsx';
import { CalendarFeedCard } from './sessions/ConvocationCard.tsx';

interface Session {
  id: string;
  userAgent: string;
  address: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

/** "Chrome trên Windows" from a user agent string (the full string is in the tooltip). */
export function deviceName(ua: string): string {
  if (!ua) return 'Không rõ thiết bị';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iPhone/iPad' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  if (browser && os) return `${browser} trên ${os}`;
  return browser ?? os ?? ua.slice(0, 60);
}

/** Enrolling: the secret and otpauth:// link for the app, then the first code to confirm it. */
export function TotpEnroll({ onDone }: { onDone(): void }) {
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setSetup(await api.post<{ secret: string; uri: string }>('/auth/totp/setup'));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Không bắt đầu được. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/totp/enable', { secret: setup!.secret, code: code.trim() });
      message.success('Đã bật xác thực hai bước.');
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Không xác nhận được mã. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  };
  if (!setup) {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon title={error} />}
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          Khi bật, mỗi lần đăng nhập bạn nhập thêm mã 6 chữ số từ ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft
          Authenticator, FreeOTP…).
        </Typography.Paragraph>
        <Button type="primary" onClick={start} loading={busy} data-testid="totp-start">
          Bật xác thực hai bước
        </Button>
      </Space>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="totp-enroll">
      {error && <Alert type="error" showIcon title={error} />}
      <Typography.Text>1. Trong ứng dụng xác thực, chọn thêm tài khoản bằng khóa và nhập khóa bí mật sau (hoặc mở liên kết trên điện thoại):</Typography.Text>
      <Typography.Text code copyable={{ text: setup.secret }} style={{ fontSize: 16, wordBreak: 'break-all' }} data-testid="totp-secret">
        {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
      </Typography.Text>
      <Typography.Link href={setup.uri} data-testid="totp-uri">Mở trong ứng dụng xác thực</Typography.Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>Khóa chỉ hiện một lần; sau khi bật, Nghị Trường không hiển thị lại.</Typography.Text>
      <Typography.Text>2. Nhập mã 6 chữ số ứng dụng đang hiển thị:</Typography.Text>
      <Space.Compact style={{ maxWidth: 320 }}>
        <Input
          aria-label="Mã xác thực"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          onPressEnter={confirm}
          data-testid="totp-code"
        />
        <Button type="primary" onClick={confirm} loading={busy} disabled={code.length !== 6}>
          Xác nhận
        </Button>
      </Space.Compact>
    </Space>
  );
}

function TotpCard() {
  const me = useMe();
  const { refresh } = useAuth();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const off = async () => {
    setBusy(true);
    try {
      await api.post('/auth/totp/disable', { password });
      setPassword('');
      message.success('Đã tắt xác thực hai bước.');
      await refresh();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Xác thực hai bước" style={{ marginBottom: 16 }}>
      {me.totpEnabled ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>
            <Tag color="green">Đang bật</Tag> Đăng nhập cần mật khẩu và mã từ ứng dụng xác thực.
          </div>
          <Typography.Text type="secondary">Để tắt, nhập mật khẩu hiện tại (tài khoản bắt buộc dùng thì chỉ quản trị viên đặt lại được).</Typography.Text>
          <Space.Compact style={{ maxWidth: 360 }}>
            <Input.Password aria-label="Mật khẩu hiện tại" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            <Button danger onClick={off} loading={busy} disabled={!password}>
              Tắt
            </Button>
          </Space.Compact>
        </Space>
      ) : (
        <TotpEnroll onDone={() => void refresh()} />
      )}
    </Card>
  );
}

function SessionsCard() {
  const sessions = useApi<{ items: Session[] }>('/auth/sessions');
  const end = async (s: Session) => {
    try {
      await api.delete(`/auth/sessions/${s.id}`);
      message.success('Đã kết thúc phiên đăng nhập.');
      sessions.reload();
    } catch (err) {
      showError(err);
    }
  };
  const endOthers = async () => {
    try {
      const r = await api.post<{ ended: number }>('/auth/sessions/end-others');
      message.success(`Đã kết thúc ${r.ended} phiên khác.`);
      sessions.reload();
    } catch (err) {
      showError(err);
    }
  };
  const others = (sessions.data?.items ?? []).filter((s) => !s.current).length;
  return (
    <Card title="Phiên đăng nhập">
      {sessions.error ? (
        <ErrorView error={sessions.error} onRetry={sessions.reload} />
      ) : (
        <List
          loading={sessions.loading}
          dataSource={sessions.data?.items ?? []}
          locale={{ emptyText: 'Không có phiên nào.' }}
          data-testid="sessions"
          renderItem={(s) => (
            <List.Item
              actions={[
                <Popconfirm key="end" title={s.current ? 'Kết thúc phiên này? Bạn sẽ phải đăng nhập lại.' : 'Kết thúc phiên này?'} okText="Kết thúc" cancelText="Không" onConfirm={() => end(s)}>
                  <Button type="link" danger size="small">Kết thúc</Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <span title={s.userAgent}>
                    {deviceName(s.userAgent)} {s.current && <Tag color="blue">Phiên này</Tag>}
                  </span>
                }
                description={
                  <span>
                    Địa chỉ {s.address || 'không rõ'} · đăng nhập {fmtDateTime(s.createdAt)} · hoạt động gần nhất {fmtDateTime(s.lastSeenAt)}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Popconfirm title="Kết thúc mọi phiên khác?" okText="Kết thúc" cancelText="Không" onConfirm={endOthers} disabled={!others}>
        <Button disabled={!others} style={{ marginTop: 12 }}>Kết thúc các phiên khác</Button>
      </Popconfirm>
    </Card>
  );
}

export function AccountPage() {
  return (
    <Page title="Bảo mật tài khoản" subtitle="Xác thực hai bước và các thiết bị đang đăng nhập tài khoản của bạn">
      <TotpCard />
      <SessionsCard />
      <CalendarFeedCard />
    </Page>
  );
}

/** Shown instead of the app while two-factor sign-in is required but not set up. */
export function ForcedTotpPage() {
  const { refresh, logout, me } = useAuth();
  return (
    <div className="nt-login">
      <Card className="nt-login-card" styles={{ body: { padding: 32 } }}>
        <div className="nt-login-head">
          <div className="nt-brand-logo"><StarFilled /></div>
          <h1>Xác thực hai bước</h1>
          <p>Xin chào {me?.fullName}. Tài khoản của bạn bắt buộc dùng xác thực hai bước; hãy bật trước khi tiếp tục.</p>
        </div>
        <TotpEnroll onDone={() => void refresh()} />
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => void logout()}>
          Đăng xuất
        </Button>
      </Card>
    </div>
  );
}
