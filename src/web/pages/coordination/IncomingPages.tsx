// Sổ văn bản đến: the paged register (accent-insensitive search, filters, my documents), the
// form that registers an arrival, and a document's page (routing to a handler with a deadline,
// scans, the handler's result).
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, List, Modal, Radio, Select, Space, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../lib/api.ts';
import { fmtDate, fmtSize, isoDay } from '../../lib/format.ts';
import { message } from '../../lib/feedback.tsx';
import { uploadForm } from '../../lib/upload.ts';
import { useApi, usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { AgencySelect } from '../../components/pickers.tsx';
import { downloadFile } from '../documents/shared.tsx';
import { CRUMB, DeadlineTag, INCOMING_KIND_OPTIONS, PersonSelect, StateTag, URGENCY_OPTIONS, type IncomingRow } from './shared.tsx';

export function IncomingListPage() {
  const { councilId } = useParams() as { councilId: string };
  const [sp] = useSearchParams();
  const [track, setTrack] = useState(sp.get('track') ?? 'all');
  const [kind, setKind] = useState('all');
  const [mine, setMine] = useState(sp.get('mine') === '1');
  const [q, setQ] = useState('');
  const state = sp.get('state') ?? undefined;
  const base = `/councils/${councilId}/incoming`;
  const table = usePagedTable<IncomingRow>(`/councils/${councilId}/incoming-documents`, {
    track: track === 'all' ? undefined : track, kind: kind === 'all' ? undefined : kind, mine: mine ? '1' : undefined, q: q || undefined, state,
  });
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <Page title="Sổ văn bản đến" crumbs={[CRUMB, { title: 'Sổ văn bản đến' }]} extra={<Link to={`${base}/new`}><Button type="primary">Vào sổ văn bản đến</Button></Link>}>
      <Card>
        <Typography.Paragraph type="secondary">
          Văn bản Ủy ban nhân dân, các cơ quan gửi HĐND: số đến theo năm, giữ nguyên số, ký hiệu của cơ quan gửi; giao người xử lý với hạn xử lý tính theo ngày làm việc.
        </Typography.Paragraph>
        <div className="nt-toolbar">
          <Select aria-label="Tình trạng xử lý" value={track} onChange={setTrack} style={{ width: 220, maxWidth: '100%' }} options={[
            { value: 'all', label: 'Mọi văn bản' }, { value: 'open', label: 'Đang xử lý' }, { value: 'overdue', label: 'Quá hạn xử lý' }, { value: 'done', label: 'Đã trả lời, lưu' },
          ]} />
          <Select aria-label="Loại văn bản" value={kind} onChange={setKind} style={{ width: 240, maxWidth: '100%' }} options={[{ value: 'all', label: 'Mọi loại văn bản' }, ...INCOMING_KIND_OPTIONS]} />
          <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>Giao tôi xử lý</Checkbox>
          <Input.Search aria-label="Tìm văn bản đến" placeholder="Tìm theo số, ký hiệu, cơ quan, trích yếu (không cần dấu)" allowClear onSearch={setQ} style={{ width: 340, maxWidth: '100%' }} />
        </div>
        <ResponsiveTable<IncomingRow>
          rowKey="id"
          size="middle"
          {...table.tableProps}
          locale={{ emptyText: 'Chưa có văn bản đến nào.' }}
          columns={[
            { title: 'Số đến', dataIndex: 'registerNumber', width: 110, render: (n: string, r) => <div><strong>{n}</strong><div style={{ fontSize: 12, color: '#6b7280' }}>{fmtDate(r.receivedOn)}</div></div> },
            {
              title: 'Văn bản', key: 'doc',
              render: (_: unknown, r) => (
                <div>
                  <Link to={`${base}/${r.id}`}><strong>{r.docSymbol || 'Không số'}</strong> · {r.senderName}</Link>
                  <div>{r.secret ? <Typography.Text type="secondary">Văn bản mật: chỉ vào sổ.</Typography.Text> : r.summary}</div>
                  <div style={{ color: '#6b7280', fontSize: 12 }}>{r.kindLabel}{r.urgency !== 'normal' ? ` · ${r.urgencyLabel}` : ''}</div>
                </div>
              ),
            },
            {
              title: 'Người xử lý, hạn', key: 'handler', width: 240,
              render: (_: unknown, r) => (
                <div>
                  <StateTag state={r.state} label={r.stateLabel} /> <DeadlineTag d={r} />
                  {r.handlerName ? <div style={{ fontSize: 12, marginTop: 4 }}>{r.handlerName}{r.due ? ` · hạn ${fmtDate(r.due)}` : ''}</div> : null}
                </div>
              ),
            },
          ]}
        />
      </Card>
    </Page>
  );
}

type RegisterForm = {
  receivedOn: dayjs.Dayjs; receivedTime?: string; senderName: string; senderAgencyId?: string; docSymbol?: string; docDate?: dayjs.Dayjs;
  kind: string; summary: string; urgency: string; secret?: boolean; sessionId?: string;
};

export function IncomingNewPage() {
  const { councilId } = useParams() as { councilId: string };
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterForm>();
  const kind = Form.useWatch('kind', form);
  const sessions = useApi<{ items: { id: string; title: string; openingDate: string }[] }>(`/councils/${councilId}/sessions`, { pageSize: 50 });
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const row = await api.post<{ id: string }>(`/councils/${councilId}/incoming-documents`, {
      receivedOn: isoDay(v.receivedOn), receivedTime: v.receivedTime || null, senderName: v.senderName, senderAgencyId: v.senderAgencyId ?? null,
      docSymbol: v.docSymbol ?? '', docDate: v.docDate ? isoDay(v.docDate) : null, kind: v.kind, summary: v.summary, urgency: v.urgency, secret: !!v.secret,
      sessionId: v.sessionId ?? null,
    });
    message.success('Đã vào sổ văn bản đến.');
    navigate(`/councils/${councilId}/incoming/${row.id}`);
  });
  return (
    <Page title="Vào sổ văn bản đến" crumbs={[CRUMB, { title: 'Sổ văn bản đến', to: `/councils/${councilId}/incoming` }, { title: 'Vào sổ' }]}>
      <Card style={{ maxWidth: 760 }}>
        <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs(), urgency: 'normal', kind: 'plan' }} onFinish={submit}>
          <Space wrap size="middle">
            <Form.Item name="receivedOn" label="Ngày đến" rules={[{ required: true, message: 'Hãy chọn ngày đến.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
            <Form.Item name="receivedTime" label="Giờ đến" rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'Giờ có dạng HH:MM.' }]}><Input placeholder="08:30" style={{ width: 100 }} /></Form.Item>
            <Form.Item name="urgency" label="Độ khẩn"><Select options={URGENCY_OPTIONS} style={{ width: 160 }} /></Form.Item>
          </Space>
          <Form.Item name="senderName" label="Cơ quan, tổ chức ban hành" rules={[{ required: true, whitespace: true, message: 'Hãy nhập cơ quan ban hành.' }]}><Input maxLength={300} /></Form.Item>
          <Form.Item name="senderAgencyId" label="Cơ quan trong danh bạ (nếu có)">
            <AgencySelect onChange={(_v, opt) => { if (opt && !Array.isArray(opt) && opt.label && !form.getFieldValue('senderName')) form.setFieldValue('senderName', String(opt.label)); }} />
          </Form.Item>
          <Space wrap size="middle">
            <Form.Item name="docSymbol" label="Số, ký hiệu văn bản"><Input placeholder="215/KH-UBND" maxLength={100} /></Form.Item>
            <Form.Item name="docDate" label="Ngày của văn bản"><DatePicker format="DD/MM/YYYY" /></Form.Item>
          </Space>
          <Form.Item name="kind" label="Loại văn bản" rules={[{ required: true, message: 'Hãy chọn loại văn bản.' }]}><Select options={INCOMING_KIND_OPTIONS} /></Form.Item>
          {kind === 'submission' && (
            <Form.Item name="sessionId" label="Trình kỳ họp">
              <Select allowClear options={(sessions.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.title} (${fmtDate(s.openingDate)})` }))} />
            </Form.Item>
          )}
          <Form.Item name="summary" label="Trích yếu nội dung" rules={[{ required: true, whitespace: true, message: 'Hãy nhập trích yếu nội dung.' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="secret" valuePropName="checked"><Checkbox>Văn bản mật (chỉ vào sổ, không tải bản chụp lên hệ thống)</Checkbox></Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>Vào sổ</Button>
        </Form>
      </Card>
    </Page>
  );
}

type Detail = IncomingRow & {
  files: { id: string; version: number; fileName: string; size: number; createdAt: string }[];
  session: { id: string; title: string; openingDate: string } | null;
  petition: { id: string; number: number; text: string } | null;
};

export function IncomingDetailPage() {
  const { councilId, incomingDocumentId } = useParams() as { councilId: string; incomingDocumentId: string };
  const path = `/councils/${councilId}/incoming-documents/${incomingDocumentId}`;
  const d = useApi<Detail>(path);
  const [assigning, setAssigning] = useState(false);
  const [finishing, setFinishing] = useState<'reply' | 'file' | null>(null);
  if (d.error) return <ErrorView error={d.error} />;
  if (!d.data) return <Loading />;
  const x = d.data;
  const open = x.state !== 'replied' && x.state !== 'filed';
  const upload = async (file: File) => {
    const f = new FormData();
    f.append('file', file);
    try {
      await uploadForm(`${path}/files`, f);
      message.success('Đã tải bản chụp lên.');
      d.reload();
    } catch (err) {
      message.error((err as Error).message);
    }
    return false;
  };
  return (
    <Page title={`Văn bản đến số ${x.registerNumber}`} subtitle={`${x.docSymbol || 'Không số'} · ${x.senderName}`} crumbs={[CRUMB, { title: 'Sổ văn bản đến', to: `/councils/${councilId}/incoming` }, { title: x.registerNumber }]}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="Tình trạng"><StateTag state={x.state} label={x.stateLabel} /> <DeadlineTag d={x} /></Descriptions.Item>
            <Descriptions.Item label="Ngày đến">{fmtDate(x.receivedOn)}{x.receivedTime ? ` lúc ${x.receivedTime}` : ''}</Descriptions.Item>
            <Descriptions.Item label="Số, ký hiệu">{x.docSymbol || '—'}{x.docDate ? ` ngày ${fmtDate(x.docDate)}` : ''}</Descriptions.Item>
            <Descriptions.Item label="Loại, độ khẩn">{x.kindLabel} · {x.urgencyLabel}</Descriptions.Item>
            <Descriptions.Item label="Người xử lý">{x.handlerName ?? 'Chưa giao'}</Descriptions.Item>
            <Descriptions.Item label="Hạn xử lý">{x.due ? fmtDate(x.due) : '—'}</Descriptions.Item>
            {x.session && <Descriptions.Item label="Trình kỳ họp"><Link to={`/councils/${councilId}/sessions/${x.session.id}`}>{x.session.title}</Link></Descriptions.Item>}
            {x.petition && <Descriptions.Item label="Trả lời kiến nghị"><Link to={`/councils/${councilId}/petitions/${x.petition.id}`}>Kiến nghị số {x.petition.number}</Link></Descriptions.Item>}
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 12 }}><strong>Trích yếu: </strong>{x.secret ? 'Văn bản mật: chỉ vào sổ.' : x.summary}</Typography.Paragraph>
          {x.assignNote ? <Alert type="info" message="Ý kiến chỉ đạo" description={x.assignNote} /> : null}
          {x.completedOn ? <Alert style={{ marginTop: 8 }} type="success" message={`${x.stateLabel} ngày ${fmtDate(x.completedOn)}`} description={x.outcomeNote || undefined} /> : null}
          {open && (
            <Space wrap style={{ marginTop: 12 }}>
              <Button type="primary" onClick={() => setAssigning(true)}>{x.handlerUserId ? 'Giao lại người xử lý' : 'Giao người xử lý'}</Button>
              {x.handlerUserId && <Button onClick={() => setFinishing('reply')}>Ghi đã trả lời</Button>}
              <Button onClick={() => setFinishing('file')}>Lưu hồ sơ</Button>
            </Space>
          )}
        </Card>
        <Card title="Bản chụp văn bản">
          {x.secret ? <Typography.Text type="secondary">Văn bản mật không tải bản chụp lên hệ thống.</Typography.Text> : (
            <>
              <List size="small" dataSource={x.files} locale={{ emptyText: 'Chưa có bản chụp.' }} renderItem={(f) => (
                <List.Item><Button type="link" onClick={() => downloadFile(`${path}/files/${f.id}`, { fallbackName: f.fileName })}>{f.fileName}</Button> <span style={{ color: '#6b7280', fontSize: 12 }}>bản {f.version} · {fmtSize(f.size)}</span></List.Item>
              )} />
              <Upload beforeUpload={upload} showUploadList={false} accept=".pdf,.docx,.png,.jpg,.jpeg"><Button>Tải bản chụp (PDF, Word, ảnh)</Button></Upload>
            </>
          )}
        </Card>
      </Space>
      {assigning && <AssignModal councilId={councilId} path={path} onClose={() => setAssigning(false)} onDone={() => { setAssigning(false); d.reload(); }} />}
      {finishing && <FinishModal path={path} outcome={finishing} onClose={() => setFinishing(null)} onDone={() => { setFinishing(null); d.reload(); }} />}
    </Page>
  );
}

function AssignModal(props: { councilId: string; path: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ handlerUserId: string; mode: 'days' | 'date'; workingDays?: number; due?: dayjs.Dayjs; note?: string }>();
  const mode = Form.useWatch('mode', form);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`${props.path}/assign`, { handlerUserId: v.handlerUserId, note: v.note ?? '', ...(v.mode === 'date' ? { due: v.due ? isoDay(v.due) : null } : { workingDays: v.workingDays ?? null }) });
    message.success('Đã giao người xử lý.');
    props.onDone();
  });
  return (
    <Modal open title="Giao người xử lý" onCancel={props.onClose} onOk={submit} okText="Giao xử lý" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ mode: 'days', workingDays: 5 }}>
        <Form.Item name="handlerUserId" label="Người xử lý" rules={[{ required: true, message: 'Hãy chọn người xử lý.' }]}><PersonSelect councilId={props.councilId} /></Form.Item>
        <Form.Item name="mode" label="Hạn xử lý"><Radio.Group options={[{ value: 'days', label: 'Số ngày làm việc' }, { value: 'date', label: 'Chọn ngày' }]} /></Form.Item>
        {mode === 'date'
          ? <Form.Item name="due" label="Ngày hết hạn"><DatePicker format="DD/MM/YYYY" /></Form.Item>
          : <Form.Item name="workingDays" label="Số ngày làm việc (không tính thứ Bảy, Chủ nhật, ngày lễ)"><InputNumber min={0} max={365} /></Form.Item>}
        <Form.Item name="note" label="Ý kiến chỉ đạo"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}

function FinishModal(props: { path: string; outcome: 'reply' | 'file'; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ note?: string }>();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`${props.path}/finish`, { outcome: props.outcome, note: v.note ?? '' });
    message.success(props.outcome === 'reply' ? 'Đã ghi đã trả lời.' : 'Đã lưu hồ sơ.');
    props.onDone();
  });
  return (
    <Modal open title={props.outcome === 'reply' ? 'Ghi đã trả lời' : 'Lưu hồ sơ'} onCancel={props.onClose} onOk={submit} okText="Ghi nhận" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={props.outcome === 'reply' ? 'Văn bản trả lời, nội dung đã xử lý' : 'Ghi chú'}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
      </Form>
    </Modal>
  );
}
