// Public page of a council's supervision programmes (no login): the published programmes of the
// year, each with its activities, subjects and dates (Luật 87/2015 Điều 89 k1: programmes are
// published). Internal notes, overlap reasons and uploaded files are never in this answer.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, type Page } from '../../lib/api.ts';
import { fmtDate } from '../../lib/format.ts';
import { Frame, Spinner, Tag, useFetched } from './PublicPetitionsPage.tsx';

interface PublicProgram {
  id: string; year: number; title: string; bodyName: string; stateLabel: string; adoptedOn: string | null; resolutionNumber: string;
  activities: { id: string; title: string; kindLabel: string; startDate: string; endDate: string; stateLabel: string; subjects: string[] }[];
}

export function PublicOversightPage() {
  const { councilId } = useParams() as { councilId: string };
  const [year, setYear] = useState(new Date().getFullYear());
  const council = useFetched(() => api.get<{ name: string }>(`/public/councils/${councilId}`), [councilId]);
  const list = useFetched(() => api.get<Page<PublicProgram>>(`/public/councils/${councilId}/oversight-programs`, { year, pageSize: 50 }), [councilId, year]);
  if (!council.data || !list.data) return <Frame loading><Spinner /></Frame>;
  return (
    <Frame title={`Chương trình giám sát — ${council.data.name}`}>
      <h1>{council.data.name}</h1>
      <p className="lt-lead">Chương trình giám sát năm · <Link to={`/cong-khai/${councilId}`}>Kiến nghị cử tri</Link></p>
      <section className="lt-card">
        <div className="lt-filters">
          <select className="lt-select" value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="Năm">
            {[year - 1, year, year + 1].sort().map((y) => <option key={y} value={y}>Năm {y}</option>)}
          </select>
        </div>
      </section>
      {list.data.total === 0 ? <div className="lt-empty">Chưa công khai chương trình giám sát năm {year}.</div> : list.data.items.map((p) => (
        <article className="lt-item" key={p.id} data-testid="public-program">
          <div className="lt-item-head"><b>{p.title}</b><Tag color="green">{p.stateLabel}</Tag></div>
          <div className="lt-item-meta">{p.adoptedOn ? `Thông qua ngày ${fmtDate(p.adoptedOn)}` : ''}{p.resolutionNumber ? ` (${p.resolutionNumber})` : ''}</div>
          {p.activities.map((a) => (
            <div className="lt-answer" key={a.id}>
              <div className="lt-answer-head"><Tag>{a.kindLabel}</Tag><b>{a.title}</b></div>
              <div className="lt-answer-text">Đối tượng: {a.subjects.join('; ')} · {fmtDate(a.startDate)}{a.endDate !== a.startDate ? ` – ${fmtDate(a.endDate)}` : ''} · {a.stateLabel}</div>
            </div>
          ))}
        </article>
      ))}
    </Frame>
  );
}
