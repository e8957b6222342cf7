// Điểm danh kỳ họp, a delegate's own check-in on the phone (390 px first): the session, the mark
// the secretariat or the delegate recorded, and — when the council allows it — three large
// buttons: in the room, online, absent (with the reason for the chair).
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Input, Select, Space, Tag, Typography } from 'antd';
import { ErrorView, Loading, Page } from '../../../components/common.tsx';
import { api, type Page as ListPage } from '../../../lib/api.ts';
import { useApi } from '../../../lib/hooks.ts';
import { message, showError } from '../../../lib/feedback.tsx';
import { fmtDate, fmtDateTime } from '../../../lib/format.ts';
import { useSessionParam } from '../shared.tsx';
import { STATUS_COLORS } from './floorShared.tsx';

interface Me {
  session: { id: string; title: string; state: string; stateLabel: string; openingDate: string };
  delegate: { id: string; fullName: string } | null;
  selfCheckIn: { allowed: boolean; refusal: string | null; default: boolean };
  mark: { status: string; statusLabel: string; reason: string; source: string; recordedAt: string | null } | null;
}
interface PortalSession { id: string; title: string; openingDate: string; state: string }

export function CheckInPage() {
  const { councilId } = useParams() as { councilId: string };
  const list = useApi<ListPage<PortalSession>>(`/councils/${councilId}/portal/sessions`, { pageSize: 50 });
  const pick = (items: PortalSession[]) => items.find((s) => s.state === 'inProgress') ?? items.find((s) => s.state === 'convened') ?? items[0]!;
  const [sessionId, setSessionId] = useSessionParam(list.data?.items, pick);
  const me = useApi<Me>(sessionId ? `/councils/${councilId}/chamber/sessions/${sessionId}/me` : null);
  const [absent, setAbsent] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (list.error) return <ErrorView error={list.error} />;
  if (me.error) return <ErrorView error={me.error} onRetry={me.reload} />;
  const send = async (status: 'present' | 'online' | 'absent') => {
    setBusy(true);
    try {
      await api.put(`/councils/${councilId}/chamber/sessions/${sessionId}/me`, { status, reason: status === 'absent' ? reason : null });
      message.success(status === 'absent' ? 'Đã báo vắng mặt với chủ tọa.' : 'Đã điểm danh.');
      setAbsent(false);
      me.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const sessions = list.data?.items ?? [];
  const v = me.data;
  const big = { height: 56, fontSize: 18 } as const;
  return (
    <Page title="Điểm danh kỳ họp" crumbs={[{ title: 'Kỳ họp' }, { title: 'Điểm danh' }]}>
      {list.loading && !list.data ? <Loading /> : sessions.length === 0 ? <Card><Empty description="Chưa có kỳ họp nào." /></Card> : (
        <Space direction="vertical" size={12} style={{ width: '100%', maxWidth: 560 }}>
          <Select aria-label="Kỳ họp" value={sessionId ?? undefined} onChange={setSessionId} style={{ width: '100%' }}
            options={sessions.map((s) => ({ value: s.id, label: `${s.title} · ${fmtDate(s.openingDate)}` }))} />
          {!v ? <Loading /> : (
            <>
              <Card size="small">
                <Typography.Title level={4} style={{ margin: 0 }}>{v.session.title}</Typography.Title>
                <div style={{ color: '#6b7280' }}>Khai mạc {fmtDate(v.session.openingDate)} · {v.session.stateLabel}</div>
                {v.delegate && <div style={{ marginTop: 4 }}>Đại biểu {v.delegate.fullName}</div>}
                <div style={{ marginTop: 8 }} data-testid="my-mark">
                  {v.mark ? (
                    <Space wrap>
                      <Tag color={STATUS_COLORS[v.mark.status]} style={{ fontSize: 16, padding: '4px 10px' }}>{v.mark.statusLabel}</Tag>
                      <Typography.Text type="secondary">{v.mark.source === 'self' ? 'Bạn tự điểm danh' : 'Văn phòng điểm danh'}{v.mark.recordedAt ? ` lúc ${fmtDateTime(v.mark.recordedAt)}` : ''}</Typography.Text>
                      {v.mark.reason && <div>Lý do: {v.mark.reason}</div>}
                    </Space>
                  ) : <Tag>Chưa điểm danh</Tag>}
                </div>
              </Card>
              {!v.delegate && <Alert type="info" showIcon message="Tài khoản của bạn chưa được gắn với một đại biểu của HĐND này. Hãy liên hệ Văn phòng." />}
              {v.delegate && !v.selfCheckIn.allowed && <Alert type="info" showIcon message={v.selfCheckIn.refusal} data-testid="self-refused" />}
              {v.delegate && v.selfCheckIn.allowed && (
                <Card size="small" title="Tự điểm danh">
                  <Space direction="vertical" size={10} style={{ width: '100%' }}>
                    <Button type="primary" block style={big} loading={busy} onClick={() => send('present')} data-testid="check-present">Có mặt tại phòng họp</Button>
                    <Button block style={big} loading={busy} onClick={() => send('online')}>Tham dự trực tuyến</Button>
                    {!absent ? <Button danger block style={big} onClick={() => setAbsent(true)}>Vắng mặt…</Button> : (
                      <Space direction="vertical" style={{ width: '100%' }}>
                        <Input.TextArea aria-label="Lý do vắng mặt" rows={3} maxLength={2000} placeholder="Lý do vắng mặt (báo cáo chủ tọa kỳ họp)" value={reason} onChange={(e) => setReason(e.target.value)} />
                        <Button danger type="primary" block style={big} loading={busy} onClick={() => send('absent')}>Báo vắng mặt</Button>
                      </Space>
                    )}
                    {v.selfCheckIn.default && <Typography.Text type="secondary" style={{ fontSize: 12 }}>Cho phép tự điểm danh là cài đặt của Hội đồng nhân dân.</Typography.Text>}
                  </Space>
                </Card>
              )}
            </>
          )}
        </Space>
      )}
    </Page>
  );
}
