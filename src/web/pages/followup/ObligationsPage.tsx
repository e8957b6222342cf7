// The one inbox of the follow-up engine: everything an agency owes the council (petition answers,
// supervision recommendations, commitments, resolution tasks, letters) in one list, and the
// council's side of the same list (what its agencies owe it). Each line links to where it is acted on.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Card, Input, Select, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { useAuth } from '../../lib/auth.tsx';
import { usePagedTable } from '../../lib/hooks.ts';
import { fmtDate } from '../../lib/format.ts';
import { OBLIGATION_KIND_LABELS } from '../../../domain/followup/obligation.ts';
import { FOLLOWUP_FILTER_LABELS } from '../../../domain/followup/filters.ts';

export type Obligation = {
  id: string; kind: string; kindLabel: string; title: string; detail: string; link: string; councilName: string; agencyName: string;
  originalDue: string; due: string; answeredOn: string | null; closedOn: string | null; stateLabel: string;
  status: 'awaiting_answer' | 'answered' | 'closed'; statusLabel: string; deadline: string | null; deadlineLabel: string | null;
  overdue: boolean; daysOverdue: number; answeredLate: boolean; extended: boolean; remindersSent: number;
};

const KINDS = [{ value: 'all', label: 'Mọi loại việc' }, ...Object.entries(OBLIGATION_KIND_LABELS).map(([value, label]) => ({ value, label }))];
const STATUSES = [...(['owed', 'overdue', 'answered', 'closed'] as const).map((value) => ({ value, label: FOLLOWUP_FILTER_LABELS[value] })), { value: 'all', label: 'Tất cả' }];

function StatusTag({ o }: { o: Obligation }) {
  if (o.status === 'closed') return <Tag color="default">Đã đóng {fmtDate(o.closedOn!)}</Tag>;
  if (o.status === 'answered') return <Tag color={o.answeredLate ? 'orange' : 'blue'}>{o.statusLabel}{o.answeredLate ? ` (muộn ${o.daysOverdue} ngày)` : ''}</Tag>;
  if (o.overdue) return <Tag color="red">Quá hạn {o.daysOverdue} ngày</Tag>;
  return <Tag color={o.deadline === 'due_soon' ? 'gold' : 'green'}>{o.deadlineLabel ?? o.statusLabel}</Tag>;
}

function ObligationList({ path, side, title, subtitle }: { path: string; side: 'agency' | 'council'; title: string; subtitle?: string }) {
  const [sp] = useSearchParams();
  const [kind, setKind] = useState(sp.get('kind') ?? 'all');
  const [status, setStatus] = useState(sp.get('status') ?? 'owed');
  const [q, setQ] = useState('');
  const table = usePagedTable<Obligation>(path, { kind: kind === 'all' ? undefined : kind, status: status === 'all' ? undefined : status, q: q || undefined });
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <Page title={title} subtitle={subtitle} crumbs={[{ title: 'Theo dõi, đôn đốc' }, { title }]}>
      <Card>
        <Typography.Paragraph type="secondary">
          Một danh sách cho mọi việc {side === 'agency' ? 'cơ quan phải thực hiện theo yêu cầu của HĐND' : 'các cơ quan phải thực hiện theo yêu cầu của HĐND'}: hạn tính theo ngày làm việc,
          việc đã báo cáo chờ cơ quan của HĐND xác minh, chỉ cơ quan giám sát mới đóng được việc.
        </Typography.Paragraph>
        <div className="nt-toolbar">
          <Select aria-label="Loại việc" value={kind} onChange={setKind} options={KINDS} style={{ width: 260, maxWidth: '100%' }} />
          <Select aria-label="Tình trạng" value={status} onChange={setStatus} options={STATUSES} style={{ width: 230, maxWidth: '100%' }} />
          <Input.Search aria-label="Tìm" placeholder="Tìm theo nội dung (không cần dấu)" allowClear onSearch={setQ} style={{ width: 280, maxWidth: '100%' }} />
        </div>
        <ResponsiveTable<Obligation>
          rowKey="id"
          size="middle"
          {...table.tableProps}
          locale={{ emptyText: 'Không có việc nào.' }}
          columns={[
            {
              title: 'Việc', dataIndex: 'title',
              render: (t: string, r) => (
                <div>
                  <Link to={r.link}><strong>{t}</strong></Link>
                  <div style={{ color: '#6b7280', fontSize: 12 }}>{r.kindLabel} · {side === 'agency' ? r.councilName : r.agencyName}{r.detail ? ` · ${r.detail}` : ''}</div>
                  <div style={{ fontSize: 12 }}>{r.stateLabel}</div>
                </div>
              ),
            },
            {
              title: 'Hạn', dataIndex: 'due', width: 150,
              render: (v: string, r) => <div>{fmtDate(v)}{r.extended ? <div style={{ color: '#6b7280', fontSize: 12 }}>Hạn đầu: {fmtDate(r.originalDue)}</div> : null}</div>,
            },
            { title: 'Tình trạng', key: 'status', width: 210, render: (_: unknown, r) => <StatusTag o={r} /> },
            { title: 'Đã nhắc', dataIndex: 'remindersSent', width: 90, render: (n: number) => (n ? `${n} lần` : '—') },
          ]}
        />
      </Card>
    </Page>
  );
}

export function AgencyObligationsPage() {
  const { agencyId } = useParams() as { agencyId: string };
  const { me } = useAuth();
  const agencyName = me?.grants.find((g) => g.agencyId === agencyId)?.agencyName;
  return <ObligationList path={`/agencies/${agencyId}/obligations`} side="agency" title="Việc cần thực hiện" subtitle={agencyName ?? undefined} />;
}

export function CouncilObligationsPage() {
  const { councilId } = useParams() as { councilId: string };
  return <ObligationList path={`/councils/${councilId}/obligations`} side="council" title="Theo dõi việc của các cơ quan" />;
}
