// Public pages of supervision (Luật 87/2015 Điều 89 k1: programmes, reports, recommendations and
// their results are published): a council's published reports, and one report with each
// recommendation, the agency it was addressed to, its status and the published reports of the
// agency and the verifications. No names of the staff who acted. Plain React and public.css.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, type Page } from '../../lib/api.ts';
import { fmtDate } from '../../lib/format.ts';
import { Logo } from '../../components/Logo.tsx';
import '../../public.css';

interface PublicReportRow { id: string; title: string; issuedOn: string; bodyName: string | null; symbol: string | null; recommendations: number; done: number }
interface PublicRec {
  id: string; position: number; content: string; agencyName: string; due: string | null; originalDue: string | null;
  statusLabel: string; status: string; overdue: boolean; dispositionReason: string | null;
  history: { on: string; label: string; text: string }[];
}
interface PublicReport { id: string; title: string; issuedOn: string; bodyName: string | null; symbol: string | null; scope: string; results: string; shortcomings: string; recommendations: PublicRec[] }

const STATUS_TAG: Record<string, string> = { closed_done: 'green', closed_partly: 'cyan', closed_not_done: 'red', not_accepted: 'magenta', in_progress: 'blue', awaiting_verification: 'cyan' };

function useGet<T>(path: string): { data: T | null; error: ApiError | null } {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    api.get<T>(path).then((data) => live && setState({ data, error: null })).catch((error) => live && setState({ data: null, error }));
    return () => { live = false; };
  }, [path]);
  return state;
}

function Frame({ children, title, councilId }: { children: React.ReactNode; title: string; councilId: string }) {
  useEffect(() => { document.title = `${title} — Nghị Trường`; }, [title]);
  return (
    <div className="lt lt-page">
      <header className="lt-header">
        <Logo />
        <Link to={`/cong-khai/${councilId}`}>Kiến nghị cử tri</Link>
        <Link to={`/cong-khai/${councilId}/giam-sat`}>Chương trình giám sát</Link>
        <Link to={`/cong-khai/${councilId}/bao-cao-giam-sat`}>Kết quả giám sát</Link>
      </header>
      <main className="lt-main">{children}</main>
      <footer className="lt-footer">Công khai báo cáo giám sát, kiến nghị sau giám sát và kết quả thực hiện (trừ nội dung thuộc bí mật nhà nước).</footer>
    </div>
  );
}

export function PublicOversightReportsPage() {
  const { councilId } = useParams() as { councilId: string };
  const council = useGet<{ name: string }>(`/public/councils/${councilId}`);
  const list = useGet<Page<PublicReportRow>>(`/public/councils/${councilId}/oversight-reports?pageSize=100`);
  return (
    <Frame title="Kết quả giám sát" councilId={councilId}>
      <h1>Kết quả giám sát{council.data ? ` của ${council.data.name}` : ''}</h1>
      <p className="lt-lead">Báo cáo giám sát, các kiến nghị gửi cơ quan và kết quả thực hiện đã được cơ quan giám sát xác minh.</p>
      {list.error && <div className="lt-empty">Không tải được danh sách báo cáo.</div>}
      {!list.data && !list.error && <div className="lt-spin" role="status" aria-label="Đang tải" />}
      {list.data && list.data.items.length === 0 && <div className="lt-empty">Chưa có báo cáo giám sát nào được công khai.</div>}
      {list.data?.items.map((r) => (
        <article key={r.id} className="lt-item">
          <div className="lt-item-head"><Link to={`/cong-khai/${councilId}/bao-cao-giam-sat/${r.id}`}><strong>{r.title}</strong></Link></div>
          <div className="lt-item-meta">{[r.bodyName, r.symbol, `ngày ${fmtDate(r.issuedOn)}`, `${r.recommendations} kiến nghị, ${r.done} đã hoàn thành`].filter(Boolean).join(' · ')}</div>
        </article>
      ))}
    </Frame>
  );
}

export function PublicOversightReportPage() {
  const { councilId, reportId } = useParams() as { councilId: string; reportId: string };
  const r = useGet<PublicReport>(`/public/councils/${councilId}/oversight-reports/${reportId}`);
  if (r.error) {
    return <Frame title="Không tìm thấy" councilId={councilId}><div className="lt-empty"><h1>Không tìm thấy báo cáo giám sát đã công khai</h1><Link to={`/cong-khai/${councilId}/bao-cao-giam-sat`}>Xem các báo cáo khác</Link></div></Frame>;
  }
  if (!r.data) return <Frame title="Kết quả giám sát" councilId={councilId}><div className="lt-spin" role="status" aria-label="Đang tải" /></Frame>;
  const d = r.data;
  return (
    <Frame title={d.title} councilId={councilId}>
      <h1>{d.title}</h1>
      <p className="lt-lead">{[d.bodyName, d.symbol, `ngày ${fmtDate(d.issuedOn)}`].filter(Boolean).join(' · ')}</p>
      {[['Phạm vi, đối tượng', d.scope], ['Kết quả giám sát', d.results], ['Hạn chế, nguyên nhân', d.shortcomings]].filter(([, t]) => t).map(([h, t]) => (
        <section key={h} className="lt-card"><h2>{h}</h2><p style={{ whiteSpace: 'pre-wrap' }}>{t}</p></section>
      ))}
      <h2>Kiến nghị và kết quả thực hiện</h2>
      {d.recommendations.map((x) => (
        <article key={x.id} className="lt-item">
          <div className="lt-item-head">
            <strong>Kiến nghị {x.position}</strong>
            <span className={`lt-tag lt-tag-${STATUS_TAG[x.status] ?? 'orange'}`}>{x.statusLabel}</span>
            {x.overdue && <span className="lt-tag lt-tag-red">Quá hạn</span>}
          </div>
          <div className="lt-item-text">{x.content}</div>
          <div className="lt-item-meta">{x.agencyName} · thời hạn {fmtDate(x.due)}{x.originalDue && x.originalDue !== x.due ? ` (hạn đầu ${fmtDate(x.originalDue)})` : ''}</div>
          {x.history.map((h, i) => (
            <div key={i} className="lt-answer">
              <div className="lt-answer-head"><strong>{h.label}</strong> <span className="lt-muted">{fmtDate(h.on)}</span></div>
              {h.text && <div className="lt-answer-text">{h.text}</div>}
            </div>
          ))}
        </article>
      ))}
    </Frame>
  );
}
