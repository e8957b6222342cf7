// Sổ theo dõi đơn thư (the council's register) and the delegate's own list: paged on the server,
// filtered by kind, state and follow-up; a denunciation shows its reference, never who sent it.
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Space, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../lib/api.ts';
import { isoDay } from '../../lib/format.ts';
import { downloadFile, ExportButton } from '../documents/shared.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { fmtDate } from '../../lib/format.ts';
import { IntakeModal, KIND_OPTIONS, LetterStateTag, senderOf, type LetterRow } from './shared.tsx';

function LetterList(props: { mine: boolean }) {
  const { councilId } = useParams() as { councilId: string };
  const [sp] = useSearchParams();
  const navigate = useNavigate();
  const [kind, setKind] = useState(sp.get('kind') ?? 'all');
  const [followup, setFollowup] = useState(sp.get('followup') ?? 'all');
  const [q, setQ] = useState('');
  const [intake, setIntake] = useState(false);
  const [reporting, setReporting] = useState(false);
  const base = props.mine ? `/councils/${councilId}/my-letters` : `/councils/${councilId}/letters`;
  const table = usePagedTable<LetterRow>(base, { kind: kind === 'all' ? undefined : kind, followup: followup === 'all' ? undefined : followup, q: q || undefined });
  if (table.error) return <ErrorView error={table.error} />;
  const title = props.mine ? 'Đơn thư tôi tiếp nhận' : 'Sổ theo dõi đơn thư';
  return (
    <Page title={title} crumbs={[{ title: 'Tiếp công dân, đơn thư' }, { title }]} extra={<Space wrap>{!props.mine && <Button onClick={() => setReporting(true)}>Lập báo cáo đơn thư</Button>}<Button type="primary" onClick={() => setIntake(true)}>Tiếp nhận đơn</Button></Space>}>
      <Card>
        <Typography.Paragraph type="secondary">
          {props.mine
            ? 'Đơn, ý kiến công dân bạn đã tiếp nhận hoặc chuyển: đang ở đâu, hạn cơ quan báo kết quả và việc cần làm tiếp với công dân.'
            : 'Mỗi đơn giữ bộ quy định có hiệu lực ngày nhận. Đơn tố cáo chỉ người được giao đích danh mới xem được người gửi; mỗi lần xem được ghi nhật ký.'}
        </Typography.Paragraph>
        <div className="nt-toolbar">
          <Select aria-label="Loại đơn" value={kind} onChange={setKind} options={[{ value: 'all', label: 'Mọi loại đơn' }, ...KIND_OPTIONS]} style={{ width: 200, maxWidth: '100%' }} />
          <Select aria-label="Theo dõi" value={followup} onChange={setFollowup} style={{ width: 260, maxWidth: '100%' }} options={[
            { value: 'all', label: 'Mọi trạng thái' }, { value: 'owed', label: 'Đã chuyển, chờ kết quả' }, { value: 'overdue', label: 'Cơ quan quá hạn báo kết quả' }, { value: 'result_received', label: 'Đã có kết quả, chưa báo công dân' },
          ]} />
          <Input.Search aria-label="Tìm đơn" placeholder="Tìm theo số hiệu, nội dung (không cần dấu)" allowClear onSearch={setQ} style={{ width: 300, maxWidth: '100%' }} />
        </div>
        <ResponsiveTable<LetterRow>
          rowKey="id"
          size="middle"
          {...table.tableProps}
          locale={{ emptyText: 'Chưa có đơn nào.' }}
          columns={[
            {
              title: 'Đơn', dataIndex: 'reference',
              render: (ref: string, r) => (
                <div>
                  <Link to={`${base}/${r.id}`}><strong>{ref}</strong> · {r.kindLabel}</Link>
                  <div>{r.summary ?? <Typography.Text type="secondary">Nội dung đơn tố cáo chỉ người được giao xử lý xem được.</Typography.Text>}</div>
                  <div style={{ color: '#6b7280', fontSize: 12 }}>{senderOf(r)} · {r.channelLabel} · nhận {fmtDate(r.receivedOn)}</div>
                </div>
              ),
            },
            { title: 'Cơ quan giải quyết', key: 'agency', width: 220, render: (_: unknown, r) => (r.agencyName ? <div>{r.agencyName}<div style={{ color: '#6b7280', fontSize: 12 }}>Hạn báo kết quả {fmtDate(r.due!)}</div></div> : '—') },
            { title: 'Tình trạng', key: 'state', width: 220, render: (_: unknown, r) => <div><LetterStateTag l={r} />{r.nextStep ? <div style={{ fontSize: 12, marginTop: 4 }}>{r.nextStep}</div> : null}</div> },
          ]}
        />
      </Card>
      {reporting && <ReportModal councilId={councilId} onClose={() => setReporting(false)} />}
      {intake && <IntakeModal path={base} withChannel={!props.mine} onClose={() => setIntake(false)} onDone={(r) => { setIntake(false); navigate(`${base}/${r.letters[0]!.id}`); }} />}
    </Page>
  );
}

/** The period's report (ND30, numbered in the register) and its figures in Excel. */
function ReportModal(props: { councilId: string; onClose(): void }) {
  const [form] = Form.useForm<{ period: [dayjs.Dayjs, dayjs.Dayjs]; signerName: string }>();
  const period = Form.useWatch('period', form);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const doc = await api.post<{ symbol: string; downloadPath: string; fileName: string }>(`/councils/${props.councilId}/letter-report`, { from: isoDay(v.period[0]), to: isoDay(v.period[1]), signerName: v.signerName });
    await downloadFile(doc.downloadPath.replace(/^\/api/, ''), { fallbackName: doc.fileName });
    message.success(`Đã lập báo cáo số ${doc.symbol}.`);
    props.onClose();
  });
  return (
    <Modal open title="Báo cáo kết quả tiếp công dân, tiếp nhận và xử lý đơn thư" onCancel={props.onClose} onOk={submit} okText="Lập báo cáo (.docx)" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ period: [dayjs().startOf('year'), dayjs()] }}>
        <Form.Item name="period" label="Kỳ báo cáo" rules={[{ required: true, message: 'Hãy chọn kỳ báo cáo.' }]}><DatePicker.RangePicker format="DD/MM/YYYY" /></Form.Item>
        <Form.Item name="signerName" label="Họ và tên người ký" rules={[{ required: true, message: 'Hãy nhập họ tên người ký.' }]}><Input maxLength={100} /></Form.Item>
        {period && <ExportButton path={`/councils/${props.councilId}/letter-figures.xlsx`} query={{ from: isoDay(period[0]), to: isoDay(period[1]) }} label="Tải số liệu (.xlsx)" />}
      </Form>
    </Modal>
  );
}

export const LettersPage = () => <LetterList mine={false} />;
export const MyLettersPage = () => <LetterList mine />;
