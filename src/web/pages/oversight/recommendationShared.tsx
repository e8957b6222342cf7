// Pieces the recommendation pages share: shapes of the API answers, the status tag, the history
// of a recommendation with its evidence files.
import { Tag, Timeline, Typography } from 'antd';
import { fmtDate, fmtSize } from '../../lib/format.ts';

export interface Rec {
  id: string;
  reportId: string;
  councilId: string;
  agencyId: string;
  agencyName: string;
  councilName?: string;
  reportTitle?: string;
  position: number;
  content: string;
  issuedOn: string | null;
  originalDue: string | null;
  due: string | null;
  plannedDue?: string | null;
  plannedWorkingDays?: number | null;
  state: string;
  stateLabel: string;
  status: string | null;
  statusLabel: string | null;
  flags: string[];
  flagLabels: string[];
  daysOverdue: number;
  answeredOn: string | null;
  closedOn: string | null;
  dispositionReason: string | null;
}

export interface RecEvent {
  id: string;
  seq: number;
  action: string;
  label: string;
  actor: 'agency' | 'supervisor';
  on: string;
  reason: string | null;
  text: string | null;
  due: string | null;
  approvedBy: string | null;
  userName: string;
  meaning: string | null;
  files: { id: string; fileName: string; size: number }[];
}

export interface Escalation {
  id: string;
  kind: string;
  label: string;
  takenOn: string;
  scheduledOn: string | null;
  responseDue: string | null;
  note: string;
  symbol: string | null;
  downloadPath: string | null;
}

export interface RecDetail extends Rec {
  report: { id: string; title: string; issuedOn: string | null; symbol: string | null; downloadPath: string | null };
  events: RecEvent[];
  escalations: Escalation[];
  actions: { action: string; label: string }[];
  escalation: null | {
    open: boolean;
    reason: string | null;
    next: { kind: string; label: string; from: string; ready: boolean } | null;
    choices: { index: number; kind: string; label: string }[];
  };
}

const STATUS_COLORS: Record<string, string> = {
  awaiting_answer: 'gold',
  not_accepted: 'magenta',
  in_progress: 'blue',
  awaiting_verification: 'cyan',
  closed_done: 'green',
  closed_partly: 'lime',
  closed_not_done: 'red',
};

export function StatusTags({ r }: { r: Pick<Rec, 'status' | 'statusLabel' | 'stateLabel' | 'flags' | 'daysOverdue'> }) {
  return (
    <span>
      <Tag color={r.status ? STATUS_COLORS[r.status] : 'default'}>{r.statusLabel ?? r.stateLabel}</Tag>
      {r.flags.includes('overdue') && <Tag color="red">Quá hạn {r.daysOverdue} ngày</Tag>}
      {r.flags.includes('extended') && <Tag>Đã gia hạn</Tag>}
    </span>
  );
}

export function dueText(r: Pick<Rec, 'due' | 'originalDue' | 'plannedDue' | 'plannedWorkingDays'>): string {
  if (r.due) return r.originalDue && r.originalDue !== r.due ? `${fmtDate(r.due)} (hạn đầu ${fmtDate(r.originalDue)})` : fmtDate(r.due);
  if (r.plannedDue) return fmtDate(r.plannedDue);
  if (r.plannedWorkingDays) return `${r.plannedWorkingDays} ngày làm việc kể từ ngày ban hành`;
  return '—';
}

/** The recommendation's history, newest last; `fileHref` gives the download path of an evidence file. */
export function History({ events, escalations, fileHref }: { events: RecEvent[]; escalations: Escalation[]; fileHref(fileId: string): string }) {
  const items = [
    ...events.map((e) => ({ on: e.on, key: e.id, node: (
      <div>
        <strong>{fmtDate(e.on)} · {e.label}</strong>
        <span style={{ color: '#6b7280' }}> · {e.actor === 'agency' ? 'Cơ quan' : 'Cơ quan giám sát'}{e.userName ? ` (${e.userName})` : ''}</span>
        {e.reason && <div>Lý do: {e.reason}</div>}
        {e.text && <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>}
        {e.due && <div>Thời hạn mới: {fmtDate(e.due)}{e.approvedBy ? ` · Người phê duyệt: ${e.approvedBy}` : ''}</div>}
        {e.files.map((f) => <div key={f.id}><a href={fileHref(f.id)}>{f.fileName}</a> <span style={{ color: '#6b7280', fontSize: 12 }}>({fmtSize(f.size)})</span></div>)}
      </div>
    ), color: e.actor === 'agency' ? 'blue' : 'green' })),
    ...escalations.map((x) => ({ on: x.takenOn, key: x.id, node: (
      <div>
        <strong>{fmtDate(x.takenOn)} · {x.label}</strong>
        {x.symbol && <span> · Văn bản {x.downloadPath ? <a href={x.downloadPath}>{x.symbol}</a> : x.symbol}</span>}
        {x.scheduledOn && <div>Ngày dự kiến: {fmtDate(x.scheduledOn)}</div>}
        {x.responseDue && <div>Hạn giải trình: {fmtDate(x.responseDue)}</div>}
        {x.note && <div>{x.note}</div>}
      </div>
    ), color: 'red' })),
  ].sort((a, b) => a.on.localeCompare(b.on));
  if (!items.length) return <Typography.Text type="secondary">Chưa có diễn biến.</Typography.Text>;
  return <Timeline items={items.map((i) => ({ key: i.key, color: i.color, children: i.node }))} />;
}
