// Kỳ họp: the council's sessions (newest first) and its annual session plans; the secretariat
// creates a session (regular ones are numbered within the term) and a year's plan.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi, usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { message } from '../../lib/feedback.tsx';
import { fmtDate, isoDay } from '../../lib/format.ts';
import { SESSION_KIND_LABELS, useSessionPerms } from './shared.tsx';

interface SessionRow { id: string; title: string; kind: string; kindLabel: string; number: number | null; state: string; stateLabel: string; openingDate: string; closingDate: string | null; termName: string; firstOfTerm: boolean; postponedReason: string }
interface PlanRow { id: string; year: number; resolutionNumber: string; adoptedAtSessionId: string | null; note: string }

export const STATE_COLORS: Record<string, string> = { planned: 'blue', convened: 'geekblue', inProgress: 'green', closed: 'default', postponed: 'orange' };

export function SessionsPage() {
  const { councilId } = useParams() as { councilId: string };
  const perms = useSessionPerms(councilId);
  const table = usePagedTable<SessionRow>(`/councils/${councilId}/sessions`);
  const plans = usePagedTable<PlanRow>(`/councils/${councilId}/session-plans`, {}, { pageSize: 5 });
  const [creating, setCreating] = useState(false);
  const [planning, setPlanning] = useState(false);
  if (table.error) return <ErrorView error={table.error} />;
  const sessionTitle = (id: string | null) => (table.data?.items ?? []).find((s) => s.id === id)?.title ?? '';
  return (
    <Page
      title="Kỳ họp"
      crumbs={[{ title: 'Kỳ họp' }]}
      extra={perms.manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>Tạo kỳ họp</Button>}
    >
      <Card title="Các kỳ họp" style={{ marginBottom: 16 }}>
        <ResponsiveTable<SessionRow>
          rowKey="id"
          size="middle"
          {...table.tableProps}
          locale={{ emptyText: 'Chưa có kỳ họp nào.' }}
          columns={[
            {
              title: 'Kỳ họp', dataIndex: 'title',
              render: (t: string, r) => (
                <div>
                  <Link to={`/councils/${councilId}/sessions/${r.id}`}>{t}</Link>
                  <div style={{ color: '#6b7280', fontSize: 12 }}>{[r.kindLabel, r.termName, r.firstOfTerm ? 'Kỳ họp thứ nhất của nhiệm kỳ' : null].filter(Boolean).join(' · ')}</div>
                </div>
              ),
            },
            { title: 'Khai mạc', dataIndex: 'openingDate', width: 120, render: fmtDate },
            { title: 'Bế mạc', dataIndex: 'closingDate', width: 120, responsive: ['md'], render: fmtDate },
            { title: 'Trạng thái', dataIndex: 'stateLabel', width: 170, render: (l: string, r) => <Tag color={STATE_COLORS[r.state]}>{l}{r.postponedReason ? `: ${r.postponedReason}` : ''}</Tag> },
          ]}
        />
      </Card>
      <Card title="Kế hoạch tổ chức các kỳ họp" extra={perms.manage && <Button onClick={() => setPlanning(true)}>Lập kế hoạch năm</Button>}>
        <ResponsiveTable<PlanRow>
          rowKey="id"
          size="small"
          {...plans.tableProps}
          locale={{ emptyText: 'Chưa có kế hoạch nào.' }}
          columns={[
            { title: 'Năm', dataIndex: 'year', width: 90 },
            { title: 'Thông qua tại', dataIndex: 'adoptedAtSessionId', render: (id: string | null) => (id ? sessionTitle(id) || 'Kỳ họp' : <span style={{ color: '#9ca3af' }}>Chưa ghi</span>) },
            { title: 'Nghị quyết', dataIndex: 'resolutionNumber', width: 160, render: (n: string) => n || <span style={{ color: '#9ca3af' }}>Chưa có số</span> },
            { title: 'Ghi chú', dataIndex: 'note', responsive: ['lg'] },
          ]}
        />
      </Card>
      {creating && <CreateSessionModal councilId={councilId} plans={plans.data?.items ?? []} onClose={() => setCreating(false)} onDone={() => table.reload()} />}
      {planning && <CreatePlanModal councilId={councilId} sessions={table.data?.items ?? []} onClose={() => setPlanning(false)} onDone={() => plans.reload()} />}
    </Page>
  );
}

function CreateSessionModal(props: { councilId: string; plans: PlanRow[]; onClose(): void; onDone(): void }) {
  const council = useApi<{ terms: { id: string; name: string; startYear: number; endYear: number }[] }>(`/councils/${props.councilId}`);
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const terms = council.data?.terms ?? [];
  // The current term is the default once the council's terms have loaded.
  const lastTerm = terms.at(-1)?.id;
  useEffect(() => {
    if (lastTerm && !form.getFieldValue('termId')) form.setFieldValue('termId', lastTerm);
  }, [lastTerm, form]);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const s = await api.post<{ id: string; title: string }>(`/councils/${props.councilId}/sessions`, {
      termId: v.termId, kind: v.kind, title: v.title?.trim() || undefined, openingDate: isoDay(v.openingDate), closingDate: isoDay(v.closingDate),
      firstOfTerm: !!v.firstOfTerm, planId: v.planId ?? null,
    });
    message.success(`Đã tạo ${s.title}.`);
    props.onDone();
    navigate(`/councils/${props.councilId}/sessions/${s.id}`);
  });
  return (
    <Modal open title="Tạo kỳ họp" onCancel={props.onClose} onOk={submit} okText="Tạo kỳ họp" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'regular' }}>
        <Form.Item name="termId" label="Nhiệm kỳ (khóa)" rules={[{ required: true, message: 'Hãy chọn nhiệm kỳ.' }]}>
          <Select options={terms.map((t) => ({ value: t.id, label: `${t.name} (${t.startYear}–${t.endYear})` }))} />
        </Form.Item>
        <Form.Item name="kind" label="Loại kỳ họp" rules={[{ required: true }]} extra="Kỳ họp thường lệ được đánh số tiếp theo trong nhiệm kỳ.">
          <Select options={Object.entries(SESSION_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="title" label="Tên kỳ họp (để trống: tự đặt, ví dụ “Kỳ họp thứ 3”)">
          <Input maxLength={300} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="openingDate" label="Ngày khai mạc" rules={[{ required: true, message: 'Hãy chọn ngày khai mạc.' }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="closingDate" label="Ngày bế mạc">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Form.Item name="planId" label="Theo kế hoạch năm">
          <Select allowClear options={props.plans.map((p) => ({ value: p.id, label: `Kế hoạch năm ${p.year}` }))} />
        </Form.Item>
        <Form.Item name="firstOfTerm" valuePropName="checked">
          <Checkbox>Kỳ họp thứ nhất của nhiệm kỳ</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CreatePlanModal(props: { councilId: string; sessions: SessionRow[]; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/councils/${props.councilId}/session-plans`, { year: v.year, adoptedAtSessionId: v.adoptedAtSessionId ?? null, resolutionNumber: v.resolutionNumber?.trim() ?? '', note: v.note?.trim() ?? '' });
    message.success(`Đã lập kế hoạch tổ chức các kỳ họp năm ${v.year}.`);
    props.onDone();
    props.onClose();
  });
  return (
    <Modal open title="Kế hoạch tổ chức các kỳ họp" onCancel={props.onClose} onOk={submit} okText="Lưu" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() + 1 }}>
        <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Hãy nhập năm.' }]}>
          <InputNumber min={1990} max={2100} />
        </Form.Item>
        <Form.Item name="adoptedAtSessionId" label="Thông qua tại kỳ họp">
          <Select allowClear options={props.sessions.map((s) => ({ value: s.id, label: s.title }))} />
        </Form.Item>
        <Form.Item name="resolutionNumber" label="Số nghị quyết (ghi sau khi có)">
          <Input maxLength={100} placeholder="Ví dụ: 15/NQ-HĐND" />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
