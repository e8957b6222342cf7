// Chậm muộn tài liệu: per presenting body over a year of sessions (documents, late, average days
// late), worst first — the dashboard the founding notice asks for — with a drill-down page listing
// the documents behind each count.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Card, InputNumber, Select, Space, Statistic } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { usePagedTable } from '../../lib/hooks.ts';
import { fmtDate } from '../../lib/format.ts';
import { DOCUMENT_TIMING_LABELS, LatenessTable, TimingTag, type AgencyLateness, type SessionDoc } from './shared.tsx';

export function SessionLatenessPage() {
  const { councilId } = useParams() as { councilId: string };
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const table = usePagedTable<AgencyLateness>(`/councils/${councilId}/session-lateness`, { year });
  if (table.error) return <ErrorView error={table.error} />;
  const totals = (table.data as unknown as { totals?: { documents: number; late: number } } | null)?.totals;
  return (
    <Page title="Chậm muộn tài liệu kỳ họp" subtitle="Theo cơ quan trình, các kỳ họp khai mạc trong năm" crumbs={[{ title: 'Kỳ họp', to: `/councils/${councilId}/sessions` }, { title: 'Chậm muộn tài liệu' }]}
      extra={<Space>Năm <InputNumber aria-label="Năm" min={1990} max={2100} value={year} onChange={(v) => v && setYear(v)} /></Space>}>
      <Card style={{ marginBottom: 16 }}>
        <Space size={32} wrap>
          <Statistic title="Tài liệu phải nộp" value={totals?.documents ?? 0} />
          <Statistic title="Nộp muộn hoặc quá hạn" value={totals?.late ?? 0} valueStyle={{ color: (totals?.late ?? 0) > 0 ? '#cf1322' : undefined }} />
        </Space>
      </Card>
      <Card>
        <LatenessTable rows={table.data?.items ?? []} loading={!!table.tableProps.loading} pagination={table.tableProps.pagination as object} councilId={councilId} query={`year=${year}`} />
      </Card>
    </Page>
  );
}

export function SessionDocumentsPage() {
  const { councilId } = useParams() as { councilId: string };
  const [sp] = useSearchParams();
  const [timing, setTiming] = useState<string | undefined>(sp.get('timing') ?? undefined);
  const filters = { year: sp.get('year') ?? undefined, councilSessionId: sp.get('councilSessionId') ?? undefined, presenterId: sp.get('presenterId') ?? undefined, timing };
  const table = usePagedTable<SessionDoc>(`/councils/${councilId}/session-documents`, filters);
  if (table.error) return <ErrorView error={table.error} />;
  const presenter = table.data?.items[0]?.presenterName;
  return (
    <Page title="Tài liệu kỳ họp" subtitle={[presenter, filters.year ? `năm ${filters.year}` : null].filter(Boolean).join(', ')} crumbs={[{ title: 'Kỳ họp', to: `/councils/${councilId}/sessions` }, { title: 'Chậm muộn tài liệu', to: `/councils/${councilId}/session-lateness` }, { title: 'Tài liệu' }]}>
      <Card>
        <div className="nt-toolbar">
          <Select allowClear placeholder="Tình trạng" style={{ width: 220 }} value={timing} onChange={setTiming}
            options={[{ value: 'anyLate', label: 'Nộp muộn hoặc quá hạn' }, ...Object.entries(DOCUMENT_TIMING_LABELS).map(([value, label]) => ({ value, label }))]} />
        </div>
        <ResponsiveTable<SessionDoc>
          rowKey="id"
          size="middle"
          {...table.tableProps}
          locale={{ emptyText: 'Không có tài liệu nào.' }}
          columns={[
            { title: 'Tài liệu', dataIndex: 'title', render: (t: string, r) => <div>{t}<div style={{ color: '#6b7280', fontSize: 12 }}>{r.itemTitle}</div></div> },
            { title: 'Cơ quan trình', dataIndex: 'presenterName', width: 200, responsive: ['md'] },
            { title: 'Kỳ họp', dataIndex: 'sessionTitle', width: 150, render: (t: string, r) => <Link to={`/councils/${councilId}/sessions/${r.sessionId}`}>{t}</Link> },
            { title: 'Hạn nộp', dataIndex: 'dueDate', width: 110, render: fmtDate },
            { title: 'Ngày nhận', dataIndex: 'receivedOn', width: 110, render: (v: string | null) => fmtDate(v) || '—' },
            { title: 'Tình trạng', key: 't', width: 200, render: (_: unknown, r) => <TimingTag doc={r} /> },
          ]}
        />
      </Card>
    </Page>
  );
}
