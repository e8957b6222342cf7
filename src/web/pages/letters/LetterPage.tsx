// One letter's file: what it is about (as the viewer may see it), its deadlines from the rule set
// it keeps, the transmission log, and the handling steps the domain allows now.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, List, Modal, Space, Tag, Typography, message } from 'antd';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi, useFormSubmit } from '../../lib/hooks.ts';
import { fmtDate } from '../../lib/format.ts';
import { ForwardModal, LetterStateTag, senderOf, type LetterRow } from './shared.tsx';
import { AttachmentsCard, FieldLine, NoticesCard, type Attachment, type FieldPart, type Notice } from './LetterExtras.tsx';

type Detail = LetterRow & FieldPart & {
  attachments: Attachment[]; notices: Notice[]; audience: string; handleAsDenunciation: boolean;
  content: string | null; respondent: string | null; ruleSetKey: string; outcomeNote: string | null; mayRevealIdentity: boolean; fromContactMeeting: boolean;
  deadlines: { step: string; label: string; due: string | null; error: string | null; source: string; verified: boolean }[];
  forwardings: { id: string; agencyName: string; forwardedOn: string; letterNumber: string; resultDue: string }[];
  related: { id: string; reference: string; kindLabel: string }[];
  actions: { action: string; label: string }[];
  origin: { meeting: { heldOn: string; place: string } | null; versions: { text: string; savedAt: string }[] } | null;
};

const NOTE_ACTIONS: Record<string, { path: string; title: string; field: string; ok: string }> = {
  guide: { path: 'guide', title: 'Hướng dẫn công dân', field: 'Nội dung hướng dẫn (cơ quan có thẩm quyền, cách gửi đơn)', ok: 'Ghi nhận đã hướng dẫn' },
  file: { path: 'file', title: 'Lưu đơn', field: 'Lý do không đủ điều kiện xử lý', ok: 'Lưu đơn' },
  receiveResult: { path: 'result', title: 'Kết quả giải quyết của cơ quan', field: 'Tóm tắt kết quả giải quyết', ok: 'Ghi nhận kết quả' },
};

export function LetterPage({ mine = false }: { mine?: boolean }) {
  const { councilId, letterId } = useParams() as { councilId: string; letterId: string };
  const base = `/councils/${councilId}/${mine ? 'my-letters' : 'letters'}/${letterId}`;
  const d = useApi<Detail>(base);
  const [forwarding, setForwarding] = useState(false);
  const [noteAction, setNoteAction] = useState<string | null>(null);
  const [identity, setIdentity] = useState<{ name: string; address: string; idNumber: string | null; phone: string | null }[] | null>(null);
  if (d.error) return <ErrorView error={d.error} />;
  if (!d.data) return <Loading />;
  const l = d.data;
  const simple = async (path: string, done: string) => {
    try {
      await api.post(`/councils/${councilId}/letters/${letterId}/${path}`, {});
      message.success(done);
      d.reload();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  const actionButton = (a: { action: string; label: string }) => {
    const label = a.label.charAt(0).toUpperCase() + a.label.slice(1);
    if (a.action === 'forward') return <Button key={a.action} type="primary" onClick={() => setForwarding(true)}>Chuyển đơn</Button>;
    if (mine) return null;
    if (NOTE_ACTIONS[a.action]) return <Button key={a.action} onClick={() => setNoteAction(a.action)}>{NOTE_ACTIONS[a.action]!.title}</Button>;
    if (a.action === 'informCitizen') return <Button key={a.action} onClick={() => simple('inform-citizen', 'Đã ghi nhận thông báo kết quả cho công dân.')}>Đã thông báo cho công dân</Button>;
    if (a.action === 'close') return <Button key={a.action} onClick={() => simple('close', 'Đã kết thúc theo dõi đơn.')}>Kết thúc theo dõi</Button>;
    return <Tag key={a.action}>{label}</Tag>;
  };
  return (
    <Page title={`Đơn ${l.reference}`} subtitle={`${l.kindLabel} · nhận ${fmtDate(l.receivedOn)}`} crumbs={[{ title: 'Tiếp công dân, đơn thư' }, { title: mine ? 'Đơn thư tôi tiếp nhận' : 'Sổ theo dõi đơn thư' }, { title: l.reference }]}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="Tình trạng"><LetterStateTag l={l} /></Descriptions.Item>
            <Descriptions.Item label="Nguồn đơn">{l.channelLabel}</Descriptions.Item>
            <Descriptions.Item label="Lĩnh vực"><FieldLine councilId={councilId} letterId={letterId} l={l} editable={!mine && (l.audience === 'handler' || l.audience === 'council_staff')} onDone={d.reload} /></Descriptions.Item>
            <Descriptions.Item label="Người gửi">{identity ? identity.map((s) => `${s.name}${s.address ? `, ${s.address}` : ''}${s.idNumber ? `, CCCD ${s.idNumber}` : ''}`).join('; ') : senderOf(l)}</Descriptions.Item>
            <Descriptions.Item label="Bộ quy định áp dụng">{l.ruleSetKey === 'letters-2026' ? 'Từ 01/07/2026 (Luật 136/2025/QH15)' : 'Trước 01/07/2026'}</Descriptions.Item>
            {l.agencyName && <Descriptions.Item label="Đã chuyển đến">{l.agencyName} — hạn báo kết quả {fmtDate(l.due!)}</Descriptions.Item>}
            {l.respondent && <Descriptions.Item label="Người, cơ quan bị khiếu nại, tố cáo">{l.respondent}</Descriptions.Item>}
          </Descriptions>
          {l.mayRevealIdentity && !identity && (
            <Alert style={{ marginTop: 12 }} type="warning" showIcon message="Thông tin người tố cáo được giữ bí mật"
              description={<Space direction="vertical"><span>Bạn được giao đích danh xử lý đơn này. Mỗi lần xem thông tin người tố cáo đều được ghi vào nhật ký hệ thống.</span>
                <Button onClick={async () => setIdentity((await api.post<{ items: NonNullable<typeof identity> }>(`/councils/${councilId}/letters/${letterId}/identity`, {})).items)}>Xem thông tin người tố cáo</Button></Space>} />
          )}
          <Typography.Paragraph style={{ marginTop: 12 }}>{l.summary ?? <Typography.Text type="secondary">Nội dung đơn tố cáo chỉ người được giao xử lý xem được.</Typography.Text>}</Typography.Paragraph>
          {l.outcomeNote ? <Typography.Paragraph type="secondary">{l.outcomeNote}</Typography.Paragraph> : null}
          {l.resultSummary ? <Alert type="info" message="Kết quả giải quyết" description={l.resultSummary} /> : null}
          <Space wrap style={{ marginTop: 12 }}>{l.actions.map(actionButton)}</Space>
        </Card>
        <Card title="Thời hạn theo bộ quy định của đơn">
          <List size="small" dataSource={l.deadlines} renderItem={(x) => (
            <List.Item><div><strong>{x.due ? fmtDate(x.due) : 'Chưa tính được'}</strong> — {x.label}{x.error ? <div style={{ color: '#b91c1c', fontSize: 12 }}>{x.error}</div> : null}<div style={{ color: '#6b7280', fontSize: 12 }}>{x.source}{x.verified ? '' : ' (mặc định, chưa kiểm chứng)'}</div></div></List.Item>
          )} />
        </Card>
        {(l.attachments.length > 0 || !mine) && (
          <AttachmentsCard base={`/councils/${councilId}/letters/${letterId}`} items={l.attachments} onDone={d.reload}
            mayUpload={!mine && (!l.handleAsDenunciation ? l.audience === 'handler' || l.audience === 'council_staff' : l.audience === 'handler')} />
        )}
        {!mine && <NoticesCard base={`/councils/${councilId}/letters/${letterId}`} items={l.notices} mayIssue={l.audience === 'handler' || l.audience === 'council_staff'} onDone={d.reload} />}
        {l.forwardings.length > 0 && (
          <Card title="Nhật ký chuyển đơn">
            <List size="small" dataSource={l.forwardings} renderItem={(f) => <List.Item>{fmtDate(f.forwardedOn)}: công văn số {f.letterNumber} chuyển {f.agencyName}; hạn báo kết quả {fmtDate(f.resultDue)}</List.Item>} />
          </Card>
        )}
        {l.origin && (
          <Card title="Nguồn: ý kiến tại hội nghị tiếp xúc cử tri">
            {l.origin.meeting && <p>Hội nghị ngày {fmtDate(l.origin.meeting.heldOn)}{l.origin.meeting.place ? `, ${l.origin.meeting.place}` : ''}</p>}
            <List size="small" dataSource={l.origin.versions} renderItem={(v) => <List.Item>{v.text}</List.Item>} />
          </Card>
        )}
        {l.related.length > 0 && (
          <Card title="Đơn liên quan (tách từ đơn nhiều nội dung, đơn trùng)">
            <List size="small" dataSource={l.related} renderItem={(r) => <List.Item>{r.reference} · {r.kindLabel}</List.Item>} />
          </Card>
        )}
      </Space>
      {forwarding && <ForwardModal path={`${base}/forward`} reference={l.reference} onClose={() => setForwarding(false)} onDone={() => { setForwarding(false); d.reload(); }} />}
      {noteAction && <NoteModal action={noteAction} path={`/councils/${councilId}/letters/${letterId}/${NOTE_ACTIONS[noteAction]!.path}`} onClose={() => setNoteAction(null)} onDone={() => { setNoteAction(null); d.reload(); }} />}
    </Page>
  );
}

function NoteModal(props: { action: string; path: string; onClose(): void; onDone(): void }) {
  const a = NOTE_ACTIONS[props.action]!;
  const [form] = Form.useForm<{ text: string }>();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(props.path, props.action === 'receiveResult' ? { summary: v.text } : { note: v.text });
    message.success('Đã ghi nhận.');
    props.onDone();
  });
  return (
    <Modal open title={a.title} onCancel={props.onClose} onOk={submit} okText={a.ok} cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={a.field} rules={[{ required: true, message: 'Hãy nhập nội dung.' }]}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
      </Form>
    </Modal>
  );
}

export const MyLetterPage = () => <LetterPage mine />;
