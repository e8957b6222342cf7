// The supervising body's pages: reports (draft with recommendations → issued as an ND30 report),
// one report with its recommendations and their status, one recommendation (history, evidence,
// verification and closure, extensions, escalation steps with their documents), the dashboard.
import { useState } from 'react';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Statistic, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AgencySelect } from '../../components/pickers.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi, usePagedTable, useFormSubmit } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { fmtDate, isoDay } from '../../lib/format.ts';
import { History, StatusTags, dueText, type Rec, type RecDetail } from './recommendationShared.tsx';

interface ReportRow {
  id: string;
  title: string;
  state: 'draft' | 'issued';
  issuedOn: string | null;
  bodyName: string | null;
  bodyId: string | null;
  symbol: string | null;
  recommendations: number;
  closed: number;
  isPublic: boolean;
  version: number;
}
interface ReportDetail extends ReportRow {
  scope: string;
  results: string;
  shortcomings: string;
  activityId: string | null;
  downloadPath: string | null;
  recommendations: Rec[] & never;
}
interface BodyRow { id: string; name: string; kind: string }

const crumbs = (councilId: string, extra: { title: React.ReactNode }[] = []) => [{ title: 'Giám sát' }, { title: <Link to={`/councils/${councilId}/oversight-reports`}>Báo cáo và kiến nghị</Link> }, ...extra];

function useBodies(councilId: string) {
  const b = useApi<{ items: BodyRow[] }>(`/councils/${councilId}/bodies`, { pageSize: 200 });
  return (b.data?.items ?? []).filter((x) => x.kind === 'standing' || x.kind === 'committee');
}

// Reports list ------------------------------------------------------------------------------------

export function OversightReportsPage() {
  const { councilId } = useParams() as { councilId: string };
  const navigate = useNavigate();
  const table = usePagedTable<ReportRow>(`/councils/${councilId}/oversight-reports`);
  const [open, setOpen] = useState(false);
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <Page title="Báo cáo giám sát và kiến nghị" crumbs={crumbs(councilId)} extra={
      <Space wrap>
        <Link to={`/councils/${councilId}/recommendation-dashboard`}>Theo dõi kiến nghị</Link>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>Lập báo cáo giám sát</Button>
      </Space>
    }>
      <Card>
        <ResponsiveTable<ReportRow>
          rowKey="id" size="middle" {...table.tableProps}
          locale={{ emptyText: 'Chưa có báo cáo giám sát nào.' }}
          columns={[
            { title: 'Báo cáo', dataIndex: 'title', render: (t: string, r) => <div><Link to={`/councils/${councilId}/oversight-reports/${r.id}`}><strong>{t}</strong></Link><div style={{ color: '#6b7280', fontSize: 12 }}>{r.bodyName ?? 'HĐND'}</div></div> },
            { title: 'Số, ngày', key: 'n', width: 180, render: (_: unknown, r) => (r.state === 'issued' ? `${r.symbol ?? ''} · ${fmtDate(r.issuedOn)}` : 'Dự thảo') },
            { title: 'Kiến nghị', key: 'k', width: 160, render: (_: unknown, r) => `${r.recommendations} kiến nghị, ${r.closed} đã đóng` },
          ]}
        />
      </Card>
      <ReportForm open={open} councilId={councilId} onClose={() => setOpen(false)} onSaved={(id) => { setOpen(false); navigate(`/councils/${councilId}/oversight-reports/${id}`); }} />
    </Page>
  );
}

function ReportForm(props: { open: boolean; councilId: string; initial?: ReportDetail; onClose(): void; onSaved(id: string): void }) {
  const [form] = Form.useForm();
  const bodies = useBodies(props.councilId);
  const init = props.initial;
  const initialValues = init
    ? {
      title: init.title, bodyId: init.bodyId, scope: init.scope, results: init.results, shortcomings: init.shortcomings,
      recommendations: (init.recommendations as Rec[]).map((r) => ({ agencyId: r.agencyId, agencyName: r.agencyName, content: r.content, mode: r.plannedWorkingDays ? 'days' : 'date', workingDays: r.plannedWorkingDays ?? undefined, due: r.plannedDue ? dayjs(r.plannedDue) : undefined })),
    }
    : { recommendations: [{ mode: 'days', workingDays: 30 }] };
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const body = {
      title: v.title, bodyId: v.bodyId ?? null, scope: v.scope ?? '', results: v.results ?? '', shortcomings: v.shortcomings ?? '',
      recommendations: (v.recommendations ?? []).map((r: any) => ({ agencyId: r.agencyId, content: r.content, ...(r.mode === 'days' ? { workingDays: r.workingDays } : { due: isoDay(r.due) }) })),
    };
    const saved = init
      ? await api.put<{ id: string }>(`/councils/${props.councilId}/oversight-reports/${init.id}`, { ...body, version: init.version })
      : await api.post<{ id: string }>(`/councils/${props.councilId}/oversight-reports`, body);
    message.success('Đã lưu dự thảo báo cáo.');
    props.onSaved(saved.id);
  });
  return (
    <Modal open={props.open} title={init ? 'Sửa dự thảo báo cáo giám sát' : 'Lập báo cáo giám sát'} onCancel={props.onClose} onOk={submit} confirmLoading={busy} okText="Lưu dự thảo" cancelText="Hủy" width={860} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        <Form.Item name="title" label="Tên báo cáo" rules={[{ required: true, message: 'Hãy nhập tên báo cáo.' }]}><Input /></Form.Item>
        <Form.Item name="bodyId" label="Cơ quan giám sát"><Select allowClear placeholder="HĐND" options={bodies.map((b) => ({ value: b.id, label: b.name }))} /></Form.Item>
        <Form.Item name="scope" label="Phạm vi, đối tượng, phương pháp giám sát"><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
        <Form.Item name="results" label="Kết quả giám sát"><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
        <Form.Item name="shortcomings" label="Hạn chế, nguyên nhân, trách nhiệm"><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
        <Typography.Title level={5}>Kiến nghị</Typography.Title>
        <Form.List name="recommendations">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card key={f.key} size="small" style={{ marginBottom: 8 }} title={`Kiến nghị ${i + 1}`} extra={<Button type="text" aria-label={`Bỏ kiến nghị ${i + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />}>
                  <Form.Item name={[f.name, 'agencyId']} label="Cơ quan thực hiện" rules={[{ required: true, message: 'Hãy chọn cơ quan.' }]}>
                    <AgencySelect aria-label={`Cơ quan thực hiện kiến nghị ${i + 1}`} initialLabel={form.getFieldValue(['recommendations', f.name, 'agencyName'])} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'content']} label="Nội dung kiến nghị" rules={[{ required: true, message: 'Hãy nhập nội dung kiến nghị.' }]}><Input.TextArea aria-label={`Nội dung kiến nghị ${i + 1}`} autoSize={{ minRows: 2 }} /></Form.Item>
                  <Space wrap align="start">
                    <Form.Item name={[f.name, 'mode']} label="Thời hạn"><Radio.Group options={[{ value: 'days', label: 'Số ngày làm việc' }, { value: 'date', label: 'Ngày cụ thể' }]} /></Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => form.getFieldValue(['recommendations', f.name, 'mode']) === 'date'
                        ? <Form.Item name={[f.name, 'due']} label="Ngày" rules={[{ required: true, message: 'Hãy chọn ngày.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
                        : <Form.Item name={[f.name, 'workingDays']} label="Ngày làm việc kể từ ngày ban hành" rules={[{ required: true, message: 'Hãy nhập số ngày.' }]}><InputNumber min={1} max={730} /></Form.Item>}
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ mode: 'days', workingDays: 30 })}>Thêm kiến nghị</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}


// One report ----------------------------------------------------------------------------------------

export function OversightReportPage() {
  const { councilId, reportId } = useParams() as { councilId: string; reportId: string };
  const r = useApi<ReportDetail>(`/councils/${councilId}/oversight-reports/${reportId}`);
  const [editing, setEditing] = useState(false);
  const [issuing, setIssuing] = useState(false);
  if (r.error) return <ErrorView error={r.error} onRetry={r.reload} />;
  if (!r.data) return <Loading />;
  const d = r.data;
  const recs = d.recommendations as unknown as Rec[];
  return (
    <Page title={d.title} subtitle={d.bodyName ?? 'HĐND'} crumbs={crumbs(councilId, [{ title: d.state === 'issued' ? d.symbol ?? 'Báo cáo' : 'Dự thảo' }])} extra={
      d.state === 'draft'
        ? <Space wrap><Button onClick={() => setEditing(true)}>Sửa dự thảo</Button><Button type="primary" onClick={() => setIssuing(true)}>Ban hành báo cáo</Button></Space>
        : <Space wrap>
          {d.downloadPath && <a href={d.downloadPath}>Tải báo cáo {d.symbol}</a>}
          <Switch checked={d.isPublic} checkedChildren="Công khai" unCheckedChildren="Không công khai" onChange={async (v) => {
            try { await api.post(`/councils/${councilId}/oversight-reports/${reportId}/publication`, { isPublic: v }); r.reload(); } catch (err) { showError(err); }
          }} />
        </Space>
    }>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" items={[
          { key: 's', label: 'Tình trạng', children: d.state === 'issued' ? `Đã ban hành ngày ${fmtDate(d.issuedOn)}` : 'Dự thảo: kiến nghị chưa gửi cơ quan' },
          { key: 'p', label: 'Phạm vi', children: d.scope || '—' },
          { key: 'r', label: 'Kết quả', children: d.results || '—' },
          { key: 'h', label: 'Hạn chế', children: d.shortcomings || '—' },
        ]} />
      </Card>
      <Card title={`Kiến nghị (${recs.length})`}>
        <ResponsiveTable<Rec>
          rowKey="id" size="middle" dataSource={recs} pagination={false}
          columns={[
            { title: 'TT', dataIndex: 'position', width: 50 },
            { title: 'Kiến nghị', dataIndex: 'content', render: (t: string, x) => (d.state === 'issued' ? <Link to={`/councils/${councilId}/recommendations/${x.id}`}>{t}</Link> : t) },
            { title: 'Cơ quan thực hiện', dataIndex: 'agencyName', width: 200 },
            { title: 'Thời hạn', key: 'due', width: 170, render: (_: unknown, x) => dueText(x) },
            { title: 'Tình trạng', key: 'st', width: 220, render: (_: unknown, x) => <StatusTags r={x} /> },
          ]}
        />
      </Card>
      {editing && <ReportForm open councilId={councilId} initial={d} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); r.reload(); }} />}
      <IssueModal open={issuing} councilId={councilId} report={d} onClose={() => setIssuing(false)} onDone={() => { setIssuing(false); r.reload(); }} />
    </Page>
  );
}

function IssueModal(props: { open: boolean; councilId: string; report: ReportDetail; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const res = await api.post<{ symbol: string }>(`/councils/${props.councilId}/oversight-reports/${props.report.id}/issue`, { version: props.report.version, signerName: v.signerName, signerTitle: v.signerTitle || undefined });
    message.success(`Đã ban hành báo cáo số ${res.symbol}; các kiến nghị đã được gửi đến cơ quan.`);
    props.onDone();
  });
  return (
    <Modal open={props.open} title="Ban hành báo cáo giám sát" onCancel={props.onClose} onOk={submit} confirmLoading={busy} okText="Ban hành" cancelText="Hủy" destroyOnHidden>
      <Typography.Paragraph>Báo cáo được lập theo Nghị định 30/2020/NĐ-CP, lấy số trong Sổ văn bản đi. Thời hạn của từng kiến nghị được tính từ hôm nay theo lịch ngày làm việc; kiến nghị được gửi vào hộp việc của từng cơ quan.</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="signerName" label="Họ tên người ký" rules={[{ required: true, message: 'Hãy nhập họ tên người ký.' }]}><Input /></Form.Item>
        <Form.Item name="signerTitle" label="Chức vụ người ký (nếu khác mẫu)"><Input placeholder="Trưởng ban" /></Form.Item>
      </Form>
    </Modal>
  );
}

// One recommendation (supervising body) -----------------------------------------------------------

export function RecommendationPage() {
  const { councilId, recommendationId } = useParams() as { councilId: string; recommendationId: string };
  const r = useApi<RecDetail>(`/councils/${councilId}/recommendations/${recommendationId}`);
  const [acting, setActing] = useState<string | null>(null);
  const [escalating, setEscalating] = useState(false);
  if (r.error) return <ErrorView error={r.error} onRetry={r.reload} />;
  if (!r.data) return <Loading />;
  const d = r.data;
  const assess = d.actions.filter((a) => a.action.startsWith('assess_'));
  const other = d.actions.filter((a) => !a.action.startsWith('assess_'));
  return (
    <Page title={`Kiến nghị ${d.position}: ${d.agencyName}`} subtitle={d.report.title} crumbs={crumbs(councilId, [{ title: <Link to={`/councils/${councilId}/oversight-reports/${d.reportId}`}>{d.report.symbol ?? 'Báo cáo'}</Link> }, { title: `Kiến nghị ${d.position}` }])}>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ fontSize: 16 }}>{d.content}</Typography.Paragraph>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" items={[
          { key: 'st', label: 'Tình trạng', children: <StatusTags r={d} /> },
          { key: 'due', label: 'Thời hạn', children: dueText(d) },
          { key: 'i', label: 'Ngày gửi', children: fmtDate(d.issuedOn) },
          ...(d.dispositionReason ? [{ key: 'why', label: 'Lý do của cơ quan', children: d.dispositionReason }] : []),
        ]} />
        {(assess.length > 0 || other.length > 0) && (
          <Space wrap style={{ marginTop: 12 }}>
            {assess.map((a) => <Button key={a.action} type={a.action === 'assess_done' ? 'primary' : 'default'} onClick={() => setActing(a.action)}>{a.label}</Button>)}
            {other.map((a) => <Button key={a.action} onClick={() => setActing(a.action)}>{a.label}</Button>)}
          </Space>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="Diễn biến" style={{ marginBottom: 16 }}>
            <History events={d.events} escalations={d.escalations} fileHref={(f) => `/api/councils/${councilId}/recommendations/${d.id}/files/${f}`} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="Xử lý tiếp" style={{ marginBottom: 16 }}>
            {d.escalation?.open
              ? <>
                <Typography.Paragraph>Bước tiếp theo: <strong>{d.escalation.next?.label}</strong>{d.escalation.next && !d.escalation.next.ready ? ` (theo quy định từ ngày ${fmtDate(d.escalation.next.from)})` : ''}.</Typography.Paragraph>
                <Button danger onClick={() => setEscalating(true)}>Thực hiện bước xử lý tiếp</Button>
              </>
              : <Typography.Text type="secondary">{d.escalation?.reason}</Typography.Text>}
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>Thứ tự các bước và số ngày chờ là mặc định có thể sửa, chưa kiểm chứng với văn bản pháp luật.</Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      {acting && <ActModal action={acting} label={d.actions.find((a) => a.action === acting)?.label ?? ''} path={`/councils/${councilId}/recommendations/${d.id}/actions`} onClose={() => setActing(null)} onDone={() => { setActing(null); r.reload(); }} />}
      {escalating && d.escalation && <EscalateModal choices={d.escalation.choices} path={`/councils/${councilId}/recommendations/${d.id}/escalations`} onClose={() => setEscalating(false)} onDone={() => { setEscalating(false); r.reload(); }} />}
    </Page>
  );
}

function ActModal(props: { action: string; label: string; path: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const a = props.action;
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await api.post(props.path, { action: a, text: v.text, reason: v.reason, approvedBy: v.approvedBy, due: v.due ? isoDay(v.due) : undefined });
    message.success(`Đã ghi: ${props.label}.`);
    props.onDone();
  });
  return (
    <Modal open title={props.label} onCancel={props.onClose} onOk={submit} confirmLoading={busy} okText="Ghi" cancelText="Hủy" destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        {a.startsWith('assess_') && <Form.Item name="text" label="Kết quả xác minh" rules={[{ required: true, message: 'Hãy nêu kết quả xác minh.' }]}><Input.TextArea autoSize={{ minRows: 3 }} /></Form.Item>}
        {(a === 'extend_due' || a === 'reopen') && <Form.Item name="reason" label="Lý do" rules={[{ required: true, message: 'Hãy nêu lý do.' }]}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>}
        {(a === 'extend_due' || a === 'reopen') && <Form.Item name="due" label="Thời hạn mới" rules={[{ required: true, message: 'Hãy chọn thời hạn mới.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>}
        {a === 'extend_due' && <Form.Item name="approvedBy" label="Người phê duyệt" rules={[{ required: true, message: 'Hãy ghi người phê duyệt.' }]}><Input /></Form.Item>}
      </Form>
    </Modal>
  );
}

function EscalateModal(props: { choices: { kind: string; label: string }[]; path: string; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const [submit, busy] = useFormSubmit(form, async (v) => {
    const res = await api.post<{ label: string; document: { symbol: string } }>(props.path, {
      kind: v.kind, note: v.note || undefined, scheduledOn: v.scheduledOn ? isoDay(v.scheduledOn) : undefined, signerName: v.signerName, signerTitle: v.signerTitle || undefined,
    });
    message.success(`${res.label}: đã ban hành văn bản số ${res.document.symbol}.`);
    props.onDone();
  });
  return (
    <Modal open title="Bước xử lý tiếp" onCancel={props.onClose} onOk={submit} confirmLoading={busy} okText="Ban hành văn bản" cancelText="Hủy" destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: props.choices[0]?.kind }}>
        <Form.Item name="kind" label="Bước"><Select options={props.choices.map((c) => ({ value: c.kind, label: c.label }))} /></Form.Item>
        {kind && ['hearing', 'interpellation', 'resupervision'].includes(kind) && (
          <Form.Item name="scheduledOn" label="Ngày dự kiến" rules={[{ required: true, message: 'Hãy chọn ngày.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
        )}
        <Form.Item name="note" label="Ghi chú trong văn bản"><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
        <Form.Item name="signerName" label="Họ tên người ký" rules={[{ required: true, message: 'Hãy nhập họ tên người ký.' }]}><Input /></Form.Item>
        <Form.Item name="signerTitle" label="Chức vụ người ký (nếu khác mẫu)"><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

// Dashboard ---------------------------------------------------------------------------------------

interface Dashboard {
  today: string;
  total: number;
  overdue: number;
  byStatus: { status: string; label: string; count: number; overdue: number }[];
  byAgency: ({ agencyId: string; agencyName: string; total: number; open: number; overdue: number } & Record<string, number | string>)[];
  overdueItems: Rec[];
}

export function RecommendationDashboardPage() {
  const { councilId } = useParams() as { councilId: string };
  const [sp] = useSearchParams();
  const d = useApi<Dashboard>(`/councils/${councilId}/recommendation-dashboard`);
  const [status, setStatus] = useState<string | undefined>(sp.get('status') ?? undefined);
  const [overdue, setOverdue] = useState(sp.get('overdue') === 'true');
  const list = usePagedTable<Rec>(`/councils/${councilId}/recommendations`, { status, overdue: overdue || undefined });
  if (d.error) return <ErrorView error={d.error} onRetry={d.reload} />;
  if (!d.data) return <Loading />;
  const x = d.data;
  return (
    <Page title="Theo dõi kiến nghị sau giám sát" subtitle={`Số liệu ngày ${fmtDate(x.today)}`} crumbs={crumbs(councilId, [{ title: 'Theo dõi' }])}>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Card><Statistic title="Tổng số kiến nghị" value={x.total} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title="Quá hạn" value={x.overdue} valueStyle={{ color: x.overdue ? '#cf1322' : undefined }} /></Card></Col>
        {x.byStatus.filter((s) => s.count > 0).map((s) => (
          <Col xs={12} md={6} key={s.status}><Card hoverable onClick={() => setStatus(s.status)}><Statistic title={s.label} value={s.count} /></Card></Col>
        ))}
      </Row>
      <Card title="Theo cơ quan" style={{ marginBottom: 16 }}>
        <ResponsiveTable<Dashboard['byAgency'][number]>
          rowKey="agencyId" size="small" dataSource={x.byAgency} pagination={false}
          columns={[
            { title: 'Cơ quan', dataIndex: 'agencyName' },
            { title: 'Tổng', dataIndex: 'total', width: 70 },
            { title: 'Đang theo dõi', dataIndex: 'open', width: 110 },
            { title: 'Quá hạn', dataIndex: 'overdue', width: 90, render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
            { title: 'Không tiếp thu', dataIndex: 'notAccepted', width: 110 },
            { title: 'Hoàn thành', dataIndex: 'closedDone', width: 100 },
          ]}
        />
      </Card>
      <Card title="Danh sách kiến nghị">
        <div className="nt-toolbar">
          <Select aria-label="Tình trạng" allowClear placeholder="Mọi tình trạng" value={status} onChange={setStatus} style={{ width: 260, maxWidth: '100%' }}
            options={x.byStatus.map((s) => ({ value: s.status, label: s.label }))} />
          <Space><Switch checked={overdue} onChange={setOverdue} aria-label="Chỉ kiến nghị quá hạn" /> Chỉ kiến nghị quá hạn</Space>
        </div>
        {list.error ? <Alert type="error" message={list.error.message} /> : (
          <ResponsiveTable<Rec>
            rowKey="id" size="middle" {...list.tableProps}
            locale={{ emptyText: 'Không có kiến nghị nào.' }}
            columns={[
              { title: 'Kiến nghị', dataIndex: 'content', render: (t: string, r) => <div><Link to={`/councils/${councilId}/recommendations/${r.id}`}>{t}</Link><div style={{ color: '#6b7280', fontSize: 12 }}>{r.reportTitle}</div></div> },
              { title: 'Cơ quan', dataIndex: 'agencyName', width: 200 },
              { title: 'Thời hạn', key: 'due', width: 150, render: (_: unknown, r) => dueText(r) },
              { title: 'Tình trạng', key: 'st', width: 220, render: (_: unknown, r) => <StatusTags r={r} /> },
            ]}
          />
        )}
      </Card>
    </Page>
  );
}
