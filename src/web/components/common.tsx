// Shared page pieces: page header with breadcrumbs, error and permission pages, spinners.
import { useState, type ReactNode } from 'react';
import { Alert, Breadcrumb, Button, Input, Modal, Result, Spin } from 'antd';
import { HomeOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../lib/api.ts';
import { message, showError } from '../lib/feedback.tsx';

export interface Crumb {
  title: ReactNode;
  to?: string;
}

export function Page(props: { title: ReactNode; subtitle?: ReactNode; crumbs?: Crumb[]; extra?: ReactNode; children?: ReactNode }) {
  const items = [
    { title: <Link to="/" aria-label="Trang chủ"><HomeOutlined /></Link> },
    ...(props.crumbs ?? []).map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title })),
  ];
  return (
    <div>
      <Breadcrumb items={items} />
      <div className="nt-page-head">
        <div>
          <h1>{props.title}</h1>
          {props.subtitle && <div className="nt-page-sub">{props.subtitle}</div>}
        </div>
        {props.extra && <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>{props.extra}</div>}
      </div>
      {props.children}
    </div>
  );
}

export function Forbidden({ detail }: { detail?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="Bạn không có quyền truy cập"
      subTitle={detail ?? 'Bạn không có quyền xem trang này. Nếu cần, hãy đề nghị quản trị viên giao quyền phù hợp.'}
      extra={<Button type="primary" onClick={() => navigate('/')}>Về trang chủ</Button>}
    />
  );
}

export function NotFound({ detail }: { detail?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="Không tìm thấy"
      subTitle={detail ?? 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi.'}
      extra={<Button type="primary" onClick={() => navigate('/')}>Về trang chủ</Button>}
    />
  );
}

/** The right page for a failed load: no permission, not found, or the server's message. */
export function ErrorView({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  if (error.status === 403) return <Forbidden detail={error.message} />;
  if (error.status === 404) return <NotFound detail={error.message} />;
  return (
    <Result
      status="error"
      title="Không tải được dữ liệu"
      subTitle={error.message}
      extra={onRetry && <Button onClick={onRetry}>Thử lại</Button>}
    />
  );
}

export function Loading({ tip = 'Đang tải…' }: { tip?: string }) {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={tip} size="large">
        <div style={{ minHeight: 40 }} />
      </Spin>
    </div>
  );
}

/** "Nothing matched as typed; showing results for …" above a searched list. */
export function SearchCorrection({ corrected }: { corrected: Record<string, string[]> | null }) {
  if (!corrected || !Object.keys(corrected).length) return null;
  const parts = Object.entries(corrected).map(([word, alts]) => `«${word}» → ${alts.join(', ')}`);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={`Không có kết quả đúng như đã gõ; đang hiển thị kết quả với cách viết gần đúng: ${parts.join('; ')}`}
    />
  );
}

/**
 * "Trả lại" with a reason (an agency returning a petition, an upper council sending one back down):
 * the reason is required; `onSubmit` does the call and resolves when it succeeded.
 */
export function ReturnReasonModal(props: {
  title: string;
  children?: ReactNode;
  placeholder?: string;
  testId?: string;
  onSubmit(reason: string): Promise<void>;
  onClose(): void;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) {
      message.warning('Hãy nêu lý do trả lại.');
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(reason.trim());
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onClose}
      onOk={submit}
      okText="Trả lại"
      okButtonProps={{ danger: true, ...(props.testId ? { 'data-testid': `${props.testId}-submit` } : {}) }}
      cancelText="Hủy"
      confirmLoading={busy}
    >
      {props.children}
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={2000}
        placeholder={props.placeholder}
        aria-label="Lý do trả lại"
        {...(props.testId ? { 'data-testid': `${props.testId}-reason` } : {})}
      />
    </Modal>
  );
}
