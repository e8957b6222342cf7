// Đôn đốc trả lời: what is due soon or overdue at each agency (answers awaited, and commitments of
// in-progress answers), one click to record a reminder, and the reminders already recorded.
// ?letter=due keeps the agencies a reminder letter is due to (the home page's "letters to issue").
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Badge, Button, Card, Empty, Popconfirm, Segmented, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ListPager } from '../../components/ListPager.tsx';
import { BellOutlined, FileTextOutlined } from '@ant-design/icons';
import { api } from '../../lib/api.ts';
import { useApi, usePagedTable } from '../../lib/hooks.ts';
import { message, showError } from '../../lib/feedback.tsx';
import { clip, fmtDate, fmtDateTime } from '../../lib/format.ts';
import { useCouncil } from '../../shell/AppShell.tsx';
import { ErrorView, Loading, Page } from '../../components/common.tsx';
import { DeadlineTag, two, usePetitionPerms, type DeadlineState } from './shared.tsx';

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
  lettersDue: number;
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
  const [params, setParams] = useSearchParams();
  const letter = params.get('letter') === 'due' ? 'due' : undefined;
  const due = usePagedTable<AgencyDue>(`/councils/${councilId}/reminders/due`, { letter }, { pageSize: 10 });
  const history = usePagedTable<Reminder>(`/councils/${councilId}/reminders`, {}, { pageSize: 10 });

  if (due.error) return <ErrorView error={due.error} onRetry={due.reload} />;
  const remind = async (a: AgencyDue) => {
    try {
      await api.post(`/councils/${councilId}/reminders`, { agencyId: a.agencyId, petitionIds: [...new Set(a.entries.map((e) => e.petitionId))] });
      message.success(`Đã ghi nhận đôn đốc ${a.agencyName} (${a.entries.length} kiến nghị).`);
      history.reload();
      due.reload();
    } catch (err) {
      showError(err);
    }
  };

  return (
    <Page title="Đôn đốc trả lời kiến nghị" subtitle={councilName} crumbs={[{ title: 'Kiến nghị cử tri' }, { title: 'Đôn đốc trả lời' }]}>
      <div className="nt-toolbar">
        <Segmented
          value={letter ?? 'all'}
          onChange={(v) => setParams(v === 'due' ? { letter: 'due' } : {}, { replace: true })}
          options={[
            { value: 'all', label: 'Sắp đến hạn, quá hạn' },
            { value: 'due', label: 'Cần công văn đôn đốc' },
          ]}
        />
      </div>
      {!due.data ? (
        <Loading />
      ) : due.data.items.length === 0 ? (
        <Card>
          <Empty description={letter ? 'Không có cơ quan nào cần phát hành công văn đôn đốc.' : 'Không có kiến nghị nào sắp đến hạn hoặc quá hạn trả lời.'} />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {due.data.items.map((a) => (
            <Card
              key={a.agencyId}
              size="small"
              title={
                <Space wrap>
                  <span>{a.agencyName}</span>
                  {a.overdue > 0 && <Badge count={`${two(a.overdue)} quá hạn`} style={{ background: '#cf1322' }} />}
                  {a.dueSoon > 0 && <Badge count={`${two(a.dueSoon)} sắp đến hạn`} style={{ background: '#d48806' }} />}
                  {a.lettersDue > 0 && <Tag color="red">{two(a.lettersDue)} chưa được đôn đốc bằng công văn</Tag>}
                </Space>
              }
              extra={
                perms.manage && (
                  <Space wrap size={4}>
                  {a.lettersDue > 0 && (
                    <Link to={`/councils/${councilId}/documents/new?template=petition_reminder_letter`}>
                      <Button size="small" icon={<FileTextOutlined />}>Soạn công văn</Button>
                    </Link>
                  )}
                  <Popconfirm
                    title={`Ghi nhận đôn đốc ${a.agencyName}?`}
                    description={<div style={{ maxWidth: 280 }}>Ghi vào diễn biến của {a.entries.length} kiến nghị và thông báo cho người trả lời của cơ quan.</div>}
                    okText="Đôn đốc"
                    cancelText="Không"
                    onConfirm={() => remind(a)}
                  >
                    <Button type="primary" size="small" icon={<BellOutlined />}>Đôn đốc</Button>
                  </Popconfirm>
                  </Space>
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
          <ListPager list={due} />
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
