// Lời hứa khi trả lời chất vấn, the agency's page: its own commitments with due dates and states
// (overdue marked), and for each one the reports it sent; it reports progress or completion with
// evidence (text and a file). The follow-up inbox links here (/agencies/:agencyId/commitments/:id).
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Form, Input, Radio, Select, Space, Tag, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ErrorView, Page } from '../../../components/common.tsx';
import { ResponsiveTable } from '../../../components/ResponsiveTable.tsx';
import { request } from '../../../lib/api.ts';
import { useFormSubmit, usePagedTable } from '../../../lib/hooks.ts';
import { message } from '../../../lib/feedback.tsx';
import { fmtDate } from '../../../lib/format.ts';
import { CommitmentDrawer } from './QuestionsPage.tsx';
import { COMMITMENT_COLORS, type Commitment, type CommitmentDetail } from './shared.tsx';

export function AgencyCommitmentsPage() {
  const { agencyId, commitmentId } = useParams() as { agencyId: string; commitmentId?: string };
  const navigate = useNavigate();
  const [state, setState] = useState<string | undefined>();
  const list = usePagedTable<Commitment>(`/agencies/${agencyId}/commitments`, { state }, { pageSize: 20 });
  const open = (id: string | null) => navigate(id ? `/agencies/${agencyId}/commitments/${id}` : `/agencies/${agencyId}/commitments`);
  return (
    <Page title="Lời hứa khi trả lời chất vấn" subtitle="Cơ quan báo cáo tiến độ, kết quả thực hiện kèm minh chứng; Thường trực HĐND xác nhận và đóng." crumbs={[{ title: 'Kỳ họp' }, { title: 'Lời hứa khi trả lời chất vấn' }]}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select allowClear placeholder="Mọi tình trạng" value={state} onChange={setState} style={{ minWidth: 240 }} aria-label="Tình trạng lời hứa"
          options={[{ value: 'open', label: 'Chưa báo cáo' }, { value: 'inProgress', label: 'Đang thực hiện' }, { value: 'reportedDone', label: 'Đã báo cáo hoàn thành' }, { value: 'closed', label: 'Đã hoàn thành' }]} />
        {list.error && <ErrorView error={list.error} onRetry={list.reload} />}
        <ResponsiveTable<Commitment> rowKey="id" {...list.tableProps} data-testid="agency-commitments"
          columns={[
            { title: 'Lời hứa', dataIndex: 'content', render: (_v, c) => <a onClick={() => open(c.id)} style={{ overflowWrap: 'anywhere' }}>{c.content}</a> },
            { title: 'Người chịu trách nhiệm', render: (_v, c) => [c.ownerName, c.ownerPost].filter(Boolean).join(', ') },
            { title: 'Kỳ họp', dataIndex: 'sessionTitle' },
            { title: 'Thời hạn', render: (_v, c) => <span>{fmtDate(c.dueOn)}{c.overdue && <Tag color="red" style={{ marginInlineStart: 6 }}>Quá hạn</Tag>}</span> },
            { title: 'Tình trạng', render: (_v, c) => <Tag color={COMMITMENT_COLORS[c.state]}>{c.stateLabel}</Tag> },
          ]} />
      </Space>
      {commitmentId && (
        <CommitmentDrawer agencyId={agencyId} id={commitmentId} onClose={() => open(null)}>
          {(c, reload) => c.state !== 'closed' && <ReportForm agencyId={agencyId} c={c} onDone={() => { reload(); list.reload(); }} />}
        </CommitmentDrawer>
      )}
    </Page>
  );
}

function ReportForm({ agencyId, c, onDone }: { agencyId: string; c: CommitmentDetail; onDone(): void }) {
  const [form] = Form.useForm<{ kind: 'progress' | 'done'; text: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const body = new FormData();
    body.append('kind', v.kind);
    body.append('text', v.text);
    if (files[0]?.originFileObj) body.append('file', files[0].originFileObj as File);
    await request('POST', `/agencies/${agencyId}/commitments/${c.id}/reports`, { body });
    message.success(v.kind === 'done' ? 'Đã báo cáo hoàn thành; chờ Thường trực HĐND xác nhận.' : 'Đã gửi báo cáo tiến độ.');
    form.resetFields();
    setFiles([]);
    onDone();
  });
  return (
    <Card size="small" title="Báo cáo thực hiện" data-testid="report-form">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'progress' }}>
        <Form.Item name="kind">
          <Radio.Group>
            <Radio value="progress">Báo cáo tiến độ</Radio>
            <Radio value="done">Đã hoàn thành</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="text" label="Nội dung báo cáo, minh chứng" rules={[{ required: true, whitespace: true, message: 'Hãy viết nội dung báo cáo.' }]}><Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} /></Form.Item>
        <Form.Item label="Tệp minh chứng (PDF, Word, ảnh; tối đa 10 MB)">
          <Upload beforeUpload={() => false} maxCount={1} fileList={files} onChange={(e) => setFiles(e.fileList)} accept=".pdf,.docx,.png,.jpg,.jpeg">
            <Button icon={<UploadOutlined />}>Chọn tệp</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>Gửi báo cáo</Button>
      </Form>
    </Card>
  );
}
