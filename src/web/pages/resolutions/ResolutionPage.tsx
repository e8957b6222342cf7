// One resolution: its facts (number, kind, session, vote, certification, publication, gazette,
// entry into force with the rule and its source), its status on a chosen date with the timeline,
// what it amends/replaces/repeals and what acts on it, the whole chain back to the tờ trình and
// its verification report, and its implementation tasks with the agencies' reports.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { AgencySelect } from '../../components/pickers.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi, useFormSubmit } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { fmtDate, isoDay, todayIso } from '../../lib/format.ts';
import { LINK_TYPE_LABELS, StatusTag, TASK_COLORS, TaskDue, useResolutionPerms, type TaskRow } from './shared.tsx';

interface LinkRow { id: string; type: string; label: string; provisions: string; partial: boolean; effectiveFrom: string | null; other: { id: string; title: string; symbol: string | null; passedOn: string; status: string } }
interface Detail {
  resolution: {
    id: string; title: string; symbol: string | null; label: string; kindLabel: string; normative: boolean; passedOn: string; inForceFrom: string | null; certifiedOn: string | null; certifiedByName: string;
    publishedOn: string | null; publishedWhere: string; gazetteSentOn: string | null; content: string; documentDownload: string | null; numberSource: string | null;
  };
  rules: { name: string; earliestInForce: string; minDays: number; minDaysSource: string; gazetteDue: string | null; gazetteSource: string; seriesNote: string; seriesVerified: boolean };
  on: string;
  status: { status: string; label: string; since: string | null; applied: { byId: string; byLabel: string; type: string; provisions: string; effectiveFrom: string }[]; pending: { byLabel: string; type: string; effectiveFrom: string }[] };
  timeline: { date: string; kind: string; label: string }[];
  replacedBy: { id: string; label: string }[];
  acts: LinkRow[];
  actedOnBy: LinkRow[];
  session: { id: string; title: string; openingDate: string } | null;
  item: { id: string; title: string } | null;
  chain: { chain: { steps: { kind: string; label: string; number: string | null; date: string | null; status: string }[] }; report: { number: string; issuedOn: string; conclusionLabel: string } | null } | null;
  vote: { for: number; against: number; abstain: number; total: number; source: string } | null;
  tasks: TaskRow[];
}

export function ResolutionPage() {
  const { councilId, resolutionId } = useParams() as { councilId: string; resolutionId: string };
  const [params, setParams] = useSearchParams();
  const on = params.get('on') ?? todayIso();
  const perms = useResolutionPerms(councilId);
  const d = useApi<Detail>(`/councils/${councilId}/resolutions/${resolutionId}`, { on });
  const [modal, setModal] = useState<null | 'certify' | 'publish' | 'link' | 'task'>(null);
  if (d.error) return <ErrorView error={d.error} />;
  if (!d.data) return <Loading />;
  const { resolution: r, status, rules } = d.data;
  const reload = () => d.reload();
  const decide = async (t: TaskRow, action: 'confirm' | 'reopen' | 'cancel') => {
    let note = '';
    if (action !== 'confirm') {
      note = window.prompt(action === 'reopen' ? 'Lý do mở lại nhiệm vụ' : 'Lý do thôi thực hiện') ?? '';
      if (!note.trim()) return;
    }
    try {
      await api.post(`/councils/${councilId}/resolution-tasks/${t.id}/decision`, { action, note });
      message.success('Đã ghi.');
      reload();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Page
      title={r.symbol ? `Nghị quyết số ${r.symbol}` : 'Nghị quyết chưa đánh số'}
      subtitle={r.title}
      crumbs={[{ title: 'Nghị quyết', to: `/councils/${councilId}/resolutions` }, { title: r.symbol ?? r.title }]}
      extra={
        <Space wrap>
          {perms.certify && !r.certifiedOn && <Button type="primary" onClick={() => setModal('certify')}>Ký chứng thực, lấy số</Button>}
          {perms.manage && r.certifiedOn && <Button onClick={() => setModal('publish')}>Công bố, gửi công báo</Button>}
          {perms.manage && <Button onClick={() => setModal('link')}>Sửa đổi / thay thế / bãi bỏ nghị quyết khác</Button>}
          {perms.manage && <Button onClick={() => setModal('task')}>Giao nhiệm vụ</Button>}
          {r.documentDownload && <Button href={r.documentDownload}>Tải nghị quyết (.docx)</Button>}
        </Space>
      }
    >
      <Card title="Tình trạng hiệu lực" style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <span>Tại ngày</span>
          <DatePicker aria-label="Tại ngày" format="DD/MM/YYYY" allowClear={false} value={dayjs(on)} onChange={(v) => v && setParams((p) => { p.set('on', isoDay(v)!); return p; }, { replace: true })} />
          <span data-testid="resolution-status"><StatusTag status={status.status} label={status.label} /></span>
          {status.since && <Typography.Text type="secondary">từ {fmtDate(status.since)}</Typography.Text>}
        </Space>
        {d.data.replacedBy.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={<span>Văn bản đang áp dụng: {d.data.replacedBy.map((x, i) => <span key={x.id}>{i > 0 && ' → '}<Link to={`/councils/${councilId}/resolutions/${x.id}?on=${on}`}>{x.label}</Link></span>)}</span>} />
        )}
        <Timeline items={d.data.timeline.map((e) => ({ color: e.date <= on ? 'blue' : 'gray', children: `${fmtDate(e.date)}: ${e.label}${e.date > on ? ' (sau ngày đang xem)' : ''}` }))} />
      </Card>
      <Card title="Thông tin nghị quyết" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="Số, ký hiệu">{r.symbol ?? 'Chưa đánh số (đánh số khi chứng thực)'}{r.numberSource === 'typed' && <Tag style={{ marginLeft: 6 }}>Số đã có trước</Tag>}</Descriptions.Item>
          <Descriptions.Item label="Loại">{r.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="Kỳ họp">{d.data.session ? `${d.data.session.title} (${fmtDate(d.data.session.openingDate)})` : 'Không ghi'}</Descriptions.Item>
          <Descriptions.Item label="Ngày thông qua">{fmtDate(r.passedOn)}</Descriptions.Item>
          <Descriptions.Item label="Biểu quyết">{d.data.vote ? `${d.data.vote.for}/${d.data.vote.total} tán thành, ${d.data.vote.against} không tán thành, ${d.data.vote.abstain} không biểu quyết${d.data.vote.source === 'announced' ? ' (số liệu đã công bố)' : ''}` : 'Chưa ghi'}</Descriptions.Item>
          <Descriptions.Item label="Chứng thực">{r.certifiedOn ? `${fmtDate(r.certifiedOn)} · ${r.certifiedByName}` : 'Chưa chứng thực'}</Descriptions.Item>
          <Descriptions.Item label="Có hiệu lực từ">
            {r.inForceFrom ? fmtDate(r.inForceFrom) : 'Chưa xác định'}
            <div style={{ color: '#6b7280', fontSize: 12 }}>{r.normative ? `Sớm nhất ${fmtDate(rules.earliestInForce)}: không sớm hơn ${rules.minDays} ngày kể từ ngày thông qua (${rules.minDaysSource}).` : 'Nghị quyết cá biệt: có thể có hiệu lực từ ngày thông qua.'}</div>
          </Descriptions.Item>
          <Descriptions.Item label="Công bố">{r.publishedOn ? `${fmtDate(r.publishedOn)} · ${r.publishedWhere}` : 'Chưa công bố'}</Descriptions.Item>
          <Descriptions.Item label="Gửi đăng công báo">
            {r.gazetteSentOn ? fmtDate(r.gazetteSentOn) : 'Chưa gửi'}
            {rules.gazetteDue && <div style={{ color: '#6b7280', fontSize: 12 }}>Hạn gửi {fmtDate(rules.gazetteDue)} ({rules.gazetteSource}).</div>}
          </Descriptions.Item>
        </Descriptions>
        {!rules.seriesVerified && <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>Dãy số: {rules.seriesNote} (mặc định có thể điều chỉnh).</Typography.Paragraph>}
      </Card>
      <Card title="Liên kết với nghị quyết khác" style={{ marginBottom: 16 }}>
        {d.data.acts.length + d.data.actedOnBy.length === 0 && <Typography.Text type="secondary">Không sửa đổi, thay thế hay bãi bỏ nghị quyết nào và chưa bị nghị quyết nào tác động.</Typography.Text>}
        {[...d.data.acts, ...d.data.actedOnBy].map((l) => (
          <div key={l.id} style={{ marginBottom: 6 }}>
            <Tag>{l.label}</Tag>
            <Link to={`/councils/${councilId}/resolutions/${l.other.id}?on=${on}`}>{l.other.symbol ? `Nghị quyết số ${l.other.symbol}` : l.other.title}</Link>
            {l.provisions && <span> ({l.provisions})</span>}
            {l.effectiveFrom && <span style={{ color: '#6b7280' }}> · từ {fmtDate(l.effectiveFrom)}</span>}
            <span style={{ color: '#6b7280' }}> · {l.other.status}</span>
          </div>
        ))}
      </Card>
      <Card title="Chuỗi hồ sơ từ tờ trình" style={{ marginBottom: 16 }}>
        {!d.data.chain ? (
          <Typography.Text type="secondary">Nghị quyết không gắn với nội dung trình nào trong hệ thống (thông qua trước khi dùng Nghị Trường, hoặc chưa chọn tờ trình).</Typography.Text>
        ) : (
          <div>
            <Typography.Paragraph>
              Nội dung trình: <Link to={`/councils/${councilId}/session-items/${d.data.item!.id}/chain`}>{d.data.item!.title}</Link>
            </Typography.Paragraph>
            <Space direction="vertical" style={{ width: '100%' }}>
              {d.data.chain.chain.steps.map((s) => (
                <div key={s.kind} style={{ border: '1px solid #e5e7eb', borderRadius: 8, padding: 8 }}>
                  <b>{s.label}</b>: {s.kind === 'resolution' ? (r.symbol ? `số ${r.symbol}, thông qua ${fmtDate(r.passedOn)}` : `thông qua ${fmtDate(r.passedOn)}`) : s.number ? `số ${s.number}${s.date ? `, ngày ${fmtDate(s.date)}` : ''}` : s.date ? `ngày ${fmtDate(s.date)}` : 'chưa có'}
                </div>
              ))}
            </Space>
            {d.data.chain.report && <Typography.Paragraph style={{ marginTop: 8 }}>Kết luận thẩm tra: {d.data.chain.report.conclusionLabel}</Typography.Paragraph>}
          </div>
        )}
      </Card>
      <Card title="Nhiệm vụ thực hiện">
        <ResponsiveTable<TaskRow>
          rowKey="id"
          size="small"
          dataSource={d.data.tasks}
          pagination={false}
          locale={{ emptyText: 'Chưa giao nhiệm vụ nào.' }}
          columns={[
            { title: 'Nhiệm vụ', dataIndex: 'title', render: (t: string, x) => <div>{t}<div style={{ color: '#6b7280', fontSize: 12 }}>{[x.agencyName, x.provision].filter(Boolean).join(' · ')}</div>{x.reports.map((rep) => <div key={rep.id} style={{ fontSize: 12 }}>{fmtDate(rep.reportedOn)} · {rep.kindLabel}: {rep.content}</div>)}</div> },
            { title: 'Hạn', dataIndex: 'due', width: 220, render: (_: string, x) => <TaskDue t={x} /> },
            { title: 'Trạng thái', dataIndex: 'stateLabel', width: 180, render: (l: string, x) => <Tag color={TASK_COLORS[x.state]} style={{ whiteSpace: 'normal' }}>{l}</Tag> },
            ...(perms.certify ? [{
              title: '', key: 'act', width: 160,
              render: (_: unknown, x: TaskRow) => (
                <Space wrap>
                  {(x.state === 'open' || x.state === 'reported') && <Button size="small" onClick={() => decide(x, 'confirm')}>Xác nhận hoàn thành</Button>}
                  {(x.state === 'reported' || x.state === 'done') && <Button size="small" onClick={() => decide(x, 'reopen')}>Mở lại</Button>}
                </Space>
              ),
            }] : []),
          ]}
        />
      </Card>
      {modal === 'certify' && <CertifyModal councilId={councilId} d={d.data} onClose={() => setModal(null)} onDone={reload} />}
      {modal === 'publish' && <PublishModal councilId={councilId} d={d.data} onClose={() => setModal(null)} onDone={reload} />}
      {modal === 'link' && <LinkModal councilId={councilId} d={d.data} onClose={() => setModal(null)} onDone={reload} />}
      {modal === 'task' && <TaskModal councilId={councilId} d={d.data} onClose={() => setModal(null)} onDone={reload} />}
    </Page>
  );
}

interface ModalProps { councilId: string; d: Detail; onClose(): void; onDone(): void }

function ActionModal(props: ModalProps & { title: string; ok: string; send(v: Record<string, unknown>): Promise<unknown>; children: React.ReactNode; initial?: Record<string, unknown> }) {
  const [form] = Form.useForm();
  const [submit, busy] = useFormSubmit(form, async (v) => {
    await props.send(v);
    message.success('Đã ghi.');
    props.onDone();
    props.onClose();
  });
  return (
    <Modal open title={props.title} onCancel={props.onClose} onOk={submit} okText={props.ok} cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={props.initial}>{props.children}</Form>
    </Modal>
  );
}

function CertifyModal(p: ModalProps) {
  const r = p.d.resolution;
  return (
    <ActionModal {...p} title="Ký chứng thực nghị quyết" ok="Chứng thực và lấy số" initial={{ inForceFrom: dayjs(r.inForceFrom ?? p.d.rules.earliestInForce) }}
      send={(v) => api.post(`/councils/${p.councilId}/resolutions/${r.id}/certify`, { inForceFrom: isoDay(v.inForceFrom as dayjs.Dayjs), typedSymbol: (v.typedSymbol as string) || undefined, signerName: (v.signerName as string) || undefined })}>
      <Form.Item name="inForceFrom" label="Có hiệu lực từ" rules={[{ required: true, message: 'Hãy chọn ngày có hiệu lực.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
      <Form.Item name="typedSymbol" label="Số đã có (chỉ khi nghị quyết đã được đánh số ngoài hệ thống)" extra="Để trống: hệ thống lấy số tiếp theo trong sổ nghị quyết và lập văn bản nghị quyết."><Input maxLength={50} placeholder="05/2026/NQ-HĐND" /></Form.Item>
      <Form.Item name="signerName" label="Họ tên Chủ tịch ký chứng thực"><Input maxLength={100} /></Form.Item>
    </ActionModal>
  );
}

function PublishModal(p: ModalProps) {
  const r = p.d.resolution;
  return (
    <ActionModal {...p} title="Công bố và gửi đăng công báo" ok="Ghi" initial={{ publishedOn: r.publishedOn ? dayjs(r.publishedOn) : null, publishedWhere: r.publishedWhere, gazetteSentOn: r.gazetteSentOn ? dayjs(r.gazetteSentOn) : null }}
      send={(v) => api.post(`/councils/${p.councilId}/resolutions/${r.id}/publication`, { publishedOn: isoDay(v.publishedOn as dayjs.Dayjs), publishedWhere: v.publishedWhere ?? '', gazetteSentOn: isoDay(v.gazetteSentOn as dayjs.Dayjs) })}>
      <Form.Item name="publishedOn" label="Ngày công bố"><DatePicker format="DD/MM/YYYY" /></Form.Item>
      <Form.Item name="publishedWhere" label="Nơi công bố"><Input maxLength={500} placeholder="Cổng thông tin điện tử; niêm yết tại trụ sở" /></Form.Item>
      <Form.Item name="gazetteSentOn" label="Ngày gửi đăng công báo"><DatePicker format="DD/MM/YYYY" /></Form.Item>
    </ActionModal>
  );
}

function LinkModal(p: ModalProps) {
  const list = useApi<{ items: { id: string; symbol: string | null; title: string }[] }>(`/councils/${p.councilId}/resolutions`, { pageSize: 200 });
  const r = p.d.resolution;
  return (
    <ActionModal {...p} title={`${r.symbol ? `Nghị quyết số ${r.symbol}` : 'Nghị quyết này'} tác động đến nghị quyết trước`} ok="Ghi liên kết" initial={{ type: 'amends' }}
      send={(v) => api.post(`/councils/${p.councilId}/resolutions/${r.id}/links`, { toId: v.toId, type: v.type, partial: !!v.partial, provisions: v.provisions ?? '', effectiveFrom: isoDay(v.effectiveFrom as dayjs.Dayjs) })}>
      <Form.Item name="type" label="Loại"><Select options={Object.entries(LINK_TYPE_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
      <Form.Item name="toId" label="Nghị quyết bị tác động" rules={[{ required: true, message: 'Hãy chọn nghị quyết.' }]}>
        <Select showSearch optionFilterProp="label" options={(list.data?.items ?? []).filter((x) => x.id !== r.id).map((x) => ({ value: x.id, label: `${x.symbol ?? 'Chưa số'} · ${x.title}` }))} />
      </Form.Item>
      <Form.Item name="provisions" label="Điều, khoản (để trống: toàn văn)"><Input maxLength={500} placeholder="khoản 2 Điều 3" /></Form.Item>
      <Form.Item name="partial" valuePropName="checked"><Checkbox>Bãi bỏ một phần</Checkbox></Form.Item>
      <Form.Item name="effectiveFrom" label="Có hiệu lực từ (để trống: ngày nghị quyết này có hiệu lực)"><DatePicker format="DD/MM/YYYY" /></Form.Item>
    </ActionModal>
  );
}

function TaskModal(p: ModalProps) {
  const r = p.d.resolution;
  return (
    <ActionModal {...p} title="Giao nhiệm vụ thực hiện nghị quyết" ok="Giao nhiệm vụ" initial={{ reportEveryMonths: 3 }}
      send={(v) => api.post(`/councils/${p.councilId}/resolutions/${r.id}/tasks`, { agencyId: v.agencyId, title: v.title, provision: v.provision ?? '', due: isoDay(v.due as dayjs.Dayjs), reportEveryMonths: v.reportEveryMonths ?? 0 })}>
      <Form.Item name="agencyId" label="Cơ quan được giao" rules={[{ required: true, message: 'Hãy chọn cơ quan.' }]}>
        <AgencySelect />
      </Form.Item>
      <Form.Item name="title" label="Nội dung nhiệm vụ" rules={[{ required: true, message: 'Hãy nhập nội dung nhiệm vụ.' }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      <Form.Item name="provision" label="Theo điều, khoản"><Input maxLength={200} /></Form.Item>
      <Space wrap>
        <Form.Item name="due" label="Hạn hoàn thành" rules={[{ required: true, message: 'Hãy chọn hạn hoàn thành.' }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
        <Form.Item name="reportEveryMonths" label="Báo cáo tiến độ mỗi (tháng; 0: chỉ khi xong)"><InputNumber min={0} max={24} /></Form.Item>
      </Space>
    </ActionModal>
  );
}
