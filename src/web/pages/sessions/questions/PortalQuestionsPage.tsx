// Chất vấn, the delegate's page in the portal, phone first: choose the session, file a question
// slip (to a named official of an agency of the same level, or a topic only; citing voters'
// petitions, supervision findings, or a commitment of an earlier session to question it again),
// then one card per slip — the delegate's own and those the standing committee took up — with its
// state, topic, answer and commitments.
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Collapse, Empty, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ErrorView, Loading, Page } from '../../../components/common.tsx';
import { ListPager } from '../../../components/ListPager.tsx';
import { api, type Page as ListPage } from '../../../lib/api.ts';
import { useApi, useFormSubmit, usePagedTable } from '../../../lib/hooks.ts';
import { message } from '../../../lib/feedback.tsx';
import { fmtDate, fmtDateTime } from '../../../lib/format.ts';
import { useSessionParam } from '../shared.tsx';
import { AnswerBlock, addresseeOf, CITATION_LABELS, CommitmentLine, RemoteSelect, SLIP_COLORS, type Commitment, type Slip } from './shared.tsx';

interface PortalSession { id: string; title: string; openingDate: string; state: string; stateLabel: string }

export function PortalQuestionsPage() {
  const { councilId } = useParams() as { councilId: string };
  const list = useApi<ListPage<PortalSession>>(`/councils/${councilId}/portal/sessions`, { pageSize: 50 });
  const [sessionId, setSessionId] = useSessionParam(list.data?.items, (items) => items.filter((s) => s.state !== 'closed').at(-1) ?? items[0]!);
  const [params] = useSearchParams();
  const [scope, setScope] = useState<'session' | 'mine' | 'all'>('session');
  const [follows, setFollows] = useState<string | null>(params.get('followsCommitmentId'));
  const [filing, setFiling] = useState(!!follows);
  const slips = usePagedTable<Slip>(sessionId ? `/councils/${councilId}/portal/questions` : null, { sessionId: scope === 'session' ? sessionId : undefined, mine: scope === 'mine' ? 'true' : undefined }, { pageSize: 10 });
  const data = slips.data as (ListPage<Slip> & { delegate: { fullName: string } | null }) | null;
  if (list.error) return <ErrorView error={list.error} />;
  const sessions = list.data?.items ?? [];
  const current = sessions.find((s) => s.id === sessionId);
  const open = !!current && current.state !== 'closed' && current.state !== 'postponed';
  return (
    <Page title="Chất vấn" subtitle={data?.delegate ? `Đại biểu ${data.delegate.fullName}` : undefined} crumbs={[{ title: 'Kỳ họp' }, { title: 'Chất vấn' }]}>
      {list.loading && !list.data ? <Loading /> : sessions.length === 0 ? <Card><Empty description="Chưa có kỳ họp nào." /></Card> : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Select aria-label="Kỳ họp" value={sessionId ?? undefined} onChange={setSessionId} style={{ width: '100%' }}
            options={sessions.map((s) => ({ value: s.id, label: `${s.title} · ${fmtDate(s.openingDate)} · ${s.stateLabel}` }))} />
          {data && !data.delegate && <Alert type="info" showIcon message="Tài khoản của bạn chưa được gắn với một đại biểu của HĐND này nên chưa gửi được phiếu chất vấn. Văn phòng gắn tài khoản theo địa chỉ thư điện tử trong hồ sơ đại biểu." />}
          {open && data?.delegate && (filing
            ? <SlipForm key={follows ?? 'new'} councilId={councilId} sessionId={sessionId!} followsCommitmentId={follows} onDone={() => { setFiling(false); setFollows(null); slips.reload(); }} onCancel={() => { setFiling(false); setFollows(null); }} />
            : <Button type="primary" icon={<PlusOutlined />} block onClick={() => setFiling(true)}>Gửi phiếu chất vấn</Button>)}
          {sessionId && <DueCommitments councilId={councilId} sessionId={sessionId} canAsk={open && !!data?.delegate} onAsk={(id) => { setFollows(id); setFiling(true); window.scrollTo({ top: 0 }); }} />}
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value)} optionType="button" buttonStyle="solid" style={{ display: 'flex' }}>
            <Radio.Button value="session" style={{ flex: 1, textAlign: 'center' }}>Kỳ họp này</Radio.Button>
            <Radio.Button value="mine" style={{ flex: 1, textAlign: 'center' }}>Phiếu của tôi</Radio.Button>
            <Radio.Button value="all" style={{ flex: 1, textAlign: 'center' }}>Tất cả</Radio.Button>
          </Radio.Group>
          {slips.error && <ErrorView error={slips.error} onRetry={slips.reload} />}
          {!data ? <Loading /> : data.items.length === 0 ? <Card><Empty description="Chưa có phiếu chất vấn nào." /></Card> : data.items.map((s) => <SlipCard key={s.id} s={s} />)}
          <ListPager list={slips} />
        </Space>
      )}
    </Page>
  );
}

/** The commitments due before this session (what the standing committee reports on), to question again. */
function DueCommitments({ councilId, sessionId, canAsk, onAsk }: { councilId: string; sessionId: string; canAsk: boolean; onAsk(id: string): void }) {
  const due = useApi<ListPage<Commitment>>(`/councils/${councilId}/portal/sessions/${sessionId}/commitments-due`, { pageSize: 50 });
  const items = due.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Collapse size="small" data-testid="portal-due" items={[{
      key: 'due', label: `Lời hứa đến hạn trước kỳ họp (${items.length}, ${items.filter((c) => c.state !== 'closed').length} chưa hoàn thành)`,
      children: items.map((c) => <CommitmentLine key={c.id} c={c} extra={canAsk && c.state !== 'closed' && <Button size="small" style={{ marginTop: 4 }} onClick={() => onAsk(c.id)}>Chất vấn lại</Button>} />),
    }]} />
  );
}

function SlipCard({ s }: { s: Slip }) {
  return (
    <Card size="small" data-testid="slip-card" title={<span style={{ whiteSpace: 'normal' }}>{s.subject}</span>}
      extra={<Tag color={SLIP_COLORS[s.state]} style={{ marginInlineEnd: 0 }} data-testid="slip-state">{s.stateLabel}</Tag>}>
      <div style={{ color: '#6b7280', fontSize: 12 }}>{s.mine ? 'Phiếu của bạn' : `Đại biểu ${s.delegateName}`} · {fmtDateTime(s.filedAt)} · {s.sessionTitle}</div>
      <div style={{ fontSize: 13, marginTop: 4 }}>Gửi: {addresseeOf(s)}</div>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0' }} ellipsis={{ rows: 4, expandable: true, symbol: 'Xem thêm' }}>{s.content}</Typography.Paragraph>
      {s.citations.length > 0 && (
        <div style={{ fontSize: 12 }}>
          {s.citations.map((c) => <div key={`${c.kind}:${c.id}`}><Tag>{CITATION_LABELS[c.kind] ?? c.kind}</Tag>{c.label}</div>)}
        </div>
      )}
      {s.topicTitle && <div style={{ fontSize: 13, marginTop: 6 }}>Nhóm vấn đề: <strong>{s.topicTitle}</strong></div>}
      {s.state === 'writtenDue' && s.writtenDue && <div style={{ fontSize: 13, color: '#d46b08' }}>Trả lời bằng văn bản, hạn {fmtDate(s.writtenDue)}</div>}
      {s.state === 'notSelected' && s.decisionNote && <div style={{ fontSize: 13 }}>Lý do: {s.decisionNote}</div>}
      {s.answer && <AnswerBlock a={s.answer} />}
    </Card>
  );
}

interface SlipValues { subject: string; target: 'official' | 'topic'; addressedAgencyId?: string; addressedName?: string; addressedPost?: string; content: string; petitions?: { value: string; label: string }[]; supervision?: string; followsCommitmentId?: string }

function SlipForm(props: { councilId: string; sessionId: string; followsCommitmentId: string | null; onDone(): void; onCancel(): void }) {
  const [form] = Form.useForm<SlipValues>();
  const target = Form.useWatch('target', form) ?? 'official';
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const official = v.target === 'official';
    await api.post(`/councils/${props.councilId}/portal/questions`, {
      sessionId: props.sessionId, subject: v.subject, content: v.content,
      addressedAgencyId: official ? v.addressedAgencyId ?? null : null, addressedName: official ? v.addressedName ?? '' : '', addressedPost: official ? v.addressedPost ?? '' : '',
      citations: [
        ...(v.petitions ?? []).map((p) => ({ kind: 'petition', id: p.value, label: String(p.label) })),
        ...(v.supervision?.trim() ? [{ kind: 'supervision', id: v.supervision.trim().slice(0, 100), label: v.supervision.trim() }] : []),
      ],
      followsCommitmentId: v.followsCommitmentId || null,
    });
    message.success('Đã gửi phiếu chất vấn đến Thường trực HĐND.');
    props.onDone();
  });
  const base = `/councils/${props.councilId}/portal`;
  return (
    <Card size="small" title="Phiếu chất vấn" data-testid="slip-form">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ target: 'official', followsCommitmentId: props.followsCommitmentId ?? undefined }}>
        <Form.Item name="subject" label="Vấn đề chất vấn" rules={[{ required: true, whitespace: true, message: 'Hãy nêu vấn đề chất vấn.' }]}>
          <Input maxLength={300} placeholder="Ví dụ: Chậm chi trả bồi thường dự án kè biển" />
        </Form.Item>
        <Form.Item name="target" label="Chất vấn">
          <Radio.Group>
            <Space direction="vertical">
              <Radio value="official">Một người cụ thể</Radio>
              <Radio value="topic">Theo vấn đề (Thường trực chọn người trả lời)</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {target === 'official' && (
          <>
            <Form.Item name="addressedAgencyId" label="Cơ quan" rules={[{ required: true, message: 'Hãy chọn cơ quan của người bị chất vấn.' }]}>
              <RemoteSelect<{ id: string; name: string }> path={`${base}/question-addressees`} toOption={(a) => ({ value: a.id, label: a.name })} placeholder="Gõ tên cơ quan để tìm" aria-label="Cơ quan" />
            </Form.Item>
            <Form.Item name="addressedPost" label="Chức vụ"><Input maxLength={200} placeholder="Ví dụ: Chủ tịch Ủy ban nhân dân phường" /></Form.Item>
            <Form.Item name="addressedName" label="Họ tên"><Input maxLength={200} /></Form.Item>
          </>
        )}
        <Form.Item name="content" label="Nội dung câu hỏi" rules={[{ required: true, whitespace: true, message: 'Hãy viết nội dung câu hỏi.' }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10000} />
        </Form.Item>
        <Form.Item name="petitions" label="Kiến nghị cử tri liên quan">
          <RemoteSelect<{ id: string; label: string }> mode="multiple" labelInValue path={`${base}/question-citations`} extra={{ kind: 'petition' }} toOption={(p) => ({ value: p.id, label: p.label })} placeholder="Gõ để tìm kiến nghị" aria-label="Kiến nghị cử tri liên quan" />
        </Form.Item>
        <Form.Item name="supervision" label="Kết quả giám sát liên quan"><Input maxLength={300} placeholder="Số hoặc tên báo cáo giám sát" /></Form.Item>
        <Form.Item name="followsCommitmentId" label="Chất vấn lại lời hứa của kỳ họp trước">
          <RemoteSelect<{ id: string; label: string }> path={`${base}/question-citations`} extra={{ kind: 'commitment' }} toOption={(c) => ({ value: c.id, label: c.label })} placeholder="Chọn lời hứa (nếu có)" aria-label="Chất vấn lại lời hứa" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>Gửi phiếu</Button>
          <Button onClick={props.onCancel}>Hủy</Button>
        </Space>
      </Form>
    </Card>
  );
}
