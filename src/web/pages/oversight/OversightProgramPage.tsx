// One supervision programme: its activities, each with its overlap warnings (one sentence per
// conflict), adding and changing activities (the check runs on every change and the answer's
// warnings are shown at once), adoption (a reason is required over an overlap), publication,
// and the versions (adoption, amendments) with the conflicts and reasons recorded.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Form, Input, List, Modal, Space, Tag, Timeline, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { useApi, useFormSubmit } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { fmtDate, todayIso } from '../../lib/format.ts';
import dayjs from 'dayjs';
import { ActivityFields, ConflictAlert, Period, PROGRAM_STATE_COLORS, activityBody, useMayEdit, type ActivityRow, type ProgramRow, type Sentence } from './shared.tsx';

interface Version { id: string; version: number; kind: string; decidedOn: string; resolutionNumber: string; overlapReason: string; note: string; conflicts: { sentence: string }[] }
type Detail = ProgramRow & { activities: ActivityRow[]; versions: Version[] };

export function OversightProgramPage() {
  const { councilId, programId } = useParams() as { councilId: string; programId: string };
  const p = useApi<Detail>(`/councils/${councilId}/oversight-programs/${programId}`);
  const mayEdit = useMayEdit(councilId, p.data?.bodyId) && !!p.data?.own;
  const [adding, setAdding] = useState(false);
  const [adopting, setAdopting] = useState(false);
  const [fresh, setFresh] = useState<{ title: string; conflicts: Sentence[] } | null>(null);
  if (p.error) return <ErrorView error={p.error} />;
  if (!p.data) return <Loading />;
  const d = p.data;
  const overlaps = d.activities.flatMap((a) => a.conflicts.filter((c) => c.type === 'overlap'));
  const publish = async (published: boolean) => {
    try {
      await api.post(`/councils/${councilId}/oversight-programs/${programId}/publication`, { published });
      message.success(published ? 'Đã công khai chương trình trên trang công khai.' : 'Đã thôi công khai.');
      p.reload();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Page
      title={d.title}
      subtitle={<Space wrap><Tag color={PROGRAM_STATE_COLORS[d.state]}>{d.stateLabel}</Tag>{d.adoptedOn && <span>Thông qua ngày {fmtDate(d.adoptedOn)}{d.resolutionNumber ? ` (${d.resolutionNumber})` : ''}</span>}{d.publishedAt && <Tag color="cyan">Đã công khai</Tag>}</Space>}
      crumbs={[{ title: 'Giám sát' }, { title: 'Chương trình giám sát', to: `/councils/${councilId}/oversight` }, { title: d.bodyName }]}
      extra={mayEdit && (
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>Thêm hoạt động</Button>
          <Button type="primary" onClick={() => setAdopting(true)} disabled={!d.activities.length}>{d.state === 'draft' ? 'Thông qua chương trình' : 'Ghi điều chỉnh'}</Button>
          {d.state !== 'draft' && <Button onClick={() => publish(!d.publishedAt)}>{d.publishedAt ? 'Thôi công khai' : 'Công khai'}</Button>}
        </Space>
      )}
    >
      {fresh && fresh.conflicts.length > 0 && (
        <Alert type="warning" showIcon closable onClose={() => setFresh(null)} style={{ marginBottom: 12 }} title={`Hoạt động "${fresh.title}" trùng lặp với hoạt động giám sát khác`}
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{fresh.conflicts.map((c) => <li key={c.otherActivityId}>{c.sentence}</li>)}</ul>} />
      )}
      {overlaps.length > 0 && d.state === 'draft' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`Chương trình có ${overlaps.length} trùng lặp: khi thông qua cần ghi rõ lý do (hoặc điều chỉnh thời gian, đối tượng, nội dung).`} />
      )}
      <Card title={`Hoạt động (${d.activities.length})`} style={{ marginBottom: 16 }}>
        <List
          dataSource={d.activities}
          locale={{ emptyText: 'Chưa có hoạt động nào.' }}
          renderItem={(a) => (
            <List.Item key={a.id} data-testid="activity">
              <div style={{ width: '100%' }}>
                <Space wrap size={6}>
                  <Link to={`/councils/${councilId}/oversight-activities/${a.id}`}><Typography.Text strong>{a.title}</Typography.Text></Link>
                  <Tag>{a.kindLabel}</Tag>
                  <Tag color={a.state === 'planned' ? 'default' : 'blue'}>{a.stateLabel}</Tag>
                </Space>
                <div style={{ color: '#4b5563', fontSize: 13, marginTop: 4 }}>
                  <Period from={a.startDate} to={a.endDate} /> · Đối tượng: {a.subjects.map((s) => s.name).join('; ')}
                </div>
                <ConflictAlert conflicts={a.conflicts} reason={a.overlapReason} />
              </div>
            </List.Item>
          )}
        />
      </Card>
      {d.versions.length > 0 && (
        <Card title="Thông qua và điều chỉnh">
          <Timeline items={d.versions.map((v) => ({
            children: (
              <div>
                <b>{v.kind === 'adopted' ? 'Thông qua' : 'Điều chỉnh'}</b> ngày {fmtDate(v.decidedOn)}{v.resolutionNumber ? ` (${v.resolutionNumber})` : ''}
                {v.note && <div>{v.note}</div>}
                {v.conflicts.length > 0 && <div style={{ color: '#92400e' }}>Trùng lặp khi quyết định: {v.conflicts.map((c) => c.sentence).join('; ')}</div>}
                {v.overlapReason && <div>Lý do: {v.overlapReason}</div>}
              </div>
            ),
          }))} />
        </Card>
      )}
      {adding && (
        <ActivityModal councilId={councilId} programId={programId} amending={d.state !== 'draft'} year={d.year} onClose={() => setAdding(false)}
          onDone={(title, conflicts) => { setFresh({ title, conflicts }); p.reload(); }} />
      )}
      {adopting && <AdoptModal councilId={councilId} program={d} conflicts={overlaps} onClose={() => setAdopting(false)} onDone={() => p.reload()} />}
    </Page>
  );
}

function ActivityModal(props: { councilId: string; programId: string; amending: boolean; year: number; onClose(): void; onDone(title: string, conflicts: Sentence[]): void }) {
  const [form] = Form.useForm();
  const [needReason, setNeedReason] = useState<Sentence[] | null>(null);
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const r = await api.post<{ conflicts: Sentence[] }>(`/councils/${props.councilId}/oversight-programs/${props.programId}/activities`, {
      ...activityBody(v), ...(props.amending ? { changeNote: v.changeNote, overlapReason: v.overlapReason } : {}),
    });
    message.success(r.conflicts.length ? 'Đã thêm hoạt động. Có cảnh báo trùng lặp.' : 'Đã thêm hoạt động.');
    props.onDone(v.title, r.conflicts);
    props.onClose();
  }, {
    onError: (err) => {
      if (!(err instanceof ApiError && err.status === 409 && (err.details as { code?: string })?.code === 'overlapReasonRequired')) return false;
      setNeedReason((err.details as { conflicts: Sentence[] }).conflicts);
      return true;
    },
  });
  return (
    <Modal open width={640} title="Thêm hoạt động giám sát" okText="Thêm" cancelText="Hủy" onOk={submit} confirmLoading={busy} onCancel={props.onClose}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'thematic', dates: [dayjs(`${props.year}-03-01`), dayjs(`${props.year}-03-05`)] }}>
        <ActivityFields councilId={props.councilId} />
        {props.amending && (
          <Form.Item name="changeNote" label="Nội dung điều chỉnh chương trình" rules={[{ required: true, message: 'Hãy ghi nội dung điều chỉnh.' }]}>
            <Input.TextArea autoSize={{ minRows: 1 }} />
          </Form.Item>
        )}
        {needReason && (
          <>
            <ConflictAlert conflicts={needReason} />
            <Form.Item name="overlapReason" label="Lý do vẫn điều chỉnh" rules={[{ required: true, message: 'Hãy ghi lý do.' }]} style={{ marginTop: 8 }}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function AdoptModal(props: { councilId: string; program: Detail; conflicts: Sentence[]; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const draft = props.program.state === 'draft';
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/councils/${props.councilId}/oversight-programs/${props.program.id}/adopt`, {
      adoptedOn: v.adoptedOn ? v.adoptedOn.format('YYYY-MM-DD') : undefined, resolutionNumber: v.resolutionNumber, overlapReason: v.overlapReason, note: v.note,
    });
    message.success(draft ? 'Đã thông qua chương trình giám sát.' : 'Đã ghi điều chỉnh chương trình.');
    props.onDone();
    props.onClose();
  });
  return (
    <Modal open width={640} title={draft ? 'Thông qua chương trình giám sát' : 'Ghi điều chỉnh chương trình'} okText={draft ? 'Thông qua' : 'Ghi điều chỉnh'} cancelText="Hủy" onOk={submit} confirmLoading={busy} onCancel={props.onClose}>
      <Form form={form} layout="vertical" initialValues={{ adoptedOn: dayjs(todayIso()), resolutionNumber: props.program.resolutionNumber }}>
        {props.conflicts.length > 0 && <ConflictAlert conflicts={props.conflicts} />}
        <Form.Item name="adoptedOn" label="Ngày thông qua" style={{ marginTop: 8 }}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="resolutionNumber" label={props.program.bodyKind === 'council' ? 'Số nghị quyết' : 'Số kế hoạch (nếu có)'} rules={props.program.bodyKind === 'council' ? [{ required: true, message: 'Hãy nhập số nghị quyết.' }] : []}>
          <Input maxLength={100} />
        </Form.Item>
        {props.conflicts.length > 0 && (
          <Form.Item name="overlapReason" label="Lý do vẫn thông qua khi trùng lặp" rules={[{ required: true, message: 'Hãy ghi rõ lý do vẫn thông qua.' }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        )}
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea autoSize={{ minRows: 1 }} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Xem các hoạt động của cơ quan khác trên <Link to={`/councils/${props.councilId}/oversight-timeline?year=${props.program.year}`}>lịch giám sát</Link>.
      </Typography.Text>
    </Modal>
  );
}
