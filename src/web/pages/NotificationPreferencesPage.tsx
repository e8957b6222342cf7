// Cách nhận thông báo: per kind of notification, in the app only, an e-mail right away, the daily
// digest, or nothing. The kinds come from the modules (GET /api/notification-preferences).
import { Button, Card, List, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../lib/api.ts';
import { useApi } from '../lib/hooks.ts';
import { message, showError } from '../lib/feedback.tsx';
import { ErrorView, Loading, Page } from '../components/common.tsx';

interface Pref { kind: string; label: string; audience: string; channel: string; defaultChannel: string }

export function NotificationPreferencesPage() {
  const prefs = useApi<{ items: Pref[]; channels: { value: string; label: string }[] }>('/notification-preferences');
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (prefs.data) setChoice(Object.fromEntries(prefs.data.items.map((p) => [p.kind, p.channel])));
  }, [prefs.data]);
  if (prefs.error) return <ErrorView error={prefs.error} onRetry={prefs.reload} />;
  if (!prefs.data) return <Loading />;
  const changed = prefs.data.items.filter((p) => choice[p.kind] && choice[p.kind] !== p.channel);
  const save = async () => {
    setBusy(true);
    try {
      await api.put('/notification-preferences', { items: changed.map((p) => ({ kind: p.kind, channel: choice[p.kind] })) });
      message.success('Đã lưu cách nhận thông báo.');
      prefs.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page
      title="Cách nhận thông báo"
      crumbs={[{ title: 'Thông báo', to: '/notifications' }, { title: 'Cách nhận thông báo' }]}
      extra={<Button type="primary" disabled={!changed.length} loading={busy} onClick={save}>Lưu thay đổi</Button>}
    >
      <Card>
        <Typography.Paragraph type="secondary">
          Thư tóm tắt hằng ngày gộp mọi thông báo trong ngày vào một thư. Thông báo luôn hiện trên Nghị Trường, trừ khi chọn “Không nhận”.
        </Typography.Paragraph>
        <List
          dataSource={prefs.data.items}
          renderItem={(p) => (
            <List.Item style={{ flexWrap: 'wrap', gap: 8 }}>
              <List.Item.Meta title={p.label} description={p.audience} style={{ minWidth: 220 }} />
              <Select
                aria-label={`Cách nhận: ${p.label}`}
                style={{ width: 280, maxWidth: '100%' }}
                value={choice[p.kind]}
                onChange={(v) => setChoice((c) => ({ ...c, [p.kind]: v }))}
                options={prefs.data!.channels}
              />
            </List.Item>
          )}
        />
      </Card>
    </Page>
  );
}
