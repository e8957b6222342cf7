// Chất vấn và lời hứa, the standing committee's and the secretariat's page for one session: the
// slips filed (group the chosen ones into a topic with who answers, leave one out with a reason, ask
// for a written answer), the topics in questioning order (move up/down, record the answer and its
// commitments), the commitments due before this session (for the standing committee's report,
// with the report date from the profile) and every commitment with its reports, verified and closed.
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Empty, Form, Input, Modal, Radio, Select, Space, Tabs, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ErrorView, Loading, Page } from '../../../components/common.tsx';
import { ResponsiveTable } from '../../../components/ResponsiveTable.tsx';
import { api, type Page as ListPage } from '../../../lib/api.ts';
import { useApi, useModalSubmit, usePagedTable, useViewportWidth } from '../../../lib/hooks.ts';
import { message, showError } from '../../../lib/feedback.tsx';
import { clip, fmtDate, isoDay } from '../../../lib/format.ts';
import { useAuth } from '../../../lib/auth.tsx';
import { useSessionParam } from '../shared.tsx';
import {
  AnswerBlock, addresseeOf, CITATION_LABELS, COMMITMENT_COLORS, RemoteSelect, SLIP_COLORS, useSubmit,
  type Commitment, type CommitmentDetail, type Slip, type Topic,
} from './shared.tsx';

interface SessionRow { id: string; title: string; openingDate: string; state: string; stateLabel: string }
const SLIP_STATES = [
  { value: 'submitted', label: 'Chờ Thường trực xem xét' }, { value: 'grouped', label: 'Đã xếp nhóm' }, { value: 'writtenDue', label: 'Chờ trả lời bằng văn bản' },
  { value: 'notSelected', label: 'Không đưa ra chất vấn' }, { value: 'answered', label: 'Đã trả lời' },
];

function usePerms(councilId: string) {
  const { me } = useAuth();
  const has = (role: string) => !!me && (me.isAdmin || me.grants.some((g) => g.councilId === councilId && g.role === role));
  return { manage: has('standing_member'), record: has('standing_member') || has('secretariat') };
}

export function QuestionsPage() {
  const { councilId } = useParams() as { councilId: string };
  const [params, setParams] = useSearchParams();
  const sessions = useApi<ListPage<SessionRow>>(`/councils/${councilId}/sessions`, { pageSize: 100 });
  const [sessionId, setSessionId] = useSessionParam(sessions.data?.items, (items) => [...items].sort((a, b) => a.openingDate.localeCompare(b.openingDate)).find((s) => s.state !== 'closed') ?? items[0]!);
  const tab = params.get('tab') ?? 'slips';
  const setTab = (t: string) => setParams((p) => { p.set('tab', t); return p; }, { replace: true });
  const [openCommitment, setOpenCommitment] = useState<string | null>(params.get('commitmentId'));
  const perms = usePerms(councilId);
  if (sessions.error) return <ErrorView error={sessions.error} />;
  const list = sessions.data?.items ?? [];
  const session = list.find((s) => s.id === sessionId);
  return (
    <Page title="Chất vấn và lời hứa" subtitle={session ? `${session.title} · khai mạc ${fmtDate(session.openingDate)} · ${session.stateLabel}` : undefined} crumbs={[{ title: 'Kỳ họp' }, { title: 'Chất vấn và lời hứa' }]}>
      {!sessions.data ? <Loading /> : list.length === 0 ? <Card><Empty description="Chưa có kỳ họp nào." /></Card> : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Select aria-label="Kỳ họp" value={sessionId ?? undefined} onChange={setSessionId} style={{ width: '100%', maxWidth: 560 }}
            options={list.map((s) => ({ value: s.id, label: `${s.title} · ${fmtDate(s.openingDate)} · ${s.stateLabel}` }))} />
          {session && (
            <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={[
              { key: 'slips', label: 'Phiếu chất vấn', children: <SlipsTab councilId={councilId} session={session} perms={perms} /> },
              { key: 'topics', label: 'Nhóm vấn đề và thứ tự', children: <TopicsTab councilId={councilId} session={session} perms={perms} onCommitment={setOpenCommitment} /> },
              { key: 'due', label: 'Lời hứa đến hạn trước kỳ họp', children: <DueTab councilId={councilId} session={session} onCommitment={setOpenCommitment} /> },
              { key: 'commitments', label: 'Tất cả lời hứa', children: <CommitmentsTab councilId={councilId} onCommitment={setOpenCommitment} /> },
            ]} />
          )}
        </Space>
      )}
      {openCommitment && <CommitmentDrawer councilId={councilId} id={openCommitment} canClose={perms.manage} onClose={() => { setOpenCommitment(null); setParams((p) => { p.delete('commitmentId'); return p; }, { replace: true }); }} />}
    </Page>
  );
}

type Perms = ReturnType<typeof usePerms>;

function SlipsTab({ councilId, session, perms }: { councilId: string; session: SessionRow; perms: Perms }) {
  const [params] = useSearchParams();
  const [state, setState] = useState<string | undefined>(params.get('state') ?? undefined);
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [grouping, setGrouping] = useState(false);
  const [answering, setAnswering] = useState<Slip | null>(null);
  const slips = usePagedTable<Slip>(`/councils/${councilId}/sessions/${session.id}/questions`, { state, q: q || undefined }, { pageSize: 20 });
  const counts = (slips.data as unknown as { counts?: Record<string, number> } | null)?.counts ?? {};
  const decide = (s: Slip, action: 'notSelect' | 'requireWritten') => {
    let note = '';
    Modal.confirm({
      title: action === 'notSelect' ? `Không đưa ra chất vấn: ${s.subject}` : `Chuyển trả lời bằng văn bản: ${s.subject}`,
      content: action === 'notSelect'
        ? <Input.TextArea aria-label="Lý do" placeholder="Lý do (báo lại đại biểu)" onChange={(e) => { note = e.target.value; }} autoSize={{ minRows: 2 }} />
        : 'Hạn trả lời tính theo quy định của HĐND (mặc định 20 ngày, chưa kiểm chứng).',
      okText: 'Xác nhận', cancelText: 'Hủy',
      onOk: async () => {
        try {
          await api.post(`/councils/${councilId}/question-slips/${s.id}/decision`, { action, note });
          message.success('Đã ghi quyết định của Thường trực.');
          slips.reload();
        } catch (err) {
          showError(err);
          throw err;
        }
      },
    });
  };
  const open = session.state !== 'closed';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select allowClear placeholder="Mọi trạng thái" value={state} onChange={setState} style={{ minWidth: 220 }} aria-label="Trạng thái phiếu"
          options={SLIP_STATES.map((o) => ({ ...o, label: `${o.label} (${counts[o.value] ?? 0})` }))} />
        <Input.Search allowClear placeholder="Tìm theo nội dung, người bị chất vấn" onSearch={setQ} style={{ width: 300 }} aria-label="Tìm phiếu" />
        {perms.manage && open && <Button type="primary" icon={<PlusOutlined />} disabled={!selected.length} onClick={() => setGrouping(true)}>Lập nhóm vấn đề ({selected.length} phiếu)</Button>}
      </Space>
      {slips.error && <ErrorView error={slips.error} onRetry={slips.reload} />}
      <ResponsiveTable<Slip>
        rowKey="id" {...slips.tableProps} data-testid="slips-table"
        rowSelection={perms.manage && open ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]), getCheckboxProps: (s) => ({ disabled: !['submitted', 'notSelected'].includes(s.state) }) } : undefined}
        columns={[
          { title: 'Vấn đề', dataIndex: 'subject', render: (_v, s) => <div><strong>{s.subject}</strong><div style={{ color: '#6b7280', fontSize: 12 }}>Đại biểu {s.delegateName}</div></div> },
          { title: 'Gửi', render: (_v, s) => addresseeOf(s) },
          { title: 'Dẫn chứng', render: (_v, s) => s.citations.map((c) => <div key={c.id} style={{ fontSize: 12 }}><Tag>{CITATION_LABELS[c.kind] ?? c.kind}</Tag>{c.label}</div>) },
          { title: 'Trạng thái', render: (_v, s) => <div><Tag color={SLIP_COLORS[s.state]}>{s.stateLabel}</Tag>{s.topicTitle && <div style={{ fontSize: 12 }}>{s.topicTitle}</div>}{s.writtenDue && <div style={{ fontSize: 12 }}>Hạn {fmtDate(s.writtenDue)}</div>}</div> },
          {
            key: 'actions', render: (_v, s) => (
              <Space wrap size={4}>
                {perms.manage && (s.state === 'submitted' || s.state === 'grouped') && <Button size="small" onClick={() => decide(s, 'requireWritten')}>Trả lời bằng văn bản</Button>}
                {perms.manage && s.state === 'submitted' && <Button size="small" onClick={() => decide(s, 'notSelect')}>Không đưa ra</Button>}
                {perms.record && s.state === 'writtenDue' && <Button size="small" type="primary" onClick={() => setAnswering(s)}>Ghi trả lời</Button>}
              </Space>
            ),
          },
        ]}
        expandable={{ expandedRowRender: (s) => <div><Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.content}</Typography.Paragraph>{s.answer && <AnswerBlock a={s.answer} />}</div> }}
      />
      {grouping && <TopicModal councilId={councilId} sessionId={session.id} slipIds={selected} onClose={(done) => { setGrouping(false); if (done) { setSelected([]); slips.reload(); } }} />}
      {answering && <AnswerModal councilId={councilId} target={{ slipId: answering.id, title: answering.subject, answererAgencyId: answering.addressedAgencyId, answererName: answering.addressedName, answererPost: answering.addressedPost }} mode="written" openingDate={session.openingDate} onClose={(done) => { setAnswering(null); if (done) slips.reload(); }} />}
    </Space>
  );
}

interface TopicValues { title: string; answererAgencyId?: string; answererName?: string; answererPost?: string }

function TopicModal(props: { councilId: string; sessionId: string; slipIds: string[]; topic?: Topic; onClose(done: boolean): void }) {
  const [form] = Form.useForm<TopicValues>();
  const t = props.topic;
  const { busy, submit } = useModalSubmit(form, (v) => {
    const body = { title: v.title, answererAgencyId: v.answererAgencyId ?? null, answererName: v.answererName ?? '', answererPost: v.answererPost ?? '' };
    return t ? api.patch(`/councils/${props.councilId}/question-topics/${t.id}`, body) : api.post(`/councils/${props.councilId}/sessions/${props.sessionId}/question-topics`, { ...body, slipIds: props.slipIds });
  }, t ? 'Đã sửa nhóm vấn đề.' : 'Đã lập nhóm vấn đề chất vấn.', () => props.onClose(true));
  return (
    <Modal open title={t ? `Sửa nhóm: ${t.title}` : `Lập nhóm vấn đề từ ${props.slipIds.length} phiếu`} onCancel={() => props.onClose(false)} onOk={submit} okText="Lưu" cancelText="Hủy" confirmLoading={busy}>
      <Form form={form} layout="vertical" initialValues={t ? { title: t.title, answererAgencyId: t.answererAgencyId ?? undefined, answererName: t.answererName, answererPost: t.answererPost } : undefined}>
        <Form.Item name="title" label="Tên nhóm vấn đề" rules={[{ required: true, whitespace: true, message: 'Hãy đặt tên nhóm vấn đề.' }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="answererAgencyId" label="Cơ quan của người trả lời">
          <RemoteSelect<{ id: string; name: string }> path={`/councils/${props.councilId}/question-addressees`} toOption={(a) => ({ value: a.id, label: a.name })} placeholder="Gõ tên cơ quan để tìm" aria-label="Cơ quan trả lời"
            initial={t?.answererAgencyId && t.answererAgencyName ? { value: t.answererAgencyId, label: t.answererAgencyName } : undefined} />
        </Form.Item>
        <Form.Item name="answererPost" label="Chức vụ người trả lời"><Input maxLength={200} /></Form.Item>
        <Form.Item name="answererName" label="Họ tên người trả lời"><Input maxLength={200} /></Form.Item>
      </Form>
    </Modal>
  );
}

function TopicsTab({ councilId, session, perms, onCommitment }: { councilId: string; session: SessionRow; perms: Perms; onCommitment(id: string): void }) {
  const topics = useApi<ListPage<Topic>>(`/councils/${councilId}/sessions/${session.id}/question-topics`, { pageSize: 200 });
  const [answering, setAnswering] = useState<Topic | null>(null);
  const [editing, setEditing] = useState<Topic | null>(null);
  if (topics.error) return <ErrorView error={topics.error} onRetry={topics.reload} />;
  if (!topics.data) return <Loading />;
  const items = topics.data.items;
  const move = async (i: number, d: -1 | 1) => {
    const ids = items.map((t) => t.id);
    [ids[i], ids[i + d]] = [ids[i + d]!, ids[i]!];
    try {
      await api.put(`/councils/${councilId}/sessions/${session.id}/question-order`, { topicIds: ids });
      topics.reload();
    } catch (err) {
      showError(err);
    }
  };
  const open = session.state !== 'closed';
  if (!items.length) return <Card><Empty description="Chưa có nhóm vấn đề. Chọn các phiếu ở thẻ “Phiếu chất vấn” để lập nhóm." /></Card>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {items.map((t, i) => (
        <Card key={t.id} size="small" data-testid="topic-card"
          title={<span style={{ whiteSpace: 'normal' }}>{t.position}. {t.title}</span>}
          extra={perms.manage && open && (
            <Space size={4}>
              <Button size="small" icon={<ArrowUpOutlined />} aria-label="Lên" disabled={i === 0} onClick={() => move(i, -1)} />
              <Button size="small" icon={<ArrowDownOutlined />} aria-label="Xuống" disabled={i === items.length - 1} onClick={() => move(i, 1)} />
            </Space>
          )}>
          <div style={{ fontSize: 13 }}>Người trả lời: <strong>{[t.answererName, t.answererPost].filter(Boolean).join(', ') || 'chưa chọn'}</strong>{t.answererAgencyName ? ` (${t.answererAgencyName})` : ''}</div>
          <div style={{ marginTop: 6 }}>
            {t.slips.map((s) => <div key={s.id} style={{ fontSize: 13 }}>• {s.subject} <span style={{ color: '#6b7280' }}>— đại biểu {s.delegateName}</span></div>)}
          </div>
          {t.answer
            ? <div>{t.answer && <AnswerBlock a={t.answer} />}<Space wrap style={{ marginTop: 6 }}>{t.answer.commitments.map((c) => <Button key={c.id} size="small" type="link" onClick={() => onCommitment(c.id)}>Theo dõi: {clip(c.content, 40)}</Button>)}</Space></div>
            : (
              <Space wrap style={{ marginTop: 8 }}>
                {perms.record && <Button type="primary" size="small" onClick={() => setAnswering(t)} disabled={!t.slips.length}>Ghi câu trả lời</Button>}
                {perms.manage && open && <Button size="small" onClick={() => setEditing(t)}>Sửa nhóm, người trả lời</Button>}
              </Space>
            )}
        </Card>
      ))}
      {answering && <AnswerModal councilId={councilId} target={{ topicId: answering.id, title: answering.title, answererAgencyId: answering.answererAgencyId, answererName: answering.answererName, answererPost: answering.answererPost }} mode="oral" openingDate={session.openingDate} onClose={(done) => { setAnswering(null); if (done) topics.reload(); }} />}
      {editing && <TopicModal councilId={councilId} sessionId={session.id} slipIds={[]} topic={editing} onClose={(done) => { setEditing(null); if (done) topics.reload(); }} />}
    </Space>
  );
}

interface AnswerTarget { topicId?: string; slipId?: string; title: string; answererAgencyId: string | null; answererName: string; answererPost: string }
interface AnswerValues {
  answeredOn: import('dayjs').Dayjs; summary: string; answererName: string; answererPost?: string; reference?: string;
  commitments?: { agencyId: string; ownerName: string; ownerPost?: string; content: string; dueOn: import('dayjs').Dayjs }[];
}

function AnswerModal(props: { councilId: string; target: AnswerTarget; mode: 'oral' | 'written'; openingDate: string; onClose(done: boolean): void }) {
  const [form] = Form.useForm<AnswerValues>();
  const tg = props.target;
  const { busy, submit } = useModalSubmit(form, (v) => api.post(`/councils/${props.councilId}/question-answers`, {
    topicId: tg.topicId ?? null, slipId: tg.slipId ?? null, mode: props.mode, answeredOn: isoDay(v.answeredOn),
    summary: v.summary, answererAgencyId: tg.answererAgencyId, answererName: v.answererName, answererPost: v.answererPost ?? '', reference: v.reference ?? '',
    commitments: (v.commitments ?? []).map((c) => ({ agencyId: c.agencyId, ownerName: c.ownerName, ownerPost: c.ownerPost ?? '', content: c.content, dueOn: isoDay(c.dueOn) })),
  }), 'Đã ghi câu trả lời và các lời hứa.', () => props.onClose(true));
  return (
    <Modal open width={720} title={`${props.mode === 'oral' ? 'Trả lời tại phiên chất vấn' : 'Trả lời bằng văn bản'}: ${tg.title}`} onCancel={() => props.onClose(false)} onOk={submit} okText="Ghi câu trả lời" cancelText="Hủy" confirmLoading={busy}>
      <Form form={form} layout="vertical" initialValues={{ answererName: tg.answererName, answererPost: tg.answererPost, commitments: [] }}>
        <Space wrap>
          <Form.Item name="answeredOn" label="Ngày trả lời" rules={[{ required: true, message: 'Hãy chọn ngày trả lời.' }]}><DatePicker format="DD/MM/YYYY" aria-label="Ngày trả lời" /></Form.Item>
          {props.mode === 'written' && <Form.Item name="reference" label="Số văn bản trả lời"><Input maxLength={200} /></Form.Item>}
        </Space>
        <Space wrap>
          <Form.Item name="answererName" label="Người trả lời" rules={[{ required: true, whitespace: true, message: 'Hãy ghi người trả lời.' }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="answererPost" label="Chức vụ"><Input maxLength={200} /></Form.Item>
        </Space>
        <Form.Item name="summary" label="Tóm tắt nội dung trả lời" rules={[{ required: true, whitespace: true, message: 'Hãy tóm tắt nội dung trả lời.' }]}><Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} /></Form.Item>
        <Typography.Text strong>Lời hứa trong câu trả lời</Typography.Text>
        <Form.List name="commitments">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card key={f.key} size="small" style={{ margin: '8px 0' }} title={`Lời hứa ${i + 1}`} extra={<Button size="small" danger icon={<DeleteOutlined />} aria-label="Bỏ lời hứa" onClick={() => remove(f.name)} />} data-testid="commitment-form">
                  <Form.Item name={[f.name, 'content']} label="Nội dung" rules={[{ required: true, whitespace: true, message: 'Hãy ghi nội dung lời hứa.' }]}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
                  <Form.Item name={[f.name, 'agencyId']} label="Cơ quan chịu trách nhiệm" rules={[{ required: true, message: 'Hãy chọn cơ quan.' }]}>
                    <RemoteSelect<{ id: string; name: string }> path={`/councils/${props.councilId}/question-addressees`} toOption={(a) => ({ value: a.id, label: a.name })} placeholder="Gõ tên cơ quan" aria-label="Cơ quan chịu trách nhiệm" />
                  </Form.Item>
                  <Space wrap>
                    <Form.Item name={[f.name, 'ownerName']} label="Người chịu trách nhiệm" rules={[{ required: true, whitespace: true, message: 'Hãy ghi người chịu trách nhiệm.' }]}><Input maxLength={200} /></Form.Item>
                    <Form.Item name={[f.name, 'ownerPost']} label="Chức vụ"><Input maxLength={200} /></Form.Item>
                    <Form.Item name={[f.name, 'dueOn']} label="Thời hạn" rules={[{ required: true, message: 'Hãy chọn thời hạn.' }]}><DatePicker format="DD/MM/YYYY" aria-label="Thời hạn lời hứa" /></Form.Item>
                  </Space>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ ownerName: form.getFieldValue('answererName'), ownerPost: form.getFieldValue('answererPost'), agencyId: tg.answererAgencyId ?? undefined })} style={{ marginTop: 8 }}>Thêm lời hứa</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

interface DuePage extends ListPage<Commitment> {
  session: { title: string; openingDate: string };
  report: { due: string; nominalDate: string; movedBecause: string | null; days: number; unverified: boolean; source: string } | null;
  reportError: string | null; openCount: number;
}

function DueTab({ councilId, session, onCommitment }: { councilId: string; session: SessionRow; onCommitment(id: string): void }) {
  const [open, setOpen] = useState(false);
  const due = usePagedTable<Commitment>(`/councils/${councilId}/sessions/${session.id}/commitments-due`, { open: open ? 'true' : undefined }, { pageSize: 20 });
  const d = due.data as DuePage | null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {d?.report && (
        <Alert type="info" showIcon data-testid="report-date" message={<span>Các cơ quan báo cáo thực hiện lời hứa chậm nhất ngày <strong>{fmtDate(d.report.due)}</strong> ({d.report.days} ngày trước ngày khai mạc {fmtDate(session.openingDate)}{d.report.movedBecause ? `; ${fmtDate(d.report.nominalDate)} là ${d.report.movedBecause}` : ''}) {d.report.unverified && <Tag color="gold">Mặc định chưa kiểm chứng</Tag>}</span>}
          description={<span style={{ fontSize: 12 }}>{d.report.source}</span>} />
      )}
      {d?.reportError && <Alert type="warning" showIcon message={d.reportError} />}
      <Space wrap>
        <Radio.Group value={open} onChange={(e) => setOpen(e.target.value)} optionType="button">
          <Radio.Button value={false}>Tất cả ({d && !open ? d.total : '…'})</Radio.Button>
          <Radio.Button value={true}>Chưa hoàn thành ({d?.openCount ?? '…'})</Radio.Button>
        </Radio.Group>
      </Space>
      {due.error && <ErrorView error={due.error} onRetry={due.reload} />}
      <ResponsiveTable<Commitment> rowKey="id" {...due.tableProps} data-testid="due-table" locale={{ emptyText: 'Không có lời hứa nào đến hạn trước kỳ họp này.' }}
        columns={commitmentColumns(onCommitment)} />
    </Space>
  );
}

function commitmentColumns(onCommitment: (id: string) => void) {
  return [
    { title: 'Lời hứa', dataIndex: 'content', render: (_v: unknown, c: Commitment) => <a onClick={() => onCommitment(c.id)} style={{ overflowWrap: 'anywhere' }}>{c.content}</a> },
    { title: 'Người chịu trách nhiệm', render: (_v: unknown, c: Commitment) => <div>{[c.ownerName, c.ownerPost].filter(Boolean).join(', ')}<div style={{ fontSize: 12, color: '#6b7280' }}>{c.agencyName}</div></div> },
    { title: 'Kỳ họp', dataIndex: 'sessionTitle' },
    { title: 'Thời hạn', render: (_v: unknown, c: Commitment) => <span>{fmtDate(c.dueOn)}{c.overdue && <Tag color="red" style={{ marginInlineStart: 6 }}>Quá hạn</Tag>}</span> },
    { title: 'Tình trạng', render: (_v: unknown, c: Commitment) => <Tag color={COMMITMENT_COLORS[c.state]}>{c.stateLabel}</Tag> },
  ];
}

function CommitmentsTab({ councilId, onCommitment }: { councilId: string; onCommitment(id: string): void }) {
  const [params] = useSearchParams();
  const [state, setState] = useState<string | undefined>(params.get('state') ?? undefined);
  const list = usePagedTable<Commitment>(`/councils/${councilId}/commitments`, { state }, { pageSize: 20 });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select allowClear placeholder="Mọi tình trạng" value={state} onChange={setState} style={{ minWidth: 240 }} aria-label="Tình trạng lời hứa"
        options={[{ value: 'open', label: 'Chưa báo cáo' }, { value: 'inProgress', label: 'Đang thực hiện' }, { value: 'reportedDone', label: 'Cơ quan báo cáo đã hoàn thành' }, { value: 'closed', label: 'Đã hoàn thành' }]} />
      {list.error && <ErrorView error={list.error} onRetry={list.reload} />}
      <ResponsiveTable<Commitment> rowKey="id" {...list.tableProps} columns={commitmentColumns(onCommitment)} />
    </Space>
  );
}

/** One commitment: its source answer, the agency's reports with evidence, re-questions; verify/close. */
export function CommitmentDrawer({ councilId, agencyId, id, canClose, onClose, children }: { councilId?: string; agencyId?: string; id: string; canClose?: boolean; onClose(): void; children?: (c: CommitmentDetail, reload: () => void) => React.ReactNode }) {
  const vw = useViewportWidth();
  const base = councilId ? `/councils/${councilId}/commitments/${id}` : `/agencies/${agencyId}/commitments/${id}`;
  const detail = useApi<CommitmentDetail>(base);
  const [note, setNote] = useState('');
  const { busy, run } = useSubmit();
  const c = detail.data;
  const verify = async (decision: 'close' | 'reopen') => {
    const ok = await run(() => api.post(`${base}/verify`, { decision, note }), decision === 'close' ? 'Đã xác nhận hoàn thành và đóng lời hứa.' : 'Đã yêu cầu cơ quan tiếp tục thực hiện.');
    if (!ok) return;
    setNote('');
    detail.reload();
  };
  return (
    <Drawer open onClose={onClose} title="Lời hứa khi trả lời chất vấn" width={Math.min(640, vw)} data-testid="commitment-drawer">
      {detail.error ? <ErrorView error={detail.error} /> : !c ? <Loading /> : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph strong style={{ fontSize: 15 }}>{c.content}</Typography.Paragraph>
          <Descriptions size="small" column={1} bordered items={[
            { key: 's', label: 'Tình trạng', children: <span><Tag color={COMMITMENT_COLORS[c.state]} data-testid="commitment-state">{c.stateLabel}</Tag>{c.overdue && <Tag color="red">Quá hạn</Tag>}</span> },
            { key: 'o', label: 'Người chịu trách nhiệm', children: `${[c.ownerName, c.ownerPost].filter(Boolean).join(', ')} · ${c.agencyName}` },
            { key: 'd', label: 'Thời hạn', children: `${fmtDate(c.dueOn)}${c.dueOn !== c.originalDue ? ` (hạn đầu ${fmtDate(c.originalDue)})` : ''}` },
            { key: 'm', label: 'Hứa tại', children: `${c.sessionTitle}, ngày ${fmtDate(c.madeOn)}${c.source.topicTitle ? ` · nhóm “${c.source.topicTitle}”` : ''}${c.source.slipSubject ? ` · phiếu “${c.source.slipSubject}”` : ''}` },
            ...(c.closedOn ? [{ key: 'c', label: 'Đóng ngày', children: fmtDate(c.closedOn) }] : []),
          ]} />
          <Typography.Title level={5} style={{ marginBottom: 0 }}>Báo cáo và minh chứng</Typography.Title>
          {c.reports.length === 0 ? <Typography.Text type="secondary">Cơ quan chưa báo cáo.</Typography.Text> : c.reports.map((r) => (
            <div key={r.id} style={{ borderTop: '1px solid #f0f0f0', padding: '6px 0' }} data-testid="commitment-report">
              <div style={{ fontSize: 12, color: '#6b7280' }}>{r.kindLabel} · {fmtDate(r.reportedOn)}</div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div>
              {r.fileName && <a href={`/api${base}/reports/${r.id}/file`}>{r.fileName}</a>}
            </div>
          ))}
          {c.requestioned.length > 0 && (
            <div><Typography.Text strong>Chất vấn lại</Typography.Text>{c.requestioned.map((s) => <div key={s.id} style={{ fontSize: 13 }}>• {s.subject} ({s.stateLabel})</div>)}</div>
          )}
          {canClose && c.state !== 'closed' && (
            <Card size="small" title="Thường trực xác nhận">
              <Input.TextArea aria-label="Nhận xét" placeholder="Nhận xét (bắt buộc khi yêu cầu tiếp tục thực hiện)" value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 2 }} />
              <Space wrap style={{ marginTop: 8 }}>
                <Button type="primary" loading={busy} onClick={() => verify('close')}>Xác nhận hoàn thành, đóng</Button>
                {c.state === 'reportedDone' && <Button loading={busy} onClick={() => verify('reopen')}>Yêu cầu tiếp tục thực hiện</Button>}
              </Space>
            </Card>
          )}
          {canClose && c.state !== 'closed' && councilId && <ExtendBlock base={base} onDone={detail.reload} />}
          {councilId && c.escalation && <EscalationBlock base={base} e={c.escalation} canAct={!!canClose} onDone={detail.reload} />}
          {councilId && c.source.answer && <CorrectionBlock councilId={councilId} answer={c.source.answer as never} history={c.answerHistory ?? []} canCorrect={!!canClose} onDone={detail.reload} />}
          {children?.(c, detail.reload)}
        </Space>
      )}
    </Drawer>
  );
}

function ExtendBlock({ base, onDone }: { base: string; onDone(): void }) {
  const [dueOn, setDueOn] = useState<import('dayjs').Dayjs | null>(null);
  const [reason, setReason] = useState('');
  const { busy, run } = useSubmit();
  const extend = async () => {
    if (await run(() => api.post(`${base}/extend`, { dueOn: isoDay(dueOn), reason }), 'Đã gia hạn lời hứa; thời hạn ban đầu vẫn được giữ.')) {
      setDueOn(null);
      setReason('');
      onDone();
    }
  };
  return (
    <Card size="small" title="Gia hạn">
      <Space wrap>
        <DatePicker format="DD/MM/YYYY" value={dueOn} onChange={setDueOn} aria-label="Thời hạn mới" placeholder="Thời hạn mới" />
        <Input aria-label="Lý do gia hạn" placeholder="Lý do gia hạn" value={reason} onChange={(e) => setReason(e.target.value)} style={{ minWidth: 240 }} />
        <Button loading={busy} disabled={!dueOn} onClick={extend}>Gia hạn</Button>
      </Space>
    </Card>
  );
}

/** The follow-up ladder on an overdue commitment: steps taken and the next one (the Thường trực takes it). */
function EscalationBlock({ base, e, canAct, onDone }: { base: string; e: NonNullable<CommitmentDetail['escalation']>; canAct: boolean; onDone(): void }) {
  const [note, setNote] = useState('');
  const { busy, run } = useSubmit();
  const take = async () => {
    if (!e.next) return;
    if (await run(() => api.post(`${base}/escalate`, { kind: e.next!.kind, note }), `Đã thực hiện bước xử lý tiếp: ${e.next.label}.`)) {
      setNote('');
      onDone();
    }
  };
  return (
    <Card size="small" title="Xử lý tiếp khi quá hạn" data-testid="commitment-escalation">
      {e.taken.map((t) => <div key={t.id} style={{ fontSize: 13 }} data-testid="escalation-taken">• {t.label} · {fmtDate(t.takenOn)}{t.note ? ` · ${t.note}` : ''}</div>)}
      {e.next ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 6 }}>
          <Typography.Text>Bước tiếp theo: <b>{e.next.label}</b>{e.next.ready ? '' : ` (từ ${fmtDate(e.next.from)})`}{e.ladderIsDefault ? <Tag style={{ marginLeft: 6 }}>Trình tự mặc định, chưa kiểm chứng</Tag> : null}</Typography.Text>
          {canAct && (
            <Space wrap>
              <Input aria-label="Ghi chú xử lý tiếp" placeholder="Ghi chú" value={note} onChange={(ev) => setNote(ev.target.value)} style={{ minWidth: 220 }} />
              <Button loading={busy} disabled={!e.next.ready} onClick={take} data-testid="escalate">{e.next.label}</Button>
            </Space>
          )}
        </Space>
      ) : <Typography.Text type="secondary">{e.reason}</Typography.Text>}
    </Card>
  );
}

/** Correction of the answer the commitment came from: the earlier text is kept with the reason. */
function CorrectionBlock({ councilId, answer, history, canCorrect, onDone }: { councilId: string; answer: { id: string; summary: string; version?: number }; history: NonNullable<CommitmentDetail['answerHistory']>; canCorrect: boolean; onDone(): void }) {
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState(answer.summary);
  const [reason, setReason] = useState('');
  const { busy, run } = useSubmit();
  const save = async () => {
    if (await run(() => api.post(`/councils/${councilId}/question-answers/${answer.id}/correct`, { summary, reason, version: answer.version ?? history.length + 1 }), 'Đã đính chính câu trả lời; nội dung trước đính chính vẫn được lưu.')) {
      setOpen(false);
      setReason('');
      onDone();
    }
  };
  return (
    <Card size="small" title="Câu trả lời" data-testid="answer-card">
      <div style={{ whiteSpace: 'pre-wrap' }} data-testid="answer-summary">{answer.summary}</div>
      {history.map((h) => <div key={h.version} style={{ fontSize: 12, color: '#6b7280', marginTop: 4 }} data-testid="answer-version">Đính chính ngày {fmtDate(h.correctedOn)}: {h.reason} (bản trước: “{clip(h.summary, 120)}”)</div>)}
 {!canCorrect ? null : !open ? <Button size="small" style={{ marginTop: 6 }} onClick={() => setOpen(true)} data-testid="correct-answer">Đính chính</Button> : (
        <Space direction="vertical" style={{ width: '100%', marginTop: 6 }}>
          <Input.TextArea aria-label="Nội dung sau đính chính" value={summary} onChange={(ev) => setSummary(ev.target.value)} autoSize={{ minRows: 3 }} />
          <Input aria-label="Lý do đính chính" placeholder="Lý do đính chính" value={reason} onChange={(ev) => setReason(ev.target.value)} />
          <Space><Button type="primary" loading={busy} onClick={save} data-testid="save-correction">Lưu đính chính</Button><Button onClick={() => setOpen(false)}>Hủy</Button></Space>
        </Space>
      )}
    </Card>
  );
}
