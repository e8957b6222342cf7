// Dispatch (chuyển xử lý): pick petitions not yet sent, group them by the competent agency, and
// send one official letter (công văn) per agency — or to the upper-level council; the due date is
// computed by the server from the council's rule on the working-day calendar. The letter's number
// is either typed (a letter already issued) or taken from the outgoing-document register, which
// issues the forwarding letter (.docx) in the same step.
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Col, DatePicker, Input, Modal, Radio, Result, Row, Select, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { clip, fmtDate, isoDay } from '../../lib/format.ts';
import { AgencySelect, CouncilSelect } from '../../components/pickers.tsx';
import { DeadlineTag, StatusTag, type PetitionRow, type RoundSummary } from './shared.tsx';
import { downloadFile, type Issuer } from '../documents/shared.tsx';

/** The letter issued from the register with a dispatch. */
interface DispatchDocument {
  id: string;
  symbol: string;
  status?: string;
  fileName?: string;
  downloadPath: string;
}

interface Dispatch {
  id: string;
  letterNumber: string;
  letterDate: string;
  targetName: string;
  dueDate: string;
  dueRule: { rule?: { unit: string; value: number; anchor: string }; movedBecause?: string | null; nominalDate?: string };
  petitionCount: number;
  pendingCount: number;
  document?: DispatchDocument | null;
}

/** Downloads the .docx of a letter issued with a dispatch. */
async function downloadLetter(doc: DispatchDocument) {
  try {
    const name = await downloadFile(doc.downloadPath.replace(/^\/api/, ''), { fallbackName: doc.fileName ?? `${doc.symbol}.docx` });
    message.success(`Đã tải ${name}.`);
  } catch (err) {
    showError(err);
  }
}

export function LetterLink({ doc, label }: { doc: DispatchDocument; label?: string }) {
  return (
    <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void downloadLetter(doc)} style={{ padding: 0 }}>
      {label ?? `Tải công văn ${doc.symbol} (.docx)`}
    </Button>
  );
}

interface Settings {
  deadlines: Record<string, { value: number; unit: 'days' | 'working_days'; anchor: string }>;
}

export const ANCHOR_LABELS: Record<string, string> = {
  dispatch_letter_date: 'ngày của công văn chuyển',
  dispatch_received: 'ngày cơ quan nhận công văn',
  session_closing: 'ngày bế mạc kỳ họp',
};
export const ruleText = (r?: { value: number; unit: string; anchor: string }) =>
  r ? `${r.value} ${r.unit === 'working_days' ? 'ngày làm việc' : 'ngày'} kể từ ${ANCHOR_LABELS[r.anchor] ?? r.anchor}` : '';

interface Group {
  key: string;
  agencyId?: string;
  agencyName?: string;
  petitions: PetitionRow[];
}

export function DispatchTab(props: { councilId: string; round: RoundSummary; onChanged(): void }) {
  const { councilId, round } = props;
  const list = useApi<{ items: PetitionRow[]; total: number }>(`/councils/${councilId}/petitions`, { roundId: round.id, pageSize: 200 });
  const dispatches = useApi<{ items: Dispatch[] }>(`/councils/${councilId}/dispatches`, { roundId: round.id, pageSize: 100 });
  const settings = useApi<Settings>(`/councils/${councilId}/petition-settings`);
  const [selected, setSelected] = useState<string[]>([]);
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [done, setDone] = useState<Dispatch[] | null>(null);

  const ready = (list.data?.items ?? []).filter((p) => p.status === 'draft' || p.status === 'returned');
  const others = (list.data?.items ?? []).filter((p) => p.status !== 'draft' && p.status !== 'returned');

  const open = () => {
    const chosen = ready.filter((p) => selected.includes(p.id));
    const by = new Map<string, Group>();
    for (const p of chosen) {
      const k = p.agencyId ?? '_none';
      if (!by.has(k)) by.set(k, { key: k, agencyId: p.agencyId ?? undefined, agencyName: p.agencyName ?? undefined, petitions: [] });
      by.get(k)!.petitions.push(p);
    }
    setGroups([...by.values()]);
  };

  return (
    <div>
      {done && (
        <Result
          status="success"
          title={`Đã chuyển ${done.reduce((n, d) => n + d.petitionCount, 0)} kiến nghị bằng ${done.length} công văn`}
          subTitle={done.map((d) => `${d.letterNumber} → ${d.targetName}: hạn trả lời ${fmtDate(d.dueDate)}`).join(' · ')}
          extra={
            <Space orientation="vertical">
              {done.filter((d) => d.document).map((d) => <LetterLink key={d.id} doc={d.document!} />)}
              <Button onClick={() => setDone(null)}>Đóng</Button>
            </Space>
          }
          style={{ padding: '12px 0 24px' }}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 0 }}>Kiến nghị chờ chuyển ({ready.length})</Typography.Title>
      <div className="nt-toolbar">
        <Button type="primary" icon={<SendOutlined />} disabled={!selected.length} onClick={open} data-testid="dispatch-open">
          Chuyển các kiến nghị đã chọn ({selected.length})
        </Button>
        {settings.data && (
          <Typography.Text type="secondary">Thời hạn trả lời theo quy định của HĐND: {ruleText(settings.data.deadlines.standingForward)}.</Typography.Text>
        )}
      </div>
      <ResponsiveTable<PetitionRow>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={ready}
        pagination={false}
        scroll={{ x: 760 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
        locale={{ emptyText: 'Không có kiến nghị nào chờ chuyển.' }}
        columns={[
          { title: 'Số', dataIndex: 'number', width: 60 },
          { title: 'Nội dung', dataIndex: 'text', render: (t: string, p) => <Link to={`/councils/${councilId}/petitions/${p.id}`}>{clip(t, 180)}</Link> },
          { title: 'Cấp', dataIndex: 'levelLabel', width: 150 },
          {
            title: 'Cơ quan giải quyết',
            dataIndex: 'agencyName',
            width: 240,
            render: (a: string | null) => a ?? <Tag color="orange">Chưa xác định</Tag>,
          },
          { title: 'Trạng thái', dataIndex: 'status', width: 190, render: (s: string, p) => <StatusTag status={s} label={p.statusLabel} /> },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>Công văn đã chuyển</Typography.Title>
      <ResponsiveTable<Dispatch>
        rowKey="id"
        size="small"
        loading={dispatches.loading}
        dataSource={dispatches.data?.items ?? []}
        pagination={false}
        scroll={{ x: 700 }}
        locale={{ emptyText: 'Chưa chuyển công văn nào trong đợt.' }}
        columns={[
          {
            title: 'Số công văn',
            dataIndex: 'letterNumber',
            width: 170,
            render: (n: string, x) =>
              x.document ? (
                <Button type="link" size="small" icon={<DownloadOutlined />} style={{ padding: 0 }} title="Tải công văn đã phát hành từ Sổ văn bản đi (.docx)" onClick={() => void downloadLetter(x.document!)}>
                  {n}
                </Button>
              ) : n,
          },
          { title: 'Ngày', dataIndex: 'letterDate', width: 110, render: fmtDate },
          { title: 'Nơi nhận', dataIndex: 'targetName' },
          { title: 'Số kiến nghị', dataIndex: 'petitionCount', width: 110, align: 'right' },
          { title: 'Chưa trả lời', dataIndex: 'pendingCount', width: 110, align: 'right' },
          {
            title: 'Hạn trả lời',
            dataIndex: 'dueDate',
            width: 150,
            render: (d: string, x) => (
              <span title={x.dueRule?.movedBecause ? `Hạn danh nghĩa ${fmtDate(x.dueRule.nominalDate)} rơi vào ${x.dueRule.movedBecause}, lùi sang ngày làm việc kế tiếp` : undefined}>
                {fmtDate(d)}
              </span>
            ),
          },
        ]}
      />
      {others.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>Kiến nghị đã chuyển</Typography.Title>
          <ResponsiveTable<PetitionRow>
            rowKey="id"
            size="small"
            dataSource={others}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 700 }}
            columns={[
              { title: 'Số', dataIndex: 'number', width: 60 },
              { title: 'Nội dung', dataIndex: 'text', render: (t: string, p) => <Link to={`/councils/${councilId}/petitions/${p.id}`}>{clip(t, 160)}</Link> },
              { title: 'Cơ quan', dataIndex: 'agencyName', width: 220 },
              { title: 'Hạn', key: 'due', width: 170, render: (_: unknown, p) => <>{fmtDate(p.trackedDue)} <DeadlineTag state={p.deadlineStatus} due={p.trackedDue} /></> },
              { title: 'Trạng thái', dataIndex: 'status', width: 190, render: (s: string, p) => <StatusTag status={s} label={p.statusLabel} /> },
            ]}
          />
        </>
      )}
      <DispatchModal
        councilId={councilId}
        roundId={round.id}
        groups={groups}
        settings={settings.data}
        onClose={() => setGroups(null)}
        onDone={(ds) => {
          setGroups(null);
          setSelected([]);
          setDone(ds);
          list.reload();
          dispatches.reload();
          props.onChanged();
        }}
      />
    </div>
  );
}

interface Letter {
  target: 'agency' | 'council';
  agencyId?: string;
  agencyName?: string;
  councilId?: string;
  letterNumber: string;
  letterDate: dayjs.Dayjs | null;
  note: string;
}

/** How the letters get their number: typed (already issued) or issued now from the register. */
type NumberMode = 'typed' | 'issue';
interface IssueOptions {
  issuerId?: string;
  signerName: string;
  signerTitle: string;
}

function DispatchModal(props: {
  councilId: string;
  roundId: string;
  groups: Group[] | null;
  settings?: Settings;
  onClose(): void;
  onDone(ds: Dispatch[]): void;
}) {
  const [letters, setLetters] = useState<Record<string, Letter>>({});
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<NumberMode>('typed');
  const [issue, setIssue] = useState<IssueOptions>({ signerName: '', signerTitle: '' });
  const issuers = useApi<{ items: Issuer[] }>(props.groups && mode === 'issue' ? `/councils/${props.councilId}/documents/issuers` : null);
  // The forwarding letter's template is issued by the standing committee by default.
  useEffect(() => {
    if (issue.issuerId || !issuers.data) return;
    const standing = issuers.data.items.find((i) => i.kind === 'standing') ?? issuers.data.items[0];
    if (standing) setIssue((o) => ({ ...o, issuerId: standing.id }));
  }, [issuers.data, issue.issuerId]);
  useEffect(() => {
    if (!props.groups) return;
    setMode('typed');
    setLetters(
      Object.fromEntries(
        props.groups.map((g) => [g.key, { target: 'agency', agencyId: g.agencyId, agencyName: g.agencyName, letterNumber: '', letterDate: dayjs(), note: '' } as Letter]),
      ),
    );
  }, [props.groups]);
  const set = (k: string, patch: Partial<Letter>) => setLetters((l) => ({ ...l, [k]: { ...l[k]!, ...patch } }));
  const problems = useMemo(
    () =>
      (props.groups ?? []).flatMap((g) => {
        const l = letters[g.key];
        if (!l) return [];
        const out: string[] = [];
        if (l.target === 'agency' && !l.agencyId) out.push('chưa chọn cơ quan nhận');
        if (l.target === 'council' && !l.councilId) out.push('chưa chọn HĐND cấp trên');
        if (mode === 'typed' && !l.letterNumber.trim()) out.push('chưa nhập số công văn');
        if (mode === 'typed' && !l.letterDate) out.push('chưa chọn ngày công văn');
        return out;
      }),
    [letters, props.groups, mode],
  );
  const submit = async () => {
    if (!props.groups) return;
    setBusy(true);
    const made: Dispatch[] = [];
    try {
      for (const g of props.groups) {
        const l = letters[g.key]!;
        made.push(
          await api.post<Dispatch>(`/councils/${props.councilId}/dispatches`, {
            roundId: props.roundId,
            agencyId: l.target === 'agency' ? l.agencyId : null,
            targetCouncilId: l.target === 'council' ? l.councilId : null,
            ...(mode === 'typed'
              ? { letterNumber: l.letterNumber.trim(), letterDate: isoDay(l.letterDate) }
              : {
                issueLetter: {
                  issuerId: issue.issuerId ?? null,
                  signerName: issue.signerName.trim() || undefined,
                  signerTitle: issue.signerTitle.trim() || undefined,
                },
              }),
            petitionIds: g.petitions.map((p) => p.id),
            note: l.note.trim() || undefined,
          }),
        );
      }
      message.success(`Đã chuyển ${made.length} công văn.`);
      props.onDone(made);
    } catch (err) {
      showError(err);
      if (made.length) props.onDone(made);
    } finally {
      setBusy(false);
    }
  };
  const rule = props.settings?.deadlines;
  return (
    <Modal
      title={mode === 'issue' ? 'Chuyển kiến nghị và phát hành công văn' : 'Chuyển kiến nghị đến cơ quan có thẩm quyền'}
      open={!!props.groups}
      onCancel={props.onClose}
      onOk={submit}
      okText={`Chuyển (${props.groups?.length ?? 0} công văn)`}
      cancelText="Hủy"
      okButtonProps={{ disabled: problems.length > 0, 'data-testid': 'dispatch-submit' } as never}
      confirmLoading={busy}
      width={760}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="Mỗi cơ quan nhận một công văn. Hạn trả lời do hệ thống tính theo quy định của HĐND và lịch ngày làm việc (lùi qua thứ Bảy, Chủ nhật, ngày nghỉ lễ)."
        description={
          rule && (
            <span>
              Chuyển cơ quan: {ruleText(rule.standingForward)}; chuyển HĐND cấp trên: {ruleText(rule.upperCouncil)}; qua Đoàn ĐBQH: {ruleText(rule.nationalAssembly)}.
            </span>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }} title="Số, ngày công văn">
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} data-testid="dispatch-number-mode">
          <Radio value="typed">Nhập số công văn đã có</Radio>
          <Radio value="issue">Phát hành công văn từ Sổ văn bản đi</Radio>
        </Radio.Group>
        {mode === 'issue' && (
          <Row gutter={[12, 8]} style={{ marginTop: 12 }}>
            <Col xs={24}>
              <Select
                style={{ width: '100%' }}
                value={issue.issuerId}
                onChange={(v) => setIssue((o) => ({ ...o, issuerId: v }))}
                loading={issuers.loading}
                options={(issuers.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name} — ký hiệu ${i.code}` }))}
                placeholder="Cơ quan ban hành"
                aria-label="Cơ quan ban hành"
              />
            </Col>
            <Col xs={24} sm={12}>
              <Input
                value={issue.signerName}
                onChange={(e) => setIssue((o) => ({ ...o, signerName: e.target.value }))}
                placeholder="Họ tên người ký (để trống: theo lời văn của mẫu)"
                aria-label="Họ tên người ký"
                maxLength={100}
              />
            </Col>
            <Col xs={24} sm={12}>
              <Input
                value={issue.signerTitle}
                onChange={(e) => setIssue((o) => ({ ...o, signerTitle: e.target.value }))}
                placeholder="Chức vụ người ký, ví dụ Phó Chủ tịch"
                aria-label="Chức vụ người ký"
                maxLength={100}
              />
            </Col>
            <Col xs={24}>
              <Typography.Text type="secondary">
                Mỗi công văn lấy số tiếp theo trong Sổ văn bản đi, mang ngày phát hành (hôm nay); hạn trả lời tính từ ngày này. Sau khi chuyển, tải tệp .docx của công văn để trình ký.
              </Typography.Text>
            </Col>
          </Row>
        )}
      </Card>
      {(props.groups ?? []).map((g) => {
        const l = letters[g.key];
        if (!l) return null;
        return (
          <Card key={g.key} size="small" style={{ marginBottom: 12 }} title={`${g.agencyName ?? 'Chưa xác định cơ quan'} — ${g.petitions.length} kiến nghị`}>
            <div style={{ marginBottom: 8, color: '#4b5563', fontSize: 13 }}>
              {g.petitions.map((p) => `Số ${p.number}: ${clip(p.text, 70)}`).join(' · ')}
            </div>
            <Row gutter={[12, 8]}>
              <Col xs={24}>
                <Radio.Group value={l.target} onChange={(e) => set(g.key, { target: e.target.value })}>
                  <Radio value="agency">Cơ quan có thẩm quyền</Radio>
                  <Radio value="council">HĐND cấp trên</Radio>
                </Radio.Group>
              </Col>
              <Col xs={24}>
                {l.target === 'agency' ? (
                  <AgencySelect
                    style={{ width: '100%' }}
                    value={l.agencyId}
                    initialLabel={l.agencyName}
                    onChange={(v, opt) => set(g.key, { agencyId: v, agencyName: (opt as { label?: string } | undefined)?.label })}
                    aria-label="Cơ quan nhận"
                  />
                ) : (
                  <CouncilSelect style={{ width: '100%' }} value={l.councilId} onChange={(v) => set(g.key, { councilId: v })} aria-label="HĐND cấp trên" />
                )}
              </Col>
              {mode === 'typed' && (<>
              <Col xs={24} sm={12}>
                <Input
                  value={l.letterNumber}
                  onChange={(e) => set(g.key, { letterNumber: e.target.value })}
                  placeholder="Số công văn, ví dụ 25/HĐND-VP"
                  aria-label="Số công văn"
                  maxLength={100}
                />
              </Col>
              <Col xs={24} sm={12}>
                <DatePicker
                  style={{ width: '100%' }}
                  value={l.letterDate}
                  onChange={(d) => set(g.key, { letterDate: d })}
                  format="DD/MM/YYYY"
                  placeholder="Ngày công văn"
                  aria-label="Ngày công văn"
                />
              </Col>
              </>)}
              <Col xs={24}>
                <Input value={l.note} onChange={(e) => set(g.key, { note: e.target.value })} placeholder="Ghi chú (không bắt buộc)" maxLength={2000} />
              </Col>
            </Row>
          </Card>
        );
      })}
      {problems.length > 0 && <Typography.Text type="warning">Còn thiếu: {[...new Set(problems)].join(', ')}.</Typography.Text>}
    </Modal>
  );
}
