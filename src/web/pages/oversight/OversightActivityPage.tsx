// One supervision activity: subjects, dates, conflicts; the founding decision (team, then the ND30
// document through the documents engine); the notices owed to each supervised body with their due
// dates under the rule set kept from the founding day; working sessions; the files the bodies sent.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi, useFormSubmit } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { fmtDate, fmtDateTime } from '../../lib/format.ts';
import { ConflictAlert, Period, useMayEdit, type ActivityRow } from './shared.tsx';

interface Notice { id: string; step: string; stepLabel: string; agencyName: string; dueDate: string | null; sentOn: string | null; dueExplanation: { nominalDate?: string; movedBecause?: string | null } | null }
interface Detail extends ActivityRow {
  bodyId: string | null;
  program: { id: string; title: string; bodyName: string; state: string };
  team: { id: string; fullName: string; position: string; role: string }[];
  notices: Notice[];
  workingSessions: { id: string; date: string; time: string; place: string; agencyName: string | null }[];
  files: { id: string; title: string; fileName: string; agencyName: string; createdAt: string }[];
}
const ROLE_LABELS: Record<string, string> = { leader: 'Trưởng đoàn', deputy: 'Phó Trưởng đoàn', secretary: 'Thư ký đoàn', member: 'Thành viên' };
const RULE_SETS: Record<string, string> = { 'luat-87-2015': 'Luật Hoạt động giám sát 87/2015/QH13 (giữ nguyên cho hoạt động thành lập trước 01/03/2026)', 'luat-121-2025': 'Luật Hoạt động giám sát 121/2025/QH15 (thời hạn là mặc định, chưa kiểm chứng)' };

export function OversightActivityPage() {
  const { councilId, activityId } = useParams() as { councilId: string; activityId: string };
  const a = useApi<Detail>(`/councils/${councilId}/oversight-activities/${activityId}`);
  const mayEdit = useMayEdit(councilId, a.data?.bodyId);
  const [founding, setFounding] = useState(false);
  const [session, setSession] = useState(false);
  if (a.error) return <ErrorView error={a.error} />;
  if (!a.data) return <Loading />;
  const d = a.data;
  const sent = async (n: Notice) => {
    try {
      await api.post(`/councils/${councilId}/oversight-notices/${n.id}/sent`, {});
      message.success('Đã ghi ngày gửi thông báo.');
      a.reload();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Page
      title={d.title}
      subtitle={<Space wrap><Tag>{d.kindLabel}</Tag><Tag color="blue">{d.stateLabel}</Tag></Space>}
      crumbs={[{ title: 'Giám sát' }, { title: d.program.bodyName, to: `/councils/${councilId}/oversight/${d.program.id}` }, { title: 'Hoạt động' }]}
      extra={mayEdit && (
        <Space wrap>
          {d.state === 'planned' && d.program.state !== 'draft' && <Button type="primary" onClick={() => setFounding(true)}>Ban hành quyết định thành lập Đoàn</Button>}
          {d.state !== 'planned' && <Button onClick={() => setSession(true)}>Thêm buổi làm việc</Button>}
        </Space>
      )}
    >
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { label: 'Thời gian', children: <Period from={d.startDate} to={d.endDate} /> },
          { label: 'Đối tượng', children: d.subjects.map((s) => s.name).join('; ') },
          { label: 'Phạm vi', children: d.scope || '—' },
          { label: 'Nội dung', children: d.content || '—' },
          { label: 'Căn cứ áp dụng', children: d.ruleSetKey ? RULE_SETS[d.ruleSetKey] ?? d.ruleSetKey : 'Xác định khi ban hành quyết định thành lập Đoàn' },
          { label: 'Quyết định thành lập', children: d.foundingDocumentId ? <Space>{fmtDate(d.foundedOn)}<a href={`/api/councils/${councilId}/documents/${d.foundingDocumentId}/download`}>Tải văn bản</a></Space> : 'Chưa ban hành' },
        ]} />
        <ConflictAlert conflicts={d.conflicts} reason={d.overlapReason} />
      </Card>
      {d.team.length > 0 && (
        <Card size="small" title="Thành phần Đoàn giám sát" style={{ marginBottom: 16 }}>
          <ResponsiveTable rowKey="id" size="small" pagination={false} dataSource={d.team} columns={[
            { title: 'Họ và tên', dataIndex: 'fullName' }, { title: 'Chức vụ', dataIndex: 'position', responsive: ['md'] }, { title: 'Nhiệm vụ', dataIndex: 'role', width: 150, render: (r: string) => ROLE_LABELS[r] ?? r },
          ]} />
        </Card>
      )}
      <Card size="small" title="Thông báo đến đối tượng chịu giám sát" style={{ marginBottom: 16 }}>
        <ResponsiveTable<Notice> rowKey="id" size="small" pagination={false} dataSource={d.notices} locale={{ emptyText: 'Các thông báo và hạn được tính khi ban hành quyết định thành lập Đoàn.' }} columns={[
          { title: 'Thông báo', dataIndex: 'stepLabel', render: (l: string, n) => <div>{l}<div style={{ fontSize: 12, color: '#6b7280' }}>{n.agencyName}</div></div> },
          { title: 'Hạn', dataIndex: 'dueDate', width: 150, render: (v: string | null) => (v ? fmtDate(v) : <Typography.Text type="secondary">Chưa có mốc tính</Typography.Text>) },
          { title: 'Đã gửi', dataIndex: 'sentOn', width: 170, render: (v: string | null, n) => (v ? fmtDate(v) : mayEdit ? <Button size="small" onClick={() => sent(n)}>Ghi đã gửi hôm nay</Button> : '—') },
        ]} />
      </Card>
      <Card size="small" title="Lịch làm việc" style={{ marginBottom: 16 }}>
        <ResponsiveTable rowKey="id" size="small" pagination={false} dataSource={d.workingSessions} locale={{ emptyText: 'Chưa có buổi làm việc.' }} columns={[
          { title: 'Ngày', dataIndex: 'date', width: 130, render: fmtDate }, { title: 'Giờ', dataIndex: 'time', width: 80 }, { title: 'Làm việc với', dataIndex: 'agencyName' }, { title: 'Địa điểm', dataIndex: 'place', responsive: ['md'] },
        ]} />
      </Card>
      <Card size="small" title="Báo cáo, tài liệu của đối tượng chịu giám sát">
        <ResponsiveTable rowKey="id" size="small" pagination={false} dataSource={d.files} locale={{ emptyText: 'Chưa có tệp nào.' }} columns={[
          { title: 'Tài liệu', dataIndex: 'title', render: (t: string, f: Detail['files'][number]) => <a href={`/api/councils/${councilId}/oversight-activities/${d.id}/files/${f.id}`}>{t}</a> },
          { title: 'Cơ quan gửi', dataIndex: 'agencyName', responsive: ['md'] }, { title: 'Lúc', dataIndex: 'createdAt', width: 160, render: fmtDateTime },
        ]} />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}><Link to={`/councils/${councilId}/oversight/${d.program.id}`}>← {d.program.title}</Link></Typography.Paragraph>
      {founding && <FoundingModal councilId={councilId} activityId={d.id} onClose={() => setFounding(false)} onDone={a.reload} />}
      {session && <SessionModal councilId={councilId} activity={d} onClose={() => setSession(false)} onDone={a.reload} />}
    </Page>
  );
}

function FoundingModal(props: { councilId: string; activityId: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const r = await api.post<{ document: { symbol: string } }>(`/councils/${props.councilId}/oversight-activities/${props.activityId}/founding`, v);
    message.success(`Đã ban hành quyết định số ${r.document.symbol}.`);
    props.onDone();
    props.onClose();
  });
  return (
    <Modal open width={680} title="Quyết định thành lập Đoàn giám sát" okText="Ban hành" cancelText="Hủy" onOk={submit} confirmLoading={busy} onCancel={props.onClose}>
      <Form form={form} layout="vertical" initialValues={{ team: [{ role: 'leader' }, { role: 'member' }] }}>
        <Form.List name="team">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'fullName']} rules={[{ required: true, message: 'Họ tên?' }]}><Input placeholder="Họ và tên" /></Form.Item>
                  <Form.Item name={[f.name, 'position']}><Input placeholder="Chức vụ, đơn vị" /></Form.Item>
                  <Form.Item name={[f.name, 'role']}><Select style={{ width: 150 }} options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="Bỏ thành viên" />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ role: 'member' })}>Thêm thành viên</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="signerName" label="Người ký" style={{ marginTop: 12 }} rules={[{ required: true, message: 'Hãy nhập họ tên người ký.' }]}><Input maxLength={100} /></Form.Item>
      </Form>
    </Modal>
  );
}

function SessionModal(props: { councilId: string; activity: Detail; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/councils/${props.councilId}/oversight-activities/${props.activity.id}/working-sessions`, { ...v, date: (v.date as dayjs.Dayjs).format('YYYY-MM-DD') });
    message.success('Đã thêm buổi làm việc; hạn thông báo lịch được tính lại.');
    props.onDone();
    props.onClose();
  });
  return (
    <Modal open title="Thêm buổi làm việc" okText="Thêm" cancelText="Hủy" onOk={submit} confirmLoading={busy} onCancel={props.onClose}>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(props.activity.startDate), time: '08:00', agencyId: props.activity.subjects[0]?.id }}>
        <Form.Item name="date" label="Ngày" rules={[{ required: true }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
        <Form.Item name="time" label="Giờ (giờ:phút)"><Input maxLength={5} /></Form.Item>
        <Form.Item name="agencyId" label="Làm việc với"><Select options={props.activity.subjects.map((s) => ({ value: s.id, label: s.name }))} /></Form.Item>
        <Form.Item name="place" label="Địa điểm"><Input maxLength={300} /></Form.Item>
      </Form>
    </Modal>
  );
}
