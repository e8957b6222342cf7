// Đề xuất nội dung giám sát: the topics proposed for a programme year (committees, delegate
// groups, delegates, the Fatherland Front, voters; recurring petitions from their page), the date
// they are collected by (a configurable default, marked unverified), and a new proposal.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { fmtDate, todayIso } from '../../lib/format.ts';
import dayjs from 'dayjs';
import { ActivityFields, activityBody, useManages, type ProgramRow } from './shared.tsx';

interface Row { id: string; year: number; sourceKind: string; sourceLabel: string; sourceName: string; title: string; need: string; state: string; submittedOn: string; petitionId: string | null }
const SOURCES: Record<string, string> = { committee: 'Ban của HĐND', delegate_group: 'Tổ đại biểu', delegate: 'Đại biểu HĐND', fatherland_front: 'Ủy ban MTTQ Việt Nam', voters: 'Cử tri', standing: 'Thường trực HĐND' };
const STATES: Record<string, [string, string]> = { submitted: ['Chờ xem xét', 'gold'], accepted: ['Đã đưa vào chương trình', 'green'], declined: ['Không chọn', 'default'] };

export function OversightProposalsPage() {
  const { councilId } = useParams() as { councilId: string };
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)) + 1);
  const table = usePagedTable<Row>(`/councils/${councilId}/oversight-proposals`, { year });
  const [adding, setAdding] = useState(false);
  const [accepting, setAccepting] = useState<Row | null>(null);
  const manages = useManages(councilId);
  if (table.error) return <ErrorView error={table.error} />;
  const decline = async (r: Row) => {
    try {
      await api.post(`/councils/${councilId}/oversight-proposals/${r.id}/decision`, { decision: 'decline' });
      message.success('Đã ghi không chọn đề xuất.');
      table.reload();
    } catch (err) {
      showError(err);
    }
  };
  const extra = table.data as unknown as { deadline?: string; deadlineSource?: { source: string; verified: boolean } } | null;
  return (
    <Page title="Đề xuất nội dung giám sát" crumbs={[{ title: 'Giám sát' }, { title: 'Đề xuất nội dung' }]}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>Gửi đề xuất</Button>}>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}><span>Cho chương trình năm</span><InputNumber aria-label="Năm" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} /></Space>
        {extra?.deadline && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`Hạn nhận đề xuất: ${fmtDate(extra.deadline)}`}
            description={`${extra.deadlineSource?.source ?? ''}${extra.deadlineSource && !extra.deadlineSource.verified ? ' — giá trị mặc định, chưa kiểm chứng, HĐND có thể điều chỉnh.' : ''}`} />
        )}
        <ResponsiveTable<Row>
          rowKey="id" size="middle" {...table.tableProps} locale={{ emptyText: 'Chưa có đề xuất nào.' }}
          columns={[
            { title: 'Nội dung đề xuất', dataIndex: 'title', render: (t: string, r) => <div><strong>{t}</strong>{r.need && <div style={{ color: '#6b7280', fontSize: 12 }}>{r.need}</div>}{r.petitionId && <Link style={{ fontSize: 12 }} to={`/councils/${councilId}/petitions/${r.petitionId}`}>Xem kiến nghị</Link>}</div> },
            { title: 'Đề xuất của', key: 's', width: 220, render: (_: unknown, r) => <div>{r.sourceName}<div style={{ color: '#6b7280', fontSize: 12 }}>{r.sourceLabel} · {fmtDate(r.submittedOn)}</div></div> },
            { title: 'Tình trạng', dataIndex: 'state', width: 170, render: (s: string) => <Tag color={STATES[s]?.[1]}>{STATES[s]?.[0] ?? s}</Tag> },
            ...(manages ? [{
              title: '', key: 'a', width: 190,
              render: (_: unknown, r: Row) => r.state === 'submitted' && (
                <Space size={4} wrap>
                  <Button size="small" type="primary" onClick={() => setAccepting(r)}>Đưa vào chương trình</Button>
                  <Button size="small" onClick={() => decline(r)}>Không chọn</Button>
                </Space>
              ),
            }] : []),
          ]}
        />
      </Card>
      {accepting && <AcceptModal councilId={councilId} proposal={accepting} onClose={() => setAccepting(null)} onDone={table.reload} />}
      {adding && <ProposalModal councilId={councilId} year={year} onClose={() => setAdding(false)} onDone={table.reload} />}
    </Page>
  );
}

function ProposalModal(props: { councilId: string; year: number; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/councils/${props.councilId}/oversight-proposals`, v);
    message.success('Đã gửi đề xuất.');
    props.onDone();
    props.onClose();
  });
  return (
    <Modal open title="Gửi đề xuất nội dung giám sát" okText="Gửi" cancelText="Hủy" onOk={submit} confirmLoading={busy} onCancel={props.onClose}>
      <Form form={form} layout="vertical" initialValues={{ year: props.year, sourceKind: 'committee' }}>
        <Form.Item name="year" label="Cho chương trình năm" rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
        <Form.Item name="sourceKind" label="Nguồn đề xuất" rules={[{ required: true }]}><Select options={Object.entries(SOURCES).map(([value, label]) => ({ value, label }))} /></Form.Item>
        <Form.Item name="sourceName" label="Cơ quan, người đề xuất" rules={[{ required: true, message: 'Hãy nhập cơ quan, người đề xuất.' }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="title" label="Nội dung đề xuất giám sát" rules={[{ required: true, message: 'Hãy nhập nội dung.' }]}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} /></Form.Item>
        <Form.Item name="need" label="Sự cần thiết"><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
        <Form.Item name="scope" label="Phạm vi, đối tượng"><Input.TextArea autoSize={{ minRows: 1 }} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Accepts a proposal: it becomes an activity of one of the year's programmes (the overlap check runs). */
function AcceptModal(props: { councilId: string; proposal: Row; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const programs = usePagedTable<ProgramRow>(`/councils/${props.councilId}/oversight-programs`, { year: props.proposal.year }, { pageSize: 100 });
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const r = await api.post<{ conflicts: { sentence: string }[] }>(`/councils/${props.councilId}/oversight-proposals/${props.proposal.id}/decision`, { decision: 'accept', programId: v.programId, activity: activityBody(v) });
    message.success(r.conflicts.length ? `Đã đưa vào chương trình. Cảnh báo: ${r.conflicts.map((c) => c.sentence).join('; ')}` : 'Đã đưa vào chương trình.');
    props.onDone();
    props.onClose();
  });
  const y = props.proposal.year;
  return (
    <Modal open width={640} title="Đưa đề xuất vào chương trình giám sát" okText="Đưa vào" cancelText="Hủy" onOk={submit} confirmLoading={busy} onCancel={props.onClose}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'thematic', title: props.proposal.title, dates: [dayjs(`${y}-03-01`), dayjs(`${y}-03-05`)] }}>
        <Form.Item name="programId" label={`Chương trình năm ${y}`} rules={[{ required: true, message: 'Hãy chọn chương trình.' }]}>
          <Select options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))} notFoundContent={`Chưa có chương trình năm ${y}: hãy lập chương trình trước.`} />
        </Form.Item>
        <ActivityFields councilId={props.councilId} />
      </Form>
    </Modal>
  );
}
