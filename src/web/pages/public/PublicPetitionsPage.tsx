// Public page (no login, outside the shell): voters choose a council and a round and see the
// petitions raised and the answers received. The public API never returns personal data.
// Plain React and CSS (public.css), served by the light entry: no Ant Design on a voter's phone.
// Every list is a server page: the council page asks for the council, its rounds, the communes and
// the first page of the newest round (`roundId=latest`) at once, and shows them together.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, type Page } from '../../lib/api.ts';
import { useDebounced } from '../../lib/debounce.ts';
import { fmtDate } from '../../lib/format.ts';
import { Logo } from '../../components/Logo.tsx';
import '../../public.css';

interface PublicCouncil {
  id: string;
  name: string;
  validTo: string | null;
}
interface PublicCommune {
  id: string;
  name: string;
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

/** Petitions per page; councils and rounds are read a long page at a time (a province has about a hundred councils). */
const PER_PAGE = 20;
const LONG_PAGE = 200;
/** Cards drawn in the first task of a page (more than a phone's screen holds). */
const FIRST_CARDS = 5;

const STATUS_TAG: Record<string, string> = { dispatched: 'blue', returned: 'orange', answered: 'cyan', closed: 'green', unsatisfied: 'magenta' };
const RESULT_TAG: Record<string, string> = { resolved: 'green', in_progress: 'blue', explained: 'cyan', unresolved: 'red' };

export function Tag({ color, children }: { color?: string; children: React.ReactNode }) {
  return <span className={color ? `lt-tag lt-tag-${color}` : 'lt-tag'}>{children}</span>;
}

/** The page's frame; while `loading`, without the footer, which would be pushed down when the content arrives (a layout shift). */
export function Frame({ children, title, loading }: { children: React.ReactNode; title?: string; loading?: boolean }) {
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
      {!loading && <footer className="lt-footer">Thông tin công khai theo quy định về tiếp xúc cử tri. Không công bố họ tên, nơi ở của cử tri.</footer>}
    </div>
  );
}

export function Spinner() {
  return <div className="lt-spin" role="status" aria-label="Đang tải" />;
}

/** Page buttons: first, last, and the two either side of the current one. */
export function Pager({ page, total, onChange }: { page: number; total: number; onChange(p: number): void }) {
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
  const [councils, setCouncils] = useState<Page<PublicCouncil> | null>(null);
  const [loading, setLoading] = useState(false);
  const navigate = useNavigate();
  const load = (page: number) => {
    setLoading(true);
    api
      .get<Page<PublicCouncil>>('/public/councils', { page, pageSize: LONG_PAGE })
      .then((p) => setCouncils((old) => (old && page > 1 ? { ...p, items: [...old.items, ...p.items] } : p)))
      .catch(() => setCouncils((old) => old ?? { items: [], total: 0, page: 1, pageSize: LONG_PAGE }))
      .finally(() => setLoading(false));
  };
  useEffect(() => load(1), []);
  return (
    <Frame loading={!councils}>
      <h1>Kết quả giải quyết kiến nghị của cử tri</h1>
      <p className="lt-lead">Chọn Hội đồng nhân dân để xem các kiến nghị cử tri đã nêu tại các đợt tiếp xúc và kết quả trả lời của cơ quan có thẩm quyền.</p>
      {!councils ? (
        <Spinner />
      ) : councils.items.length === 0 ? (
        <div className="lt-empty">Chưa có Hội đồng nhân dân nào công bố kết quả.</div>
      ) : (
        <section className="lt-card">
          <select className="lt-select" aria-label="Chọn Hội đồng nhân dân" defaultValue="" onChange={(e) => e.target.value && navigate(`/cong-khai/${e.target.value}`)}>
            <option value="" disabled>Chọn Hội đồng nhân dân</option>
            {councils.items.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
          <ul className="lt-councils">
            {councils.items.map((c) => (
              <li key={c.id}>
                <Link to={`/cong-khai/${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
          {councils.items.length < councils.total && (
            <button type="button" className="lt-btn lt-more" disabled={loading} onClick={() => load(councils.page + 1)}>
              Xem thêm ({councils.total - councils.items.length})
            </button>
          )}
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

/** A fetch whose answer is dropped when its inputs changed before it came back. */
export function useFetched<T>(load: () => Promise<T>, deps: readonly unknown[]): { data: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load()
      .then((data) => current && setState({ data, error: null, loading: false }))
      .catch((err) => current && setState((s) => ({ data: s.data, error: err instanceof ApiError ? err.message : 'Không tải được dữ liệu.', loading: false })));
    return () => {
      current = false;
    };
  }, deps);
  return state;
}

export function PublicCouncilPage() {
  const { councilId } = useParams() as { councilId: string };
  // Another council starts afresh (its own rounds, no filters carried over).
  return <CouncilPage key={councilId} councilId={councilId} />;
}

function CouncilPage({ councilId }: { councilId: string }) {
  /** The round chosen; until the voter picks one, the newest (`latest`, asked for with the rounds). */
  const [roundChoice, setRoundChoice] = useState<string>();
  const [unitId, setUnitId] = useState('');
  const [q, setQ] = useState('');
  const dq = useDebounced(q.trim(), 300);
  const [page, setPage] = useState(1);
  const round = roundChoice ?? 'latest';

  const council = useFetched(() => api.get<PublicCouncil>(`/public/councils/${councilId}`), [councilId]);
  const rounds = useFetched(() => api.get<Page<PublicRound>>(`/public/councils/${councilId}/rounds`, { pageSize: LONG_PAGE }), [councilId]);
  const communes = useFetched(() => api.get<Page<PublicCommune>>(`/public/councils/${councilId}/communes`, { roundId: round, pageSize: LONG_PAGE }), [councilId, round]);
  const list = useFetched(
    () => api.get<Page<PublicPetition> & { answered: number | null }>(`/public/councils/${councilId}/petitions`, { roundId: round, unitId: unitId || undefined, q: dq || undefined, page, pageSize: PER_PAGE }),
    [councilId, round, unitId, dq, page],
  );
  const roundItems = rounds.data?.items ?? [];
  const shownRound = roundItems.find((r) => r.id === (roundChoice ?? roundItems[0]?.id));
  const items = list.data;
  // A new page shows the cards a phone's screen holds first and the rest in the next task: two
  // short tasks instead of one long one on a slow phone (the first screen paints sooner).
  const [cards, setCards] = useState(FIRST_CARDS);
  useEffect(() => {
    setCards(FIRST_CARDS);
    const t = setTimeout(() => setCards(PER_PAGE), 0);
    return () => clearTimeout(t);
  }, [items]);
  const goTo = (p: number) => {
    setPage(p);
    document.getElementById('public-list')?.scrollIntoView();
  };
  const filter = (set: () => void) => {
    set();
    setPage(1);
  };

  const error = council.error ?? rounds.error;
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
  // The first view waits for its parts and appears at once: nothing moves as answers arrive.
  if (!council.data || !rounds.data || !items) {
    return (
      <Frame loading>
        <Spinner />
      </Frame>
    );
  }
  return (
    <Frame title={council.data.name}>
      <h1>{council.data.name}</h1>
      <p className="lt-lead">Kiến nghị của cử tri và kết quả trả lời của cơ quan có thẩm quyền · <Link to={`/cong-khai/${councilId}/giam-sat`}>Chương trình giám sát</Link> · <Link to={`/cong-khai/${councilId}/bao-cao-giam-sat`}>Kết quả giám sát</Link> · <Link to={`/cong-khai/${councilId}/chat-van`}>Trả lời chất vấn và thực hiện lời hứa</Link> · <Link to={`/cong-khai/${councilId}/nghi-quyet`}>Nghị quyết của HĐND</Link> · <Link to={`/cong-khai/${councilId}/bieu-quyet`}>Kết quả biểu quyết</Link></p>
      <section className="lt-card">
        <div className="lt-filters">
          <select className="lt-select" value={shownRound?.id ?? ''} onChange={(e) => filter(() => { setRoundChoice(e.target.value); setUnitId(''); })} aria-label="Đợt tiếp xúc cử tri">
            {roundItems.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
          <select className="lt-select" value={unitId} onChange={(e) => filter(() => setUnitId(e.target.value))} aria-label="Xã, phường">
            <option value="">Mọi xã, phường</option>
            {(communes.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
          <input className="lt-input" type="search" value={q} onChange={(e) => filter(() => setQ(e.target.value))} placeholder="Tìm nội dung kiến nghị" aria-label="Tìm kiến nghị" />
        </div>
        {shownRound && (
          <div className="lt-round-info">
            {shownRound.kindLabel}
            {shownRound.sessionName ? ` · ${shownRound.sessionName}` : ''} · từ {fmtDate(shownRound.startDate)}
            {shownRound.endDate ? ` đến ${fmtDate(shownRound.endDate)}` : ''}
          </div>
        )}
      </section>
      {list.error ? (
        <div className="lt-alert lt-alert-error">{list.error}</div>
      ) : items.total === 0 ? (
        <div className="lt-empty">Không có kiến nghị nào.</div>
      ) : (
        <div className={list.loading ? 'lt-loading' : undefined} aria-busy={list.loading}>
          <div className="lt-alert lt-alert-info" id="public-list" data-testid="public-summary">
            {items.more ? `Hơn ${items.total}` : items.total} kiến nghị{items.answered === null ? '' : items.answered ? `, đã có trả lời ${items.answered} kiến nghị` : ', chưa có trả lời'}.
          </div>
          <div data-testid="public-petitions">
            {items.items.slice(0, cards).map((p) => (
              <PetitionCard key={p.id} p={p} />
            ))}
          </div>
          {cards >= items.items.length && <Pager page={items.page} total={items.total} onChange={goTo} />}
        </div>
      )}
    </Frame>
  );
}
