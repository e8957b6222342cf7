// Invitations to the executive's meetings, the periodic reports the executive owes, and the
// reporting conferences between levels (the upper council's side-by-side figures and its notice).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../lib/api.ts';
import { fmtDate, fmtDateTime, fmtPercent, isoDay, vnTimestamp } from '../../lib/format.ts';
import { message } from '../../lib/feedback.tsx';
import { useApi, usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { useMe } from '../../lib/auth.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { AgencySelect } from '../../components/pickers.tsx';
import { downloadFile } from '../documents/shared.tsx';
import { CRUMB, PersonSelect, StateTag } from './shared.tsx';

// Invitations --------------------------------------------------------------------------------------


type Invitation = {
  id: string; title: string; organizerName: string; startsAt: string; endsAt: string | null; location: string; state: string; stateLabel: string;
  inviteeUserId: string; inviteeName: string; attendeeUserId: string | null; attendeeName: string | null; goerName: string | null; decisionNote: string; notes: string; past: boolean;
};

export function InvitationsPage() {
  const { councilId } = useParams() as { councilId: string };
  const me = useMe();
  const [when, setWhen] = useState('upcoming');
  const [mine, setMine] = useState(false);
  const [adding, setAdding] = useState(false);
  const [step, setStep] = useState<{ inv: Invitation; action: string } | null>(null);
  const table = usePagedTable<Invitation>(`/councils/${councilId}/executive-invitations`, { when: when === 'all' ? undefined : when, mine: mine ? '1' : undefined });
  if (table.error) return <ErrorView error={table.error} />;
  const simple = async (inv: Invitation, action: string) => {
    try {
      await api.post(`/councils/${councilId}/executive-invitations/${inv.id}/step`, { action });
      message.success('Đã cập nhật giấy mời.');
      table.reload();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  const actions = (r: Invitation) => (
    <Space wrap size="small">
      {(r.state === 'received' || r.state === 'declined' || r.state === 'delegated') && !r.past && <Button size="small" onClick={() => simple(r, 'accept')}>Nhận lời</Button>}
      {['received', 'accepted', 'delegated', 'declined'].includes(r.state) && !r.past && <Button size="small" onClick={() => setStep({ inv: r, action: 'delegate' })}>Cử người dự thay</Button>}
      {['received', 'accepted', 'delegated'].includes(r.state) && !r.past && <Button size="small" onClick={() => setStep({ inv: r, action: 'decline' })}>Không dự</Button>}
      {['accepted', 'delegated'].includes(r.state) && r.past && <Button size="small" type="primary" onClick={() => setStep({ inv: r, action: 'attended' })}>Ghi đã dự họp</Button>}
    </Space>
  );
  return (
    <Page title="Giấy mời họp" crumbs={[CRUMB, { title: 'Giấy mời họp' }]} extra={<Button type="primary" onClick={() => setAdding(true)}>Ghi giấy mời</Button>}>
      <Card>
        <Typography.Paragraph type="secondary">
          Giấy mời của Ủy ban nhân dân, các cơ quan mời lãnh đạo HĐND dự họp. Cuộc họp người được mời nhận lời (hoặc người được cử dự thay) hiện trong lịch cá nhân qua đường dẫn lịch của tài khoản.
        </Typography.Paragraph>
        <div className="nt-toolbar">
          <Select aria-label="Thời gian" value={when} onChange={setWhen} style={{ width: 200 }} options={[{ value: 'upcoming', label: 'Sắp diễn ra' }, { value: 'past', label: 'Đã diễn ra' }, { value: 'all', label: 'Tất cả' }]} />
          <Select aria-label="Người dự" value={mine ? 'mine' : 'all'} onChange={(v) => setMine(v === 'mine')} style={{ width: 200 }} options={[{ value: 'all', label: 'Mọi người được mời' }, { value: 'mine', label: 'Mời tôi, cử tôi' }]} />
        </div>
        <ResponsiveTable<Invitation>
          rowKey="id" size="middle" {...table.tableProps} locale={{ emptyText: 'Không có giấy mời nào.' }}
          columns={[
            { title: 'Thời gian', dataIndex: 'startsAt', width: 150, render: (s: string) => <strong>{fmtDateTime(s)}</strong> },
            { title: 'Cuộc họp', key: 'title', render: (_: unknown, r) => <div><strong>{r.title}</strong><div style={{ fontSize: 12, color: '#6b7280' }}>{r.organizerName}{r.location ? ` · ${r.location}` : ''}</div>{r.notes ? <div style={{ fontSize: 12 }}>{r.notes}</div> : null}</div> },
            { title: 'Người dự', key: 'who', width: 260, render: (_: unknown, r) => <div><StateTag state={r.state} label={r.stateLabel} /><div style={{ fontSize: 12, marginTop: 4 }}>Mời: {r.inviteeName}{r.attendeeName ? ` · dự thay: ${r.attendeeName}` : ''}</div>{r.decisionNote ? <div style={{ fontSize: 12, color: '#6b7280' }}>{r.decisionNote}</div> : null}</div> },
            { title: '', key: 'act', width: 230, render: (_: unknown, r) => actions(r) },
          ]}
        />
        <Alert style={{ marginTop: 12 }} type="info" showIcon message={<span>Theo dõi lịch trên điện thoại: tạo đường dẫn lịch ở trang <Link to="/account">Tài khoản</Link> ({me.fullName}).</span>} />
      </Card>
      {adding && <InvitationModal councilId={councilId} onClose={() => setAdding(false)} onDone={() => { setAdding(false); table.reload(); }} />}
      {step && <StepModal councilId={councilId} {...step} onClose={() => setStep(null)} onDone={() => { setStep(null); table.reload(); }} />}
    </Page>
  );
}

function InvitationModal(props: { councilId: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ title: string; organizerName: string; organizerAgencyId?: string; day: dayjs.Dayjs; time: dayjs.Dayjs; hours?: number; location?: string; inviteeUserId: string }>();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    // A day and an hour picked apart (one picker with both runs off a phone's screen).
    const startsAt = v.day.hour(v.time.hour()).minute(v.time.minute()).second(0);
    await api.post(`/councils/${props.councilId}/executive-invitations`, {
      title: v.title, organizerName: v.organizerName, organizerAgencyId: v.organizerAgencyId ?? null, location: v.location ?? '', inviteeUserId: v.inviteeUserId,
      startsAt: vnTimestamp(startsAt), endsAt: v.hours ? vnTimestamp(startsAt.add(v.hours, 'hour')) : null,
    });
    message.success('Đã ghi giấy mời.');
    props.onDone();
  });
  return (
    <Modal open title="Ghi giấy mời họp" onCancel={props.onClose} onOk={submit} okText="Ghi giấy mời" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ hours: 3 }}>
        <Form.Item name="title" label="Nội dung cuộc họp" rules={[{ required: true, whitespace: true, message: 'Hãy nhập nội dung cuộc họp.' }]}><Input maxLength={500} /></Form.Item>
        <Form.Item name="organizerName" label="Cơ quan mời" rules={[{ required: true, whitespace: true, message: 'Hãy nhập cơ quan mời.' }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="organizerAgencyId" label="Cơ quan trong danh bạ (nếu có)"><AgencySelect /></Form.Item>
        <Space wrap>
          <Form.Item name="day" label="Ngày họp" rules={[{ required: true, message: 'Hãy chọn ngày họp.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
          <Form.Item name="time" label="Giờ bắt đầu" rules={[{ required: true, message: 'Hãy chọn giờ bắt đầu.' }]}><TimePicker format="HH:mm" minuteStep={5} needConfirm={false} placeholder="Giờ:phút" /></Form.Item>
          <Form.Item name="hours" label="Thời lượng (giờ)"><InputNumber min={1} max={24} /></Form.Item>
        </Space>
        <Form.Item name="location" label="Địa điểm"><Input maxLength={500} /></Form.Item>
        <Form.Item name="inviteeUserId" label="Lãnh đạo HĐND được mời" rules={[{ required: true, message: 'Hãy chọn người được mời.' }]}><PersonSelect councilId={props.councilId} /></Form.Item>
      </Form>
    </Modal>
  );
}

function StepModal(props: { councilId: string; inv: Invitation; action: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ attendeeUserId?: string; note?: string; notes?: string }>();
  const title = props.action === 'delegate' ? 'Cử người dự thay' : props.action === 'decline' ? 'Không dự họp' : 'Ghi đã dự họp';
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/councils/${props.councilId}/executive-invitations/${props.inv.id}/step`, { action: props.action, attendeeUserId: v.attendeeUserId ?? null, ...(v.note !== undefined ? { note: v.note } : {}), ...(v.notes !== undefined ? { notes: v.notes } : {}) });
    message.success('Đã cập nhật giấy mời.');
    props.onDone();
  });
  return (
    <Modal open title={title} onCancel={props.onClose} onOk={submit} okText="Ghi nhận" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph>{props.inv.title} — {fmtDateTime(props.inv.startsAt)}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        {props.action === 'delegate' && <Form.Item name="attendeeUserId" label="Người dự thay" rules={[{ required: true, message: 'Hãy chọn người dự thay.' }]}><PersonSelect councilId={props.councilId} /></Form.Item>}
        {props.action === 'attended'
          ? <Form.Item name="notes" label="Nội dung cuộc họp, ý kiến đã phát biểu"><Input.TextArea rows={4} maxLength={20000} /></Form.Item>
          : <Form.Item name="note" label="Lý do, ý kiến"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>}
      </Form>
    </Modal>
  );
}

// Periodic reports ---------------------------------------------------------------------------------

type Report = {
  id: string; title: string; kindKey: string; agencyName: string; year: number; periodLabel: string; sessionTitle: string | null; openingDate: string | null;
  due: string; receivedOn: string | null; timing: string; timingLabel: string; daysLate: number;
};
type ReportsPage = { items: Report[]; total: number; byAgency: { agencyId: string; agencyName: string; total: number; onTime: number; late: number; overdue: number; pending: number }[] };

export function PeriodicReportsPage() {
  const { councilId } = useParams() as { councilId: string };
  const [timing, setTiming] = useState('all');
  const [adding, setAdding] = useState(false);
  const [receiving, setReceiving] = useState<Report | null>(null);
  const table = usePagedTable<Report>(`/councils/${councilId}/periodic-reports`, { timing: timing === 'all' ? undefined : timing });
  if (table.error) return <ErrorView error={table.error} />;
  const byAgency = (table.data as unknown as ReportsPage | null)?.byAgency ?? [];
  return (
    <Page title="Báo cáo định kỳ" crumbs={[CRUMB, { title: 'Báo cáo định kỳ' }]} extra={<Button type="primary" onClick={() => setAdding(true)}>Thêm báo cáo phải gửi</Button>}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title="Đúng hạn, muộn theo cơ quan">
          <ResponsiveTable<ReportsPage['byAgency'][number]> size="small" rowKey="agencyId" pagination={false} dataSource={byAgency} columns={[
            { title: 'Cơ quan', dataIndex: 'agencyName' },
            { title: 'Phải gửi', dataIndex: 'total', width: 80 },
            { title: 'Đúng hạn', dataIndex: 'onTime', width: 80 },
            { title: 'Muộn', dataIndex: 'late', width: 70, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
            { title: 'Quá hạn', dataIndex: 'overdue', width: 80, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
          ]} />
        </Card>
        <Card>
          <Typography.Paragraph type="secondary">Hạn gửi tính ngược từ ngày khai mạc kỳ họp theo danh mục báo cáo có hiệu lực (thời hạn là dữ liệu, sửa được). Cơ quan thấy báo cáo phải gửi trong danh sách việc phải làm của mình.</Typography.Paragraph>
          <div className="nt-toolbar">
            <Select aria-label="Tình trạng" value={timing} onChange={setTiming} style={{ width: 220 }} options={[
              { value: 'all', label: 'Mọi báo cáo' }, { value: 'overdue', label: 'Quá hạn, chưa nhận' }, { value: 'expected', label: 'Chưa đến hạn' }, { value: 'late', label: 'Đã nhận muộn' }, { value: 'on_time', label: 'Đã nhận đúng hạn' },
            ]} />
          </div>
          <ResponsiveTable<Report> rowKey="id" size="middle" {...table.tableProps} locale={{ emptyText: 'Chưa có báo cáo định kỳ nào.' }} columns={[
            { title: 'Báo cáo', key: 'title', render: (_: unknown, r) => <div><strong>{r.title}</strong><div style={{ fontSize: 12, color: '#6b7280' }}>{r.agencyName} · {r.periodLabel} {r.year}{r.sessionTitle ? ` · ${r.sessionTitle} (khai mạc ${fmtDate(r.openingDate)})` : ''}</div></div> },
            { title: 'Hạn gửi', dataIndex: 'due', width: 110, render: (d: string) => fmtDate(d) },
            { title: 'Tình trạng', key: 'timing', width: 220, render: (_: unknown, r) => <div><StateTag state={r.timing} label={r.timingLabel} />{r.daysLate ? <span style={{ fontSize: 12 }}>{r.daysLate} ngày</span> : null}{r.receivedOn ? <div style={{ fontSize: 12 }}>Nhận {fmtDate(r.receivedOn)}</div> : null}</div> },
            { title: '', key: 'act', width: 130, render: (_: unknown, r) => (r.receivedOn ? null : <Button size="small" onClick={() => setReceiving(r)}>Ghi đã nhận</Button>) },
          ]} />
        </Card>
      </Space>
      {adding && <ExpectModal councilId={councilId} onClose={() => setAdding(false)} onDone={() => { setAdding(false); table.reload(); }} />}
      {receiving && <ReceiveModal councilId={councilId} report={receiving} onClose={() => setReceiving(null)} onDone={() => { setReceiving(null); table.reload(); }} />}
    </Page>
  );
}

function ExpectModal(props: { councilId: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ kindKey: string; agencyId: string; year: number; period: string; sessionId?: string; due?: dayjs.Dayjs }>();
  const kinds = useApi<{ items: { key: string; title: string; periods: string[] }[] }>(`/councils/${props.councilId}/periodic-report-kinds`, { at: isoDay(dayjs()), pageSize: 100 });
  const sessions = useApi<{ items: { id: string; title: string; openingDate: string; state: string }[] }>(`/councils/${props.councilId}/sessions`, { pageSize: 50 });
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/councils/${props.councilId}/periodic-reports`, { kindKey: v.kindKey, agencyId: v.agencyId, year: v.year, period: v.period, sessionId: v.sessionId ?? null, due: v.due ? isoDay(v.due) : null });
    message.success('Đã thêm báo cáo phải gửi.');
    props.onDone();
  });
  return (
    <Modal open title="Báo cáo định kỳ cơ quan phải gửi" onCancel={props.onClose} onOk={submit} okText="Thêm" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year: dayjs().year(), period: 'year_end' }}>
        <Form.Item name="kindKey" label="Loại báo cáo" rules={[{ required: true, message: 'Hãy chọn loại báo cáo.' }]}><Select options={(kinds.data?.items ?? []).map((k) => ({ value: k.key, label: k.title }))} /></Form.Item>
        <Form.Item name="agencyId" label="Cơ quan phải gửi" rules={[{ required: true, message: 'Hãy chọn cơ quan.' }]}><AgencySelect /></Form.Item>
        <Space wrap>
          <Form.Item name="year" label="Năm"><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="period" label="Kỳ"><Select style={{ width: 220 }} options={[{ value: 'mid_year', label: 'Kỳ họp giữa năm (6 tháng)' }, { value: 'year_end', label: 'Kỳ họp cuối năm' }]} /></Form.Item>
        </Space>
        <Form.Item name="sessionId" label="Kỳ họp (hạn tính từ ngày khai mạc)"><Select allowClear options={(sessions.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.title} (${fmtDate(s.openingDate)})` }))} /></Form.Item>
        <Form.Item name="due" label="Hoặc hạn gửi"><DatePicker format="DD/MM/YYYY" /></Form.Item>
      </Form>
    </Modal>
  );
}

function ReceiveModal(props: { councilId: string; report: Report; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ receivedOn: dayjs.Dayjs }>();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const r = await api.post<{ timingLabel: string }>(`/councils/${props.councilId}/periodic-reports/${props.report.id}/receive`, { receivedOn: isoDay(v.receivedOn) });
    message.success(`Đã ghi nhận: ${r.timingLabel.toLowerCase()}.`);
    props.onDone();
  });
  return (
    <Modal open title="Ghi đã nhận báo cáo" onCancel={props.onClose} onOk={submit} okText="Ghi nhận" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph>{props.report.title} — {props.report.agencyName}, hạn {fmtDate(props.report.due)}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs() }}>
        <Form.Item name="receivedOn" label="Ngày nhận" rules={[{ required: true, message: 'Hãy chọn ngày nhận.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
      </Form>
    </Modal>
  );
}

// Reporting conferences ----------------------------------------------------------------------------

type Conf = { id: string; title: string; heldOn: string; periodFrom: string; periodTo: string; state: string; stateLabel: string; place: string; sites: number | null; chairName: string };

export function ConferencesPage() {
  const { councilId } = useParams() as { councilId: string };
  const [adding, setAdding] = useState(false);
  const table = usePagedTable<Conf>(`/councils/${councilId}/reporting-conferences`);
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <Page title="Hội nghị trực báo" crumbs={[CRUMB, { title: 'Hội nghị trực báo' }]} extra={<Button type="primary" onClick={() => setAdding(true)}>Tổ chức hội nghị</Button>}>
      <Card>
        <Typography.Paragraph type="secondary">Thường trực HĐND cấp trên nghe Thường trực HĐND cấp dưới báo cáo; số liệu của từng HĐND cấp dưới lấy từ dữ liệu của chính HĐND đó, đặt cạnh nhau.</Typography.Paragraph>
        <ResponsiveTable<Conf> rowKey="id" size="middle" {...table.tableProps} locale={{ emptyText: 'Chưa có hội nghị trực báo nào.' }} columns={[
          { title: 'Ngày họp', dataIndex: 'heldOn', width: 120, render: (d: string) => fmtDate(d) },
          { title: 'Hội nghị', key: 'title', render: (_: unknown, r) => <div><Link to={`/councils/${councilId}/reporting-conferences/${r.id}`}><strong>{r.title}</strong></Link><div style={{ fontSize: 12, color: '#6b7280' }}>Kỳ báo cáo {fmtDate(r.periodFrom)} – {fmtDate(r.periodTo)}</div></div> },
          { title: 'Tình trạng', key: 'state', width: 220, render: (_: unknown, r) => <StateTag state={r.state} label={r.stateLabel} /> },
        ]} />
      </Card>
      {adding && <ConferenceModal councilId={councilId} onClose={() => setAdding(false)} onDone={() => { setAdding(false); table.reload(); }} />}
    </Page>
  );
}

function ConferenceModal(props: { councilId: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ title: string; heldOn: dayjs.Dayjs; period: [dayjs.Dayjs, dayjs.Dayjs]; chairName?: string; place?: string; sites?: number; attendees?: string }>();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/councils/${props.councilId}/reporting-conferences`, {
      title: v.title, heldOn: isoDay(v.heldOn), periodFrom: isoDay(v.period[0]), periodTo: isoDay(v.period[1]), chairName: v.chairName ?? '', place: v.place ?? '', sites: v.sites ?? null, attendees: v.attendees ?? '',
    });
    message.success('Đã lên kế hoạch hội nghị.');
    props.onDone();
  });
  return (
    <Modal open title="Tổ chức hội nghị trực báo" onCancel={props.onClose} onOk={submit} okText="Lưu" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ heldOn: dayjs(), period: [dayjs().startOf('year'), dayjs()] }}>
        <Form.Item name="title" label="Tên hội nghị" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên hội nghị.' }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="heldOn" label="Ngày họp" rules={[{ required: true, message: 'Hãy chọn ngày họp.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
        <Form.Item name="period" label="Kỳ báo cáo" rules={[{ required: true, message: 'Hãy chọn kỳ báo cáo.' }]}><DatePicker.RangePicker format="DD/MM/YYYY" /></Form.Item>
        <Form.Item name="chairName" label="Người chủ trì"><Input maxLength={300} /></Form.Item>
        <Form.Item name="place" label="Địa điểm"><Input maxLength={500} /></Form.Item>
        <Form.Item name="sites" label="Số điểm cầu trực tuyến"><InputNumber min={1} max={10000} /></Form.Item>
        <Form.Item name="attendees" label="Thành phần dự"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}

type Figures = {
  councilId: string; councilName: string; canOpen: boolean; sessionsHeld: number; supervisionActivities: number; petitionsCollected: number; petitionsForwarded: number;
  petitionsAnswered: number; petitionsResolved: number; petitionsOverdue: number; resolutionRate: number | null; letters: number;
};
type ConfDetail = Conf & { attendees: string; figures: { councils: Figures[]; totals: Omit<Figures, 'councilId' | 'councilName' | 'canOpen' | 'resolutionRate'> }; conclusion: { id: string; symbol: string; issuedOn: string; downloadPath: string } | null };

export function ConferencePage() {
  const { councilId, reportingConferenceId } = useParams() as { councilId: string; reportingConferenceId: string };
  const d = useApi<ConfDetail>(`/councils/${councilId}/reporting-conferences/${reportingConferenceId}`);
  const [concluding, setConcluding] = useState(false);
  if (d.error) return <ErrorView error={d.error} />;
  if (!d.data) return <Loading />;
  const c = d.data;
  const num = (n: number) => n.toLocaleString('vi-VN');
  const pct = (r: number | null) => fmtPercent(r === null ? null : Math.round(r * 100));
  const rows = [...c.figures.councils, { ...c.figures.totals, councilId: 'total', councilName: 'Tổng cộng', canOpen: false, resolutionRate: c.figures.totals.petitionsForwarded ? c.figures.totals.petitionsResolved / c.figures.totals.petitionsForwarded : null }];
  return (
    <Page title={c.title} subtitle={`Ngày ${fmtDate(c.heldOn)} · kỳ báo cáo ${fmtDate(c.periodFrom)} – ${fmtDate(c.periodTo)}`} crumbs={[CRUMB, { title: 'Hội nghị trực báo', to: `/councils/${councilId}/reporting-conferences` }, { title: fmtDate(c.heldOn) }]}
      extra={c.conclusion
        ? <Button onClick={() => downloadFile(c.conclusion!.downloadPath.replace(/^\/api/, ''), { fallbackName: 'Thong-bao-ket-luan.docx' })}>Tải thông báo kết luận {c.conclusion.symbol}</Button>
        : <Button type="primary" onClick={() => setConcluding(true)}>Ban hành thông báo kết luận</Button>}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap><StateTag state={c.state} label={c.stateLabel} />{c.place ? <span>{c.place}</span> : null}{c.sites ? <span>· {c.sites} điểm cầu</span> : null}{c.chairName ? <span>· chủ trì: {c.chairName}</span> : null}</Space>
        </Card>
        <Card title="Số liệu các HĐND cấp dưới">
          <Typography.Paragraph type="secondary">Tính từ dữ liệu của từng HĐND, cùng cách đếm với bảng tổng hợp của HĐND đó: kiến nghị tính đến hôm nay, kỳ họp và giám sát đến ngày cuối kỳ báo cáo, đơn thư nhận trong kỳ.</Typography.Paragraph>
          <Table<Figures> size="small" rowKey="councilId" pagination={false} dataSource={rows} scroll={{ x: 1000 }} rowClassName={(r) => (r.councilId === 'total' ? 'nt-total-row' : '')}
            columns={[
              { title: 'HĐND', dataIndex: 'councilName', fixed: 'left', width: 220, render: (n: string, r) => (r.canOpen ? <Link to={`/councils/${r.councilId}/dashboard/petitions`}>{n}</Link> : r.councilId === 'total' ? <strong>{n}</strong> : n) },
              { title: 'Kỳ họp đã tổ chức', dataIndex: 'sessionsHeld', align: 'right', render: num },
              { title: 'Giám sát, khảo sát', dataIndex: 'supervisionActivities', align: 'right', render: num },
              { title: 'Kiến nghị thu thập', dataIndex: 'petitionsCollected', align: 'right', render: num },
              { title: 'Đã chuyển', dataIndex: 'petitionsForwarded', align: 'right', render: num },
              { title: 'Đã giải quyết', dataIndex: 'petitionsResolved', align: 'right', render: num },
              { title: 'Quá hạn', dataIndex: 'petitionsOverdue', align: 'right', render: (n: number) => (n ? <Tag color="red">{num(n)}</Tag> : '0') },
              { title: 'Tỷ lệ giải quyết', dataIndex: 'resolutionRate', align: 'right', render: pct },
              { title: 'Đơn thư', dataIndex: 'letters', align: 'right', render: num },
            ]} />
        </Card>
      </Space>
      {concluding && <ConclusionModal councilId={councilId} id={reportingConferenceId} chair={c.chairName} onClose={() => setConcluding(false)} onDone={() => { setConcluding(false); d.reload(); }} />}
    </Page>
  );
}

function ConclusionModal(props: { councilId: string; id: string; chair: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ chairPerson?: string; signerName?: string; tasks?: string }>();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const tasks = (v.tasks ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
    const r = await api.post<{ document: { symbol: string; downloadPath: string; fileName: string } }>(`/councils/${props.councilId}/reporting-conferences/${props.id}/conclusion`, {
      chairPerson: v.chairPerson ?? '', signerName: v.signerName ?? '', ...(tasks.length ? { extraSections: [{ title: 'Giao nhiệm vụ', paragraphs: [], bullets: tasks }] } : {}),
    });
    message.success(`Đã ban hành thông báo kết luận số ${r.document.symbol}.`);
    await downloadFile(r.document.downloadPath.replace(/^\/api/, ''), { fallbackName: r.document.fileName });
    props.onDone();
  });
  return (
    <Modal open title="Thông báo kết luận hội nghị trực báo" onCancel={props.onClose} onOk={submit} okText="Ban hành (.docx)" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">Nội dung kết quả hoạt động của từng HĐND cấp dưới được soạn từ số liệu trên; văn bản được cấp số trong sổ văn bản đi.</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ chairPerson: props.chair }}>
        <Form.Item name="chairPerson" label="Người kết luận"><Input maxLength={300} /></Form.Item>
        <Form.Item name="signerName" label="Họ và tên người ký"><Input maxLength={100} /></Form.Item>
        <Form.Item name="tasks" label="Nhiệm vụ giao thêm (mỗi dòng một nhiệm vụ)"><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}
