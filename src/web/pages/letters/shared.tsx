// Shared pieces of the letters pages: the letter row, the state tag, the intake form and the
// forwarding dialog (the official letter is numbered in the outgoing register).
import { Button, Checkbox, DatePicker, Form, Input, Modal, Select, Space, Tag, message } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../lib/api.ts';
import { useApi, useFormSubmit } from '../../lib/hooks.ts';
import { isoDay } from '../../lib/format.ts';
import { LETTER_KIND_LABELS } from '../../../domain/letters/labels.ts';

export type LetterRow = {
  id: string; reference: string; number: number; kind: string; kindLabel: string; state: string; stateLabel: string; receivedOn: string;
  channelLabel: string; summary: string | null; signers: { name: string; address: string }[] | null; signerCount: number; identityProtected: boolean;
  anonymous: boolean; agencyName: string | null; forwardedOn: string | null; due: string | null; overdue: boolean; daysOverdue: number;
  resultSummary: string | null; withheld: string[]; nextStep?: string;
};

export const KIND_OPTIONS = Object.entries(LETTER_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function LetterStateTag({ l }: { l: Pick<LetterRow, 'state' | 'stateLabel' | 'overdue' | 'daysOverdue'> }) {
  if (l.overdue) return <Tag color="red">Quá hạn báo kết quả {l.daysOverdue} ngày</Tag>;
  const color = l.state === 'closed' ? 'default' : l.state === 'forwarded' ? 'blue' : l.state === 'result_received' ? 'cyan' : l.state === 'filed' ? 'default' : 'gold';
  return <Tag color={color}>{l.stateLabel}</Tag>;
}

/** Who sent it, as the viewer may see it. */
export function senderOf(l: Pick<LetterRow, 'signers' | 'signerCount' | 'identityProtected' | 'anonymous' | 'reference'>) {
  if (l.anonymous) return 'Đơn không rõ họ tên';
  if (l.identityProtected || l.signers === null) return `Thông tin người gửi được giữ bí mật (${l.reference})`;
  const first = l.signers[0];
  return first ? `${first.name}${l.signerCount > 1 ? ` và ${l.signerCount - 1} người khác` : ''}` : '—';
}

type IntakeValues = { receivedOn: dayjs.Dayjs; channel?: string; kinds?: string[]; summary: string; content?: string; respondent?: string; anonymous?: boolean; name?: string; address?: string; idNumber?: string; phone?: string };

/** Recording a letter (the secretariat, or a delegate for their own list). */
export function IntakeModal(props: { path: string; withChannel: boolean; onClose(): void; onDone(created: { letters: { id: string; reference: string }[] }): void }) {
  const [form] = Form.useForm<IntakeValues>();
  const anonymous = Form.useWatch('anonymous', form);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const body = {
      receivedOn: isoDay(v.receivedOn), ...(props.withChannel ? { channel: v.channel } : {}), kinds: v.kinds?.length ? v.kinds : undefined,
      summary: v.summary, content: v.content ?? '', respondent: v.respondent ?? '', anonymous: !!v.anonymous,
      signers: v.anonymous ? [] : [{ name: v.name ?? '', address: v.address ?? '', idNumber: v.idNumber?.trim() || null, phone: v.phone?.trim() || null }],
    };
    const r = await api.post<{ letters: { id: string; reference: string }[]; classification: { reasons: string[] } }>(props.path, body);
    message.success(`Đã tiếp nhận ${r.letters.map((l) => l.reference).join(', ')}.`);
    props.onDone(r);
  });
  return (
    <Modal open title="Tiếp nhận đơn của công dân" onCancel={props.onClose} onOk={submit} okText="Tiếp nhận" cancelText="Hủy" confirmLoading={busy} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs(), channel: 'reception' }}>
        <Space wrap>
          <Form.Item name="receivedOn" label="Ngày nhận" rules={[{ required: true, message: 'Hãy chọn ngày nhận đơn.' }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          {props.withChannel && (
            <Form.Item name="channel" label="Nguồn đơn">
              <Select style={{ width: 240 }} options={[
                { value: 'reception', label: 'Tiếp công dân trực tiếp' }, { value: 'post', label: 'Qua bưu điện' }, { value: 'email', label: 'Thư điện tử' },
                { value: 'online', label: 'Tiếp công dân trực tuyến' }, { value: 'forwarded_by_body', label: 'Cơ quan khác chuyển đến' },
              ]} />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="kinds" label="Loại đơn (đơn nhiều nội dung: chọn nhiều, sẽ tách thành từng đơn)" extra="Để trống: hệ thống đề xuất theo nội dung đơn.">
          <Select mode="multiple" aria-label="Loại đơn" options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="summary" label="Tóm tắt nội dung" rules={[{ required: true, message: 'Hãy tóm tắt nội dung đơn.' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="respondent" label="Người, cơ quan bị khiếu nại, tố cáo, phản ánh">
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="anonymous" valuePropName="checked">
          <Checkbox>Đơn không rõ họ tên, địa chỉ người gửi</Checkbox>
        </Form.Item>
        {!anonymous && (
          <>
            <Form.Item name="name" label="Họ và tên người gửi đơn" rules={[{ required: true, message: 'Hãy nhập họ tên người gửi đơn.' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="address" label="Địa chỉ"><Input maxLength={500} style={{ width: 280 }} /></Form.Item>
              <Form.Item name="idNumber" label="Số căn cước (12 số)"><Input maxLength={12} inputMode="numeric" style={{ width: 160 }} /></Form.Item>
              <Form.Item name="phone" label="Điện thoại"><Input maxLength={30} style={{ width: 150 }} /></Form.Item>
            </Space>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** Forwarding with an official letter: the agency, who signs. */
export function ForwardModal(props: { path: string; reference: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ agencyId: string; signerName: string; signerTitle?: string; complex?: boolean }>();
  const agencies = useApi<{ items: { id: string; name: string }[] }>('/agencies', { pageSize: 200 });
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const r = await api.post<{ letter: { due: string }; document: { symbol: string } }>(props.path, { agencyId: v.agencyId, signerName: v.signerName, signerTitle: v.signerTitle || undefined, complex: !!v.complex });
    message.success(`Đã chuyển đơn ${props.reference} bằng công văn số ${r.document.symbol}; hạn báo kết quả ${r.letter.due.split('-').reverse().join('/')}.`);
    props.onDone();
  });
  return (
    <Modal open title={`Chuyển đơn ${props.reference}`} onCancel={props.onClose} onOk={submit} okText="Chuyển đơn, cấp số công văn" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="agencyId" label="Cơ quan có thẩm quyền giải quyết" rules={[{ required: true, message: 'Hãy chọn cơ quan nhận đơn.' }]}>
          <Select showSearch optionFilterProp="label" aria-label="Cơ quan nhận đơn" loading={agencies.loading} options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} />
        </Form.Item>
        <Form.Item name="signerName" label="Họ và tên người ký công văn" rules={[{ required: true, message: 'Hãy nhập họ tên người ký.' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="signerTitle" label="Chức vụ người ký (để trống: Phó Chủ tịch)"><Input maxLength={100} /></Form.Item>
        <Form.Item name="complex" valuePropName="checked"><Checkbox>Vụ việc phức tạp (thời hạn giải quyết dài hơn)</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}

export function ActionButton(props: { label: string; onClick(): void; primary?: boolean }) {
  return <Button type={props.primary ? 'primary' : 'default'} onClick={props.onClick}>{props.label}</Button>;
}
