// Online reception for the secretariat: publish a reception day with online slots (the public page
// /cong-khai/:councilId/tiep-cong-dan offers it), confirm a citizen's request with the time and the
// link before the C22 notice date, or decline it with the reason; after the day, write the row of
// the Sổ tiếp công dân from the request.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { fmtDate, isoDay } from '../../lib/format.ts';
import { message } from '../../lib/feedback.tsx';
import { KIND_OPTIONS } from './shared.tsx';

type Request = {
  id: string; code: string; on: string; receiverName: string; citizenName: string; citizenAddress: string; phone: string; email: string; summary: string;
  state: string; stateLabel: string; slotTime: string | null; meetingLink: string | null; decisionNote: string; noticeBy: string; linkTestBy: string; version: number;
};
const STATE_COLOR: Record<string, string> = { requested: 'gold', confirmed: 'blue', declined: 'default', received: 'green' };

export function OnlineReceptionsPage() {
  const { councilId } = useParams() as { councilId: string };
  const [state, setState] = useState<string | undefined>('requested');
  const table = usePagedTable<Request>(`/councils/${councilId}/online-reception-requests`, { state });
  const [dialog, setDialog] = useState<{ kind: 'day' } | { kind: 'confirm' | 'decline' | 'receive'; r: Request } | null>(null);
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <Page title="Tiếp công dân trực tuyến" crumbs={[{ title: 'Tiếp công dân, đơn thư' }, { title: 'Tiếp công dân trực tuyến' }]} extra={<Button type="primary" onClick={() => setDialog({ kind: 'day' })}>Công bố ngày tiếp</Button>}>
      <Card>
        <Typography.Paragraph type="secondary">Công dân đăng ký tại trang công khai <a href={`/cong-khai/${councilId}/tiep-cong-dan`}>/cong-khai/…/tiep-cong-dan</a>. Thông báo lịch và đường dẫn trước ngày tiếp ít nhất 05 ngày làm việc; thử đường dẫn trước ít nhất 01 ngày làm việc (Nghị định 154/2026/NĐ-CP, Điều 23).</Typography.Paragraph>
        <div className="nt-toolbar">
          <Select aria-label="Trạng thái" allowClear placeholder="Mọi trạng thái" value={state} onChange={setState} style={{ minWidth: 200 }}
            options={[{ value: 'requested', label: 'Chờ xác nhận' }, { value: 'confirmed', label: 'Đã xác nhận lịch tiếp' }, { value: 'declined', label: 'Không bố trí được' }, { value: 'received', label: 'Đã tiếp (đã vào sổ)' }]} />
        </div>
        <ResponsiveTable<Request>
          rowKey="id" size="middle" {...table.tableProps} locale={{ emptyText: 'Chưa có đăng ký.' }}
          columns={[
            { title: 'Ngày tiếp', key: 'on', render: (_: unknown, r: Request) => <div><b>{fmtDate(r.on)}</b>{r.slotTime ? ` ${r.slotTime}` : ''}<div style={{ fontSize: 12, color: '#6b7280' }}>{r.receiverName}</div></div> },
            { title: 'Công dân, nội dung', key: 'c', render: (_: unknown, r: Request) => <div><b>{r.citizenName}</b> · {r.code}<div>{r.summary}</div><div style={{ fontSize: 12, color: '#6b7280' }}>{[r.phone, r.email].filter(Boolean).join(' · ')}</div></div> },
            { title: 'Trạng thái', key: 's', render: (_: unknown, r: Request) => <div><Tag color={STATE_COLOR[r.state]}>{r.stateLabel}</Tag>{r.state === 'requested' && <div style={{ fontSize: 12 }}>Thông báo chậm nhất {fmtDate(r.noticeBy)}</div>}{r.state === 'confirmed' && <div style={{ fontSize: 12 }}>Thử đường dẫn trước {fmtDate(r.linkTestBy)}</div>}</div> },
            { title: '', key: 'a', render: (_: unknown, r: Request) => (
              <Space wrap size={4}>
                {r.state === 'requested' && <Button size="small" type="primary" onClick={() => setDialog({ kind: 'confirm', r })}>Xác nhận</Button>}
                {r.state === 'requested' && <Button size="small" onClick={() => setDialog({ kind: 'decline', r })}>Từ chối</Button>}
                {r.state === 'confirmed' && <Button size="small" type="primary" onClick={() => setDialog({ kind: 'receive', r })}>Ghi vào sổ</Button>}
              </Space>
            ) },
          ]}
        />
      </Card>
      {dialog && <DialogFor councilId={councilId} dialog={dialog} onClose={() => setDialog(null)} onDone={() => { setDialog(null); table.reload(); }} />}
    </Page>
  );
}

function DialogFor(props: { councilId: string; dialog: { kind: 'day' } | { kind: 'confirm' | 'decline' | 'receive'; r: Request }; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const d = props.dialog;
  const titles = { day: 'Công bố ngày tiếp công dân', confirm: 'Xác nhận lịch tiếp trực tuyến', decline: 'Không bố trí được lịch tiếp', receive: 'Ghi lượt tiếp trực tuyến vào sổ' } as const;
  const [submit, busy] = useFormSubmit(form, async (v) => {
    if (d.kind === 'day') await api.post(`/councils/${props.councilId}/reception-days`, { ...v, on: isoDay(v.on) });
    else if (d.kind === 'receive') await api.post(`/councils/${props.councilId}/online-reception-requests/${d.r.id}/receive`, { ...v, guidance: v.guidanceBody ? { body: v.guidanceBody } : null, guidanceBody: undefined, withinCompetence: v.withinCompetence ?? false });
    else await api.post(`/councils/${props.councilId}/online-reception-requests/${d.r.id}/decide`, { ...v, decision: d.kind, version: d.r.version });
    message.success('Đã ghi nhận.');
    props.onDone();
  });
  return (
    <Modal open title={titles[d.kind]} okText="Ghi nhận" cancelText="Hủy" onOk={submit} confirmLoading={busy} onCancel={props.onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={d.kind === 'day' ? { receiverKind: 'standing_committee', onlineSlots: 4 } : { withinCompetence: false }}>
        {d.kind === 'day' && <>
          <Form.Item name="on" label="Ngày tiếp" rules={[{ required: true, message: 'Chọn ngày tiếp.' }]}><DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="receiverKind" label="Người tiếp"><Radio.Group options={[{ value: 'standing_committee', label: 'Thường trực HĐND' }, { value: 'secretariat', label: 'Bộ phận tiếp công dân' }]} /></Form.Item>
          <Form.Item name="place" label="Địa điểm"><Input /></Form.Item>
          <Form.Item name="onlineSlots" label="Số lượt tiếp trực tuyến"><InputNumber min={0} max={100} /></Form.Item>
        </>}
        {d.kind === 'confirm' && <>
          <Form.Item name="slotTime" label="Giờ tiếp" rules={[{ required: true, message: 'Nhập giờ tiếp.' }]}><Input placeholder="08:30" /></Form.Item>
          <Form.Item name="meetingLink" label="Đường dẫn phòng tiếp trực tuyến" rules={[{ required: true, message: 'Nhập đường dẫn https://.' }]}><Input placeholder="https://" /></Form.Item>
        </>}
        {d.kind === 'decline' && <Form.Item name="note" label="Lý do" rules={[{ required: true, message: 'Nêu lý do.' }]}><Input.TextArea rows={3} /></Form.Item>}
        {d.kind === 'receive' && <>
          <Form.Item name="kinds" label="Phân loại nội dung" rules={[{ required: true, message: 'Chọn loại nội dung.' }]}><Select mode="multiple" options={KIND_OPTIONS} /></Form.Item>
          <Form.Item name="request" label="Yêu cầu, đề nghị của công dân" rules={[{ required: true, message: 'Nhập yêu cầu của công dân.' }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="guidanceBody" label="Hướng dẫn đến cơ quan (nếu có)"><Input /></Form.Item>
          <Form.Item name="outcome" label="Kết quả tiếp: việc đã làm, nội dung trả lời công dân" rules={[{ required: true, message: 'Nhập kết quả tiếp.' }]}><Input.TextArea rows={2} /></Form.Item>
        </>}
      </Form>
    </Modal>
  );
}
