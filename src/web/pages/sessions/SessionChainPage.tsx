// The chain of one submission: tờ trình → báo cáo thẩm tra → báo cáo tiếp thu, giải trình →
// nghị quyết, with the date, due date and lateness of each step; the committee's meeting and
// report point by point, each point with the drafter's answer. The standing committee assigns
// the committee; the assigned committee records its meeting and files its report; the presenting
// agency (its own items, through its login) or the secretariat (a paper report) files the response.
// One page for both sides: /councils/:councilId/session-items/:itemId/chain and
// /agencies/:agencyId/session-items/:itemId/chain.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi, useFormSubmit, useModalSubmit } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { dayOrNull, fmtDate, isoDay } from '../../lib/format.ts';
import { RESPONSE_ANSWER_KIND_LABELS, VERIFICATION_CONCLUSION_LABELS } from '../../../domain/sessions/index.ts';
import { useSessionPerms } from './shared.tsx';

interface Step { kind: string; label: string; number: string | null; date: string | null; due: string | null; required: boolean; timing: string | null; daysLate: number | null; status: string; daysAfterPrevious: number | null }
interface Point { id: string; key: string; reference: string; referenceLabel: string; content: string; conclusion: string; conclusionLabel: string; requiresAnswer: boolean; answer: { kind: string; kindLabel: string; text: string } | null }
interface Chain {
  item: { id: string; title: string; kindLabel: string; state: string; stateLabel: string; presenterName: string; presenterAgencyId: string | null; presenterBodyId: string | null; committeeBodyId: string | null; committeeName: string | null; sessionId: string };
  session: { id: string; title: string; openingDate: string; state: string };
  assignment: { committeeName: string | null; assignedOn: string | null; submissionNumber: string } | null;
  meeting: { meetingOn: string; attendees: string; drafterPresent: boolean | null; drafterAttendees: string } | null;
  report: { number: string; issuedOn: string; version: number; summary: string; needsResponse: boolean; conclusion: string; conclusionLabel: string; points: Point[] } | null;
  response: { number: string; issuedOn: string; summary: string; filedVia: string } | null;
  chain: { steps: Step[]; lateSteps: number; totalDaysLate: number; complete: boolean; warnings: string[] };
  reminders: { documentTitle: string; kindLabel: string; dueDate: string; sentOn: string }[];
  may: { verify: boolean; respond: boolean };
}

const STEP_COLORS: Record<string, string> = { expected: 'default', dueSoon: 'gold', late: 'red', receivedOnTime: 'green', receivedLate: 'volcano', revisedAfterDeadline: 'orange' };
const CONCLUSION_COLORS: Record<string, string> = { agree: 'green', agreeWithChanges: 'blue', pointsToExplain: 'gold', disagree: 'red' };
const conclusionOptions = Object.entries(VERIFICATION_CONCLUSION_LABELS).map(([value, label]) => ({ value, label }));
const muted = { color: '#6b7280', fontSize: 13 } as const;
const stepBox = { border: '1px solid #e5e7eb', borderRadius: 8, padding: 12, background: '#fafafa' } as const;
const pointBox = { borderTop: '1px solid #f0f0f0', paddingTop: 12, marginTop: 4 } as const;

export function SessionChainPage() {
  const { councilId, agencyId, itemId } = useParams() as { councilId?: string; agencyId?: string; itemId: string };
  const base = councilId ? `/councils/${councilId}/session-items/${itemId}` : `/agencies/${agencyId}/session-items/${itemId}`;
  const perms = useSessionPerms(councilId);
  const c = useApi<Chain>(`${base}/chain`);
  const [editing, setEditing] = useState<'meeting' | 'report' | 'response' | 'assign' | 'letter' | null>(null);
  if (c.error) return <ErrorView error={c.error} onRetry={c.reload} />;
  const d = c.data;
  if (!d) return <Loading />;
  const open = d.session.state !== 'closed';
  const mayRespond = d.may.respond && (agencyId ? true : perms.manage);
  const done = () => { setEditing(null); c.reload(); };
  const crumbs = councilId
    ? [{ title: 'Kỳ họp', to: `/councils/${councilId}/sessions` }, { title: d.session.title, to: `/councils/${councilId}/sessions/${d.session.id}` }, { title: 'Chuỗi thẩm tra' }]
    : [{ title: 'Tài liệu cần nộp', to: `/agencies/${agencyId}/session-documents` }, { title: 'Chuỗi thẩm tra' }];
  return (
    <Page
      title={d.item.title}
      subtitle={`${d.item.kindLabel} · ${d.item.presenterName} · ${d.session.title}, khai mạc ${fmtDate(d.session.openingDate)}`}
      crumbs={crumbs}
      extra={
        <Space wrap>
          <Tag color="blue">{d.item.stateLabel}</Tag>
          {councilId && perms.manage && open && d.item.presenterAgencyId && <Button onClick={() => setEditing('letter')}>Công văn đôn đốc</Button>}
        </Space>
      }
    >
      <Card title="Chuỗi thẩm tra" style={{ marginBottom: 16 }}>
        <div data-testid="chain-steps" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: 12 }}>
          {d.chain.steps.map((s, i) => (
            <div key={s.kind} data-testid={`chain-step-${s.kind}`} style={stepBox}>
              <div style={{ fontWeight: 600 }}>{i + 1}. {s.label}</div>
              <div style={muted}>{s.number ? `Số ${s.number}` : 'Chưa có số'}</div>
              <div>{s.date ? `Ngày ${fmtDate(s.date)}` : '—'}</div>
              {s.due && <div style={muted}>Hạn: {fmtDate(s.due)}</div>}
              <Tag color={s.timing ? STEP_COLORS[s.timing] : 'default'} style={{ whiteSpace: 'normal', marginTop: 4 }}>{s.status}</Tag>
              {s.daysAfterPrevious !== null && i > 0 && <div style={muted}>{s.daysAfterPrevious === 0 ? 'Cùng ngày với bước trước' : `${s.daysAfterPrevious} ngày sau bước trước`}</div>}
            </div>
          ))}
        </div>
        {d.chain.lateSteps > 0 && <Alert type="warning" showIcon style={{ marginTop: 12 }} message={`${d.chain.lateSteps} bước chậm, tổng cộng ${d.chain.totalDaysLate} ngày.`} />}
        {d.chain.warnings.map((w) => <Alert key={w} type="info" showIcon style={{ marginTop: 8 }} message={w} />)}
      </Card>

      <Card title="Phân công và cuộc họp thẩm tra" style={{ marginBottom: 16 }}
        extra={
          <Space wrap>
            {councilId && perms.approve && open && !d.report && <Button onClick={() => setEditing('assign')}>{d.item.committeeBodyId ? 'Phân công lại' : 'Phân công Ban thẩm tra'}</Button>}
            {d.may.verify && !d.response && <Button onClick={() => setEditing('meeting')}>{d.meeting ? 'Sửa cuộc họp thẩm tra' : 'Ghi cuộc họp thẩm tra'}</Button>}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="Ban thẩm tra">{d.item.committeeName ?? 'Chưa phân công'}{d.assignment?.assignedOn ? ` (phân công ngày ${fmtDate(d.assignment.assignedOn)})` : ''}</Descriptions.Item>
          <Descriptions.Item label="Cuộc họp thẩm tra">{d.meeting ? fmtDate(d.meeting.meetingOn) : 'Chưa họp'}</Descriptions.Item>
          {d.meeting && <Descriptions.Item label="Thành phần">{d.meeting.attendees}</Descriptions.Item>}
          {d.meeting && <Descriptions.Item label="Cơ quan soạn thảo">{d.meeting.drafterPresent ? `Có dự: ${d.meeting.drafterAttendees}` : 'Không dự'}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card title="Báo cáo thẩm tra và tiếp thu, giải trình" style={{ marginBottom: 16 }}
        extra={
          <Space wrap>
            {d.may.verify && !d.response && d.meeting && <Button type={d.report ? 'default' : 'primary'} onClick={() => setEditing('report')}>{d.report ? 'Sửa báo cáo thẩm tra' : 'Gửi báo cáo thẩm tra'}</Button>}
            {mayRespond && <Button type="primary" onClick={() => setEditing('response')}>{agencyId ? 'Gửi báo cáo tiếp thu, giải trình' : 'Ghi báo cáo tiếp thu (bản giấy)'}</Button>}
          </Space>
        }
      >
        {!d.report ? (
          <Typography.Text type="secondary">Ban chưa gửi báo cáo thẩm tra.</Typography.Text>
        ) : (
          <>
            <Space wrap style={{ marginBottom: 8 }}>
              <span>Báo cáo thẩm tra số <strong>{d.report.number}</strong> ngày {fmtDate(d.report.issuedOn)}</span>
              <Tag color={CONCLUSION_COLORS[d.report.conclusion]}>Kết luận: {d.report.conclusionLabel}</Tag>
            </Space>
            {d.report.summary && <Typography.Paragraph>{d.report.summary}</Typography.Paragraph>}
            {d.response && <Typography.Paragraph>Báo cáo tiếp thu, giải trình số <strong>{d.response.number}</strong> ngày {fmtDate(d.response.issuedOn)} ({d.response.filedVia === 'app' ? 'cơ quan gửi trên Nghị Trường' : 'Văn phòng ghi từ bản giấy'}).</Typography.Paragraph>}
            <ResponsiveTable<Point>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.report.points}
              columns={[
                { title: 'Điều, khoản', dataIndex: 'referenceLabel', width: 150, render: (v: string) => <strong>{v.charAt(0).toUpperCase() + v.slice(1)}</strong> },
                { title: 'Kết luận', dataIndex: 'conclusionLabel', width: 170, render: (v: string, r) => <Tag color={CONCLUSION_COLORS[r.conclusion]} style={{ whiteSpace: 'normal' }}>{v}</Tag> },
                { title: 'Ý kiến của Ban', dataIndex: 'content' },
                {
                  title: 'Tiếp thu, giải trình', key: 'answer',
                  render: (_: unknown, r) => (r.answer
                    ? <div><Tag>{r.answer.kindLabel}</Tag><div>{r.answer.text}</div></div>
                    : r.requiresAnswer ? <Tag color="red">Chờ giải trình</Tag> : <span style={muted}>Không bắt buộc</span>),
                },
              ]}
            />
          </>
        )}
      </Card>

      {d.reminders.length > 0 && (
        <Card title="Nhắc hạn đã gửi cơ quan trình" style={{ marginBottom: 16 }}>
          {d.reminders.map((r, i) => <div key={i}>{fmtDate(r.sentOn)}: {r.kindLabel} — {r.documentTitle} (hạn {fmtDate(r.dueDate)})</div>)}
        </Card>
      )}

      {editing === 'assign' && councilId && <AssignModal councilId={councilId} d={d} onClose={() => setEditing(null)} onDone={done} />}
      {editing === 'meeting' && <MeetingModal base={base} d={d} onClose={() => setEditing(null)} onDone={done} />}
      {editing === 'report' && <ReportModal base={base} d={d} onClose={() => setEditing(null)} onDone={done} />}
      {editing === 'response' && <ResponseModal base={base} d={d} onClose={() => setEditing(null)} onDone={done} />}
      {editing === 'letter' && councilId && <LetterModal councilId={councilId} d={d} onClose={() => setEditing(null)} />}
      {councilId && <Link to={`/councils/${councilId}/sessions/${d.session.id}`}>← {d.session.title}</Link>}
    </Page>
  );
}

interface ModalProps { base: string; d: Chain; onClose(): void; onDone(): void }

function AssignModal(props: { councilId: string; d: Chain; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const bodies = useApi<{ items: { id: string; name: string; kind: string }[] }>(`/councils/${props.councilId}/bodies`, { pageSize: 200 });
  const { busy, submit } = useModalSubmit(form, (v) => api.post(`/councils/${props.councilId}/session-items/${props.d.item.id}/assignment`, { committeeBodyId: v.committeeBodyId, submissionNumber: v.submissionNumber?.trim() || undefined }),
    'Đã phân công Ban thẩm tra.', props.onDone);
  const committees = (bodies.data?.items ?? []).filter((b) => b.kind === 'committee' && b.id !== props.d.item.presenterBodyId);
  return (
    <Modal open title="Phân công Ban thẩm tra" onCancel={props.onClose} onOk={submit} okText="Phân công" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ committeeBodyId: props.d.item.committeeBodyId ?? undefined, submissionNumber: props.d.assignment?.submissionNumber }}>
        <Form.Item name="committeeBodyId" label="Ban thẩm tra" rules={[{ required: true, message: 'Hãy chọn Ban thẩm tra.' }]} extra={props.d.item.presenterBodyId ? 'Nội dung do một Ban trình: Ban khác thẩm tra.' : undefined}>
          <Select options={committees.map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        <Form.Item name="submissionNumber" label="Số tờ trình (nếu có)"><Input maxLength={100} placeholder="Ví dụ 125/TTr-UBND" /></Form.Item>
      </Form>
    </Modal>
  );
}

function MeetingModal(props: ModalProps) {
  const [form] = Form.useForm();
  const m = props.d.meeting;
  const present = Form.useWatch('drafterPresent', form);
  const { busy, submit } = useModalSubmit(form, (v) => api.put(`${props.base}/verification-meeting`, {
    meetingOn: isoDay(v.meetingOn), attendees: v.attendees.trim(), drafterPresent: !!v.drafterPresent, drafterAttendees: v.drafterAttendees?.trim() || undefined,
  }), 'Đã ghi cuộc họp thẩm tra.', props.onDone);
  return (
    <Modal open title="Cuộc họp thẩm tra" onCancel={props.onClose} onOk={submit} okText="Lưu" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={m ? { ...m, meetingOn: dayOrNull(m.meetingOn) } : { drafterPresent: true }}>
        <Form.Item name="meetingOn" label="Ngày họp" rules={[{ required: true, message: 'Hãy chọn ngày họp.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
        <Form.Item name="attendees" label="Thành phần dự họp" rules={[{ required: true, whitespace: true, message: 'Hãy ghi thành phần dự họp.' }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="drafterPresent" valuePropName="checked"><Checkbox>Cơ quan soạn thảo có dự họp</Checkbox></Form.Item>
        {present && <Form.Item name="drafterAttendees" label="Đại diện cơ quan soạn thảo" rules={[{ required: true, whitespace: true, message: 'Hãy ghi người đại diện cơ quan soạn thảo.' }]}><Input maxLength={1000} /></Form.Item>}
      </Form>
    </Modal>
  );
}

function ReportModal(props: ModalProps) {
  const [form] = Form.useForm();
  const r = props.d.report;
  const { busy, submit } = useModalSubmit(form, (v) => api.put(`${props.base}/verification-report`, {
    number: v.number.trim(), issuedOn: isoDay(v.issuedOn), conclusion: v.conclusion, summary: v.summary?.trim() || undefined,
    points: (v.points ?? []).map((p: { key?: string; reference: string; conclusion: string; content: string }, i: number) => ({ key: p.key || `y${i + 1}`, reference: p.reference.trim(), conclusion: p.conclusion, content: p.content.trim() })),
  }), 'Đã gửi báo cáo thẩm tra.', props.onDone);
  return (
    <Modal open title="Báo cáo thẩm tra" onCancel={props.onClose} onOk={submit} okText="Gửi báo cáo" cancelText="Hủy" confirmLoading={busy} destroyOnHidden width={760}>
      <Form form={form} layout="vertical" initialValues={r
        ? { number: r.number, issuedOn: dayOrNull(r.issuedOn), conclusion: r.conclusion, summary: r.summary, points: r.points.map((p) => ({ key: p.key, reference: p.reference, conclusion: p.conclusion, content: p.content })) }
        : { conclusion: 'agree', points: [{ reference: 'Nội dung chung', conclusion: 'agree' }] }}>
        <Space wrap>
          <Form.Item name="number" label="Số báo cáo" rules={[{ required: true, whitespace: true, message: 'Hãy nhập số báo cáo.' }]}><Input maxLength={100} placeholder="12/BC-BKTNS" /></Form.Item>
          <Form.Item name="issuedOn" label="Ngày ban hành" rules={[{ required: true, message: 'Hãy chọn ngày ban hành.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
          <Form.Item name="conclusion" label="Kết luận chung" style={{ minWidth: 240 }}><Select options={conclusionOptions} /></Form.Item>
        </Space>
        <Form.Item name="summary" label="Tóm tắt"><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
        <Typography.Paragraph strong>Ý kiến theo từng điều, khoản</Typography.Paragraph>
        <Form.List name="points">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} style={pointBox} data-testid="point-row">
                  <Space wrap align="start">
                    <Form.Item name={[f.name, 'reference']} label={`Ý kiến ${i + 1}: điều, khoản, mục`} rules={[{ required: true, whitespace: true, message: 'Hãy ghi điều, khoản hoặc mục.' }]}>
                      <Input maxLength={200} placeholder="khoản 2 Điều 3" style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'conclusion']} label="Kết luận" rules={[{ required: true, message: 'Hãy chọn kết luận.' }]} style={{ minWidth: 220 }}>
                      <Select options={conclusionOptions} />
                    </Form.Item>
                    {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} aria-label={`Bỏ ý kiến ${i + 1}`} onClick={() => remove(f.name)} style={{ marginTop: 30 }} />}
                  </Space>
                  <Form.Item name={[f.name, 'content']} label="Nội dung" rules={[{ required: true, whitespace: true, message: 'Hãy ghi nội dung ý kiến.' }]}>
                    <Input.TextArea rows={2} maxLength={5000} />
                  </Form.Item>
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ conclusion: 'pointsToExplain' })}>Thêm ý kiến</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function ResponseModal(props: ModalProps) {
  const [form] = Form.useForm();
  const points = props.d.report?.points ?? [];
  const kinds = Object.entries(RESPONSE_ANSWER_KIND_LABELS).map(([value, label]) => ({ value, label }));
  const { busy, submit } = useModalSubmit(form, (v) => api.post(`${props.base}/response`, {
    number: v.number.trim(), issuedOn: isoDay(v.issuedOn), summary: v.summary?.trim() || undefined,
    answers: points.filter((p) => v[`text_${p.key}`]?.trim()).map((p) => ({ pointKey: p.key, kind: v[`kind_${p.key}`], text: v[`text_${p.key}`].trim() })),
  }), 'Đã gửi báo cáo tiếp thu, giải trình.', props.onDone);
  return (
    <Modal open title="Báo cáo tiếp thu, giải trình" onCancel={props.onClose} onOk={submit} okText="Gửi báo cáo" cancelText="Hủy" confirmLoading={busy} destroyOnHidden width={760}>
      <Form form={form} layout="vertical" initialValues={Object.fromEntries(points.map((p) => [`kind_${p.key}`, p.requiresAnswer ? 'explained' : 'accepted']))}>
        <Space wrap>
          <Form.Item name="number" label="Số báo cáo" rules={[{ required: true, whitespace: true, message: 'Hãy nhập số báo cáo.' }]}><Input maxLength={100} placeholder="140/BC-UBND" /></Form.Item>
          <Form.Item name="issuedOn" label="Ngày ban hành" rules={[{ required: true, message: 'Hãy chọn ngày ban hành.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
        </Space>
        {points.map((p) => (
          <div key={p.key} style={pointBox} data-testid="answer-row">
            <div><strong>{p.referenceLabel.charAt(0).toUpperCase() + p.referenceLabel.slice(1)}</strong> · <Tag color={CONCLUSION_COLORS[p.conclusion]}>{p.conclusionLabel}</Tag></div>
            <div style={{ margin: '4px 0 8px' }}>{p.content}</div>
            <Form.Item name={`kind_${p.key}`} label="Hình thức" style={{ maxWidth: 320 }}><Select options={kinds} /></Form.Item>
            <Form.Item name={`text_${p.key}`} label={p.requiresAnswer ? 'Nội dung tiếp thu, giải trình (bắt buộc)' : 'Nội dung tiếp thu (không bắt buộc)'}
              rules={p.requiresAnswer ? [{ required: true, whitespace: true, message: 'Ban đề nghị giải trình ý kiến này: hãy trả lời.' }] : []}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          </div>
        ))}
      </Form>
    </Modal>
  );
}

function LetterModal(props: { councilId: string; d: Chain; onClose(): void }) {
  const [form] = Form.useForm();
  const [issued, setIssued] = useState<{ id: string; symbol: string } | null>(null);
  // A refusal shows as a notice (showError), not on the signer field.
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const r = await api.post<{ document: { id: string; symbol: string } }>(`/councils/${props.councilId}/sessions/${props.d.session.id}/reminder-letters`, { agencyId: props.d.item.presenterAgencyId, signerName: v.signerName.trim() });
    setIssued(r.document);
  }, {
    onError: (err) => {
      showError(err);
      return true;
    },
  });
  return (
    <Modal open title={`Công văn đôn đốc ${props.d.item.presenterName}`} onCancel={props.onClose} footer={issued ? <Button onClick={props.onClose}>Đóng</Button> : undefined} onOk={submit} okText="Ban hành" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      {issued ? (
        <Alert type="success" showIcon message={<span>Đã ban hành công văn số {issued.symbol}. <a href={`/api/councils/${props.councilId}/documents/${issued.id}/download`}>Tải về (.docx)</a></span>} />
      ) : (
        <Form form={form} layout="vertical">
          <Typography.Paragraph>Công văn liệt kê các tài liệu của {props.d.session.title} mà cơ quan còn chưa gửi, đã quá hạn hoặc sắp đến hạn; số lấy trong sổ văn bản đi.</Typography.Paragraph>
          <Form.Item name="signerName" label="Người ký" rules={[{ required: true, whitespace: true, message: 'Hãy nhập họ tên người ký.' }]}><Input maxLength={100} /></Form.Item>
        </Form>
      )}
    </Modal>
  );
}
