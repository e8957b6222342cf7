// Đại biểu và tài liệu kỳ họp: the secretariat publishes received documents to the delegates (a
// draft stays hidden until then; a revision waits for a new publication) and sees who read what;
// the secretariat and the standing committee see attendance with counts and the speakers' list.
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Button, Card, Checkbox, Popover, Select, Space, Tabs, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../../components/common.tsx';
import { api, type Page as ListPage } from '../../../lib/api.ts';
import { useApi, usePagedTable } from '../../../lib/hooks.ts';
import { message, showError } from '../../../lib/feedback.tsx';
import { fmtDate, fmtDateTime } from '../../../lib/format.ts';
import { useSessionParam, useSessionPerms } from '../shared.tsx';

interface Reader { delegateId: string; fullName: string; version: number; lastOpenedAt: string; current: boolean }
interface PubRow {
  id: string; itemTitle: string; itemPosition: number; kindLabel: string; title: string;
  latestFile: { fileId: string; version: number; fileName: string; receivedOn: string } | null;
  published: { version: number; publishedAt: string; publishedBy: string | null } | null;
  awaitingPublication: boolean; readCurrent: number; readers: Reader[];
}
interface AttendanceRow { delegateId: string; fullName: string; position: string; status: string; statusLabel: string; reason: string; confirmedAt: string | null; documentsRead: number; documentsPublished: number; speeches: number }
interface Counts { total: number; present: number; online: number; absent: number; unconfirmed: number }
interface SpeakerRow { id: string; itemTitle: string; itemPosition: number; fullName: string; text: string; state: string; stateLabel: string; registeredAt: string }

const STATUS_COLORS: Record<string, string> = { present: 'green', online: 'cyan', absent: 'red', unconfirmed: 'default' };

export function SessionDelegatesPage() {
  const { councilId } = useParams() as { councilId: string };
  const sessions = useApi<ListPage<{ id: string; title: string; state: string; openingDate: string }>>(`/councils/${councilId}/sessions`, { pageSize: 50 });
  const [sessionId, setSessionId] = useSessionParam(sessions.data?.items, (items) => items.find((s) => s.state !== 'closed') ?? items[0]!);
  if (sessions.error) return <ErrorView error={sessions.error} />;
  return (
    <Page title="Đại biểu và tài liệu kỳ họp" crumbs={[{ title: 'Kỳ họp' }, { title: 'Đại biểu và tài liệu' }]}>
      <Select aria-label="Kỳ họp" value={sessionId ?? undefined} onChange={setSessionId} style={{ width: 420, maxWidth: '100%', marginBottom: 12 }}
        options={(sessions.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.title} · ${fmtDate(s.openingDate)}` }))} />
      {sessionId && (
        <Card>
          <Tabs items={[
            { key: 'docs', label: 'Tài liệu', children: <Publications councilId={councilId} sessionId={sessionId} /> },
            { key: 'attendance', label: 'Tham dự', children: <Attendance councilId={councilId} sessionId={sessionId} /> },
            { key: 'speakers', label: 'Phát biểu', children: <Speakers councilId={councilId} sessionId={sessionId} /> },
          ]} />
        </Card>
      )}
    </Page>
  );
}

function Publications({ councilId, sessionId }: { councilId: string; sessionId: string }) {
  const perms = useSessionPerms(councilId);
  const [params] = useSearchParams();
  const [awaiting, setAwaiting] = useState(params.get('awaiting') === 'true');
  const table = usePagedTable<PubRow>(`/councils/${councilId}/sessions/${sessionId}/publications`, { awaiting: awaiting ? 'true' : undefined }, { pageSize: 50 });
  const delegates = (table.data as (ListPage<PubRow> & { delegates?: number }) | null)?.delegates ?? 0;
  const [busy, setBusy] = useState<string | null>(null);
  const publish = async (r: PubRow) => {
    setBusy(r.id);
    try {
      await api.post(`/councils/${councilId}/session-documents/${r.id}/publish`);
      message.success(`Đã phát hành "${r.title}" cho đại biểu.`);
      table.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  };
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <>
      <Typography.Paragraph type="secondary">Đại biểu chỉ thấy tài liệu đã phát hành. Bản nhận sau khi phát hành chỉ đến đại biểu khi được phát hành lại, và hiện với đại biểu là "Đã thay đổi".</Typography.Paragraph>
      <div className="nt-toolbar">
        <Checkbox checked={awaiting} onChange={(e) => setAwaiting(e.target.checked)}>Chỉ tài liệu đã nhận chưa phát hành</Checkbox>
      </div>
      <ResponsiveTable<PubRow>
        rowKey="id" size="middle" {...table.tableProps}
        locale={{ emptyText: awaiting ? 'Không có tài liệu nào chờ phát hành.' : 'Kỳ họp chưa có tài liệu phải nộp.' }}
        columns={[
          { title: 'Tài liệu', dataIndex: 'title', render: (t: string, r) => <div><strong>{t}</strong><div style={{ color: '#6b7280', fontSize: 12 }}>{r.itemPosition}. {r.itemTitle} · {r.kindLabel}</div></div> },
          { title: 'Đã nhận', key: 'latest', width: 170, render: (_: unknown, r) => (r.latestFile ? `Bản ${r.latestFile.version} (${fmtDate(r.latestFile.receivedOn)})` : 'Chưa có tệp') },
          {
            title: 'Phát hành cho đại biểu', key: 'pub', width: 220,
            render: (_: unknown, r) => (
              <div>
                {r.published ? <Tag color="green">Bản {r.published.version} · {fmtDateTime(r.published.publishedAt)}</Tag> : <Tag>Chưa phát hành</Tag>}
                {r.awaitingPublication && <Tag color="orange" data-testid="awaiting">{r.published ? 'Có bản mới chưa phát hành' : 'Chờ phát hành'}</Tag>}
              </div>
            ),
          },
          {
            title: 'Đại biểu đã đọc', key: 'readers', width: 160,
            render: (_: unknown, r) => !r.published ? '—' : (
              <Popover title="Đại biểu đã mở tài liệu" content={r.readers.length ? r.readers.map((x) => <div key={x.delegateId}>{x.fullName}: bản {x.version}, {fmtDateTime(x.lastOpenedAt)}{x.current ? '' : ' (bản cũ)'}</div>) : 'Chưa có ai mở.'}>
                <a data-testid="read-count">{r.readCurrent}/{delegates} đại biểu</a>
              </Popover>
            ),
          },
          ...(perms.manage ? [{
            title: '', key: 'actions', width: 130,
            render: (_: unknown, r: PubRow) => r.awaitingPublication ? <Button type="primary" size="small" loading={busy === r.id} onClick={() => publish(r)}>Phát hành</Button> : null,
          }] : []),
        ]}
      />
    </>
  );
}

function Attendance({ councilId, sessionId }: { councilId: string; sessionId: string }) {
  const [status, setStatus] = useState('all');
  const table = usePagedTable<AttendanceRow>(`/councils/${councilId}/sessions/${sessionId}/attendance`, { status: status === 'all' ? undefined : status }, { pageSize: 50 });
  const counts = (table.data as (ListPage<AttendanceRow> & { counts?: Counts }) | null)?.counts;
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <>
      {counts && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="attendance-counts">
          <Tag>Tổng số {counts.total} đại biểu</Tag>
          <Tag color="green">Có mặt {counts.present}</Tag>
          <Tag color="cyan">Trực tuyến {counts.online}</Tag>
          <Tag color="red">Vắng mặt {counts.absent}</Tag>
          <Tag>Chưa xác nhận {counts.unconfirmed}</Tag>
        </Space>
      )}
      <div className="nt-toolbar">
        <Select aria-label="Lọc theo tham dự" value={status} onChange={setStatus} style={{ width: 220, maxWidth: '100%' }} options={[
          { value: 'all', label: 'Tất cả đại biểu' }, { value: 'present', label: 'Có mặt' }, { value: 'online', label: 'Trực tuyến' }, { value: 'absent', label: 'Vắng mặt' }, { value: 'unconfirmed', label: 'Chưa xác nhận' },
        ]} />
      </div>
      <ResponsiveTable<AttendanceRow>
        rowKey="delegateId" size="middle" {...table.tableProps}
        columns={[
          { title: 'Đại biểu', dataIndex: 'fullName', render: (t: string, r) => <div><strong>{t}</strong><div style={{ color: '#6b7280', fontSize: 12 }}>{r.position}</div></div> },
          { title: 'Tham dự', dataIndex: 'statusLabel', width: 200, render: (t: string, r) => <div><Tag color={STATUS_COLORS[r.status]}>{t}</Tag>{r.reason && <div style={{ fontSize: 12 }}>Lý do: {r.reason}</div>}</div> },
          { title: 'Xác nhận lúc', dataIndex: 'confirmedAt', width: 150, render: (v: string | null) => (v ? fmtDateTime(v) : '—') },
          { title: 'Đã đọc tài liệu', key: 'read', width: 130, render: (_: unknown, r) => `${r.documentsRead}/${r.documentsPublished}` },
          { title: 'Đăng ký phát biểu', dataIndex: 'speeches', width: 140 },
        ]}
      />
    </>
  );
}

function Speakers({ councilId, sessionId }: { councilId: string; sessionId: string }) {
  const table = usePagedTable<SpeakerRow>(`/councils/${councilId}/sessions/${sessionId}/speakers`, {}, { pageSize: 50 });
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <ResponsiveTable<SpeakerRow>
      rowKey="id" size="middle" {...table.tableProps}
      locale={{ emptyText: 'Chưa có đại biểu đăng ký phát biểu.' }}
      columns={[
        { title: 'Nội dung kỳ họp', dataIndex: 'itemTitle', render: (t: string, r) => `${r.itemPosition}. ${t}` },
        { title: 'Đại biểu', dataIndex: 'fullName', width: 180 },
        { title: 'Nội dung dự kiến phát biểu', dataIndex: 'text', render: (t: string) => (t ? <div style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>{t}</div> : <Typography.Text type="secondary">Không gửi kèm</Typography.Text>) },
        { title: 'Trạng thái', dataIndex: 'stateLabel', width: 150, render: (t: string, r) => <div><Tag color={r.state === 'registered' ? 'green' : 'default'}>{t}</Tag><div style={{ fontSize: 12, color: '#6b7280' }}>{fmtDateTime(r.registeredAt)}</div></div> },
      ]}
    />
  );
}
