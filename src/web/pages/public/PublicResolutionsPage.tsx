// Public: a council's published resolutions with their status on a date (in force, amended,
// repealed — computed from the links) and the vote totals; a named vote by name when the council
// publishes its named votes (a secret vote never by name).
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, type Page } from '../../lib/api.ts';
import { Frame, Pager, Spinner, Tag } from './PublicPetitionsPage.tsx';

interface PublicResolution {
  id: string; symbol: string; title: string; kindLabel: string; passedOn: string; inForceFrom: string | null; publishedOn: string; publishedWhere: string;
  status: string; statusLabel: string; statusSince: string | null;
  links: { label: string; by: string; provisions: string; effectiveFrom: string }[];
  vote: { for: number; against: number; abstain: number; total: number; byName: { fullName: string; choice: string; choiceLabel: string }[] | null } | null;
}

const STATUS_COLOR: Record<string, string> = { inForce: 'green', amended: 'blue', partlyRepealed: 'orange', replaced: 'magenta', repealed: 'red' };
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const PER_PAGE = 20;

export function PublicResolutionsPage() {
  const { councilId } = useParams() as { councilId: string };
  const [page, setPage] = useState(1);
  const [on, setOn] = useState('');
  const [data, setData] = useState<(Page<PublicResolution> & { council: { name: string } | null; on: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.get<Page<PublicResolution> & { council: { name: string } | null; on: string }>(`/public/councils/${councilId}/resolutions`, { page, pageSize: PER_PAGE, on: on || undefined })
      .then((d) => live && (setData(d), setError(null)))
      .catch((e) => live && setError(e instanceof ApiError ? e.message : 'Không tải được danh sách nghị quyết.'));
    return () => {
      live = false;
    };
  }, [councilId, page, on]);
  if (error) return <Frame><div className="lt-empty"><h1>Chưa có thông tin công khai</h1><p>{error}</p><Link to="/cong-khai">Xem các HĐND khác</Link></div></Frame>;
  if (!data) return <Frame loading><Spinner /></Frame>;
  const name = data.council?.name ?? '';
  return (
    <Frame title={`Nghị quyết — ${name}`}>
      <h1>{name}</h1>
      <p className="lt-lead">Nghị quyết đã công bố và tình trạng hiệu lực</p>
      <section className="lt-card">
        <div className="lt-filters">
          <label className="lt-muted" htmlFor="on">Tình trạng tại ngày</label>
          <input id="on" className="lt-input" type="date" value={on || data.on} onChange={(e) => { setOn(e.target.value); setPage(1); }} aria-label="Tình trạng tại ngày" />
        </div>
      </section>
      {data.total === 0 ? (
        <div className="lt-empty">Chưa có nghị quyết nào được công bố.</div>
      ) : (
        <div data-testid="public-resolutions">
          {data.items.map((r) => (
            <article key={r.id} className="lt-item" data-status={r.status}>
              <div className="lt-item-head">
                <b>Nghị quyết số {r.symbol}</b> <Tag color={STATUS_COLOR[r.status]}>{r.statusLabel}</Tag>
              </div>
              <div className="lt-item-text">{r.title}</div>
              <div className="lt-item-meta">
                {[r.kindLabel, `thông qua ${dmy(r.passedOn)}`, r.inForceFrom ? `có hiệu lực từ ${dmy(r.inForceFrom)}` : null, `công bố ${dmy(r.publishedOn)}${r.publishedWhere ? ` tại ${r.publishedWhere}` : ''}`].filter(Boolean).join(' · ')}
              </div>
              {r.links.map((l, i) => <div key={i} className="lt-muted">{l.label} {l.by}{l.provisions ? ` (${l.provisions})` : ''} từ {dmy(l.effectiveFrom)}</div>)}
              {r.vote && <div className="lt-muted">Biểu quyết: {r.vote.for}/{r.vote.total} đại biểu tán thành, {r.vote.against} không tán thành, {r.vote.abstain} không biểu quyết</div>}
              {r.vote?.byName && r.vote.byName.length > 0 && (
                <details data-testid="vote-by-name">
                  <summary>Kết quả biểu quyết ghi danh theo từng đại biểu ({r.vote.byName.length})</summary>
                  <ul className="lt-list">
                    {r.vote.byName.map((x, i) => <li key={i}><span>{x.fullName}</span>: <b>{x.choiceLabel}</b></li>)}
                  </ul>
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
