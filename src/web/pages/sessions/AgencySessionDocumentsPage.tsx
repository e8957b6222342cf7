// Tài liệu kỳ họp cần nộp: the presenting agency's own expected documents (due date, timing, the
// versions it sent) and the upload button; the date of the first upload decides lateness.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Card, Select, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { useAuth } from '../../lib/auth.tsx';
import { usePagedTable } from '../../lib/hooks.ts';
import { fmtDate } from '../../lib/format.ts';
import { TimingTag, dueNote, type SessionDoc } from './shared.tsx';
import { UploadButton } from './SessionPage.tsx';

export function AgencySessionDocumentsPage() {
  const { agencyId } = useParams() as { agencyId: string };
  const { me } = useAuth();
  const agencyName = me?.grants.find((g) => g.agencyId === agencyId)?.agencyName;
  const [sp] = useSearchParams();
  const [timing, setTiming] = useState<string>(sp.get('timing') ?? 'all');
  const table = usePagedTable<SessionDoc>(`/agencies/${agencyId}/session-documents`, { timing: timing === 'all' ? undefined : timing });
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <Page title="Tài liệu kỳ họp cần nộp" subtitle={agencyName} crumbs={[{ title: 'Kỳ họp' }, { title: 'Tài liệu cần nộp' }]}>
      <Card>
        <Typography.Paragraph type="secondary">Nộp tệp PDF hoặc Word (.docx), tối đa 10 MB. Mỗi lần nộp là một phiên bản; ngày nộp lần đầu quyết định đúng hạn hay muộn.</Typography.Paragraph>
        <div className="nt-toolbar">
          <Select aria-label="Tình trạng" value={timing} onChange={setTiming} style={{ width: 220, maxWidth: '100%' }} options={[
            { value: 'all', label: 'Tất cả tài liệu' }, { value: 'notReceived', label: 'Chưa nộp (hạn gần nhất trước)' }, { value: 'late', label: 'Quá hạn, chưa nộp' }, { value: 'dueSoon', label: 'Sắp đến hạn' }, { value: 'expected', label: 'Chưa đến hạn' },
          ]} />
        </div>
        <ResponsiveTable<SessionDoc>
          rowKey="id"
          size="middle"
          {...table.tableProps}
          locale={{ emptyText: 'Không có tài liệu nào cần nộp.' }}
          columns={[
            {
              title: 'Tài liệu', dataIndex: 'title',
              render: (t: string, r) => <div><strong>{t}</strong><div style={{ color: '#6b7280', fontSize: 12 }}>{r.itemTitle} · {r.sessionTitle} ({fmtDate(r.openingDate)}), {r.councilName}</div><Link to={`/agencies/${agencyId}/session-items/${r.itemId}/chain`} style={{ fontSize: 12 }}>Ý kiến thẩm tra, tiếp thu</Link></div>,
            },
            { title: 'Hạn nộp', dataIndex: 'dueDate', width: 180, render: (v: string | null, r) => (v ? <div>{fmtDate(v)}<div style={{ color: '#6b7280', fontSize: 12 }}>{dueNote(r)}</div></div> : 'Không có hạn') },
            { title: 'Tình trạng', key: 't', width: 210, render: (_: unknown, r) => <TimingTag doc={r} /> },
            {
              title: 'Đã nộp', key: 'files', width: 220,
              render: (_: unknown, r) => (r.files ?? []).length === 0 ? '—' : (r.files ?? []).map((f) => (
                <div key={f.id} style={{ fontSize: 12 }}><a href={`/api/agencies/${agencyId}/session-documents/${r.id}/files/${f.id}`}>Bản {f.version}: {f.fileName}</a> ({fmtDate(f.receivedOn)})</div>
              )),
            },
            { title: '', key: 'actions', width: 120, render: (_: unknown, r) => <UploadButton path={`/agencies/${agencyId}/session-documents/${r.id}/files`} onDone={table.reload} label={r.receivedOn ? 'Nộp bản sửa' : 'Nộp tài liệu'} /> },
          ]}
        />
      </Card>
    </Page>
  );
}
