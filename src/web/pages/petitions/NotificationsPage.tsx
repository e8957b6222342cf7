// Thông báo của tôi: the current user's notifications (forwarded petitions, reminders, answers,
// returns), mark one or all as read; the header's bell opens it. How each kind arrives is chosen on
// /notifications/preferences.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Badge, Button, Card, List, Segmented, Typography } from 'antd';
import { api } from '../../lib/api.ts';
import { usePagedTable } from '../../lib/hooks.ts';
import { showError } from '../../lib/feedback.tsx';
import { fmtDateTime } from '../../lib/format.ts';
import { Page } from '../../components/common.tsx';

interface Notice {
  id: string;
  title?: string;
  body?: string;
  message?: string;
  link?: string | null;
  url?: string | null;
  createdAt: string;
  readAt: string | null;
  kind?: string;
  kindLabel?: string;
}

export function NotificationsPage() {
  const [unread, setUnread] = useState<'true' | 'all'>('all');
  const table = usePagedTable<Notice>('/notifications', { unread: unread === 'true' ? 'true' : undefined }, { pageSize: 20 });
  const read = async (n: Notice) => {
    try {
      await api.post(`/notifications/${n.id}/read`);
      table.reload();
    } catch (err) {
      showError(err);
    }
  };
  const readAll = async () => {
    try {
      await api.post('/notifications/read-all');
      table.reload();
    } catch (err) {
      showError(err);
    }
  };
  const items = table.tableProps.dataSource as Notice[];
  return (
    <Page title="Thông báo" crumbs={[{ title: 'Thông báo' }]} extra={<><Button onClick={readAll}>Đánh dấu tất cả đã đọc</Button><Link to="/notifications/preferences"><Button>Cách nhận thông báo</Button></Link></>}>
      <Card>
        <div className="nt-toolbar">
          <Segmented value={unread} onChange={(v) => setUnread(v as 'true' | 'all')} options={[{ value: 'all', label: 'Tất cả' }, { value: 'true', label: 'Chưa đọc' }]} />
        </div>
        <List
          loading={!!table.tableProps.loading}
          dataSource={items}
          locale={{ emptyText: 'Không có thông báo nào.' }}
          pagination={{ ...(table.tableProps.pagination as object), onChange: (page: number, pageSize: number) => table.tableProps.onChange?.({ current: page, pageSize }, {}, [], { action: 'paginate', currentDataSource: [] }) }}
          renderItem={(n) => {
            const link = n.link ?? n.url;
            return (
              <List.Item
                key={n.id}
                actions={n.readAt ? [] : [<Button key="r" size="small" type="link" onClick={() => read(n)}>Đã đọc</Button>]}
              >
                <List.Item.Meta
                  title={
                    <span>
                      {!n.readAt && <Badge status="processing" />} {link ? <Link to={link} onClick={() => !n.readAt && read(n)}>{n.title ?? 'Thông báo'}</Link> : (n.title ?? 'Thông báo')}
                    </span>
                  }
                  description={
                    <>
                      <div>{n.body ?? n.message}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{n.kindLabel ? `${n.kindLabel} · ` : ''}{fmtDateTime(n.createdAt)}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      </Card>
    </Page>
  );
}
