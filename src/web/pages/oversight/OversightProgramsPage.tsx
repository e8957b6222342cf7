// Chương trình giám sát: the programmes of the council's bodies for a year (with those of the
// councils below when asked: the upper council sees them), each with its progress; a new
// programme for a body and year.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Form, Input, InputNumber, Modal, Progress, Select, Space, Switch, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi, usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { message } from '../../lib/feedback.tsx';
import { fmtDate, todayIso } from '../../lib/format.ts';
import { useAuth } from '../../lib/auth.tsx';
import { PROGRAM_STATE_COLORS, useManages, type ProgramRow } from './shared.tsx';

const BODY_KIND_LABELS: Record<string, string> = { council: 'HĐND', standing: 'Thường trực', committee: 'Ban', delegate_group: 'Tổ đại biểu', external: 'Cơ quan khác (đối chiếu)' };

export function OversightProgramsPage() {
  const { councilId } = useParams() as { councilId: string };
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const [lower, setLower] = useState(false);
  const table = usePagedTable<ProgramRow>(`/councils/${councilId}/oversight-programs`, { year, lower: lower ? 'true' : undefined });
  const manages = useManages(councilId);
  const [creating, setCreating] = useState(false);
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <Page
      title="Chương trình giám sát"
      crumbs={[{ title: 'Giám sát' }, { title: 'Chương trình giám sát' }]}
      extra={
        <Space wrap>
          <Link to={`/councils/${councilId}/oversight-timeline?year=${year}`}><Button>Lịch giám sát, trùng lặp</Button></Link>
          {manages && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>Lập chương trình</Button>}
        </Space>
      }
    >
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <span>Năm</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label="Năm" />
          <Switch checked={lower} onChange={setLower} aria-label="Cả HĐND cấp dưới" /> <span>Xem cả chương trình của HĐND cấp dưới</span>
        </Space>
        <ResponsiveTable<ProgramRow>
          rowKey="id"
          size="middle"
          {...table.tableProps}
          locale={{ emptyText: `Chưa có chương trình giám sát năm ${year}.` }}
          columns={[
            {
              title: 'Chương trình', dataIndex: 'title',
              render: (t: string, r) => (
                <div>
                  <Link to={`/councils/${councilId}/oversight/${r.id}`}>{t}</Link>
                  <div style={{ color: '#6b7280', fontSize: 12 }}>{[BODY_KIND_LABELS[r.bodyKind], r.own ? null : r.councilName].filter(Boolean).join(' · ')}</div>
                </div>
              ),
            },
            { title: 'Trạng thái', dataIndex: 'stateLabel', width: 150, render: (l: string, r) => <Tag color={PROGRAM_STATE_COLORS[r.state]}>{l}</Tag> },
            { title: 'Thông qua', dataIndex: 'adoptedOn', width: 150, responsive: ['md'], render: (d: string | null, r) => (d ? `${fmtDate(d)}${r.resolutionNumber ? ` (${r.resolutionNumber})` : ''}` : '—') },
            {
              title: 'Tiến độ', key: 'progress', width: 200,
              render: (_: unknown, r) => (r.activities ? <Progress percent={Math.round(((r.done ?? 0) / r.activities) * 100)} size="small" format={() => `${r.done}/${r.activities}`} /> : <span style={{ color: '#9ca3af' }}>Chưa có hoạt động</span>),
            },
          ]}
        />
      </Card>
      {manages && <PendingNotices councilId={councilId} />}
      {creating && <CreateProgramModal councilId={councilId} year={year} onClose={() => setCreating(false)} />}
    </Page>
  );
}

function CreateProgramModal(props: { councilId: string; year: number; onClose(): void }) {
  const navigate = useNavigate();
  const { me } = useAuth();
  const bodies = useApi<{ items: { id: string; kind: string; name: string }[] }>(`/councils/${props.councilId}/bodies`, { pageSize: 200 });
  const [form] = Form.useForm();
  const kind = Form.useWatch('bodyKind', form) as string | undefined;
  // a committee member sees only their committee
  const ownBodies = me && !me.isAdmin && !me.grants.some((g) => g.councilId === props.councilId && (g.role === 'secretariat' || g.role === 'standing_member'))
    ? new Set(me.grants.filter((g) => g.role === 'committee_member').map((g) => g.bodyId))
    : null;
  const options = (bodies.data?.items ?? []).filter((b) => b.kind === kind && (!ownBodies || ownBodies.has(b.id))).map((b) => ({ value: b.id, label: b.name }));
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const p = await api.post<{ id: string }>(`/councils/${props.councilId}/oversight-programs`, { ...v, bodyId: v.bodyId ?? null });
    message.success('Đã lập chương trình giám sát.');
    navigate(`/councils/${props.councilId}/oversight/${p.id}`);
  });
  return (
    <Modal open title="Lập chương trình giám sát" okText="Lập chương trình" cancelText="Hủy" onOk={submit} confirmLoading={busy} onCancel={props.onClose}>
      <Form form={form} layout="vertical" initialValues={{ year: props.year + (ownBodies ? 0 : 0), bodyKind: ownBodies ? 'committee' : 'committee' }}>
        <Form.Item name="bodyKind" label="Của" rules={[{ required: true }]}>
          <Select options={Object.entries(BODY_KIND_LABELS).filter(([k]) => !ownBodies || k === 'committee').map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {kind && kind !== 'council' && kind !== 'external' && (
          <Form.Item name="bodyId" label="Cơ quan" rules={[{ required: true, message: 'Hãy chọn cơ quan.' }]}>
            <Select options={options} />
          </Form.Item>
        )}
        {kind === 'external' && (
          <Form.Item name="externalName" label="Tên cơ quan (ví dụ: Đoàn đại biểu Quốc hội tỉnh)" rules={[{ required: true, message: 'Hãy nhập tên cơ quan.' }]}>
            <Input maxLength={300} />
          </Form.Item>
        )}
        <Form.Item name="year" label="Năm" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label="Tên chương trình (để trống: tự đặt)">
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface NoticeRow { id: string; activityId: string; activityTitle: string; agencyName: string; stepLabel: string; dueDate: string; overdue: boolean }

/** Notices not sent yet and due soon or overdue (the to-do line's list). */
function PendingNotices({ councilId }: { councilId: string }) {
  const table = usePagedTable<NoticeRow>(`/councils/${councilId}/oversight-notices`, { pending: 'true' }, { pageSize: 5 });
  if (!table.total) return null;
  return (
    <Card title={`Thông báo cần gửi đối tượng chịu giám sát (${table.total})`} style={{ marginTop: 16 }} id="notices">
      <ResponsiveTable<NoticeRow>
        rowKey="id" size="small" {...table.tableProps}
        columns={[
          { title: 'Thông báo', dataIndex: 'stepLabel', render: (l: string, r) => <div>{l} – {r.agencyName}<div style={{ fontSize: 12 }}><Link to={`/councils/${councilId}/oversight-activities/${r.activityId}`}>{r.activityTitle}</Link></div></div> },
          { title: 'Hạn', dataIndex: 'dueDate', width: 160, render: (d: string, r) => <Tag color={r.overdue ? 'red' : 'gold'}>{fmtDate(d)}{r.overdue ? ' (quá hạn)' : ''}</Tag> },
        ]}
      />
    </Card>
  );
}
