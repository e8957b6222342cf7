// The letter page's second part: its field (the engine's suggestion, the clerk's confirmation),
// its attachments (a denunciation's opened through an audited step by its named handler), and
// the notices to the citizen issued through the documents register.
import { useState } from 'react';
import { Button, Card, Form, Input, List, Modal, Select, Space, Tag, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { api, getCsrfToken } from '../../lib/api.ts';
import { uploadForm } from '../../lib/upload.ts';
import { useApi, useFormSubmit } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { fmtDate, fmtSize } from '../../lib/format.ts';

export type Attachment = { id: string; name: string; kindLabel: string; mimeType: string; size: number; protected: boolean };
export type Notice = { id: string; symbol: string; issuedOn: string; label: string; downloadPath: string };
export type FieldPart = { fieldCode: string | null; fieldName: string; fieldConfirmed: boolean; fieldSuggested: { code: string; name: string } | null; version: number };


/** "Lĩnh vực": the confirmed field, or the suggestion to confirm; staff may pick another. */
export function FieldLine(props: { councilId: string; letterId: string; l: FieldPart; editable: boolean; onDone(): void }) {
  const fields = useApi<{ items: { code: string; name: string; active: boolean }[] }>(props.editable ? `/councils/${props.councilId}/letter-fields` : null);
  const [busy, setBusy] = useState(false);
  const set = async (fieldCode: string) => {
    setBusy(true);
    try {
      await api.post(`/councils/${props.councilId}/letters/${props.letterId}/field`, { fieldCode, version: props.l.version });
      message.success('Đã ghi lĩnh vực của đơn.');
      props.onDone();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const { l } = props;
  return (
    <Space wrap size={4}>
      {l.fieldConfirmed ? <Tag color="blue">{l.fieldName}</Tag> : <span>Chưa phân lĩnh vực</span>}
      {!l.fieldConfirmed && l.fieldSuggested && <Tag>Gợi ý: {l.fieldSuggested.name}</Tag>}
      {props.editable && !l.fieldConfirmed && l.fieldSuggested && <Button size="small" loading={busy} onClick={() => set(l.fieldSuggested!.code)}>Xác nhận lĩnh vực</Button>}
      {props.editable && (
        <Select size="small" style={{ minWidth: 180 }} placeholder="Chọn lĩnh vực khác" aria-label="Lĩnh vực của đơn" value={null} loading={fields.loading} disabled={busy}
          options={(fields.data?.items ?? []).filter((f) => f.active).map((f) => ({ value: f.code, label: f.name }))} onChange={(v: string) => set(v)} />
      )}
    </Space>
  );
}

async function openProtected(path: string) {
  const res = await fetch(`/api${path}`, { method: 'POST', headers: { 'x-csrf-token': getCsrfToken() }, credentials: 'same-origin' });
  if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? 'Không mở được tệp.');
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : 'tep';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Attachments: plain downloads, or (a denunciation's) an audited opening; staff upload scans. */
export function AttachmentsCard(props: { base: string; items: Attachment[]; mayUpload: boolean; onDone(): void; protectedNote?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState('handwriting');
  return (
    <Card title="Tài liệu kèm theo">
      {props.mayUpload && <Space wrap size={4} style={{ marginBottom: 8 }}>
      <Select size="small" value={kind} onChange={setKind} aria-label="Loại tài liệu" options={[{ value: 'handwriting', label: 'Bản chụp đơn' }, { value: 'evidence', label: 'Tài liệu, chứng cứ' }, { value: 'other', label: 'Tài liệu khác' }]} />
      <Upload accept=".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/*" showUploadList={false} customRequest={async ({ file }) => {
        const body = new FormData();
        body.append('file', file as File);
        body.append('kind', kind);
        setBusy(true);
        try {
          await uploadForm(`${props.base}/attachments`, body);
          message.success('Đã kèm tệp vào hồ sơ.');
          props.onDone();
        } catch (err) {
          showError(err);
        } finally {
          setBusy(false);
        }
      }}>
        <Button size="small" icon={<UploadOutlined />} loading={busy}>Kèm bản chụp</Button>
      </Upload>
    </Space>}
      {props.items.length === 0 ? <Typography.Text type="secondary">Chưa có tài liệu kèm theo.</Typography.Text> : (
        <List size="small" dataSource={props.items} renderItem={(a) => (
          <List.Item>
            <Space wrap size={4}>
              <PaperClipOutlined />
              {a.protected
                ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => openProtected(`${props.base}/attachments/${a.id}/open`).catch(showError)}>{a.name}</Button>
                : <a href={`/api${props.base}/attachments/${a.id}`}>{a.name}</a>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.kindLabel} · {fmtSize(a.size)}{a.protected ? ' · mỗi lần mở được ghi nhật ký' : ''}</Typography.Text>
            </Space>
          </List.Item>
        )} />
      )}
    </Card>
  );
}

const NOTICE_OPTIONS = [
  { value: 'accepted', label: 'Thông báo thụ lý' },
  { value: 'guidance', label: 'Thông báo hướng dẫn' },
  { value: 'forwarded', label: 'Thông báo chuyển đơn' },
];

/** Notices to the citizen: the ones issued, and a form to issue another (numbered in the register). */
export function NoticesCard(props: { base: string; items: Notice[]; mayIssue: boolean; onDone(): void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const kind = Form.useWatch('noticeKind', form);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const r = await api.post<{ symbol: string }>(`${props.base}/notices`, v);
    message.success(`Đã lập thông báo số ${r.symbol}.`);
    setOpen(false);
    props.onDone();
  });
  return (
    <Card title="Thông báo cho người gửi đơn">
      {props.mayIssue && <div style={{ marginBottom: 8 }}><Button size="small" onClick={() => setOpen(true)}>Lập thông báo</Button></div>}
      {props.items.length === 0 ? <Typography.Text type="secondary">Chưa có thông báo (hạn trong 10 ngày làm việc kể từ ngày nhận đơn).</Typography.Text> : (
        <List size="small" dataSource={props.items} renderItem={(n) => <List.Item><a href={n.downloadPath}>{n.label} số {n.symbol}</a> · {fmtDate(n.issuedOn)}</List.Item>} />
      )}
      {open && (
        <Modal open title="Lập thông báo cho người gửi đơn" okText="Lập thông báo, cấp số" cancelText="Hủy" onOk={submit} confirmLoading={busy} onCancel={() => setOpen(false)} destroyOnHidden>
          <Form form={form} layout="vertical" initialValues={{ noticeKind: 'forwarded' }}>
            <Form.Item name="noticeKind" label="Loại thông báo" rules={[{ required: true }]}><Select options={NOTICE_OPTIONS} /></Form.Item>
            {kind === 'guidance' && <Form.Item name="guidance" label="Nội dung hướng dẫn (nơi, cách gửi đơn)"><Input.TextArea rows={3} /></Form.Item>}
            <Form.Item name="signerName" label="Họ và tên người ký" rules={[{ required: true, message: 'Nhập họ tên người ký.' }]}><Input /></Form.Item>
          </Form>
        </Modal>
      )}
    </Card>
  );
}
