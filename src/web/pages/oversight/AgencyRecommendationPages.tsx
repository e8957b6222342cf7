// The agency's side: the recommendations addressed to it (its inbox, nothing else), and one
// recommendation where it answers whether it accepts it (fully, partly, not — reasons required)
// and files progress reports or reports it done, with evidence files. It closes nothing: only
// the supervising body verifies and closes.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Radio, Select, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { useAuth } from '../../lib/auth.tsx';
import { api } from '../../lib/api.ts';
import { uploadForm } from '../../lib/upload.ts';
import { useApi, usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { message } from '../../lib/feedback.tsx';
import { fmtDate } from '../../lib/format.ts';
import { History, StatusTags, dueText, type Rec, type RecDetail } from './recommendationShared.tsx';

const STATUS_OPTIONS = [
  { value: 'awaiting_answer', label: 'Chờ cơ quan trả lời' },
  { value: 'in_progress', label: 'Đang thực hiện' },
  { value: 'not_accepted', label: 'Không tiếp thu' },
  { value: 'awaiting_verification', label: 'Đã báo cáo, chờ xác minh' },
  { value: 'closed_done', label: 'Hoàn thành (đã xác minh)' },
  { value: 'closed_partly', label: 'Hoàn thành một phần (đã xác minh)' },
  { value: 'closed_not_done', label: 'Chưa thực hiện (đã xác minh)' },
];

export function AgencyRecommendationsPage() {
  const { agencyId } = useParams() as { agencyId: string };
  const { me } = useAuth();
  const agencyName = me?.grants.find((g) => g.agencyId === agencyId)?.agencyName;
  const [sp] = useSearchParams();
  const [status, setStatus] = useState<string | undefined>(sp.get('status') ?? undefined);
  const table = usePagedTable<Rec>(`/agencies/${agencyId}/recommendations`, { status, overdue: sp.get('overdue') === 'true' || undefined });
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <Page title="Kiến nghị sau giám sát" subtitle={agencyName} crumbs={[{ title: 'Giám sát' }, { title: 'Kiến nghị gửi cơ quan' }]}>
      <Card>
        <Typography.Paragraph type="secondary">Trả lời việc tiếp thu từng kiến nghị, báo cáo tiến độ và kết quả thực hiện kèm minh chứng trước thời hạn. Chỉ cơ quan giám sát xác minh và kết thúc theo dõi kiến nghị.</Typography.Paragraph>
        <div className="nt-toolbar">
          <Select aria-label="Tình trạng" allowClear placeholder="Mọi tình trạng" value={status} onChange={setStatus} style={{ width: 260, maxWidth: '100%' }} options={STATUS_OPTIONS} />
        </div>
        <ResponsiveTable<Rec>
          rowKey="id" size="middle" {...table.tableProps}
          locale={{ emptyText: 'Không có kiến nghị nào gửi cơ quan.' }}
          columns={[
            { title: 'Kiến nghị', dataIndex: 'content', render: (t: string, r) => <div><Link to={`/agencies/${agencyId}/recommendations/${r.id}`}>{t}</Link><div style={{ color: '#6b7280', fontSize: 12 }}>{r.reportTitle} · {r.councilName}</div></div> },
            { title: 'Thời hạn', key: 'due', width: 160, render: (_: unknown, r) => dueText(r) },
            { title: 'Tình trạng', key: 'st', width: 230, render: (_: unknown, r) => <StatusTags r={r} /> },
          ]}
        />
      </Card>
    </Page>
  );
}

export function AgencyRecommendationPage() {
  const { agencyId, recommendationId } = useParams() as { agencyId: string; recommendationId: string };
  const r = useApi<RecDetail>(`/agencies/${agencyId}/recommendations/${recommendationId}`);
  if (r.error) return <ErrorView error={r.error} onRetry={r.reload} />;
  if (!r.data) return <Loading />;
  const d = r.data;
  const can = new Set(d.actions.map((a) => a.action));
  const answering = can.has('accept');
  const reporting = can.has('report_progress');
  return (
    <Page title={`Kiến nghị ${d.position}`} subtitle={`${d.report.title} · ${d.councilName}`} crumbs={[{ title: 'Giám sát' }, { title: <Link to={`/agencies/${agencyId}/recommendations`}>Kiến nghị gửi cơ quan</Link> }, { title: `Kiến nghị ${d.position}` }]}>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ fontSize: 16 }}>{d.content}</Typography.Paragraph>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" items={[
          { key: 'st', label: 'Tình trạng', children: <StatusTags r={d} /> },
          { key: 'due', label: 'Thời hạn', children: dueText(d) },
          { key: 'rep', label: 'Báo cáo giám sát', children: `${d.report.symbol ?? ''} ngày ${fmtDate(d.report.issuedOn)}` },
          ...(d.dispositionReason ? [{ key: 'why', label: 'Lý do đã nêu', children: d.dispositionReason }] : []),
        ]} />
      </Card>
      {answering && <AnswerCard path={`/agencies/${agencyId}/recommendations/${d.id}/answer`} onDone={r.reload} />}
      {reporting && <ReportCard path={`/agencies/${agencyId}/recommendations/${d.id}/reports`} onDone={r.reload} />}
      {!answering && !reporting && d.closedOn === null && d.state === 'reported_done' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message="Cơ quan đã báo cáo thực hiện; cơ quan giám sát đang xác minh." />}
      <Card title="Diễn biến">
        <History events={d.events} escalations={d.escalations} fileHref={(f) => `/api/agencies/${agencyId}/recommendations/${d.id}/files/${f}`} />
      </Card>
    </Page>
  );
}

function AnswerCard(props: { path: string; onDone(): void }) {
  const [form] = Form.useForm();
  const action = Form.useWatch('action', form) as string | undefined;
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(props.path, { action: v.action, reason: v.reason || undefined });
    message.success('Đã gửi trả lời.');
    props.onDone();
  });
  return (
    <Card title="Trả lời việc tiếp thu kiến nghị" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" initialValues={{ action: 'accept' }}>
        <Form.Item name="action" label="Cơ quan">
          <Radio.Group options={[{ value: 'accept', label: 'Tiếp thu toàn bộ' }, { value: 'accept_partly', label: 'Tiếp thu một phần' }, { value: 'reject', label: 'Không tiếp thu' }]} />
        </Form.Item>
        {action !== 'accept' && (
          <Form.Item name="reason" label="Lý do" rules={[{ required: true, message: 'Hãy nêu lý do tiếp thu một phần hoặc không tiếp thu.' }]}><Input.TextArea autoSize={{ minRows: 3 }} /></Form.Item>
        )}
        <Button type="primary" loading={busy} onClick={submit}>Gửi trả lời</Button>
      </Form>
    </Card>
  );
}

function ReportCard(props: { path: string; onDone(): void }) {
  const [form] = Form.useForm();
  const [files, setFiles] = useState<File[]>([]);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const body = new FormData();
    body.append('kind', v.kind);
    body.append('text', v.text);
    body.append('isPublic', v.isPublic === false ? 'false' : 'true');
    for (const f of files) body.append('files', f);
    await uploadForm(props.path, body);
    message.success(v.kind === 'done' ? 'Đã gửi báo cáo thực hiện; chờ cơ quan giám sát xác minh.' : 'Đã gửi báo cáo tiến độ.');
    form.resetFields();
    setFiles([]);
    props.onDone();
  });
  return (
    <Card title="Báo cáo thực hiện" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'progress', isPublic: true }}>
        <Form.Item name="kind" label="Loại báo cáo">
          <Radio.Group options={[{ value: 'progress', label: 'Báo cáo tiến độ' }, { value: 'done', label: 'Báo cáo đã thực hiện xong' }]} />
        </Form.Item>
        <Form.Item name="text" label="Nội dung báo cáo" rules={[{ required: true, message: 'Hãy nhập nội dung báo cáo.' }]}><Input.TextArea autoSize={{ minRows: 3 }} /></Form.Item>
        <Form.Item label="Minh chứng (PDF, Word, Excel, ảnh; tối đa 10 tệp)">
          <Upload multiple beforeUpload={(f) => { setFiles((l) => [...l, f]); return false; }} onRemove={(f) => setFiles((l) => l.filter((x) => x.name !== f.name))}
            fileList={files.map((f, i) => ({ uid: String(i), name: f.name, status: 'done' as const }))}>
            <Button icon={<UploadOutlined />}>Chọn tệp</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="isPublic" valuePropName="checked"><Checkbox>Cho phép đăng trên trang công khai</Checkbox></Form.Item>
        <Space><Button type="primary" loading={busy} onClick={submit}>Gửi báo cáo</Button></Space>
      </Form>
    </Card>
  );
}
