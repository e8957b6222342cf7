// One petition: its text and classification, where it came from (meetings, communes, voters —
// voter names only when the server returns them), its dispatches and due date, the answers with
// attachments, the reviews, and the timeline of everything that happened to it.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Popconfirm, Radio, Row, Select, Space, Tag, Timeline, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ListPager } from '../../components/ListPager.tsx';
import { EditOutlined, PaperClipOutlined, ScissorOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, ApiError } from '../../lib/api.ts';
import { useApi, usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { message, notification, showError } from '../../lib/feedback.tsx';
import { fmtDate, fmtDateTime, isoDay } from '../../lib/format.ts';
import { AgencySelect } from '../../components/pickers.tsx';
import { LetterLink } from './DispatchTab.tsx';
import { ProposeTopicButton } from '../oversight/ProposeTopicButton.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import {
  DeadlineTag, EncodingTag, RESULT_LABELS, ResultTag, StatusTag, VERDICT_LABELS, levelOptions, useBodies, useFields, usePetitionPerms,
  type DeadlineState, type Opinion, type PetitionRow,
} from './shared.tsx';

interface Attachment {
  id: string;
  fileName: string;
  size: number;
}
export interface ResponseRow {
  id: string;
  agencyId: string | null;
  agencyName: string | null;
  result: string;
  resultLabel: string;
  text: string;
  letterNumber: string;
  letterDate: string | null;
  roadmap: string;
  committedDate: string | null;
  respondedOn: string;
  commitmentStatus: DeadlineState | null;
  attachments: Attachment[];
  createdAt: string;
}
interface Detail extends PetitionRow {
  sources: { opinions: number; meetings: number; communes: number; voters: number; communeNames: string[]; meetingList: { id: string; heldOn: string; place: string; delegateGroup: string | null }[] };
  opinions: (Opinion & { meeting: { id: string; heldOn: string; place: string; delegateGroup: string | null } | null })[];
  dispatches: { id: string; state: string; targetName: string; letterNumber: string; letterDate: string; documentId?: string | null; documentPath?: string | null; dueDate: string; returnReason: string; deadlineStatus: DeadlineState | null }[];
  responses: ResponseRow[];
  reviews: { id: string; verdict: string; verdictLabel: string; comment: string; reviewerName: string; bodyName: string | null; createdAt: string }[];
  rounds: { roundId: string; name: string; at: string; reason: string }[];
  lowerPetitions: { id: string; number: number; councilName: string }[];
  upperPetitions: { petitionId: string | null; councilName: string; number: number | null }[];
}
interface TimelineEvent {
  id: number;
  at: string;
  actorName: string;
  action: string;
  label: string;
  level: 'this' | 'upper' | 'lower';
  councilName: string | null;
  after: Record<string, unknown> | null;
  before?: Record<string, unknown> | null;
}

const ITEM_STATE: Record<string, { label: string; color: string }> = {
  pending: { label: 'Chờ trả lời', color: 'processing' },
  answered: { label: 'Đã trả lời', color: 'green' },
  returned: { label: 'Bị trả lại', color: 'orange' },
};

export function PetitionDetailPage() {
  const { councilId, petitionId } = useParams() as { councilId: string; petitionId: string };
  const perms = usePetitionPerms(councilId);
  const detail = useApi<Detail>(`/councils/${councilId}/petitions/${petitionId}`);
  const timeline = usePagedTable<TimelineEvent>(`/councils/${councilId}/petitions/${petitionId}/timeline`, {}, { pageSize: 50 });
  const [editOpen, setEditOpen] = useState(false);
  const [answerOpen, setAnswerOpen] = useState(false);
  const [splitOpen, setSplitOpen] = useState(false);

  if (detail.error) return <ErrorView error={detail.error} onRetry={detail.reload} />;
  const p = detail.data;
  if (!p) return <Loading />;
  const reload = () => {
    detail.reload();
    timeline.reload();
  };
  const editable = perms.manage && (p.status === 'draft' || p.status === 'returned');
  const answerable = perms.manage && ['dispatched', 'answered', 'unsatisfied'].includes(p.status);

  const unmerge = async (o: Opinion) => {
    try {
      await api.post(`/councils/${councilId}/petitions/${petitionId}/unmerge`, { opinionId: o.id, version: p.version });
      message.success('Đã tách ý kiến ra khỏi kiến nghị; ý kiến trở lại danh sách chưa tổng hợp.');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) notification.warning({ title: 'Dữ liệu vừa thay đổi', description: err.message });
      else showError(err);
    }
    reload();
  };

  return (
    <Page
      title={`Kiến nghị số ${p.number}`}
      subtitle={
        <Space wrap size={4}>
          <StatusTag status={p.status} label={p.statusLabel} />
          {p.deadlineStatus && <DeadlineTag state={p.deadlineStatus} due={p.trackedDue} />}
          {p.outstandingSessions > 1 && <Tag color="volcano">Tồn đọng {p.outstandingSessions} kỳ họp</Tag>}
          <span>{p.roundName}</span>
        </Space>
      }
      crumbs={[{ title: 'Kiến nghị cử tri', to: `/councils/${councilId}/petitions` }, { title: `Số ${p.number}` }]}
      extra={
        <>
          {editable && <Button icon={<EditOutlined />} onClick={() => setEditOpen(true)}>Sửa nội dung, phân loại</Button>}
          {editable && p.opinionCount > 1 && <Button icon={<ScissorOutlined />} onClick={() => setSplitOpen(true)}>Tách kiến nghị</Button>}
          {answerable && <Button onClick={() => setAnswerOpen(true)}>Ghi nhận trả lời bằng văn bản giấy</Button>}
          {perms.manage && <ProposeTopicButton councilId={councilId} petitionId={p.id} />}
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="Nội dung kiến nghị">
              <Typography.Paragraph style={{ fontSize: 15, whiteSpace: 'pre-wrap' }} data-testid="petition-text">{p.text}</Typography.Paragraph>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  { label: 'Lĩnh vực', children: p.fieldName ?? 'Chưa phân loại' },
                  { label: 'Cấp thẩm quyền', children: p.levelLabel ?? 'Chưa xác định' },
                  { label: 'Cơ quan giải quyết', children: p.agencyName ?? 'Chưa xác định' },
                  { label: 'Hạn trả lời', children: p.trackedDue ? <>{fmtDate(p.trackedDue)} <DeadlineTag state={p.deadlineStatus} due={p.trackedDue} /></> : '—' },
                  {
                    label: 'Nguồn',
                    children: `${p.sources.opinions} ý kiến, ${p.sources.meetings} cuộc tiếp xúc, ${p.sources.voters} lượt cử tri`,
                  },
                  { label: 'Địa bàn', children: p.sources.communeNames.join(', ') || '—' },
                  { label: 'Số kỳ họp tồn đọng', children: p.outstandingSessions },
                  ...(p.upperPetitions.length
                    ? [{ label: 'Đã chuyển lên', children: p.upperPetitions.map((u) => `${u.councilName}${u.number ? ` (kiến nghị số ${u.number})` : ''}`).join('; ') }]
                    : []),
                  ...(p.lowerPetitions.length
                    ? [{ label: 'Từ HĐND cấp dưới', children: p.lowerPetitions.map((l) => `${l.councilName} (số ${l.number})`).join('; ') }]
                    : []),
                ]}
              />
            </Card>

            <Card title={`Nguồn ý kiến (${p.opinions.length})`}>
              <ResponsiveTable
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p.opinions}
                scroll={{ x: 620 }}
                columns={[
                  {
                    title: 'Ý kiến của cử tri',
                    dataIndex: 'text',
                    render: (t: string, o) => (
                      <div>
                        {t} <EncodingTag encoding={o.sourceEncoding} original={o.originalText} />
                        {o.voterName !== undefined && (o.voterName || o.voterHamlet) && (
                          <div style={{ color: '#6b7280', fontSize: 12 }}>Cử tri: {[o.voterName, o.voterHamlet].filter(Boolean).join(', ')}</div>
                        )}
                      </div>
                    ),
                  },
                  { title: 'Địa bàn', dataIndex: 'unitName', width: 100 },
                  {
                    title: 'Cuộc tiếp xúc',
                    key: 'meeting',
                    width: 190,
                    render: (_: unknown, o) =>
                      o.meeting ? (
                        <div>
                          {fmtDate(o.meeting.heldOn)} — {o.meeting.place}
                          {o.meeting.delegateGroup && <div style={{ color: '#6b7280', fontSize: 12 }}>{o.meeting.delegateGroup}</div>}
                        </div>
                      ) : (
                        o.channelLabel
                      ),
                  },
                  ...(editable && p.opinions.length > 1
                    ? [
                        {
                          title: '',
                          key: 'unmerge',
                          width: 90,
                          render: (_: unknown, o: Opinion) => (
                            <Popconfirm title="Tách ý kiến này ra khỏi kiến nghị?" okText="Tách" cancelText="Không" onConfirm={() => unmerge(o)}>
                              <Button size="small">Tách ra</Button>
                            </Popconfirm>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>

            <Card title="Chuyển xử lý">
              {p.dispatches.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa chuyển đến cơ quan nào." />
              ) : (
                <ResponsiveTable
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={p.dispatches}
                  scroll={{ x: 600 }}
                  columns={[
                    {
                      title: 'Công văn',
                      key: 'l',
                      render: (_: unknown, d) => (
                        <>
                          {`${d.letterNumber} ngày ${fmtDate(d.letterDate)}`}
                          {d.documentId && d.documentPath && (
                            <div><LetterLink doc={{ id: d.documentId, symbol: d.letterNumber, downloadPath: d.documentPath }} label="Tải công văn (.docx)" /></div>
                          )}
                        </>
                      ),
                    },
                    { title: 'Nơi nhận', dataIndex: 'targetName' },
                    { title: 'Hạn trả lời', key: 'due', width: 170, render: (_: unknown, d) => <>{fmtDate(d.dueDate)} <DeadlineTag state={d.deadlineStatus} /></> },
                    {
                      title: 'Tình trạng',
                      key: 's',
                      width: 200,
                      render: (_: unknown, d) => (
                        <div>
                          <Tag color={ITEM_STATE[d.state]?.color}>{ITEM_STATE[d.state]?.label ?? d.state}</Tag>
                          {d.returnReason && <div style={{ fontSize: 12, color: '#92400e' }}>Lý do trả lại: {d.returnReason}</div>}
                        </div>
                      ),
                    },
                  ]}
                />
              )}
            </Card>

            <Card title={`Trả lời (${p.responses.length})`} data-testid="petition-responses">
              {p.responses.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có trả lời." />
              ) : (
                <List
                  dataSource={p.responses}
                  renderItem={(r) => (
                    <List.Item key={r.id}>
                      <ResponseView r={r} downloadBase={`/api/councils/${councilId}/attachments`} />
                    </List.Item>
                  )}
                />
              )}
            </Card>

            <Card title={`Đánh giá kết quả trả lời (${p.reviews.length})`}>
              {p.reviews.map((rv) => (
                <div key={rv.id} style={{ marginBottom: 12 }}>
                  <Tag color={rv.verdict === 'satisfactory' ? 'green' : 'red'}>{rv.verdict === 'satisfactory' ? 'Đạt' : 'Chưa đạt'}</Tag>
                  <b>{rv.bodyName ?? rv.reviewerName}</b> <Typography.Text type="secondary">— {rv.reviewerName}, {fmtDateTime(rv.createdAt)}</Typography.Text>
                  {rv.comment && <div style={{ marginTop: 4 }}>{rv.comment}</div>}
                </div>
              ))}
              {p.reviews.length === 0 && p.status !== 'answered' && <Typography.Text type="secondary">Chưa có đánh giá.</Typography.Text>}
              {perms.review && p.status === 'answered' && <ReviewForm councilId={councilId} petitionId={petitionId} onDone={reload} />}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="Diễn biến" data-testid="petition-timeline">
            {timeline.data && timeline.data.items.length > 0 ? (
              <>
              <Timeline
                items={timeline.data.items.map((e) => ({
                  key: e.id,
                  color: e.action.includes('answer') ? 'green' : e.action.includes('return') ? 'orange' : e.action.includes('remind') ? 'red' : e.level === 'this' ? 'blue' : 'gray',
                  content: (
                    <div>
                      <div style={{ fontWeight: 500 }}>{e.label}</div>
                      <div style={{ fontSize: 12, color: '#6b7280' }}>
                        {fmtDateTime(e.at)} · {e.actorName}
                        {e.level !== 'this' && e.councilName ? ` · ${e.councilName}` : ''}
                      </div>
                      <EventDetail e={e} />
                    </div>
                  ),
                }))}
              />
              <ListPager list={timeline} />
              </>
            ) : (
              <Typography.Text type="secondary">{timeline.tableProps.loading ? 'Đang tải…' : 'Chưa có diễn biến.'}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      {editOpen && <EditModal councilId={councilId} p={p} onClose={() => setEditOpen(false)} onDone={() => { setEditOpen(false); reload(); }} />}
      {answerOpen && <RecordAnswerModal councilId={councilId} p={p} onClose={() => setAnswerOpen(false)} onDone={() => { setAnswerOpen(false); reload(); }} />}
      {splitOpen && <SplitModal councilId={councilId} p={p} onClose={() => setSplitOpen(false)} onDone={() => { setSplitOpen(false); reload(); }} />}
    </Page>
  );
}

function EventDetail({ e }: { e: TimelineEvent }) {
  const a = e.after ?? {};
  const bits: string[] = [];
  if (typeof a.letterNumber === 'string') bits.push(`Văn bản số ${a.letterNumber}`);
  if (typeof a.targetName === 'string') bits.push(`đến ${a.targetName}`);
  if (typeof a.dueDate === 'string') bits.push(`hạn ${fmtDate(a.dueDate)}`);
  if (typeof a.result === 'string') bits.push(RESULT_LABELS[a.result] ?? a.result);
  if (typeof a.verdict === 'string') bits.push(a.verdict === 'satisfactory' ? 'Đạt' : 'Chưa đạt');
  // Who returned it: the agency, or the upper council that sent it back (returnToLower.ts).
  if (e.action === 'petition.return' && typeof a.agencyName === 'string') bits.push(a.agencyName);
  if (typeof a.reason === 'string') bits.push(`Lý do: ${a.reason}`);
  if (typeof a.roundName === 'string') bits.push(a.roundName);
  if (typeof a.comment === 'string') bits.push(a.comment);
  // An edited opinion: the previous text stays visible (actions/updateOpinion.ts).
  const b = e.before ?? {};
  if (e.action === 'opinion.update' && typeof b.text === 'string' && typeof a.text === 'string' && b.text !== a.text) {
    bits.push(`Nội dung trước: «${b.text}» → nay: «${a.text}»`);
  }
  if (!bits.length) return null;
  return <div style={{ fontSize: 13, color: '#374151' }}>{bits.join(' · ')}</div>;
}

export function ResponseView({ r, downloadBase }: { r: ResponseRow; downloadBase: string }) {
  return (
    <div style={{ width: '100%' }}>
      <Space wrap size={4} style={{ marginBottom: 6 }}>
        <ResultTag result={r.result} label={r.resultLabel} />
        <b>{r.agencyName ?? 'Văn phòng ghi nhận'}</b>
        <Typography.Text type="secondary">
          {r.letterNumber ? `Văn bản số ${r.letterNumber}` : 'Trả lời'}
          {r.letterDate ? ` ngày ${fmtDate(r.letterDate)}` : ''} · nhận ngày {fmtDate(r.respondedOn)}
        </Typography.Text>
      </Space>
      <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div>
      {r.result === 'in_progress' && (r.roadmap || r.committedDate) && (
        <div style={{ marginTop: 6, color: '#1e3a8a' }}>
          {r.roadmap && <>Lộ trình: {r.roadmap}. </>}
          {r.committedDate && <>Cam kết hoàn thành: {fmtDate(r.committedDate)} <DeadlineTag state={r.commitmentStatus} /></>}
        </div>
      )}
      {r.attachments.length > 0 && (
        <div style={{ marginTop: 6 }}>
          {r.attachments.map((a) => (
            <a key={a.id} href={`${downloadBase}/${a.id}`} style={{ marginRight: 12 }}>
              <PaperClipOutlined /> {a.fileName}
            </a>
          ))}
        </div>
      )}
    </div>
  );
}

function ReviewForm(props: { councilId: string; petitionId: string; onDone(): void }) {
  const [form] = Form.useForm();
  const bodies = useBodies(props.councilId);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/councils/${props.councilId}/petitions/${props.petitionId}/reviews`, { verdict: v.verdict, comment: v.comment?.trim() ?? '', bodyId: v.bodyId ?? null });
    message.success('Đã ghi nhận đánh giá.');
    form.resetFields();
    props.onDone();
  });
  return (
    <Form form={form} layout="vertical" style={{ marginTop: 8, borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
      <Form.Item name="verdict" label="Đánh giá trả lời" rules={[{ required: true, message: 'Hãy chọn Đạt hoặc Chưa đạt.' }]}>
        <Radio.Group
          options={Object.entries(VERDICT_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item name="comment" label="Nhận xét">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} placeholder="Ví dụ: Trả lời chưa nêu rõ thời gian hoàn thành" />
      </Form.Item>
      <Form.Item name="bodyId" label="Đánh giá thay mặt">
        <Select allowClear placeholder="Thường trực, Ban… (không bắt buộc)" options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={submit}>Ghi đánh giá</Button>
    </Form>
  );
}

function EditModal(props: { councilId: string; p: Detail; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const fields = useFields(props.councilId);
  const p = props.p;
  useEffect(() => {
    form.setFieldsValue({ text: p.text, fieldId: p.fieldId ?? undefined, competentLevel: p.competentLevel ?? undefined, agencyId: p.agencyId ?? undefined });
  }, [form, p]);
  const [save, busy] = useFormSubmit(form, async (v) => {
    await api.patch(`/councils/${props.councilId}/petitions/${p.id}`, {
      version: p.version,
      text: v.text.trim(),
      fieldId: v.fieldId ?? null,
      competentLevel: v.competentLevel ?? null,
      agencyId: v.agencyId ?? null,
    });
    message.success('Đã lưu kiến nghị.');
    props.onDone();
  }, {
    onError: (err) => {
      if (!(err instanceof ApiError && err.status === 409)) return false;
      notification.warning({ title: 'Dữ liệu vừa thay đổi', description: err.message });
      props.onDone();
      return true;
    },
  });
  return (
    <Modal open title={`Sửa kiến nghị số ${p.number}`} onCancel={props.onClose} onOk={save} okText="Lưu" cancelText="Hủy" confirmLoading={busy} width={680}>
      <Form form={form} layout="vertical">
        <Form.Item name="text" label="Nội dung kiến nghị" rules={[{ required: true, whitespace: true, message: 'Hãy nhập nội dung.' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="fieldId" label="Lĩnh vực">
          <Select allowClear options={fields.map((f) => ({ value: f.id, label: f.name }))} />
        </Form.Item>
        <Form.Item name="competentLevel" label="Cấp thẩm quyền">
          <Select allowClear options={levelOptions} />
        </Form.Item>
        <Form.Item name="agencyId" label="Cơ quan giải quyết">
          <AgencySelect initialLabel={p.agencyName ?? undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RecordAnswerModal(props: { councilId: string; p: Detail; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const result = Form.useWatch('result', form);
  const [save, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/councils/${props.councilId}/petitions/${props.p.id}/responses`, answerBody(v));
    message.success('Đã ghi nhận trả lời.');
    props.onDone();
  });
  return (
    <Modal open title="Ghi nhận trả lời của cơ quan (văn bản giấy)" onCancel={props.onClose} onOk={save} okText="Ghi nhận" cancelText="Hủy" confirmLoading={busy} width={680}>
      <Form form={form} layout="vertical">
        <AnswerFormItems result={result} />
      </Form>
    </Modal>
  );
}

/** What AnswerFormItems' values send as an answer (the agency's or the secretariat's). */
export function answerBody(v: { result: string; text: string; letterNumber?: string; letterDate?: Dayjs; roadmap?: string; committedDate?: Dayjs }) {
  return {
    result: v.result,
    text: v.text.trim(),
    letterNumber: v.letterNumber?.trim() ?? '',
    letterDate: isoDay(v.letterDate),
    roadmap: v.roadmap?.trim() ?? '',
    committedDate: isoDay(v.committedDate),
  };
}

/** The fields of an answer (shared by the agency inbox and the secretariat's paper-letter entry). */
export function AnswerFormItems({ result }: { result?: string }) {
  return (
    <>
      <Form.Item name="result" label="Kết quả" rules={[{ required: true, message: 'Hãy chọn kết quả giải quyết.' }]}>
        <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={Object.entries(RESULT_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      {result === 'in_progress' && (
        <Row gutter={12}>
          <Col xs={24} sm={14}>
            <Form.Item name="roadmap" label="Lộ trình giải quyết">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={5000} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="committedDate" label="Cam kết hoàn thành trước ngày" rules={[{ required: true, message: 'Hãy chọn thời hạn cam kết.' }]}>
              <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name="text" label="Nội dung trả lời" rules={[{ required: true, whitespace: true, message: 'Hãy nhập nội dung trả lời.' }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20000} aria-label="Nội dung trả lời" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="letterNumber" label="Số văn bản trả lời">
            <Input maxLength={100} placeholder="Ví dụ: 123/UBND" aria-label="Số văn bản trả lời" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="letterDate" label="Ngày văn bản">
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function SplitModal(props: { councilId: string; p: Detail; onClose(): void; onDone(): void }) {
  const [picked, setPicked] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const p = props.p;
  const save = async () => {
    setBusy(true);
    try {
      await api.post(`/councils/${props.councilId}/petitions/${p.id}/split`, {
        version: p.version,
        groups: [{ opinions: p.opinions.filter((o) => picked.includes(o.id)).map((o) => ({ id: o.id, version: o.version })), text: text.trim() }],
      });
      message.success('Đã tách thành kiến nghị mới.');
      props.onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        notification.warning({ title: 'Không tách được', description: err.message });
        props.onDone();
      } else showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`Tách kiến nghị số ${p.number}`}
      onCancel={props.onClose}
      onOk={save}
      okText="Tách thành kiến nghị mới"
      cancelText="Hủy"
      confirmLoading={busy}
      okButtonProps={{ disabled: !picked.length || picked.length >= p.opinions.length || !text.trim() }}
      width={720}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Chọn các ý kiến chuyển sang kiến nghị mới (kiến nghị hiện tại phải còn ít nhất một ý kiến) và nhập nội dung kiến nghị mới." />
      <Checkbox.Group
        value={picked}
        onChange={(v) => {
          setPicked(v as string[]);
          if (!text && v.length) setText(p.opinions.find((o) => o.id === v[0])?.text ?? '');
        }}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        options={p.opinions.map((o) => ({ value: o.id, label: `${o.text}${o.unitName ? ` — ${o.unitName}` : ''}` }))}
      />
      <div style={{ marginTop: 12, marginBottom: 4, fontWeight: 500 }}>Nội dung kiến nghị mới</div>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 2, maxRows: 8 }} />
    </Modal>
  );
}
