// Shared pieces of the sessions pages: row types, the timing tag of an expected document, who may
// manage or approve in a council, and the lateness-per-agency table.
import { Tag, Tooltip } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useAuth } from '../../lib/auth.tsx';
import { fmtDate } from '../../lib/format.ts';
import type { DocumentTiming } from '../../../domain/sessions/index.ts';

export { DOCUMENT_TIMING_LABELS, EXPECTED_DOCUMENT_KIND_LABELS, LEAD_TIME_STEP_LABELS, SESSION_ACTION_LABELS, SESSION_KIND_LABELS, SUBMISSION_KIND_LABELS } from '../../../domain/sessions/index.ts';

export interface FileMeta { id: string; version: number; fileName: string; mimeType: string; size: number; receivedOn: string; createdAt: string }

export interface SessionDoc {
  id: string;
  itemId: string;
  sessionId: string;
  councilId: string;
  agencyId: string | null;
  kind: string;
  kindLabel: string;
  title: string;
  dueDate: string | null;
  dueExplanation: { nominalDate: string; movedBecause: string | null; rule: { value: number; unit: string } } | null;
  receivedOn: string | null;
  receivedVia: 'upload' | 'paper' | null;
  lastRevisedOn: string | null;
  timing: DocumentTiming;
  daysLate: number | null;
  timingLabel: string;
  itemTitle: string;
  presenterId: string;
  presenterName: string;
  sessionTitle: string;
  openingDate: string;
  councilName: string;
  files?: FileMeta[];
}

export interface AgencyLateness { agencyId: string; agencyName: string; documents: number; late: number; receivedLate: number; outstandingLate: number; revisedAfterDeadline: number; averageDaysLate: number | null }

const TIMING_COLORS: Record<DocumentTiming, string> = {
  expected: 'default',
  dueSoon: 'gold',
  late: 'red',
  receivedOnTime: 'green',
  receivedLate: 'volcano',
  revisedAfterDeadline: 'orange',
};

export function TimingTag({ doc }: { doc: Pick<SessionDoc, 'timing' | 'timingLabel' | 'dueDate'> }) {
  return (
    <Tooltip title={doc.dueDate ? `Hạn nộp: ${fmtDate(doc.dueDate)}` : 'Không có hạn nộp'}>
      <Tag color={TIMING_COLORS[doc.timing]} data-testid="timing-tag" style={{ whiteSpace: 'normal' }}>{doc.timingLabel}</Tag>
    </Tooltip>
  );
}

/** How the due date was obtained ("7 ngày trước ngày khai mạc; lùi về … vì Chủ nhật"). */
export function dueNote(d: SessionDoc): string | null {
  const e = d.dueExplanation;
  if (!e) return null;
  const unit = e.rule.unit === 'working_days' ? 'ngày làm việc' : 'ngày';
  return `${e.rule.value} ${unit} trước ngày khai mạc${e.movedBecause ? `; ${fmtDate(e.nominalDate)} là ${e.movedBecause} nên hạn là ${fmtDate(d.dueDate)}` : ''}`;
}

export function useSessionPerms(councilId: string | undefined) {
  const { me } = useAuth();
  const has = (role: string) => !!me && (me.isAdmin || me.grants.some((g) => g.councilId === councilId && g.role === role));
  return { manage: has('secretariat'), approve: has('standing_member'), delegates: has('secretariat') || has('standing_member') };
}

/** The session a page shows: `?sessionId=` when given (a link from the session page or the home
 * page's to-do list), else the one `pick` chooses from the list; choosing another one updates the URL. */
export function useSessionParam<T extends { id: string }>(items: T[] | undefined, pick: (items: T[]) => T): [string | null, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('sessionId');
  const list = items ?? [];
  const sessionId = asked && (!items || list.some((s) => s.id === asked)) ? asked : list.length ? pick(list).id : null;
  const choose = (id: string) => setParams((p) => { p.set('sessionId', id); return p; }, { replace: true });
  return [sessionId, choose];
}

export const fmtDays = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('vi-VN')} ngày`);

/** Lateness per presenting body; each count opens the documents behind it. */
export function LatenessTable(props: { rows: AgencyLateness[]; councilId: string; query: string; loading?: boolean; pagination?: false | object }) {
  const link = (a: AgencyLateness, timing: string | null, n: number) =>
    n === 0 ? '0' : <Link to={`/councils/${props.councilId}/session-lateness/documents?${props.query}&presenterId=${a.agencyId}${timing ? `&timing=${timing}` : ''}`}>{n}</Link>;
  return (
    <ResponsiveTable<AgencyLateness>
      rowKey="agencyId"
      size="small"
      loading={props.loading}
      pagination={props.pagination ?? false}
      dataSource={props.rows}
      locale={{ emptyText: 'Chưa có tài liệu nào phải nộp.' }}
      columns={[
        { title: 'Cơ quan trình', dataIndex: 'agencyName' },
        { title: 'Tài liệu', dataIndex: 'documents', width: 90, align: 'right', render: (n: number, a) => link(a, null, n) },
        { title: 'Nộp muộn / quá hạn', dataIndex: 'late', width: 150, align: 'right', render: (n: number, a) => <span data-testid="late-count">{link(a, 'anyLate', n)}</span> },
        { title: 'Trong đó chưa nộp', dataIndex: 'outstandingLate', width: 140, align: 'right', render: (n: number, a) => link(a, 'late', n) },
        { title: 'Số ngày muộn trung bình', dataIndex: 'averageDaysLate', width: 180, align: 'right', render: fmtDays },
      ]}
    />
  );
}
