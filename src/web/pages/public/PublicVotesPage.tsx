// Public: a council's confirmed vote results. Totals and the computed result for every vote; a
// named vote also by name when the council publishes its named votes (its session profile); a
// secret vote only as totals, never by name.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, type Page } from '../../lib/api.ts';
import { Frame, Pager, Spinner, Tag } from './PublicPetitionsPage.tsx';

interface PublicVote {
  id: string; title: string; itemTitle: string | null; kind: 'motion' | 'election'; method: string; methodLabel: string;
  closedAt: string | null; confirmedAt: string | null;
  counts: { for: number; against: number; abstain: number; total: number } | null;
  candidates: { name: string; votes: number | null }[];
  outcome: string | null; reason: string | null;
  byName: { fullName: string; choice: string; choiceLabel: string }[] | null;
}

const PER_PAGE = 20;
const dmy = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

export function PublicVotesPage() {
  const { councilId } = useParams() as { councilId: string };
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<PublicVote> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.get<Page<PublicVote>>(`/public/councils/${councilId}/votes`, { page, pageSize: PER_PAGE })
      .then((d) => live && (setData(d), setError(null)))
      .catch((e) => live && setError(e instanceof ApiError ? e.message : 'Không tải được kết quả biểu quyết.'));
    return () => {
      live = false;
    };
  }, [councilId, page]);
  if (error) return <Frame><div className="lt-empty"><h1>Chưa có thông tin công khai</h1><p>{error}</p><Link to="/cong-khai">Xem các HĐND khác</Link></div></Frame>;
  if (!data) return <Frame loading><Spinner /></Frame>;
  return (
    <Frame title="Kết quả biểu quyết">
      <h1>Kết quả biểu quyết tại kỳ họp</h1>
      <p className="lt-lead">Kết quả đã được chủ tọa xác nhận. Biểu quyết kín chỉ công khai tổng số phiếu.</p>
      {data.total === 0 ? <div className="lt-empty">Chưa có kết quả biểu quyết nào được xác nhận.</div> : (
        <div data-testid="public-votes">
          {data.items.map((v) => (
            <article key={v.id} className="lt-item" data-testid="public-vote">
              <div className="lt-item-head"><b>{v.title}</b> {v.outcome && <Tag color={v.outcome === 'passed' || v.outcome === 'elected' ? 'green' : 'red'}>{v.outcome === 'passed' ? 'Thông qua' : v.outcome === 'failed' ? 'Không thông qua' : v.outcome}</Tag>}</div>
              <div className="lt-item-meta">{[v.methodLabel, v.itemTitle, v.confirmedAt ? `xác nhận ${dmy(v.confirmedAt)}` : null].filter(Boolean).join(' · ')}</div>
              {v.counts && <div className="lt-muted">{v.counts.for}/{v.counts.total} đại biểu tán thành, {v.counts.against} không tán thành, {v.counts.abstain} không biểu quyết</div>}
              {v.candidates.length > 0 && <ul className="lt-list">{v.candidates.map((c, i) => <li key={i}>{c.name}: {c.votes ?? 0} phiếu</li>)}</ul>}
              {v.reason && <div className="lt-item-text">{v.reason}</div>}
              {v.byName && v.byName.length > 0 && (
                <details data-testid="vote-by-name">
                  <summary>Kết quả theo từng đại biểu ({v.byName.length})</summary>
                  <ul className="lt-list">{v.byName.map((x, i) => <li key={i}>{x.fullName}: <b>{x.choiceLabel}</b></li>)}</ul>
                </details>
              )}
            </article>
          ))}
          <Pager page={data.page} total={data.total} onChange={setPage} />
        </div>
      )}
    </Frame>
  );
}
