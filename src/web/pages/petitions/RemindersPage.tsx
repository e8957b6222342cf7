// Đôn đốc trả lời: what is due soon or overdue at each agency (answers awaited, and commitments of
// in-progress answers), one click to record a reminder, and the reminders already recorded.
import { Link, useParams } from 'react-router-dom';
import { Badge, Button, Card, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { BellOutlined } from '@ant-design/icons';
import { api } from '../../lib/api.ts';
import { useApi, usePagedTable } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { fmtDate, fmtDateTime } from '../../lib/format.ts';
import { useCouncil } from '../../shell/AppShell.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { DeadlineTag, clip, two, usePetitionPerms, type DeadlineState } from './shared.tsx';

interface DueEntry {
  kind: 'answer' | 'commitment';
  petitionId: string;
  number: number;
  text: string;
  letterNumber: string;
  letterDate: string | null;
  dueDate: string;
  status: DeadlineState;
  daysOverdue: number;
}
interface AgencyDue {
  agencyId: string;
  agencyName: string;
  agencyEmail: string;
  entries: DueEntry[];
  overdue: number;
  dueSoon: number;
}
interface Reminder {
  id: string;
  agencyName: string;
  createdAt: string;
  letterNumber: string;
  note: string;
  source: string;
  petitionIds: string[];
}

export function RemindersPage() {
  const { councilId } = useParams() as { councilId: string };
  const { councilName } = useCouncil();
  const perms = usePetitionPerms(councilId);
  const due = useApi<AgencyDue[]>(`/councils/${councilId}/reminders/due`);
  const history = usePagedTable<Reminder>(`/councils/${councilId}/reminders`, {}, { pageSize: 10 });

  if (due.error) return <ErrorView error={due.error} onRetry={due.reload} />;
  const remind = async (a: AgencyDue) => {
    try {
      await api.post(`/councils/${councilId}/reminders`, { agencyId: a.agencyId, petitionIds: [...new Set(a.entries.map((e) => e.petitionId))] });
      message.success(`Đã ghi nhận đôn đốc ${a.agencyName} (${a.entries.length} kiến nghị).`);
      history.reload();
    } catch (err) {
      showError(err);
    }
  };

  return (
    <Page title="Đôn đốc trả lời kiến nghị" subtitle={councilName} crumbs={[{ title: 'Kiến nghị cử tri' }, { title: 'Đôn đốc trả lời' }]}>
      {!due.data ? (
        <Loading />
      ) : due.data.length === 0 ? (
        <Card>
          <Empty description="Không có kiến nghị nào sắp đến hạn hoặc quá hạn trả lời." />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {due.data.map((a) => (
            <Card
              key={a.agencyId}
              size="small"
              title={
                <Space wrap>
                  <span>{a.agencyName}</span>
                  {a.overdue > 0 && <Badge count={`${two(a.overdue)} quá hạn`} style={{ background: '#cf1322' }} />}
                  {a.dueSoon > 0 && <Badge count={`${two(a.dueSoon)} sắp đến hạn`} style={{ background: '#d48806' }} />}
                </Space>
              }
              extra={
                perms.manage && (
                  <Popconfirm
                    title={`Ghi nhận đôn đốc ${a.agencyName}?`}
                    description={<div style={{ maxWidth: 280 }}>Ghi vào diễn biến của {a.entries.length} kiến nghị và thông báo cho người trả lời của cơ quan.</div>}
                    okText="Đôn đốc"
                    cancelText="Không"
                    onConfirm={() => remind(a)}
                  >
                    <Button type="primary" size="small" icon={<BellOutlined />}>Đôn đốc</Button>
                  </Popconfirm>
                )
              }
            >
              <ResponsiveTable<DueEntry>
                rowKey={(e) => `${e.kind}-${e.petitionId}`}
                size="small"
                pagination={false}
                dataSource={a.entries}
                scroll={{ x: 640 }}
                columns={[
                  { title: 'Số', dataIndex: 'number', width: 60 },
                  { title: 'Kiến nghị', dataIndex: 'text', render: (t: string, e) => <Link to={`/councils/${councilId}/petitions/${e.petitionId}`}>{clip(t, 160)}</Link> },
                  { title: 'Theo dõi', dataIndex: 'kind', width: 150, render: (k: string) => (k === 'answer' ? 'Chờ trả lời' : 'Cam kết hoàn thành') },
                  { title: 'Công văn', key: 'l', width: 150, render: (_: unknown, e) => `${e.letterNumber}${e.letterDate ? `, ${fmtDate(e.letterDate)}` : ''}` },
                  {
                    title: 'Hạn',
                    key: 'due',
                    width: 190,
                    render: (_: unknown, e) => (
                      <>
                        {fmtDate(e.dueDate)} <DeadlineTag state={e.status} />
                        {e.daysOverdue > 0 && <Typography.Text type="danger" style={{ fontSize: 12 }}>quá {e.daysOverdue} ngày</Typography.Text>}
                      </>
                    ),
                  },
                ]}
              />
            </Card>
          ))}
        </Space>
      )}
      <Card title="Các lần đôn đốc đã ghi nhận" style={{ marginTop: 16 }}>
        <ResponsiveTable<Reminder>
          rowKey="id"
          size="small"
          {...history.tableProps}
          locale={{ emptyText: 'Chưa có lần đôn đốc nào.' }}
          columns={[
            { title: 'Thời gian', dataIndex: 'createdAt', width: 150, render: fmtDateTime },
            { title: 'Cơ quan', dataIndex: 'agencyName' },
            { title: 'Số kiến nghị', key: 'n', width: 110, render: (_: unknown, r) => r.petitionIds?.length ?? '' },
            { title: 'Hình thức', dataIndex: 'source', width: 140, render: (s: string) => (s === 'manual' ? <Tag>Văn phòng ghi nhận</Tag> : <Tag color="blue">Tự động hằng ngày</Tag>) },
            { title: 'Ghi chú', key: 'note', render: (_: unknown, r) => [r.letterNumber, r.note].filter(Boolean).join(' — ') },
          ]}
        />
      </Card>
    </Page>
  );
}
