// Public page of an election's published results (no login): per unit the figures, the winners
// with the reason of every outcome, and the figures of each polling area so totals can be checked.
// Counts only: no voter, no complainant. Plain React and CSS (public.css).
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../../lib/api.ts';
import { Logo } from '../../components/Logo.tsx';
import '../../public.css';
import { fmtPercent } from '../../lib/format.ts';

type Figures = { votersOnList: number; votersVoted: number; ballotsReceived: number; validBallots: number; invalidBallots: number };
type Outcome = { reasons: string[]; winners: { candidateId: string; name: string; votes: number; percent: number }[]; candidates: { candidateId: string; name: string; votes: number; percent: number; outcome: string; reason: string }[] };
type PublicUnit = { unitId: string; name: string; ballotLabel: string; round: string; seats: number; publishedOn: string | null; figures: Figures; outcome: Outcome; areas: { number: string; figures: Figures }[] };
type PublicResults = { election: { id: string; name: string; electionDay: string }; units: PublicUnit[] };

const n = (x: number) => x.toLocaleString('vi-VN');
const p = (a: number, b: number) => fmtPercent(b ? (a * 100) / b : 0);
const ROUND: Record<string, string> = { first: 'Bầu cử lần đầu', revote: 'Bầu cử lại', additional: 'Bầu cử thêm' };

export function PublicResultsPage() {
  const { electionId } = useParams() as { electionId: string };
  const [data, setData] = useState<PublicResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<PublicResults>(`/public/elections/${electionId}/results`).then(setData, (e) => setError(e instanceof ApiError ? e.message : 'Không tải được kết quả.'));
  }, [electionId]);
  return (
    <div className="lt lt-page">
      <header className="lt-header"><Logo /></header>
      <main className="lt-main">
        {error && <div className="lt-empty">{error}</div>}
        {!data && !error && <div className="lt-spin" role="status" aria-label="Đang tải" />}
        {data && (
          <>
            <h1>Kết quả bầu cử: {data.election.name}</h1>
            <p className="lt-lead">Ngày bầu cử {data.election.electionDay.split('-').reverse().join('/')}. Người trúng cử được xác định theo Luật Bầu cử (Điều 78–81); mỗi kết quả kèm lý do.</p>
            {data.units.length === 0 && <div className="lt-empty">Chưa công bố kết quả.</div>}
            {data.units.map((u) => (
              <section className="lt-card" key={`${u.unitId}-${u.round}`}>
                <h2>{u.name} · {u.ballotLabel}</h2>
                <div className="lt-muted">{ROUND[u.round]} · {u.seats} đại biểu được bầu</div>
                <p>Cử tri: {n(u.figures.votersOnList)} · đã bỏ phiếu {n(u.figures.votersVoted)} ({p(u.figures.votersVoted, u.figures.votersOnList)}) · phiếu hợp lệ {n(u.figures.validBallots)} · không hợp lệ {n(u.figures.invalidBallots)}</p>
                <ul>{u.outcome.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                <h3>Người trúng cử</h3>
                <ol>{u.outcome.winners.map((w) => <li key={w.candidateId}><strong>{w.name}</strong>: {n(w.votes)} phiếu ({fmtPercent(w.percent)})</li>)}</ol>
                <h3>Tất cả người ứng cử</h3>
                <ul>{u.outcome.candidates.map((c) => <li key={c.candidateId}>{c.reason}</li>)}</ul>
                <h3>Số liệu theo khu vực bỏ phiếu</h3>
                <ul>{[...u.areas].sort((a, b) => Number(a.number) - Number(b.number)).map((a) => <li key={a.number}>Khu vực bỏ phiếu số {a.number}: {n(a.figures.votersVoted)}/{n(a.figures.votersOnList)} cử tri, {n(a.figures.validBallots)} phiếu hợp lệ</li>)}</ul>
              </section>
            ))}
          </>
        )}
      </main>
      <footer className="lt-footer">Công khai kết quả bầu cử. Không công bố thông tin cá nhân của cử tri.</footer>
    </div>
  );
}
