// Public page (no login, outside the shell): voters choose a council and a round and see the
// petitions raised and the answers received. The public API never returns personal data.
// Plain React and CSS (public.css), served by the light entry: no Ant Design on a voter's phone.
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../lib/api.ts';
import { useDebounced } from '../../lib/debounce.ts';
import { fmtDate } from '../../lib/format.ts';
import { sortVi } from '../../../domain/text/sort.ts';
import { Logo } from '../../components/Logo.tsx';
import '../../public.css';

interface PublicCouncil {
  id: string;
  name: string;
  validTo: string | null;
}
interface PublicRound {
  id: string;
  name: string;
  kindLabel: string;
  sessionName: string;
  startDate: string;
  endDate: string | null;
}
interface PublicAnswer {
  result: string;
  resultLabel: string;
  text: string;
  letterNumber: string;
  letterDate: string | null;
  roadmap: string;
  committedDate: string | null;
  respondedOn: string;
  agencyName: string | null;
}
interface PublicPetition {
  id: string;
  number: number;
  text: string;
  status: string;
  statusLabel: string;
  fieldName: string | null;
  agencyName: string | null;
  levelLabel: string | null;
  communes: string[];
  voterCount: number;
  rounds: string[];
  answers: PublicAnswer[];
}

/** Petitions read per round (the commune filter works on them); shown PER_PAGE at a time. */
const PAGE = 200;
const PER_PAGE = 20;

const STATUS_TAG: Record<string, string> = { dispatched: 'blue', returned: 'orange', answered: 'cyan', closed: 'green', unsatisfied: 'magenta' };
const RESULT_TAG: Record<string, string> = { resolved: 'green', in_progress: 'blue', explained: 'cyan', unresolved: 'red' };

function Tag({ color, children }: { color?: string; children: React.ReactNode }) {
  return <span className={color ? `lt-tag lt-tag-${color}` : 'lt-tag'}>{children}</span>;
}

function Frame({ children, title }: { children: React.ReactNode; title?: string }) {
  useEffect(() => {
    document.title = title ? `${title} — Nghị Trường` : 'Kết quả giải quyết kiến nghị cử tri — Nghị Trường';
  }, [title]);
  return (
    <div className="lt lt-page">
      <header className="lt-header">
        <Logo />
        <Link to="/cong-khai">Kiến nghị cử tri và kết quả trả lời</Link>
      </header>
      <main className="lt-main">{children}</main>
      <footer className="lt-footer">Thông tin công khai theo quy định về tiếp xúc cử tri. Không công bố họ tên, nơi ở của cử tri.</footer>
    </div>
  );
}

function Spinner() {
  return <div className="lt-spin" role="status" aria-label="Đang tải" />;
}

/** Page buttons: first, last, and the two either side of the current one. */
function Pager({ page, total, onChange }: { page: number; total: number; onChange(p: number): void }) {
  const pages = Math.ceil(total / PER_PAGE);
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav className="lt-pager" aria-label="Phân trang">
      <button type="button" className="lt-btn" disabled={page === 1} onClick={() => onChange(page - 1)} aria-label="Trang trước">‹</button>
      {shown.map((p, i) => (
        <span key={p} style={{ display: 'contents' }}>
          {i > 0 && p - shown[i - 1]! > 1 && <span className="lt-muted" aria-hidden="true">…</span>}
          <button type="button" className="lt-btn" aria-current={p === page ? 'page' : undefined} aria-label={`Trang ${p}`} onClick={() => onChange(p)}>
            {p}
          </button>
        </span>
      ))}
      <button type="button" className="lt-btn" disabled={page === pages} onClick={() => onChange(page + 1)} aria-label="Trang sau">›</button>
    </nav>
  );
}

export function PublicHomePage() {
  const [councils, setCouncils] = useState<PublicCouncil[] | null>(null);
  const navigate = useNavigate();
  useEffect(() => {
    api.get<PublicCouncil[]>('/public/councils').then(setCouncils).catch(() => setCouncils([]));
  }, []);
  return (
    <Frame>
      <h1>Kết quả giải quyết kiến nghị của cử tri</h1>
      <p className="lt-lead">Chọn Hội đồng nhân dân để xem các kiến nghị cử tri đã nêu tại các đợt tiếp xúc và kết quả trả lời của cơ quan có thẩm quyền.</p>
      {!councils ? (
        <Spinner />
      ) : councils.length === 0 ? (
        <div className="lt-empty">Chưa có Hội đồng nhân dân nào công bố kết quả.</div>
      ) : (
        <section className="lt-card">
          <select className="lt-select" aria-label="Chọn Hội đồng nhân dân" defaultValue="" onChange={(e) => e.target.value && navigate(`/cong-khai/${e.target.value}`)}>
            <option value="" disabled>Chọn Hội đồng nhân dân</option>
            {councils.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
          <ul className="lt-councils">
            {councils.map((c) => (
              <li key={c.id}>
                <Link to={`/cong-khai/${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Frame>
  );
}

function PetitionCard({ p }: { p: PublicPetition }) {
  const meta = [p.communes.length ? `Địa bàn: ${p.communes.join(', ')}` : '', `${p.voterCount} lượt cử tri kiến nghị`, p.agencyName ? `Cơ quan giải quyết: ${p.agencyName}` : ''];
  return (
    <article className="lt-item">
      <div className="lt-item-head">
        <b>Kiến nghị số {p.number}</b>
        <Tag color={STATUS_TAG[p.status]}>{p.statusLabel}</Tag>
        {p.fieldName && <Tag>{p.fieldName}</Tag>}
      </div>
      <div className="lt-item-text">{p.text}</div>
      <div className="lt-item-meta">{meta.filter(Boolean).join(' · ')}</div>
      {p.answers.map((a, i) => (
        <div key={i} className="lt-answer">
          <div className="lt-answer-head">
            <Tag color={RESULT_TAG[a.result]}>{a.resultLabel}</Tag>
            <b>{a.agencyName ?? 'Trả lời'}</b>
            <span className="lt-muted">
              {a.letterNumber ? `Văn bản số ${a.letterNumber}` : ''}
              {a.letterDate ? ` ngày ${fmtDate(a.letterDate)}` : ` ngày ${fmtDate(a.respondedOn)}`}
            </span>
          </div>
          <div className="lt-answer-text">{a.text}</div>
          {a.committedDate && <div style={{ marginTop: 4 }}>Cam kết hoàn thành: {fmtDate(a.committedDate)}</div>}
        </div>
      ))}
      {p.answers.length === 0 && <div className="lt-muted" style={{ marginTop: 8 }}>Chưa có trả lời.</div>}
    </article>
  );
}

export function PublicCouncilPage() {
  const { councilId } = useParams() as { councilId: string };
  const [councils, setCouncils] = useState<PublicCouncil[]>([]);
  const [rounds, setRounds] = useState<PublicRound[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [roundId, setRoundId] = useState<string>();
  const [commune, setCommune] = useState('');
  const [q, setQ] = useState('');
  const dq = useDebounced(q.trim(), 300);
  const [items, setItems] = useState<PublicPetition[] | null>(null);
  const [page, setPage] = useState(1);

  useEffect(() => {
    api.get<PublicCouncil[]>('/public/councils').then(setCouncils).catch(() => {});
    api
      .get<PublicRound[]>(`/public/councils/${councilId}/rounds`)
      .then((r) => {
        setRounds(r);
        setRoundId(r[0]?.id);
      })
      .catch((err) => setError(err instanceof ApiError ? err.message : 'Không tải được dữ liệu.'));
  }, [councilId]);
  useEffect(() => {
    if (!roundId) return;
    setItems(null);
    api
      .get<{ items: PublicPetition[] }>(`/public/councils/${councilId}/petitions`, { roundId, q: dq || undefined, pageSize: PAGE })
      .then((p) => {
        setItems(p.items);
        setPage(1);
      })
      .catch(() => setItems([]));
  }, [councilId, roundId, dq]);

  // The domain's Vietnamese order: no ICU collator to load on a phone.
  const communes = useMemo(() => sortVi([...new Set((items ?? []).flatMap((p) => p.communes))]), [items]);
  const shown = (items ?? []).filter((p) => !commune || p.communes.includes(commune));
  const council = councils.find((c) => c.id === councilId);
  const round = rounds?.find((r) => r.id === roundId);
  const answered = shown.filter((p) => p.answers.length > 0).length;
  const goTo = (p: number) => {
    setPage(p);
    document.getElementById('public-list')?.scrollIntoView();
  };

  if (error) {
    return (
      <Frame>
        <div className="lt-empty">
          <h1>Chưa có thông tin công khai</h1>
          <p>{error}</p>
          <Link to="/cong-khai">Xem các HĐND khác</Link>
        </div>
      </Frame>
    );
  }
  return (
    <Frame title={council?.name}>
      <h1>{council?.name ?? 'Hội đồng nhân dân'}</h1>
      <p className="lt-lead">Kiến nghị của cử tri và kết quả trả lời của cơ quan có thẩm quyền</p>
      <section className="lt-card">
        <div className="lt-filters">
          <select className="lt-select" value={roundId ?? ''} onChange={(e) => setRoundId(e.target.value)} aria-label="Đợt tiếp xúc cử tri">
            {(rounds ?? []).map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
          <select
            className="lt-select"
            value={commune}
            onChange={(e) => {
              setCommune(e.target.value);
              setPage(1);
            }}
            aria-label="Xã, phường"
          >
            <option value="">Mọi xã, phường</option>
            {communes.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
          <input className="lt-input" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Tìm nội dung kiến nghị" aria-label="Tìm kiến nghị" />
        </div>
        {round && (
          <div className="lt-round-info">
            {round.kindLabel}
            {round.sessionName ? ` · ${round.sessionName}` : ''} · từ {fmtDate(round.startDate)}
            {round.endDate ? ` đến ${fmtDate(round.endDate)}` : ''}
          </div>
        )}
      </section>
      {!items ? (
        <Spinner />
      ) : shown.length === 0 ? (
        <div className="lt-empty">Không có kiến nghị nào.</div>
      ) : (
        <>
          <div className="lt-alert lt-alert-info" id="public-list" data-testid="public-summary">
            {shown.length} kiến nghị, đã có trả lời {answered} kiến nghị.
          </div>
          <div data-testid="public-petitions">
            {shown.slice((page - 1) * PER_PAGE, page * PER_PAGE).map((p) => (
              <PetitionCard key={p.id} p={p} />
            ))}
          </div>
          <Pager page={page} total={shown.length} onChange={goTo} />
        </>
      )}
    </Frame>
  );
}
