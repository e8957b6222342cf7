// The chamber's projector: full screen, large type, no menu. The open vote with its turnout, else
// the latest result, updated live (SSE) the moment the secretariat closes a vote.
import { useParams } from 'react-router-dom';
import { useLiveVotes, type Vote } from './votesShared.tsx';
import { fmtDateTime } from '../../../lib/format.ts';

const big = { fontSize: 'clamp(28px, 5vw, 72px)', fontWeight: 700, lineHeight: 1.15 } as const;

function Counts({ v }: { v: Vote }) {
  const c = v.result?.counts;
  if (v.kind === 'election') {
    return (
      <div style={{ display: 'grid', gap: 12, marginTop: 24 }}>
        {v.candidates.map((c) => (
          <div key={c.id} style={{ display: 'flex', justifyContent: 'space-between', fontSize: 'clamp(22px, 3.5vw, 48px)' }} data-testid="projector-candidate">
            <span>{c.name}{v.result?.elected?.includes(c.id) ? ' — trúng cử' : ''}</span><b>{c.votes ?? 0}</b>
          </div>
        ))}
      </div>
    );
  }
  if (!c) return null;
  const cell = (label: string, n: number, color: string, id: string) => (
    <div style={{ background: '#ffffff14', borderRadius: 12, padding: '16px 24px' }}>
      <div style={{ fontSize: 'clamp(16px, 2vw, 28px)', opacity: 0.8 }}>{label}</div>
      <div style={{ ...big, color }} data-testid={`projector-${id}`}>{n}</div>
    </div>
  );
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: 16, marginTop: 24 }}>
      {cell('Tán thành', c.for, '#86efac', 'for')}
      {cell('Không tán thành', c.against, '#fca5a5', 'against')}
      {cell('Không biểu quyết', c.abstain, '#fde68a', 'abstain')}
      {cell('Có mặt chưa biểu quyết', c.notVoting, '#e5e7eb', 'not-voting')}
    </div>
  );
}

export function ProjectorPage() {
  const { councilId, sessionId } = useParams() as { councilId: string; sessionId: string };
  const { votes, status } = useLiveVotes(councilId, sessionId);
  const v = votes.find((x) => x.state === 'open') ?? votes.find((x) => x.state !== 'created' && x.state !== 'annulled') ?? null;
  return (
    <div style={{ position: 'fixed', inset: 0, background: '#0b1f3a', color: '#fff', padding: 'clamp(16px, 4vw, 64px)', overflow: 'auto', fontFamily: 'inherit' }} data-testid="projector">
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 18, opacity: 0.75 }}>
        <span>Hội đồng nhân dân · Biểu quyết tại kỳ họp</span>
        <span data-testid="live-status">{status === 'live' ? '● Trực tiếp' : 'Đang kết nối…'}</span>
      </div>
      {!v ? (
        <div style={{ ...big, marginTop: '20vh', textAlign: 'center' }}>Chưa có lượt biểu quyết</div>
      ) : (
        <div style={{ marginTop: 32 }}>
          <div style={{ fontSize: 'clamp(20px, 2.6vw, 36px)', opacity: 0.85 }}>{v.methodLabel}{v.itemTitle ? ` · ${v.itemTitle}` : ''}</div>
          <div style={{ fontSize: 'clamp(28px, 4vw, 60px)', fontWeight: 600, marginTop: 8 }} data-testid="projector-title">{v.title}</div>
          {v.state === 'open' ? (
            <div style={{ marginTop: 48 }}>
              <div style={{ ...big, color: '#93c5fd' }}>Đang biểu quyết</div>
              <div style={{ fontSize: 'clamp(24px, 4vw, 56px)', marginTop: 16 }}>Đã biểu quyết: <b data-testid="projector-voted">{v.voted}</b></div>
            </div>
          ) : v.result ? (
            <div style={{ marginTop: 32 }}>
              <div style={{ ...big, fontSize: 'clamp(40px, 8vw, 120px)', color: (v.kind === 'election' ? !!v.result.elected?.length : v.result.outcome === 'passed') ? '#4ade80' : '#f87171' }} data-testid="projector-outcome">
                {v.kind === 'election' ? (v.result.elected?.length ? 'CÓ NGƯỜI TRÚNG CỬ' : 'KHÔNG CÓ NGƯỜI TRÚNG CỬ') : v.result.outcome === 'passed' ? 'THÔNG QUA' : 'KHÔNG THÔNG QUA'}
              </div>
              <Counts v={v} />
              <div style={{ fontSize: 'clamp(16px, 2vw, 28px)', marginTop: 24 }} data-testid="projector-reason">{v.result.reason}</div>
              <div style={{ fontSize: 'clamp(14px, 1.5vw, 20px)', marginTop: 8, opacity: 0.75 }}>
                {v.roll && `Số đại biểu theo luật định ${v.roll.seats} · hiện có ${v.roll.serving} · có mặt ${v.roll.present}`} · Căn cứ: {v.result.source}
                {v.confirmed ? ` · Chủ tọa xác nhận lúc ${fmtDateTime(v.confirmed.at)}` : ' · Chờ chủ tọa xác nhận'}
              </div>
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
