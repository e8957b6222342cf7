// The secretariat's check-in: every delegate on the roll, for the whole session or one agenda
// item, marked present / online / absent (a reason is asked for), one at a time or the selected
// ones in bulk; what the delegate told the portal beforehand is shown beside.
import { useState } from 'react';
import { Alert, Button, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../components/ResponsiveTable.tsx';
import { ErrorView } from '../../../components/common.tsx';
import { api, type Page as ListPage } from '../../../lib/api.ts';
import { useApi, useDebounced, usePagedTable } from '../../../lib/hooks.ts';
import { message, showError } from '../../../lib/feedback.tsx';
import { fmtDateTime } from '../../../lib/format.ts';
import { LiveTag } from './votesShared.tsx';
import { ItemSelect, STATUS_COLORS, Toolbar, useFloorPerms, useFloorLive, type FloorView } from './floorShared.tsx';

interface Row {
  delegateId: string; fullName: string; position: string; status: 'present' | 'online' | 'absent' | null; statusLabel: string; reason: string;
  level: 'session' | 'item' | null; sessionStatus: string | null; source: 'secretariat' | 'self' | null; recordedBy: string | null; recordedAt: string | null;
  advance: { status: string; statusLabel: string; reason: string } | null;
}
interface Counts { serving: number; present: number; online: number; absent: number; none: number }
type Status = 'present' | 'online' | 'absent';

export function AttendancePanel(props: { councilId: string; sessionId: string; itemId: string | null; onItem(v: string | null): void }) {
  const perms = useFloorPerms(props.councilId);
  const base = `/councils/${props.councilId}/chamber/sessions/${props.sessionId}`;
  const floor = useApi<FloorView>(`${base}/floor`);
  const [status, setStatus] = useState('all');
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 300);
  const table = usePagedTable<Row>(`${base}/attendance`, { sessionItemId: props.itemId ?? undefined, status: status === 'all' ? undefined : status, q: dq || undefined }, { pageSize: 100 });
  const live = useFloorLive(props.councilId, props.sessionId, table.reload);
  const counts = (table.data as (ListPage<Row> & { counts?: Counts }) | null)?.counts;
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<{ ids: string[]; name: string } | null>(null);
  const [reason, setReason] = useState('');
  const checkable = floor.data && (floor.data.session.state === 'convened' || floor.data.session.state === 'inProgress');

  const send = async (ids: string[], s: Status, why?: string) => {
    setBusy(true);
    try {
      const body = { status: s, reason: why ?? null, sessionItemId: props.itemId };
      if (ids.length === 1) await api.put(`${base}/attendance/${ids[0]}`, body);
      else {
        const r = await api.post<{ count: number }>(`${base}/attendance/bulk`, { ...body, delegateIds: ids });
        message.success(`Đã điểm danh ${r.count} đại biểu.`);
        setSelected([]);
      }
      table.reload();
      return true;
    } catch (err) {
      showError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const mark = (ids: string[], s: Status, name: string) => {
    if (s === 'absent') {
      setReason('');
      setAsking({ ids, name });
    } else void send(ids, s);
  };
  const clearItem = async (r: Row) => {
    try {
      await api.delete(`${base}/items/${props.itemId}/attendance/${r.delegateId}`);
      table.reload();
    } catch (err) {
      showError(err);
    }
  };
  if (table.error) return <ErrorView error={table.error} onRetry={table.reload} />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Toolbar>
        {floor.data && <ItemSelect items={floor.data.items} value={props.itemId} onChange={props.onItem} allowSession />}
        <Select aria-label="Lọc theo điểm danh" value={status} onChange={setStatus} style={{ width: 200 }} options={[
          { value: 'all', label: 'Tất cả đại biểu' }, { value: 'present', label: 'Có mặt' }, { value: 'online', label: 'Trực tuyến' }, { value: 'absent', label: 'Vắng mặt' }, { value: 'none', label: 'Chưa điểm danh' },
        ]} />
        <Input.Search aria-label="Tìm đại biểu" placeholder="Tìm theo họ tên (gõ không dấu được)" allowClear value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 280, maxWidth: '100%' }} />
        <LiveTag status={live} />
      </Toolbar>
      {props.itemId && <Typography.Text type="secondary">Điểm danh riêng cho nội dung này; đại biểu chưa có điểm danh riêng được tính theo điểm danh cả kỳ họp.</Typography.Text>}
      {floor.data && !checkable && <Alert type="info" showIcon message={`${floor.data.session.title} ${floor.data.session.state === 'closed' ? 'đã bế mạc: điểm danh chỉ để xem.' : 'chưa được triệu tập: điểm danh khi kỳ họp đã được triệu tập hoặc đang diễn ra.'}`} />}
      {counts && (
        <Space wrap data-testid="attendance-counts">
          <Tag>Đại biểu hiện có {counts.serving}</Tag>
          <Tag color="green">Có mặt {counts.present}</Tag>
          <Tag color="cyan">Trực tuyến {counts.online}</Tag>
          <Tag color="red">Vắng mặt {counts.absent}</Tag>
          <Tag>Chưa điểm danh {counts.none}</Tag>
        </Space>
      )}
      {perms.attendance && checkable && (
        <Space wrap className="nt-toolbar">
          <Typography.Text>{selected.length ? `Đã chọn ${selected.length} đại biểu:` : 'Chọn đại biểu để điểm danh nhiều người cùng lúc.'}</Typography.Text>
          <Button type="primary" disabled={!selected.length} loading={busy} onClick={() => mark(selected, 'present', `${selected.length} đại biểu`)} data-testid="bulk-present">Có mặt</Button>
          <Button disabled={!selected.length} loading={busy} onClick={() => mark(selected, 'online', '')}>Trực tuyến</Button>
          <Button danger disabled={!selected.length} loading={busy} onClick={() => mark(selected, 'absent', `${selected.length} đại biểu`)}>Vắng mặt…</Button>
        </Space>
      )}
      <ResponsiveTable<Row>
        rowKey="delegateId" size="middle" {...table.tableProps} loading={!table.data}
        rowSelection={perms.attendance && checkable ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) } : undefined}
        columns={[
          { title: 'Đại biểu', dataIndex: 'fullName', width: 220, render: (t: string, r) => <div><strong>{t}</strong><div style={{ color: '#6b7280', fontSize: 12 }}>{r.position}</div></div> },
          {
            title: 'Điểm danh', key: 'status', width: 240,
            render: (_: unknown, r) => (
              <div data-testid="attendance-status">
                <Tag color={STATUS_COLORS[r.status ?? 'none']}>{r.statusLabel}</Tag>
                {r.level === 'item' && <Tag color="purple">Riêng nội dung này</Tag>}
                {r.source === 'self' && <Tag>Tự điểm danh</Tag>}
                {r.reason && <div style={{ fontSize: 12 }}>Lý do: {r.reason}</div>}
                {r.recordedAt && <div style={{ fontSize: 12, color: '#6b7280' }}>{fmtDateTime(r.recordedAt)}{r.recordedBy ? ` · ${r.recordedBy}` : ''}</div>}
              </div>
            ),
          },
          {
            title: 'Báo trước', key: 'advance', width: 200,
            render: (_: unknown, r) => (r.advance ? <div><Tag>{r.advance.statusLabel}</Tag>{r.advance.reason && <div style={{ fontSize: 12 }}>{r.advance.reason}</div>}</div> : '—'),
          },
          ...(perms.attendance && checkable ? [{
            title: '', key: 'actions', width: 300,
            render: (_: unknown, r: Row) => (
              <Space wrap>
                <Radio.Group size="small" optionType="button" buttonStyle="solid" value={r.status} aria-label={`Điểm danh ${r.fullName}`}
                  onChange={(e) => mark([r.delegateId], e.target.value as Status, r.fullName)}
                  options={[{ value: 'present', label: 'Có mặt' }, { value: 'online', label: 'Trực tuyến' }, { value: 'absent', label: 'Vắng' }]} />
                {r.level === 'item' && <Button size="small" type="link" onClick={() => clearItem(r)}>Theo cả kỳ họp</Button>}
              </Space>
            ),
          }] : []),
        ]}
      />
      <Modal
        open={!!asking} title={`Vắng mặt: ${asking?.name ?? ''}`} okText="Ghi vắng mặt" cancelText="Hủy" confirmLoading={busy}
        onCancel={() => setAsking(null)}
        onOk={async () => {
          if (!reason.trim()) {
            message.error('Đại biểu vắng mặt phải nêu lý do để báo cáo chủ tọa kỳ họp.');
            return;
          }
          if (await send(asking!.ids, 'absent', reason)) setAsking(null);
        }}
      >
        <Typography.Paragraph type="secondary">Lý do vắng mặt được báo cáo chủ tọa kỳ họp (Luật 72/2025/QH15, Điều 33 khoản 2).</Typography.Paragraph>
        <Input.TextArea aria-label="Lý do vắng mặt" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Space>
  );
}
