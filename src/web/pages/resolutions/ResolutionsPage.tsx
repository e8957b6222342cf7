// Nghị quyết: the council's register with each resolution's status on a chosen date (computed
// from the links), filters, registering a passed resolution, and the session's minutes and
// conclusion notice issued from the data.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi, usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { message } from '../../lib/feedback.tsx';
import { fmtDate, isoDay, todayIso } from '../../lib/format.ts';
import { RESOLUTION_STATUS_LABELS, StatusTag, useResolutionPerms } from './shared.tsx';

interface Row {
  id: string; title: string; symbol: string | null; kindLabel: string; normative: boolean; passedOn: string; inForceFrom: string | null; certifiedOn: string | null;
  sessionTitle: string | null; status: string; statusLabel: string; statusSince: string | null; links: { label: string; byLabel: string; provisions: string }[];
}
interface SessionRow { id: string; title: string; openingDate: string; closingDate: string | null; state: string }

export function ResolutionsPage() {
  const { councilId } = useParams() as { councilId: string };
  const perms = useResolutionPerms(councilId);
  const [on, setOn] = useState<string>(todayIso());
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState<string>('');
  const table = usePagedTable<Row>(`/councils/${councilId}/resolutions`, { on, status, q: q || undefined });
  const [creating, setCreating] = useState(false);
  const [sessionDoc, setSessionDoc] = useState<'minutes' | 'conclusion-notice' | null>(null);
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <Page
      title="Nghị quyết"
      crumbs={[{ title: 'Kỳ họp', to: `/councils/${councilId}/sessions` }, { title: 'Nghị quyết' }]}
      extra={perms.manage && (
        <Space wrap>
          <Button onClick={() => setSessionDoc('minutes')}>Lập biên bản kỳ họp</Button>
          <Button onClick={() => setSessionDoc('conclusion-notice')}>Thông báo kết luận</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>Ghi nghị quyết</Button>
        </Space>
      )}
    >
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>Tình trạng tại ngày</span>
          <DatePicker aria-label="Tình trạng tại ngày" format="DD/MM/YYYY" allowClear={false} value={dayjs(on)} onChange={(d) => d && setOn(isoDay(d)!)} />
          <Select style={{ minWidth: 220 }} allowClear placeholder="Mọi tình trạng" value={status} onChange={setStatus}
            options={[{ value: 'anyInForce', label: 'Còn hiệu lực (toàn bộ hoặc một phần)' }, ...Object.entries(RESOLUTION_STATUS_LABELS).map(([value, label]) => ({ value, label }))]} />
          <Input.Search allowClear placeholder="Tìm theo số, tên nghị quyết" onSearch={setQ} style={{ minWidth: 240 }} />
        </Space>
      </Card>
      <Card title="Sổ nghị quyết">
        <ResponsiveTable<Row>
          rowKey="id"
          size="middle"
          {...table.tableProps}
          locale={{ emptyText: 'Chưa có nghị quyết nào.' }}
          columns={[
            { title: 'Số, ký hiệu', dataIndex: 'symbol', width: 160, render: (s: string | null) => s ?? <Typography.Text type="secondary">Chưa đánh số</Typography.Text> },
            {
              title: 'Nghị quyết', dataIndex: 'title',
              render: (t: string, r) => (
                <div>
                  <Link to={`/councils/${councilId}/resolutions/${r.id}?on=${on}`}>{t}</Link>
                  <div style={{ color: '#6b7280', fontSize: 12 }}>{[r.kindLabel, r.sessionTitle, r.links.map((l) => `${l.label} ${l.byLabel}${l.provisions ? ` (${l.provisions})` : ''}`).join('; ')].filter(Boolean).join(' · ')}</div>
                </div>
              ),
            },
            { title: 'Thông qua', dataIndex: 'passedOn', width: 110, render: fmtDate },
            { title: 'Hiệu lực từ', dataIndex: 'inForceFrom', width: 110, responsive: ['md'], render: fmtDate },
            { title: 'Tình trạng', dataIndex: 'statusLabel', width: 220, render: (l: string, r) => <StatusTag status={r.status} label={l} /> },
          ]}
        />
      </Card>
      {creating && <CreateModal councilId={councilId} onClose={() => setCreating(false)} />}
      {sessionDoc && <SessionDocModal councilId={councilId} kind={sessionDoc} onClose={() => setSessionDoc(null)} />}
    </Page>
  );
}

function useSessions(councilId: string) {
  return useApi<{ items: SessionRow[] }>(`/councils/${councilId}/sessions`, { pageSize: 50 });
}

function CreateModal({ councilId, onClose }: { councilId: string; onClose(): void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const sessions = useSessions(councilId);
  const sessionId = Form.useWatch('sessionId', form) as string | undefined;
  const session = useApi<{ items: { id: string; title: string }[] }>(sessionId ? `/councils/${councilId}/sessions/${sessionId}` : null);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const announced = v.votesTotal ? { for: v.votesFor ?? 0, against: v.votesAgainst ?? 0, abstain: v.votesAbstain ?? 0, total: v.votesTotal } : null;
    const r = await api.post<{ id: string }>(`/councils/${councilId}/resolutions`, {
      title: v.title, normative: !!v.normative, shortenedProcedure: !!v.shortenedProcedure, content: v.content ?? '', passedOn: isoDay(v.passedOn),
      sessionId: v.sessionId ?? null, itemId: v.itemId ?? null, inForceFrom: isoDay(v.inForceFrom), announced,
    });
    message.success('Đã ghi nghị quyết.');
    navigate(`/councils/${councilId}/resolutions/${r.id}`);
  });
  return (
    <Modal open title="Ghi nghị quyết được thông qua" onCancel={onClose} onOk={submit} okText="Ghi nghị quyết" cancelText="Hủy" confirmLoading={busy} destroyOnHidden width={640}>
      <Form form={form} layout="vertical">
        <Form.Item name="title" label="Tên nghị quyết" rules={[{ required: true, message: 'Hãy nhập tên nghị quyết.' }]}>
          <Input maxLength={500} placeholder="Nghị quyết quy định …" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="normative" valuePropName="checked"><Checkbox>Quy phạm pháp luật (số có năm, hiệu lực ≥ 10 ngày)</Checkbox></Form.Item>
          <Form.Item name="shortenedProcedure" valuePropName="checked"><Checkbox>Thủ tục rút gọn</Checkbox></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="sessionId" label="Kỳ họp">
            <Select allowClear style={{ minWidth: 220 }} options={(sessions.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.title} (${fmtDate(s.openingDate)})` }))} />
          </Form.Item>
          <Form.Item name="itemId" label="Nội dung trình (tờ trình)">
            <Select allowClear style={{ minWidth: 260 }} disabled={!sessionId} options={(session.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="passedOn" label="Ngày thông qua" rules={[{ required: true, message: 'Hãy chọn ngày thông qua.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
          <Form.Item name="inForceFrom" label="Có hiệu lực từ (để trống: sớm nhất theo luật)"><DatePicker format="DD/MM/YYYY" /></Form.Item>
        </Space>
        <Typography.Text type="secondary">Kết quả biểu quyết đã công bố (khi chưa có phiếu biểu quyết trong hệ thống)</Typography.Text>
        <Space wrap>
          <Form.Item name="votesFor" label="Tán thành"><InputNumber min={0} /></Form.Item>
          <Form.Item name="votesAgainst" label="Không tán thành"><InputNumber min={0} /></Form.Item>
          <Form.Item name="votesAbstain" label="Không biểu quyết"><InputNumber min={0} /></Form.Item>
          <Form.Item name="votesTotal" label="Tổng số đại biểu"><InputNumber min={0} /></Form.Item>
        </Space>
        <Form.Item name="content" label="Nội dung (mỗi điều một đoạn, dòng đầu là tên điều)">
          <Input.TextArea rows={5} maxLength={50_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SessionDocModal({ councilId, kind, onClose }: { councilId: string; kind: 'minutes' | 'conclusion-notice'; onClose(): void }) {
  const [form] = Form.useForm();
  const sessions = useSessions(councilId);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const d = await api.post<{ id: string; symbol: string }>(`/councils/${councilId}/sessions/${v.sessionId}/${kind}`, {
      place: v.place, chairPerson: v.chairPerson, secretary: v.secretary || undefined, signerName: v.signerName || undefined,
    });
    message.success(`Đã ban hành văn bản số ${d.symbol}.`);
    window.open(`/api/councils/${councilId}/documents/${d.id}/download`, '_blank');
    onClose();
  });
  return (
    <Modal open title={kind === 'minutes' ? 'Lập biên bản kỳ họp' : 'Thông báo kết luận kỳ họp'} onCancel={onClose} onOk={submit} okText="Ban hành và tải về" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="sessionId" label="Kỳ họp" rules={[{ required: true, message: 'Hãy chọn kỳ họp.' }]}>
          <Select options={(sessions.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.title} (${fmtDate(s.openingDate)})` }))} />
        </Form.Item>
        <Form.Item name="place" label="Địa điểm" rules={[{ required: true, message: 'Hãy nhập địa điểm họp.' }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="chairPerson" label="Chủ tọa" rules={[{ required: true, message: 'Hãy nhập người chủ tọa.' }]}><Input maxLength={300} placeholder="đồng chí … - Chủ tịch HĐND" /></Form.Item>
        {kind === 'minutes' && <Form.Item name="secretary" label="Thư ký kỳ họp"><Input maxLength={300} /></Form.Item>}
        <Form.Item name="signerName" label="Họ tên người ký"><Input maxLength={100} /></Form.Item>
      </Form>
    </Modal>
  );
}
