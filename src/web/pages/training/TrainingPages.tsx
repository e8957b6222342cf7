// Delegate training (issue #15) for the secretariat: courses with their required audience and the
// coverage of this council and the councils below; a course's classes (a local class relays a
// trainers' class), materials; a class's sessions, enrolment (the required audience in one click),
// attendance and completion, certificates; the report of who has not completed required training.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi, usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { fmtDate, fmtPercent, fmtSize, isoDay } from '../../lib/format.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { uploadForm } from '../../lib/upload.ts';
import { downloadFile, ExportButton } from '../documents/shared.tsx';

type Rule = { kind: string; bodyKind?: string; bodyId?: string; roles?: string[]; label: string };
type CourseRow = { id: string; title: string; programme: string; host: string; modeLabel: string; required: boolean; audience: Rule[]; classCount: number };
type Coverage = { councilId: string; councilName: string; own: boolean; termName: string | null; delegates: number; covered: number; coverage: number | null; required: number; requiredCompleted: number; notCompleted: number };
type ClassSummary = { id: string; title: string; kind: string; state: string; kindLabel: string; stateLabel: string; startsOn: string; endsOn: string; place: string; sessionCount: number; enrolled: number; completed: number; parent: { id: string; title: string } | null };
type CourseDetail = CourseRow & { description: string; termName: string; share: { value: number; verified: boolean; source: string }; figures: { audience: number; completed: number; enrolled: number }; classes: ClassSummary[]; materials: { id: string; title: string; fileName: string; size: number }[] };
type Enrolment = { id: string; delegateId: string; fullName: string; position: string; councilName: string; stateLabel: string; state: string; reason: string; present: number; needed: number; completion: string; completionLabel: string; certificateDocumentId: string | null; marks: Record<string, { status: string; label: string }> };
type ClassDetail = ClassSummary & { link: string; trainers: { name: string }[]; course: { id: string; title: string }; share: { value: number; verified: boolean }; sessions: { id: string; position: number; heldOn: string; topic: string; held: boolean; present: number; marked: number }[]; enrolments: Enrolment[]; children: { id: string; title: string; councilName: string; startsOn: string }[] };
type ReportRow = { delegateId: string; fullName: string; position: string; bodies: { id: string; name: string }[]; courseTitle: string; standing: string; standingLabel: string; present: number; sessionCount: number; needed: number; reason: string };

const COMPLETION_COLOR: Record<string, string> = { completed: 'green', in_progress: 'blue', not_completed: 'red', excused: 'gold', no_sessions: 'default', not_enrolled: 'default' };
const crumbs = (councilId: string, more: { title: string; to?: string }[] = []) => [{ title: 'Bồi dưỡng đại biểu', to: `/councils/${councilId}/training` }, ...more];

const AUDIENCE_OPTIONS = [
  { value: 'new_delegates', label: 'Đại biểu lần đầu trúng cử', rule: { kind: 'new_delegates' } },
  { value: 'all_delegates', label: 'Tất cả đại biểu của khóa', rule: { kind: 'all_delegates' } },
  { value: 're_elected_delegates', label: 'Đại biểu tái cử', rule: { kind: 're_elected_delegates' } },
  { value: 'standing', label: 'Thành viên Thường trực HĐND', rule: { kind: 'body_kind', bodyKind: 'standing' } },
  { value: 'committee', label: 'Thành viên các Ban', rule: { kind: 'body_kind', bodyKind: 'committee' } },
  { value: 'committee_leads', label: 'Trưởng, phó các Ban', rule: { kind: 'body_kind', bodyKind: 'committee', roles: ['chair', 'vice_chair'] } },
  { value: 'group_leads', label: 'Tổ trưởng, tổ phó Tổ đại biểu', rule: { kind: 'body_kind', bodyKind: 'delegate_group', roles: ['chair', 'vice_chair'] } },
];

export function TrainingPage() {
  const { councilId } = useParams() as { councilId: string };
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const table = usePagedTable<CourseRow>(`/councils/${councilId}/training-courses`);
  const coverage = useApi<{ items: Coverage[] }>(`/councils/${councilId}/training-coverage`);
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <Page title="Khóa, lớp bồi dưỡng đại biểu" crumbs={crumbs(councilId)} extra={<Space wrap><Link to={`/councils/${councilId}/training/report`}><Button>Chưa hoàn thành bồi dưỡng</Button></Link><Button type="primary" onClick={() => setCreating(true)}>Tạo khóa bồi dưỡng</Button></Space>}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {coverage.data && (
          <Card title="Tỷ lệ đại biểu đã hoàn thành bồi dưỡng">
            <ResponsiveTable<Coverage> rowKey="councilId" size="small" pagination={false} dataSource={coverage.data.items} columns={[
              { title: 'Hội đồng nhân dân', dataIndex: 'councilName', render: (v: string, r) => <div><strong>{v}</strong><div style={{ color: '#6b7280', fontSize: 12 }}>{r.termName ?? 'Chưa có nhiệm kỳ'}</div></div> },
              { title: 'Đại biểu', dataIndex: 'delegates', width: 90 },
              { title: 'Đã hoàn thành ít nhất một khóa', key: 'cov', width: 200, render: (_: unknown, r) => `${r.covered} (${fmtPercent(r.coverage ?? 0)})` },
              { title: 'Chưa hoàn thành bồi dưỡng bắt buộc', key: 'nc', width: 200, render: (_: unknown, r) => (r.notCompleted ? <Link to={`/councils/${councilId}/training/report?council=${r.councilId}`}><Tag color="red">{r.notCompleted} đại biểu</Tag></Link> : <Tag color="green">Không còn</Tag>) },
            ]} />
          </Card>
        )}
        <Card>
          <ResponsiveTable<CourseRow> rowKey="id" size="middle" {...table.tableProps} locale={{ emptyText: 'Chưa có khóa bồi dưỡng nào trong nhiệm kỳ.' }} columns={[
            { title: 'Khóa bồi dưỡng', dataIndex: 'title', render: (v: string, r) => <div><Link to={`/councils/${councilId}/training/courses/${r.id}`}><strong>{v}</strong></Link><div style={{ color: '#6b7280', fontSize: 12 }}>{[r.host, r.modeLabel].filter(Boolean).join(' · ')}</div></div> },
            { title: 'Đối tượng phải tham dự', key: 'aud', render: (_: unknown, r) => <div>{r.audience.map((a) => <Tag key={a.label}>{a.label}</Tag>)}{!r.required && <Tag color="default">Không bắt buộc</Tag>}</div> },
            { title: 'Số lớp', dataIndex: 'classCount', width: 90 },
          ]} />
        </Card>
      </Space>
      {creating && <CourseModal councilId={councilId} onClose={() => setCreating(false)} onDone={(id) => navigate(`/councils/${councilId}/training/courses/${id}`)} />}
    </Page>
  );
}

function CourseModal(props: { councilId: string; onClose(): void; onDone(id: string): void }) {
  const [form] = Form.useForm();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const audience = (v.audience as string[] ?? []).map((k) => AUDIENCE_OPTIONS.find((o) => o.value === k)!.rule);
    const c = await api.post<{ id: string }>(`/councils/${props.councilId}/training-courses`, {
      title: v.title, programme: v.programme || undefined, host: v.host || undefined, mode: v.mode, audience, required: v.required,
      completionShare: v.share ? v.share / 100 : null,
    });
    message.success('Đã tạo khóa bồi dưỡng.');
    props.onDone(c.id);
  });
  return (
    <Modal open title="Tạo khóa bồi dưỡng đại biểu" onCancel={props.onClose} onOk={submit} okText="Tạo khóa" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ mode: 'in_person', required: true, audience: ['new_delegates'] }}>
        <Form.Item name="title" label="Tên khóa" rules={[{ required: true, message: 'Hãy nhập tên khóa.' }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="programme" label="Thuộc chương trình, kế hoạch bồi dưỡng"><Input maxLength={300} /></Form.Item>
        <Form.Item name="host" label="Cơ quan tổ chức"><Input maxLength={300} /></Form.Item>
        <Form.Item name="mode" label="Hình thức"><Radio.Group options={[{ value: 'in_person', label: 'Trực tiếp' }, { value: 'online', label: 'Trực tuyến' }, { value: 'mixed', label: 'Kết hợp' }]} /></Form.Item>
        <Form.Item name="audience" label="Đối tượng phải tham dự (tính từ danh sách đại biểu, các Ban, Tổ đại biểu)"><Checkbox.Group options={AUDIENCE_OPTIONS.map(({ value, label }) => ({ value, label }))} style={{ display: 'grid', gap: 4 }} /></Form.Item>
        <Form.Item name="required" valuePropName="checked"><Checkbox>Bồi dưỡng bắt buộc (tính vào báo cáo chưa hoàn thành)</Checkbox></Form.Item>
        <Form.Item name="share" label="Tỷ lệ buổi học phải tham dự để hoàn thành (%)" extra="Để trống: dùng mặc định 80% (chưa có văn bản quy định, chưa kiểm chứng)."><InputNumber min={1} max={100} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function TrainingCoursePage() {
  const { councilId, courseId } = useParams() as { councilId: string; courseId: string };
  const navigate = useNavigate();
  const { data, error, reload } = useApi<CourseDetail>(`/councils/${councilId}/training-courses/${courseId}`);
  const [opening, setOpening] = useState(false);
  if (error) return <ErrorView error={error} />;
  if (!data) return <Loading />;
  const upload = async (file: File) => {
    const form = new FormData();
    form.set('file', file);
    try {
      await uploadForm(`/councils/${councilId}/training-courses/${courseId}/materials`, form);
      message.success('Đã tải lên tài liệu.');
      reload();
    } catch (err) {
      showError(err);
    }
    return false;
  };
  return (
    <Page title={data.title} subtitle={data.termName} crumbs={crumbs(councilId, [{ title: data.title }])} extra={<Button type="primary" onClick={() => setOpening(true)}>Mở lớp</Button>}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" items={[
            { key: 'a', label: 'Đối tượng phải tham dự', children: data.audience.map((a) => a.label).join('; ') || '—' },
            { key: 'f', label: 'Kết quả', children: `${data.figures.completed}/${data.figures.audience} đại biểu đã hoàn thành; ${data.figures.enrolled} đã ghi danh` },
            { key: 's', label: 'Điều kiện hoàn thành', children: <span>Tham dự ít nhất {fmtPercent(Math.round(data.share.value * 100))} số buổi {!data.share.verified && <Tag color="gold">Mặc định, chưa kiểm chứng</Tag>}</span> },
            { key: 'h', label: 'Tổ chức', children: [data.host, data.modeLabel].filter(Boolean).join(' · ') },
          ]} />
        </Card>
        <Card title="Các lớp">
          <ResponsiveTable<ClassSummary> rowKey="id" size="middle" pagination={false} dataSource={data.classes} locale={{ emptyText: 'Chưa mở lớp nào.' }} columns={[
            { title: 'Lớp', dataIndex: 'title', render: (v: string, r) => <div><Link to={`/councils/${councilId}/training/classes/${r.id}`}><strong>{v}</strong></Link><div style={{ color: '#6b7280', fontSize: 12 }}>{r.kindLabel}{r.parent ? ` · nhân rộng từ "${r.parent.title}"` : ''}</div></div> },
            { title: 'Thời gian', key: 't', width: 200, render: (_: unknown, r) => `${fmtDate(r.startsOn)} – ${fmtDate(r.endsOn)}` },
            { title: 'Trạng thái', dataIndex: 'stateLabel', width: 130 },
            { title: 'Hoàn thành', key: 'c', width: 130, render: (_: unknown, r) => `${r.completed}/${r.enrolled}` },
          ]} />
        </Card>
        <Card title="Tài liệu" extra={<Upload beforeUpload={upload} showUploadList={false}><Button>Tải lên tài liệu</Button></Upload>}>
          {data.materials.length === 0 ? <Typography.Text type="secondary">Chưa có tài liệu.</Typography.Text> : data.materials.map((m) => (
            <div key={m.id}><Button type="link" style={{ padding: 0 }} onClick={() => downloadFile(`/councils/${councilId}/training-courses/${courseId}/materials/${m.id}`, { fallbackName: m.fileName }).catch(showError)}>{m.title}</Button> <Typography.Text type="secondary">({fmtSize(m.size)})</Typography.Text></div>
          ))}
        </Card>
      </Space>
      {opening && <ClassModal councilId={councilId} courseId={courseId} onClose={() => setOpening(false)} onDone={(id) => navigate(`/councils/${councilId}/training/classes/${id}`)} />}
    </Page>
  );
}

function ClassModal(props: { councilId: string; courseId: string; onClose(): void; onDone(id: string): void }) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const parentId = Form.useWatch('parentClassId', form);
  const parents = useApi<{ items: { id: string; title: string; councilName: string; startsOn: string; trainees: { delegateId: string; fullName: string }[] }[] }>(kind === 'local' ? `/councils/${props.councilId}/training-trainer-classes` : null, { pageSize: 100 });
  const trainees = parents.data?.items.find((p) => p.id === parentId)?.trainees ?? [];
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const sessions = (v.sessions ?? []).filter((s: { day?: dayjs.Dayjs; topic?: string }) => s?.day && s.topic).map((s: { day: dayjs.Dayjs; topic: string }) => ({ heldOn: isoDay(s.day), topic: s.topic }));
    const c = await api.post<{ id: string }>(`/councils/${props.councilId}/training-courses/${props.courseId}/classes`, {
      kind: v.kind, title: v.title, place: v.place || undefined, startsOn: isoDay(v.period[0]), endsOn: isoDay(v.period[1]), sessions,
      parentClassId: v.kind === 'local' ? v.parentClassId : undefined,
      trainers: v.kind === 'local' ? (v.trainerIds ?? []).map((id: string) => ({ name: trainees.find((t) => t.delegateId === id)?.fullName ?? '', delegateId: id })) : undefined,
    });
    message.success('Đã mở lớp.');
    props.onDone(c.id);
  });
  return (
    <Modal open title="Mở lớp bồi dưỡng" onCancel={props.onClose} onOk={submit} okText="Mở lớp" cancelText="Hủy" confirmLoading={busy} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'regular', period: [dayjs(), dayjs()], sessions: [{ day: dayjs(), topic: '' }] }}>
        <Form.Item name="kind" label="Loại lớp"><Radio.Group options={[{ value: 'regular', label: 'Lớp bồi dưỡng' }, { value: 'trainers', label: 'Lớp báo cáo viên' }, { value: 'local', label: 'Lớp nhân rộng' }]} /></Form.Item>
        <Form.Item name="title" label="Tên lớp" rules={[{ required: true, message: 'Hãy nhập tên lớp.' }]}><Input maxLength={300} /></Form.Item>
        {kind === 'local' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="Lớp nhân rộng gắn với lớp báo cáo viên (của HĐND này hoặc cấp trên); báo cáo viên phải là học viên của lớp đó." />}
        {kind === 'local' && <Form.Item name="parentClassId" label="Lớp báo cáo viên được nhân rộng" rules={[{ required: true, message: 'Hãy chọn lớp báo cáo viên.' }]}><Select options={(parents.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.title} (${p.councilName}, ${fmtDate(p.startsOn)})` }))} /></Form.Item>}
        {kind === 'local' && <Form.Item name="trainerIds" label="Báo cáo viên (học viên của lớp báo cáo viên)" rules={[{ required: true, message: 'Hãy chọn báo cáo viên.' }]}><Select mode="multiple" options={trainees.map((t) => ({ value: t.delegateId, label: t.fullName }))} notFoundContent="Lớp báo cáo viên chưa có học viên của HĐND này." /></Form.Item>}
        <Form.Item name="period" label="Thời gian" rules={[{ required: true, message: 'Hãy chọn thời gian.' }]}><DatePicker.RangePicker format="DD/MM/YYYY" /></Form.Item>
        <Form.Item name="place" label="Địa điểm"><Input maxLength={500} /></Form.Item>
        <Form.List name="sessions">
          {(fields, { add, remove }) => (
            <div>
              <Typography.Text strong>Các buổi học</Typography.Text>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[f.name, 'day']} noStyle><DatePicker format="DD/MM/YYYY" aria-label={`Ngày buổi ${f.name + 1}`} /></Form.Item>
                  <Form.Item name={[f.name, 'topic']} noStyle><Input placeholder="Chủ đề" aria-label={`Chủ đề buổi ${f.name + 1}`} style={{ width: 280, maxWidth: '100%' }} /></Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>Bỏ</Button>
                </Space>
              ))}
              <Button style={{ marginTop: 8 }} onClick={() => add({ day: dayjs(), topic: '' })}>Thêm buổi học</Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export function TrainingClassPage() {
  const { councilId, classId } = useParams() as { councilId: string; classId: string };
  const { data, error, reload } = useApi<ClassDetail>(`/councils/${councilId}/training-classes/${classId}`);
  const [marking, setMarking] = useState<ClassDetail['sessions'][number] | null>(null);
  const [certifying, setCertifying] = useState<Enrolment | null>(null);
  const [busy, setBusy] = useState(false);
  if (error) return <ErrorView error={error} />;
  if (!data) return <Loading />;
  const run = async (f: () => Promise<unknown>, ok: string | null) => {
    setBusy(true);
    try {
      await f();
      if (ok) message.success(ok);
      reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const enrolAudience = () => run(async () => {
    const r = await api.post<{ added: number; alreadyEnrolled: number; alreadyCompleted: number }>(`/councils/${councilId}/training-classes/${classId}/enrol-audience`, {});
    message.success(`Đã ghi danh ${r.added} đại biểu (đã có trong lớp ${r.alreadyEnrolled}; đã hoàn thành khóa ${r.alreadyCompleted}).`);
  }, null);
  return (
    <Page title={data.title} subtitle={`${data.kindLabel} · ${data.course.title}`} crumbs={crumbs(councilId, [{ title: data.course.title, to: `/councils/${councilId}/training/courses/${data.course.id}` }, { title: data.title }])}
      extra={<Space wrap><Button type="primary" loading={busy} onClick={enrolAudience} disabled={data.state === 'finished'}>Ghi danh đối tượng phải tham dự</Button>{data.state !== 'finished' && <Button onClick={() => run(() => api.post(`/councils/${councilId}/training-classes/${classId}/state`, { state: 'finished' }), 'Đã kết thúc lớp.')}>Kết thúc lớp</Button>}</Space>}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" items={[
            { key: 't', label: 'Thời gian', children: `${fmtDate(data.startsOn)} – ${fmtDate(data.endsOn)}` },
            { key: 's', label: 'Trạng thái', children: data.stateLabel },
            { key: 'p', label: 'Địa điểm', children: data.place || '—' },
            { key: 'r', label: 'Hoàn thành khi', children: `tham dự ít nhất ${fmtPercent(Math.round(data.share.value * 100))} số buổi` },
            ...(data.trainers.length ? [{ key: 'tr', label: 'Báo cáo viên', children: data.trainers.map((t) => t.name).join(', ') }] : []),
            ...(data.children.length ? [{ key: 'ch', label: 'Lớp nhân rộng', children: data.children.map((c) => `${c.title} (${c.councilName})`).join('; ') }] : []),
          ]} />
        </Card>
        <Card title="Buổi học">
          <ResponsiveTable rowKey="id" size="small" pagination={false} dataSource={data.sessions} locale={{ emptyText: 'Chưa có buổi học.' }} columns={[
            { title: 'Buổi', dataIndex: 'position', width: 190, render: (v: number, s) => <strong>Buổi {v} · {fmtDate(s.heldOn)}</strong> },
            { title: 'Chủ đề', dataIndex: 'topic' },
            { title: 'Có mặt', key: 'p', width: 120, render: (_: unknown, s) => (s.marked ? `${s.present}/${data.enrolments.length}` : 'Chưa điểm danh') },
            { title: '', key: 'actions', width: 130, render: (_: unknown, s) => <Button size="small" disabled={!s.held || data.enrolments.length === 0} onClick={() => setMarking(s)}>Điểm danh</Button> },
          ]} />
        </Card>
        <Card title={`Học viên (${data.enrolments.length})`}>
          <ResponsiveTable<Enrolment> rowKey="id" size="small" pagination={false} dataSource={data.enrolments} locale={{ emptyText: 'Chưa ghi danh ai.' }} columns={[
            { title: 'Đại biểu', dataIndex: 'fullName', render: (v: string, e) => <div><strong>{v}</strong><div style={{ color: '#6b7280', fontSize: 12 }}>{e.position} · {e.councilName}</div></div> },
            { title: 'Tham dự', key: 'pr', width: 110, render: (_: unknown, e) => `${e.present}/${data.sessions.length} (cần ${e.needed})` },
            { title: 'Kết quả', key: 'c', width: 170, render: (_: unknown, e) => <div><Tag color={COMPLETION_COLOR[e.completion]}>{e.completionLabel}</Tag>{e.reason && <div style={{ fontSize: 12 }}>{e.reason}</div>}</div> },
            { title: '', key: 'actions', width: 150, render: (_: unknown, e) => (e.completion === 'completed' ? (e.certificateDocumentId ? <Tag color="green">Đã cấp giấy chứng nhận</Tag> : <Button size="small" onClick={() => setCertifying(e)}>Cấp giấy chứng nhận</Button>) : null) },
          ]} />
        </Card>
      </Space>
      {certifying && <CertificateModal councilId={councilId} enrolment={certifying} onClose={() => setCertifying(null)} onDone={() => { setCertifying(null); reload(); }} />}
      {marking && <AttendanceModal councilId={councilId} session={marking} enrolments={data.enrolments} onClose={() => setMarking(null)} onDone={() => { setMarking(null); reload(); }} />}
    </Page>
  );
}

function CertificateModal(props: { councilId: string; enrolment: Enrolment; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ signerName: string; signerTitle?: string }>();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const doc = await api.post<{ symbol: string; downloadPath: string; fileName: string }>(`/councils/${props.councilId}/training-enrolments/${props.enrolment.id}/certificate`, { signerName: v.signerName, signerTitle: v.signerTitle || undefined });
    await downloadFile(doc.downloadPath.replace(/^\/api/, ''), { fallbackName: doc.fileName });
    message.success(`Đã cấp giấy chứng nhận số ${doc.symbol}.`);
    props.onDone();
  });
  return (
    <Modal open title={`Giấy chứng nhận: ${props.enrolment.fullName}`} onCancel={props.onClose} onOk={submit} okText="Cấp giấy chứng nhận (.docx)" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="signerName" label="Họ và tên người ký" rules={[{ required: true, message: 'Hãy nhập họ tên người ký.' }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="signerTitle" label="Chức vụ người ký" extra="Để trống: Chủ tịch."><Input maxLength={100} /></Form.Item>
      </Form>
    </Modal>
  );
}

function AttendanceModal(props: { councilId: string; session: ClassDetail['sessions'][number]; enrolments: Enrolment[]; onClose(): void; onDone(): void }) {
  const [marks, setMarks] = useState<Record<string, string>>(() => Object.fromEntries(props.enrolments.filter((e) => e.state !== 'excused').map((e) => [e.delegateId, e.marks[props.session.id]?.status ?? 'present'])));
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await api.post(`/councils/${props.councilId}/training-sessions/${props.session.id}/attendance`, { marks: Object.entries(marks).map(([delegateId, status]) => ({ delegateId, status })) });
      message.success('Đã điểm danh.');
      props.onDone();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`Điểm danh buổi ${props.session.position} (${fmtDate(props.session.heldOn)})`} onCancel={props.onClose} onOk={submit} okText="Lưu điểm danh" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Table rowKey="delegateId" size="small" pagination={false} dataSource={props.enrolments.filter((e) => e.state !== 'excused')} columns={[
        { title: 'Đại biểu', dataIndex: 'fullName' },
        { title: 'Tình trạng', key: 's', render: (_: unknown, e) => (
          <Select aria-label={`Điểm danh ${e.fullName}`} value={marks[e.delegateId]} style={{ width: 170 }} onChange={(v) => setMarks((m) => ({ ...m, [e.delegateId]: v }))}
            options={[{ value: 'present', label: 'Có mặt' }, { value: 'absent_excused', label: 'Vắng có lý do' }, { value: 'absent', label: 'Vắng không lý do' }]} />
        ) },
      ]} />
    </Modal>
  );
}

export function TrainingReportPage() {
  const { councilId } = useParams() as { councilId: string };
  const params = new URLSearchParams(window.location.search);
  const [council, setCouncil] = useState<string>(params.get('council') ?? councilId);
  const [bodyId, setBodyId] = useState<string | undefined>();
  const [courseId, setCourseId] = useState<string | undefined>();
  const coverage = useApi<{ items: Coverage[] }>(`/councils/${councilId}/training-coverage`);
  const bodies = useApi<{ items: { id: string; name: string }[] }>(council === councilId ? `/councils/${councilId}/bodies` : null, { pageSize: 200 });
  const courses = useApi<{ items: CourseRow[] }>(council === councilId ? `/councils/${councilId}/training-courses` : null, { pageSize: 200 });
  const filters = { council: council === councilId ? undefined : council, bodyId, courseId };
  const table = usePagedTable<ReportRow>(`/councils/${councilId}/training-report`, filters);
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <Page title="Đại biểu chưa hoàn thành bồi dưỡng bắt buộc" crumbs={crumbs(councilId, [{ title: 'Chưa hoàn thành bồi dưỡng' }])}>
      <Card>
        <div className="nt-toolbar">
          <Select aria-label="Hội đồng nhân dân" value={council} style={{ width: 300, maxWidth: '100%' }} onChange={(v) => { setCouncil(v); setBodyId(undefined); setCourseId(undefined); }}
            options={(coverage.data?.items ?? [{ councilId, councilName: 'HĐND này' } as Coverage]).map((c) => ({ value: c.councilId, label: c.councilName }))} />
          {council === councilId && <Select aria-label="Cơ quan của HĐND" allowClear placeholder="Mọi Ban, Tổ đại biểu" value={bodyId} onChange={setBodyId} style={{ width: 240, maxWidth: '100%' }} options={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))} />}
          {council === councilId && <Select aria-label="Khóa bồi dưỡng" allowClear placeholder="Mọi khóa bắt buộc" value={courseId} onChange={setCourseId} style={{ width: 280, maxWidth: '100%' }} options={(courses.data?.items ?? []).filter((c) => c.required).map((c) => ({ value: c.id, label: c.title }))} />}
          <ExportButton path={`/councils/${councilId}/training-report.xlsx`} query={filters} label="Xuất Excel" />
        </div>
        <ResponsiveTable<ReportRow> rowKey={(r) => `${r.delegateId}:${r.courseTitle}`} size="middle" {...table.tableProps} locale={{ emptyText: 'Mọi đại biểu đã hoàn thành bồi dưỡng bắt buộc.' }} columns={[
          { title: 'Đại biểu', dataIndex: 'fullName', render: (v: string, r) => <div><strong>{v}</strong><div style={{ color: '#6b7280', fontSize: 12 }}>{[r.position, ...r.bodies.map((b) => b.name)].filter(Boolean).join(' · ')}</div></div> },
          { title: 'Khóa bắt buộc', dataIndex: 'courseTitle' },
          { title: 'Tình trạng', key: 's', width: 220, render: (_: unknown, r) => <div><Tag color={COMPLETION_COLOR[r.standing]}>{r.standingLabel}</Tag>{r.sessionCount > 0 && <div style={{ fontSize: 12 }}>Tham dự {r.present}/{r.sessionCount} buổi, cần {r.needed}</div>}{r.reason && <div style={{ fontSize: 12 }}>{r.reason}</div>}</div> },
        ]} />
      </Card>
    </Page>
  );
}
