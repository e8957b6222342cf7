// Sổ tiếp công dân (Mẫu 03/TCD): the council's register with its .xlsx export and the year's
// reception schedule; a delegate's own receptions. Recording a reception may open its letter.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Typography, Upload, message } from 'antd';
import dayjs from 'dayjs';
import { PaperClipOutlined } from '@ant-design/icons';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi, usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { fmtDate, isoDay } from '../../lib/format.ts';
import { showError } from '../../lib/feedback.tsx';
import { uploadForm } from '../../lib/upload.ts';
import { ExportButton } from '../documents/shared.tsx';
import { KIND_OPTIONS } from './shared.tsx';

type Reception = {
  id: string; number: number; year: number; receivedOn: string; modeLabel: string; receiverKindLabel: string; receiverName: string;
  citizenName: string | null; citizenAddress: string | null; identityProtected: boolean; summary: string | null; kindLabels: string[]; peopleCount: number;
  outcome: string | null; letterIds: string[]; attachments: { id: string; name: string; protected: boolean }[];
};
type Schedule = {
  rules: { receiver: string; receiverLabel: string; period: 'month' | 'quarter'; days: string[]; held: string[]; verified: boolean; source: string; shortfallRuns: { label: string; periods: number }[] }[];
};

/** The periods already over in which fewer days were held than the schedule asks: one line, a tag per run of periods. */
function ShortfallAlert({ period, runs }: { period: 'month' | 'quarter'; runs: { label: string; periods: number }[] }) {
  const periods = runs.reduce((n, r) => n + r.periods, 0);
  if (!periods) return null;
  return (
    <Alert
      style={{ marginTop: 6 }}
      type="warning"
      showIcon
      message={`Chưa tiếp đủ theo lịch ở ${periods} ${period === 'month' ? 'tháng' : 'quý'} đã qua`}
      description={
        <Space size={[4, 4]} wrap>
          {runs.map((r) => <Tag key={r.label} style={{ whiteSpace: 'normal' }}>{r.label}</Tag>)}
        </Space>
      }
    />
  );
}

function ReceptionList({ mine }: { mine: boolean }) {
  const { councilId } = useParams() as { councilId: string };
  const navigate = useNavigate();
  const [year, setYear] = useState(dayjs().year());
  const [recording, setRecording] = useState(false);
  const base = `/councils/${councilId}/${mine ? 'my-receptions' : 'receptions'}`;
  const table = usePagedTable<Reception>(base, { year });
  const schedule = useApi<Schedule>(mine ? null : `/councils/${councilId}/reception-schedule`, { year });
  if (table.error) return <ErrorView error={table.error} />;
  const title = mine ? 'Tiếp công dân của tôi' : 'Sổ tiếp công dân';
  return (
    <Page title={title} crumbs={[{ title: 'Tiếp công dân, đơn thư' }, { title }]} extra={<Button type="primary" onClick={() => setRecording(true)}>Ghi lượt tiếp công dân</Button>}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {schedule.data && (
          <Card title={`Lịch tiếp công dân năm ${year}`}>
            {schedule.data.rules.map((r) => (
              <div key={r.receiver} style={{ marginBottom: 12 }}>
                <strong>{r.receiverLabel}</strong>: {r.days.length} ngày theo lịch, đã tiếp {r.held.length} ngày{!r.verified && <Tag style={{ marginLeft: 8 }} color="gold">Mặc định, chưa kiểm chứng</Tag>}
                <div style={{ color: '#6b7280', fontSize: 12 }}>{r.source}</div>
                <ShortfallAlert period={r.period} runs={r.shortfallRuns} />
              </div>
            ))}
          </Card>
        )}
        <Card>
          <div className="nt-toolbar">
            <InputNumber aria-label="Năm" value={year} min={2014} max={2100} onChange={(v) => v && setYear(v)} />
            {!mine && <ExportButton path={`/councils/${councilId}/receptions/register.xlsx`} query={{ year }} label="Xuất sổ (Mẫu 03/TCD)" />}
          </div>
          <ResponsiveTable<Reception>
            rowKey="id"
            size="middle"
            {...table.tableProps}
            locale={{ emptyText: 'Chưa có lượt tiếp công dân nào trong năm.' }}
            columns={[
              { title: 'STT', dataIndex: 'number', width: 60 },
              {
                title: 'Công dân, nội dung', key: 'c',
                render: (_: unknown, r) => (
                  <div>
                    <strong>{r.identityProtected ? 'Thông tin người tố cáo được giữ bí mật' : `${r.citizenName}, ${r.citizenAddress}`}</strong>
                    <div>{r.summary ?? '—'}</div>
                    <div style={{ color: '#6b7280', fontSize: 12 }}>{fmtDate(r.receivedOn)} · {r.modeLabel} · {r.receiverKindLabel}: {r.receiverName}</div>
                    {r.letterIds.map((id) => <Link key={id} style={{ fontSize: 12, marginRight: 8 }} to={`/councils/${councilId}/${mine ? 'my-letters' : 'letters'}/${id}`}>Mở đơn</Link>)}
                    {r.attachments.map((a) => a.protected
                      ? <span key={a.id} style={{ fontSize: 12, marginRight: 8 }}><PaperClipOutlined /> {a.name} (mở tại hồ sơ, có ghi nhật ký)</span>
                      : <a key={a.id} style={{ fontSize: 12, marginRight: 8 }} href={`/api${base}/${r.id}/attachments/${a.id}`}><PaperClipOutlined /> {a.name}</a>)}
                    {!r.identityProtected && <ReceptionUpload path={`${base}/${r.id}/attachments`} onDone={table.reload} />}
                  </div>
                ),
              },
              { title: 'Phân loại', key: 'k', width: 160, render: (_: unknown, r) => r.kindLabels.map((k) => <Tag key={k}>{k}</Tag>) },
              { title: 'Kết quả tiếp', dataIndex: 'outcome', width: 260, render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Card>
      </Space>
      {recording && (
        <RecordModal mine={mine} path={base} onClose={() => setRecording(false)} onDone={(r) => {
          setRecording(false);
          table.reload();
          if (r.letters[0]) navigate(`/councils/${councilId}/${mine ? 'my-letters' : 'letters'}/${r.letters[0].id}`);
        }} />
      )}
    </Page>
  );
}

/** A scan attached to a reception row (PDF or image, checked by content on the server). */
function ReceptionUpload(props: { path: string; onDone(): void }) {
  const [busy, setBusy] = useState(false);
  return (
    <Upload accept=".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/*" showUploadList={false} customRequest={async ({ file }) => {
      const body = new FormData();
      body.append('file', file as File);
      body.append('kind', 'evidence');
      setBusy(true);
      try {
        await uploadForm(props.path, body);
        message.success('Đã kèm tệp vào lượt tiếp.');
        props.onDone();
      } catch (err) {
        showError(err);
      } finally {
        setBusy(false);
      }
    }}>
      <Button size="small" type="link" loading={busy} style={{ padding: 0, fontSize: 12 }}>Kèm bản chụp</Button>
    </Upload>
  );
}

type RecordValues = {
  receivedOn: dayjs.Dayjs; mode: 'in_person' | 'online'; citizenName: string; citizenAddress: string; idDocument: string; summary: string; request: string;
  kinds: string[]; peopleCount: number; withinCompetence: boolean; outcome: string; openLetter: boolean;
};

function RecordModal(props: { mine: boolean; path: string; onClose(): void; onDone(r: { letters: { id: string }[] }): void }) {
  const [form] = Form.useForm<RecordValues>();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const r = await api.post<{ number: number; letters: { id: string; reference: string }[] }>(props.path, {
      ...v, receivedOn: isoDay(v.receivedOn), receiverKind: props.mine ? 'delegate' : 'standing_committee', proxy: false, guidance: null, forwarding: null, priorHandling: null, followUp: null,
    });
    message.success(`Đã ghi lượt tiếp số ${r.number}${r.letters.length ? `; mở đơn ${r.letters.map((l) => l.reference).join(', ')}` : ''}.`);
    props.onDone(r);
  });
  return (
    <Modal open title="Ghi lượt tiếp công dân" onCancel={props.onClose} onOk={submit} okText="Ghi vào sổ" cancelText="Hủy" confirmLoading={busy} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs(), mode: 'in_person', peopleCount: 1, withinCompetence: false, openLetter: true }}>
        <Space wrap>
          <Form.Item name="receivedOn" label="Ngày tiếp" rules={[{ required: true, message: 'Hãy chọn ngày tiếp.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
          <Form.Item name="mode" label="Hình thức"><Radio.Group options={[{ value: 'in_person', label: 'Trực tiếp' }, { value: 'online', label: 'Trực tuyến' }]} /></Form.Item>
        </Space>
        <Form.Item name="citizenName" label="Họ và tên công dân" rules={[{ required: true, message: 'Hãy nhập họ tên công dân.' }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="citizenAddress" label="Địa chỉ công dân" rules={[{ required: true, message: 'Hãy nhập địa chỉ.' }]}><Input maxLength={500} /></Form.Item>
        <Form.Item name="idDocument" label="Số căn cước, hộ chiếu hoặc giấy tờ khác" rules={[{ required: true, message: 'Hãy nhập giấy tờ tùy thân.' }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="kinds" label="Phân loại nội dung" rules={[{ required: true, message: 'Hãy phân loại nội dung.' }]}><Select mode="multiple" aria-label="Phân loại nội dung" options={KIND_OPTIONS} /></Form.Item>
        <Form.Item name="summary" label="Tóm tắt nội dung vụ việc" rules={[{ required: true, message: 'Hãy tóm tắt nội dung.' }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        <Form.Item name="request" label="Yêu cầu, đề nghị của công dân" rules={[{ required: true, message: 'Hãy ghi yêu cầu của công dân.' }]}><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
        <Space wrap>
          <Form.Item name="peopleCount" label="Số người cùng nội dung"><InputNumber min={1} max={100000} /></Form.Item>
          <Form.Item name="withinCompetence" valuePropName="checked" label=" "><Checkbox>Thuộc thẩm quyền giải quyết của HĐND</Checkbox></Form.Item>
        </Space>
        <Form.Item name="outcome" label="Kết quả tiếp: việc đã làm, nội dung trả lời công dân" rules={[{ required: true, message: 'Hãy ghi kết quả tiếp.' }]}><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
        <Form.Item name="openLetter" valuePropName="checked"><Checkbox>Mở đơn để chuyển cơ quan có thẩm quyền và theo dõi</Checkbox></Form.Item>
        <Typography.Text type="secondary">Họ tên, địa chỉ công dân được giữ kín; với nội dung tố cáo chỉ người tiếp và người được giao xử lý xem được.</Typography.Text>
      </Form>
    </Modal>
  );
}

export const ReceptionsPage = () => <ReceptionList mine={false} />;
export const MyReceptionsPage = () => <ReceptionList mine />;
