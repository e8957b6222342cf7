// The login page: plain React and inputs (no Ant Design), served by the light entry (public.html)
// and also rendered inside the app when a session ends. After signing in, the browser loads the
// page the user came from, i.e. the app shell. An account with two-factor sign-in answers the
// password step with `totpRequired`: the page then asks for the authenticator code (TotpStep).
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router-dom';
import { ApiError, request } from '../lib/api.ts';
import { Logo } from '../components/Logo.tsx';
import '../public.css';

interface Fields {
  username: string;
  password: string;
}
type FieldErrors = Partial<Record<keyof Fields, string>>;

/** Only a path of this site (no "//host"), so a crafted link cannot send the user elsewhere. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

function check(v: Fields): FieldErrors {
  const e: FieldErrors = {};
  if (!v.username.trim()) e.username = 'Hãy nhập tên đăng nhập.';
  if (!v.password) e.password = 'Hãy nhập mật khẩu.';
  return e;
}

export function LoginPage() {
  const location = useLocation();
  const from = returnPath(location.state);
  const [fields, setFields] = useState<Fields>({ username: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  // Second step: the password was right, the account asks for its authenticator code.
  const [totp, setTotp] = useState(false);

  useEffect(() => {
    document.title = 'Đăng nhập — Nghị Trường';
    // Already signed in (a second tab, the back button): go on to the app.
    request('GET', '/auth/me', { quiet401: true }).then(
      () => window.location.replace(from),
      () => {},
    );
  }, [from]);

  const set = (name: keyof Fields) => (e: { target: { value: string } }) => {
    setFields((f) => ({ ...f, [name]: e.target.value }));
    setFieldErrors((fe) => ({ ...fe, [name]: undefined }));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = check(fields);
    setFieldErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setError(null);
    await signIn();
  };

  /** Sends the password (and the code, on the second step); false when the step must be retried. */
  const signIn = async (totpCode?: string) => {
    try {
      const r = await request<{ ok: boolean; totpRequired?: boolean }>('POST', '/auth/login', {
        body: { username: fields.username.trim(), password: fields.password, ...(totpCode ? { totpCode } : {}) },
        quiet401: true,
      });
      if (r.totpRequired) {
        setTotp(true);
        setBusy(false);
        return;
      }
      window.location.replace(from);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Không đăng nhập được. Vui lòng thử lại.');
      setBusy(false);
    }
  };

  return (
    <div className="lt lt-login">
      <main className="lt-login-card">
        <div className="lt-login-head">
          <Logo />
          <h1>Nghị Trường</h1>
          <p>Nền tảng làm việc số của Hội đồng nhân dân</p>
        </div>
        {error && (
          <div className="lt-alert lt-alert-error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        {totp ? (
          <TotpStep
            busy={busy}
            onCode={async (code) => {
              setBusy(true);
              setError(null);
              await signIn(code);
            }}
            onBack={() => {
              setTotp(false);
              setError(null);
            }}
          />
        ) : (
        <form onSubmit={onSubmit} noValidate>
          <div className="lt-field">
            <label htmlFor="login-username">Tên đăng nhập</label>
            <input
              id="login-username"
              className="lt-input"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              placeholder="ví dụ: vp.sahuynh"
              value={fields.username}
              onChange={set('username')}
              aria-invalid={!!fieldErrors.username}
              aria-describedby={fieldErrors.username ? 'login-username-error' : undefined}
            />
            {fieldErrors.username && <div id="login-username-error" className="lt-field-error">{fieldErrors.username}</div>}
          </div>
          <div className="lt-field">
            <label htmlFor="login-password">Mật khẩu</label>
            <div className="lt-password">
              <input
                id="login-password"
                className="lt-input"
                name="password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
                value={fields.password}
                onChange={set('password')}
                aria-invalid={!!fieldErrors.password}
                aria-describedby={fieldErrors.password ? 'login-password-error' : undefined}
              />
              <button type="button" onClick={() => setShowPassword((s) => !s)} aria-pressed={showPassword} aria-label={showPassword ? 'Ẩn mật khẩu' : 'Hiện mật khẩu'}>
                {showPassword ? 'Ẩn' : 'Hiện'}
              </button>
            </div>
            {fieldErrors.password && <div id="login-password-error" className="lt-field-error">{fieldErrors.password}</div>}
          </div>
          <button type="submit" className="lt-btn lt-btn-primary" disabled={busy}>
            {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
          </button>
        </form>
        )}
        <p className="lt-login-note">Quên mật khẩu? Hãy liên hệ quản trị viên của đơn vị để được đặt lại.</p>
      </main>
    </div>
  );
}

/** The code step of two-factor sign-in. */
function TotpStep({ busy, onCode, onBack }: { busy: boolean; onCode(code: string): Promise<void>; onBack(): void }) {
  const [code, setCode] = useState('');
  return (
    <form
      data-testid="totp-step"
      onSubmit={async (e) => {
        e.preventDefault();
        await onCode(code.trim());
        setCode('');
      }}
    >
      <div className="lt-field">
        <label htmlFor="totp-code">Mã xác thực 6 chữ số trên ứng dụng xác thực của bạn</label>
        <input
          id="totp-code"
          className="lt-input"
          name="totpCode"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          autoFocus
          style={{ fontSize: 22, letterSpacing: 6, textAlign: 'center' }}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        />
      </div>
      <button type="submit" className="lt-btn lt-btn-primary" disabled={busy || code.length !== 6}>
        {busy ? 'Đang kiểm tra…' : 'Xác nhận'}
      </button>
      <button type="button" className="lt-btn" style={{ marginTop: 8, width: '100%' }} onClick={onBack}>
        Quay lại
      </button>
    </form>
  );
}
