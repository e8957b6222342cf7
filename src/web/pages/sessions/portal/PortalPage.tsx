// Tài liệu kỳ họp, the delegates' portal, built for a phone first: one column of cards — the
// session, attendance to confirm, then each agenda item with its published documents (new / changed
// since the delegate last opened them), read in the browser or downloaded, a private note on each,
// and registration to speak with the intended text. Opening a file posts a receipt (GETs stay pure).
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { ErrorView, Loading, Page } from '../../../components/common.tsx';
import { api, type Page as ListPage } from '../../../lib/api.ts';
import { useApi } from '../../../lib/hooks.ts';
import { message, showError } from '../../../lib/feedback.tsx';
import { fmtDate, fmtDateTime, fmtSize } from '../../../lib/format.ts';
import { useSessionParam } from '../shared.tsx';

interface PortalFile { fileId: string; version: number; fileName: string; mimeType: string; size: number; publishedAt: string }
interface PortalDoc {
  id: string; kind: string; kindLabel: string; title: string; current: PortalFile; earlier: PortalFile[];
  seen: 'new' | 'changed' | 'read' | null; seenLabel: string | null; lastOpenedAt: string | null; lastOpenedVersion: number | null;
  note: { text: string; updatedAt: string } | null;
}
interface PortalItem { id: string; position: number; title: string; presenterName: string | null; documents: PortalDoc[]; speech: { state: string; text: string; registeredAt: string } | null }
interface PortalView {
  id: string; title: string; openingDate: string; closingDate: string | null; state: string; stateLabel: string;
  delegate: { id: string; fullName: string } | null;
  attendance: { status: string; statusLabel: string; reason: string; confirmedAt: string | null } | null;
  counts: { documents: number; new: number; changed: number };
  items: PortalItem[];
}
interface PortalSession { id: string; title: string; openingDate: string; state: string; stateLabel: string; documents: number; new: number; changed: number }

const SEEN_COLORS = { new: 'blue', changed: 'orange', read: 'default' } as const;
const typeOf = (m: string) => (m === 'application/pdf' ? 'PDF' : 'Word');

export function PortalPage() {
  const { councilId } = useParams() as { councilId: string };
  const list = useApi<ListPage<PortalSession> & { delegate: { fullName: string } | null }>(`/councils/${councilId}/portal/sessions`, { pageSize: 50 });
  const [sessionId, setSessionId] = useSessionParam(list.data?.items, (items) => items.filter((s) => s.state !== 'closed').at(-1) ?? items[0]!);
  const view = useApi<PortalView>(sessionId ? `/councils/${councilId}/portal/sessions/${sessionId}` : null);
  if (list.error) return <ErrorView error={list.error} />;
  if (view.error) return <ErrorView error={view.error} onRetry={view.reload} />;
  const sessions = list.data?.items ?? [];
  const v = view.data;
  return (
    <Page title="Tài liệu kỳ họp" subtitle={list.data?.delegate ? `Đại biểu ${list.data.delegate.fullName}` : undefined} crumbs={[{ title: 'Kỳ họp' }, { title: 'Tài liệu kỳ họp' }]}>
      {list.loading && !list.data ? <Loading /> : sessions.length === 0 ? <Card><Empty description="Chưa có kỳ họp nào." /></Card> : (
        <Space direction="vertical" size={12} style={{ width: '100%' }} className="nt-portal">
          <Select
            aria-label="Kỳ họp" value={sessionId ?? undefined} onChange={setSessionId} style={{ width: '100%' }}
            options={sessions.map((s) => ({ value: s.id, label: `${s.title} · ${fmtDate(s.openingDate)}${s.new + s.changed ? ` · ${s.new + s.changed} mới` : ''}` }))}
          />
          {!v ? <Loading /> : (
            <>
              {!v.delegate && <Alert type="info" showIcon message="Tài khoản của bạn chưa được gắn với một đại biểu của HĐND này, nên chỉ xem được tài liệu. Văn phòng gắn tài khoản theo địa chỉ thư điện tử trong hồ sơ đại biểu." />}
              <Card size="small">
                <Typography.Title level={4} style={{ margin: 0 }}>{v.title}</Typography.Title>
                <div style={{ color: '#6b7280' }}>Khai mạc {fmtDate(v.openingDate)}{v.closingDate && v.closingDate !== v.openingDate ? ` – bế mạc ${fmtDate(v.closingDate)}` : ''} · {v.stateLabel}</div>
                <div style={{ marginTop: 8 }} data-testid="portal-counts">
                  <Tag>{v.counts.documents} tài liệu</Tag>
                  {v.counts.new > 0 && <Tag color="blue">{v.counts.new} mới</Tag>}
                  {v.counts.changed > 0 && <Tag color="orange">{v.counts.changed} đã thay đổi</Tag>}
                </div>
              </Card>
              {v.delegate && <AttendanceCard councilId={councilId} view={v} onDone={view.reload} />}
              {v.items.length === 0 && <Card><Empty description="Kỳ họp chưa có nội dung." /></Card>}
              {v.items.map((it) => (
                <Card key={it.id} size="small" title={<span style={{ whiteSpace: 'normal' }}>{it.position}. {it.title}</span>} data-testid="portal-item">
                  {it.presenterName && <div style={{ color: '#6b7280', fontSize: 13, marginBottom: 8 }}>Cơ quan trình: {it.presenterName}</div>}
                  {it.documents.length === 0
                    ? <Typography.Text type="secondary">Chưa có tài liệu được phát hành.</Typography.Text>
                    : it.documents.map((d) => <DocumentBlock key={d.id} councilId={councilId} doc={d} canRecord={!!v.delegate} onDone={view.reload} />)}
                  {v.delegate && v.state !== 'closed' && <SpeechBlock councilId={councilId} item={it} onDone={view.reload} />}
                </Card>
              ))}
            </>
          )}
        </Space>
      )}
    </Page>
  );
}

function fileUrl(councilId: string, d: PortalDoc, f: PortalFile, as: 'view' | 'download') {
  return `/api/councils/${councilId}/portal/documents/${d.id}/files/${f.fileId}${as === 'download' ? '?as=download' : ''}`;
}

function DocumentBlock({ councilId, doc, canRecord, onDone }: { councilId: string; doc: PortalDoc; canRecord: boolean; onDone(): void }) {
  const f = doc.current;
  // The link opens the file itself (a new tab for PDF); the receipt is posted beside it.
  const opened = () => {
    if (!canRecord) return;
    api.post(`/councils/${councilId}/portal/documents/${doc.id}/files/${f.fileId}/opened`).then(onDone, () => undefined);
  };
  const pdf = f.mimeType === 'application/pdf';
  return (
    <div className="nt-portal-doc" data-testid="portal-doc" style={{ borderTop: '1px solid #f0f0f0', padding: '10px 0' }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <div style={{ minWidth: 0 }}>
          <strong style={{ overflowWrap: 'anywhere' }}>{doc.title}</strong>
          <div style={{ color: '#6b7280', fontSize: 12 }}>
            {doc.kindLabel} · bản {f.version} · {typeOf(f.mimeType)} · {fmtSize(f.size)} · phát hành {fmtDateTime(f.publishedAt)}
          </div>
          {doc.seen === 'changed' && doc.lastOpenedVersion && <div style={{ color: '#d46b08', fontSize: 12 }}>Bạn đã xem bản {doc.lastOpenedVersion}; đây là bản mới hơn.</div>}
          {doc.seen === 'read' && doc.lastOpenedAt && <div style={{ color: '#6b7280', fontSize: 12 }}>Bạn đã xem lúc {fmtDateTime(doc.lastOpenedAt)}</div>}
        </div>
        {doc.seen && <Tag color={SEEN_COLORS[doc.seen]} data-testid="seen-tag" style={{ marginInlineEnd: 0 }}>{doc.seenLabel}</Tag>}
      </div>
      <Space wrap style={{ marginTop: 8 }}>
        {pdf && <Button icon={<EyeOutlined />} href={fileUrl(councilId, doc, f, 'view')} target="_blank" rel="noopener" onClick={opened}>Xem</Button>}
        <Button icon={<DownloadOutlined />} href={fileUrl(councilId, doc, f, 'download')} onClick={opened}>Tải về</Button>
      </Space>
      {doc.earlier.length > 0 && (
        <div style={{ fontSize: 12, marginTop: 6 }}>
          Bản trước: {doc.earlier.map((e) => <a key={e.fileId} href={fileUrl(councilId, doc, e, 'download')} style={{ marginInlineEnd: 8 }}>bản {e.version}</a>)}
        </div>
      )}
      <NoteBlock councilId={councilId} doc={doc} onDone={onDone} />
    </div>
  );
}

function NoteBlock({ councilId, doc, onDone }: { councilId: string; doc: PortalDoc; onDone(): void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(doc.note?.text ?? '');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await api.put(`/councils/${councilId}/portal/documents/${doc.id}/note`, { text });
      message.success(text.trim() ? 'Đã lưu ghi chú riêng.' : 'Đã xóa ghi chú.');
      setEditing(false);
      onDone();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  if (!editing) {
    return (
      <div style={{ marginTop: 8 }}>
        {doc.note && <div data-testid="note-text" style={{ background: '#fffbe6', padding: '6px 8px', borderRadius: 6, whiteSpace: 'pre-wrap', fontSize: 13 }}>{doc.note.text}</div>}
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => { setText(doc.note?.text ?? ''); setEditing(true); }}>
          {doc.note ? 'Sửa ghi chú riêng' : 'Ghi chú riêng'}
        </Button>
      </div>
    );
  }
  return (
    <div style={{ marginTop: 8 }}>
      <Input.TextArea aria-label="Ghi chú riêng" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />
      <div style={{ color: '#6b7280', fontSize: 12, margin: '4px 0' }}>Chỉ bạn đọc được ghi chú này.</div>
      <Space>
        <Button type="primary" loading={busy} onClick={save}>Lưu ghi chú</Button>
        <Button onClick={() => setEditing(false)}>Hủy</Button>
      </Space>
    </div>
  );
}

function AttendanceCard({ councilId, view, onDone }: { councilId: string; view: PortalView; onDone(): void }) {
  const a = view.attendance;
  const [editing, setEditing] = useState(!a);
  const [status, setStatus] = useState(a?.status ?? 'present');
  const [reason, setReason] = useState(a?.reason ?? '');
  const [busy, setBusy] = useState(false);
  const closed = view.state === 'closed';
  const save = async () => {
    setBusy(true);
    try {
      await api.put(`/councils/${councilId}/portal/sessions/${view.id}/attendance`, { status, reason: status === 'absent' ? reason : undefined });
      message.success('Đã xác nhận tham dự.');
      setEditing(false);
      onDone();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="Xác nhận tham dự" data-testid="attendance-card">
      {a && !editing ? (
        <Space direction="vertical" size={4}>
          <div><Tag color={a.status === 'absent' ? 'red' : 'green'} data-testid="attendance-status">{a.statusLabel}</Tag> {a.confirmedAt && <span style={{ color: '#6b7280', fontSize: 12 }}>xác nhận lúc {fmtDateTime(a.confirmedAt)}</span>}</div>
          {a.reason && <div style={{ fontSize: 13 }}>Lý do: {a.reason}</div>}
          {!closed && <Button size="small" onClick={() => setEditing(true)}>Thay đổi</Button>}
        </Space>
      ) : closed ? <Typography.Text type="secondary">Kỳ họp đã bế mạc.</Typography.Text> : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {!a && <Alert type="warning" showIcon message="Bạn chưa xác nhận tham dự kỳ họp này." />}
          <Radio.Group value={status} onChange={(e) => setStatus(e.target.value)} aria-label="Hình thức tham dự">
            <Space direction="vertical">
              <Radio value="present">Có mặt tại kỳ họp</Radio>
              <Radio value="online">Tham dự trực tuyến</Radio>
              <Radio value="absent">Vắng mặt (nêu lý do)</Radio>
            </Space>
          </Radio.Group>
          {status === 'absent' && <Input.TextArea aria-label="Lý do vắng mặt" placeholder="Lý do vắng mặt, để báo cáo chủ tọa kỳ họp" value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2 }} maxLength={2000} />}
          <Space>
            <Button type="primary" loading={busy} onClick={save}>Xác nhận tham dự</Button>
            {a && <Button onClick={() => setEditing(false)}>Hủy</Button>}
          </Space>
        </Space>
      )}
    </Card>
  );
}

function SpeechBlock({ councilId, item, onDone }: { councilId: string; item: PortalItem; onDone(): void }) {
  const sp = item.speech?.state === 'registered' ? item.speech : null;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.speech?.text ?? '');
  const [busy, setBusy] = useState(false);
  const run = async (f: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await f();
      message.success(ok);
      setEditing(false);
      onDone();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const path = `/councils/${councilId}/portal/items/${item.id}/speech`;
  return (
    <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 10, marginTop: 4 }} data-testid="speech-block">
      {sp && !editing && (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <div><Tag color="green">Đã đăng ký phát biểu</Tag><span style={{ color: '#6b7280', fontSize: 12 }}>{fmtDateTime(sp.registeredAt)}</span></div>
          {sp.text && <div style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>{sp.text}</div>}
          <Space wrap>
            <Button size="small" onClick={() => { setText(sp.text); setEditing(true); }}>Sửa nội dung dự kiến</Button>
            <Button size="small" danger loading={busy} onClick={() => run(() => api.post(`${path}/withdraw`), 'Đã rút đăng ký phát biểu; nội dung dự kiến vẫn được lưu.')}>Rút đăng ký</Button>
          </Space>
        </Space>
      )}
      {!sp && !editing && <Button onClick={() => { setText(item.speech?.text ?? ''); setEditing(true); }}>Đăng ký phát biểu</Button>}
      {editing && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea aria-label="Nội dung dự kiến phát biểu" placeholder="Nội dung dự kiến phát biểu (không bắt buộc)" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} />
          <Space>
            <Button type="primary" loading={busy} onClick={() => run(() => api.put(path, { text }), sp ? 'Đã lưu nội dung dự kiến phát biểu.' : 'Đã đăng ký phát biểu.')}>{sp ? 'Lưu' : 'Đăng ký'}</Button>
            <Button onClick={() => setEditing(false)}>Hủy</Button>
          </Space>
        </Space>
      )}
    </div>
  );
}
