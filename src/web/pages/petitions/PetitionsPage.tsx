// Kiến nghị cử tri: every petition of the council, server-paginated, with the filters a
// secretariat follows up by (round, field, level, agency, status, deadline state, commune,
// delegate group) and an accent-insensitive search. Filters live in the URL so links can share them.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Card, Input, Select, Tag, Tooltip } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useDebounced, usePagedTable } from '../../lib/hooks.ts';
import { clip, fmtDate } from '../../lib/format.ts';
import { useCouncil } from '../../shell/AppShell.tsx';
import { AgencySelect, UnitSelect } from '../../components/pickers.tsx';
import { ErrorView, Page, SearchCorrection } from '../../components/common.tsx';
import { ExportButton } from '../documents/shared.tsx';
import {
  DeadlineTag, ResultTag, StatusTag, levelOptions, statusOptions, useBodies, useFields, useRounds, type PetitionRow,
} from './shared.tsx';

const DEADLINE_FILTERS = [
  { value: 'due_soon', label: 'Sắp đến hạn' },
  { value: 'overdue', label: 'Quá hạn' },
  { value: 'long_overdue', label: 'Quá hạn kéo dài' },
];

const KEYS = ['roundId', 'fieldId', 'competentLevel', 'agencyId', 'status', 'deadline', 'unitId', 'bodyId'] as const;

export function PetitionsPage() {
  const { councilId } = useParams() as { councilId: string };
  const { councilName } = useCouncil();
  const [sp, setSp] = useSearchParams();
  const [q, setQ] = useState(sp.get('q') ?? '');
  const dq = useDebounced(q.trim(), 300);
  const filters = Object.fromEntries(KEYS.map((k) => [k, sp.get(k) ?? undefined])) as Record<(typeof KEYS)[number], string | undefined>;
  const table = usePagedTable<PetitionRow>(`/councils/${councilId}/petitions`, { ...filters, q: dq });
  const rounds = useRounds(councilId);
  const fields = useFields(councilId);
  const bodies = useBodies(councilId);
  const setF = (k: string, v: string | undefined) =>
    setSp(
      (p) => {
        const n = new URLSearchParams(p);
        if (v) n.set(k, v);
        else n.delete(k);
        return n;
      },
      { replace: true },
    );

  if (table.error && (table.error.status === 403 || table.error.status === 404)) return <ErrorView error={table.error} />;
  const anyFilter = !!dq || KEYS.some((k) => filters[k]);

  return (
    <Page
      title="Kiến nghị cử tri"
      subtitle={councilName}
      crumbs={[{ title: 'Kiến nghị cử tri' }, { title: 'Danh sách kiến nghị' }]}
      extra={<ExportButton path={`/councils/${councilId}/petitions/export.xlsx`} query={{ ...filters, q: dq }} />}
    >
      <Card>
        <div className="nt-toolbar">
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Tìm kiến nghị (gõ có dấu hoặc không dấu)"
            style={{ width: 320, maxWidth: '100%' }}
            aria-label="Tìm kiến nghị"
          />
          <Select allowClear placeholder="Đợt tiếp xúc" value={filters.roundId} onChange={(v) => setF('roundId', v)} style={{ width: 240 }} popupMatchSelectWidth={false}
            options={rounds.map((r) => ({ value: r.id, label: r.name }))} />
          <Select allowClear placeholder="Lĩnh vực" value={filters.fieldId} onChange={(v) => setF('fieldId', v)} style={{ width: 170 }} popupMatchSelectWidth={false}
            options={fields.map((f) => ({ value: f.id, label: f.name }))} />
          <Select allowClear placeholder="Cấp thẩm quyền" value={filters.competentLevel} onChange={(v) => setF('competentLevel', v)} style={{ width: 170 }} popupMatchSelectWidth={false}
            options={levelOptions} />
          <AgencySelect placeholder="Cơ quan giải quyết" value={filters.agencyId} onChange={(v) => setF('agencyId', v)} style={{ width: 220 }} popupMatchSelectWidth={false} />
          <Select allowClear placeholder="Trạng thái" value={filters.status} onChange={(v) => setF('status', v)} style={{ width: 200 }} popupMatchSelectWidth={false}
            options={statusOptions} />
          <Select allowClear placeholder="Hạn trả lời" value={filters.deadline} onChange={(v) => setF('deadline', v)} style={{ width: 160 }}
            options={DEADLINE_FILTERS} />
          <UnitSelect placeholder="Xã, phường" value={filters.unitId} onChange={(v) => setF('unitId', v)} style={{ width: 200 }} popupMatchSelectWidth={false} />
          <Select allowClear placeholder="Tổ đại biểu" value={filters.bodyId} onChange={(v) => setF('bodyId', v)} style={{ width: 200 }} popupMatchSelectWidth={false}
            options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
        </div>
        <SearchCorrection corrected={table.corrected} />
        <ResponsiveTable<PetitionRow>
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          {...table.tableProps}
          locale={{ emptyText: anyFilter ? 'Không có kiến nghị nào khớp với điều kiện lọc.' : 'Chưa có kiến nghị nào.' }}
          columns={[
            { title: 'Số', dataIndex: 'number', width: 60 },
            {
              title: 'Nội dung kiến nghị',
              dataIndex: 'text',
              render: (t: string, p) => (
                <div>
                  <Link to={`/councils/${councilId}/petitions/${p.id}`} title={t}>{clip(t, 180)}</Link>
                  <div style={{ color: '#6b7280', fontSize: 12 }}>
                    {[p.fieldName, p.communes.join(', '), `${p.voterCount} lượt cử tri`].filter(Boolean).join(' · ')}
                  </div>
                </div>
              ),
            },
            { title: 'Cấp', dataIndex: 'levelLabel', width: 140, responsive: ['xl'] },
            { title: 'Cơ quan giải quyết', dataIndex: 'agencyName', width: 200, responsive: ['lg'] },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              width: 200,
              render: (s: string, p) => (
                <div>
                  <StatusTag status={s} label={p.statusLabel} />
                  {p.lastResult && p.lastResultLabel !== p.statusLabel && (
                    <div style={{ marginTop: 4 }}><ResultTag result={p.lastResult} label={p.lastResultLabel} /></div>
                  )}
                </div>
              ),
            },
            {
              title: 'Hạn',
              key: 'due',
              width: 140,
              render: (_: unknown, p) =>
                p.trackedDue ? (
                  <div>
                    <div>{fmtDate(p.trackedDue)}</div>
                    <DeadlineTag state={p.deadlineStatus} due={p.trackedDue} />
                  </div>
                ) : null,
            },
            {
              title: <Tooltip title="Số kỳ họp mà kiến nghị đã đi qua chưa được giải quyết xong">Tồn đọng</Tooltip>,
              dataIndex: 'outstandingSessions',
              width: 100,
              align: 'center',
              render: (n: number) => (n > 1 ? <Tag color="volcano">{n} kỳ họp</Tag> : <span style={{ color: '#9ca3af' }}>{n} kỳ</span>),
            },
          ]}
        />
      </Card>
    </Page>
  );
}
