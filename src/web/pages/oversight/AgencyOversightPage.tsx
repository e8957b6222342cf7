// Hoạt động giám sát cơ quan: the activities the agency is supervised in (adopted programmes of
// any council), with the files it sent, and the upload of its report (PDF, Word, Excel).
import { useParams } from 'react-router-dom';
import { Card, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ErrorView, Page } from '../../components/common.tsx';
import { useAuth } from '../../lib/auth.tsx';
import { usePagedTable } from '../../lib/hooks.ts';
import { fmtDate } from '../../lib/format.ts';
import { UploadButton } from '../sessions/SessionPage.tsx';
import { Period } from './shared.tsx';

interface Row { id: string; title: string; kindLabel: string; startDate: string; endDate: string; stateLabel: string; bodyName: string; councilName: string; files: { id: string; title: string; fileName: string; createdAt: string }[] }

export function AgencyOversightPage() {
  const { agencyId } = useParams() as { agencyId: string };
  const { me } = useAuth();
  const agencyName = me?.grants.find((g) => g.agencyId === agencyId)?.agencyName;
  const table = usePagedTable<Row>(`/agencies/${agencyId}/oversight-activities`);
  if (table.error) return <ErrorView error={table.error} />;
  return (
    <Page title="Hoạt động giám sát đối với cơ quan" subtitle={agencyName} crumbs={[{ title: 'Giám sát' }, { title: 'Hoạt động giám sát cơ quan' }]}>
      <Card>
        <Typography.Paragraph type="secondary">Gửi báo cáo theo đề cương của Đoàn giám sát và tài liệu kèm theo: PDF, Word (.docx) hoặc Excel (.xlsx), tối đa 10 MB mỗi tệp.</Typography.Paragraph>
        <ResponsiveTable<Row>
          rowKey="id"
          size="middle"
          {...table.tableProps}
          locale={{ emptyText: 'Cơ quan chưa là đối tượng của hoạt động giám sát nào.' }}
          columns={[
            { title: 'Hoạt động', dataIndex: 'title', render: (t: string, r) => <div><strong>{t}</strong><div style={{ color: '#6b7280', fontSize: 12 }}>{r.kindLabel} · {r.bodyName}</div></div> },
            { title: 'Thời gian', key: 'p', width: 200, render: (_: unknown, r) => <Period from={r.startDate} to={r.endDate} /> },
            { title: 'Trạng thái', dataIndex: 'stateLabel', width: 160, responsive: ['md'], render: (l: string) => <Tag>{l}</Tag> },
            {
              title: 'Đã gửi', key: 'files', width: 260,
              render: (_: unknown, r) => r.files.length === 0 ? '—' : r.files.map((f) => (
                <div key={f.id} style={{ fontSize: 12 }}><a href={`/api/agencies/${agencyId}/oversight-activities/${r.id}/files/${f.id}`}>{f.title}</a> ({fmtDate(f.createdAt)})</div>
              )),
            },
            { title: '', key: 'a', width: 130, render: (_: unknown, r) => <UploadButton path={`/agencies/${agencyId}/oversight-activities/${r.id}/files`} onDone={table.reload} label="Gửi báo cáo" /> },
          ]}
        />
      </Card>
    </Page>
  );
}
