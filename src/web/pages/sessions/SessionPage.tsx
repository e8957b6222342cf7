// One session: its state and actions, the agenda items with their expected documents (due date,
// timing, receipts and versions), lateness per presenting body, the joint conference and the
// agenda versions. The secretariat sets it up and records paper receipts; the standing committee
// approves agenda versions.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, List, Modal, Radio, Select, Space, Tag, Typography, Upload } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { AgencySelect } from '../../components/pickers.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { uploadForm } from '../../lib/upload.ts';
import { useApi, useFormSubmit, useModalSubmit } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { dayOrNull, fmtDate, isoDay } from '../../lib/format.ts';
import {
  EXPECTED_DOCUMENT_KIND_LABELS, LatenessTable, SESSION_ACTION_LABELS, SUBMISSION_KIND_LABELS, TimingTag, dueNote, useSessionPerms,
  type AgencyLateness, type SessionDoc,
} from './shared.tsx';
import { STATE_COLORS } from './SessionsPage.tsx';
import { ConvocationCard } from './ConvocationCard.tsx';

interface Item { id: string; position: number; kind: string; kindLabel: string; title: string; state: string; stateLabel: string; presenterName: string; committeeName: string | null; documents: SessionDoc[] }
interface AgendaVersion { id: string; number: number; reason: string; approvedOn: string | null; createdAt: string; changes: string[]; entries: { key: string; title: string; presenter: string | null; order: number }[] }
interface Detail {
  id: string; title: string; kindLabel: string; state: string; stateLabel: string; openingDate: string; closingDate: string | null; termName: string | null;
  postponedReason: string; convenedOn: string | null; actions: string[];
  ruleSet: { key: string; legalBasis: string; defaults: string[] };
  items: Item[]; lateness: AgencyLateness[];
  jointConference: { heldOn: string; participants: string; agreedOpeningDate: string; content: string } | null;
  agendaVersions: AgendaVersion[];
}

export function SessionPage() {
  const { councilId, sessionId } = useParams() as { councilId: string; sessionId: string };
  const perms = useSessionPerms(councilId);
  const s = useApi<Detail>(`/councils/${councilId}/sessions/${sessionId}`);
  const [adding, setAdding] = useState(false);
  const [docFor, setDocFor] = useState<Item | null>(null);
  const [paperFor, setPaperFor] = useState<SessionDoc | null>(null);
  const [transition, setTransition] = useState<string | null>(null);
  if (s.error) return <ErrorView error={s.error} onRetry={s.reload} />;
  const d = s.data;
  if (!d) return <Loading />;
  const open = d.state !== 'closed';
  const canManage = perms.manage && open;
  const simple = async (action: string) => {
    try {
      await api.post(`/councils/${councilId}/sessions/${sessionId}/transition`, { action });
      message.success(`Đã ${SESSION_ACTION_LABELS[action as keyof typeof SESSION_ACTION_LABELS]} ${d.title}.`);
      s.reload();
    } catch (err) {
      showError(err);
    }
  };
  const docs = d.items.flatMap((i) => i.documents);
  return (
    <Page
      title={d.title}
      subtitle={`${d.kindLabel}${d.termName ? ` · ${d.termName}` : ''}`}
      crumbs={[{ title: 'Kỳ họp', to: `/councils/${councilId}/sessions` }, { title: d.title }]}
      extra={
        perms.manage && (
          <Space wrap>
            {d.actions.map((a) => (
              <Button key={a} onClick={() => (a === 'postpone' || a === 'reschedule' ? setTransition(a) : simple(a))} danger={a === 'postpone'}>
                {capitalize(SESSION_ACTION_LABELS[a as keyof typeof SESSION_ACTION_LABELS] ?? a)}
              </Button>
            ))}
          </Space>
        )
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="Trạng thái"><Tag color={STATE_COLORS[d.state]}>{d.stateLabel}</Tag>{d.postponedReason && <span>Lý do: {d.postponedReason}</span>}</Descriptions.Item>
          <Descriptions.Item label="Khai mạc">{fmtDate(d.openingDate)}</Descriptions.Item>
          <Descriptions.Item label="Bế mạc">{fmtDate(d.closingDate) || '—'}</Descriptions.Item>
          <Descriptions.Item label="Triệu tập">{d.convenedOn ? fmtDate(d.convenedOn) : 'Chưa triệu tập'}</Descriptions.Item>
          <Descriptions.Item label="Quy định áp dụng" span={2}>
            <Link to={`/councils/${councilId}/session-profile`}>{d.ruleSet.legalBasis}</Link>
          </Descriptions.Item>
          {perms.delegates && (
            <Descriptions.Item label="Đại biểu">
              <Link to={`/councils/${councilId}/session-delegates?sessionId=${sessionId}`}>Tài liệu đã phát hành, xác nhận tham dự, đăng ký phát biểu</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card
        title="Nội dung trình và tài liệu phải nộp"
        style={{ marginBottom: 16 }}
        extra={canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>Thêm nội dung</Button>}
      >
        {d.items.length === 0 && <Typography.Text type="secondary">Chưa có nội dung nào.</Typography.Text>}
        {d.items.map((i) => (
          <div key={i.id} style={{ marginBottom: 20 }} data-testid="session-item">
            <Space wrap style={{ marginBottom: 6 }}>
              <Typography.Text strong>{i.position}. {i.title}</Typography.Text>
              <Tag>{i.kindLabel}</Tag>
              <Tag color="blue">{i.stateLabel}</Tag>
              <Link to={`/councils/${councilId}/session-items/${i.id}/chain`}>Chuỗi thẩm tra</Link>
            </Space>
            <div style={{ color: '#6b7280', fontSize: 13, marginBottom: 8 }}>
              Cơ quan trình: {i.presenterName || '—'}{i.committeeName ? ` · Ban thẩm tra: ${i.committeeName}` : ''}
            </div>
            <ResponsiveTable<SessionDoc>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={i.documents}
              locale={{ emptyText: 'Chưa có tài liệu phải nộp.' }}
              columns={[
                { title: 'Tài liệu', dataIndex: 'title' },
                {
                  title: 'Hạn nộp', dataIndex: 'dueDate', width: 190,
                  render: (v: string | null, r) => (v ? <div>{fmtDate(v)}<div style={{ color: '#6b7280', fontSize: 12 }}>{dueNote(r)}</div></div> : <span style={{ color: '#9ca3af' }}>Không có hạn</span>),
                },
                { title: 'Tình trạng', key: 'timing', width: 210, render: (_: unknown, r) => <TimingTag doc={r} /> },
                {
                  title: 'Đã nhận', key: 'received', width: 200,
                  render: (_: unknown, r) => (
                    <div>
                      {r.receivedOn ? `${fmtDate(r.receivedOn)} (${r.receivedVia === 'paper' ? 'bản giấy' : 'tải lên'})` : '—'}
                      {r.lastRevisedOn && <div style={{ fontSize: 12 }}>Sửa lại: {fmtDate(r.lastRevisedOn)}</div>}
                      {(r.files ?? []).map((f) => (
                        <div key={f.id} style={{ fontSize: 12 }}>
                          <a href={`/api/councils/${councilId}/session-documents/${r.id}/files/${f.id}`}>Bản {f.version}: {f.fileName}</a>
                        </div>
                      ))}
                    </div>
                  ),
                },
                ...(canManage
                  ? [{
                      title: '', key: 'actions', width: 170,
                      render: (_: unknown, r: SessionDoc) => (
                        <Space wrap size={4}>
                          <Button size="small" onClick={() => setPaperFor(r)}>Nhận bản giấy</Button>
                          <UploadButton path={`/councils/${councilId}/session-documents/${r.id}/files`} onDone={s.reload} />
                        </Space>
                      ),
                    }]
                  : []),
              ]}
            />
            {canManage && <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setDocFor(i)}>Thêm tài liệu phải nộp</Button>}
          </div>
        ))}
      </Card>

      <Card title="Chậm muộn theo cơ quan trình" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {docs.length} tài liệu; số ngày muộn tính theo ngày lịch sau hạn nộp (nộp đúng ngày hạn là đúng hạn).
        </Typography.Paragraph>
        <LatenessTable rows={d.lateness} councilId={councilId} query={`councilSessionId=${sessionId}`} />
      </Card>

      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <JointConferenceCard councilId={councilId} sessionId={sessionId} value={d.jointConference} editable={canManage} onDone={s.reload} />
        <AgendaCard councilId={councilId} sessionId={sessionId} versions={d.agendaVersions} canPropose={canManage} canApprove={perms.approve && open} onDone={s.reload} />
        <ConvocationCard key={`${d.state}:${d.openingDate}:${d.closingDate ?? ''}`} councilId={councilId} sessionId={sessionId} canManage={canManage} onDone={s.reload} />
      </Space>

      {adding && <AddItemModal councilId={councilId} sessionId={sessionId} onClose={() => setAdding(false)} onDone={s.reload} />}
      {docFor && <AddDocumentModal councilId={councilId} item={docFor} onClose={() => setDocFor(null)} onDone={s.reload} />}
      {paperFor && <PaperModal councilId={councilId} doc={paperFor} onClose={() => setPaperFor(null)} onDone={s.reload} />}
      {transition && <TransitionModal councilId={councilId} sessionId={sessionId} action={transition} openingDate={d.openingDate} onClose={() => setTransition(null)} onDone={s.reload} />}
    </Page>
  );
}

const capitalize = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export function UploadButton(props: { path: string; onDone(): void; label?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
      showUploadList={false}
      customRequest={async ({ file }) => {
        const body = new FormData();
        body.append('file', file as File);
        setBusy(true);
        try {
          await uploadForm(props.path, body);
          message.success('Đã nhận tệp tài liệu.');
          props.onDone();
        } catch (err) {
          showError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={busy}>{props.label ?? 'Tải lên'}</Button>
    </Upload>
  );
}

function AddItemModal(props: { councilId: string; sessionId: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const bodies = useApi<{ items: { id: string; name: string; kind: string }[] }>(`/councils/${props.councilId}/bodies`, { pageSize: 200 });
  const from = Form.useWatch('from', form) ?? 'agency';
  const { busy, submit } = useModalSubmit(form, (v) => api.post(`/councils/${props.councilId}/sessions/${props.sessionId}/items`, {
    kind: v.kind, title: v.title.trim(),
    presenterAgencyId: v.from === 'agency' ? v.presenterAgencyId : null, presenterBodyId: v.from === 'body' ? v.presenterBodyId : null,
    committeeBodyId: v.committeeBodyId ?? null, documents: v.documents ?? [],
  }), 'Đã thêm nội dung trình kỳ họp.', () => { props.onDone(); props.onClose(); });
  const councilBodies = (bodies.data?.items ?? []).filter((b) => b.kind !== 'delegate_group');
  return (
    <Modal open title="Thêm nội dung trình kỳ họp" onCancel={props.onClose} onOk={submit} okText="Thêm" cancelText="Hủy" confirmLoading={busy} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'proposal', from: 'agency', documents: ['submission', 'draftResolution'] }}>
        <Form.Item name="kind" label="Loại">
          <Radio.Group options={Object.entries(SUBMISSION_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="title" label="Tên nội dung" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên nội dung.' }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="from" label="Cơ quan trình">
          <Radio.Group options={[{ value: 'agency', label: 'Cơ quan (UBND, sở, MTTQ, tòa án, viện kiểm sát…)' }, { value: 'body', label: 'Cơ quan của HĐND (Thường trực, Ban)' }]} />
        </Form.Item>
        {from === 'agency' ? (
          <Form.Item name="presenterAgencyId" rules={[{ required: true, message: 'Hãy chọn cơ quan trình.' }]}>
            <AgencySelect />
          </Form.Item>
        ) : (
          <Form.Item name="presenterBodyId" rules={[{ required: true, message: 'Hãy chọn cơ quan của HĐND.' }]}>
            <Select options={councilBodies.map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        )}
        <Form.Item name="committeeBodyId" label="Ban thẩm tra (Thường trực phân công)">
          <Select allowClear options={councilBodies.filter((b) => b.kind === 'committee').map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        <Form.Item name="documents" label="Tài liệu phải nộp (hạn tính theo quy định của HĐND)">
          <Checkbox.Group options={(['submission', 'draftResolution', 'report', 'project'] as const).map((k) => ({ value: k, label: EXPECTED_DOCUMENT_KIND_LABELS[k] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddDocumentModal(props: { councilId: string; item: Item; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const { busy, submit } = useModalSubmit(form, (v) => api.post(`/councils/${props.councilId}/session-items/${props.item.id}/documents`, { kind: v.kind, title: v.title?.trim() || undefined }),
    'Đã thêm tài liệu phải nộp.', () => { props.onDone(); props.onClose(); });
  return (
    <Modal open title={`Thêm tài liệu: ${props.item.title}`} onCancel={props.onClose} onOk={submit} okText="Thêm" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'report' }}>
        <Form.Item name="kind" label="Loại tài liệu">
          <Select options={Object.entries(EXPECTED_DOCUMENT_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="title" label="Tên (để trống: theo loại)">
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PaperModal(props: { councilId: string; doc: SessionDoc; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const { busy, submit } = useModalSubmit(form, (v) => api.post(`/councils/${props.councilId}/session-documents/${props.doc.id}/paper`, { receivedOn: isoDay(v.receivedOn) }),
    'Đã ghi nhận tài liệu nộp bằng giấy.', () => { props.onDone(); props.onClose(); });
  return (
    <Modal open title="Nhận tài liệu nộp bằng giấy" onCancel={props.onClose} onOk={submit} okText="Ghi nhận" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph>{props.doc.title} — {props.doc.itemTitle}</Typography.Paragraph>
      {props.doc.receivedOn && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`Đã nhận ngày ${fmtDate(props.doc.receivedOn)}: lần nhận này được ghi là bản sửa.`} />}
      <Form form={form} layout="vertical">
        <Form.Item name="receivedOn" label="Ngày Văn phòng nhận" rules={[{ required: true, message: 'Hãy chọn ngày nhận.' }]} extra="Ngày nhận quyết định tài liệu nộp đúng hạn hay muộn.">
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TransitionModal(props: { councilId: string; sessionId: string; action: string; openingDate: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const postpone = props.action === 'postpone';
  const { busy, submit } = useModalSubmit(form, (v) => api.post(`/councils/${props.councilId}/sessions/${props.sessionId}/transition`, {
    action: props.action, reason: v.reason?.trim(), openingDate: isoDay(v.openingDate) ?? undefined, closingDate: isoDay(v.closingDate),
  }), postpone ? 'Đã hoãn kỳ họp.' : 'Đã định lại ngày kỳ họp.', () => { props.onDone(); props.onClose(); });
  return (
    <Modal open title={postpone ? 'Hoãn kỳ họp' : 'Định lại ngày kỳ họp'} onCancel={props.onClose} onOk={submit} okText="Xác nhận" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ openingDate: dayOrNull(props.openingDate) }}>
        {postpone ? (
          <Form.Item name="reason" label="Lý do hoãn" rules={[{ required: true, whitespace: true, message: 'Hãy nêu lý do hoãn kỳ họp.' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : (
          <Space wrap>
            <Form.Item name="openingDate" label="Ngày khai mạc mới" rules={[{ required: true, message: 'Hãy chọn ngày khai mạc.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
            <Form.Item name="closingDate" label="Ngày bế mạc"><DatePicker format="DD/MM/YYYY" /></Form.Item>
          </Space>
        )}
      </Form>
    </Modal>
  );
}

function JointConferenceCard(props: { councilId: string; sessionId: string; value: Detail['jointConference']; editable: boolean; onDone(): void }) {
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const v = props.value;
  const { busy, submit } = useModalSubmit(form, (x) => api.put(`/councils/${props.councilId}/sessions/${props.sessionId}/joint-conference`, {
    heldOn: isoDay(x.heldOn), agreedOpeningDate: isoDay(x.agreedOpeningDate), participants: x.participants.trim(), content: x.content?.trim() ?? '',
  }), 'Đã ghi hội nghị liên tịch.', () => { setEditing(false); props.onDone(); });
  return (
    <Card title="Hội nghị liên tịch" extra={props.editable && !editing && <Button onClick={() => setEditing(true)}>{v ? 'Sửa' : 'Ghi hội nghị liên tịch'}</Button>}>
      {editing ? (
        <Form form={form} layout="vertical" initialValues={v ? { ...v, heldOn: dayOrNull(v.heldOn), agreedOpeningDate: dayOrNull(v.agreedOpeningDate) } : undefined}>
          <Space wrap>
            <Form.Item name="heldOn" label="Ngày họp" rules={[{ required: true, message: 'Hãy chọn ngày họp.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
            <Form.Item name="agreedOpeningDate" label="Ngày khai mạc thống nhất" rules={[{ required: true, message: 'Hãy chọn ngày khai mạc.' }]} extra="Hạn nộp tài liệu được tính lại theo ngày này.">
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
          </Space>
          <Form.Item name="participants" label="Thành phần" rules={[{ required: true, whitespace: true, message: 'Hãy ghi thành phần dự họp.' }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          <Form.Item name="content" label="Nội dung thống nhất"><Input.TextArea rows={3} maxLength={20000} /></Form.Item>
          <Space><Button type="primary" loading={busy} onClick={submit}>Lưu</Button><Button onClick={() => setEditing(false)}>Hủy</Button></Space>
        </Form>
      ) : v ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="Ngày họp">{fmtDate(v.heldOn)}</Descriptions.Item>
          <Descriptions.Item label="Thành phần">{v.participants}</Descriptions.Item>
          <Descriptions.Item label="Ngày khai mạc thống nhất">{fmtDate(v.agreedOpeningDate)}</Descriptions.Item>
          {v.content && <Descriptions.Item label="Nội dung">{v.content}</Descriptions.Item>}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">Chưa ghi hội nghị liên tịch.</Typography.Text>
      )}
    </Card>
  );
}

function AgendaCard(props: { councilId: string; sessionId: string; versions: AgendaVersion[]; canPropose: boolean; canApprove: boolean; onDone(): void }) {
  const [proposing, setProposing] = useState(false);
  const [form] = Form.useForm();
  const first = props.versions.length === 0;
  const { busy, submit } = useModalSubmit(form, (v) => api.post(`/councils/${props.councilId}/sessions/${props.sessionId}/agenda-versions`, { reason: v.reason?.trim() || undefined }),
    'Đã lập phiên bản chương trình, chờ Thường trực duyệt.', () => { setProposing(false); props.onDone(); });
  const approve = async (id: string) => {
    try {
      await api.post(`/councils/${props.councilId}/sessions/${props.sessionId}/agenda-versions/${id}/approve`);
      message.success('Đã duyệt chương trình kỳ họp.');
      props.onDone();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Card title="Chương trình kỳ họp" extra={props.canPropose && <Button onClick={() => setProposing(true)}>{first ? 'Lập chương trình' : 'Lập phiên bản mới'}</Button>}>
      {props.versions.length === 0 && <Typography.Text type="secondary">Chưa lập chương trình.</Typography.Text>}
      <List
        dataSource={props.versions}
        renderItem={(v) => (
          <List.Item actions={!v.approvedOn && props.canApprove ? [<Button key="a" type="primary" size="small" onClick={() => approve(v.id)}>Duyệt</Button>] : []}>
            <List.Item.Meta
              title={<Space wrap>Phiên bản {v.number}{v.approvedOn ? <Tag color="green">Thường trực duyệt {fmtDate(v.approvedOn)}</Tag> : <Tag color="gold">Chờ Thường trực duyệt</Tag>}</Space>}
              description={
                <div>
                  <div>Lý do: {v.reason}</div>
                  {v.changes.length > 0 && <ul style={{ margin: '4px 0', paddingLeft: 18 }}>{v.changes.map((c, i) => <li key={i}>{c}</li>)}</ul>}
                  <ol style={{ margin: '4px 0', paddingLeft: 18, color: '#374151' }}>{v.entries.map((e) => <li key={e.key}>{e.title}{e.presenter ? ` — ${e.presenter}` : ''}</li>)}</ol>
                </div>
              }
            />
          </List.Item>
        )}
      />
      <Modal open={proposing} title="Phiên bản chương trình kỳ họp" onCancel={() => setProposing(false)} onOk={submit} okText="Lập phiên bản" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
        <Typography.Paragraph>Chương trình được lập từ các nội dung hiện có của kỳ họp, theo thứ tự.</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="Lý do thay đổi" rules={first ? [] : [{ required: true, whitespace: true, message: 'Hãy nêu lý do thay đổi chương trình.' }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
