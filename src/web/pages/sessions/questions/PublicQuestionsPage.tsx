// Public page (no login, light entry): answers to delegates' questions at each session and in
// writing, who answered, and the commitments made with their status; a second list of every
// commitment (not yet done first). Never who filed a question or anything only delegates see.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, type Page } from '../../../lib/api.ts';
import { fmtDate } from '../../../lib/format.ts';
import { Frame, Pager, Spinner, Tag, useFetched } from '../../public/PublicPetitionsPage.tsx';

interface PublicCommitment { id: string; sessionTitle: string; agencyName: string; ownerName: string; ownerPost: string; content: string; madeOn: string; dueOn: string; state: string; stateLabel: string; closedOn: string | null; overdue?: boolean }
interface PublicAnswer {
  id: string; sessionTitle: string; openingDate: string; topicTitle: string | null; questions: string[]; modeLabel: string;
  answererName: string; answererPost: string; answererAgencyName: string | null; summary: string; answeredOn: string; reference: string; correctedOn?: string | null; commitments: PublicCommitment[];
}
const PER_PAGE = 20;
const STATE_TAG: Record<string, string> = { open: 'orange', inProgress: 'blue', reportedDone: 'cyan', closed: 'green' };

function CommitmentRow({ c }: { c: PublicCommitment }) {
  return (
    <li className="lt-commitment" data-testid="public-commitment">
      <div>{c.content}</div>
      <div className="lt-muted">{[c.ownerName, c.ownerPost].filter(Boolean).join(', ')} · {c.agencyName} · hạn {fmtDate(c.dueOn)}</div>
      <Tag color={STATE_TAG[c.state]}>{c.stateLabel}</Tag>{c.overdue && <Tag color="red">Quá hạn</Tag>}
    </li>
  );
}

export function PublicQuestionsPage() {
  const { councilId } = useParams() as { councilId: string };
  const [tab, setTab] = useState<'answers' | 'commitments'>('answers');
  const [page, setPage] = useState(1);
  const council = useFetched(() => api.get<{ name: string }>(`/public/councils/${councilId}`), [councilId]);
  const answers = useFetched(() => api.get<Page<PublicAnswer>>(`/public/councils/${councilId}/question-answers`, { page, pageSize: PER_PAGE }), [councilId, page, tab]);
  const commitments = useFetched(() => api.get<Page<PublicCommitment>>(`/public/councils/${councilId}/commitments`, { page, pageSize: PER_PAGE }), [councilId, page, tab]);
  const name = council.data?.name ?? 'Hội đồng nhân dân';
  const list = tab === 'answers' ? answers : commitments;
  const choose = (t: 'answers' | 'commitments') => { setTab(t); setPage(1); };
  return (
    <Frame title={`Chất vấn — ${name}`} loading={!list.data && !list.error}>
      <h1>{name}</h1>
      <p className="lt-lead">Trả lời chất vấn của đại biểu và tình trạng thực hiện lời hứa · <Link to={`/cong-khai/${councilId}`}>Kiến nghị cử tri</Link></p>
      <div role="tablist" style={{ display: 'flex', gap: 8, margin: '12px 0' }}>
        {([['answers', 'Trả lời chất vấn'], ['commitments', 'Lời hứa và tình trạng']] as const).map(([key, label]) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} className={tab === key ? 'lt-btn lt-btn-primary' : 'lt-btn'} style={{ flex: 1 }} onClick={() => choose(key)}>{label}</button>
        ))}
      </div>
      {list.error ? <div className="lt-alert lt-alert-error">{list.error}</div> : !list.data ? <Spinner /> : list.data.total === 0 ? (
        <div className="lt-empty">{tab === 'answers' ? 'Chưa có trả lời chất vấn nào được công bố.' : 'Chưa có lời hứa nào.'}</div>
      ) : tab === 'answers' ? (
        <div data-testid="public-answers">
          {answers.data?.items.map((a) => (
            <article key={a.id} className="lt-card">
              <div className="lt-muted">{a.sessionTitle} · {a.modeLabel} · {fmtDate(a.answeredOn)}{a.reference ? ` · ${a.reference}` : ''}{a.correctedOn ? ` · đã đính chính ngày ${fmtDate(a.correctedOn)}` : ''}</div>
              <h2 style={{ fontSize: 17, margin: '4px 0' }}>{a.topicTitle ?? a.questions[0]}</h2>
              {a.topicTitle && a.questions.length > 0 && <ul>{a.questions.map((q, i) => <li key={i}>{q}</li>)}</ul>}
              <p><strong>{[a.answererName, a.answererPost].filter(Boolean).join(', ')}</strong>{a.answererAgencyName ? ` (${a.answererAgencyName})` : ''}: {a.summary}</p>
              {a.commitments.length > 0 && <><div className="lt-muted">Lời hứa</div><ul>{a.commitments.map((c) => <CommitmentRow key={c.id} c={c} />)}</ul></>}
            </article>
          ))}
          <Pager page={page} total={answers.data?.total ?? 0} onChange={setPage} />
        </div>
      ) : (
        <section className="lt-card" data-testid="public-commitments">
          <ul>{commitments.data?.items.map((c) => <CommitmentRow key={c.id} c={c} />)}</ul>
          <Pager page={page} total={commitments.data?.total ?? 0} onChange={setPage} />
        </section>
      )}
    </Frame>
  );
}
