// The speakers' list of an agenda item as the chair runs it: registered on the portal or added
// from the floor, ordered by drag or by the up/down buttons (the order is saved with the version
// seen: when someone else changed the list first, the chair is told and the list reloads), a
// speaker called (the countdown starts from the council profile's minutes), the turn ended.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Empty, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { LiveTag } from './votesShared.tsx';
import { ErrorView, Loading } from '../../../components/common.tsx';
import { api, ApiError, type Page as ListPage } from '../../../lib/api.ts';
import { useApi } from '../../../lib/hooks.ts';
import { message, showError } from '../../../lib/feedback.tsx';
import {
  Countdown, ItemSelect, STATUS_COLORS, Toolbar, UnverifiedTag, formatClock, moveInOrder, useFloorPerms, useFloorLive, useServerOffset,
  type FloorView, type Speaker,
} from './floorShared.tsx';

type SpeakerList = ListPage<Speaker> & { version: number; serverNow: string; speakingMinutes: { speech: number; question: number; answer: number }; speakingMinutesDefault: boolean; session: { state: string } };

export function SpeakersPanel(props: { councilId: string; sessionId: string; itemId: string | null; onItem(v: string | null): void }) {
  const perms = useFloorPerms(props.councilId);
  const floor = useApi<FloorView>(`/councils/${props.councilId}/chamber/sessions/${props.sessionId}/floor`);
  const itemId = props.itemId ?? floor.data?.items[0]?.id ?? null;
  const path = itemId ? `/councils/${props.councilId}/chamber/items/${itemId}/speakers` : null;
  const list = useApi<SpeakerList>(path, { pageSize: 200 });
  const live = useFloorLive(props.councilId, props.sessionId, list.reload);
  const offset = useServerOffset(list.data?.serverNow);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState<string | null>(null);
  const [adding, setAdding] = useState<{ delegateId?: string; kind: string }>({ kind: 'speech' });
  const roll = useApi<ListPage<{ delegateId: string; fullName: string }>>(perms.speakers ? `/councils/${props.councilId}/chamber/sessions/${props.sessionId}/attendance` : null, { pageSize: 200 });

  if (floor.error) return <ErrorView error={floor.error} />;
  if (!floor.data) return <Loading />;
  if (!floor.data.items.length) return <Empty description="Kỳ họp chưa có nội dung." />;
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  const data = list.data;
  const items = data?.items ?? [];
  const closed = data?.session.state === 'closed';
  const canRun = perms.speakers && !closed;

  const act = async (f: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await f();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) message.warning(err.message);
      else showError(err);
    } finally {
      setBusy(false);
      list.reload();
    }
  };
  const saveOrder = (order: string[]) => act(() => api.put(`${path}/order`, { order, version: data!.version }));
  const move = (id: string, d: 'up' | 'down') => saveOrder(moveInOrder(items.map((x) => x.id), id, d));
  const dropOn = (target: string) => {
    if (!dragging || dragging === target) return;
    const order = items.map((x) => x.id).filter((x) => x !== dragging);
    order.splice(order.indexOf(target), 0, dragging);
    setDragging(null);
    void saveOrder(order);
  };
  const status = (s: Speaker, to: Speaker['status']) => act(() => api.post(`/councils/${props.councilId}/chamber/speakers/${s.id}/status`, { status: to }));
  const add = () => act(async () => {
    await api.post(path!, { delegateId: adding.delegateId, kind: adding.kind });
    setAdding({ kind: adding.kind });
    message.success('Đã thêm vào cuối danh sách phát biểu.');
  });
  const listed = new Set(items.filter((x) => x.status !== 'done').map((x) => x.delegateId));
  const screen = `/councils/${props.councilId}/chamber/screen?sessionId=${props.sessionId}&itemId=${itemId}`;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Toolbar>
        <ItemSelect items={floor.data.items} value={itemId} onChange={props.onItem} />
        <Link to={screen} data-testid="open-screen">Mở màn hình toàn cảnh</Link>
        <LiveTag status={live} />
      </Toolbar>
      {data && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Thời gian phát biểu / chất vấn / trả lời: {data.speakingMinutes.speech} / {data.speakingMinutes.question} / {data.speakingMinutes.answer} phút (quy định kỳ họp) {data.speakingMinutesDefault && <UnverifiedTag />}
          {canRun ? ' · Kéo thả hoặc dùng nút mũi tên để đổi thứ tự.' : ''}
        </Typography.Text>
      )}
      {!data ? <Loading /> : items.length === 0 ? <Empty description="Chưa có đại biểu đăng ký phát biểu về nội dung này." /> : (
        <ol className="nt-speakers" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="speakers">
          {items.map((s, i) => (
            <li key={s.id} data-testid="speaker" data-speaker={s.id}
              draggable={canRun && !busy} onDragStart={() => setDragging(s.id)} onDragOver={(e) => { if (dragging) e.preventDefault(); }} onDrop={() => dropOn(s.id)} onDragEnd={() => setDragging(null)}
              style={{ marginBottom: 8, opacity: dragging === s.id ? 0.5 : 1 }}>
              <Card size="small" style={{ borderColor: s.status === 'speaking' ? '#1677ff' : undefined }}>
                <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
                  {canRun && <HolderOutlined style={{ cursor: 'grab', color: '#9ca3af' }} aria-hidden />}
                  <span style={{ fontWeight: 700, width: 24 }}>{s.order}.</span>
                  <div style={{ flex: '1 1 220px', minWidth: 0 }}>
                    <strong data-testid="speaker-name">{s.fullName}</strong>
                    <div style={{ fontSize: 12, color: '#6b7280' }}>
                      {s.delegatePosition} · {s.kindLabel} · {formatClock(s.allottedSeconds)} · {s.fromFloor ? 'đăng ký tại phòng họp' : 'đăng ký trước'}
                    </div>
                    {s.text && <div style={{ fontSize: 12, marginTop: 2 }}>{s.text}</div>}
                  </div>
                  <Tag color={STATUS_COLORS[s.status]}>{s.statusLabel}</Tag>
                  {s.startedAt && <Countdown speaker={s} offset={offset} size={s.status === 'speaking' ? 28 : 16} testId={s.status === 'speaking' ? 'countdown' : 'countdown-done'} />}
                  {canRun && (
                    <Space wrap>
                      <Tooltip title="Lên"><Button size="small" icon={<ArrowUpOutlined />} aria-label={`Đưa ${s.fullName} lên`} disabled={busy || i === 0} onClick={() => move(s.id, 'up')} /></Tooltip>
                      <Tooltip title="Xuống"><Button size="small" icon={<ArrowDownOutlined />} aria-label={`Đưa ${s.fullName} xuống`} disabled={busy || i === items.length - 1} onClick={() => move(s.id, 'down')} /></Tooltip>
                      {s.status === 'waiting' && <Button size="small" type="primary" disabled={busy} onClick={() => status(s, 'speaking')}>Mời phát biểu</Button>}
                      {s.status === 'waiting' && <Button size="small" disabled={busy} onClick={() => status(s, 'done')}>Bỏ qua</Button>}
                      {s.status === 'speaking' && <Button size="small" type="primary" danger disabled={busy} onClick={() => status(s, 'done')}>Kết thúc</Button>}
                      {s.status === 'done' && <Button size="small" disabled={busy} onClick={() => status(s, 'waiting')}>Đưa lại vào danh sách</Button>}
                    </Space>
                  )}
                </div>
              </Card>
            </li>
          ))}
        </ol>
      )}
      {canRun && (
        <Card size="small" title="Thêm người phát biểu tại phòng họp">
          <Space wrap>
            <Select aria-label="Đại biểu" showSearch optionFilterProp="label" placeholder="Chọn đại biểu" style={{ width: 280, maxWidth: '100%' }}
              value={adding.delegateId} onChange={(v) => setAdding({ ...adding, delegateId: v })}
              options={(roll.data?.items ?? []).filter((d) => !listed.has(d.delegateId)).map((d) => ({ value: d.delegateId, label: d.fullName }))} />
            <Select aria-label="Loại phát biểu" value={adding.kind} onChange={(v) => setAdding({ ...adding, kind: v })} style={{ width: 150 }}
              options={[{ value: 'speech', label: 'Phát biểu' }, { value: 'question', label: 'Chất vấn' }, { value: 'answer', label: 'Trả lời' }]} />
            <Button type="primary" disabled={!adding.delegateId || busy} onClick={add}>Thêm vào danh sách</Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
