// Implementation of resolutions: the council's tasks (overdue computed, filters), and the
// agency's own tasks where it files progress and completion reports from its login.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Button, Card, Checkbox, Form, Input, Modal, Radio, Select, Space, Tag } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { message } from '../../lib/feedback.tsx';
import { fmtDate } from '../../lib/format.ts';
import { TASK_COLORS, TASK_STATE_LABELS, TaskDue, type TaskRow } from './shared.tsx';

const stateOptions = Object.entries(TASK_STATE_LABELS).map(([value, label]) => ({ value, label }));

function Filters(p: { state?: string; setState(s?: string): void; overdue: boolean; setOverdue(b: boolean): void }) {
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select allowClear placeholder="Mọi trạng thái" style={{ minWidth: 220 }} value={p.state} onChange={p.setState} options={stateOptions} />
      <Checkbox checked={p.overdue} onChange={(e) => p.setOverdue(e.target.checked)}>Chỉ nhiệm vụ quá hạn</Checkbox>
    </Space>
  );
}

function Reports({ t }: { t: TaskRow }) {
  if (!t.reports.length) return null;
  return <div>{t.reports.map((r) => <div key={r.id} style={{ fontSize: 12, color: '#374151' }}>{fmtDate(r.reportedOn)} · {r.kindLabel}{r.filedVia === 'paper' ? ' (bản giấy)' : ''}: {r.content}</div>)}</div>;
}

export function CouncilTasksPage() {
  const { councilId } = useParams() as { councilId: string };
  const [params] = useSearchParams();
  const [state, setState] = useState<string | undefined>();
  // Opened from the home page's to-do line already filtered (?overdue=true).
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true');
  const table = usePagedTable<TaskRow>(`/councils/${councilId}/resolution-tasks`, { state, overdue: overdue || undefined });
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <Page title="Thực hiện nghị quyết" crumbs={[{ title: 'Nghị quyết', to: `/councils/${councilId}/resolutions` }, { title: 'Thực hiện nghị quyết' }]}>
      <Card>
        <Filters state={state} setState={setState} overdue={overdue} setOverdue={setOverdue} />
        <ResponsiveTable<TaskRow>
          rowKey="id" size="middle" {...table.tableProps} locale={{ emptyText: 'Không có nhiệm vụ nào.' }}
          columns={[
            {
              title: 'Nhiệm vụ', dataIndex: 'title',
              render: (t: string, x) => (
                <div>
                  {t}
                  <div style={{ color: '#6b7280', fontSize: 12 }}>{x.agencyName} · <Link to={`/councils/${councilId}/resolutions/${x.resolutionId}`}>{x.resolution?.label}</Link>{x.provision ? ` · ${x.provision}` : ''}</div>
                  <Reports t={x} />
                </div>
              ),
            },
            { title: 'Hạn', dataIndex: 'due', width: 230, render: (_: string, x) => <TaskDue t={x} /> },
            { title: 'Trạng thái', dataIndex: 'stateLabel', width: 190, render: (l: string, x) => <Tag color={TASK_COLORS[x.state]} style={{ whiteSpace: 'normal' }}>{l}</Tag> },
          ]}
        />
      </Card>
    </Page>
  );
}

export function AgencyTasksPage() {
  const { agencyId } = useParams() as { agencyId: string };
  const [params] = useSearchParams();
  const [state, setState] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const table = usePagedTable<TaskRow>(`/agencies/${agencyId}/resolution-tasks`, { state, overdue: overdue || undefined });
  const [reporting, setReporting] = useState<TaskRow | null>(null);
  if (table.error) return <ErrorView error={table.error} />;
  const focus = params.get('task');
  return (
    <Page title="Nhiệm vụ thực hiện nghị quyết" crumbs={[{ title: 'Nhiệm vụ thực hiện nghị quyết' }]}>
      <Card>
        <Filters state={state} setState={setState} overdue={overdue} setOverdue={setOverdue} />
        <ResponsiveTable<TaskRow>
          rowKey="id" size="middle" {...table.tableProps} locale={{ emptyText: 'Cơ quan chưa được giao nhiệm vụ nào.' }}
          rowClassName={(x) => (x.id === focus ? 'ant-table-row-selected' : '')}
          columns={[
            {
              title: 'Nhiệm vụ', dataIndex: 'title',
              render: (t: string, x) => (
                <div>
                  <b>{t}</b>
                  <div style={{ color: '#6b7280', fontSize: 12 }}>{x.councilName} · {x.resolution?.label}{x.provision ? ` · ${x.provision}` : ''}{x.reportEveryMonths ? ` · báo cáo ${x.reportEveryMonths} tháng một lần` : ''}</div>
                  <Reports t={x} />
                </div>
              ),
            },
            { title: 'Hạn', dataIndex: 'due', width: 230, render: (_: string, x) => <TaskDue t={x} /> },
            { title: 'Trạng thái', dataIndex: 'stateLabel', width: 170, render: (l: string, x) => <Tag color={TASK_COLORS[x.state]} style={{ whiteSpace: 'normal' }}>{l}</Tag> },
            {
              title: '', key: 'act', width: 130,
              render: (_: unknown, x) => (x.state === 'open' || x.state === 'reported') && <Button size="small" type="primary" onClick={() => setReporting(x)}>Gửi báo cáo</Button>,
            },
          ]}
        />
      </Card>
      {reporting && <ReportModal agencyId={agencyId} task={reporting} onClose={() => setReporting(null)} onDone={() => table.reload()} />}
    </Page>
  );
}

function ReportModal({ agencyId, task, onClose, onDone }: { agencyId: string; task: TaskRow; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(`/agencies/${agencyId}/resolution-tasks/${task.id}/reports`, { kind: v.kind, content: v.content });
    message.success('Đã gửi báo cáo.');
    onDone();
    onClose();
  });
  return (
    <Modal open title={`Báo cáo: ${task.title}`} onCancel={onClose} onOk={submit} okText="Gửi báo cáo" cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: task.state === 'reported' ? 'progress' : 'progress' }}>
        <Form.Item name="kind" label="Loại báo cáo">
          <Radio.Group options={[{ value: 'progress', label: 'Báo cáo tiến độ' }, { value: 'completed', label: 'Báo cáo hoàn thành', disabled: task.state === 'reported' }]} />
        </Form.Item>
        <Form.Item name="content" label="Nội dung báo cáo" rules={[{ required: true, message: 'Hãy nhập nội dung báo cáo.' }]}><Input.TextArea rows={5} maxLength={20_000} /></Form.Item>
      </Form>
    </Modal>
  );
}
