// The chamber's full-screen speaking view (projector or a screen facing the rostrum): the agenda
// item, who is speaking in large type with the countdown (orange in the last 30 seconds, red and
// negative once over time), who comes next and the present count. It covers the whole window; the
// browser's full-screen mode is one click away.
import { useParams, useSearchParams, Link } from 'react-router-dom';
import { Button } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import { ErrorView, Loading } from '../../../components/common.tsx';
import { useApi } from '../../../lib/hooks.ts';
import { Countdown, useFloorLive, useServerOffset, type FloorView } from './floorShared.tsx';

export function SpeakerScreenPage() {
  const { councilId } = useParams() as { councilId: string };
  const [params] = useSearchParams();
  const sessionId = params.get('sessionId');
  const itemId = params.get('itemId');
  const view = useApi<FloorView>(sessionId ? `/councils/${councilId}/chamber/sessions/${sessionId}/floor` : null, { sessionItemId: itemId ?? undefined });
  useFloorLive(councilId, sessionId, view.reload);
  const offset = useServerOffset(view.data?.serverNow);
  if (view.error) return <ErrorView error={view.error} onRetry={view.reload} />;
  const v = view.data;
  if (!v) return <Loading />;
  const sp = v.speakers;
  const back = `/councils/${councilId}/chamber?sessionId=${sessionId}&tab=speakers${itemId ? `&itemId=${itemId}` : ''}`;
  return (
    <div className="nt-floor-screen" data-testid="speaker-screen"
      style={{ position: 'fixed', inset: 0, zIndex: 1000, background: '#0b1f3a', color: '#fff', display: 'flex', flexDirection: 'column', padding: 'clamp(16px, 4vw, 48px)', overflow: 'auto' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, alignItems: 'flex-start' }}>
        <div>
          <div style={{ fontSize: 'clamp(14px, 2vw, 22px)', opacity: 0.8 }}>{v.session.title}</div>
          <div style={{ fontSize: 'clamp(18px, 3vw, 34px)', fontWeight: 600 }} data-testid="screen-item">{sp?.itemTitle}</div>
        </div>
        <div style={{ display: 'flex', gap: 8, flexShrink: 0 }}>
          <Button ghost icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.()} aria-label="Toàn màn hình" />
          <Link to={back}><Button ghost>Đóng</Button></Link>
        </div>
      </div>
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'center', alignItems: 'center', textAlign: 'center', gap: 12 }}>
        {sp?.speaking ? (
          <>
            <div style={{ fontSize: 'clamp(16px, 2.5vw, 30px)', opacity: 0.85 }}>Đang {sp.speaking.kind === 'question' ? 'chất vấn' : sp.speaking.kind === 'answer' ? 'trả lời' : 'phát biểu'}</div>
            <div style={{ fontSize: 'clamp(28px, 6vw, 80px)', fontWeight: 700 }} data-testid="screen-speaker">{sp.speaking.fullName}</div>
            <div style={{ fontSize: 'clamp(14px, 2vw, 24px)', opacity: 0.8 }}>{sp.speaking.delegatePosition}</div>
            <div style={{ background: '#fff', color: '#0b1f3a', borderRadius: 16, padding: '8px 32px', marginTop: 12, maxWidth: '100%' }}>
              <Countdown speaker={sp.speaking} offset={offset} size={Math.round(Math.min(window.innerWidth / 4.5, window.innerHeight / 5, 200))} testId="screen-countdown" />
            </div>
          </>
        ) : (
          <div style={{ fontSize: 'clamp(22px, 4vw, 48px)', opacity: 0.85 }}>Chưa có đại biểu phát biểu</div>
        )}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 24, flexWrap: 'wrap', fontSize: 'clamp(14px, 2vw, 24px)' }}>
        <div>
          <div style={{ opacity: 0.7 }}>Tiếp theo</div>
          {sp?.next.length ? sp.next.map((x, i) => <div key={x.id}>{i + 1}. {x.fullName}</div>) : <div style={{ opacity: 0.7 }}>Không còn ai chờ</div>}
        </div>
        <div style={{ textAlign: 'right' }} data-testid="screen-present">
          <div style={{ opacity: 0.7 }}>Có mặt</div>
          <div style={{ fontWeight: 700 }}>{v.numbers.present}/{v.numbers.serving} đại biểu</div>
        </div>
      </div>
    </div>
  );
}
