// Biểu quyết tại kỳ họp, the secretariat's and the chair's page: prepare a vote on an agenda item
// (method and rule chosen per vote) or an election from a candidate list, open it, watch the
// turnout live, close it (a show of hands: enter the figures), and the chair confirms the computed
// result or annuls it with a reason (optionally repeated). The projector view opens in a new tab.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Tag, Typography } from 'antd';
import { DesktopOutlined, PlusOutlined } from '@ant-design/icons';
import { ErrorView, Loading, Page } from '../../../components/common.tsx';
import { api, type Page as ListPage } from '../../../lib/api.ts';
import { useApi, useFormSubmit } from '../../../lib/hooks.ts';
import { message, showError } from '../../../lib/feedback.tsx';
import { fmtDateTime } from '../../../lib/format.ts';
import { useSessionParam, useSessionPerms } from '../shared.tsx';
import { LiveTag, OutcomeTag, STATE_COLORS, useLiveVotes, type Vote } from './votesShared.tsx';

interface SessionRow { id: string; title: string; state: string }
interface SessionDetail { id: string; items: { id: string; position: number; title: string }[] }

const METHODS = [
  { value: 'named', label: 'Điện tử ghi danh' },
  { value: 'secret', label: 'Bỏ phiếu kín (điện tử)' },
  { value: 'show_of_hands', label: 'Giơ tay (Văn phòng nhập kết quả)' },
];
const RULES = [
  { value: 'resolution', label: 'Thông qua nghị quyết, quyết định: quá 1/2 tổng số đại biểu' },
  { value: 'dismissal', label: 'Bãi nhiệm đại biểu: ít nhất 2/3 tổng số đại biểu' },
];

function CreateVote({ councilId, session, onClose }: { councilId: string; session: SessionDetail; onClose: () => void }) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) ?? 'motion';
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const candidates = kind === 'election' ? String(v.candidates ?? '').split('\n').map((s: string) => s.trim()).filter(Boolean).map((name: string) => ({ name })) : undefined;
    await api.post(`/councils/${councilId}/sessions/${session.id}/votes`, {
      kind, title: v.title, itemId: v.itemId ?? null, method: kind === 'election' ? 'secret' : v.method, ruleKey: kind === 'election' ? 'election' : v.ruleKey,
      seatsToFill: kind === 'election' ? v.seatsToFill : undefined, candidates,
    });
    message.success('Đã tạo lượt biểu quyết.');
    onClose();
  });
  return (
    <Modal open title="Tạo lượt biểu quyết" onCancel={onClose} onOk={submit} okText="Tạo" cancelText="Hủy" confirmLoading={busy} destroyOnClose>
      <Form form={form} layout="vertical" initialValues={{ kind: 'motion', method: 'named', ruleKey: 'resolution', seatsToFill: 1 }}>
        <Form.Item name="kind" label="Loại">
          <Radio.Group options={[{ value: 'motion', label: 'Biểu quyết nội dung' }, { value: 'election', label: 'Bầu chức danh (bỏ phiếu kín)' }]} />
        </Form.Item>
        <Form.Item name="title" label="Nội dung biểu quyết" rules={[{ required: true, message: 'Hãy nhập nội dung biểu quyết.' }]}>
          <Input placeholder={kind === 'election' ? 'Bầu Chủ tịch Hội đồng nhân dân' : 'Thông qua Nghị quyết về …'} />
        </Form.Item>
        <Form.Item name="itemId" label="Nội dung kỳ họp (dự thảo nghị quyết)">
          <Select allowClear placeholder="Không gắn với nội dung nào" options={session.items.map((i) => ({ value: i.id, label: `${i.position}. ${i.title}` }))} />
        </Form.Item>
        {kind === 'motion' ? (
          <>
            <Form.Item name="method" label="Hình thức biểu quyết"><Select options={METHODS} /></Form.Item>
            <Form.Item name="ruleKey" label="Quy tắc ngưỡng"><Select options={RULES} /></Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="seatsToFill" label="Số người cần bầu"><InputNumber min={1} max={50} /></Form.Item>
            <Form.Item name="candidates" label="Danh sách ứng cử viên (mỗi dòng một người)" rules={[{ required: true, message: 'Hãy nhập danh sách ứng cử viên.' }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function Actions({ councilId, vote, chair }: { councilId: string; vote: Vote; chair: boolean }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [hands, setHands] = useState(false);
  const [annul, setAnnul] = useState(false);
  const [figures, setFigures] = useState({ for: 0, against: 0, abstain: 0 });
  const [reason, setReason] = useState('');
  const [repeat, setRepeat] = useState(true);
  const act = async (what: string, body: object = {}) => {
    setBusy(what);
    try {
      await api.post(`/councils/${councilId}/votes/${vote.id}/${what}`, body);
      setHands(false);
      setAnnul(false);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space wrap>
      {vote.state === 'created' && <Button type="primary" loading={busy === 'open'} onClick={() => act('open')} data-testid="vote-open">Bắt đầu biểu quyết</Button>}
      {vote.state === 'open' && (vote.method === 'show_of_hands'
        ? <Button type="primary" onClick={() => setHands(true)} data-testid="vote-close">Nhập kết quả giơ tay</Button>
        : <Button type="primary" danger loading={busy === 'close'} onClick={() => act('close')} data-testid="vote-close">Kết thúc biểu quyết</Button>)}
      {vote.state === 'closed' && chair && <Button type="primary" loading={busy === 'confirm'} onClick={() => act('confirm')} data-testid="vote-confirm">Chủ tọa xác nhận kết quả</Button>}
      {vote.state !== 'annulled' && chair && <Button danger onClick={() => setAnnul(true)}>Hủy kết quả…</Button>}
      <Modal open={hands} title="Kết quả biểu quyết giơ tay" onCancel={() => setHands(false)} onOk={() => act('close', figures)} okText="Kết thúc và tính kết quả" cancelText="Hủy" confirmLoading={busy === 'close'}>
        <Space direction="vertical">
          {(['for', 'against', 'abstain'] as const).map((k) => (
            <Space key={k}><span style={{ width: 140, display: 'inline-block' }}>{{ for: 'Tán thành', against: 'Không tán thành', abstain: 'Không biểu quyết' }[k]}</span>
              <InputNumber min={0} value={figures[k]} onChange={(n) => setFigures((f) => ({ ...f, [k]: n ?? 0 }))} /></Space>
          ))}
        </Space>
      </Modal>
      <Modal open={annul} title="Hủy kết quả biểu quyết" onCancel={() => setAnnul(false)} onOk={() => act('annul', { reason, repeat })} okText="Hủy kết quả" okButtonProps={{ danger: true }} cancelText="Đóng" confirmLoading={busy === 'annul'}>
        <Typography.Paragraph>Lượt biểu quyết và lý do hủy được lưu lại.</Typography.Paragraph>
        <Input.TextArea rows={3} placeholder="Lý do hủy (bắt buộc)" value={reason} onChange={(e) => setReason(e.target.value)} />
        <div style={{ marginTop: 8 }}><Switch checked={repeat} onChange={setRepeat} /> Biểu quyết lại</div>
      </Modal>
    </Space>
  );
}

function VoteCard({ councilId, vote, chair }: { councilId: string; vote: Vote; chair: boolean }) {
  const r = vote.result;
  return (
    <Card size="small" data-testid="chamber-vote">
      <Typography.Title level={5} style={{ marginTop: 0 }}>{vote.title}</Typography.Title>
      <Space wrap size={[4, 4]} style={{ marginBottom: 4 }}><Tag>{vote.methodLabel}</Tag><Tag color={STATE_COLORS[vote.state]}>{vote.stateLabel}</Tag><OutcomeTag vote={vote} /></Space>
      {vote.itemTitle && <div style={{ color: '#6b7280' }}>{vote.itemTitle}</div>}
      <div style={{ color: '#6b7280', fontSize: 13 }}>Quy tắc: {vote.rule.label} ({vote.rule.source}){!vote.rule.verified && <Tag color="orange" style={{ marginLeft: 6 }}>Chưa kiểm chứng</Tag>}</div>
      {vote.state === 'open' && <Alert style={{ marginTop: 8 }} type="info" showIcon message={<span>Đang biểu quyết: <b data-testid="vote-turnout">{vote.voted}</b> đại biểu đã biểu quyết</span>} />}
      {r && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong data-testid="vote-reason">{r.reason}</Typography.Text>
          {r.counts && <div>Tán thành {r.counts.for} · Không tán thành {r.counts.against} · Không biểu quyết {r.counts.abstain} · Có mặt chưa biểu quyết {r.counts.notVoting} · Có mặt {r.counts.present}</div>}
          {vote.kind === 'election' && <div>{vote.candidates.map((c) => `${c.name}: ${c.votes ?? 0} phiếu`).join(' · ')}</div>}
          <div style={{ color: '#6b7280', fontSize: 13 }}>{r.baseReason}</div>
          {r.notes.map((n) => <Alert key={n} type="warning" showIcon message={n} style={{ marginTop: 4 }} />)}
        </div>
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} style={{ marginTop: 8 }}>
        {vote.opened && <Descriptions.Item label="Bắt đầu">{vote.opened.byName} · {fmtDateTime(vote.opened.at)}</Descriptions.Item>}
        {vote.closed && <Descriptions.Item label="Kết thúc">{vote.closed.byName} · {fmtDateTime(vote.closed.at)}</Descriptions.Item>}
        {vote.confirmed && <Descriptions.Item label="Chủ tọa xác nhận">{vote.confirmed.byName} · {fmtDateTime(vote.confirmed.at)}</Descriptions.Item>}
        {vote.annulled && <Descriptions.Item label="Hủy">{vote.annulled.byName} · {fmtDateTime(vote.annulled.at)}: {vote.annulled.reason}</Descriptions.Item>}
      </Descriptions>
      <Actions councilId={councilId} vote={vote} chair={chair} />
    </Card>
  );
}

export function ChamberVotesPage() {
  const { councilId } = useParams() as { councilId: string };
  const perms = useSessionPerms(councilId);
  const list = useApi<ListPage<SessionRow>>(`/councils/${councilId}/sessions`, { pageSize: 50 });
  const [sessionId, setSessionId] = useSessionParam(list.data?.items, (items) => items.find((s) => s.state !== 'closed') ?? items[0]!);
  const detail = useApi<SessionDetail>(sessionId ? `/councils/${councilId}/sessions/${sessionId}` : null);
  const { votes, status } = useLiveVotes(councilId, sessionId);
  const [creating, setCreating] = useState(false);
  if (list.error) return <ErrorView error={list.error} />;
  return (
    <Page title="Biểu quyết tại kỳ họp" crumbs={[{ title: 'Kỳ họp' }, { title: 'Biểu quyết' }]}
      extra={<Space wrap>
        <LiveTag status={status} />
        {sessionId && <Button icon={<DesktopOutlined />} href={`/councils/${councilId}/sessions/${sessionId}/projector`} target="_blank">Màn hình chiếu</Button>}
        {detail.data && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="vote-create">Tạo lượt biểu quyết</Button>}
      </Space>}>
      {list.loading && !list.data ? <Loading /> : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Select aria-label="Kỳ họp" value={sessionId ?? undefined} onChange={setSessionId} style={{ width: '100%', maxWidth: 640 }} options={(list.data?.items ?? []).map((s) => ({ value: s.id, label: s.title }))} />
          {votes.length === 0 ? <Card><Empty description="Kỳ họp chưa có lượt biểu quyết nào." /></Card>
            : votes.map((v) => <VoteCard key={v.id} councilId={councilId} vote={v} chair={perms.approve} />)}
        </Space>
      )}
      {creating && detail.data && <CreateVote councilId={councilId} session={detail.data} onClose={() => setCreating(false)} />}
    </Page>
  );
}
